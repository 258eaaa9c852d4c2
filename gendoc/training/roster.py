"""Participant lists (danh sách học viên) from .xlsx, .csv or .yaml, validated row by row.

Units send their lists as spreadsheets with Vietnamese column headings in whatever order and
spelling they like ("Họ và tên", "Họ tên", "HỌ VÀ TÊN"); headings are matched without accents or
case. Every bad cell in the file is reported at once with its position (`Học viên!D12` for
Excel, the line for CSV and YAML) so the clerk fixes the whole list in one pass.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import Field, field_validator

from gendoc.exceptions import ContentError, FieldProblem, UnusableInputError
from gendoc.kinds.official import Strict
from gendoc.safezip import open_zip
from gendoc.validation import MAX_CELL, Email, cell_problem, validate
from gendoc.vi.text import khoa_so_khop, nfc, viet_hoa_ten
from gendoc.xlsx_text import decode_excel_escapes
from gendoc.yamlio import line_of, load_yaml

SUFFIXES = (".xlsx", ".xlsm", ".csv", ".yaml", ".yml")
MAX_ROWS = 20000
MAX_FILE_BYTES = 20 * 1024 * 1024  # a list of a few hundred people is well under 1 MB
MAX_INFLATED = 64 * 1024 * 1024  # what the .xlsx may inflate to (gendoc.safezip)
MAX_CSV_LINE = 16 * MAX_CELL  # a row of a dozen cells, each within MAX_CELL

# Heading (without accents, lower case, single spaces) → field.
HEADINGS: dict[str, str] = {
    "ho va ten": "ho_ten", "ho ten": "ho_ten", "ten hoc vien": "ho_ten",
    "gioi tinh": "gioi_tinh", "nam/nu": "gioi_tinh", "nam nu": "gioi_tinh",
    "nam sinh": "nam_sinh", "ngay sinh": "nam_sinh", "ngay, thang, nam sinh": "nam_sinh",
    "chuc vu": "chuc_vu", "chuc danh": "chuc_vu",
    "don vi": "don_vi", "don vi cong tac": "don_vi", "co quan": "don_vi",
    "co quan, don vi": "don_vi", "noi cong tac": "don_vi",
    "dien thoai": "dien_thoai", "so dien thoai": "dien_thoai", "sdt": "dien_thoai",
    "email": "email", "e-mail": "email", "thu dien tu": "email",
    "hoan thanh": "hoan_thanh", "hoan thanh khoa hoc": "hoan_thanh",
    "xep loai": "xep_loai", "ket qua": "xep_loai",
    "ghi chu": "ghi_chu",
}
IGNORED = {"stt", "tt", "so tt", "so thu tu"}
REQUIRED = ("ho_ten", "gioi_tinh", "nam_sinh", "don_vi")
YES = {"x", "co", "dat", "1", "true", "yes", "hoan thanh", "da hoan thanh", "v"}
NO = {"", "khong", "0", "false", "no", "chua", "chua hoan thanh", "khong dat", "-"}


def unaccent(text: str) -> str:
    """Lower case, no accents, single spaces: the key for matching headings and yes/no cells."""
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.casefold().split())


class HocVien(Strict):
    """One participant, as a unit registered them."""

    ho_ten: str = Field(min_length=3, max_length=80, description="họ và tên")
    gioi_tinh: str = Field(description="Nam hoặc Nữ")
    nam_sinh: int = Field(description="năm sinh, ví dụ 1978")
    chuc_vu: str | None = Field(None, max_length=200)
    don_vi: str = Field(min_length=1, description="đơn vị cử đi học (như trong lop_hoc.don_vi)")
    dien_thoai: str | None = None
    email: Email = None
    hoan_thanh: bool = Field(False, description="đã hoàn thành khóa học (x / có)")
    xep_loai: str | None = Field(None, description="kết quả, xếp loại (Giỏi, Khá …)")
    ghi_chu: str | None = None

    @field_validator("ho_ten", "don_vi", "chuc_vu", "xep_loai", "ghi_chu", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        if v is None:
            return None
        text = " ".join(nfc(str(v)).split())
        if any(unicodedata.category(ch) == "Cc" for ch in text):  # C0, DEL and C1 controls
            raise ValueError("có ký tự điều khiển không in được — gõ lại ô này")
        return text or None

    @field_validator("ho_ten")
    @classmethod
    def _name(cls, v: str) -> str:
        if any(ch.isdigit() for ch in v) or len(v.split()) < 2:
            raise ValueError(f"'{v}' không giống họ và tên (cần ít nhất họ và tên, không có chữ số)")
        return viet_hoa_ten(v)  # "TRẦN THỊ BÌNH", "trần thị bình" → "Trần Thị Bình"

    @field_validator("gioi_tinh", mode="before")
    @classmethod
    def _sex(cls, v: Any) -> str:
        key = unaccent(v or "")
        if key in ("nu", "f", "female"):
            return "Nữ"
        if key in ("nam", "m", "male"):
            return "Nam"
        raise ValueError(f"'{v}' không phải giới tính — ghi 'Nam' hoặc 'Nữ'")

    @field_validator("nam_sinh", mode="before")
    @classmethod
    def _year(cls, v: Any) -> int:
        if isinstance(v, dt.date):
            v = v.year
        text = str(v if v is not None else "").strip()
        match = re.fullmatch(r"(?:\d{1,2}[/.-]\d{1,2}[/.-])?(\d{4})(?:\.0)?", text)
        if not match:
            raise ValueError(f"'{text}' không phải năm sinh — ghi 4 chữ số, ví dụ 1978")
        year = int(match.group(1))
        this_year = dt.date.today().year
        if not this_year - 80 <= year <= this_year - 16:
            raise ValueError(f"năm sinh {year} không hợp lý (phải từ {this_year - 80} đến {this_year - 16})")
        return year

    @field_validator("dien_thoai", mode="before")
    @classmethod
    def _phone(cls, v: Any) -> str | None:
        if v is None or str(v).strip() == "":
            return None
        text = str(v).strip()
        if isinstance(v, (int, float)):  # Excel drops the leading 0 of a phone typed as a number
            text = "0" + str(int(v))
        digits = re.sub(r"[\s.\-()]", "", text)
        if not re.fullmatch(r"\+?\d{9,12}", digits):
            raise ValueError(f"'{text}' không phải số điện thoại (9–12 chữ số)")
        return text

    @field_validator("hoan_thanh", mode="before")
    @classmethod
    def _done(cls, v: Any) -> bool:
        if isinstance(v, bool):
            return v
        key = unaccent(v if v is not None else "")
        if key in YES:
            return True
        if key in NO:
            return False
        raise ValueError(f"'{v}' — ghi 'x' hoặc 'có' nếu đã hoàn thành, để trống nếu chưa")

    @property
    def xung_ho(self) -> str:
        """How the person is addressed on invitations and certificates."""
        return "Bà" if self.gioi_tinh == "Nữ" else "Ông"


@dataclass
class Roster:
    """A validated participant list plus where each participant came from (for messages)."""

    path: Path
    hoc_vien: list[HocVien]
    where: list[str | int | None] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


Row = tuple[dict[str, Any], Callable[[str], str | int | None]]


def _cell_of(cell_ref: Callable[[int, int], str | int], number: int, columns: dict[str, int],
             name: str) -> str | int:
    """Where field `name` of spreadsheet row `number` is (a cell reference)."""
    return cell_ref(number, columns.get(name, 0))


def _line_of(raw: Any, base: tuple[Any, ...], name: str) -> int | None:
    """Where field `name` of a YAML participant is (a line)."""
    return line_of(raw, (*base, name))


def _first_field(locate: Callable[[str], str | int | None], loc: Any) -> str | int | None:
    return locate(str(loc[0])) if loc else None


def _map_headings(cells: Sequence[Any], locate: Callable[[int], str | int | None],
                  problems: list[FieldProblem]) -> dict[int, str]:
    columns: dict[int, str] = {}
    for index, cell in enumerate(cells):
        key = unaccent(cell or "")
        if not key or key in IGNORED:
            continue
        name = HEADINGS.get(key) or (key if key in HocVien.model_fields else None)
        if name is None:
            problems.append(FieldProblem("", f"không hiểu tiêu đề cột '{cell}'", where=locate(index),
                                         hint="dùng: Họ và tên, Giới tính, Năm sinh, Chức vụ, Đơn vị, "
                                              "Điện thoại, Email, Hoàn thành, Xếp loại, Ghi chú"))
        elif name in columns.values():
            problems.append(FieldProblem("", f"cột '{cell}' bị lặp", where=locate(index)))
        else:
            columns[index] = name
    missing = [f for f in REQUIRED if f not in columns.values()]
    if missing:
        problems.append(FieldProblem("", f"thiếu cột: {', '.join(missing)}", where=locate(0),
                                     hint="dòng tiêu đề cần các cột Họ và tên, Giới tính, Năm sinh, Đơn vị"))
    return columns


def _is_heading(cells: Sequence[Any]) -> bool:
    return any(HEADINGS.get(unaccent(c or "")) == "ho_ten" for c in cells)


def _table_rows(grid: list[tuple[int, list[Any]]], cell_ref: Callable[[int, int], str | int],
                problems: list[FieldProblem]) -> list[Row]:
    """Rows under the heading row of a grid of (row number, cells)."""
    start = next((i for i, (_, cells) in enumerate(grid[:15]) if _is_heading(cells)), None)
    if start is None:
        problems.append(FieldProblem("", "không tìm thấy dòng tiêu đề có cột 'Họ và tên'",
                                     hint="dòng tiêu đề phải nằm trong 15 dòng đầu"))
        return []
    head_row, head = grid[start]
    columns = _map_headings(head, lambda c: cell_ref(head_row, c), problems)
    rows: list[Row] = []
    for number, cells in grid[start + 1:]:
        if all(c is None or str(c).strip() == "" for c in cells):
            continue
        record = {name: cells[i] if i < len(cells) else None for i, name in columns.items()}
        index_of = {name: i for i, name in columns.items()}
        bad = [p for p in (cell_problem(record[name], name, cell_ref(number, index_of[name]))
                           for name in record) if p is not None]
        if bad:
            problems.extend(bad)
            continue
        rows.append((record, functools.partial(_cell_of, cell_ref, number, index_of)))
    return rows


def _xlsx_rows(path: Path, problems: list[FieldProblem], shown: str) -> list[Row]:
    # heavy: openpyxl, only for an .xlsx roster
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    data = _checked_workbook(path, shown)
    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any library error means "not a usable xlsx"
        raise ContentError(shown, "không mở được bảng tính (tệp hỏng hoặc không đúng dạng .xlsx) — "
                                  "mở bằng Excel và lưu lại dưới dạng .xlsx") from exc
    try:
        sheets = [s for s in book.worksheets if _is_heading_sheet(s)] or book.worksheets[:1]
        sheet = sheets[0]
        grid = []
        for n, r in enumerate(sheet.iter_rows(values_only=True), start=1):
            if n > MAX_ROWS + 20:
                raise ContentError(shown, f"bảng tính quá dài (hơn {MAX_ROWS} dòng) — mỗi lớp "
                                          "một danh sách, bỏ các dòng thừa")
            grid.append((n, [decode_excel_escapes(c) if isinstance(c, str) else c for c in r]))
    finally:
        book.close()
    return _table_rows(grid, lambda r, c: f"{sheet.title}!{get_column_letter(c + 1)}{r}", problems)


def _checked_workbook(path: Path, shown: str) -> bytes:
    """The file's bytes, read once, after gendoc.safezip checked inflation and DTDs."""
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ContentError(shown, f"tệp quá lớn (trên {MAX_FILE_BYTES // 1024 // 1024} MB) — "
                                  "danh sách học viên chỉ vài trăm dòng; bỏ ảnh và sheet thừa")
    data = path.read_bytes()
    try:
        open_zip(data, shown, limit=MAX_INFLATED).close()
    except UnusableInputError as exc:
        raise ContentError(shown, exc.format_message().removeprefix(f"{shown}: ")) from exc
    return data


