"""A good ND30 document built with python-docx, independently of gendoc's own templates.

It follows gendoc's layout (1×2 borderless header table, centred title, justified body, 1×2
closing table, PAGE field in the header with a different first page) and the numbers in
`gendoc.nd30`, so the checker can be tested against a document it did not help produce.
Each `Good` field is a knob the planted-defect tests turn to break exactly one rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor

from gendoc import nd30
from gendoc.check.rules.numbering import to_roman

LOREM = (
    "Tăng cường công tác quy hoạch, đào tạo, bồi dưỡng và bố trí sử dụng cán bộ nữ, bảo đảm "
    "tỷ lệ hợp lý trong cơ cấu lãnh đạo, quản lý các cấp; rà soát, bổ sung các quy định về "
    "công tác cán bộ để tạo điều kiện cho cán bộ, công chức, viên chức nữ phát huy năng lực."
)


@dataclass
class Good:
    """Every knob has its compliant value by default."""

    chu_quan: str = "UBND TỈNH KIÊN GIANG"
    chu_quan_size: float = 13
    co_quan: str = "SỞ NỘI VỤ"
    co_quan_size: float = 13
    co_quan_rule: bool = True
    so: str = "Số: 07/KH-SNV"
    quoc_hieu: str = nd30.QUOC_HIEU
    quoc_hieu_bold: bool = True
    tieu_ngu: str = nd30.TIEU_NGU
    tieu_ngu_rule: bool = True
    date: str = "Kiên Giang, ngày 05 tháng 02 năm 2020"
    date_italic: bool = True
    ten_loai: str = "KẾ HOẠCH"
    ten_loai_bold: bool = True
    trich_yeu: str = "Thực hiện bình đẳng giới trong công tác cán bộ năm 2020"
    trich_yeu_bold: bool = True
    trich_yeu_rule: bool = True
    points: tuple[str, ...] = ("a", "b", "c", "d", "đ", "e", "g")
    point_mark: str = ")"
    khoan: tuple[int, ...] = (1, 2, 3)
    capacity: str = "KT. GIÁM ĐỐC"
    signer: str = "Nguyễn Văn An"
    signer_bold: bool = True
    noi_nhan_label: str = nd30.NOI_NHAN_LABEL
    noi_nhan_italic: bool = True
    noi_nhan: tuple[str, ...] = ("- Bộ Nội vụ;", "- UBND tỉnh;", "- Các sở, ban, ngành tỉnh;")
    luu: str = "- Lưu: VT, TCCB."
    page_field: bool = True
    page_number_left: bool = False
    title_pg: bool = True
    page_mm: tuple[float, float] = (nd30.PAGE_WIDTH_MM, nd30.PAGE_HEIGHT_MM)
    landscape: bool = False
    data_table: bool = False
    margins_mm: dict = field(default_factory=lambda: dict(nd30.DEFAULT_MARGINS_MM))
    body_size: float = nd30.DEFAULT_BODY_SIZE_PT
    # Defects applied to one body paragraph (index into the body): name -> value
    body_defect: dict = field(default_factory=dict)
    body_repeat: int = 1  # repeat the body sections (benchmark: ~300 pages)
    cong_van: bool = False  # a công văn: no tên loại, "V/v …" under Số, a "Kính gửi:" block
    vv: str | None = "V/v triển khai công tác bình đẳng giới năm 2020"
    vv_size: float = 12
    line_breaks: bool = False  # type blocks with Shift+Enter instead of separate paragraphs
    tabbed_header: bool = False  # header typed as lines «left⇥⇥right» instead of a table
    styled: bool = False  # body formatting only in a paragraph style (no direct formatting)
    style_size: float = nd30.DEFAULT_BODY_SIZE_PT
    normal_font: str = nd30.FONT_NAME


def _fonts(rpr) -> None:  # noqa: ANN001
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), nd30.FONT_NAME)


def _border(paragraph, side: str = "bottom") -> None:  # noqa: ANN001
    ppr = paragraph._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    b = OxmlElement(f"w:{side}")
    for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
        b.set(qn(k), v)
    bdr.append(b)
    ppr.append(bdr)


def _borderless(table) -> None:  # noqa: ANN001
    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tblpr.append(borders)


def para(container, text: str = "", *, size: float, bold: bool = False, italic: bool = False,  # noqa: ANN001, ANN201
         align=WD_ALIGN_PARAGRAPH.CENTER, indent_cm: float | None = None, after: float = 0,
         line: float | None = 1.0):
    p = container.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = align
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(after)
    if line is not None:
        fmt.line_spacing = line
    if indent_cm is not None:
        fmt.first_line_indent = Cm(indent_cm)
    if text:
        run = p.add_run(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.italic = italic
        _fonts(run._r.get_or_add_rPr())
    return p


def _page_field(paragraph, size: float) -> None:  # noqa: ANN001
    def run_with(child) -> None:  # noqa: ANN001
        r = paragraph.add_run()
        r.font.size = Pt(size)
        _fonts(r._r.get_or_add_rPr())
        r._r.append(child)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    for child in (begin, instr, end):
        run_with(child)


def _table_header(doc, g: Good) -> None:  # noqa: ANN001
    """Header: 1 row × 2 columns, borderless (gendoc's layout)."""
    head = doc.add_table(rows=1, cols=2)
    _borderless(head)
    left, right = head.rows[0].cells
    left._tc.remove(left.paragraphs[0]._p)
    right._tc.remove(right.paragraphs[0]._p)
    if g.line_breaks:  # parent and issuing body in one paragraph, split by a line break
        cq = para(left, g.chu_quan, size=g.chu_quan_size)
        cq.runs[-1].add_break()
        run = cq.add_run(g.co_quan)
        run.font.size, run.font.bold = Pt(g.co_quan_size), True
        _fonts(run._r.get_or_add_rPr())
    else:
        para(left, g.chu_quan, size=g.chu_quan_size)
        cq = para(left, g.co_quan, size=g.co_quan_size, bold=True)
    if g.co_quan_rule:
        _border(cq)
    para(left, g.so, size=nd30.SO_KY_HIEU_SIZE_PT)
    if g.cong_van and g.vv:
        para(left, g.vv, size=g.vv_size)
    qh = para(right, g.quoc_hieu, size=nd30.HEADER_SIZES_PT["quoc_hieu"], bold=g.quoc_hieu_bold)
    if g.line_breaks:  # Quốc hiệu and Tiêu ngữ in one paragraph
        qh.runs[-1].add_break()
        run = qh.add_run(g.tieu_ngu)
        run.font.size, run.font.bold = Pt(nd30.HEADER_SIZES_PT["tieu_ngu"]), True
        _fonts(run._r.get_or_add_rPr())
        tn = qh
    else:
        tn = para(right, g.tieu_ngu, size=nd30.HEADER_SIZES_PT["tieu_ngu"], bold=True)
    if g.tieu_ngu_rule:
        _border(tn)
    para(right, g.date, size=14, italic=g.date_italic)


def _tabbed_header(doc, g: Good) -> None:  # noqa: ANN001
    """Header typed by hand: each line «left⇥⇥right», a typed rule line under both blocks."""

    def line(parts: list[tuple[str, float, bool, bool]]) -> None:
        p = para(doc, "", size=13, align=WD_ALIGN_PARAGRAPH.LEFT)
        for i, (text, size, bold, italic) in enumerate(parts):
            if i:
                p.add_run("\t\t").font.size = Pt(13)
            run = p.add_run(text)
            run.font.size, run.font.bold, run.font.italic = Pt(size), bold, italic
            _fonts(run._r.get_or_add_rPr())

    qh = nd30.HEADER_SIZES_PT["quoc_hieu"]
    tn = nd30.HEADER_SIZES_PT["tieu_ngu"]
    line([(g.chu_quan, g.chu_quan_size, False, False), (g.quoc_hieu, qh, g.quoc_hieu_bold, False)])
    line([(g.co_quan, g.co_quan_size, True, False), (g.tieu_ngu, tn, True, False)])
    rules = []
    rules.append(("________", 13, False, False) if g.co_quan_rule else ("", 13, False, False))
    rules.append(("_" * 26, 13, False, False) if g.tieu_ngu_rule else ("", 13, False, False))
    line(rules if rules[1][0] else rules[:1])  # «⇥⇥____» when only the right rule is typed
    line([(g.so, nd30.SO_KY_HIEU_SIZE_PT, False, False), (g.date, 14, False, g.date_italic)])


def build(g: Good | None = None):  # noqa: ANN201 - a python-docx Document
    g = g or Good()
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = nd30.FONT_NAME
    normal.font.size = Pt(g.body_size)
    _fonts(normal.element.get_or_add_rPr())
    sec = doc.sections[0]
    w, h = g.page_mm
    if g.landscape:
        sec.orientation = WD_ORIENT.LANDSCAPE
        w, h = h, w
    sec.page_width, sec.page_height = Mm(w), Mm(h)
    sec.top_margin = Mm(g.margins_mm["top"])
    sec.bottom_margin = Mm(g.margins_mm["bottom"])
    sec.left_margin = Mm(g.margins_mm["left"])
    sec.right_margin = Mm(g.margins_mm["right"])
    sec.different_first_page_header_footer = g.title_pg
    hp = sec.header.paragraphs[0]
    hp.alignment = WD_ALIGN_PARAGRAPH.LEFT if g.page_number_left else WD_ALIGN_PARAGRAPH.CENTER
    if g.page_field:
        _page_field(hp, 13)
    for p in doc.paragraphs:  # the template's empty first paragraph, if any
        p._p.getparent().remove(p._p)

    if g.tabbed_header:
        _tabbed_header(doc, g)
    else:
        _table_header(doc, g)

    para(doc, "", size=14)
    if g.cong_van:
        para(doc, "Kính gửi:", size=14)
        para(doc, "- Các sở, ban, ngành tỉnh;", size=14, align=WD_ALIGN_PARAGRAPH.LEFT)
        para(doc, "- UBND các huyện, thị xã, thành phố.", size=14, align=WD_ALIGN_PARAGRAPH.LEFT)
    elif g.line_breaks:  # tên loại and trích yếu in one paragraph
        ty = para(doc, g.ten_loai, size=14, bold=g.ten_loai_bold)
        ty.runs[-1].add_break()
        run = ty.add_run(g.trich_yeu)
        run.font.size, run.font.bold = Pt(14), g.trich_yeu_bold
        _fonts(run._r.get_or_add_rPr())
        if g.trich_yeu_rule:
            _border(ty)
    else:
        para(doc, g.ten_loai, size=14, bold=g.ten_loai_bold)
        ty = para(doc, g.trich_yeu, size=14, bold=g.trich_yeu_bold)
        if g.trich_yeu_rule:
            _border(ty)
    para(doc, "", size=14)

    body_paras = []

    if g.styled:
        body_style = doc.styles.add_style("ND30 Noi dung", WD_STYLE_TYPE.PARAGRAPH)
        body_style.base_style = doc.styles["Normal"]
        fmt = body_style.paragraph_format
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        fmt.first_line_indent = Cm(nd30.DEFAULT_FIRST_LINE_INDENT_CM)
        fmt.space_before, fmt.space_after = Pt(0), Pt(nd30.DEFAULT_PARAGRAPH_SPACING_PT)
        fmt.line_spacing = nd30.DEFAULT_LINE_SPACING
        body_style.font.size = Pt(g.style_size)
        if g.normal_font != nd30.FONT_NAME:  # the body style inherits the font from Normal
            normal.element.rPr.rFonts.set(qn("w:ascii"), g.normal_font)
            normal.element.rPr.rFonts.set(qn("w:hAnsi"), g.normal_font)

    def text(t: str, bold: bool = False):  # noqa: ANN202
        if g.styled:
            p = doc.add_paragraph(style="ND30 Noi dung")
            p.add_run(t).bold = bold or None
            body_paras.append(p)
            return p
        p = para(doc, t, size=g.body_size, bold=bold, align=WD_ALIGN_PARAGRAPH.JUSTIFY,
                 indent_cm=nd30.DEFAULT_FIRST_LINE_INDENT_CM,
                 after=nd30.DEFAULT_PARAGRAPH_SPACING_PT, line=nd30.DEFAULT_LINE_SPACING)
        body_paras.append(p)
        return p

    text(f"Căn cứ Kế hoạch số 01/KH-UBND của Ủy ban nhân dân tỉnh; {LOREM}")
    for rep in range(g.body_repeat):
        for i in range(3):
            text(f"{to_roman(rep * 3 + i + 1)}. MỤC ĐÍCH, YÊU CẦU", bold=True)
            for k in g.khoan:
                text(f"{k}. {LOREM}")
            for letter in g.points:
                text(f"{letter}{g.point_mark} {LOREM}")
    if g.data_table:
        t = doc.add_table(rows=4, cols=4)
        t.style = doc.styles["Table Grid"]
        for row in t.rows:
            for c in row.cells:
                c.paragraphs[0].add_run("12").font.size = Pt(13)
    text("Trên đây là Kế hoạch thực hiện của Sở Nội vụ; đề nghị các đơn vị triển khai./.")

    for name, value in g.body_defect.items():
        p = body_paras[2]
        if name == "font":
            for r in p.runs:
                r.font.name = value
                r._r.rPr.rFonts.set(qn("w:hAnsi"), value)
        elif name == "color":
            p.runs[0].font.color.rgb = RGBColor.from_string(value)
        elif name == "size":
            p.runs[0].font.size = Pt(value)
        elif name == "align":
            p.paragraph_format.alignment = value
        elif name == "indent":
            p.paragraph_format.first_line_indent = Cm(value)
        elif name == "after":
            p.paragraph_format.space_after = Pt(value)
        elif name == "line":
            p.paragraph_format.line_spacing = value

    para(doc, "", size=14)
    close = doc.add_table(rows=1, cols=2)
    _borderless(close)
    left, right = close.rows[0].cells
    left._tc.remove(left.paragraphs[0]._p)
    right._tc.remove(right.paragraphs[0]._p)
    para(left, g.noi_nhan_label, size=nd30.NOI_NHAN_LABEL_SIZE_PT, bold=True,
         italic=g.noi_nhan_italic, align=WD_ALIGN_PARAGRAPH.LEFT)
    items = (*g.noi_nhan, g.luu)
    if g.line_breaks:
        _with_breaks(para(left, "", size=11, align=WD_ALIGN_PARAGRAPH.LEFT), items,
                     size=nd30.NOI_NHAN_ITEM_SIZE_PT)
        _with_breaks(para(right, "", size=14), [g.capacity, "PHÓ GIÁM ĐỐC", "", "", ""],
                     size=14, bold=True)
        _with_breaks(para(right, "", size=14), [g.signer], size=14, bold=g.signer_bold)
        return doc
    for item in items:
        para(left, item, size=nd30.NOI_NHAN_ITEM_SIZE_PT, align=WD_ALIGN_PARAGRAPH.LEFT)
    para(right, g.capacity, size=14, bold=True)
    para(right, "PHÓ GIÁM ĐỐC", size=14, bold=True)
    for _ in range(3):
        para(right, "", size=14)
    para(right, g.signer, size=14, bold=g.signer_bold)
    return doc


def _with_breaks(p, lines, *, size: float, bold: bool = False) -> None:  # noqa: ANN001
    for i, text in enumerate(lines):
        run = p.add_run(text)
        run.font.size, run.font.bold = Pt(size), bold
        _fonts(run._r.get_or_add_rPr())
        if i < len(lines) - 1:
            run.add_break()


def save(path, g: Good | None = None):  # noqa: ANN001, ANN201
    doc = build(g)
    doc.save(str(path))
    return path
