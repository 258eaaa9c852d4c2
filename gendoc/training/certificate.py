"""The certificate (Giấy chứng nhận) layout: landscape A4 with a page border, one page per person.

A certificate is not an ND30 administrative document (no `Số:` header form, no body format), so
it has its own layout and is never passed to `gendoc check`. It keeps what clerks expect from
the printed forms: the issuing body and the national motto on top, a large title, the
certifying authority, the person's details, the course, the register number (số vào sổ) and the
signature. Sizes are in this module, not in `gendoc.nd30`, because ND30 does not govern them.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from gendoc.docx_meta import TITLE_KEY
from gendoc.docx_templates import (
    add_para,
    base_document,
    borderless_table,
    issuer_cell,
    motto_cell,
)
from gendoc.textwidth import width_cm
from gendoc.vi.dates import pad_day, pad_month

TEMPLATE = "giay_chung_nhan.docx"
DOC_TITLE = "Giấy chứng nhận"  # the document's title property: "Giấy chứng nhận – <tên lớp>"
PAGE_MM = (297, 210)  # landscape A4
MARGIN_MM = 18
MARGIN_TB_MM = 15  # the frame sits 8.5 mm from the edge; the text keeps clear of it
COLUMNS_CM = (11.0, 15.1)
TITLE_PT = 30
TITLE_COLOR = "C00000"
NAME_PT = 18
LINE_PT = 14
INDENT_MM = 25
MAX_LINES = 7  # of the paragraphs measured by `estimated_lines`
BORDER_COLOR = "1F3864"
# Values that change from one certificate to the next (filled by gendoc.training.batch).
FIELDS = ("xung_ho", "ho_ten", "nam_sinh", "chuc_vu_don_vi", "xep_loai", "so_vao_so")


def ngay_ngan(day: dt.date) -> str:
    """05/6/2017: the short ND30-style date (day 1–9 and months 1–2 padded)."""
    return f"{pad_day(day.day)}/{pad_month(day.month)}/{day.year}"


def _page_border(doc: DocxDocument) -> None:
    """A double frame around the page, as on printed certificate blanks."""
    sect = doc.sections[0]._sectPr
    borders = OxmlElement("w:pgBorders")
    borders.set(qn("w:offsetFrom"), "page")
    for edge in ("top", "left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "thinThickSmallGap"), ("w:sz", "24"), ("w:space", "24"),
                           ("w:color", BORDER_COLOR)):
            el.set(qn(key), value)
        borders.append(el)
    # pgBorders comes right after pgMar/paperSrc in CT_SectPr.
    sect.find(qn("w:pgMar")).addnext(borders)


def _landscape_page(doc: DocxDocument) -> None:
    """A4 landscape with the certificate's margins and border, and no page number."""
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    for side in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, side, Mm(MARGIN_MM if "left" in side or "right" in side else MARGIN_TB_MM))
    section.different_first_page_header_footer = False  # no page number on a certificate
    section.header.paragraphs[0]._p.getparent().remove(section.header.paragraphs[0]._p)
    section.header.add_paragraph()
    _page_border(doc)