def _is_heading_sheet(sheet: Any) -> bool:
    return any(_is_heading(list(r)) for r in sheet.iter_rows(max_row=15, values_only=True))


def _csv_rows(path: Path, problems: list[FieldProblem], shown: str) -> list[Row]:
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ContentError(shown, f"tệp quá lớn (trên {MAX_FILE_BYTES // 1024 // 1024} MB) — "
                                  "danh sách học viên chỉ vài trăm dòng")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(shown, "tệp CSV không phải mã UTF-8 — trong Excel chọn "
                                  "'Save As' → 'CSV UTF-8'") from exc
    # splitlines() would also split on \v and \f inside a cell, hiding them
    lines = [line.removesuffix("\r") for line in text.split("\n")]
    if len(lines) > MAX_ROWS + 20:
        raise ContentError(shown, f"tệp CSV quá dài ({len(lines)} dòng, tối đa {MAX_ROWS} học "
                                  "viên) — mỗi lớp một danh sách")
    for number, line in enumerate(lines, start=1):
        if len(line) > MAX_CSV_LINE:
            raise ContentError(shown, [FieldProblem(
                "", f"dòng dài {len(line)} ký tự, vượt giới hạn {MAX_CSV_LINE}", where=number,
                hint="thường do thiếu dấu ngoặc kép đóng hoặc dán nhầm cả văn bản vào một ô")])
    delimiter = _delimiter(lines)
    grid: list[tuple[int, list[Any]]] = []
    reader = csv.reader(lines, delimiter=delimiter)
    start = 1  # the line a row starts on: a quoted cell may span lines
    try:
        for row in reader:
            grid.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:  # over csv's field limit: an unclosed quote swallowing the file
        raise ContentError(shown, [FieldProblem(
            "", f"một ô dài quá giới hạn {MAX_CELL} ký tự hoặc dấu ngoặc kép chưa được đóng",
            where=start, hint="mở tệp bằng Excel và lưu lại dạng 'CSV UTF-8'")]) from exc
    return _table_rows(grid, lambda r, c: r, problems)


