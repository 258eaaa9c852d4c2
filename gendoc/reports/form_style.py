"""Drawing the Excel form with openpyxl: sheets, styles, protection, validation, formulas.

Kept apart from the layout (`gendoc.reports.form`) so the reader never imports styling code and
the layout can be read at a glance.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from gendoc.reports.form import (
    ACTIVITY_UNITS,
    COLS,
    FIRST_ROW,
    GUIDE_SHEET,
    INFO,
    INFO_FIRST_ROW,
    INFO_SHEET,
    MARKER,
    MARKER_SHEET,
    VERSION,
    info_cells,
    sheets,
    table_rows,
)
from gendoc.reports.indicators import TOTAL
from gendoc.reports.xlsx_text import put_text
from gendoc.writer import atomic_save

FONT = "Times New Roman"
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")  # pale yellow: "type here"
TOTAL_FILL = PatternFill("solid", fgColor="E7E6E6")  # grey: computed
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
UNLOCKED = Protection(locked=False)

GUIDE = (
    "HƯỚNG DẪN ĐIỀN BIỂU MẪU BÁO CÁO",
    "",
    "1. Chỉ điền vào các ô màu vàng. Các ô khác đã được khóa; ô màu xám là công thức tự tính.",
    "2. Sheet 'Thông tin': số, ngày, trích yếu, người ký, nơi nhận và các nội dung báo cáo bằng "
    "lời (kết quả, hạn chế, kiến nghị, đề xuất). Ô có nhiều ý: mỗi ý một dòng (Alt+Enter để xuống "
    "dòng trong ô).",
    "3. Sheet 'Biểu 1', 'Biểu 2': điền số người (số nguyên, không âm). Cột 'Trong đó nữ' không "
    "được lớn hơn cột 'Tổng số'. Không có thì điền 0, không để trống.",
    "4. Không đổi tên, thêm, xóa hay sắp xếp lại các sheet, dòng, cột.",
    "5. Dùng phông chữ Unicode (Times New Roman). Nếu dán chữ từ văn bản cũ gõ bằng phông .VnTime "
    "hoặc VNI-Times, gendoc tự chuyển sang Unicode khi đọc.",
    "6. Lưu tệp dạng .xlsx và gửi về Sở Nội vụ trước ngày 15 tháng 11 hằng năm "
    "(Kế hoạch của UBND tỉnh, Mục III.1.e).",
    "",
    "Sở Nội vụ đặt tệp vào thư mục content/bao-cao/<năm>/ rồi chạy 'gendoc build': gendoc kiểm "
    "tra số liệu và báo lỗi kèm tên sheet và ô (ví dụ Biểu 1!E7).",
)


def _font(bold: bool = False, italic: bool = False, size: float = 12) -> Font:
    return Font(name=FONT, bold=bold, italic=italic, size=size)


def _guide(book: Workbook) -> None:
    sheet = book.active
    sheet.title = GUIDE_SHEET
    sheet.column_dimensions["A"].width = 90
    for index, text in enumerate(GUIDE, start=1):
        cell = sheet.cell(row=index, column=1, value=text)
        cell.font = _font(bold=index == 1, size=13 if index == 1 else 12)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        # Row heights of wrapped text are not recomputed by every spreadsheet program on load.
        sheet.row_dimensions[index].height = 16 * max(1, -(-len(text) // 80))
    sheet.protection.sheet = True


def _info(book: Workbook, unit: Any, year: int, prefill: dict[tuple[str, ...], Any]) -> None:
    sheet = book.create_sheet(INFO_SHEET)
    sheet.column_dimensions["A"].width = 46
    sheet.column_dimensions["B"].width = 80
    sheet["A1"] = f"BÁO CÁO NĂM {year} — {unit.ten_day_du or unit.ma}"
    sheet["A1"].font = _font(bold=True, size=13)
    sheet["A2"] = "Thông tin chung và nội dung báo cáo (điền vào các ô màu vàng)"
    sheet["A2"].font = _font(italic=True)
    dates = DataValidation(type="date", operator="greaterThan", formula1="36526",
                           showErrorMessage=True, errorTitle="Ngày không hợp lệ",
                           error="Nhập ngày dạng ngày/tháng/năm, ví dụ 08/11/2017.")
    whole = _whole_validation()
    sheet.add_data_validation(dates)
    sheet.add_data_validation(whole)
    cells = info_cells()
    for field in INFO:
        ref = cells[field.path]
        row = int(ref[1:])
        label = sheet.cell(row=row, column=1, value=field.label + (" *" if field.required else ""))
        label.font = _font(bold=field.required)
        label.alignment = WRAP
        label.border = BOX
        value = sheet[ref]
        put_text(value, prefill.get(field.path))  # from gendoc.yaml: text, never a formula
        value.font = _font()
        value.border = BOX
        value.alignment = Alignment(wrap_text=True, vertical="top")
        if field.kind == "locked":
            value.fill = TOTAL_FILL
            continue
        value.fill = INPUT_FILL
        value.protection = UNLOCKED
        if field.kind == "date":
            value.number_format = "DD/MM/YYYY"
            dates.add(ref)
        elif field.kind == "int":
            whole.add(ref)
        elif field.kind == "lines":
            sheet.row_dimensions[row].height = 60
    sheet.cell(row=INFO_FIRST_ROW + len(INFO) + 1, column=1,
               value="(*) bắt buộc").font = _font(italic=True, size=11)
    sheet.protection.sheet = True


def _whole_validation() -> DataValidation:
    return DataValidation(type="whole", operator="greaterThanOrEqual", formula1="0",
                          showErrorMessage=True, errorTitle="Số không hợp lệ",
                          error="Chỉ nhập số nguyên không âm (0, 1, 2 …).",
                          showInputMessage=True, promptTitle="Số liệu",
                          prompt="Số nguyên ≥ 0; không có thì điền 0.")


def _header(sheet: Worksheet, row: int, paired: bool) -> None:
    titles = ["STT", "Chỉ tiêu", "Đơn vị tính"]
    titles += ["Tổng số", "Trong đó nữ", "Tỷ lệ nữ (%)"] if paired else ["Số lượng"]
    for col, text in enumerate(titles, start=1):
        cell = sheet.cell(row=row, column=col, value=text)
        cell.font = _font(bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = BOX


def _boxed(cell: Any, *, bold: bool = False, fill: PatternFill | None = None,
           align: str = "left") -> None:
    cell.font = _font(bold=bold)
    cell.border = BOX
    cell.alignment = Alignment(horizontal=align, vertical="center", wrap_text=True)
    if fill is not None:
        cell.fill = fill


def _tables(book: Workbook, unit: Any, year: int) -> None:
    rows = table_rows()
    validations: dict[str, DataValidation] = {}
    for name in sheets():
        sheet = book.create_sheet(name)
        for col, width in zip("ABCDEF", (7, 52, 12, 13, 13, 13), strict=True):
            sheet.column_dimensions[col].width = width
        sheet["A1"] = f"{name.upper()}: SỐ LIỆU BÁO CÁO NĂM {year}"
        sheet["A1"].font = _font(bold=True, size=13)
        sheet["A2"] = f"Cơ quan, đơn vị: {unit.ten_day_du or unit.ma} (mã {unit.ma})"
        sheet["A2"].font = _font(italic=True)
        validations[name] = _whole_validation()
        sheet.add_data_validation(validations[name])
        sheet.protection.sheet = True
        sheet.freeze_panes = f"A{FIRST_ROW}"
    seen_header: set[tuple[str, bool]] = set()
    for tr in rows:
        sheet = book[tr.sheet]
        spec = tr.group
        if tr.key == TOTAL and (tr.sheet, spec.paired) not in seen_header:
            _header(sheet, tr.row - 1, spec.paired)
            seen_header.add((tr.sheet, spec.paired))
        r = tr.row
        heading = tr.key == TOTAL
        _boxed(sheet.cell(row=r, column=1, value=tr.number), bold=heading, align="center")
        label = spec.title if heading else spec.row(tr.key).label
        _boxed(sheet.cell(row=r, column=2, value=label), bold=heading)
        unit_text = spec.unit or ("" if heading else ACTIVITY_UNITS.get(tr.key, ""))
        _boxed(sheet.cell(row=r, column=3, value=unit_text), align="center")
        if not spec.paired:
            if not heading:
                cell = sheet[f"{COLS['so']}{r}"]
                _boxed(cell, fill=INPUT_FILL, align="right")
                cell.protection = UNLOCKED
                validations[tr.sheet].add(cell.coordinate)
            else:
                _boxed(sheet[f"{COLS['so']}{r}"], fill=TOTAL_FILL)
            continue
        first, last = r + 1, r + len(spec.rows)
        for name in ("tong", "nu"):
            cell = sheet[f"{COLS[name]}{r}"]
            if heading:
                col = COLS[name]
                cell.value = f"=SUM({col}{first}:{col}{last})"
                _boxed(cell, bold=True, fill=TOTAL_FILL, align="right")
            else:
                _boxed(cell, fill=INPUT_FILL, align="right")
                cell.protection = UNLOCKED
                validations[tr.sheet].add(cell.coordinate)
            cell.number_format = "#,##0"
        share = sheet[f"{COLS['ty_le']}{r}"]
        t, n = f"{COLS['tong']}{r}", f"{COLS['nu']}{r}"
        share.value = f'=IF(N({t})>0,{n}/{t}*100,"-")'
        share.number_format = "0.0"
        _boxed(share, bold=heading, fill=TOTAL_FILL, align="right")


def build_workbook(*, unit: Any, year: int, prefill: dict[tuple[str, ...], Any]) -> Workbook:
    book = Workbook()
    _guide(book)
    _info(book, unit, year, prefill)
    _tables(book, unit, year)
    marker = book.create_sheet(MARKER_SHEET)
    marker["A1"] = MARKER
    marker["A2"] = VERSION
    marker.sheet_state = "veryHidden"
    for sheet in book.worksheets:  # printable on A4, one page wide
        sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
        sheet.page_setup.fitToWidth = 1
        sheet.page_setup.fitToHeight = 0
        sheet.sheet_properties.pageSetUpPr.fitToPage = True
    book.active = 1  # open on "Thông tin"
    return book


def write_form(path: Path, *, unit: Any, year: int, prefill: dict[tuple[str, ...], Any]) -> Path:
    """Write the blank form for `unit` (a CoQuan) and `year`, atomically."""
    workbook = build_workbook(unit=unit, year=year, prefill=prefill)
    atomic_save(path, lambda tmp: workbook.save(str(tmp)))
    return path
