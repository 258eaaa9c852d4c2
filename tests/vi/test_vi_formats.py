"""Number formats: separators, percentages, Roman numerals, point letters, document numbers."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gendoc.nd30 import POINT_LETTERS
from gendoc.vi.formats import phan_tram, point_letter, roman, so_van_ban, so_vn


@pytest.mark.parametrize(
    ("n", "expected"),
    [
        (1, "I"),
        (2, "II"),
        (3, "III"),
        (4, "IV"),
        (5, "V"),
        (9, "IX"),
        (14, "XIV"),
        (40, "XL"),
        (90, "XC"),
        (400, "CD"),
        (1994, "MCMXCIV"),
        (2024, "MMXXIV"),
        (3999, "MMMCMXCIX"),
    ],
)
def test_roman(n, expected):
    assert roman(n) == expected


@pytest.mark.parametrize("bad", [0, -1, 4000, 1.5, "x", True])
def test_roman_rejects(bad):
    with pytest.raises(ValueError):
        roman(bad)


def test_point_letters_follow_nd30():
    letters = [point_letter(i) for i in range(1, 24)]
    assert letters == list(POINT_LETTERS)
    assert letters[:7] == ["a", "b", "c", "d", "đ", "e", "g"]
    assert point_letter(23) == "y"
    assert point_letter(24) == "aa"
    assert point_letter(25) == "ab"
    assert point_letter(46) == "ay"
    assert point_letter(47) == "ba"
    assert len({point_letter(i) for i in range(1, 600)}) == 599


@pytest.mark.parametrize(
    ("n", "expected"), [(1, "01"), (9, "09"), (10, "10"), (123, "123"), ("7", "07")]
)
def test_so_van_ban(n, expected):
    assert so_van_ban(n) == expected


def test_so_van_ban_rejects_zero():
    with pytest.raises(ValueError, match="Số văn bản"):
        so_van_ban(0)


@pytest.mark.parametrize(
    ("value", "kwargs", "expected"),
    [
        (0, {}, "0"),
        (999, {}, "999"),
        (1000, {}, "1.000"),
        (1234567, {}, "1.234.567"),
        (-1234567, {}, "-1.234.567"),
        (12.5, {}, "12,5"),
        (0.1, {}, "0,1"),
        (1234567.89, {}, "1.234.567,89"),
        (Decimal("1000000.50"), {}, "1.000.000,50"),
        ("2500.75", {}, "2.500,75"),
        (12.345, {"decimals": 2}, "12,35"),
        (12.5, {"decimals": 2}, "12,50"),
        (2.5, {"decimals": 0}, "3"),
        (-0.001, {"decimals": 2}, "0,00"),
    ],
)
def test_so_vn(value, kwargs, expected):
    assert so_vn(value, **kwargs) == expected


def test_phan_tram():
    assert phan_tram(12.5) == "12,5%"
    assert phan_tram(100) == "100%"
    assert phan_tram(0.125, ratio=True) == "12,5%"
    assert phan_tram(1 / 3, decimals=1, ratio=True) == "33,3%"


@pytest.mark.parametrize("bad", ["abc", None, float("nan"), float("inf"), True, [1]])
def test_so_vn_rejects(bad):
    with pytest.raises(ValueError, match="số"):
        so_vn(bad)
