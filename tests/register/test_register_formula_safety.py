"""Text from content never becomes a spreadsheet formula (register export; the shared helper)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from register_fakes import KE_HOACH, fake_load, fake_render, make_workspace, write_content

from gendoc.register.export import FIRST_DATA_ROW, export_xlsx
from gendoc.register.issue import issue, register_for
from gendoc.xlsx_text import FORMULA_TRIGGERS, put

PAYLOADS = {
    "luu": '"=1+2"',
    "trich_yeu": '"+HYPERLINK(\\"http://x.invalid\\",\\"bấm\\")"',
    "ho_ten": '"@SUM(1,2)"',
    "noi_nhan_0": '"-2+3"',
    "noi_nhan_1": '"\\tcmd|\' /C calc\'!A0"',
}


def _payload_content() -> str:
    text = KE_HOACH.replace("luu: VT, NVY", f"luu: {PAYLOADS['luu']}")
    text = text.replace("trich_yeu: Phòng, chống dịch bệnh năm 2026",
                        f"trich_yeu: {PAYLOADS['trich_yeu']}")
    text = text.replace("ho_ten: Trần Thị B", f"ho_ten: {PAYLOADS['ho_ten']}")
    return text.replace("  - UBND tỉnh      # để báo cáo\n  - Các phòng chức năng",
                        f"  - {PAYLOADS['noi_nhan_0']}\n  - {PAYLOADS['noi_nhan_1']}")


def test_register_export_stores_formula_like_content_as_text(tmp_path: Path) -> None:
    ws = make_workspace(tmp_path / "ws")
    issue(ws, write_content(ws, "kh.yaml", _payload_content()), date=dt.date(2026, 5, 6),
          load=fake_load, render=fake_render)
    register, _ = register_for(ws)
    with register:
        rows = register.entries(year=2026)
    out = export_xlsx(rows, tmp_path / "so.xlsx", year=2026)

    sheet = load_workbook(out).active
    row = {c: sheet.cell(row=FIRST_DATA_ROW, column=c) for c in range(1, 11)}
    assert row[6].value == "=1+2"  # Đơn vị, người nhận bản lưu: the text, not 3
    assert row[4].value == "@SUM(1,2) (KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC)"
    assert row[5].value == "-2+3\ncmd|' /C calc'!A0"  # recipients are stripped, then joined
    assert row[3].value.endswith('+HYPERLINK("http://x.invalid","bấm")')
    for col in (5, 6):  # the formula-like ones start the cell
        assert row[col].data_type == "s" and row[col].quotePrefix
    with zipfile.ZipFile(out) as package:
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "<f>" not in sheet_xml and "<f " not in sheet_xml  # no formula anywhere


def _with_trigger(text: str) -> str:
    """Half of the examples start with a formula trigger."""
    return text if len(text) % 2 else FORMULA_TRIGGERS[len(text) % 6] + text


@given(st.text(alphabet=st.sampled_from("=+-@\t\rA1:()\"',.ạ "), max_size=20)
       .map(_with_trigger))
def test_put_never_writes_a_formula(text: str) -> None:
    wb = Workbook()
    cell = put(wb.active["B2"], text)
    assert cell.data_type == "s"
    assert bool(cell.quotePrefix) == text.startswith(FORMULA_TRIGGERS)
    assert cell.value == text


def test_put_keeps_numbers_and_dates_typed() -> None:
    wb = Workbook()
    assert put(wb.active["A1"], 5).data_type == "n"
    assert put(wb.active["A2"], dt.date(2026, 1, 2)).data_type == "d"
    assert put(wb.active["A3"], None).value is None
