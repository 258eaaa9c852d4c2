"""The Excel form a unit fills in (`gendoc new bao_cao --unit MÃ --year 2017 --xlsx`).

Units have always sent their figures in Excel; the form keeps that habit but makes the file
machine-readable: labels are locked (sheet protection, no password), each figure has exactly one
yellow input cell with data validation (whole number ≥ 0), totals and shares are live formulas,
and a very hidden sheet marks the workbook as a gendoc form so `gendoc build` reads it like YAML.
The cell layout is computed here once (`layout()`); the reader (`gendoc.reports.excel`) uses the
same function, so every error names the cell the clerk typed in ("Biểu 1!E7").
"""

from __future__ import annotations

from dataclasses import dataclass

from gendoc.reports.indicators import FIELDS, GROUPS, TOTAL, Group

MARKER_SHEET = "_gendoc"
MARKER = "gendoc:bao_cao"
VERSION = 1
INFO_SHEET = "Thông tin"
GUIDE_SHEET = "Hướng dẫn"
FIRST_ROW = 5  # first table row on a Biểu sheet (rows 1–4: title, unit, blank, header)
COLS = {"tong": "D", "nu": "E", "ty_le": "F", "so": "D"}
ACTIVITY_UNITS = {"tuyen_truyen": "cuộc", "luot_tuyen_truyen": "lượt người", "tap_huan": "lớp",
                  "luot_tap_huan": "lượt người", "kiem_tra": "cuộc"}


@dataclass(frozen=True)
class InfoField:
    """One line of the "Thông tin" sheet: `path` in the content mapping, label, how to read it."""

    path: tuple[str, ...]
    label: str
    kind: str = "text"  # text | lines (one item per line) | int | date | locked
    required: bool = False


INFO: tuple[InfoField, ...] = (
    InfoField(("co_quan",), "Mã cơ quan, đơn vị (không sửa)", "locked", True),
    InfoField(("nam",), "Năm báo cáo (không sửa)", "locked", True),
    InfoField(("ky",), "Kỳ báo cáo (nam, 6_thang, 9_thang, quy_1 …)", "text"),
    InfoField(("so",), "Số văn bản (để trống nếu chưa cấp số)", "int"),
    InfoField(("ngay",), "Ngày ký báo cáo (ngày/tháng/năm)", "date"),
    InfoField(("ngay_nhan",), "Ngày Sở Nội vụ nhận (Sở Nội vụ ghi)", "date"),
    InfoField(("trich_yeu",), "Trích yếu nội dung", "text", True),
    InfoField(("kinh_gui",), "Kính gửi (mỗi nơi một dòng)", "lines"),
    InfoField(("nguoi_ky", "quyen_han"), "Quyền hạn ký, ví dụ TM. ỦY BAN NHÂN DÂN (mỗi dòng một)",
              "lines"),
    InfoField(("nguoi_ky", "chuc_vu"), "Chức vụ người ký, ví dụ PHÓ GIÁM ĐỐC", "text", True),
    InfoField(("nguoi_ky", "ho_ten"), "Họ và tên người ký", "text"),
    InfoField(("noi_nhan",), "Nơi nhận (mỗi nơi một dòng)", "lines", True),
    InfoField(("luu",), "Lưu", "text"),
    InfoField(("mo_dau",), "Đoạn mở đầu (mỗi đoạn một dòng)", "lines"),
    InfoField(("ket_qua",), "Kết quả khác (mỗi ý một dòng)", "lines"),
    InfoField(("han_che",), "Hạn chế và nguyên nhân (mỗi ý một dòng)", "lines"),
    InfoField(("kien_nghi",), "Kiến nghị (mỗi ý một dòng)", "lines"),
    InfoField(("de_xuat",), "Đề xuất (mỗi ý một dòng)", "lines"),
)
INFO_FIRST_ROW = 4


def info_cells() -> dict[tuple[str, ...], str]:
    """Content path → "B7" on the Thông tin sheet."""
    return {f.path: f"B{INFO_FIRST_ROW + i}" for i, f in enumerate(INFO)}


@dataclass(frozen=True)
class TableRow:
    """One row of a Biểu sheet: a group heading (row key `tong`) or an input row."""

    sheet: str
    row: int
    group: Group
    key: str  # row key, or TOTAL for the group's heading/total row
    number: str  # the STT column


def table_rows() -> list[TableRow]:
    """Every row of every Biểu sheet, in order: group heading (with totals), then its rows."""
    out: list[TableRow] = []
    next_row: dict[str, int] = {}
    counters: dict[str, int] = {}
    for spec in GROUPS:
        row = next_row.get(spec.sheet, FIRST_ROW)
        if spec.sheet in next_row:
            row += 1  # a blank line between groups; a new header for single-number groups
            if not spec.paired:
                row += 1
        counters[spec.sheet] = counters.get(spec.sheet, 0) + 1
        out.append(TableRow(spec.sheet, row, spec, TOTAL, str(counters[spec.sheet])))
        for index, item in enumerate(spec.rows, start=1):
            out.append(TableRow(spec.sheet, row + index, spec, item.key,
                                f"{counters[spec.sheet]}.{index}"))
        next_row[spec.sheet] = row + len(spec.rows) + 1
    return out


def figure_cells() -> dict[tuple[str | int, ...], str]:
    """("so_lieu", group, row[, field]) → "Biểu 1!E7" for every figure (and total) cell."""
    cells: dict[tuple[str | int, ...], str] = {}
    for tr in table_rows():
        base = ("so_lieu", tr.group.key, tr.key)
        if tr.group.paired:
            for name in FIELDS:
                cells[base + (name,)] = f"{tr.sheet}!{COLS[name]}{tr.row}"
            cells[base] = f"{tr.sheet}!{COLS['tong']}{tr.row}"
        elif tr.key != TOTAL:
            cells[base] = f"{tr.sheet}!{COLS['so']}{tr.row}"
        if tr.key == TOTAL:
            cells[("so_lieu", tr.group.key)] = f"{tr.sheet}!B{tr.row}"
    return cells


def sheets() -> list[str]:
    return list(dict.fromkeys(g.sheet for g in GROUPS))
