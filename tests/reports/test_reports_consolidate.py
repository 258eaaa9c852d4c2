"""Consolidation: totals equal the sum of the units, shares, targets, late and missing units."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gendoc.exceptions import GendocError
from gendoc.reports import consolidate
from gendoc.reports.consolidation import _sum
from gendoc.reports.indicators import HOAT_DONG, PAIRED
from gendoc.reports.model import SoLieu
from gendoc.reports.wording import chenh_lech, phan_tram_vn, thay_doi, ty_le
from gendoc.workspace import load_workspace
from tests.reports.conftest import random_figures, report_yaml


class _Unit:
    def __init__(self, so_lieu) -> None:  # noqa: ANN001
        self.so_lieu = so_lieu


@st.composite
def unit_figures(draw) -> SoLieu:  # noqa: ANN001
    return SoLieu.model_validate(random_figures(random.Random(draw(st.integers(0, 10**9)))))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(unit_figures(), min_size=0, max_size=25))
def test_totals_equal_the_sum_of_the_units(units: list) -> None:
    totals = _sum([_Unit(u) for u in units])
    for spec in PAIRED:
        for row in spec.rows:
            got = totals[(spec.key, row.key)]
            assert got.tong == sum(getattr(getattr(u, spec.key), row.key).tong for u in units)
            assert got.nu == sum(getattr(getattr(u, spec.key), row.key).nu for u in units)
        group_total = totals[(spec.key, "tong")]
        assert group_total.tong == sum(totals[(spec.key, r.key)].tong for r in spec.rows)
        assert group_total.nu <= group_total.tong
        if group_total.tong:
            assert group_total.ty_le == pytest.approx(100 * group_total.nu / group_total.tong)
        else:
            assert group_total.ty_le is None
    for row in HOAT_DONG.rows:
        assert totals[(HOAT_DONG.key, row.key)] == sum(getattr(u.hoat_dong, row.key) for u in units)


def test_vietnamese_formats_of_shares_and_changes() -> None:
    assert ty_le(100 * 1 / 3) == "33,3"
    assert ty_le(None) == "-"
    assert phan_tram_vn(12.25) == "12,3%"  # half up, as clerks round
    assert thay_doi(2.46) == "tăng 2,5 điểm %"
    assert thay_doi(-0.04) == "không đổi"
    assert thay_doi(-1.0) == "giảm 1,0 điểm %"
    assert chenh_lech(0.01) == "0,0" and chenh_lech(3) == "+3,0" and chenh_lech(-3) == "-3,0"


def _figures(seed: int, **changes) -> dict:  # noqa: ANN003
    figures = random_figures(random.Random(seed))
    figures.update(changes)
    return figures


@pytest.fixture
def year_ws(report_ws):  # noqa: ANN001, ANN201
    quy_hoach_low = {"don_vi": {"tong": 10, "nu": 1}, "phong": {"tong": 10, "nu": 1}}
    woman_lead = {"don_vi_truong": {"tong": 1, "nu": 1}, "don_vi_pho": {"tong": 2, "nu": 0},
                  "phong_truong": {"tong": 5, "nu": 2}, "phong_pho": {"tong": 6, "nu": 3}}
    no_woman = {**woman_lead, "don_vi_truong": {"tong": 1, "nu": 0}}
    files = {
        "2017/so-y-te.yaml": report_yaml("so-y-te", 2017, _figures(1, quy_hoach=quy_hoach_low,
                                                                    lanh_dao=woman_lead)),
        # late: received 20/11 (deadline 15/11)
        "2017/so-noi-vu.yaml": report_yaml("so-noi-vu", 2017,
                                           _figures(2, quy_hoach=quy_hoach_low, lanh_dao=no_woman),
                                           extra="ngay_nhan: 2017-11-20\n"),
        # the day itself is on time
        "2017/ubnd-huyen-phu-quoc.yaml": report_yaml("ubnd-huyen-phu-quoc", 2017,
                                                     _figures(3, quy_hoach=quy_hoach_low,
                                                              lanh_dao=no_woman),
                                                     ngay="2017-11-15"),
        "2016/so-y-te.yaml": report_yaml("so-y-te", 2016, _figures(
            4, quy_hoach={"don_vi": {"tong": 10, "nu": 0}, "phong": {"tong": 10, "nu": 0}})),
    }
    return report_ws(files)


def test_late_missing_targets_and_previous_year(year_ws) -> None:  # noqa: ANN001
    cons = consolidate(load_workspace(year_ws), 2017)
    assert [r.unit.ma for r in cons.late] == ["so-noi-vu"]
    assert cons.late[0].days_late == 5
    assert [u.ma for u in cons.missing] == ["so-tai-chinh"]
    assert cons.ty_le_bao_cao == pytest.approx(75.0)
    # planning pool: 3 units × (2 of 20) women = 10%, below the 30% target
    assert cons.ty_le("quy_hoach") == pytest.approx(10.0)
    results = {t.key: t for t in cons.targets}
    assert results["nu_quy_hoach"].met is False
    assert results["co_lanh_dao_nu"].value == pytest.approx(100 / 3)
    assert results["co_lanh_dao_nu"].met is False
    # previous year: only Sở Y tế, 0% women in its planning pool → +10 points
    assert cons.previous is not None and cons.previous.year == 2016
    assert cons.change("quy_hoach") == pytest.approx(10.0)


def test_invalid_unit_report_stops_the_consolidation(report_ws) -> None:  # noqa: ANN001
    bad = _figures(5)
    bad["nhan_su"]["can_bo"] = {"tong": 1, "nu": 2}
    ws = report_ws({"2017/so-y-te.yaml": report_yaml("so-y-te", 2017, bad),
                    "2017/so-noi-vu.yaml": report_yaml("so-noi-vu", 2017, _figures(6))})
    with pytest.raises(GendocError) as info:
        consolidate(load_workspace(ws), 2017)
    message = info.value.format_message()
    assert "content/bao-cao/2017/so-y-te.yaml" in message
    assert "so_lieu.nhan_su.can_bo.nu" in message
    assert "so-noi-vu" not in message


def test_two_reports_of_one_unit_are_refused(report_ws) -> None:  # noqa: ANN001
    text = report_yaml("so-y-te", 2017, _figures(7))
    ws = report_ws({"2017/so-y-te.yaml": text, "2017/so-y-te-ban-2.yaml": text})
    with pytest.raises(GendocError) as info:
        consolidate(load_workspace(ws), 2017)
    assert "so-y-te.yaml" in info.value.format_message()
    assert "mỗi đơn vị chỉ một báo cáo" in info.value.format_message()
    # as the message says: the extra copy set aside in a `_` folder is no longer counted
    extra = ws / "content/bao-cao/2017/so-y-te-ban-2.yaml"
    (ws / "content/bao-cao/2017/_cu").mkdir()
    extra.rename(ws / "content/bao-cao/2017/_cu/so-y-te-ban-2.yaml")
    assert len(consolidate(load_workspace(ws), 2017).reports) == 1


def test_unknown_target_metric_names_gendoc_yaml(report_ws) -> None:  # noqa: ANN001
    from tests.reports.conftest import CONFIG

    config = CONFIG + "  sai: {ten: X, chi_so: ty_le_nu.khong_co, chi_tieu: 10}\n"
    ws = report_ws({}, config=config)
    with pytest.raises(GendocError) as info:
        consolidate(load_workspace(ws), 2017)
    message = info.value.format_message()
    assert "gendoc.yaml" in message and "muc_tieu.sai.chi_so" in message
    assert "ty_le_nu.khong_co" in message


def test_report_without_full_date_is_listed_as_undated(report_ws) -> None:  # noqa: ANN001
    ws = report_ws({"2017/so-y-te.yaml": report_yaml("so-y-te", 2017, _figures(9), ngay="2017-11")})
    cons = consolidate(load_workspace(ws), 2017)
    assert [r.unit.ma for r in cons.undated] == ["so-y-te"]
    assert not cons.late


def test_year_without_reports_consolidates_to_zero_and_lists_everyone(report_ws) -> None:  # noqa: ANN001
    ws = report_ws({"2016/so-y-te.yaml": report_yaml("so-y-te", 2016, _figures(10))})
    cons = consolidate(load_workspace(ws), 2018)
    assert cons.reports == [] and cons.previous is None
    assert cons.total("nhan_su").tong == 0 and cons.ty_le("nhan_su") is None
    assert len(cons.missing) == 4
    assert all(t.met is None for t in cons.targets)


@settings(max_examples=12, deadline=None)
@given(seeds=st.lists(st.integers(0, 10**6), min_size=1, max_size=4))
def test_consolidate_from_files_equals_the_sum_of_the_files(seeds: list[int]) -> None:
    """The whole path (YAML on disk → validation → consolidation) for random units."""
    import tempfile
    from pathlib import Path

    from tests.reports.conftest import CONFIG, UNITS

    with tempfile.TemporaryDirectory() as tmp:
        ws = Path(tmp)
        (ws / "gendoc.yaml").write_text(CONFIG, encoding="utf-8")
        folder = ws / "content" / "bao-cao" / "2017"
        folder.mkdir(parents=True)
        all_figures = []
        for unit, seed in zip(UNITS, seeds, strict=False):
            figures = random_figures(random.Random(seed))
            all_figures.append(figures)
            (folder / f"{unit}.yaml").write_text(report_yaml(unit, 2017, figures), encoding="utf-8")
        cons = consolidate(load_workspace(ws), 2017)
        assert len(cons.reports) == len(all_figures)
        for spec in PAIRED:
            want_tong = sum(f[spec.key][r.key]["tong"] for f in all_figures for r in spec.rows)
            want_nu = sum(f[spec.key][r.key]["nu"] for f in all_figures for r in spec.rows)
            assert (cons.total(spec.key).tong, cons.total(spec.key).nu) == (want_tong, want_nu)
        assert len(cons.missing) == len(UNITS) - len(all_figures)


def test_consolidate_command_prints_the_situation_and_writes_the_annex(cli, year_ws) -> None:  # noqa: ANN001
    import openpyxl

    out = year_ws / "tong-hop.xlsx"
    result = cli("consolidate", "2017", "-o", str(out), ws=year_ws)
    assert result.exit_code == 0, result.output
    assert "3/4 đơn vị phải báo cáo đã gửi (75,0%)" in result.stdout
    assert "chậm 5 ngày: Sở Nội vụ" in result.stdout
    assert "chưa gửi: Sở Tài chính" in result.stdout
    assert "Tỷ lệ nữ trong quy hoạch: 10,0% (chỉ tiêu ≥ 30,0%) — CHƯA ĐẠT" in result.stdout
    assert "tăng 10,0 điểm % so với năm 2016" in result.stdout
    assert openpyxl.load_workbook(out).sheetnames[0] == "Tổng hợp"
    bad = cli("consolidate", "2017", "-o", str(year_ws / "x.docx"), ws=year_ws)
    assert bad.exit_code == 1 and ".xlsx" in bad.stderr
