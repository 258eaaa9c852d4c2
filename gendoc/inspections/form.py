"""The Excel self-assessment form (Biểu tự đánh giá) sent with the Đề cương, and its reader.

Drawn in the style of the report forms (`gendoc.reports.form_style`): labels locked (sheet
protection, no password), one yellow input cell per answer, the verdict chosen from a list
(Đạt / Chưa đạt), a very hidden sheet naming the unit and the checklist codes so a filled form is
matched to its unit and checklist. `read_form` returns each item's answers, or raises one
ContentError listing every problem with its cell ("Tự đánh giá!C7").
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gendoc.exceptions import ContentError, FieldProblem, UnusableInputError
from gendoc.inspections.blocks import CHUA_DAT, DAT
from gendoc.inspections.model import NoiDungKiemTra
from gendoc.safezip import open_zip
from gendoc.validation import cell_problem
from gendoc.xlsx_text import decode_excel_escapes

SHEET = "Tự đánh giá"
MARKER_SHEET = "_gendoc"
MARKER = "gendoc:tu_danh_gia"
VERSION = 1
FIRST_ROW = 5
COLUMNS = (("A", "STT", 6), ("B", "Nội dung kiểm tra", 60), ("C", "Tự đánh giá", 14),
           ("D", "Kết quả thực hiện, số liệu minh chứng", 45), ("E", "Tồn tại, hạn chế", 40))
VERDICTS = {DAT.lower(): DAT, CHUA_DAT.lower(): CHUA_DAT}
MAX_FILE_BYTES = 20 * 1024 * 1024  # a filled form is tens of KB
MAX_INFLATED = 32 * 1024 * 1024  # read in full (not read-only): keep well inside memory


@dataclass(frozen=True)
class TuDanhGia:
    """A unit's answer on one checklist item."""

    dat: bool
    ket_qua: str
    han_che: str


def cell_of(index: int, column: str) -> str:
    """The cell of checklist item `index` (0-based) in `column`, e.g. C7."""
    return f"{column}{FIRST_ROW + index}"


