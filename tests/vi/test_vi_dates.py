"""ND30 date words: read these as the style guide for the date line."""

from __future__ import annotations

import datetime as dt

import pytest

from gendoc.vi.dates import PartialDate, dia_danh_ngay, ngay_thang_nam, parse_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (dt.date(2020, 2, 5), "ngày 05 tháng 02 năm 2020"),  # months 1-2 padded
        (dt.date(2020, 1, 9), "ngày 09 tháng 01 năm 2020"),
        (dt.date(2020, 3, 5), "ngày 05 tháng 3 năm 2020"),  # month 3+ never padded
        (dt.date(2020, 12, 31), "ngày 31 tháng 12 năm 2020"),
        (dt.date(2024, 10, 10), "ngày 10 tháng 10 năm 2024"),
        (dt.datetime(2021, 7, 1, 8, 30), "ngày 01 tháng 7 năm 2021"),
        ("2016-12-05", "ngày 05 tháng 12 năm 2016"),
        ("05/12/2016", "ngày 05 tháng 12 năm 2016"),
        ("5/2/2016", "ngày 05 tháng 02 năm 2016"),
        (PartialDate(2016, 12), "ngày        tháng 12 năm 2016"),
        ("2016-12", "ngày        tháng 12 năm 2016"),
        ("12/2016", "ngày        tháng 12 năm 2016"),
        ("2016", "ngày        tháng        năm 2016"),
        (2016, "ngày        tháng        năm 2016"),
        (None, "ngày        tháng        năm       "),
    ],
)
def test_ngay_thang_nam(value, expected):
    assert ngay_thang_nam(value) == expected


def test_placeholder_is_configurable():
    assert ngay_thang_nam("2016-02", placeholder="...") == "ngày ... tháng 02 năm 2016"


def test_dia_danh_ngay():
    line = dia_danh_ngay("Kiên Giang", dt.date(2020, 3, 5))
    assert line == "Kiên Giang, ngày 05 tháng 3 năm 2020"
    assert dia_danh_ngay("Rạch Giá", "2020-12") == "Rạch Giá, ngày        tháng 12 năm 2020"
    with pytest.raises(ValueError, match="Thiếu địa danh"):
        dia_danh_ngay("  ", "2020")


@pytest.mark.parametrize(
    "bad",
    [
        "2020-13-45",
        "2020-13",
        "2020-02-30",
        "2021-02-29",
        "32/01/2020",
        "abc",
        "",
        3.5,
        True,
        "2020/12/05",
        [2020],
    ],
)
def test_parse_date_rejects_with_vietnamese_message(bad):
    with pytest.raises(ValueError) as err:
        parse_date(bad)
    assert "ngày" in str(err.value).lower() or "tháng" in str(err.value).lower()


def test_parse_date_forms():
    assert parse_date(None) is None
    assert parse_date("2024-02-29") == PartialDate(2024, 2, 29)
    assert parse_date(" 2016-12 ") == PartialDate(2016, 12)
    assert parse_date(dt.date(2020, 1, 1)).to_date() == dt.date(2020, 1, 1)
    assert parse_date("2016-12").isoformat() == "2016-12"


def test_partial_date_validates():
    with pytest.raises(ValueError, match="Tháng"):
        PartialDate(2020, 13)
    with pytest.raises(ValueError, match="thiếu tháng"):
        PartialDate(2020, None, 5)
    with pytest.raises(ValueError, match="không có thật"):
        PartialDate(2020, 2, 30)
    with pytest.raises(ValueError, match="chưa đầy đủ"):
        PartialDate(2020, 2).to_date()
