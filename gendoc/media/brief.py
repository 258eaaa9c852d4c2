"""The steps every media kind shares: blocks → HTML page, plain text, DOCX, bias check.

A kind turns its content into blocks (`gendoc.media.blocks`) and hands them to `produce()`:
the web page and the plain text are drawn from `web`, the .docx from the same blocks — or from
`van_ban` when the Word version differs (an ND30 release has its header and title in the .docx
template, not in the body). No output is parsed back from another.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gendoc.body import Blocks, Para, close_body
from gendoc.document import Document, rel
from gendoc.kinds import Kind, register
from gendoc.media.blocks import for_docx
from gendoc.media.convert import to_html, to_text
from gendoc.media.page import PAGE_TEMPLATE, page
from gendoc.media.render import Images, bias_warnings, docx_bytes, media_maker
from gendoc.media.scaffold import example_scaffold
from gendoc.workspace import Workspace


@dataclass
class Brief:
    """What a kind hands to `produce()`."""

    title: str
    web: list[Any]  # blocks of the web page and the plain text (and the .docx by default)
    van_ban: list[Any] | None = None  # blocks of the .docx when they differ from `web`
    description: str | None = None
    site: str | None = None
    formats: tuple[str, ...] = (".html", ".txt", ".docx")
    docx_template: str = "truyen_thong.docx"
    docx_context: dict[str, Any] = field(default_factory=dict)  # ND30 header variables …
    page_template: str = PAGE_TEMPLATE
    close_body: bool = False  # end the Word body with "./." (ND30)


def own_templates(ws: Workspace, doc: Document, brief: Brief) -> Brief:
    """Apply the content file's `template:` — a page frame (.html.j2) or a Word template (.docx).

    The name was checked at load (`gendoc.media.schema.own_template`: an old Markdown template
    gets a migration message there). A workspace's leftover `templates/<kind>.md.j2` is
    reported as unused; the document still builds with gendoc's layout.
    """
    legacy = ws.templates_dir / f"{doc.kind.name}.md.j2"
    if legacy.is_file():
        doc.warnings.append(
            f"mẫu '{rel(ws, legacy)}' không còn được dùng: nội dung tin, bài được in nguyên văn, "
            f"bố cục do gendoc dựng. Muốn đổi khung trang web, chép mẫu {PAGE_TEMPLATE} của "
            "gendoc (xem đường dẫn bằng 'gendoc templates') vào templates/ rồi sửa; sau đó xoá "
            "tệp .md.j2 này.")
    own = getattr(doc.data, "template", None) or ""
    if own.endswith(".html.j2"):
        brief.page_template = own
    elif own.endswith(".docx"):
        brief.docx_template = own
    return brief


def produce(ws: Workspace, doc: Document, images: Images, brief: Brief) -> dict[str, bytes]:
    """Every requested format as bytes; warnings (bias, unused templates) go to `doc.warnings`."""
    brief = own_templates(ws, doc, brief)
    text = to_text(brief.web)
    doc.warnings.extend(bias_warnings(ws, doc, text))
    out: dict[str, bytes] = {}
    if ".docx" in brief.formats:
        blocks = for_docx(brief.van_ban if brief.van_ban is not None else brief.web)
        if brief.close_body:
            blocks = _closed(blocks)
        out[".docx"] = docx_bytes(ws, brief.docx_template, {
            "tieu_de": brief.title, "mo_ta": brief.description or "",
            "dau_trang": brief.site or "", "css": "", **brief.docx_context, "noi_dung": blocks})
    if ".html" in brief.formats:
        out[".html"] = page(brief.title, to_html(brief.web), images=images.by_ref,
                            description=brief.description, site=brief.site, ws=ws,
                            template=brief.page_template).encode("utf-8")
    if ".txt" in brief.formats:
        out[".txt"] = text.encode("utf-8")
    return {s: out[s] for s in brief.formats}


def _closed(blocks: Blocks) -> Blocks:
    """ND30 bodies end with "./." after the last paragraph."""
    paras = [b for b in blocks if isinstance(b, Para)]
    if paras and blocks and blocks[-1] is paras[-1]:
        close_body(paras)
    return blocks


def media_kind(name: str, title: str, schema: type, build_outputs: Any, *,
               formats: tuple[str, ...], context_names: list[str], example: str,
               **kind_fields: Any) -> Kind:
    """Register a media kind: custom renderer, declared template variables, `gendoc new`.

    Non-ND30 kinds default to the shared `truyen_thong.docx`; an ND30 kind passes its own
    `template`, `make_template`, `ten_loai`, `context` and `official=True`.
    """
    # python-docx: the media template is made only when a kind is used
    from gendoc.media.docx_template import TEMPLATE, make_template

    make = kind_fields.pop("make_template", make_template)
    # Briefs may print the consolidation's figures: they depend on other content files.
    fields = {"template": TEMPLATE, "official": False, "reads_workspace": True, **kind_fields}
    return register(Kind(
        name=name, title=title, schema=schema, formats=formats,
        make=media_maker(build_outputs), context_names=tuple(context_names),
        make_template=make, scaffold=example_scaffold(name, example), **fields))
