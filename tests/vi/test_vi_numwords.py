"""Numbers in words — the style guide for the "Bằng chữ" line.

Every case below is written out by hand from the formal reading rules; the num2words failures
quoted in the issue are marked.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gendoc.vi.numwords import DIGITS, parse_number, so_thanh_chu, tien_bang_chu

READINGS = [
    # units and teens
    (0, "không"),
    (1, "một"),
    (4, "bốn"),
    (5, "năm"),
    (9, "chín"),
    (10, "mười"),
    (11, "mười một"),
    (14, "mười bốn"),
    (15, "mười lăm"),
    (19, "mười chín"),
    # tens: mươi, mốt, tư, lăm
    (20, "hai mươi"),
    (21, "hai mươi mốt"),
    (24, "hai mươi tư"),
    (25, "hai mươi lăm"),
    (31, "ba mươi mốt"),
    (44, "bốn mươi tư"),
    (55, "năm mươi lăm"),
    (70, "bảy mươi"),
    (99, "chín mươi chín"),
    # hundreds: linh
    (100, "một trăm"),
    (101, "một trăm linh một"),
    (104, "một trăm linh bốn"),
    (105, "một trăm linh năm"),
    (110, "một trăm mười"),
    (115, "một trăm mười lăm"),
    (121, "một trăm hai mươi mốt"),
    (500, "năm trăm"),
    (999, "chín trăm chín mươi chín"),
    # thousands: không trăm inside a number
    (1000, "một nghìn"),
    (1001, "một nghìn không trăm linh một"),
    (1010, "một nghìn không trăm mười"),
    (1015, "một nghìn không trăm mười lăm"),  # num2words: "một nghìn lẻ mười lăm"
    (1100, "một nghìn một trăm"),
    (2021, "hai nghìn không trăm hai mươi mốt"),  # num2words: "hai nghìn lẻ hai mươi mốt"
    (2024, "hai nghìn không trăm hai mươi tư"),  # num2words: "… lẻ hai mươi bốn"
    (10000, "mười nghìn"),
    (15000, "mười lăm nghìn"),
    (21000, "hai mươi mốt nghìn"),
    (100000, "một trăm nghìn"),
    (105000, "một trăm linh năm nghìn"),
    (523056, "năm trăm hai mươi ba nghìn không trăm năm mươi sáu"),  # num2words: "… lẻ …"
    (999999, "chín trăm chín mươi chín nghìn chín trăm chín mươi chín"),
    # millions: whole zero groups skipped
    (1000000, "một triệu"),
    (1000001, "một triệu không trăm linh một"),
    (1000010, "một triệu không trăm mười"),  # num2words: "một triệu lẻ mười"
    (1050000, "một triệu không trăm năm mươi nghìn"),
    (1250000, "một triệu hai trăm năm mươi nghìn"),
    (1001000, "một triệu không trăm linh một nghìn"),
    (10500000, "mười triệu năm trăm nghìn"),
    # num2words: "… triệu một nghìn"
    (145001000, "một trăm bốn mươi lăm triệu không trăm linh một nghìn"),
    (
        987654321,
        "chín trăm tám mươi bảy triệu sáu trăm năm mươi tư nghìn ba trăm hai mươi mốt",
    ),
    # tỷ and nghìn tỷ
    (1000000000, "một tỷ"),
    (1000000005, "một tỷ không trăm linh năm"),
    (1000100000, "một tỷ một trăm nghìn"),
    (2500000000, "hai tỷ năm trăm triệu"),
    (
        12345678901,
        "mười hai tỷ ba trăm bốn mươi lăm triệu sáu trăm bảy mươi tám nghìn chín trăm linh một",
    ),
    (1000000000000, "một nghìn tỷ"),
    (2003000000000, "hai nghìn không trăm linh ba tỷ"),
    (5000000000001, "năm nghìn tỷ không trăm linh một"),
    (
        1234567890123,
        "một nghìn hai trăm ba mươi tư tỷ năm trăm sáu mươi bảy triệu "
        "tám trăm chín mươi nghìn một trăm hai mươi ba",
    ),
    (
        999999999999999,
        "chín trăm chín mươi chín nghìn chín trăm chín mươi chín tỷ "
        "chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn "
        "chín trăm chín mươi chín",
    ),
    (10**18, "một tỷ tỷ"),
    # negatives: "âm"
    (-1, "âm một"),  # num2words: "mười chín"
    (-15, "âm mười lăm"),
    (-2021, "âm hai nghìn không trăm hai mươi mốt"),
    # decimals after "phẩy", read as written
    (1.5, "một phẩy năm"),  # num2words: "một phẩy năm mươi"
    (0.5, "không phẩy năm"),
    (12.25, "mười hai phẩy hai mươi lăm"),
    (3.05, "ba phẩy không năm"),
    (Decimal("1.50"), "một phẩy năm mươi"),
    (1250000.5, "một triệu hai trăm năm mươi nghìn phẩy năm"),  # num2words: "… phẩy năm mươi"
    (-0.75, "âm không phẩy bảy mươi lăm"),
    (Decimal("3.14159"), "ba phẩy một bốn một năm chín"),
    # strings, written the Vietnamese way
    ("1.234.567", "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"),
    ("1 000 010", "một triệu không trăm mười"),
    ("12,5", "mười hai phẩy năm"),
    ("-1.000,05", "âm một nghìn phẩy không năm"),
    ("1.5", "một phẩy năm"),
    ("2021", "hai nghìn không trăm hai mươi mốt"),
]


@pytest.mark.parametrize(("value", "expected"), READINGS)
def test_reading(value, expected):
    assert so_thanh_chu(value) == expected


def test_there_are_at_least_sixty_readings():
    assert len(READINGS) >= 60


def test_regional_spellings():
    assert so_thanh_chu(105, linh="lẻ") == "một trăm lẻ năm"
    assert so_thanh_chu(1001, linh="lẻ") == "một nghìn không trăm lẻ một"
    assert so_thanh_chu(2000, nghin="ngàn") == "hai ngàn"
    assert so_thanh_chu(24, tu="bốn") == "hai mươi bốn"
    assert so_thanh_chu(3 * 10**9, ty="tỉ") == "ba tỉ"
    with pytest.raises(ValueError, match="linh hoặc lẻ"):
        so_thanh_chu(1, linh="le")


def test_amount_form():
    assert tien_bang_chu(1250000) == "Một triệu hai trăm năm mươi nghìn đồng"
    assert tien_bang_chu(1000000, chan=True) == "Một triệu đồng chẵn"
    assert tien_bang_chu(2021000, linh="lẻ") == "Hai triệu không trăm hai mươi mốt nghìn đồng"
    assert tien_bang_chu(-50000) == "Âm năm mươi nghìn đồng"
    assert tien_bang_chu(1.5, don_vi="triệu đồng", chan=True) == "Một phẩy năm triệu đồng"
    assert tien_bang_chu(0) == "Không đồng"


@pytest.mark.parametrize(
    "bad",
    [
        "abc",
        "",
        "1,2,3",
        "1.23.4",
        "12a",
        None,
        True,
        float("nan"),
        float("inf"),
        [1],
        Decimal("NaN"),
    ],
)
def test_not_a_number_is_a_clear_error(bad):
    with pytest.raises(ValueError, match="không phải là số"):
        so_thanh_chu(bad)


def test_negative_zero_is_zero():
    assert so_thanh_chu(-0.0) == "không phẩy không"
    assert so_thanh_chu("-0") == "không"


def test_parse_number():
    assert parse_number("1.234.567,89") == (False, 1234567, "89")
    assert parse_number("−12") == (True, 12, "")
    assert parse_number(0.1) == (False, 0, "1")


_WORDS = set(DIGITS) | {
    "mười",
    "mươi",
    "mốt",
    "tư",
    "lăm",
    "trăm",
    "linh",
    "nghìn",
    "triệu",
    "tỷ",
    "âm",
    "phẩy",
}


@given(st.integers(min_value=-(10**21), max_value=10**21))
def test_any_integer_reads_well_formed(n):
    words = so_thanh_chu(n).split()
    assert set(words) <= _WORDS
    assert (words[0] == "âm") == (n < 0)
    assert "phẩy" not in words
    # no doubled scale words, no "linh" at the end, no "không trăm" leading a number
    for a, b in zip(words, words[1:], strict=False):
        assert a != b or a == "tỷ"
    assert words[-1] != "linh"
    assert words[-2:] != ["không", "trăm"] or n == 0
    start = words[1:] if n < 0 else words
    assert start[:2] != ["không", "trăm"]
    # "mốt" only after "mươi", "lăm" only after mười/mươi
    for a, b in zip(words, words[1:], strict=False):
        if b == "mốt":
            assert a == "mươi"
        if b == "lăm":
            assert a in {"mười", "mươi"}


@given(st.integers(min_value=0, max_value=10**15))
def test_reading_is_injective_on_neighbours(n):
    assert so_thanh_chu(n) != so_thanh_chu(n + 1)


@given(
    st.one_of(
        st.integers(min_value=-(10**15), max_value=10**15),
        st.decimals(min_value=-(10**9), max_value=10**9, places=3, allow_nan=False),
    )
)
def test_vietnamese_formatted_string_reads_like_the_number(value):
    from gendoc.vi.formats import so_vn

    assert so_thanh_chu(so_vn(value)) == so_thanh_chu(value)
