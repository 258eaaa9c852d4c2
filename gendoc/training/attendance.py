"""The attendance list (Danh sách học viên) to sign, grouped by unit.

A form, not an ND30 body: the issuing body and national motto on top, a title, then one table
with a two-row header (Năm sinh split into Nam | Nữ as on the usual forms) repeated on every
page, a merged row naming each unit (kept with its first participant), names in official
Vietnamese order inside each unit, and a wide signature column. Drawn with python-docx because
the merged group rows are beyond the body `Table` block.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from gendoc import nd30
from gendoc.check.marks import mark
from gendoc.docx_blocks import grid_table, row_flags
from gendoc.docx_compiled import apply_format
from gendoc.docx_meta import set_properties
from gendoc.docx_templates import (
    RULE_CO_QUAN,
    add_para,
    base_document,
    borderless_table,
    bottom_border,
    cell_text_cm,
    center_rule,
    end_paragraph,
    keep_row,
    motto_cell,
)
from gendoc.textwidth import width_cm
from gendoc.training.certificate import ngay_ngan
from gendoc.training.model import LopHoc
from gendoc.training.roster import HocVien
from gendoc.vi import roman, sap_xep_ten, thu_ngay
from gendoc.workspace import Workspace

HEADER = ("TT", "Họ và tên", "Năm sinh", "", "Chức vụ", "Điện thoại", "Ký tên")
WEIGHTS = (1.25, 4.4, 1.35, 1.35, 3.95, 2.9, 2.3)
CELL_PT = 12
KIND_MARK = "danh_sach_hoc_vien"
ROW_MIN_CM = 0.9
DOC_TITLE = "Danh sách học viên"  # the document's title property: "Danh sách học viên – <tên lớp>"


def grouped(lop: LopHoc, people: Sequence[HocVien]) -> list[tuple[str, list[HocVien]]]:
    """Units in the announcement's order (units that sent nobody are left out), names sorted."""
    groups = []
    for unit in lop.don_vi:
        members = sap_xep_ten([p for p in people if p.don_vi == unit.ten], "ho_ten")
        if members:
            groups.append((unit.ten, members))
    return groups


def _cell(cell: Any, text: str, *, bold: bool = False, align: Any = WD_ALIGN_PARAGRAPH.CENTER,
          keep_next: bool = False) -> None:
    para = cell.paragraphs[0]
    fmt = para.paragraph_format
    fmt.alignment = align
    fmt.first_line_indent = Cm(0)
    fmt.space_before = Pt(2)
    fmt.space_after = Pt(2)
    fmt.keep_with_next = keep_next or None
    if text:
        run = para.add_run(text)
        run.bold = bold or None
        run.font.size = Pt(CELL_PT)


def _heading(doc: DocxDocument, unit: Any) -> None:
    left_cm, right_cm = nd30.HEADER_COLUMNS_CM
    table = borderless_table(doc, nd30.HEADER_COLUMNS_CM)
    left, right = table.rows[0].cells
    sizes = nd30.HEADER_SIZES_PT
    if unit.co_quan_chu_quan:
        add_para(left, unit.co_quan_chu_quan.upper(), size=sizes["co_quan_chu_quan"])
    names = [line.upper() for line in unit.header_lines]
    for line in names:
        add_para(left, line, size=sizes["co_quan"], bold=True)
    rule = add_para(left, style=RULE_CO_QUAN)
    bottom_border(rule)
    longest = max(width_cm(n, sizes["co_quan"], bold=True) for n in names)
    available = cell_text_cm(left, left_cm)
    center_rule(rule, available, min(longest, available) * nd30.CO_QUAN_RULE_TARGET)
    motto_cell(right, right_cm)


def build(ws: Workspace, doc: Any, people: Sequence[HocVien]) -> DocxDocument:
    """The attendance list of the course: one sheet, or one per course day (`ky_ten_theo_ngay`)."""
    lop: LopHoc = doc.lop_hoc
    unit = ws.unit(doc.co_quan)
    out = base_document(ws.config.dinh_dang.co_chu)
    apply_format(out, ws.config.dinh_dang)
    days = ([lop.tu_ngay + dt.timedelta(days=i) for i in range(lop.so_ngay)]
            if lop.ky_ten_theo_ngay else [None])
    for index, day in enumerate(days):
        if index:
            out.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _sheet(out, unit, lop, people, day)
    mark(out, KIND_MARK, official=False)  # a form to sign, not an ND30 document
    set_properties(out, f"{DOC_TITLE} – {lop.ten}", unit.full_name)
    return out


def _sheet(out: DocxDocument, unit: Any, lop: LopHoc, people: Sequence[HocVien],
           day: dt.date | None) -> None:
    _heading(out, unit)
    add_para(out, "DANH SÁCH HỌC VIÊN", bold=True, before=18)
    add_para(out, lop.ten, bold=True)
    when = (f"Ngày học: {thu_ngay(day)}" if day is not None
            else f"Từ ngày {ngay_ngan(lop.tu_ngay)} đến ngày {ngay_ngan(lop.den_ngay)}")
    add_para(out, f"({when}, tại {lop.dia_diem.rstrip('.')})", italic=True, after=12)
    section = out.sections[0]
    text_cm = (int(section.page_width or 0) - int(section.left_margin or 0)
               - int(section.right_margin or 0)) / 360000
    widths = [text_cm * w / sum(WEIGHTS) for w in WEIGHTS]
    groups = grouped(lop, people)
    tail = _table(out, widths, groups)
    _closing(tail, widths, groups, people, lop)
    end_paragraph(out)


