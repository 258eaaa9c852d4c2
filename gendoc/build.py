"""Load, validate and render content files; build a whole workspace.

`build()` renders every document under content/ into output/ (content/a/b.yaml →
output/a/b.docx). One bad document never stops the others: its error is collected, no output is
written for it, and the summary names it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from gendoc.exceptions import ContentError, FieldProblem, GendocError
from gendoc.kinds import Kind, get_kind
from gendoc.validation import validate
from gendoc.workspace import Workspace
from gendoc.writer import atomic_save, ensure_inside
from gendoc.yamlio import line_of, load_yaml

DOCUMENT_SUFFIXES = (".yaml", ".yml")

# Other content formats: suffix → "module:function" returning (mapping, locate) or None when the
# file is not a gendoc document (e.g. a plain spreadsheet used as data). `locate(loc)` gives the
# position of a field for error messages (a line number, or "Sheet!D12").
CONTENT_READERS: dict[str, str] = {
    ".xlsx": "gendoc.reports.excel:read_form",
}


def read_content(path: Path) -> tuple[Any, Callable[[Sequence[str | int]], Any]] | None:
    """Parse a content file into a mapping plus a locator for its fields."""
    suffix = path.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        raw = load_yaml(path)
        return raw, lambda loc: line_of(raw, loc)
    spec = CONTENT_READERS.get(suffix)
    if spec is None:
        return None
    module, func = spec.split(":")
    return getattr(importlib.import_module(module), func)(path)


class NotADocument(ContentError):
    """The file is not a gendoc content file (e.g. a data spreadsheet); `build` skips it."""


@dataclass
class Document:
    """A validated content file and its kind."""

    path: Path
    kind: Kind
    data: Any  # the kind's pydantic model
    raw: Any = None  # the ruamel mapping (line numbers, comments)
    warnings: list[str] = field(default_factory=list)
    ws: Workspace | None = None

    @property
    def ky_hieu(self) -> str | None:
        """The symbol after the slash in `Số:` (e.g. KH-UBND), for official documents."""
        from gendoc.kinds.official import symbol

        code = getattr(self.data, "co_quan", None)
        if code is None or self.ws is None:
            return None
        return symbol(self.data, self.ws.unit(code), self.kind.viet_tat)


@dataclass
class RenderResult:
    document: Document
    outputs: list[Path]
    template: Path | None = None

    @property
    def output(self) -> Path:
        return self.outputs[0]


@dataclass
class BuildReport:
    results: list[RenderResult] = field(default_factory=list)
    failures: list[tuple[Path, GendocError]] = field(default_factory=list)
    warnings: list[tuple[Path, str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures


def rel(ws: Workspace, path: Path) -> str:
    """A path as the clerk sees it: relative to the workspace when possible."""
    try:
        return str(path.resolve().relative_to(ws.root))
    except ValueError:
        return str(path)


def load_document(ws: Workspace, path: Path) -> Document:
    """Parse and validate one content file; every problem in it is reported together."""
    path = Path(path)
    shown = rel(ws, path)
    parsed = read_content(path)
    if parsed is None:
        if path.suffix.lower() in CONTENT_READERS:
            raise NotADocument(shown, "không phải tệp nội dung của gendoc (ví dụ bảng tính dữ "
                                      "liệu, không phải biểu mẫu do 'gendoc new' tạo).")
        raise ContentError(shown, f"gendoc không đọc được loại tệp '{path.suffix}' — "
                                  "tệp nội dung phải là .yaml (hoặc biểu mẫu Excel của gendoc).")
    raw, locate = parsed
    if not isinstance(raw, dict):
        raise ContentError(shown, "tệp phải là các dòng 'tên_trường: giá trị' "
                                  "(bắt đầu bằng 'loai: …').")
    kind = get_kind(raw.get("loai"), path=shown, line=locate(("loai",)))
    data = validate(kind.schema, raw, shown, context={"workspace": ws, "path": path},
                    where=locate)
    _check_issuer(ws, data, locate, shown)
    doc = Document(path=path, kind=kind, data=data, raw=raw, ws=ws)
    nguoi_ky = getattr(data, "nguoi_ky", None)
    if nguoi_ky is not None and not nguoi_ky.ho_ten:
        doc.warnings.append("chưa có họ tên người ký (trường nguoi_ky.ho_ten) — "
                            "văn bản in «Họ và tên» ở chỗ ký tên để điền sau.")
    return doc


def _check_issuer(ws: Workspace, data: BaseModel, locate: Callable[..., Any], shown: str) -> None:
    code = getattr(data, "co_quan", None)
    if code is None:
        return
    try:
        ws.unit(code)
    except ContentError as exc:
        problem = exc.problems[0]
        raise ContentError(shown, [FieldProblem(problem.field, problem.message,
                                                where=locate(("co_quan",)),
                                                hint=problem.hint)]) from None


def default_output(ws: Workspace, path: Path, suffix: str) -> Path:
    """content/a/b.yaml → output/a/b<suffix>; files outside content/ go to output/<name>."""
    path = path.resolve()
    try:
        relative = path.relative_to(ws.content_dir.resolve())
    except ValueError:
        relative = Path(path.name)
    return ws.output_dir / relative.with_suffix(suffix)


def render_document(ws: Workspace, doc: Document, out: Path | None = None) -> RenderResult:
    """Render a validated document with its kind's renderer (default: its DOCX template)."""
    renderer = doc.kind.extra.get("render")
    if renderer is not None:
        return renderer(ws, doc, out)
    return write_docx(ws, doc, doc.kind.context(doc.data, ws), out)


