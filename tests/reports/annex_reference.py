"""The .xlsx annex of the consolidation (Phụ lục — biểu tổng hợp), with live formulas.

Sở Nội vụ forwards the annex to the Ministry and is asked to correct figures afterwards; a
spreadsheet whose totals are typed numbers drifts from its rows at the first correction. So each
unit's row holds the unit's figures as values, and every total (row totals, the province total
row, the shares of women, the summary sheet) is a formula that recomputes from them. Tests open
the file in LibreOffice and check the recomputed totals equal `Consolidation`'s.

Speed: a sheet has a row per unit (700 and more), so each cell look (font, border, alignment,
fill, number format) is a named style registered once per workbook and applied by name; building
style objects per cell made openpyxl hash and look them up again for every cell. Unit names and
other content text go through `put_text`: text, never a formula.
"""

from __future__ import annotations

import io
from copy import copy
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gendoc.reports.annex import ALIGN_NAMES, FIRST, FORMAT_NAMES, SHEET_NAMES, SUMMARY
from gendoc.reports.consolidation import Consolidation
from gendoc.reports.indicators import HOAT_DONG, PAIRED, Group
from gendoc.reports.xlsx_text import put_text
from gendoc.writer import atomic_write

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
GREY = PatternFill("solid", fgColor="E7E6E6")


class Styles:
    """The boxed cell looks of one workbook, each a NamedStyle made once.

    The first cell of a look gets the style by name (openpyxl registers it); every later cell
    copies that cell's style array — what openpyxl's own worksheet copier does — instead of
    looking the name up again among the workbook's styles."""

    def __init__(self, book: Workbook) -> None:
        self.book = book
        self.arrays: dict[tuple[bool, bool, str, str | None], Any] = {}

    def apply(self, cell: Any, bold: bool, grey: bool, align: str, fmt: str | None) -> None:
        key = (bold, grey, align, fmt)
        array = self.arrays.get(key)
        if array is not None:
            cell._style = copy(array)
            return
        name = (f"Phụ lục - {ALIGN_NAMES[align]}{FORMAT_NAMES[fmt]}"
                + (" đậm" if bold else "") + (" nền xám" if grey else ""))
        style = NamedStyle(name=name, font=Font(name=FONT, bold=bold, size=11), border=BOX,
                           alignment=Alignment(horizontal=align, vertical="center",
                                               wrap_text=True))
        if grey:
            style.fill = GREY
        if fmt:
            style.number_format = fmt
        self.book.add_named_style(style)
        cell.style = name
        self.arrays[key] = copy(cell._style)


def _cell(sheet: Worksheet, styles: Styles, row: int, col: int, value: object, *,
          bold: bool = False, fill: PatternFill | None = None, align: str = "center",
          fmt: str | None = None) -> None:
    cell = sheet.cell(row=row, column=col, value=value)
    styles.apply(cell, bold, fill is not None, align, fmt)


def _text(sheet: Worksheet, styles: Styles, row: int, col: int, text: str, **look: object) -> None:
    """A boxed cell holding text from content (a unit's name): literal, never a formula."""
    _cell(sheet, styles, row, col, None, **look)  # type: ignore[arg-type]
    put_text(sheet.cell(row=row, column=col), text)


def _share(t: str, n: str) -> str:
    return f'=IF(N({t})>0,{n}/{t}*100,"-")'


def _titles(sheet: Worksheet, title: str, cons: Consolidation) -> None:
    sheet["A1"] = title.upper()
    sheet["A1"].font = Font(name=FONT, bold=True, size=13)
    sheet["A2"] = (f"(Kèm theo báo cáo tổng hợp năm {cons.year}; số liệu của {len(cons.reports)} "
                   "cơ quan, đơn vị đã báo cáo)")
    sheet["A2"].font = Font(name=FONT, italic=True, size=11)
    sheet.column_dimensions["A"].width = 6
    sheet.column_dimensions["B"].width = 40
    sheet.freeze_panes = f"C{FIRST}"


def _unit_name(report: object) -> str:
    unit = report.unit  # type: ignore[attr-defined]
    return unit.ten_day_du or unit.ma