def _closing(cell: Any, widths: list[float], groups: list[tuple[str, list[HocVien]]],
             people: Sequence[HocVien], lop: LopHoc) -> None:
    """The table's last row: the last participant (a nested table on the same grid), the summary
    line and the signer, in one row that never splits. Neither Word nor LibreOffice keeps table
    rows with the paragraph after a table reliably (LibreOffice only moves whole table frames),
    so the signer is put inside the table: on whatever page it prints, at least one
    participant's row (and the repeated header) prints above «NGƯỜI LẬP DANH SÁCH»."""
    last_group = groups[-1]
    rows: list[tuple[str, int, Any]] = (
        [("group", len(groups), last_group)] if len(last_group[1]) == 1 else [])
    rows.append(("person", len(people), last_group[1][-1]))
    nested = grid_table(cell, len(rows), widths)
    first = cell.paragraphs[0]._p  # the cell's own empty paragraph would print a gap above
    first.getparent().remove(first)
    for row, (what, number, item) in zip(nested.rows, rows, strict=True):
        if what == "group":
            _group_row(row, number, item)
        else:
            _person_row(row, number, item)
    women = sum(1 for p in people if p.gioi_tinh == "Nữ")
    add_para(cell, f"Danh sách có {len(people):02d} học viên ({women:02d} nữ, {len(people) - women:02d} nam) "
                   f"của {len(groups):02d} đơn vị./.", italic=True,
             align=WD_ALIGN_PARAGRAPH.LEFT, before=6)
    scale = sum(widths) / sum(nd30.CLOSING_COLUMNS_CM)
    sign = borderless_table(cell, (nd30.CLOSING_COLUMNS_CM[0] * scale, nd30.CLOSING_COLUMNS_CM[1] * scale))
    right = sign.rows[0].cells[1]
    add_para(right, "NGƯỜI LẬP DANH SÁCH", bold=True, before=12)
    for _ in range(3):
        add_para(right, "")
    add_para(right, lop.lien_he.ho_ten, bold=True)
    keep_row(sign.rows[0])


def _group_row(row: Any, number: int, group: tuple[str, list[HocVien]]) -> None:
    name, members = group
    merged = row.cells[0].merge(row.cells[len(HEADER) - 1])
    _cell(merged, f"{roman(number)}. {name} ({len(members):02d} học viên)", bold=True,
          align=WD_ALIGN_PARAGRAPH.LEFT, keep_next=True)
    row_flags(row)


def _person_row(row: Any, number: int, person: HocVien) -> None:
    row.height = Cm(ROW_MIN_CM)
    row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    male = person.gioi_tinh == "Nam"
    values = [str(number), person.ho_ten, str(person.nam_sinh) if male else "",
              "" if male else str(person.nam_sinh), person.chuc_vu or "",
              person.dien_thoai or "", ""]
    for col, (cell, value) in enumerate(zip(row.cells, values, strict=True)):
        left = col in (1, 4)
        _cell(cell, value, align=WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER)
    row_flags(row)


def _open_cell(cell: Any) -> None:
    """No margins and no left, right or bottom border: the nested tables inside draw the grid."""
    tc_pr = cell._tc.get_or_add_tcPr()
    borders = OxmlElement("w:tcBorders")
    for edge in ("left", "bottom", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tc_pr.append(borders)
    margins = OxmlElement("w:tcMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "0")
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tc_pr.append(margins)


def _table(out: DocxDocument, widths: list[float], groups: list[tuple[str, list[HocVien]]]) -> Any:
    """The participants' table, header rows repeated on every page; the last participant is left
    for the closing row (`_closing`), whose cell is returned."""
    last_alone = len(groups[-1][1]) == 1
    rows = 2 + sum(1 + len(members) for _, members in groups) - (2 if last_alone else 1) + 1
    table = grid_table(out, rows, widths)

    top, sub = table.rows[0], table.rows[1]
    for col, text in enumerate(HEADER):
        if col in (2, 3):
            continue
        merged = top.cells[col].merge(sub.cells[col])
        _cell(merged, text, bold=True)
    year = top.cells[2].merge(top.cells[3])
    _cell(year, "Năm sinh", bold=True)
    _cell(sub.cells[2], "Nam", bold=True)
    _cell(sub.cells[3], "Nữ", bold=True)
    row_flags(top, header=True)
    row_flags(sub, header=True)

    r, number = 2, 0
    for g, group in enumerate(groups, start=1):
        if g == len(groups) and last_alone:
            break
        _group_row(table.rows[r], g, group)
        r += 1
        for person in group[1]:
            number += 1
            if number == sum(len(m) for _, m in groups):
                break
            _person_row(table.rows[r], number, person)
            r += 1
    last = table.rows[r]
    cell = last.cells[0].merge(last.cells[len(HEADER) - 1])
    _open_cell(cell)
    row_flags(last)
    return cell