def make_template() -> DocxDocument:
    """Draw the built-in certificate template (landscape, bordered, Times New Roman)."""
    doc = base_document()
    _landscape_page(doc)

    left_cm, right_cm = COLUMNS_CM
    table = borderless_table(doc, COLUMNS_CM)
    left, right = table.rows[0].cells
    issuer_cell(left, left_cm, rule_fraction=0.3, after=0)
    motto_cell(right, right_cm)

    title = add_para(doc, "GIẤY CHỨNG NHẬN", size=TITLE_PT, bold=True, before=18, after=6)
    title.runs[0].font.color.rgb = RGBColor.from_string(TITLE_COLOR)
    add_para(doc, "{{ nguoi_cap }}", size=14, bold=True, after=2)
    add_para(doc, "CHỨNG NHẬN", size=14, bold=True, after=12)

    def line(label: str, value: str, *, size: float = LINE_PT, bold: bool = False) -> None:
        para = add_para(doc, "", align=WD_ALIGN_PARAGRAPH.LEFT, after=6)
        para.paragraph_format.left_indent = Mm(INDENT_MM)
        if label:
            run = para.add_run(label)
            run.font.size = Pt(LINE_PT)
        run = para.add_run(value)
        run.font.size = Pt(size)
        run.bold = bold or None

    line("{{ xung_ho }}: ", "{{ ho_ten|upper }}", size=NAME_PT, bold=True)
    line("Sinh năm: ", "{{ nam_sinh }}")
    line("Chức vụ, đơn vị công tác: ", "{{ chuc_vu_don_vi }}")
    line("Đã hoàn thành chương trình ", "{{ ten_lop }}", bold=True)
    line("Thời gian: ", "{{ thoi_gian }}, tại {{ dia_diem }}.")
    line("", "{{ xep_loai }}")

    add_para(doc, "", after=6)
    closing = borderless_table(doc, COLUMNS_CM)
    left, right = closing.rows[0].cells
    add_para(left, "")
    add_para(left, "")
    add_para(left, "Số vào sổ: {{ so_vao_so }}", size=13, align=WD_ALIGN_PARAGRAPH.LEFT)
    add_para(right, "{{ dia_danh|dia_danh_ngay(ngay) }}", italic=True, after=4)
    add_para(right, "{%p for dong in quyen_han %}")
    add_para(right, "{{ dong }}", bold=True)
    add_para(right, "{%p endfor %}")
    add_para(right, "{{ chuc_vu }}", bold=True)
    for _ in range(3):
        add_para(right, "")
    add_para(right, "{{ ho_ten_nguoi_ky }}", bold=True)
    # Word needs a paragraph after a final table; a tiny one never spills onto a second page.
    end = add_para(doc, "")
    mark = OxmlElement("w:rPr")
    size = OxmlElement("w:sz")
    size.set(qn("w:val"), "4")
    mark.append(size)
    end._p.get_or_add_pPr().append(mark)
    return doc


def shared_context(unit: Any, tinh: str | None, lop: Any, signer: Any, ngay: dt.date,
                   nguoi_cap: str | None = None) -> dict[str, Any]:
    """Template values common to every certificate of a course (with the document's title and
    author: `gendoc.docx_meta`)."""
    issuer = unit.full_name
    authority = nguoi_cap or " ".join(
        p for p in (unit.chuc_vu_thu_truong, issuer,
                    f"tỉnh {tinh}" if tinh and unit.cap == "so_ban_nganh" else "") if p)
    ten = lop.ten[:1].lower() + lop.ten[1:]
    return {
        TITLE_KEY: f"{DOC_TITLE} – {lop.ten}",
        "co_quan_ten_day_du": issuer,
        "co_quan_chu_quan": (unit.co_quan_chu_quan or "").upper(),
        "co_quan_ten": [x.upper() for x in unit.header_lines],
        "nguoi_cap": authority.upper(),
        "ten_lop": ten,
        "thoi_gian": f"từ ngày {ngay_ngan(lop.tu_ngay)} đến ngày {ngay_ngan(lop.den_ngay)}",
        "dia_diem": lop.dia_diem.rstrip("."),
        "dia_danh": unit.dia_danh,
        "ngay": ngay,
        "quyen_han": [x.upper() for x in signer.quyen_han],
        "chuc_vu": signer.chuc_vu.upper(),
        "ho_ten_nguoi_ky": signer.ho_ten or "",
    }


def estimated_lines(shared: dict[str, Any], values: dict[str, str]) -> int:
    """Lines taken by the three paragraphs whose length varies (title and unit, course, time).

    Measured with the font metrics of `gendoc.textwidth` against the text width of the layout
    (LibreOffice: 7 such lines fit on the page, 8 may push the signature onto a second page).
    """
    width = (PAGE_MM[0] - 2 * MARGIN_MM - INDENT_MM) / 10 * 0.97  # a little slack for word wrap
    texts = [(f"Chức vụ, đơn vị công tác: {values.get('chuc_vu_don_vi', '')}", False),
             (f"Đã hoàn thành chương trình {shared['ten_lop']}", True),
             (f"Thời gian: {shared['thoi_gian']}, tại {shared['dia_diem']}.", False)]
    return sum(max(1, math.ceil(width_cm(text, LINE_PT, bold=bold) / width)) for text, bold in texts)


def person_values(person: Any, number: int, ky_hieu: str) -> dict[str, str]:
    """The per-certificate values (see FIELDS)."""
    where = ", ".join(p for p in (person.chuc_vu, person.don_vi) if p)
    return {
        "xung_ho": person.xung_ho,
        "ho_ten": person.ho_ten,
        "nam_sinh": str(person.nam_sinh),
        "chuc_vu_don_vi": where,
        "xep_loai": f"Xếp loại: {person.xep_loai}." if person.xep_loai else "",
        "so_vao_so": f"{number:03d}/{ky_hieu}",
    }