def _delimiter(lines: list[str]) -> str:
    """`,` (Excel "CSV UTF-8"), `;` (Excel with a Vietnamese locale) or tab: the one that splits
    the heading row into the most known headings. csv.Sniffer guesses wrong on short lists whose
    cells contain commas or quotes."""
    def score(delimiter: str) -> int:
        try:
            rows = list(csv.reader(lines[:15], delimiter=delimiter))
        except csv.Error:  # a cell over csv's field limit: the reader reports it with its line
            return 0
        return max((sum(1 for c in row if unaccent(c) in HEADINGS) for row in rows), default=0)

    return max((",", ";", "\t"), key=score)


def _yaml_rows(path: Path, problems: list[FieldProblem], shown: str) -> list[Row]:
    raw = load_yaml(path)
    items = raw.get("hoc_vien") if isinstance(raw, dict) else raw
    prefix: tuple[str, ...] = ("hoc_vien",) if isinstance(raw, dict) else ()
    if not isinstance(items, list):
        problems.append(FieldProblem("hoc_vien", "cần một danh sách học viên (mỗi người một mục '- ho_ten: …')"))
        return []
    rows: list[Row] = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            problems.append(FieldProblem("", "mỗi học viên là một nhóm trường (ho_ten, gioi_tinh …)",
                                         where=line_of(raw, (*prefix, i))))
            continue
        rows.append((dict(item), functools.partial(_line_of, raw, (*prefix, i))))
    return rows