def _paired_header(sheet: Worksheet, styles: Styles, spec: Group) -> None:
    _cell(sheet, styles, 3, 1, "STT", bold=True)
    _cell(sheet, styles, 3, 2, "Cơ quan, đơn vị", bold=True)
    sheet.merge_cells(start_row=3, end_row=4, start_column=1, end_column=1)
    sheet.merge_cells(start_row=3, end_row=4, start_column=2, end_column=2)
    col = 3
    for item in [*spec.rows, None]:
        label = item.label if item else "Cộng"
        width = 2 if item else 3
        _cell(sheet, styles, 3, col, label, bold=True)
        sheet.merge_cells(start_row=3, end_row=3, start_column=col, end_column=col + width - 1)
        for offset, sub in enumerate(["Tổng số", "Nữ", "Tỷ lệ nữ (%)"][:width]):
            _cell(sheet, styles, 4, col + offset, sub, bold=True)
            sheet.column_dimensions[get_column_letter(col + offset)].width = 11
        col += width
    sheet.row_dimensions[3].height = 45


def _paired_sheet(book: Workbook, styles: Styles, spec: Group,
                  cons: Consolidation) -> tuple[str, int]:
    """Units × (rows of the group, tổng/nữ) + the group total and share; returns (sheet, total row)."""
    sheet = book.create_sheet(SHEET_NAMES[spec.key])
    _titles(sheet, f"Biểu tổng hợp: {spec.title}", cons)
    _paired_header(sheet, styles, spec)
    last = FIRST + len(cons.reports) - 1
    total_row = last + 1
    pairs = len(spec.rows)
    letters = [get_column_letter(3 + k) for k in range(2 * pairs + 3)]
    t_col, n_col = 3 + 2 * pairs, 4 + 2 * pairs
    for index, report in enumerate(cons.reports):
        r = FIRST + index
        _cell(sheet, styles, r, 1, index + 1)
        _text(sheet, styles, r, 2, _unit_name(report), align="left")
        values = getattr(report.so_lieu, spec.key)
        for k, item in enumerate(spec.rows):
            pair = getattr(values, item.key)
            _cell(sheet, styles, r, 3 + 2 * k, pair.tong, align="right", fmt="#,##0")
            _cell(sheet, styles, r, 4 + 2 * k, pair.nu, align="right", fmt="#,##0")
    for r in range(FIRST, total_row + 1):
        bold = r == total_row
        if bold:
            _cell(sheet, styles, r, 1, "", bold=True, fill=GREY)
            _cell(sheet, styles, r, 2, "Tổng cộng", bold=True, fill=GREY, align="left")
            for k in range(2 * pairs):
                letter = letters[k]
                formula = f"=SUM({letter}{FIRST}:{letter}{last})" if last >= FIRST else 0
                _cell(sheet, styles, r, 3 + k, formula, bold=True, fill=GREY, align="right",
                      fmt="#,##0")
        t_cells = "+".join(f"{letters[2 * k]}{r}" for k in range(pairs))
        n_cells = "+".join(f"{letters[2 * k + 1]}{r}" for k in range(pairs))
        _cell(sheet, styles, r, t_col, f"={t_cells}", bold=bold, fill=GREY, align="right",
              fmt="#,##0")
        _cell(sheet, styles, r, n_col, f"={n_cells}", bold=bold, fill=GREY, align="right",
              fmt="#,##0")
        t, n = f"{letters[t_col - 3]}{r}", f"{letters[n_col - 3]}{r}"
        _cell(sheet, styles, r, n_col + 1, _share(t, n), bold=bold, fill=GREY, align="right",
              fmt="0.0")
    return sheet.title, total_row


