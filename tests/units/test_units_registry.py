"""The registry over time (validity dates, former names), agency codes, levels, and the samples."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.units.conftest import REGISTRY, docx_text, invoke, write_ws

HA_TIEN = """\
  - ma: ubnd-ha-tien
    ten: "ỦY BAN NHÂN DÂN\\nTHÀNH PHỐ HÀ TIÊN"
    ten_day_du: Ủy ban nhân dân thành phố Hà Tiên
    ky_hieu: UBND
    dia_danh: Hà Tiên
    cap: cap_huyen
    chuc_vu_thu_truong: CHỦ TỊCH
    tap_the: ỦY BAN NHÂN DÂN
    hieu_luc_den: 2025-06-30
    ten_cu:
      - den_ngay: 2018-10-31
        ten: "ỦY BAN NHÂN DÂN\\nTHỊ XÃ HÀ TIÊN"
        ten_day_du: Ủy ban nhân dân thị xã Hà Tiên
"""

LETTER = """\
loai: thong_bao
co_quan: ubnd-ha-tien
so: 3
ngay: {ngay}
trich_yeu: Về việc họp giao ban
mo_dau: Ủy ban nhân dân thông báo như sau
nguoi_ky: {{quyen_han: TM. ỦY BAN NHÂN DÂN, chuc_vu: CHỦ TỊCH, ho_ten: Lê Văn C}}
noi_nhan: [Các phòng]
"""


def with_ha_tien(root: Path) -> Path:
    return write_ws(root, registry=REGISTRY.replace("bao_cao:", HA_TIEN + "bao_cao:"), plan=None)


def letter(ws: Path, name: str, ngay: str) -> Path:
    path = ws / "content" / f"{name}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(LETTER.format(ngay=ngay), encoding="utf-8")
    return path


def test_a_document_carries_the_name_of_its_date(tmp_path: Path) -> None:
    ws = with_ha_tien(tmp_path / "ws")
    letter(ws, "tb-2017", "2017-05-10")
    letter(ws, "tb-2019", "2019-03-04")
    letter(ws, "tb-2018-thang", "2018-10")  # a partial date takes the name of its first day
    built = invoke(ws, "build", "--check")
    assert built.exit_code == 0, built.output
    old = docx_text(ws / "output" / "tb-2017.docx")
    new = docx_text(ws / "output" / "tb-2019.docx")
    assert "THỊ XÃ HÀ TIÊN" in old and "THÀNH PHỐ" not in old
    assert "THÀNH PHỐ HÀ TIÊN" in new and "THỊ XÃ" not in new
    assert "THỊ XÃ HÀ TIÊN" in docx_text(ws / "output" / "tb-2018-thang.docx")


@pytest.mark.parametrize("ngay, shown", [("2026-01-05", "05/01/2026"), ("2025-07", "07/2025"),
                                         ("2026", "2026")])
def test_a_document_dated_after_the_unit_ended_is_a_clear_error(tmp_path: Path, ngay: str,
                                                                shown: str) -> None:
    ws = with_ha_tien(tmp_path / "ws")
    letter(ws, "tb-sau", ngay)
    letter(ws, "tb-truoc", "2020-01-02")
    built = invoke(ws, "build")
    assert built.exit_code == 1
    message = " ".join(built.stderr.split())
    assert (f"content/tb-sau.yaml, dòng 4: trường 'ngay': văn bản ghi ngày {shown} nhưng "
            "'ubnd-ha-tien' (Ủy ban nhân dân thành phố Hà Tiên) chỉ có đến ngày 30/06/2025") in message
    assert "Traceback" not in built.output
    assert not (ws / "output" / "tb-sau.docx").exists()
    assert (ws / "output" / "tb-truoc.docx").is_file()  # the others still build


def test_a_document_dated_before_the_unit_began(tmp_path: Path) -> None:
    ws = write_ws(tmp_path / "ws", plan=None)
    path = letter(ws, "tb", "2025-03-01")
    path.write_text(path.read_text(encoding="utf-8").replace("ubnd-ha-tien", "ubnd-xa-tan-phu"),
                    encoding="utf-8")
    built = invoke(ws, "build")
    assert built.exit_code == 1
    assert "chỉ có từ ngày 01/07/2025" in " ".join(built.stderr.split())


def test_unit_at_and_name_on(tmp_path: Path) -> None:
    from gendoc.units import validity_problem
    from gendoc.workspace import load_workspace, unit_at

    ws = load_workspace(with_ha_tien(tmp_path / "ws"))
    assert unit_at(ws, "ubnd-ha-tien", "2017-05-10").full_name == "Ủy ban nhân dân thị xã Hà Tiên"
    assert unit_at(ws, "ubnd-ha-tien", dt.date(2018, 10, 31)).header_lines[1] == "THỊ XÃ HÀ TIÊN"
    assert unit_at(ws, "ubnd-ha-tien", dt.date(2018, 11, 1)).header_lines[1] == "THÀNH PHỐ HÀ TIÊN"
    assert unit_at(ws, "ubnd-ha-tien", None).full_name == "Ủy ban nhân dân thành phố Hà Tiên"
    assert unit_at(ws, "ubnd-ha-tien", "2017").form.word == "thị xã"
    unit = ws.unit("ubnd-ha-tien")
    assert unit.name_on(dt.date(2019, 1, 1)) is unit
    assert validity_problem(unit, "2025-06") is None
    assert validity_problem(unit, "2025-07-01") is not None


@pytest.mark.parametrize("entry, message", [
    ("ma_dinh_danh: 000.00.12", "phải có dạng V1V2V3.Z1Z2.Y1Y2.MX1X2"),
    ("ma_dinh_danh: 000.00.00.H77", "mã định danh bị trùng: 000.00.00.H77"),
    ("loai_dvhc: phuong", "loai_dvhc 'phuong' (phường) thuộc cap_xa, không hợp với cap: so_ban_nganh"),
    ("hieu_luc_tu: 31/02/2025", "hieu_luc_tu"),
])
def test_bad_registry_entries_are_clear_errors(tmp_path: Path, entry: str, message: str) -> None:
    registry = REGISTRY.replace("ky_hieu: SYT,", f"ky_hieu: SYT, {entry},")
    ws = write_ws(tmp_path / "ws", registry=registry, plan=None)
    result = invoke(ws, "units")
    assert result.exit_code == 1
    assert message in " ".join(result.stderr.split())
    assert "gendoc.yaml" in result.stderr and "Traceback" not in result.output


def test_a_commune_declared_as_a_district_is_refused(tmp_path: Path) -> None:
    """The newcomer's mistake: `cap_huyen` for a xã would print «huyện Tân Phú» everywhere."""
    registry = REGISTRY.replace("dia_danh: Tân Phú, cap: cap_xa", "dia_danh: Tân Phú, cap: cap_huyen")
    result = invoke(write_ws(tmp_path / "ws", registry=registry, plan=None), "units")
    assert result.exit_code == 1
    assert ("tên 'Ủy ban nhân dân xã Tân Phú' là xã (cấp xã (xã, phường, đặc khu)) nhưng cap: "
            "cap_huyen — sửa thành cap: cap_xa") in " ".join(result.stderr.split())


