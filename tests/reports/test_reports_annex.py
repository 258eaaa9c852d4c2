"""The .xlsx annex written as SpreadsheetML (`gendoc.reports.xlsx_write`): the workbook openpyxl
made before, cell for cell; content text never a formula; the same bytes twice; LibreOffice opens it.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gendoc.artifacts import ZIP_EPOCH
from gendoc.reports import consolidate
from gendoc.reports.annex import annex_bytes
from gendoc.reports.xlsx_text import FORMULA_STARTS
from gendoc.reports.xlsx_write import Formula, Look, Sheet, Styles, text_xf, workbook_bytes
from gendoc.workspace import load_workspace
from tests.reports.annex_reference import annex_bytes as openpyxl_annex_bytes
from tests.reports.conftest import FORMULA_LIKE, TRICKY, xlsx_to_csv


def _look(cell: openpyxl.cell.Cell) -> tuple:  # type: ignore[name-defined]
    font, align, border = cell.font, cell.alignment, cell.border
    grey = cell.fill.fgColor.rgb[-6:] if cell.fill.fill_type else None
    return (cell.value, cell.data_type if cell.value is not None else None, cell.quotePrefix,
            cell.number_format, font.name, bool(font.b), bool(font.i), font.sz or 11.0,
            cell.fill.fill_type, grey, align.horizontal, align.vertical, bool(align.wrap_text),
            tuple(getattr(border, side).style for side in ("left", "right", "top", "bottom")))


def _compare(old: openpyxl.Workbook, new: openpyxl.Workbook) -> int:
    """Assert the two annexes agree; returns how many cells were compared."""
    assert old.sheetnames == new.sheetnames
    compared = 0
    for name in old.sheetnames:
        a, b = old[name], new[name]
        assert (a.max_row, a.max_column) == (b.max_row, b.max_column), name
        assert sorted(map(str, a.merged_cells.ranges)) == sorted(map(str, b.merged_cells.ranges))
        assert a.freeze_panes == b.freeze_panes == "C5"
        for key, dim in a.column_dimensions.items():
            assert b.column_dimensions[key].width == dim.width, (name, key)
        for key, row in a.row_dimensions.items():
            assert b.row_dimensions[key].height == row.height, (name, key)
        for setup in (a.page_setup, b.page_setup):
            assert (setup.orientation, setup.paperSize, setup.fitToWidth, setup.fitToHeight) \
                == ("landscape", 9, 1, 0)
        assert b.sheet_properties.pageSetUpPr.fitToPage
        merged = {cell for cells in a.merged_cells.ranges for cell in cells.cells}
        for row in a.iter_rows():
            for cell in row:
                # unstyled empty cells (openpyxl's default font is Calibri, the new one Times)
                # and the hidden cells of a merged range are not compared
                if cell.value is None and (cell.style_id == 0 or (cell.row, cell.column) in merged):
                    continue
                assert _look(cell) == _look(b[cell.coordinate]), (name, cell.coordinate)
                compared += 1
    return compared


@pytest.mark.parametrize("with_reports", [True, False])
def test_annex_equals_the_openpyxl_workbook(tricky_ws, with_reports: bool) -> None:  # noqa: ANN001
    cons = consolidate(load_workspace(tricky_ws), 2017 if with_reports else 2016)
    assert bool(cons.reports) == with_reports and cons.missing
    old = openpyxl.load_workbook(io.BytesIO(openpyxl_annex_bytes(cons)))
    new = openpyxl.load_workbook(io.BytesIO(annex_bytes(cons)))
    compared = _compare(old, new)
    assert compared > (150 if with_reports else 60)
    sheet = new["Biểu 1 - CBCCVC"]
    total = 5 + len(cons.reports)
    assert sheet.cell(row=total, column=3).value == ("=SUM(C5:C7)" if with_reports else 0)


def test_annex_bytes_are_reproducible(tricky_ws) -> None:  # noqa: ANN001
    cons = consolidate(load_workspace(tricky_ws), 2017)
    first, second = annex_bytes(cons), annex_bytes(cons)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as zf:
        assert {info.date_time for info in zf.infolist()} == {ZIP_EPOCH}
        assert not any("created" in zf.read(name).decode() for name in zf.namelist())


TEXT = st.one_of(st.sampled_from([*FORMULA_LIKE, *TRICKY.values(), "&amp;", "a<b>c", '"q"',
                                  "'x", "_x0041_", " lề ", "=", "-", "@"]),
                 st.text(max_size=20))


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(TEXT, min_size=1, max_size=6))
def test_content_text_stays_literal_text(texts: list[str]) -> None:
    styles = Styles()
    look = Look(boxed=True, align="left")
    sheet = Sheet("Thử & <kiểm> \"tra\"")
    for r, text in enumerate(texts, 1):
        sheet.row(r, [(1, text, text_xf(styles, look, text)),
                      (2, Formula(f"=LEN(A{r})"), styles.xf(look)), (3, r, styles.xf(look))])
    book = openpyxl.load_workbook(io.BytesIO(workbook_bytes([sheet], styles)))
    read = book.worksheets[0]
    assert read.title == sheet.name
    legal = str.maketrans("", "", "".join(map(chr, [*range(9), 11, 12, *range(14, 32)]))
                          + "\ufffe\uffff")
    for r, text in enumerate(texts, 1):
        cell = read.cell(row=r, column=1)
        kept = text.translate(legal)
        if kept == "":
            assert cell.value in ("", None)
        else:
            assert cell.value == kept, (text, cell.value)
            assert cell.data_type == "s"
        assert cell.quotePrefix == text.startswith(FORMULA_STARTS)
        assert read.cell(row=r, column=2).data_type == "f"
        assert read.cell(row=r, column=3).value == r


def test_text_that_looks_like_a_formula_in_libreoffice(tmp_path: Path) -> None:
    styles = Styles()
    look = Look(boxed=True, align="left")
    sheet = Sheet("Biểu")
    texts = [*FORMULA_LIKE[:4], "A & <b> \"c\"", "_x0041_"]
    for r, text in enumerate(texts, 1):
        sheet.row(r, [(1, text, text_xf(styles, look, text)), (2, r, styles.xf(look))])
    sheet.row(len(texts) + 1, [(2, Formula(f"=SUM(B1:B{len(texts)})"), styles.xf(look))])
    path = tmp_path / "bieu.xlsx"
    path.write_bytes(workbook_bytes([sheet], styles))
    xlsx_to_csv(path, tmp_path)
    with (tmp_path / "bieu.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[:-1] == [[text, str(r)] for r, text in enumerate(texts, 1)]  # text, not results
    assert rows[-1] == ["", str(sum(range(1, len(texts) + 1)))]  # gendoc's own formula recomputed
