"""The .xlsx annex of the consolidation (Phụ lục — biểu tổng hợp), with live formulas.

Sở Nội vụ forwards the annex to the Ministry and is asked to correct figures afterwards; a
spreadsheet whose totals are typed numbers drifts from its rows at the first correction. So each
unit's row holds the unit's figures as values, and every total (row totals, the province total
row, the shares of women, the summary sheet) is a formula that recomputes from them. Tests open
the file in LibreOffice and check the recomputed totals equal `Consolidation`'s.

Speed: a sheet has a row per unit (700 and more), so the sheets are written as SpreadsheetML
text by `gendoc.reports.xlsx_write` — each cell look defined once in styles.xml, cells streamed
row by row — rather than built as openpyxl objects (a test compares every cell's value, formula
and look with the workbook openpyxl made before). Unit names and other content text are plain
`str` values, which the writer only ever stores as text (quote-prefixed when they start like a
formula); formulas are `Formula` values made here.
"""

from __future__ import annotations

from pathlib import Path

from gendoc.reports.consolidation import Consolidation
from gendoc.reports.indicators import HOAT_DONG, PAIRED, Group
from gendoc.reports.xlsx_write import (
    Cell,
    Formula,
    Look,
    Sheet,
    Styles,
    column_letter,
    text_xf,
    workbook_bytes,
)
from gendoc.writer import atomic_write

SUMMARY = "Tổng hợp"
FIRST = 5  # first unit row (1 title, 2 subtitle, 3–4 two-line header)
SHEET_NAMES = {"nhan_su": "Biểu 1 - CBCCVC", "lanh_dao": "Biểu 2 - Lãnh đạo",
               "quy_hoach": "Biểu 3 - Quy hoạch", "bo_nhiem": "Biểu 4 - Bổ nhiệm",
               "dao_tao": "Biểu 5 - Đào tạo", "hoat_dong": "Biểu 6 - Hoạt động"}
ALIGN_NAMES = {"center": "giữa", "left": "trái", "right": "phải"}
FORMAT_NAMES = {None: "", "#,##0": " số", "0.0": " tỷ lệ"}
NUMBER, SHARE = "#,##0", "0.0"
TITLE, SUBTITLE = Look(bold=True, size=13), Look(italic=True)
PLAIN, PLAIN_BOLD, PLAIN_ITALIC = Look(), Look(bold=True), Look(italic=True)


def boxed(bold: bool = False, grey: bool = False, align: str = "center",
          fmt: str | None = None) -> Look:
    """A table cell: Times New Roman 11, thin box, centred vertically, wrapped; a named style."""
    name = (f"Phụ lục - {ALIGN_NAMES[align]}{FORMAT_NAMES[fmt]}"
            + (" đậm" if bold else "") + (" nền xám" if grey else ""))
    return Look(bold=bold, boxed=True, grey=grey, align=align, fmt=fmt, name=name)


class Book:
    """The annex being written: its styles and the xf of each look the tables use."""

    def __init__(self) -> None:
        self.styles = Styles()
        xf = self.styles.xf
        self.head, self.index = xf(boxed(bold=True)), xf(boxed())
        self.number, self.name = xf(boxed(align="right", fmt=NUMBER)), boxed(align="left")
        self.sum_ = xf(boxed(align="right", fmt=NUMBER, grey=True))
        self.share = xf(boxed(align="right", fmt=SHARE, grey=True))
        self.bold_sum = xf(boxed(bold=True, align="right", fmt=NUMBER, grey=True))
        self.bold_share = xf(boxed(bold=True, align="right", fmt=SHARE, grey=True))
        self.total_label = xf(boxed(bold=True, grey=True, align="left"))

    def text(self, col: int, text: str, look: Look) -> Cell:
        """Content text in `look`: always a text cell."""
        return col, text, text_xf(self.styles, look, text)

    def sheet(self, name: str, title: str, cons: Consolidation) -> Sheet:
        sheet = Sheet(name)
        sheet.row(1, [(1, title.upper(), self.styles.xf(TITLE))])
        sheet.row(2, [(1, f"(Kèm theo báo cáo tổng hợp năm {cons.year}; số liệu của "
                          f"{len(cons.reports)} cơ quan, đơn vị đã báo cáo)",
                       self.styles.xf(SUBTITLE))])
        sheet.widths.update({1: 6, 2: 40})
        sheet.freeze = f"C{FIRST}"
        return sheet


