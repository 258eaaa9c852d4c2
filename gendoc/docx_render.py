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
from docx.shared import Cm, Mm, Pt
from docxtpl import DocxTemplate

from gendoc import nd30
from gendoc.body import Blocks
from gendoc.docx_blocks import to_subdoc
from gendoc.docx_templates import RULE_CO_QUAN, center_rule
from gendoc.kinds.annex_pages import restart_annex_pages
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
    """Make the rule under the issuing body about 2/5 of the name's longest line (ND30: 1/3–1/2)."""
    for table in doc.tables[:1]:
        for cell in table.rows[0].cells:
            paragraphs = cell.paragraphs
            for i, para in enumerate(paragraphs):
                if para.style is None or para.style.name != RULE_CO_QUAN:
                    continue
                names = [p.text for p in paragraphs[:i] if p.text.strip() and _is_bold(p)]
                if not names:
                    continue
                longest = max(width_cm(n, nd30.HEADER_SIZES_PT["co_quan"], bold=True) for n in names)
                available = cell.width.cm if cell.width else nd30.HEADER_COLUMNS_CM[0]
                center_rule(para, available, min(longest, available) * 0.4)


def _is_bold(paragraph) -> bool:  # noqa: ANN001 - python-docx paragraph
    return any(run.bold for run in paragraph.runs)


def to_bytes(doc: DocxDocument) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
