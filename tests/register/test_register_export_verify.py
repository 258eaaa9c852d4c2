"""Phụ lục IV export (.xlsx opened and checked) and `verify` (re-hashing issued files)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from register_fakes import crashing_render, fake_load, fake_render, make_workspace, write_content

from gendoc.register.errors import RegisterError
from gendoc.register.export import FIRST_DATA_ROW, HEADER_ROW, export_xlsx
from gendoc.register.issue import issue, register_for, workspace_key_for
from gendoc.register.verify import CHANGED, MISSING, verify

# The columns of "Sổ đăng ký văn bản đi", Phụ lục IV of Nghị định 30/2020/NĐ-CP, in order.
PHU_LUC_IV = [
    "Số, ký hiệu văn bản",
    "Ngày tháng văn bản",
    "Tên loại và trích yếu nội dung văn bản",
    "Người ký",
    "Nơi nhận văn bản",
    "Đơn vị, người nhận bản lưu",
    "Số lượng bản",
    "Ngày chuyển",
    "Ký nhận",
    "Ghi chú",
]


def _issued_workspace(tmp_path: Path):
    ws = make_workspace(tmp_path / "ws")
    for i, day in enumerate([dt.date(2026, 1, 5), dt.date(2026, 2, 9)]):
        issue(ws, write_content(ws, f"kh{i}.yaml"), date=day, load=fake_load, render=fake_render)
    with pytest.raises(RegisterError):  # a crash: number 03 stays allocated, not rendered
        issue(ws, write_content(ws, "kh-crash.yaml"), date=dt.date(2026, 3, 1), load=fake_load,
              render=crashing_render)
    issue(ws, write_content(ws, "kh-2025.yaml"), date=dt.date(2025, 12, 1), load=fake_load,
          render=fake_render)
    return ws


def test_export_has_the_phu_luc_iv_columns_and_formats(tmp_path: Path) -> None:
    ws = _issued_workspace(tmp_path)
    register, _ = register_for(ws)
    with register:
        rows = register.entries(year=2026)
    out = export_xlsx(rows, tmp_path / "so-di-2026.xlsx", year=2026)

    sheet = load_workbook(out).active
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI NĂM 2026" in sheet["A1"].value
    headers = [sheet.cell(row=HEADER_ROW, column=c).value for c in range(1, 11)]
    assert headers == PHU_LUC_IV
    assert all(sheet.cell(row=HEADER_ROW, column=c).font.b for c in range(1, 11))
    assert [sheet.cell(row=HEADER_ROW + 1, column=c).value for c in (1, 10)] == ["(1)", "(10)"]
    for letter in "ABCDEFGHIJ":
        assert sheet.column_dimensions[letter].width >= 9
    assert sheet.column_dimensions["C"].width > sheet.column_dimensions["B"].width

    first = [sheet.cell(row=FIRST_DATA_ROW, column=c).value for c in range(1, 11)]
    assert first[0] == "01/KH-SYT"
    assert first[1] == dt.datetime(2026, 1, 5)  # a real date, shown dd/mm/yyyy
    assert sheet.cell(row=FIRST_DATA_ROW, column=2).number_format == "dd/mm/yyyy"
    assert first[2] == "KẾ HOẠCH\nPhòng, chống dịch bệnh năm 2026"
    assert first[3] == "Trần Thị B (KT. GIÁM ĐỐC PHÓ GIÁM ĐỐC)"
    assert first[4] == "UBND tỉnh\nCác phòng chức năng"
    assert first[5] == "VT, NVY"
    assert first[6] == 5
    assert first[7] is None and first[8] is None  # filled in by hand
    numbers = [sheet.cell(row=r, column=1).value for r in range(FIRST_DATA_ROW, sheet.max_row + 1)]
    assert numbers == ["01/KH-SYT", "02/KH-SYT", "03/KH-SYT"]  # 2025 not included
    crashed = sheet.cell(row=FIRST_DATA_ROW + 2, column=10).value
    assert crashed == "Đã cấp số, chưa dựng văn bản"


def test_verify_detects_modified_and_missing_outputs(tmp_path: Path) -> None:
    ws = _issued_workspace(tmp_path)
    register, settings = register_for(ws)
    with register:
        wsid = workspace_key_for(ws, register, settings)
        report = verify(register, ws.root, wsid)
        assert report.checked == 3 and report.findings == []  # the allocated one is not checked

        out0 = ws.output_dir / "kh0.md"
        out0.write_text(out0.read_text(encoding="utf-8") + "sửa sau khi ban hành\n", "utf-8")
        (ws.output_dir / "kh1.md").unlink()
        content = ws.content_dir / "kh-2025.yaml"
        content.write_text(content.read_text(encoding="utf-8").replace("5\n", "6\n"), "utf-8")

        report = verify(register, ws.root, wsid)
        found = sorted((f.entry.full_symbol, f.entry.year, f.what, f.problem)
                       for f in report.findings)
        assert found == [
            ("01/KH-SYT", 2025, "tệp nội dung", CHANGED),
            ("01/KH-SYT", 2026, "văn bản", CHANGED),
            ("02/KH-SYT", 2026, "văn bản", MISSING),
        ]
        assert any(f.render() == "01/KH-SYT (05/01/2026): văn bản 'output/kh0.md' "
                   f"{CHANGED}" for f in report.findings)
        assert len(verify(register, ws.root, wsid, year=2025).findings) == 1
        # entries of other workspaces sharing the register are not this clerk's files
        assert verify(register, ws.root, "other-host:/elsewhere").checked == 0
