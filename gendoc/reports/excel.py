"""Reading a filled Excel form as content (`CONTENT_READERS[".xlsx"]`).

`read_form(path)` returns the same mapping a YAML report gives plus a locator that turns a field
into "Biểu 1!E7", or None when the workbook is not a gendoc form (a data spreadsheet someone keeps
in content/), which `gendoc build` then skips. Text typed or pasted in a legacy Vietnamese
encoding (TCVN3 .VnTime, VNI-Times) is converted to Unicode with gendoc.vi's converters: by the
cell's font when it names a legacy font, otherwise by the text's own signature.

A form comes from outside (a unit's e-mail, an upload), so it is opened through
`gendoc.safezip` first: a zip bomb, an XML part with a DTD, an .xls renamed .xlsx or a file that
is no zip at all is refused with the file named before openpyxl sees it. Cell text has Excel's
`_xHHHH_` escapes decoded; what then holds a control character a document cannot print, or more
than an Excel cell can hold, is refused with its sheet!cell and field.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from gendoc.exceptions import ContentError, FieldProblem, UnusableInputError
from gendoc.reports.form import (
    INFO,
    INFO_SHEET,
    MARKER,
    MARKER_SHEET,
    VERSION,
    figure_cells,
    info_cells,
    sheets,
    table_rows,
)
from gendoc.reports.indicators import FIELDS, TOTAL
from gendoc.reports.xlsx_cells import CellValue, FormCells
from gendoc.safezip import open_zip
from gendoc.validation import MAX_REPORT_CELL
from gendoc.vi.legacy import decode, font_encoding, guess_encoding
from gendoc.xlsx_text import decode_excel_escapes

Locate = Callable[[Sequence[str | int]], Any]

MAX_FORM_INFLATED = 64 * 1024 * 1024  # a filled form inflates to well under 1 MB
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Excel 97–2003 (.xls) and other OLE files
# C0 controls other than tab, newline and CR, DEL, and what XML cannot carry (as gendoc.yamlio).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_CONTROL_NAMES = {"\x0b": "ngắt dòng của Word (\\v)", "\x0c": "ngắt trang (\\f)",
                  "\x00": "ký tự rỗng (\\0)", "\x7f": "DEL"}


def _text(cell: CellValue) -> Any:
    """A cell's value, Excel escapes decoded, legacy-encoded text converted to Unicode NFC."""
    value = cell.value
    if not isinstance(value, str):
        return value
    value = decode_excel_escapes(value)
    legacy = font_encoding(cell.font)
    if legacy is not None:
        return decode(value, *legacy).strip()
    guessed = guess_encoding(value)
    return (decode(value, guessed) if guessed else value).strip()


def _lines(value: Any) -> list[str]:
    if value is None:
        return []
    return [line.strip() for line in str(value).replace("\r", "\n").split("\n") if line.strip()]


def _date(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, str):  # typed as text: 08/11/2017 → 2017-11-08
        parts = value.replace("-", "/").replace(".", "/").split("/")
        if len(parts) == 3 and all(p.strip().isdigit() for p in parts) and len(parts[2].strip()) == 4:
            day, month, year = (int(p) for p in parts)
            return f"{year:04d}-{month:02d}-{day:02d}"
    return value


