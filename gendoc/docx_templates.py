"""Draw the built-in ND30 .docx templates from the numbers in `gendoc.nd30`.

The templates in `templates/*.docx` are drawn by these functions and written by
`gendoc.docx_builtin` (`python -m gendoc.docx_builtin`), so the format is reviewed here in code;
a test regenerates them and compares them with the committed files. Clerks may still open and
edit the .docx in Word.

Layout (Phụ lục III, mẫu 1.4): a borderless 2-column header table (parent body / issuing body /
rule / `Số:` | Quốc hiệu / Tiêu ngữ with its rule / place and date), the centred tên loại and
trích yếu with a short rule, the body (`{{p noi_dung}}`, paragraphs styled by role), and a
borderless closing table (`Nơi nhận:` | signature block). Page numbers are a centred PAGE field
in the header, hidden on page 1 (different first page).
"""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from gendoc import nd30
from gendoc.textwidth import width_cm

CENTER = WD_ALIGN_PARAGRAPH.CENTER
BODY_STYLES = {  # style name → (italic, bold, centred)
    "ND30 Noi dung": (False, False, False),
    "ND30 Can cu": (True, False, False),
    "ND30 Tieu de giua": (False, True, True),
}
# Annex heading styles (Phụ lục I, Mục III.1): `Phụ lục I` 14 pt bold on a new page, the title
# bold caps, `(Kèm theo …)` italic; all centred. Names match gendoc.kinds.official.ANNEX_*.
ANNEX_STYLES = {  # style name → (italic, bold, page break before)
    "ND30 Phu luc": (False, True, True),
    "ND30 Phu luc tieu de": (False, True, False),
    "ND30 Phu luc kem theo": (True, False, False),
}
ANNEX_LABEL_SIZE_PT = 14
RULE_CO_QUAN = "ND30 Gach co quan"
RULE_TRICH_YEU = "ND30 Gach trich yeu"
RULE_TIEU_NGU = "ND30 Gach tieu ngu"
RULE_PHU_LUC = "ND30 Gach phu luc"


# --- low-level helpers ------------------------------------------------------------------------

def set_fonts(rpr_parent, name: str = nd30.FONT_NAME) -> None:
    """Force a font on every script slot (ascii, hAnsi, cs, eastAsia), dropping theme fonts."""
    rpr = rpr_parent.get_or_add_rPr() if hasattr(rpr_parent, "get_or_add_rPr") else rpr_parent
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        if "Theme" in attr or "theme" in attr:
            del fonts.attrib[attr]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(slot), name)


def bottom_border(paragraph: Paragraph, size_eighths: int = 6) -> None:
    """A solid rule under the paragraph (how gendoc draws ND30's short rule lines)."""
    ppr = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", str(size_eighths)), ("w:space", "1"),
                       ("w:color", nd30.FONT_COLOR)):
        bottom.set(qn(key), value)
    border.append(bottom)
    ppr.append(border)


def spacer(paragraph: Paragraph, height_pt: float = 6) -> None:
    """Make an empty paragraph exactly `height_pt` high, its mark included.

    Word needs a paragraph after a final table, and a gap after a body table is an empty
    paragraph; at the default 14 pt such a line spills onto a page of its own when the table
    ends at the foot of a page, and prints a blank page carrying only its number.
    """
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.first_line_indent = Cm(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(height_pt)
    ppr = paragraph._p.get_or_add_pPr()
    mark = ppr.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        ppr.append(mark)  # pPr/rPr is last but for sectPr, which a spacer does not carry
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), str(max(round(height_pt * 2), 2)))
    mark.append(size)


def keep_row(row) -> None:  # noqa: ANN001 - python-docx row
    """The row never splits across pages (signature block, header)."""
    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def cell_text_cm(cell: _Cell, default_cm: float) -> float:
    """The width a paragraph in `cell` can use: the cell less its left and right margins."""
    width = cell.width.cm if cell.width else default_cm
    return max(width - 2 * nd30.TABLE_CELL_MARGIN_CM, 0.0)


def center_rule(paragraph: Paragraph, available_cm: float, rule_cm: float) -> None:
    """Narrow a bordered paragraph so its rule is `rule_cm` long and centred.

    `available_cm` is the width the paragraph may use: the text width, or in a table cell the
    cell less its margins (`cell_text_cm`) — the border runs between the paragraph's indents.
    """
    side = max((available_cm - rule_cm) / 2, 0)
    paragraph.paragraph_format.left_indent = Cm(side)
    paragraph.paragraph_format.right_indent = Cm(side)


def add_para(container, text: str = "", *, size: float | None = None, bold: bool = False,
             italic: bool = False, align=CENTER, style: str | None = None,
             before: float = 0, after: float = 0) -> Paragraph:
    """Append a single-spaced paragraph with one run (or reuse an empty first cell paragraph)."""
    if isinstance(container, _Cell) and len(container.paragraphs) == 1 and \
            not container.paragraphs[0].text and not getattr(container, "_gd_used", False):
        paragraph = container.paragraphs[0]
        container._gd_used = True  # type: ignore[attr-defined]
        if style:
            paragraph.style = style
    else:
        paragraph = container.add_paragraph(style=style)
    fmt = paragraph.paragraph_format
    if align is not None:
        fmt.alignment = align
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.first_line_indent = Cm(0) if style is None else None
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if text:
        run = paragraph.add_run(text)
        run.bold = bold or None
        run.italic = italic or None
        if size:
            run.font.size = Pt(size)
    return paragraph


