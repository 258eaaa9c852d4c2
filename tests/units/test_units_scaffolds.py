"""`gendoc new` of every kind in a two-tier province: the files and what they build to carry the
workspace's province, portal, contact, period and law — never the Kiên Giang example's."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.units.conftest import FOREIGN, PROVINCE, docx_text, invoke, write_ws

MEDIA = ("thong_cao", "tin_bai", "tin_phat_thanh", "kich_ban_truyen_hinh", "guong_dien_hinh",
         "quyet_dinh")


@pytest.fixture(scope="module")
def scaffolded(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = write_ws(tmp_path_factory.mktemp("scaffolds") / "ws", plan=None)
    for args in (("bao_cao", "--unit", "ubnd-xa-tan-phu", "--year", "2026"),
                 ("bao_cao", "--unit", "ubnd-dac-khu-hon-tre", "--year", "2026", "--xlsx"),
                 ("thong_bao", "--unit", "ubnd-xa-tan-phu"), ("ke_hoach",),
                 *[(kind,) for kind in MEDIA]):
        result = invoke(ws, "new", *args)
        assert result.exit_code == 0, (args, result.output)
    return ws


def written(ws: Path) -> list[Path]:
    return sorted(p for p in (ws / "content").rglob("*") if p.suffix in (".yaml", ".xlsx"))


def xlsx_text(path: Path) -> str:
    from openpyxl import load_workbook

    book = load_workbook(path)
    return " ".join(str(c.value) for sheet in book.worksheets for row in sheet.iter_rows()
                    for c in row if c.value is not None)


def test_every_kind_was_scaffolded(scaffolded: Path) -> None:
    names = [p.relative_to(scaffolded / "content").as_posix() for p in written(scaffolded)]
    assert names == sorted([
        "bao-cao/2026/ubnd-xa-tan-phu.yaml", "bao-cao/2026/ubnd-dac-khu-hon-tre.xlsx",
        "ke-hoach/ubnd-tinh-ke-hoach-moi.yaml", "tap-huan/lop-moi.yaml",
        "tap-huan/_du-lieu/lop-moi-hoc-vien.xlsx",
        *[f"truyen-thong/{k.replace('_', '-')}-moi.yaml" for k in MEDIA]])


def test_scaffold_files_carry_no_foreign_wording(scaffolded: Path) -> None:
    for path in written(scaffolded):
        text = xlsx_text(path) if path.suffix == ".xlsx" else path.read_text(encoding="utf-8")
        assert not FOREIGN.search(text), (path.name, FOREIGN.search(text))


def test_report_scaffolds_address_this_provinces_home_affairs(scaffolded: Path) -> None:
    report = (scaffolded / "content" / "bao-cao" / "2026" / "ubnd-xa-tan-phu.yaml").read_text(
        encoding="utf-8")
    assert 'kinh_gui: "Sở Nội vụ tỉnh Sông Hậu"' in report
    form = xlsx_text(scaffolded / "content" / "bao-cao" / "2026" / "ubnd-dac-khu-hon-tre.xlsx")
    assert "Sở Nội vụ tỉnh Sông Hậu" in form


def test_scaffolds_build_and_what_they_build_is_this_provinces(scaffolded: Path) -> None:
    (scaffolded / "content" / "bao-cao").rename(scaffolded / "bao-cao-chua-dien")  # blank figures
    built = invoke(scaffolded, "build", "--check")
    assert built.exit_code == 0, built.output
    outputs = sorted((scaffolded / "output").rglob("*.docx"))
    assert len(outputs) >= len(MEDIA) + 2
    texts = {p.name: docx_text(p) for p in outputs}
    for name, text in texts.items():
        assert not FOREIGN.search(text), (name, FOREIGN.search(text))
    assert "Cổng thông tin điện tử tỉnh Sông Hậu" in texts["thong-cao-moi.docx"]
    assert "…@songhau.gov.vn" in texts["thong-cao-moi.docx"]  # no contact in gendoc.yaml yet
    assert "Báo và Phát thanh, Truyền hình Sông Hậu" in texts["tin-phat-thanh-moi.docx"]
    decision = texts["quyet-dinh-moi.docx"]
    assert "Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;" in decision
    assert "tỉnh Sông Hậu giai đoạn 2026-2030" in decision
    plan = texts["ubnd-tinh-ke-hoach-moi.docx"]
    assert "Các sở, ban, ngành tỉnh và Ủy ban nhân dân các xã, phường, đặc khu có trách nhiệm" in plan
    assert "UBND các xã, phường, đặc khu" in plan


def test_press_contact_comes_from_the_workspace(tmp_path: Path) -> None:
    from tests.units.conftest import REGISTRY

    contact = REGISTRY + ("truyen_thong:\n  lien_he: {ho_ten: Lý Thị Hoa, chuc_vu: Chánh Văn phòng, "
                          "email: vp@songhau.gov.vn}\n")
    ws = write_ws(tmp_path / "ws", registry=contact, plan=None)
    assert invoke(ws, "new", "thong_cao").exit_code == 0
    built = invoke(ws, "build")
    assert built.exit_code == 0, built.output
    text = docx_text(ws / "output" / "truyen-thong" / "thong-cao-moi.docx")
    assert "Lý Thị Hoa" in text and "vp@songhau.gov.vn" in text


def test_three_tier_workspace_keeps_its_own_words(tmp_path: Path) -> None:
    """The Kiên Giang example is three-tier: its scaffolds say districts and the 2015 law."""
    import shutil

    from tests.plans.conftest import REPO

    ws = tmp_path / "kg"
    ws.mkdir()
    shutil.copy2(REPO / "gendoc.yaml", ws / "gendoc.yaml")
    assert invoke(ws, "new", "quyet_dinh").exit_code == 0
    assert invoke(ws, "new", "ke_hoach").exit_code == 0
    decision = (ws / "content" / "truyen-thong" / "quyet-dinh-moi.yaml").read_text(encoding="utf-8")
    assert "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015" in decision
    assert "tỉnh Kiên Giang" in decision
    plan = (ws / "content" / "ke-hoach" / "ubnd-tinh-ke-hoach-moi.yaml").read_text(encoding="utf-8")
    assert "Ủy ban nhân dân các huyện, thị xã, thành phố có trách nhiệm" in plan


def test_blank_plan_is_never_written_over(two_tier: Path) -> None:
    assert invoke(two_tier, "new", "ke_hoach", "--from", "x.yaml").exit_code == 1  # no such source
    first = invoke(two_tier, "new", "ke_hoach")
    assert first.exit_code == 0, first.output
    again = invoke(two_tier, "new", "ke_hoach")
    assert again.exit_code == 1 and "đã có — không ghi đè" in again.stderr
    assert PROVINCE in (two_tier / "content" / "ke-hoach" / "ubnd-tinh-ke-hoach-moi.yaml").read_text(
        encoding="utf-8")


def test_consolidation_opening_takes_the_period_from_the_workspace(tmp_path: Path) -> None:
    from gendoc.kinds.bao_cao_tong_hop import default_opening
    from gendoc.workspace import load_workspace
    from tests.units.conftest import REGISTRY

    class Doc:
        co_quan, ky_text = "so-noi-vu", "năm 2026"

    with_period = load_workspace(write_ws(tmp_path / "a", plan=None))
    assert "viên chức giai đoạn 2026-2030, trên cơ sở" in default_opening(Doc(), with_period)[0]
    without = load_workspace(write_ws(tmp_path / "b", registry=REGISTRY.replace(
        "giai_doan: 2026-2030\n", ""), plan=None))
    assert "viên chức, trên cơ sở" in default_opening(Doc(), without)[0]
    from_plan = load_workspace(write_ws(tmp_path / "c", registry=REGISTRY.replace(
        "giai_doan: 2026-2030\n", "")))  # the provincial plan's trích yếu says 2026-2030
    assert "viên chức giai đoạn 2026-2030, trên cơ sở" in default_opening(Doc(), from_plan)[0]


def test_media_without_producer_name_this_provinces_own(tmp_path: Path) -> None:
    ws = write_ws(tmp_path / "ws", plan=None)
    folder = ws / "content" / "truyen-thong"
    folder.mkdir(parents=True)
    (folder / "tin.yaml").write_text(
        "loai: tin_phat_thanh\nchuong_trinh: Thời sự\ntieu_de: Tin ngắn\n"
        "noi_dung: [Sáng nay, Sở Nội vụ tổ chức hội nghị.]\n", encoding="utf-8")
    (folder / "guong.yaml").write_text(
        "loai: guong_dien_hinh\ntieu_de: Gương tiêu biểu\nnguoi:\n  - {ho_ten: Lý Thị Hoa, "
        "chuc_vu: Phó Chủ tịch, don_vi: Ủy ban nhân dân xã Tân Phú, thanh_tich: [Chiến sĩ thi đua]}\n",
        encoding="utf-8")
    built = invoke(ws, "build")
    assert built.exit_code == 0, built.output
    radio = docx_text(ws / "output" / "truyen-thong" / "tin.docx")
    assert "Báo và Phát thanh, Truyền hình Sông Hậu" in radio
    profile = (ws / "output" / "truyen-thong" / "guong.html").read_text(encoding="utf-8")
    assert "Sở Văn hóa, Thể thao và Du lịch tỉnh Sông Hậu" in profile  # the page's site line
    for text in (radio, profile):
        assert not FOREIGN.search(text), FOREIGN.search(text)