def test_units_shows_agency_codes_forms_and_lifetimes(tmp_path: Path) -> None:
    ws = with_ha_tien(tmp_path / "ws")
    plain = invoke(ws, "units").stdout.splitlines()
    assert "ubnd-tinh\tỦy ban nhân dân tỉnh Sông Hậu\t000.00.00.H77" in plain
    assert "so-y-te\tSở Y tế\t" in plain  # no code: an empty column, never a shifted one
    detailed = invoke(ws, "units", "--cap", "cap_xa", "--chi-tiet").stdout.splitlines()
    assert detailed[0].split("\t")[:2] == ["ubnd-xa-tan-phu", "Ủy ban nhân dân xã Tân Phú"]
    assert [line.split("\t")[-2] for line in detailed] == ["xã", "phường", "đặc khu"]
    assert detailed[0].endswith("\ttừ 01/07/2025")
    history = invoke(ws, "units", "--cap", "cap_huyen", "--chi-tiet").stdout
    assert "đến 30/06/2025; tên cũ «Ủy ban nhân dân thị xã Hà Tiên» đến 31/10/2018" in history


def test_forms_are_read_from_names_or_given(tmp_path: Path) -> None:
    from gendoc.workspace import load_workspace

    ws = load_workspace(with_ha_tien(tmp_path / "ws"))
    forms = {u.ma: (u.form.word if u.form else None) for u in ws.config.co_quan}
    assert forms == {"ubnd-tinh": None, "so-noi-vu": None, "so-y-te": None,
                     "so-van-hoa-the-thao-va-du-lich": None, "dai-phat-thanh": None,
                     "ubnd-xa-tan-phu": "xã", "ubnd-phuong-vinh-thanh": "phường",
                     "ubnd-dac-khu-hon-tre": "đặc khu", "ubnd-ha-tien": "thành phố"}


def test_init_offers_the_an_giang_sample_which_builds_clean(tmp_path: Path) -> None:
    helped = invoke(None, "init", "--help")
    assert "an-giang-2025" in helped.output and "kien-giang-2016" in helped.output
    target = tmp_path / "ag"
    assert invoke(None, "init", str(target), "--mau", "an-giang-2025").exit_code == 0
    built = invoke(target, "build", "--check")
    assert built.exit_code == 0, built.output
    assert "cảnh báo" not in built.stderr  # clean: no warning either
    units = invoke(target, "units", "--cap", "cap_xa", "--chi-tiet").stdout
    assert "ubnd-dac-khu-phu-quoc\tỦy ban nhân dân đặc khu Phú Quốc" in units
    commune = docx_text(target / "output" / "ke-hoach" / "ubnd-xa-vinh-hoa-hung-bdg-2026-2030.docx")
    assert "XÃ VĨNH HÒA HƯNG" in commune and "TT. Đảng ủy xã, TT. HĐND xã" in commune
    report = docx_text(target / "output" / "bao-cao" / "2026" / "ubnd-xa-vinh-hoa-hung.docx")
    assert "Kính gửi: Sở Nội vụ tỉnh An Giang" in report
    for path in (target / "output").rglob("*.docx"):
        assert "Kiên Giang" not in docx_text(path), path.name


def test_init_default_is_still_the_kien_giang_example(tmp_path: Path) -> None:
    from tests.plans.conftest import REPO

    target = tmp_path / "kg"
    assert invoke(None, "init", str(target)).exit_code == 0
    assert (target / "gendoc.yaml").read_bytes() == (REPO / "gendoc.yaml").read_bytes()
    assert (target / "content" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.yaml").is_file()
