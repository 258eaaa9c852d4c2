"""The submission status as an .xlsx for Sở Nội vụ: one row per unit, counts as live formulas.

Sở Nội vụ sorts, filters and annotates this sheet, then prints it: so the header row is frozen
and repeated on every printed page, the page is A4 landscape fitted to one page wide, and the
summary counts are COUNTIF formulas that stay right when a clerk corrects a row by hand.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from gendoc.plans.scope import TARGET_LEVELS
from gendoc.plans.status import CHUA_CO, DA_BAN_HANH, DU_THAO, TEP_LOI, StatusReport
from gendoc.writer import atomic_save
from gendoc.xlsx_text import put

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
COLUMNS = (  # header, width (characters)
    ("TT", 5), ("Mã", 26), ("Cơ quan, đơn vị", 40), ("Cấp", 14), ("Số, ký hiệu", 16),
    ("Ngày ban hành", 14), ("Tình trạng", 22), ("Thời hạn", 14), ("Ghi chú", 44),
)
HEADER_ROW = 4
SHEET = "Tình hình gửi kế hoạch"


def _font(bold: bool = False, italic: bool = False, size: int = 12) -> Font:
    return Font(name=FONT, bold=bold, italic=italic, size=size)


def write_xlsx(report: StatusReport, path: Path, *, root: Path | None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    last_col = get_column_letter(len(COLUMNS))
    ws["A1"] = "TÌNH HÌNH GỬI KẾ HOẠCH CỦA CÁC SỞ, BAN, NGÀNH VÀ UBND CẤP HUYỆN"
    ws["A1"].font = _font(bold=True, size=13)
    put(ws["A2"], f"(Thực hiện {report.citation or report.source_rel}; hạn gửi: "
                  f"{report.deadline:%d/%m/%Y}; số liệu đến ngày {report.as_of:%d/%m/%Y})")
    ws["A2"].font = _font(italic=True)
    for cell in ("A1", "A2"):
        ws.merge_cells(f"{cell}:{last_col}{cell[1:]}")
        ws[cell].alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    for col, (title, width) in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=HEADER_ROW, column=col, value=title)
        cell.font = _font(bold=True)
        cell.border = BOX
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    row_no = HEADER_ROW
    for index, status in enumerate(report.rows, start=1):
        row_no += 1
        values = (index, status.unit.ma, status.unit.ten_day_du or status.unit.ten,
                  TARGET_LEVELS.get(status.unit.cap, status.unit.cap), status.so_ky_hieu,
                  status.ngay, status.tinh_trang, status.han, status.ghi_chu)
        for col, value in enumerate(values, start=1):
            cell = put(ws.cell(row=row_no, column=col), value)  # content text: never a formula
            cell.font = _font(bold=col == 8 and status.late)
            cell.border = BOX
            centred = col in (1, 4, 5, 6, 8)
            cell.alignment = Alignment(horizontal="center" if centred else "left",
                                       vertical="center", wrap_text=True)
            if col == 6 and value is not None:
                cell.number_format = "DD/MM/YYYY"
    first, last = HEADER_ROW + 1, row_no
    row_no += 2
    summary = (("Tổng số đơn vị", f'=COUNTA(B{first}:B{last})'),
               (DA_BAN_HANH, f'=COUNTIF(G{first}:G{last},"{DA_BAN_HANH}")'),
               ("Trong đó trễ hạn", f'=COUNTIF(H{first}:H{last},"Trễ*")'),
               (DU_THAO, f'=COUNTIF(G{first}:G{last},"{DU_THAO}")'),
               (CHUA_CO, f'=COUNTIF(G{first}:G{last},"{CHUA_CO}")'),
               (TEP_LOI, f'=COUNTIF(G{first}:G{last},"{TEP_LOI}")'))
    for label, formula in summary:
        ws.cell(row=row_no, column=3, value=label).font = _font(bold=True)
        ws.cell(row=row_no, column=5, value=formula).font = _font(bold=True)
        row_no += 1
    ws.freeze_panes = ws.cell(row=HEADER_ROW + 1, column=1)
    ws.auto_filter.ref = f"A{HEADER_ROW}:{last_col}{last}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    return atomic_save(path, lambda tmp: wb.save(str(tmp)), root=root)
