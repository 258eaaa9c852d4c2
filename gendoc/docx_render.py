"""Fill a compiled DOCX template with docxtpl in gendoc's sandbox, then fit what depends on it.

docxtpl merges the context into the template (autoescaped, so `&`, `<` and quotes in content
come out literally). The workspace's format is already in the compiled template
(`gendoc.docx_compiled`); afterwards the short rule lines are sized to the text actually printed
(the issuing body's name, the trích yếu, each annex's «Kèm theo» line), annex pages restart, and
empty paragraphs that would print a blank page shrink. Paragraphs are found by the style ids the
compiled template mapped once, not by python-docx's style lookup (a scan of every style).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import MutableMapping
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.opc.packuri import PackURI
from docx.opc.pkgwriter import PackageWriter
from docx.oxml import OxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from gendoc import nd30
from gendoc.artifacts import office_zip
from gendoc.body import Blocks
from gendoc.docx_blocks import to_subdoc
from gendoc.docx_compiled import CompiledTemplate, cached_template
from gendoc.docx_templates import (
    RULE_CO_QUAN,
    RULE_PHU_LUC,
    RULE_TRICH_YEU,
    bottom_border,
    cell_text_cm,
    center_rule,
    spacer,
)
from gendoc.docx_xml import W_P, style_id_of
from gendoc.kinds.annex_pages import restart_annex_pages
from gendoc.kinds.official import ANNEX_NOTE_STYLE
from gendoc.templates import render_error
from gendoc.textwidth import width_cm
from gendoc.workspace import Workspace


def render_docx(template: Path | CompiledTemplate, context: dict[str, Any], ws: Workspace | None,
                *, cache: MutableMapping[Any, Any] | None = None) -> DocxDocument:
    """Merge `context` into `template`; Jinja errors become RenderError naming the template.

    `template` is a path (compiled here, or found in `cache`: the build's compiled templates) or
    a template compiled for this build. `ws` (None: keep the template's own page layout) gives
    the ND30 format applied when a path is compiled.
    """
    compiled = template if isinstance(template, CompiledTemplate) else \
        cached_template(cache, template, ws)
    tpl = compiled.fill()
    context = {key: to_subdoc(tpl, value) if isinstance(value, Blocks) else value
               for key, value in context.items()}
    try:
        tpl.render_with(context)
    except Exception as exc:  # jinja errors, sandbox refusals, docxtpl's XML errors
        raise render_error(compiled.path.name, exc) from exc
    doc = tpl.docx
    fit_rules(doc, compiled)
    restart_annex_pages(doc, compiled.style_ids)
    no_blank_pages(doc)
    return doc


def fit_rules(doc: DocxDocument, compiled: CompiledTemplate) -> None:
    """Size the short rules to the text actually printed (the numbers are in `gendoc.nd30`).

    Under the issuing body: `CO_QUAN_RULE_TARGET` of the name's longest line; under the trích
    yếu: `TRICH_YEU_RULE_TARGET` of its longest line; under each annex's «(Kèm theo …)»: a rule
    of `PHU_LUC_RULE_TARGET` of that line (Phụ lục III, Mẫu 2.1), added here. Widths inside a
    table cell are the cell less its margins.
    """
    style_ids, sizes = compiled.style_ids, compiled.paragraph_sizes

    def style_id(name: str) -> str:  # a style the template lacks matches no paragraph
        return style_ids.get(name, "\0" + name)

    co_quan, trich_yeu, annex_note = (style_id(RULE_CO_QUAN), style_id(RULE_TRICH_YEU),
                                      style_id(ANNEX_NOTE_STYLE))
    for table in doc.tables[:1]:
        for cell in table.rows[0].cells:
            paragraphs = cell.paragraphs
            for i, para in enumerate(paragraphs):
                if para._p.style != co_quan:
                    continue
                names = [p.text for p in paragraphs[:i] if p.text.strip() and _is_bold(p)]
                if not names:
                    continue
                available = cell_text_cm(cell, nd30.HEADER_COLUMNS_CM[0])
                longest = max(width_cm(n, nd30.HEADER_SIZES_PT["co_quan"], bold=True) for n in names)
                center_rule(para, available, min(longest, available) * nd30.CO_QUAN_RULE_TARGET)
    text_cm = _text_width_cm(doc)
    # The body's paragraphs as lxml elements, their style read directly: python-docx's
    # `doc.paragraphs` + `.style` walk the schema for each of hundreds of body paragraphs, and
    # only a handful are rules.
    paragraphs = list(doc.element.body.iterchildren(W_P))
    for i, p in enumerate(paragraphs):
        name = style_id_of(p)
        if name == trich_yeu:
            above = [Paragraph(x, doc._body) for x in paragraphs[max(i - 3, 0):i]]
            above = [x for x in above if x.text.strip()]
            if above:
                _fit_under(Paragraph(p, doc._body), above[-1], text_cm,
                           nd30.TRICH_YEU_RULE_TARGET, sizes)
        elif name == annex_note and (para := Paragraph(p, doc._body)).text.strip():
            rule = _insert_rule_after(para, style_ids.get(RULE_PHU_LUC))
            _fit_under(rule, para, text_cm, nd30.PHU_LUC_RULE_TARGET, sizes)


def _fit_under(rule, above, text_cm: float, fraction: float,  # noqa: ANN001
               sizes: dict[str | None, float | None]) -> None:
    """Centre `rule` under the paragraph `above` at `fraction` of its longest printed line."""
    size = _run_size(above, sizes)
    line = min(width_cm(above.text, size, bold=_is_bold(above)), text_cm)
    center_rule(rule, text_cm, line * fraction)


def _insert_rule_after(para, rule_style: str | None):  # noqa: ANN001, ANN202
    element = OxmlElement("w:p")
    para._p.addnext(element)
    rule = Paragraph(element, para._parent)
    if rule_style is not None:
        rule._p.style = rule_style
    rule.paragraph_format.keep_with_next = True
    rule.paragraph_format.space_after = Pt(nd30.DEFAULT_PARAGRAPH_SPACING_PT)
    bottom_border(rule)
    return rule


def _run_size(paragraph, sizes: dict[str | None, float | None]) -> float:  # noqa: ANN001
    """The paragraph's font size: its first run's own, else its style's (a style id the
    template lacks is the default style, as python-docx and Word read it)."""
    for run in paragraph.runs:
        if run.font.size:
            return run.font.size.pt
    style_id = style_id_of(paragraph._p)
    size = sizes[style_id] if style_id in sizes else sizes.get(None)
    return size if size is not None else nd30.DEFAULT_BODY_SIZE_PT


def _text_width_cm(doc: DocxDocument) -> float:
    sections = doc.sections
    if not len(sections) or not (sections[-1].page_width and sections[-1].left_margin is not None):
        margins = nd30.DEFAULT_MARGINS_MM  # a damaged template may lose its section properties
        return (nd30.PAGE_WIDTH_MM - margins["left"] - margins["right"]) / 10
    section = sections[-1]
    return (int(section.page_width or 0) - int(section.left_margin or 0) - int(section.right_margin or 0)) / 360000


def no_blank_pages(doc: DocxDocument) -> None:
    """Empty paragraphs that only end a table or a section are made 1 pt high, and empty
    paragraphs trailing the document are dropped: at full size they spill onto a new page when
    what precedes them ends at the foot of a page, and print a blank page."""
    body = doc.element.body
    blocks = [el for el in body if el.tag in (_W_P, _W_TBL)]
    while len(blocks) >= 2 and _empty(blocks[-1]) and blocks[-2].tag == _W_P:
        body.remove(blocks.pop())  # the paragraph before it ends the document as well
    for index, el in enumerate(blocks):
        if el.tag != _W_P or not _empty(el):
            continue
        last = index == len(blocks) - 1
        breaks_section = el.find(f"{_W}pPr/{_W}sectPr") is not None
        if last or breaks_section:
            spacer(Paragraph(el, doc), 1)


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_W_P, _W_TBL = f"{_W}p", f"{_W}tbl"


def _empty(el) -> bool:  # noqa: ANN001 - lxml element
    """No text, picture, field or break: nothing would print."""
    for tag in ("t", "drawing", "pict", "br", "fldChar", "object"):
        if el.find(f".//{_W}{tag}") is not None:
            return False
    return True


def _is_bold(paragraph) -> bool:  # noqa: ANN001 - python-docx paragraph
    return any(run.bold for run in paragraph.runs)


def to_bytes(doc: DocxDocument) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def to_reproducible_bytes(doc: DocxDocument, date: dt.date | None) -> bytes:
    """The package written once, already reproducible (`gendoc.artifacts.office_zip`: fixed
    member times, core-property dates from `date`): the bytes `to_bytes` followed by
    `artifacts.normalise_office` gives, without writing and re-reading the zip twice.

    The parts are serialised by python-docx's own package writer, fed to gendoc's zip writer."""
    package = doc.part.package
    for part in package.parts:
        part.before_marshal()
    members = _Members()
    PackageWriter._write_content_types_stream(members, package.parts)
    PackageWriter._write_pkg_rels(members, package.rels)
    PackageWriter._write_parts(members, package.parts)  # type: ignore[arg-type]
    return office_zip(members.items, date)


class _Members:
    """The physical-writer interface python-docx's PackageWriter writes to, collecting the
    members in order instead of zipping them with the clock's time."""

    def __init__(self) -> None:
        self.items: list[tuple[str, bytes]] = []

    def write(self, uri: PackURI, blob: bytes) -> None:
        self.items.append((uri.membername, blob))