def write_form(unit: Any, year: int, items: list[NoiDungKiemTra]) -> bytes:
    """The blank form of one unit, as .xlsx bytes."""
    # heavy: openpyxl, only when a form is written
    from openpyxl import Workbook
    from openpyxl.styles import Alignment
    from openpyxl.worksheet.datavalidation import DataValidation

    # form_style imports openpyxl at module level
    from gendoc.reports.form_style import BOX, INPUT_FILL, UNLOCKED

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    sheet["A1"] = f"BIỂU TỰ ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN NĂM {year}"
    sheet["A1"].font = _font(bold=True, size=13)
    sheet["A2"] = f"Cơ quan, đơn vị: {unit.ten_day_du or unit.ma} (mã {unit.ma})"
    sheet["A3"] = ("Chỉ điền vào các ô màu vàng; cột «Tự đánh giá» chọn Đạt hoặc Chưa đạt; "
                   "«Chưa đạt» thì ghi rõ tồn tại, hạn chế.")
    for ref in ("A2", "A3"):
        sheet[ref].font = _font(italic=True)
    verdict = DataValidation(type="list", formula1=f'"{DAT},{CHUA_DAT}"', showErrorMessage=True,
                             errorTitle="Chọn trong danh sách", error=f"Chọn {DAT} hoặc {CHUA_DAT}.")
    sheet.add_data_validation(verdict)
    wrap = Alignment(wrap_text=True, vertical="top")
    for col, title, width in COLUMNS:
        sheet.column_dimensions[col].width = width
        head = sheet[f"{col}{FIRST_ROW - 1}"]
        head.value, head.font, head.border = title, _font(bold=True), BOX
        head.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for index, item in enumerate(items):
        for col, value in (("A", str(index + 1)), ("B", item.noi_dung)):
            cell = sheet[cell_of(index, col)]
            cell.value, cell.font, cell.border, cell.alignment = value, _font(), BOX, wrap
        for col in ("C", "D", "E"):
            cell = sheet[cell_of(index, col)]
            cell.font, cell.border, cell.alignment = _font(), BOX, wrap
            cell.fill, cell.protection = INPUT_FILL, UNLOCKED
        verdict.add(cell_of(index, "C"))
        sheet.row_dimensions[FIRST_ROW + index].height = 16 * max(3, len(item.noi_dung) // 55 + 1)
    sheet.protection.sheet = True
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    marker = book.create_sheet(MARKER_SHEET)
    for row, value in enumerate([MARKER, VERSION, unit.ma, year, *[i.ma for i in items]], 1):
        marker.cell(row=row, column=1, value=value)
    marker.sheet_state = "veryHidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _font(bold: bool = False, italic: bool = False, size: float = 12) -> Any:
    """Times New Roman, as on the report forms."""
    # heavy: openpyxl, only when a form is written
    from openpyxl.styles import Font

    # form_style imports openpyxl at module level
    from gendoc.reports.form_style import FONT

    return Font(name=FONT, bold=bold, italic=italic, size=size)


def _text(value: Any) -> str:
    return "" if value is None else decode_excel_escapes(str(value)).strip()


def _checked_bytes(path: Path, shown: str) -> bytes:
    """The form's bytes, read once, after gendoc.safezip checked inflation and DTDs."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ContentError(shown, f"tệp quá lớn ({size // 1024 // 1024} MB, tối đa "
                                      f"{MAX_FILE_BYTES // 1024 // 1024} MB) — biểu tự đánh giá "
                                      "chỉ vài chục KB; bỏ ảnh, sheet thừa rồi lưu lại.")
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError(shown, f"không đọc được tệp ({exc.strerror}).") from None
    try:
        open_zip(data, shown, limit=MAX_INFLATED).close()
    except UnusableInputError as exc:
        raise ContentError(shown, exc.format_message().removeprefix(f"{shown}: ")) from None
    return data


def _open(path: Path, shown: str) -> Any:
    # heavy: openpyxl, only when a filled form is read
    import openpyxl

    data = _checked_bytes(path, shown)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception:  # noqa: BLE001 - any library error means "not a usable xlsx"
        raise ContentError(shown, "không mở được tệp Excel (tệp hỏng hoặc không đúng dạng .xlsx) — "
                                  "mở bằng Excel và lưu lại dạng .xlsx.") from None
    marker = book[MARKER_SHEET] if MARKER_SHEET in book.sheetnames else None
    if marker is None or marker["A1"].value != MARKER or SHEET not in book.sheetnames:
        raise ContentError(shown, "không phải Biểu tự đánh giá của gendoc (hoặc đã bị đổi tên, "
                                  "xóa sheet) — dùng biểu gửi kèm Đề cương báo cáo.")
    return book


def read_form(path: Path, shown: str, unit_code: str,
              items: list[NoiDungKiemTra]) -> dict[str, TuDanhGia]:
    """Checklist code → the unit's answer; every problem reported together, by cell."""
    book = _open(path, shown)
    marker, sheet = book[MARKER_SHEET], book[SHEET]
    if marker["A3"].value != unit_code:
        raise ContentError(shown, f"biểu này là của đơn vị '{marker['A3'].value}', không phải "
                                  f"'{unit_code}' — kiểm tra lại tệp của từng đơn vị.")
    codes = [_text(marker.cell(row=5 + i, column=1).value) for i in range(len(items) + 1)]
    if codes[:len(items)] != [i.ma for i in items] or codes[len(items)]:
        raise ContentError(shown, "danh mục nội dung của biểu không khớp kế hoạch kiểm tra (kế "
                                  "hoạch đã sửa sau khi gửi biểu) — dựng lại biểu và gửi đơn vị.")
    found: dict[str, TuDanhGia] = {}
    problems = _unprintable(sheet, items)
    for index, item in enumerate(items):
        where = f"{SHEET}!{cell_of(index, 'C')}"
        raw = _text(sheet[cell_of(index, "C")].value)
        verdict = VERDICTS.get(raw.lower())
        name = f"tu_danh_gia[{item.ma}]"
        if verdict is None:
            problems.append(FieldProblem(name, f"nội dung {index + 1}: "
                                         + (f"ghi «{raw}»" if raw else "chưa tự đánh giá"),
                                         where=where, hint=f"chọn {DAT} hoặc {CHUA_DAT}"))
            continue
        limits = _text(sheet[cell_of(index, "E")].value)
        if verdict == CHUA_DAT and not limits:
            problems.append(FieldProblem(name, f"nội dung {index + 1} tự đánh giá «{CHUA_DAT}» "
                                         "nhưng chưa ghi tồn tại, hạn chế",
                                         where=f"{SHEET}!{cell_of(index, 'E')}",
                                         hint="ghi rõ tồn tại, hạn chế vào ô này"))
            continue
        found[item.ma] = TuDanhGia(verdict == DAT, _text(sheet[cell_of(index, "D")].value), limits)
    if problems:
        raise ContentError(shown, problems)
    return found


def _unprintable(sheet: Any, items: list[NoiDungKiemTra]) -> list[FieldProblem]:
    """Answers with a control character (after Excel's _xHHHH_ escapes) or too long to print."""
    problems = []
    for index, item in enumerate(items):
        for column in ("C", "D", "E"):
            ref = cell_of(index, column)
            value = sheet[ref].value  # not stripped: str.strip() drops \x1c-\x1f silently
            problem = cell_problem(decode_excel_escapes(str(value)) if value is not None else None,
                                   f"tu_danh_gia[{item.ma}]", f"{SHEET}!{ref}")
            if problem is not None:
                problems.append(problem)
    return problems