def read_roster(path: Path, units: Sequence[str], shown: str | None = None) -> Roster:
    """Read and validate a participant list; `units` are the course's unit names.

    Raises ContentError listing every bad cell; warnings (quota exceeded, a unit that sent
    nobody) are returned on the roster.
    """
    shown = shown or str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise ContentError(shown, f"danh sách học viên phải là tệp .xlsx, .csv hoặc .yaml (không phải '{suffix}')")
    if not path.is_file():
        raise ContentError(shown, "không tìm thấy tệp danh sách học viên — kiểm tra trường lop_hoc.danh_sach")
    problems: list[FieldProblem] = []
    reader = {".csv": _csv_rows, ".yaml": _yaml_rows, ".yml": _yaml_rows}.get(suffix, _xlsx_rows)
    rows = reader(path, problems, shown)
    if len(rows) > MAX_ROWS:
        raise ContentError(shown, f"danh sách quá dài ({len(rows)} dòng, tối đa {MAX_ROWS})")
    by_key = {khoa_so_khop(u): u for u in units}
    people: list[HocVien] = []
    where: list[str | int | None] = []
    seen: dict[tuple[str, int, str], str | int | None] = {}
    for record, locate in rows:
        try:
            person = validate(HocVien, record, shown, where=functools.partial(_first_field, locate))
        except ContentError as exc:
            problems.extend(exc.problems)
            continue
        unit = by_key.get(khoa_so_khop(person.don_vi))
        if unit is None:
            close = difflib.get_close_matches(person.don_vi, list(units), n=1, cutoff=0.6)
            problems.append(FieldProblem("don_vi", f"đơn vị '{person.don_vi}' không có trong lop_hoc.don_vi",
                                         where=locate("don_vi"),
                                         hint=f"có phải ý là '{close[0]}'?" if close
                                         else "thêm đơn vị vào lop_hoc.don_vi hoặc sửa tên cho khớp"))
            continue
        person = person.model_copy(update={"don_vi": unit})
        key = (khoa_so_khop(person.ho_ten), person.nam_sinh, unit)
        if key in seen:
            problems.append(FieldProblem("ho_ten", f"'{person.ho_ten}' ({person.nam_sinh}, {unit}) bị ghi hai lần",
                                         where=locate("ho_ten"), hint=f"đã có ở {seen[key]}"))
            continue
        seen[key] = locate("ho_ten")
        people.append(person)
        where.append(locate("ho_ten"))
    if problems:
        raise ContentError(shown, problems)
    if not people:
        raise ContentError(shown, "danh sách học viên không có ai — kiểm tra lại tệp")
    return Roster(path=path, hoc_vien=people, where=where)