def borderless_table(doc: DocxDocument, widths_cm: tuple[float, float]):
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    margins = OxmlElement("w:tblCellMar")  # explicit: rule lengths are computed from them
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), str(round(nd30.TABLE_CELL_MARGIN_CM * 10 * nd30.TWIPS_PER_MM)))
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    for col, width in zip(table.columns, widths_cm, strict=True):
        col.width = Cm(width)
        for cell in col.cells:
            cell.width = Cm(width)
    return table


def page_number_field(paragraph: Paragraph, size: float) -> None:
    """A PAGE field: Word and LibreOffice print the current page number there."""
    def run_with(child) -> None:
        run = paragraph.add_run()
        run.font.size = Pt(size)
        run._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(begin)
    run_with(instr)
    run_with(sep)
    shown = paragraph.add_run("2")
    shown.font.size = Pt(size)
    run_with(end)


# --- document skeleton -------------------------------------------------------------------------

def base_document(body_size: float = nd30.DEFAULT_BODY_SIZE_PT) -> DocxDocument:
    """A4 portrait, ND30 margins, Times New Roman everywhere, body styles, page numbers."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width = Mm(nd30.PAGE_WIDTH_MM)
    section.page_height = Mm(nd30.PAGE_HEIGHT_MM)
    margins = nd30.DEFAULT_MARGINS_MM
    section.top_margin = Mm(margins["top"])
    section.bottom_margin = Mm(margins["bottom"])
    section.left_margin = Mm(margins["left"])
    section.right_margin = Mm(margins["right"])
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)

    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(defaults)
    normal = doc.styles["Normal"]
    set_fonts(normal.element)
    normal.font.size = Pt(body_size)
    normal.font.color.rgb = RGBColor.from_string(nd30.FONT_COLOR)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "vi-VN")
    normal.element.get_or_add_rPr().append(lang)

    for name, (italic, bold, centred) in BODY_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.alignment = CENTER if centred else WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Cm(0 if centred else nd30.DEFAULT_FIRST_LINE_INDENT_CM)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(nd30.DEFAULT_PARAGRAPH_SPACING_PT)
        fmt.line_spacing = nd30.DEFAULT_LINE_SPACING
        style.font.italic = italic or None
        style.font.bold = bold or None
    annex_styles(doc)
    for name in (RULE_CO_QUAN, RULE_TIEU_NGU, RULE_TRICH_YEU, RULE_PHU_LUC):
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.paragraph_format.alignment = CENTER
        style.font.size = Pt(2)

    # Page numbers: centred in the top margin, not on page 1.
    section.different_first_page_header_footer = True
    header = section.header
    header.is_linked_to_previous = False
    number = header.paragraphs[0]
    number.alignment = CENTER
    page_number_field(number, body_size)
    section.first_page_header.is_linked_to_previous = False
    return doc


def issuer_cell(cell: _Cell, width: float, *, rule_fraction: float = nd30.CO_QUAN_RULE_TARGET,
                after: float = 6) -> None:
    """Ô 2: parent body (caps, regular) and issuing body (caps, bold) as template tags, and the
    short rule under the name (fitted to the real name at render time, see fit_rules)."""
    sizes = nd30.HEADER_SIZES_PT
    add_para(cell, "{%p if co_quan_chu_quan %}")
    add_para(cell, "{{ co_quan_chu_quan }}", size=sizes["co_quan_chu_quan"])
    add_para(cell, "{%p endif %}")
    add_para(cell, "{%p for dong in co_quan_ten %}")
    add_para(cell, "{{ dong }}", size=sizes["co_quan"], bold=True)
    add_para(cell, "{%p endfor %}")
    rule = add_para(cell, style=RULE_CO_QUAN, after=after)
    bottom_border(rule)
    text_cm = width - 2 * nd30.TABLE_CELL_MARGIN_CM
    center_rule(rule, text_cm, text_cm * rule_fraction)


def motto_cell(cell: _Cell, width: float) -> None:
    """Ô 1: Quốc hiệu and Tiêu ngữ, with a rule under the motto as long as the motto."""
    sizes = nd30.HEADER_SIZES_PT
    add_para(cell, nd30.QUOC_HIEU, size=sizes["quoc_hieu"], bold=True)
    add_para(cell, nd30.TIEU_NGU, size=sizes["tieu_ngu"], bold=True)
    motto_rule = add_para(cell, style=RULE_TIEU_NGU)
    bottom_border(motto_rule)
    center_rule(motto_rule, width - 2 * nd30.TABLE_CELL_MARGIN_CM,
                width_cm(nd30.TIEU_NGU, sizes["tieu_ngu"], bold=True))


def header_block(doc: DocxDocument) -> None:
    """Ô 1–4: issuing body and `Số:` on the left; Quốc hiệu, Tiêu ngữ, place and date on the right."""
    left_cm, right_cm = nd30.HEADER_COLUMNS_CM
    table = borderless_table(doc, nd30.HEADER_COLUMNS_CM)
    keep_row(table.rows[0])
    left, right = table.rows[0].cells
    issuer_cell(left, left_cm)
    add_para(left, "Số: {{ so }}/{{ ky_hieu }}", size=nd30.HEADER_SIZES_PT["so"])
    motto_cell(right, right_cm)
    add_para(right, "{{ dia_danh|dia_danh_ngay(ngay) }}", size=None, italic=True, before=6)


def title_block(doc: DocxDocument) -> None:
    """Ô 5a: tên loại and trích yếu centred, bold, with a short rule; then optional Kính gửi."""
    add_para(doc, "{{ ten_loai }}", bold=True, before=12)
    add_para(doc, "{{ trich_yeu }}", bold=True)
    rule = add_para(doc, style=RULE_TRICH_YEU, after=12)
    bottom_border(rule)
    margins = nd30.DEFAULT_MARGINS_MM
    text_cm = (nd30.PAGE_WIDTH_MM - margins["left"] - margins["right"]) / 10
    center_rule(rule, text_cm, text_cm * nd30.TRICH_YEU_RULE_TARGET)  # refitted at render time
    add_para(doc, "{%p if kinh_gui %}")
    kg = add_para(doc, "Kính gửi: {{ kinh_gui|join('; ') }}.", after=12)
    kg.paragraph_format.alignment = CENTER
    add_para(doc, "{%p endif %}")


def body_block(doc: DocxDocument) -> None:
    add_para(doc, "{{p noi_dung }}", style="ND30 Noi dung", align=None)


def closing_block(doc: DocxDocument) -> None:
    """Ô 9b (Nơi nhận, left) and ô 7a–7b (signature, right), in one row that never splits; the
    gap before it keeps with it (and the body's last paragraph keeps with the gap), so the
    signature block never starts a page alone."""
    gap = add_para(doc, "", after=6)
    gap.paragraph_format.keep_with_next = True
    table = borderless_table(doc, nd30.CLOSING_COLUMNS_CM)
    keep_row(table.rows[0])
    left, right = table.rows[0].cells
    label = add_para(left, nd30.NOI_NHAN_LABEL, size=nd30.NOI_NHAN_LABEL_SIZE_PT, bold=True,
                     italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
    label.runs[0].font.italic = True
    add_para(left, "{%p for dong in noi_nhan %}", align=WD_ALIGN_PARAGRAPH.LEFT)
    add_para(left, "{{ dong }}", size=nd30.NOI_NHAN_ITEM_SIZE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    add_para(left, "{%p endfor %}", align=WD_ALIGN_PARAGRAPH.LEFT)

    add_para(right, "{%p for dong in quyen_han %}")
    add_para(right, "{{ dong }}", bold=True)
    add_para(right, "{%p endfor %}")
    add_para(right, "{{ chuc_vu }}", bold=True)
    for _ in range(4):
        add_para(right, "")
    add_para(right, "{{ ho_ten }}", bold=True)


def annex_styles(doc: DocxDocument) -> None:
    """The three annex heading styles (in every template, so any layout can carry annexes)."""
    normal = doc.styles["Normal"]
    for name, (italic, bold, new_page) in ANNEX_STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        fmt = style.paragraph_format
        fmt.alignment = CENTER
        fmt.first_line_indent = Cm(0)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(nd30.DEFAULT_PARAGRAPH_SPACING_PT if italic else 0)
        fmt.page_break_before = new_page or None
        fmt.keep_with_next = True
        style.font.italic = italic or None
        style.font.bold = bold or None
        if new_page:
            style.font.size = Pt(ANNEX_LABEL_SIZE_PT)


def annex_block(doc: DocxDocument) -> None:
    """Annexes after the closing block (`{{p phu_luc}}`); nothing when the document has none.

    Guarded by `is defined` so a kind whose context has no `phu_luc` still renders. Any layout
    may call it (after its closing block) to support `phu_luc`; the styles are in every template.
    """
    add_para(doc, "{%p if phu_luc is defined %}")
    add_para(doc, "{{p phu_luc }}", style="ND30 Noi dung", align=None)
    add_para(doc, "{%p endif %}")


def van_ban_co_ten_loai() -> DocxDocument:
    """Phụ lục III mẫu 1.4 — kế hoạch, báo cáo, thông báo, hướng dẫn, chương trình …"""
    doc = base_document()
    header_block(doc)
    title_block(doc)
    body_block(doc)
    closing_block(doc)
    annex_block(doc)
    end_paragraph(doc)
    return doc


def end_paragraph(doc: DocxDocument) -> None:
    """The paragraph Word needs after a final table: 1 pt high, so it never makes a blank page."""
    spacer(add_para(doc, ""), 1)