def _unit_name(report: object) -> str:
    unit = report.unit  # type: ignore[attr-defined]
    return str(unit.ten_day_du or unit.ma)


def _share(t: str, n: str) -> Formula:
    return Formula(f'=IF(N({t})>0,{n}/{t}*100,"-")')


def _paired_header(book: Book, sheet: Sheet, spec: Group) -> None:
    top: list[Cell] = [(1, "STT", book.head), (2, "Cơ quan, đơn vị", book.head)]
    below: list[Cell] = [(1, None, book.head), (2, None, book.head)]
    sheet.merge(3, 1, 4, 1)
    sheet.merge(3, 2, 4, 2)
    col = 3
    for item in [*spec.rows, None]:
        width = 2 if item else 3
        top.append((col, item.label if item else "Cộng", book.head))
        top += [(col + k, None, book.head) for k in range(1, width)]
        sheet.merge(3, col, 3, col + width - 1)
        for offset, sub in enumerate(["Tổng số", "Nữ", "Tỷ lệ nữ (%)"][:width]):
            below.append((col + offset, sub, book.head))
            sheet.widths[col + offset] = 11
        col += width
    sheet.heights[3] = 45
    sheet.row(3, top)
    sheet.row(4, below)


def _paired_sheet(book: Book, spec: Group, cons: Consolidation) -> tuple[Sheet, int]:
    """Units × (rows of the group, tổng/nữ) + the group total and share; returns (sheet, total row)."""
    sheet = book.sheet(SHEET_NAMES[spec.key], f"Biểu tổng hợp: {spec.title}", cons)
    _paired_header(book, sheet, spec)
    last = FIRST + len(cons.reports) - 1
    pairs = len(spec.rows)
    letters = [column_letter(3 + k) for k in range(2 * pairs + 3)]
    keys = [item.key for item in spec.rows]

    def totals(r: int, bold: bool) -> list[Cell]:
        t_cells = "+".join(f"{letters[2 * k]}{r}" for k in range(pairs))
        n_cells = "+".join(f"{letters[2 * k + 1]}{r}" for k in range(pairs))
        t, n = f"{letters[2 * pairs]}{r}", f"{letters[2 * pairs + 1]}{r}"
        look = book.bold_sum if bold else book.sum_
        return [(3 + 2 * pairs, Formula(f"={t_cells}"), look),
                (4 + 2 * pairs, Formula(f"={n_cells}"), look),
                (5 + 2 * pairs, _share(t, n), book.bold_share if bold else book.share)]

    for index, report in enumerate(cons.reports):
        r = FIRST + index
        values = getattr(report.so_lieu, spec.key)
        cells = [(1, index + 1, book.index), book.text(2, _unit_name(report), book.name)]
        for k, key in enumerate(keys):
            pair = getattr(values, key)
            cells += [(3 + 2 * k, pair.tong, book.number), (4 + 2 * k, pair.nu, book.number)]
        sheet.row(r, cells + totals(r, False))
    total = last + 1
    cells = [(1, None, book.styles.xf(boxed(bold=True, grey=True))),
             (2, "Tổng cộng", book.total_label)]
    for k in range(2 * pairs):
        sums = Formula(f"=SUM({letters[k]}{FIRST}:{letters[k]}{last})") if last >= FIRST else 0
        cells.append((3 + k, sums, book.bold_sum))
    sheet.row(total, cells + totals(total, True))
    return sheet, total


