"""The hook `gendoc build` uses: a broken workspace template stops its documents, by name.

Only the workspace's own templates/ are checked here (built-in templates are tested in CI, and so
is a workspace copy still byte for byte the built-in one, as `gendoc template new` leaves it);
each (template, kind) pair is checked once per build. A template with errors makes every document
using it fail — the first with the template's name and first problems, the next ones with a
short reference to it — and the other documents still build.
"""

from __future__ import annotations

import filecmp
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gendoc.document import rel
from gendoc.exceptions import GendocError, RenderError
from gendoc.templates import find_template
from gendoc.workspace import Workspace, builtin_templates_dir

SHOWN_ERRORS = 3


def template_gate(ws: Workspace) -> Callable[[Any], None]:
    """A function `gate(doc)` raising RenderError when doc's workspace template is broken."""
    cache: dict[tuple[Path, str], str | None] = {}

    def gate(doc: Any) -> None:
        name = getattr(doc.data, "template", None) or doc.kind.template
        try:
            path = find_template(ws, name).resolve()
        except GendocError:
            return  # rendering reports a missing template itself
        if not ws.templates_dir.is_dir() or not path.is_relative_to(ws.templates_dir.resolve()):
            return
        if _is_builtin_copy(path):
            return
        key = (path, doc.kind.name)
        first = key not in cache
        if first:
            cache[key] = _verdict(ws, path, doc.kind)
        if cache[key] is None:
            return
        if first:
            raise RenderError(f"{rel(ws, doc.path)}: {cache[key]}")
        raise RenderError(f"{rel(ws, doc.path)}: mẫu '{rel(ws, path)}' có lỗi (xem ở trên) nên "
                          "không dựng văn bản này.")

    return gate


def _is_builtin_copy(path: Path) -> bool:
    """The workspace template is the built-in template of that name, unchanged."""
    builtin = builtin_templates_dir() / path.name
    try:
        return builtin.is_file() and filecmp.cmp(path, builtin, shallow=False)
    except OSError:
        return False


def _verdict(ws: Workspace, path: Path, kind: Any) -> str | None:
    """None for a usable template, else the message naming it and its first errors."""
    # lxml: only when a template is actually checked
    from gendoc.authoring.check import check_template

    shown = rel(ws, path)
    try:
        report = check_template(path, kind, ws, shown=shown, errors_only=True)
    except GendocError as exc:
        return f"mẫu '{shown}' không dùng được: {exc.format_message()}"
    if report.ok:
        return None
    lines = [f.render() for f in report.errors[:SHOWN_ERRORS]]
    more = len(report.errors) - SHOWN_ERRORS
    if more > 0:
        lines.append(f"… và {more} lỗi khác")
    body = "\n    ".join(line.replace("\n", "\n    ") for line in lines)
    return (
        f"mẫu '{shown}' có {len(report.errors)} lỗi nên không dựng văn bản này:\n    {body}\n"
        f"  Xem đủ và sửa: gendoc template check {shown} (thêm --fix để sửa các thẻ bị Word "
        "làm hỏng).")
