"""The steps every media kind shares: Markdown → HTML page, plain text, DOCX blocks, bias check.

A kind supplies its template context; `produce()` renders the Markdown once for the web (`kenh`
= "web") and, when the Word version differs (an ND30 release has its header and title in the
.docx template, not in the body), once more with `kenh` = "van_ban".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gendoc.body import Blocks, Para, close_body
from gendoc.build import Document
from gendoc.kinds import Kind
from gendoc.media.convert import to_text
from gendoc.media.page import page
from gendoc.media.render import (
    Images,
    bias_warnings,
    docx_bytes,
    html_blocks,
    markdown_to_html,
    render_markdown,
)
from gendoc.workspace import Workspace


@dataclass
class Brief:
    """What a kind hands to `produce()`."""

    template: str  # the .md.j2 template
    context: dict[str, Any]
    title: str
    description: str | None = None
    site: str | None = None
    formats: tuple[str, ...] = (".html", ".txt", ".docx")
    docx_template: str = "truyen_thong.docx"
    docx_context: dict[str, Any] = field(default_factory=dict)  # ND30 header variables …
    docx_separate: bool = False  # render the body again with kenh="van_ban" for the .docx
    close_body: bool = False  # end the Word body with "./." (ND30)
    text_header: str | None = None  # lines put before the plain text (timing summary …)


def template_name(doc: Document, default: str) -> str:
    own = getattr(doc.data, "template", None)
    return own if own else default


def produce(ws: Workspace, doc: Document, images: Images, brief: Brief) -> dict[str, bytes]:
    """Every requested format as bytes; warnings (bias) are added to `doc.warnings`."""
    web_md = render_markdown(ws, brief.template, {**brief.context, "kenh": "web"})
    body = markdown_to_html(web_md)
    text = to_text(body)
    if brief.text_header:
        text = brief.text_header.rstrip("\n") + "\n\n" + text
    doc.warnings.extend(bias_warnings(ws, doc, text))
    out: dict[str, bytes] = {}
    if ".docx" in brief.formats:
        word_body = body
        if brief.docx_separate:
            word_body = markdown_to_html(
                render_markdown(ws, brief.template, {**brief.context, "kenh": "van_ban"}))
        blocks = html_blocks(word_body, images)
        if brief.close_body:
            blocks = _closed(blocks)
        out[".docx"] = docx_bytes(ws, brief.docx_template,
                                  {**brief.docx_context, "noi_dung": blocks})
    if ".html" in brief.formats:
        out[".html"] = page(brief.title, body, images=images.by_ref,
                            description=brief.description, site=brief.site).encode("utf-8")
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
    from gendoc.kinds import register
    from gendoc.media.docx_template import TEMPLATE, make_template
    from gendoc.media.render import media_maker
    from gendoc.media.scaffold import example_scaffold

    make = kind_fields.pop("make_template", make_template)
    # Briefs may print the consolidation's figures: they depend on other content files.
    fields = {"template": TEMPLATE, "official": False, "reads_workspace": True, **kind_fields}
    return register(Kind(
        name=name, title=title, schema=schema, formats=formats,
        make=media_maker(build_outputs), context_names=tuple(context_names),
        make_template=make, scaffold=example_scaffold(name, example), **fields))