def _activity_sheet(book: Book, cons: Consolidation) -> Sheet:
    sheet = book.sheet(SHEET_NAMES[HOAT_DONG.key], f"Biểu tổng hợp: {HOAT_DONG.title}", cons)
    header: list[Cell] = [(1, "STT", book.head), (2, "Cơ quan, đơn vị", book.head)]
    for k, item in enumerate(HOAT_DONG.rows):
        header.append((3 + k, item.label, book.head))
        sheet.widths[3 + k] = 16
    sheet.heights[4] = 60
    sheet.row(4, header)
    keys = [item.key for item in HOAT_DONG.rows]
    for index, report in enumerate(cons.reports):
        values = report.so_lieu.hoat_dong
        sheet.row(FIRST + index, [(1, index + 1, book.index),
                                  book.text(2, _unit_name(report), book.name),
                                  *((3 + k, getattr(values, key), book.number)
                                    for k, key in enumerate(keys))])
    last = FIRST + len(cons.reports) - 1
    cells: list[Cell] = [(1, None, book.styles.xf(boxed(grey=True))),
                         (2, "Tổng cộng", book.total_label)]
    for k in range(len(keys)):
        letter = column_letter(3 + k)
        sums = Formula(f"=SUM({letter}{FIRST}:{letter}{last})") if last >= FIRST else 0
        cells.append((3 + k, sums, book.bold_sum))
    sheet.row(last + 1, cells)
    return sheet


def _summary(book: Book, cons: Consolidation, refs: dict[str, tuple[str, int]]) -> Sheet:
    sheet = book.sheet(SUMMARY, f"Tổng hợp số liệu nữ cán bộ, công chức, viên chức năm {cons.year}",
                       cons)
    heads = ["STT", "Chỉ tiêu", "Tổng số", "Trong đó nữ", "Tỷ lệ nữ (%)"]
    sheet.row(4, [(col, text, book.head) for col, text in enumerate(heads, 1)])
    sheet.widths.update({3: 14, 4: 14, 5: 14})
    xf = book.styles.xf
    number, share = xf(boxed(align="right", fmt=NUMBER)), xf(boxed(align="right", fmt=SHARE))
    for index, spec in enumerate(PAIRED):
        r = FIRST + index
        name, total_row = refs[spec.key]
        pairs = len(spec.rows)
        t_col, n_col = column_letter(3 + 2 * pairs), column_letter(4 + 2 * pairs)
        sheet.row(r, [(1, index + 1, book.index), (2, spec.title, xf(book.name)),
                      (3, Formula(f"='{name}'!{t_col}{total_row}"), number),
                      (4, Formula(f"='{name}'!{n_col}{total_row}"), number),
                      (5, _share(f"C{r}", f"D{r}"), share)])
    r = FIRST + len(PAIRED) + 1
    sheet.row(r, [(2, "Đơn vị chưa gửi báo cáo:", xf(PLAIN_BOLD))])
    for offset, unit in enumerate(cons.missing, start=1):
        sheet.row(r + offset, [book.text(2, str(unit.ten_day_du or unit.ma), PLAIN)])
    if not cons.missing:
        sheet.row(r + 1, [(2, "(không có)", xf(PLAIN_ITALIC))])
    return sheet


def annex_bytes(cons: Consolidation) -> bytes:
    """The annex workbook as .xlsx bytes: a summary sheet, a sheet per group (nothing on disk)."""
    book = Book()
    paired = [_paired_sheet(book, spec, cons) for spec in PAIRED]
    refs = {spec.key: (sheet.name, total) for spec, (sheet, total) in zip(PAIRED, paired,
                                                                           strict=True)}
    sheets = [_summary(book, cons, refs), *(sheet for sheet, _ in paired),
              _activity_sheet(book, cons)]
    return workbook_bytes(sheets, book.styles)


def write_annex(cons: Consolidation, path: Path, root: Path | None = None) -> Path:
    """Write the annex workbook atomically; returns its path."""
    return atomic_write(path, annex_bytes(cons), root=root)