def _activity_sheet(book: Workbook, styles: Styles, cons: Consolidation) -> None:
    sheet = book.create_sheet(SHEET_NAMES[HOAT_DONG.key])
    _titles(sheet, f"Biểu tổng hợp: {HOAT_DONG.title}", cons)
    _cell(sheet, styles, 4, 1, "STT", bold=True)
    _cell(sheet, styles, 4, 2, "Cơ quan, đơn vị", bold=True)
    for k, item in enumerate(HOAT_DONG.rows):
        _cell(sheet, styles, 4, 3 + k, item.label, bold=True)
        sheet.column_dimensions[get_column_letter(3 + k)].width = 16
    sheet.row_dimensions[4].height = 60
    last = FIRST + len(cons.reports) - 1
    for index, report in enumerate(cons.reports):
        r = FIRST + index
        _cell(sheet, styles, r, 1, index + 1)
        _text(sheet, styles, r, 2, _unit_name(report), align="left")
        for k, item in enumerate(HOAT_DONG.rows):
            _cell(sheet, styles, r, 3 + k, getattr(report.so_lieu.hoat_dong, item.key),
                  align="right", fmt="#,##0")
    _cell(sheet, styles, last + 1, 1, "", fill=GREY)
    _cell(sheet, styles, last + 1, 2, "Tổng cộng", bold=True, fill=GREY, align="left")
    for k in range(len(HOAT_DONG.rows)):
        letter = get_column_letter(3 + k)
        formula = f"=SUM({letter}{FIRST}:{letter}{last})" if last >= FIRST else 0
        _cell(sheet, styles, last + 1, 3 + k, formula, bold=True, fill=GREY, align="right",
              fmt="#,##0")


def _summary(sheet: Worksheet, styles: Styles, cons: Consolidation,
             refs: dict[str, tuple[str, int]]) -> None:
    _titles(sheet, f"Tổng hợp số liệu nữ cán bộ, công chức, viên chức năm {cons.year}", cons)
    for col, text in enumerate(["STT", "Chỉ tiêu", "Tổng số", "Trong đó nữ", "Tỷ lệ nữ (%)"], 1):
        _cell(sheet, styles, 4, col, text, bold=True)
    for letter in "CDE":
        sheet.column_dimensions[letter].width = 14
    for index, spec in enumerate(PAIRED):
        r = FIRST + index
        name, total_row = refs[spec.key]
        pairs = len(spec.rows)
        t_col, n_col = get_column_letter(3 + 2 * pairs), get_column_letter(4 + 2 * pairs)
        _cell(sheet, styles, r, 1, index + 1)
        _cell(sheet, styles, r, 2, spec.title, align="left")
        _cell(sheet, styles, r, 3, f"='{name}'!{t_col}{total_row}", align="right", fmt="#,##0")
        _cell(sheet, styles, r, 4, f"='{name}'!{n_col}{total_row}", align="right", fmt="#,##0")
        _cell(sheet, styles, r, 5, _share(f"C{r}", f"D{r}"), align="right", fmt="0.0")
    r = FIRST + len(PAIRED) + 1
    sheet.cell(row=r, column=2, value="Đơn vị chưa gửi báo cáo:").font = Font(name=FONT, bold=True)
    plain = Font(name=FONT)
    for offset, unit in enumerate(cons.missing, start=1):
        put_text(sheet.cell(row=r + offset, column=2), unit.ten_day_du or unit.ma).font = plain
    if not cons.missing:
        sheet.cell(row=r + 1, column=2, value="(không có)").font = Font(name=FONT, italic=True)


def annex_workbook(cons: Consolidation) -> Workbook:
    """The annex as an openpyxl Workbook (a summary sheet, a sheet per group)."""
    book = Workbook()
    styles = Styles(book)
    summary = book.active
    summary.title = SUMMARY
    refs = {spec.key: _paired_sheet(book, styles, spec, cons) for spec in PAIRED}
    _activity_sheet(book, styles, cons)
    _summary(summary, styles, cons, refs)
    for sheet in book.worksheets:
        sheet.page_setup.orientation = "landscape"
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    return book


def annex_bytes(cons: Consolidation) -> bytes:
    """The annex workbook as .xlsx bytes (nothing written to disk)."""
    buf = io.BytesIO()
    annex_workbook(cons).save(buf)
    return buf.getvalue()


def write_annex(cons: Consolidation, path: Path, root: Path | None = None) -> Path:
    """Write the annex workbook atomically; returns its path."""
    return atomic_write(path, annex_bytes(cons), root=root)
