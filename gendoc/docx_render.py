"""Render a DOCX template with docxtpl in gendoc's sandbox, then apply the workspace's format.

docxtpl merges the context into the template (autoescaped, so `&`, `<` and quotes in content
come out literally); afterwards python-docx applies the format settings from `gendoc.yaml`
(margins, body size) and sizes the short rule lines to the actual issuing-body name.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.shared import Cm, Mm, Pt
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate

from gendoc import nd30
from gendoc.body import Blocks
from gendoc.docx_blocks import to_subdoc
from gendoc.docx_templates import (
    RULE_CO_QUAN,
    RULE_PHU_LUC,
    RULE_TRICH_YEU,
    bottom_border,
    cell_text_cm,
    center_rule,
    spacer,
)
from gendoc.kinds.annex_pages import restart_annex_pages
from gendoc.kinds.official import ANNEX_NOTE_STYLE
from gendoc.templates import make_env, render_error
from gendoc.textwidth import width_cm
from gendoc.workspace import DinhDang, Workspace

BODY_STYLE_NAMES = ("Normal", "ND30 Noi dung", "ND30 Can cu", "ND30 Tieu de giua")


def render_docx(template: Path, context: dict[str, Any], ws: Workspace | None) -> DocxDocument:
    """Merge `context` into `template`; Jinja errors become RenderError naming the template."""
    tpl = DocxTemplate(str(template))
    if ws is not None:
        apply_format(tpl.get_docx(), ws.config.dinh_dang)  # before blocks measure the text width
    env = make_env(ws, autoescape=True, loader=False)
    context = {key: to_subdoc(tpl, value) if isinstance(value, Blocks) else value
               for key, value in context.items()}
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except Exception as exc:  # jinja errors, sandbox refusals, docxtpl's XML errors
        raise render_error(template.name, exc) from exc
    doc = tpl.docx
    fit_rules(doc)
    restart_annex_pages(doc)
    no_blank_pages(doc)
    return doc


def apply_format(doc: DocxDocument, fmt: DinhDang) -> None:
    """Apply the workspace's ND30 format choices (already validated against ND30's ranges)."""
    for section in doc.sections:
        section.top_margin = Mm(fmt.le_tren)
        section.bottom_margin = Mm(fmt.le_duoi)
        section.left_margin = Mm(fmt.le_trai)
        section.right_margin = Mm(fmt.le_phai)
    names = {s.name for s in doc.styles}
    for name in BODY_STYLE_NAMES:
        if name not in names:
            continue
        style = doc.styles[name]
        if name == "Normal":
            style.font.size = Pt(fmt.co_chu)
            continue
        style.paragraph_format.line_spacing = fmt.gian_dong
        if style.paragraph_format.first_line_indent:
            style.paragraph_format.first_line_indent = Cm(fmt.thut_dau_dong)


def fit_rules(doc: DocxDocument) -> None:
    """Size the short rules to the text actually printed (the numbers are in `gendoc.nd30`).

    Under the issuing body: `CO_QUAN_RULE_TARGET` of the name's longest line; under the trích
    yếu: `TRICH_YEU_RULE_TARGET` of its longest line; under each annex's «(Kèm theo …)»: a rule
    of `PHU_LUC_RULE_TARGET` of that line (Phụ lục III, Mẫu 2.1), added here. Widths inside a
    table cell are the cell less its margins.
    """
    for table in doc.tables[:1]:
        for cell in table.rows[0].cells:
            paragraphs = cell.paragraphs
            for i, para in enumerate(paragraphs):
                if para.style is None or para.style.name != RULE_CO_QUAN:
                    continue
                names = [p.text for p in paragraphs[:i] if p.text.strip() and _is_bold(p)]
                if not names:
                    continue
                available = cell_text_cm(cell, nd30.HEADER_COLUMNS_CM[0])
                longest = max(width_cm(n, nd30.HEADER_SIZES_PT["co_quan"], bold=True) for n in names)
                center_rule(para, available, min(longest, available) * nd30.CO_QUAN_RULE_TARGET)
    text_cm = _text_width_cm(doc)
    paragraphs = doc.paragraphs
    for i, para in enumerate(paragraphs):
        name = para.style.name if para.style is not None else ""
        if name == RULE_TRICH_YEU:
            above = [p for p in paragraphs[max(i - 3, 0):i] if p.text.strip()]
            if above:
                _fit_under(para, above[-1], text_cm, nd30.TRICH_YEU_RULE_TARGET)
        elif name == ANNEX_NOTE_STYLE and para.text.strip():
            rule = _insert_rule_after(para, doc)
            _fit_under(rule, para, text_cm, nd30.PHU_LUC_RULE_TARGET)


def _fit_under(rule, above, text_cm: float, fraction: float) -> None:  # noqa: ANN001
    """Centre `rule` under the paragraph `above` at `fraction` of its longest printed line."""
    size = _run_size(above)
    line = min(width_cm(above.text, size, bold=_is_bold(above)), text_cm)
    center_rule(rule, text_cm, line * fraction)


def _insert_rule_after(para, doc: DocxDocument):  # noqa: ANN001, ANN202

    element = OxmlElement("w:p")
    para._p.addnext(element)
    rule = Paragraph(element, para._parent)
    rule.style = doc.styles[RULE_PHU_LUC] if RULE_PHU_LUC in {s.name for s in doc.styles} else None
    rule.paragraph_format.keep_with_next = True
    rule.paragraph_format.space_after = Pt(nd30.DEFAULT_PARAGRAPH_SPACING_PT)
    bottom_border(rule)
    return rule


def _run_size(paragraph) -> float:  # noqa: ANN001
    for run in paragraph.runs:
        if run.font.size:
            return run.font.size.pt
    style = paragraph.style
    while style is not None:
        if style.font.size:
            return style.font.size.pt
        style = style.base_style
    return nd30.DEFAULT_BODY_SIZE_PT


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
