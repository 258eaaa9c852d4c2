"""Page numbers restart in each annex (ND30, Phụ lục I: "số trang của phụ lục được đánh riêng").

Body blocks cannot express a section break, so this runs on the rendered document: before each
annex label paragraph (style `ND30 Phu luc`) it inserts an empty paragraph that ends the previous
section (a copy of the document's own section properties: same page, margins, header with the
PAGE field, page number hidden on the section's first page), and makes every annex section start
its numbering at 1. Documents without annexes are left untouched.
"""

from __future__ import annotations

import copy

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from gendoc.docx_xml import W_P, style_id_of
from gendoc.kinds.official import ANNEX_LABEL_STYLE


def _restart_at_one(sect_pr) -> None:  # noqa: ANN001 - lxml element
    for old in sect_pr.findall(qn("w:pgNumType")):
        sect_pr.remove(old)
    number = OxmlElement("w:pgNumType")
    number.set(qn("w:start"), "1")
    # schema order: pgNumType comes after pgMar/pgSz … and before cols/titlePg; put it before cols
    anchor = sect_pr.find(qn("w:cols"))
    if anchor is not None:
        anchor.addprevious(number)
    else:
        sect_pr.append(number)


def _next_page(sect_pr) -> None:  # noqa: ANN001
    for old in sect_pr.findall(qn("w:type")):
        sect_pr.remove(old)
    kind = OxmlElement("w:type")
    kind.set(qn("w:val"), "nextPage")
    sect_pr.insert(0, kind)


def restart_annex_pages(doc: DocxDocument, style_ids: dict[str, str] | None = None) -> int:
    """Give each annex its own section numbered from 1; returns how many annexes were found.

    `style_ids` (style name → id) is the template's map when the caller already has it.
    """
    if style_ids is None:
        style_ids = {s.name: s.style_id for s in doc.styles if s.name is not None}
    label_id = style_ids.get(ANNEX_LABEL_STYLE)
    if label_id is None:
        return 0
    labels = [Paragraph(p, doc._body) for p in doc.element.body.iterchildren(W_P)
              if style_id_of(p) == label_id]
    labels = [label for label in labels if label.text.strip()]
    if not labels:
        return 0
    body_sect = doc.element.body.find(qn("w:sectPr"))
    if body_sect is None:
        return 0
    for index, label in enumerate(labels):
        ending = copy.deepcopy(body_sect)  # ends the section before this annex
        _next_page(ending)
        if index > 0:  # the section it ends is itself an annex
            _restart_at_one(ending)
        breaker = OxmlElement("w:p")
        p_pr = OxmlElement("w:pPr")
        p_pr.append(ending)
        breaker.append(p_pr)
        label._p.addprevious(breaker)
        # the new section already starts a page: no second break from the style
        label.paragraph_format.page_break_before = False
    _restart_at_one(body_sect)  # the last section is the last annex
    return len(labels)
