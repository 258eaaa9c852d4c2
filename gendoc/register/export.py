"""Export the outgoing register (Phụ lục IV, "Sổ đăng ký văn bản đi") to .xlsx.

The ten columns are those of the decree's form, in its order; a row of column numbers (1)…(10)
follows the headers as on the printed form. "Ngày chuyển" and "Ký nhận" are filled in by hand
when the documents leave, so they are exported empty. Numbers allocated but not rendered, and
numbers replaced by a correction, are exported too (with a note): the register hides nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gendoc.register.schema import STATUS_ALLOCATED, STATUS_REPLACED
from gendoc.register.store import Entry
from gendoc.writer import atomic_save
from gendoc.xlsx_text import put

TITLE = "SỔ ĐĂNG KÝ VĂN BẢN ĐI"
SHEET = "Sổ văn bản đi"
#: (header, column width in characters) — Phụ lục IV, mẫu sổ đăng ký văn bản đi.
COLUMNS: tuple[tuple[str, float], ...] = (
    ("Số, ký hiệu văn bản", 16),
    ("Ngày tháng văn bản", 12),
    ("Tên loại và trích yếu nội dung văn bản", 44),
    ("Người ký", 22),
    ("Nơi nhận văn bản", 28),
    ("Đơn vị, người nhận bản lưu", 16),
    ("Số lượng bản", 9),
    ("Ngày chuyển", 12),
    ("Ký nhận", 12),
    ("Ghi chú", 24),
)
HEADERS = tuple(h for h, _ in COLUMNS)
HEADER_ROW = 3
FIRST_DATA_ROW = HEADER_ROW + 2
DATE_FORMAT = "dd/mm/yyyy"
STATUS_NOTES = {
    STATUS_ALLOCATED: "Đã cấp số, chưa dựng văn bản",
    STATUS_REPLACED: "Đã được thay thế",
}


def _note(entry: Entry) -> str:
    parts = []
    if entry.status == STATUS_ALLOCATED:
        parts.append(STATUS_NOTES[STATUS_ALLOCATED])
    if entry.note:
        parts.append(entry.note)
    elif entry.status == STATUS_REPLACED:
        parts.append(STATUS_NOTES[STATUS_REPLACED])
    return "; ".join(parts)


def row_values(entry: Entry) -> list[object]:
    type_and_summary = "\n".join(p for p in (entry.type_name, entry.summary) if p)
    return [
        entry.full_symbol,
        entry.doc_date,
        type_and_summary,
        entry.signer,
        entry.recipients,
        entry.archive,
        entry.copies,
        None,
        None,
        _note(entry),
    ]


def export_xlsx(entries: Sequence[Entry], out: Path, *, year: int, issuer_label: str = "") -> Path:
    """Write the register for one year to `out` (atomically) and return the path."""
    # heavy: openpyxl, only when the register is exported
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    font = "Times New Roman"

    last_col = get_column_letter(len(COLUMNS))
    ws.merge_cells(f"A1:{last_col}1")
    title = f"{TITLE} NĂM {year}" + (f" — {issuer_label}" if issuer_label else "")
    put(ws["A1"], title)
    ws["A1"].font = Font(name=font, bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")

    for col, (header, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=header)
        cell.font = Font(name=font, bold=True, size=12)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        cell.border = border
        num = ws.cell(row=HEADER_ROW + 1, column=col, value=f"({col})")
        num.font = Font(name=font, italic=True, size=11)
        num.alignment = Alignment(horizontal="center")
        num.border = border
        ws.column_dimensions[get_column_letter(col)].width = width

    for offset, entry in enumerate(entries):
        row = FIRST_DATA_ROW + offset
        for col, value in enumerate(row_values(entry), start=1):
            cell = put(ws.cell(row=row, column=col), value)  # content text: never a formula
            cell.font = Font(name=font, size=12)
            cell.alignment = Alignment(vertical="top", wrap_text=True,
                                       horizontal="center" if col in (1, 2, 7) else "left")
            cell.border = border
            if col == 2:
                cell.number_format = DATE_FORMAT
    ws.freeze_panes = ws.cell(row=FIRST_DATA_ROW, column=1)
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW + 1}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    return atomic_save(out, wb.save)
