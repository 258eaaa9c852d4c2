"""The variables a kind really gives its template, derived by running its context function.

A template does not see the content file: it sees what `kind.context(doc, ws)` returns
(`official_context` flattens `nguoi_ky.ho_ten` into `ho_ten`, adds `so`, `ky_hieu`,
`co_quan_ten`, `dia_danh` …). So the honest list of known names comes from running that function
on example content — the workspace's own content file of that kind when there is one, else a
minimal document built from the schema's example values — unless the kind declares them
(`Kind.context_names`). Which context variables show which content field is found the same
way: change one field, run the context again, see which variables changed.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from pydantic import BaseModel, ValidationError

from gendoc.authoring.names import ANY, MapShape, shape_of
from gendoc.authoring.schema import example_data
from gendoc.document import BuildContext, Document, discover, load_document, rel
from gendoc.exceptions import GendocError
from gendoc.kinds import Kind
from gendoc.workspace import Workspace

MARK = "⁂"


@dataclass
class Known:
    """What a template of this kind may use."""

    root: MapShape
    source: str  # where the names came from, shown to the clerk
    required: list[str] = field(default_factory=list)  # required schema fields
    context: dict[str, Any] = field(default_factory=dict)
    example: Document | None = None  # the content the names came from (None: declared names)

    @cached_property
    def field_vars(self) -> dict[str, set[str]]:
        """Schema field → the context variables that show it.

        Found by running the context once per field, so only when a check asks (a template
        with no errors, or a misspelt name); `gendoc build`'s gate needs neither.
        """
        return {} if self.example is None else _field_vars(self.example, self.context)

    @cached_property
    def field_hint(self) -> Mapping[str, str]:
        """Schema field that is not itself a variable → what to write in the template instead."""
        return FieldHints(self)


class FieldHints(Mapping[str, str]):
    """`Known.field_hint`: which names are fields is known at once, the hint text on demand."""

    def __init__(self, known: Known) -> None:
        fields = type(known.example.data).model_fields if known.example is not None else {}
        self._names = [n for n in fields if n not in known.context]
        self._known = known

    def __getitem__(self, name: str) -> str:
        if name not in self._names:
            raise KeyError(name)
        shown = sorted(self._known.field_vars.get(name, set()))
        return (f"trong mẫu dùng biến {', '.join(shown)}" if shown
                else "trường này không được đưa vào mẫu")

    def __iter__(self) -> Iterator[str]:
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)


_CACHE: dict[tuple[str, str], Known] = {}


def known_names(kind: Kind, ws: Workspace) -> Known:
    key = (str(ws.root), kind.name)
    if key not in _CACHE:
        _CACHE[key] = _derive(kind, ws)
    return _CACHE[key]


def _derive(kind: Kind, ws: Workspace) -> Known:
    required = [n for n, f in kind.schema.model_fields.items() if f.is_required()]
    declared = kind.context_names
    if declared:
        # which variable shows which field is not declared: no "field never shown" warnings
        return Known(MapShape({n: ANY for n in declared}), "danh sách khai báo của loại văn bản",
                     required)
    examples = _examples(kind, ws)
    document, source = examples[0]
    data = document.data
    context = run_context(document, data)
    root = shape_of(dict(context))
    assert isinstance(root, MapShape)
    for other, _ in examples[1:]:  # variables present only for some content (annexes …)
        try:
            extra = shape_of(dict(run_context(other, other.data)))
        except Exception:  # noqa: BLE001 - the first example decides; others only add names
            continue
        for key, shape in getattr(extra, "fields", {}).items():
            if root.fields.get(key) in (None, ANY):
                root.fields[key] = shape
    if len(examples) > 1:
        source += f" (và {len(examples) - 1} tệp khác cùng loại)"
    return Known(root, source, required, dict(context), document)


EXAMPLES = 3  # content files of a kind whose contexts are merged into the known names


def run_context(document: Document, data: BaseModel) -> dict[str, Any]:
    """The kind's template variables for `data` (the document's, or a changed copy of it)."""
    assert document.ws is not None and document.kind.context is not None
    return document.kind.context(dataclasses.replace(document, data=data, warnings=[]),
                                 BuildContext(document.ws))


def _examples(kind: Kind, ws: Workspace) -> list[tuple[Document, str]]:
    """Up to EXAMPLES content files of this kind in the workspace; else a schema example."""
    pattern = re.compile(rf"^loai:\s*['\"]?{re.escape(kind.name)}['\"]?\s*(#.*)?$", re.M)
    try:
        paths = discover(ws) if ws.content_dir.is_dir() else []
    except GendocError:
        paths = []
    found: list[tuple[Document, str]] = []
    for path in paths:
        if path.suffix.lower() not in (".yaml", ".yml") or len(found) >= EXAMPLES:
            continue
        try:
            if not pattern.search(path.read_text(encoding="utf-8")):
                continue
            found.append((load_document(ws, path), rel(ws, path)))
        except (GendocError, OSError, UnicodeDecodeError):
            continue
    if found:
        return found
    units = [u.ma for u in ws.config.co_quan] if getattr(ws.config, "co_quan", None) else []
    data = example_data(kind.schema, kind, units[0] if units else None)
    example = Document(path=ws.content_dir / f"{kind.name}.yaml", kind=kind,
                       data=_validated(kind, ws, data), ws=ws)
    return [(example, "ví dụ dựng từ lược đồ (gendoc schema " + kind.name + ")")]


# Plausible values tried, in order, for a field whose schema example its validator refuses.
CANDIDATES: tuple[Any, ...] = ("2017-01-20", "Nguyễn Thị An", "Nữ", "CHỦ TỊCH",
                               "TM. ỦY BAN NHÂN DÂN", 1, "Kiên Giang", ["…"], True)


def _validated(kind: Kind, ws: Workspace, data: dict[str, Any]) -> BaseModel:
    """Validate the schema example, replacing each refused value by the next candidate."""
    tried: dict[tuple[Any, ...], int] = {}
    for _ in range(len(CANDIDATES) * 4):
        try:
            return kind.schema.model_validate(data, context={"workspace": ws, "path": ws.root})
        except ValidationError as exc:
            for error in exc.errors():
                loc = tuple(error["loc"])
                index = tried.get(loc, 0)
                if not loc or index >= len(CANDIDATES):
                    raise ValueError("không dựng được nội dung ví dụ hợp lệ từ lược đồ") from None
                tried[loc] = index + 1
                _set(data, loc, CANDIDATES[index])
    raise ValueError("không dựng được nội dung ví dụ hợp lệ từ lược đồ")


def _set(data: Any, loc: tuple[Any, ...], value: Any) -> None:
    for key in loc[:-1]:
        if isinstance(data, dict):
            data = data.setdefault(key, {})
        elif isinstance(data, list) and isinstance(key, int) and key < len(data):
            data = data[key]
        else:
            return
    if isinstance(data, dict) or (isinstance(data, list) and isinstance(loc[-1], int)
                                  and loc[-1] < len(data)):
        data[loc[-1]] = value


def _fingerprint(value: Any, depth: int = 0) -> Any:
    if depth > 10:
        return "…"
    if isinstance(value, dict):
        return {str(k): _fingerprint(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_fingerprint(v, depth + 1) for v in value]
    if isinstance(value, BaseModel):
        return _fingerprint(value.model_dump(), depth + 1)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _fingerprint(dataclasses.asdict(value), depth + 1)
    if isinstance(value, (str, int, float, bool, type(None))):
        return value
    return str(value)


def _perturb(value: Any) -> Any:
    """The same value with every text changed (None when nothing can be changed)."""
    if isinstance(value, str):
        return value + MARK
    if isinstance(value, bool):
        return not value
    if isinstance(value, int):
        return value + 1
    if isinstance(value, list):
        return [*value, value[-1]] if value else [MARK]
    if isinstance(value, BaseModel):
        update = {}
        for name in type(value).model_fields:
            changed = _perturb(getattr(value, name))
            if changed is not None:
                update[name] = changed
        return value.model_copy(update=update) if update else None
    return None


def _field_vars(document: Document, context: dict[str, Any]) -> dict[str, set[str]]:
    data = document.data
    base = {k: _fingerprint(v) for k, v in context.items()}
    found: dict[str, set[str]] = {}
    for name in type(data).model_fields:
        names = {k for k in context if k == name or k.startswith(name + "_")}
        changed = _perturb(getattr(data, name))
        if changed is not None:
            try:
                ctx = run_context(document, data.model_copy(update={name: changed}))
                names |= {k for k in ctx if _fingerprint(ctx.get(k)) != base.get(k)}
            except Exception:  # noqa: BLE001 - a code field (co_quan) may not survive a change
                pass
        if names:
            found[name] = names
    return found
