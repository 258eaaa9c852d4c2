"""Derived plans, status and reporters in a two-tier province: communes are units like any other,
and each level speaks its own words (written workspace: tests/units/conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.units.conftest import COMMUNES, DEPARTMENTS, FOREIGN, PLAN, docx_text, invoke, write_ws


def plan_of(ws: Path, code: str) -> Path:
    return ws / "content" / "ke-hoach" / f"{code}-bdg-2026-2030.yaml"


def output_of(ws: Path, code: str) -> Path:
    return ws / "output" / "ke-hoach" / f"{code}-bdg-2026-2030.docx"


def recipients(path: Path) -> list[str]:
    from docx import Document

    doc = Document(str(path))
    closing = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    return [p.text for p in closing.rows[0].cells[0].paragraphs if p.text.startswith("- ")]


@pytest.fixture(scope="module")
def derived(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = write_ws(tmp_path_factory.mktemp("units") / "ws")
    made = invoke(ws, "new", "ke_hoach", "--all-units")
    assert made.exit_code == 0, made.output
    built = invoke(ws, "build", "--check", str(ws / "content" / "ke-hoach"))
    assert built.exit_code == 0, built.output
    return ws


def test_every_unit_communes_included_gets_a_plan(derived: Path) -> None:
    written = sorted(p.name for p in (derived / "content" / "ke-hoach").glob("*.yaml"))
    expected = sorted([PLAN.name] + [plan_of(derived, c).name for c in DEPARTMENTS + COMMUNES])
    assert written == expected
    for code in DEPARTMENTS + COMMUNES:
        assert output_of(derived, code).is_file()


@pytest.mark.parametrize("code, area, name", [
    ("ubnd-xa-tan-phu", "xã", "xã Tân Phú"),
    ("ubnd-phuong-vinh-thanh", "phường", "phường Vĩnh Thanh"),
    ("ubnd-dac-khu-hon-tre", "đặc khu", "đặc khu Hòn Tre"),
])
def test_commune_plans_speak_their_own_level(derived: Path, code: str, area: str, name: str) -> None:
    text = docx_text(output_of(derived, code))
    assert f"viên chức {name} giai đoạn 2026-2030" in text
    assert f"bố trí và sử dụng tại các cơ quan, đơn vị trên địa bàn {area}" in text
    assert f"đội ngũ nữ cán bộ của {area}" in text
    assert (f"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân {area} là cơ quan thường trực, tham "
            f"mưu Chủ tịch Ủy ban nhân dân {area}") in text
    assert f"Các phòng, đơn vị thuộc Ủy ban nhân dân {area} căn cứ chức năng" in text
    assert not FOREIGN.search(text), FOREIGN.search(text)
    assert "Phòng Nội vụ" not in text and "Sở và các đơn vị trực thuộc" not in text
    lines = recipients(output_of(derived, code))
    assert f"- TT. Đảng ủy {area}, TT. HĐND {area};" in lines
    assert f"- CT, các PCT UBND {area};" in lines
    assert f"- Ủy ban MTTQ Việt Nam {area};" in lines
    assert f"- Các phòng, đơn vị thuộc UBND {area};" in lines


def test_commune_assignment_table_uses_commune_divisions(derived: Path) -> None:
    from docx import Document

    doc = Document(str(output_of(derived, "ubnd-xa-tan-phu")))
    table = next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")
    leads = {row.cells[2].text for row in table.rows[1:]}
    assert leads == {"Văn phòng Hội đồng nhân dân và Ủy ban nhân dân xã", "Phòng Văn hóa - Xã hội"}
    media = next(r for r in table.rows[1:] if r.cells[1].text.startswith("Tuyên truyền"))
    assert media.cells[2].text == "Phòng Văn hóa - Xã hội"


def test_department_plan_in_a_two_tier_province(derived: Path) -> None:
    text = docx_text(output_of(derived, "so-y-te"))
    assert "UBND TỈNH SÔNG HẬU" in text and "Sông Hậu, ngày" in text
    assert "bố trí và sử dụng tại Sở và các đơn vị trực thuộc" in text
    assert not FOREIGN.search(text), FOREIGN.search(text)


def test_the_report_receivers_duty_stays_with_it(derived: Path) -> None:
    home = docx_text(output_of(derived, "so-noi-vu"))
    assert ("Tổng hợp báo cáo của các sở, ban, ngành và địa phương (gửi trước ngày 15 tháng 11 "
            "hằng năm); tham mưu Ủy ban nhân dân tỉnh báo cáo Bộ Nội vụ.") in home
    assert "gửi về Sở Nội vụ" not in home  # it does not report to itself
    assert "(qua Sở Nội vụ)" not in home
    for code in ("so-y-te", *COMMUNES):
        other = docx_text(output_of(derived, code))
        assert "hằng năm gửi về Sở Nội vụ để tổng hợp." in other
        assert "báo cáo Bộ Nội vụ" not in other


def test_status_lists_communes(derived: Path) -> None:
    from openpyxl import load_workbook

    result = invoke(derived, "status", "--ngay-xem", "15/01/2026")
    assert result.exit_code == 0, result.output
    listed = [line.split()[0] for line in result.stdout.splitlines() if line.startswith("  ")]
    assert listed == list(DEPARTMENTS + COMMUNES)
    assert "7 đơn vị: 0 đã ban hành (0 trễ hạn), 7 dự thảo, 0 chưa có." in result.stdout
    sheet = load_workbook(derived / "output" / "ke-hoach" /
                          "ubnd-tinh-bdg-2026-2030-tinh-hinh-gui.xlsx").active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert {"Ủy ban nhân dân xã Tân Phú", "Ủy ban nhân dân đặc khu Hòn Tre"} <= cells


def test_consolidation_expects_communes(two_tier: Path) -> None:
    from gendoc.reports.config import expected_units, report_settings
    from gendoc.workspace import load_workspace

    ws = load_workspace(two_tier)
    assert expected_units(ws, report_settings(ws)) == list(DEPARTMENTS + COMMUNES)


def test_units_abolished_before_the_plan_are_not_targets(tmp_path: Path) -> None:
    from tests.units.conftest import REGISTRY

    old = REGISTRY.replace("bao_cao:", """\
  - {ma: ubnd-huyen-cu, ten: "ỦY BAN NHÂN DÂN\\nHUYỆN CŨ", ten_day_du: Ủy ban nhân dân huyện Cũ,
     ky_hieu: UBND, dia_danh: Cũ, cap: cap_huyen, hieu_luc_den: 2025-06-30}
bao_cao:""")
    ws = write_ws(tmp_path / "ws", registry=old)
    made = invoke(ws, "new", "ke_hoach", "--all-units")
    assert made.exit_code == 0, made.output
    assert not plan_of(ws, "ubnd-huyen-cu").exists()
    assert plan_of(ws, "ubnd-xa-tan-phu").exists()
