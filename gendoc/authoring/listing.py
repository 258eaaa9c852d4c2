"""Which templates a workspace sees: built-in and its own, for which kind, and which one wins.

A workspace template with the same file name as a built-in one replaces it for every document
(the search path puts the workspace's templates/ first); a content file may also name a variant
with `template: ten-mau.docx`. Clerks need to see both facts before editing anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from gendoc.document import discover, rel
from gendoc.exceptions import GendocError
from gendoc.kinds import all_kinds
from gendoc.templates import search_path
from gendoc.workspace import Workspace, builtin_templates_dir

TEMPLATE_SUFFIXES = (".docx", ".j2", ".jinja")
TEMPLATE_KEY_RE = re.compile(r"^template:\s*['\"]?([^'\"#\s]+)", re.M)


@dataclass
class Entry:
    name: str
    path: Path
    builtin: bool
    kinds: list[str] = field(default_factory=list)  # kinds whose default template this is
    used_by: list[str] = field(default_factory=list)  # content files naming it in `template:`
    active: bool = True  # False when a workspace template of the same name wins
    missing: bool = False  # a kind names it but no file exists

    def to_json(self) -> dict[str, object]:
        return {"ten": self.name, "duong_dan": str(self.path), "co_san": self.builtin,
                "loai": self.kinds, "tep_noi_dung": self.used_by, "dang_dung": self.active,
                "thieu": self.missing}


def is_template(path: Path) -> bool:
    name = path.name
    return (path.is_file() and not name.startswith(("~$", "."))
            and name.lower().endswith(TEMPLATE_SUFFIXES))


def list_templates(ws: Workspace) -> list[Entry]:
    kinds = all_kinds()
    by_name: dict[str, list[str]] = {}
    for kind in kinds.values():
        by_name.setdefault(kind.template, []).append(kind.name)
    references = _references(ws)
    builtin = builtin_templates_dir().resolve()
    entries: list[Entry] = []
    seen: set[str] = set()
    for folder in search_path(ws):
        for path in sorted(p for p in folder.iterdir() if is_template(p)):
            kinds_of = by_name.get(path.name) or variant_of(path.name)
            entries.append(Entry(path.name, path, folder.resolve() == builtin, kinds_of,
                                 references.get(path.name, []), active=path.name not in seen))
            seen.add(path.name)
    for name, names in sorted(by_name.items()):
        if name not in seen:
            entries.append(Entry(name, builtin / name, True, names, references.get(name, []),
                                 active=False, missing=True))
    for name, files in sorted(references.items()):
        if name not in seen and name not in by_name:
            entries.append(Entry(name, ws.templates_dir / name, False, [], files,
                                 active=False, missing=True))
    return entries


def variant_of(name: str) -> list[str]:
    """Kinds a template belongs to by its name: named after the kind (`tin_bai.md.j2`, a
    renderer's own template), else the kind whose default template file name, without suffix,
    starts `name` before - or _ (`bao_cao-so-y-te.docx`)."""
    kinds = all_kinds()
    stem = name.split(".", 1)[0]
    if stem in kinds and kinds[stem].template != name:
        return [stem]
    found: list[tuple[int, str]] = []
    for kind in kinds.values():
        stem = kind.template.split(".", 1)[0]
        suffix = kind.template[len(stem):]
        if name.endswith(suffix) and name != kind.template and \
                re.match(rf"{re.escape(stem)}[-_]", name):
            found.append((len(stem), kind.name))
    longest = max((size for size, _ in found), default=0)
    return sorted(name for size, name in found if size == longest)


LOAI_RE = re.compile(r"^loai:\s*['\"]?(\w+)", re.M)


def content_kinds(ws: Workspace, template: str) -> list[str]:
    """The `loai` of the content files that choose `template` (sorted, without repeats)."""
    found = set()
    for shown in _references(ws).get(template, []):
        try:
            m = LOAI_RE.search((ws.root / shown).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        if m:
            found.add(m.group(1))
    return sorted(found)


def _references(ws: Workspace) -> dict[str, list[str]]:
    """template file name → content files that ask for it (read as text: fast, never fails)."""
    found: dict[str, list[str]] = {}
    try:
        paths = discover(ws) if ws.content_dir.is_dir() else []
    except GendocError:
        return found
    for path in paths:
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        m = TEMPLATE_KEY_RE.search(text)
        if m:
            found.setdefault(m.group(1), []).append(rel(ws, path))
    return found


def render_table(ws: Workspace, entries: list[Entry]) -> str:
    lines = []
    for e in entries:
        where = "có sẵn" if e.builtin else f"riêng ({rel(ws, e.path)})"
        if e.missing:
            state = "THIẾU TỆP — tạo bằng: gendoc template new " + (e.kinds[0] if e.kinds else "LOẠI")
        elif not e.active:
            state = "không dùng: bị mẫu riêng cùng tên thay thế"
        elif not e.builtin and any(x.name == e.name and x.builtin for x in entries):
            state = "đang dùng, thay mẫu có sẵn cùng tên"
        else:
            state = "đang dùng"
        uses = ", ".join(e.kinds) or "—"
        lines.append(f"  {e.name}\n      loại: {uses}; nguồn: {where}; {state}")
        if e.used_by:
            lines.append(f"      tệp nội dung chọn mẫu này (template:): {', '.join(e.used_by)}")
    return "\n".join(lines)
