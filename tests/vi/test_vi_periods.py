"""Report periods and weekday names."""

from __future__ import annotations

import datetime as dt

import pytest

from gendoc.vi.periods import cung_ky, ky_bao_cao, quy, ten_ky, thu, thu_ngay


@pytest.mark.parametrize(
    ("ky", "nam", "expected"),
    [
        ("quy_1", 2017, "quý I năm 2017"),
        ("quy_2", 2017, "quý II năm 2017"),
        ("Q3", "2017", "quý III năm 2017"),
        ("quy 4", 2017, "quý IV năm 2017"),
        ("6_thang", 2017, "6 tháng đầu năm 2017"),
        ("6-thang-cuoi-nam", 2017, "6 tháng cuối năm 2017"),
        ("9_thang", 2017, "9 tháng đầu năm 2017"),
        ("nam", 2017, "năm 2017"),
        ("thang_2", 2020, "tháng 02 năm 2020"),
        ("thang_11", 2020, "tháng 11 năm 2020"),
        ("quy_1", dt.date(2021, 3, 31), "quý I năm 2021"),
    ],
)
def test_ky_bao_cao(ky, nam, expected):
    assert ky_bao_cao(ky, nam) == expected


@pytest.mark.parametrize("bad", ["quy_5", "thang_13", "ca_nam", ""])
def test_unknown_period(bad):
    with pytest.raises(ValueError, match="Kỳ báo cáo không hợp lệ"):
        ten_ky(bad)


def test_cung_ky_and_quy():
    assert cung_ky(2017) == "so với cùng kỳ năm 2016"
    assert quy("2024-05-10") == "II"
    assert quy(dt.date(2024, 12, 1)) == "IV"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("2024-02-05", "thứ Hai"),
        ("2024-02-06", "thứ Ba"),
        ("2024-02-07", "thứ Tư"),
        ("2024-02-08", "thứ Năm"),
        ("2024-02-09", "thứ Sáu"),
        ("2024-02-10", "thứ Bảy"),
        ("2024-02-11", "Chủ nhật"),
    ],
)
def test_weekdays(day, expected):
    assert thu(day) == expected


def test_thu_ngay():
    assert thu_ngay("2024-02-05") == "thứ Hai, ngày 05 tháng 02 năm 2024"
    assert thu_ngay(dt.date(2024, 3, 10), hoa=True) == "Chủ nhật, ngày 10 tháng 3 năm 2024"
    assert thu("2024-02-05", hoa=True) == "Thứ Hai"
    with pytest.raises(ValueError, match="ngày đầy đủ"):
        thu("2024-02")