def _put(target: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value


def _is_form(book: FormCells) -> bool:
    if MARKER_SHEET not in book.sheetnames:
        return False  # a data spreadsheet kept in content/
    return book.cell(MARKER_SHEET, "A1").value == MARKER


def _dotted(path: Sequence[str | int]) -> str:
    return ".".join(str(p) for p in path)


class _Cells:
    """Reads the form's cells, collecting every text problem with its sheet!cell and field."""

    def __init__(self, book: FormCells) -> None:
        self.book = book
        self.problems: list[FieldProblem] = []

    def read(self, sheet: str, ref: str, field: Sequence[str | int]) -> Any:
        value = _text(self.book.cell(sheet, ref))
        if isinstance(value, str):
            self._check(value, f"{sheet}!{ref}", _dotted(field))
        return value

    def _check(self, value: str, where: str, field: str) -> None:
        if len(value) > MAX_REPORT_CELL:
            self.problems.append(FieldProblem(
                field, f"ô chứa {len(value):,} ký tự, vượt giới hạn {MAX_REPORT_CELL:,} ký tự cho "
                       "một ô của biểu mẫu".replace(",", "."), where=where,
                hint="có thể đã dán nhầm; chỉ giữ nội dung cần báo cáo"))
            return
        found = _CONTROL.search(value)
        if found is not None:
            char = found.group()
            name = _CONTROL_NAMES.get(char, f"mã U+{ord(char):04X}")
            self.problems.append(FieldProblem(
                field, f"có ký tự điều khiển không in được ({name}) ở vị trí {found.start() + 1}",
                where=where, hint="thường do dán từ Word: xóa ký tự đó, gõ lại dấu cách hoặc "
                                  "xuống dòng bằng Alt+Enter"))


def _open(path: Path, shown: str) -> FormCells | None:
    """The form's cells, after the zip guard; None when the workbook is not a gendoc form.
    A file that is no .xlsx is refused naming it."""
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ContentError(shown, f"không đọc được tệp ({exc.strerror}).") from None
    if not data:
        raise ContentError(shown, "tệp rỗng (0 byte) — gửi lại biểu mẫu đã điền.")
    if data.startswith(_OLE_MAGIC):
        raise ContentError(shown, "tệp là Excel 97–2003 (.xls) bị đổi đuôi thành .xlsx — mở bằng "
                                  "Excel, chọn Lưu thành (Save As) dạng 'Excel Workbook (.xlsx)'; "
                                  "tốt nhất điền lại biểu mẫu gốc.")
    try:
        with open_zip(data, shown, limit=MAX_FORM_INFLATED) as archive:
            book = FormCells(archive, shown, MAX_FORM_INFLATED)
            book.load([MARKER_SHEET])
            if not _is_form(book):
                return None
            book.load([INFO_SHEET, *sheets()])
            return book
    except UnusableInputError as exc:  # as a ContentError, so the build shows the path relative
        raise ContentError(shown, exc.message.removeprefix(f"{shown}: ")) from None
    except (zipfile.BadZipFile, KeyError, ValueError, IndexError, etree.XMLSyntaxError):
        raise ContentError(shown, "không mở được tệp Excel — tệp hỏng hoặc "
                                  "không phải .xlsx; mở bằng Excel và lưu lại dạng .xlsx.") from None


def _check_form(book: FormCells, shown: str) -> None:
    version = book.cell(MARKER_SHEET, "A2").value
    if version != VERSION:
        raise ContentError(shown, f"biểu mẫu phiên bản {version} không đọc được (gendoc đọc phiên "
                                  f"bản {VERSION}) — tạo biểu mới bằng 'gendoc new bao_cao --xlsx'.")
    missing = [s for s in (INFO_SHEET, *{tr.sheet for tr in table_rows()}) if s not in book.sheetnames]
    if missing:
        raise ContentError(shown, f"biểu mẫu thiếu sheet {', '.join(sorted(missing))} — không đổi "
                                  "tên hay xóa sheet; tạo biểu mới bằng 'gendoc new bao_cao --xlsx'.")


def _info(cells: _Cells, data: dict[str, Any]) -> dict[tuple[str | int, ...], str]:
    positions: dict[tuple[str | int, ...], str] = {}
    for field, ref in zip(INFO, info_cells().values(), strict=True):
        positions[field.path] = f"{INFO_SHEET}!{ref}"
        value = cells.read(INFO_SHEET, ref, field.path)
        if field.kind == "lines":
            items = _lines(value)
            if items or field.required:  # a blank required cell reads "không được để trống"
                _put(data, field.path, items)
        elif field.kind == "date":
            if value not in (None, ""):
                _put(data, field.path, _date(value))
        elif value not in (None, "") or field.required:
            _put(data, field.path, "" if value is None else value)
    return positions


def _figures(cells: _Cells) -> dict[str, Any]:
    figures: dict[str, Any] = {}
    where = figure_cells()
    for tr in table_rows():
        if tr.key == TOTAL:
            continue  # computed by formulas; gendoc adds the rows itself
        group = figures.setdefault(tr.group.key, {})
        if tr.group.paired:
            pair = {}
            for name in FIELDS:
                loc: tuple[str, ...] = ("so_lieu", tr.group.key, tr.key, name)
                sheet, ref = where[loc].split("!")
                pair[name] = cells.read(sheet, ref, loc)
            group[tr.key] = pair
        else:
            loc = ("so_lieu", tr.group.key, tr.key)
            sheet, ref = where[loc].split("!")
            group[tr.key] = cells.read(sheet, ref, loc)
    return figures


def read_form(path: Path) -> tuple[dict[str, Any], Locate] | None:
    """Parse a filled form; None if the workbook is not a gendoc form."""
    shown = str(path)
    if Path(path).name.startswith("~$"):
        return None  # Excel's lock file while the form is open
    book = _open(path, shown)
    if book is None:
        return None
    _check_form(book, shown)
    data: dict[str, Any] = {"loai": "bao_cao"}
    cells = _Cells(book)
    positions = _info(cells, data)
    data["so_lieu"] = _figures(cells)
    if cells.problems:
        raise ContentError(shown, cells.problems)
    positions.update(figure_cells())
    return data, _locator(positions)


def _locator(positions: dict[tuple[str | int, ...], str]) -> Locate:
    """The deepest known position along `loc`; list items (noi_nhan[2]) share their cell."""

    def locate(loc: Sequence[str | int]) -> str | None:
        parts = tuple(p for p in loc if not isinstance(p, int))
        for end in range(len(parts), 0, -1):
            found = positions.get(parts[:end])
            if found is not None:
                return found
        return f"{INFO_SHEET}!A1"

    return locate
