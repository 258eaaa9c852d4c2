"""One validated document → its artifacts, in memory.

`render_document(doc, bctx)` runs the kind's `make` (or, for a simple kind, renders its .docx
template with its `context`), then makes every artifact's bytes reproducible and checks that it
stays inside `output/` and has a declared format. Nothing is written here; `gendoc.output` does.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from typing import Any

from gendoc.artifacts import Artifact, artifact, reproducible
from gendoc.document import BuildContext, Document, output_stem
from gendoc.exceptions import RenderError
from gendoc.templates import find_template


def render_document(doc: Document, bctx: BuildContext) -> list[Artifact]:
    """Every output of one document, with reproducible bytes."""
    kind = doc.kind
    if kind.make is not None:
        made = kind.make(doc, bctx)
    else:
        made = [docx_artifact(doc, bctx, kind_context(doc, bctx))]
    for item in made:
        _check_artifact(doc, item)
    return [reproducible(item, doc.date) for item in made]


def kind_context(doc: Document, bctx: BuildContext) -> dict[str, Any]:
    if doc.kind.context is None:
        raise RenderError(f"loại văn bản '{doc.kind.name}' không có hàm dựng nội dung "
                          "(lỗi của gendoc — báo cho nhóm phát triển).")
    return doc.kind.context(doc, bctx)


def stem_of(doc: Document, bctx: BuildContext) -> PurePosixPath:
    """content/a/b.yaml → a/b: the document's outputs are a/b.<suffix> or inside a/b/."""
    return output_stem(bctx.ws, doc.path)


def docx_artifact(doc: Document, bctx: BuildContext, context: dict[str, Any], *,
                  template: str | None = None, path: str | PurePosixPath | None = None,
                  nd30: bool | None = None) -> Artifact:
    """Merge `context` into the document's template (or `template`) → one .docx artifact.

    The one DOCX path of every kind: the template is compiled once per build (kept in
    `bctx.cache`, see `gendoc.docx_compiled`) and filled here. A kind whose `page_format` is
    "own" (certificates) keeps its template's page layout instead of the workspace's ND30 format.
    """
    # docxtpl and python-docx: heavy, imported only when a document is rendered
    from gendoc.docx_meta import set_core_properties
    from gendoc.docx_render import render_docx, to_reproducible_bytes

    ws = bctx.ws
    name = template or getattr(doc.data, "template", None) or doc.kind.template
    found = find_template(ws, name)
    rendered = render_docx(found, context, ws if doc.kind.page_format == "nd30" else None,
                           cache=bctx.cache)  # compiled once per build, filled per document
    set_core_properties(rendered, context)  # PDF/A title, author, subject (gendoc/docx_meta.py)
    target = path or f"{stem_of(doc, bctx)}.docx"
    return artifact(target, to_reproducible_bytes(rendered, doc.date),
                    nd30=doc.kind.official if nd30 is None else nd30, fixed=True)


def _check_artifact(doc: Document, item: Artifact) -> None:
    parts = item.path.parts
    if item.path.is_absolute() or ".." in parts or not parts:
        raise RenderError(f"{doc.shown}: đường dẫn đầu ra '{item.path}' không hợp lệ "
                          "(lỗi của gendoc — báo cho nhóm phát triển).")
    if item.suffix.lstrip(".") not in doc.kind.formats:
        raise RenderError(f"{doc.shown}: loại '{doc.kind.name}' tạo tệp {item.suffix} ngoài các "
                          f"định dạng đã khai báo ({', '.join(doc.kind.formats)}) — lỗi của "
                          "gendoc, báo cho nhóm phát triển.")
