"""Reading a filled Excel form as content (`CONTENT_READERS[".xlsx"]`).

`read_form(path)` returns the same mapping a YAML report gives plus a locator that turns a field
into "Biểu 1!E7", or None when the workbook is not a gendoc form (a data spreadsheet someone keeps
in content/), which `gendoc build` then skips. Text typed or pasted in a legacy Vietnamese
encoding (TCVN3 .VnTime, VNI-Times) is converted to Unicode with gendoc.vi's converters: by the
cell's font when it names a legacy font, otherwise by the text's own signature.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from gendoc.exceptions import ContentError
from gendoc.reports.form import (
    INFO,
    INFO_SHEET,
    MARKER,
    MARKER_SHEET,
    VERSION,
    figure_cells,
    info_cells,
    table_rows,
)
from gendoc.reports.indicators import FIELDS, TOTAL
from gendoc.vi.legacy import decode, font_encoding, guess_encoding

Locate = Callable[[Sequence[str | int]], Any]


def _text(cell: Any) -> Any:
    """A cell's value, legacy-encoded text converted to Unicode NFC."""
    value = cell.value
    if not isinstance(value, str):
        return value
    legacy = font_encoding(cell.font.name if cell.font else None)
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


def _is_form(book: Any) -> bool:
    if MARKER_SHEET not in book.sheetnames:
        return False
    return book[MARKER_SHEET]["A1"].value == MARKER


def read_form(path: Path) -> tuple[dict[str, Any], Locate] | None:
    """Parse a filled form; None if the workbook is not a gendoc form."""
    # heavy: openpyxl, only when a workbook is read
    import openpyxl

    shown = str(path)
    if Path(path).name.startswith("~$"):
        return None  # Excel's lock file while the form is open
    try:
        book = openpyxl.load_workbook(path, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise ContentError(shown, f"không mở được tệp Excel ({exc}) — tệp hỏng hoặc không phải "
                                  ".xlsx; mở bằng Excel và lưu lại dạng .xlsx.") from None
    if not _is_form(book):
        return None
    version = book[MARKER_SHEET]["A2"].value
    if version != VERSION:
        raise ContentError(shown, f"biểu mẫu phiên bản {version} không đọc được (gendoc đọc phiên "
                                  f"bản {VERSION}) — tạo biểu mới bằng 'gendoc new bao_cao --xlsx'.")
    missing = [s for s in (INFO_SHEET, *{tr.sheet for tr in table_rows()}) if s not in book.sheetnames]
    if missing:
        raise ContentError(shown, f"biểu mẫu thiếu sheet {', '.join(missing)} — không đổi tên hay "
                                  "xóa sheet; tạo biểu mới bằng 'gendoc new bao_cao --xlsx'.")
    data: dict[str, Any] = {"loai": "bao_cao"}
    positions: dict[tuple[str | int, ...], str] = {}
    info = book[INFO_SHEET]
    for field, ref in zip(INFO, info_cells().values(), strict=True):
        positions[field.path] = f"{INFO_SHEET}!{ref}"
        value = _text(info[ref])
        if field.kind == "lines":
            items = _lines(value)
            if items or field.required:  # a blank required cell reads "không được để trống"
                _put(data, field.path, items)
        elif field.kind == "date":
            if value not in (None, ""):
                _put(data, field.path, _date(value))
        elif value not in (None, "") or field.required:
            _put(data, field.path, "" if value is None else value)
    figures: dict[str, Any] = {}
    cells = figure_cells()
    for tr in table_rows():
        if tr.key == TOTAL:
            continue  # computed by formulas; gendoc adds the rows itself
        group = figures.setdefault(tr.group.key, {})
        if tr.group.paired:
            pair = {}
            for name in FIELDS:
                sheet, ref = cells[("so_lieu", tr.group.key, tr.key, name)].split("!")
                pair[name] = _text(book[sheet][ref])
            group[tr.key] = pair
        else:
            sheet, ref = cells[("so_lieu", tr.group.key, tr.key)].split("!")
            group[tr.key] = _text(book[sheet][ref])
    data["so_lieu"] = figures
    positions.update(cells)
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