def write_docx(ws: Workspace, doc: Document, context: dict[str, Any], out: Path | None = None,
               *, workspace_format: bool = True) -> RenderResult:
    """Merge `context` into the document's template and write output/<mirrored path>.docx.

    The one DOCX path every kind uses; custom renderers call it with their own context.
    `workspace_format=False` keeps a layout that is not ND30 body format (certificates).
    """
    from gendoc.docx_meta import set_core_properties
    from gendoc.docx_render import render_docx
    from gendoc.templates import find_template

    template = find_template(ws, getattr(doc.data, "template", None) or doc.kind.template)
    rendered = render_docx(template, context, ws if workspace_format else None)
    set_core_properties(rendered, context)  # PDF/A title, author, subject (gendoc/docx_meta.py)
    target = out or default_output(ws, doc.path, ".docx")
    root = None if out is not None else ws.output_dir
    atomic_save(target, lambda tmp: rendered.save(str(tmp)), root=root)
    return RenderResult(document=doc, outputs=[target], template=template)


def render_file(ws: Workspace, path: Path, out: Path | None = None) -> RenderResult:
    return render_document(ws, load_document(ws, path), out)


def discover(ws: Workspace, paths: Iterable[Path] | None = None) -> list[Path]:
    """Content files to build: the given files/folders, or all of content/.

    Files and folders whose name starts with `_` are data used by other documents (participant
    lists, figures), not documents themselves.
    """
    roots = [Path(p) for p in paths] if paths else [ws.content_dir]
    found: list[Path] = []
    for root in roots:
        if root.is_file():
            found.append(root)
            continue
        if not root.exists():
            raise ContentError(str(root), "không tìm thấy tệp hay thư mục này.")
        for path in sorted(root.rglob("*")):
            inside = path.relative_to(root).parts
            if any(part.startswith(("_", ".")) for part in inside):
                continue
            suffix = path.suffix.lower()
            if path.is_file() and (suffix in DOCUMENT_SUFFIXES or suffix in CONTENT_READERS):
                found.append(path)
    return found


def build(ws: Workspace, paths: Iterable[Path] | None = None) -> BuildReport:
    """Render every content file; collect failures instead of stopping at the first."""
    from gendoc.authoring.gate import template_gate

    report = BuildReport()
    gate = template_gate(ws)  # a broken workspace template fails its documents, by name
    for path in discover(ws, paths):
        ensure_inside(default_output(ws, path, ".docx"), ws.output_dir)
        try:
            doc = load_document(ws, path)
            gate(doc)
            result = render_document(ws, doc)
        except NotADocument:
            report.warnings.append((path, "bỏ qua: không phải tệp nội dung của gendoc (bảng tính "
                                          "dữ liệu nên để trong thư mục bắt đầu bằng '_')."))
            continue
        except GendocError as exc:
            report.failures.append((path, exc))
            continue
        report.results.append(result)
        report.warnings.extend((path, w) for w in doc.warnings)
    return report
