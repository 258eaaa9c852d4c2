"""TCVN3 and VNI tables: round-trips over all 134 precomposed Vietnamese letters."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gendoc.vi.legacy import (
    LOWER_LETTERS,
    TCVN3,
    TCVN3_ENCODE,
    VIETNAMESE_LETTERS,
    VNI,
    decode,
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
    font_encoding,
    guess_encoding,
)

TCVN3_CAPITALS = "ĂÂÊÔƠƯĐ"  # the only capitals with diacritics in the normal .VnTime font


def test_there_are_134_letters():
    assert len(VIETNAMESE_LETTERS) == 134
    assert len(set(VIETNAMESE_LETTERS)) == 134
    assert all(unicodedata.is_normalized("NFC", ch) for ch in VIETNAMESE_LETTERS)
    assert all(not ch.isascii() for ch in VIETNAMESE_LETTERS)


def test_tcvn3_table_is_one_byte_and_injective():
    assert len(TCVN3_ENCODE) == 67 + 7
    codes = list(TCVN3_ENCODE.values())
    assert len(set(codes)) == len(codes)
    assert all(len(c) == 1 and 0xA1 <= ord(c) <= 0xFE for c in codes)


@pytest.mark.parametrize("letter", list(LOWER_LETTERS))
def test_tcvn3_round_trip_lower(letter):
    assert decode_tcvn3(encode_tcvn3(letter)) == letter


@pytest.mark.parametrize("letter", list(LOWER_LETTERS.upper()))
def test_tcvn3_round_trip_upper_via_h_font(letter):
    coded = encode_tcvn3(letter, upper_font=True)
    assert decode_tcvn3(coded, upper_font=True) == letter
    if letter in TCVN3_CAPITALS:
        assert decode_tcvn3(encode_tcvn3(letter)) == letter
    else:
        with pytest.raises(ValueError, match="VnTimeH"):
            encode_tcvn3(letter)


@pytest.mark.parametrize("letter", list(VIETNAMESE_LETTERS))
def test_vni_round_trip_both_cases(letter):
    coded = encode_vni(letter)
    assert 1 <= len(coded) <= 2
    assert decode_vni(coded) == letter


def test_vni_codes_are_unique():
    codes = [encode_vni(ch) for ch in VIETNAMESE_LETTERS]
    assert len(set(codes)) == 134


def test_whole_alphabet_in_one_text():
    text = " ".join(VIETNAMESE_LETTERS)
    assert decode_vni(encode_vni(text)) == text
    lower = " ".join(LOWER_LETTERS)
    assert decode_tcvn3(encode_tcvn3(lower)) == lower


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        # how these lines look when a .VnTime document is opened without the font
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§éc lËp - Tù do - H¹nh phóc", "Độc lập - Tự do - Hạnh phúc"),
        ("ñy ban nh©n d©n tØnh Kiªn Giang", "ủy ban nhân dân tỉnh Kiên Giang"),
    ],
)
def test_known_tcvn3_text(legacy, unicode):
    assert decode_tcvn3(legacy) == unicode


def test_known_h_font_text():
    assert decode_tcvn3("céng hoµ x· héi", upper_font=True) == "CỘNG HOÀ XÃ HỘI"


@pytest.mark.parametrize(
    ("legacy", "unicode"),
    [
        ("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("UÛY BAN NHAÂN DAÂN TÆNH KIEÂN GIANG", "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG"),
        ("Nguyeãn Thò Thuûy, Döông Vaên Ñaëng", "Nguyễn Thị Thủy, Dương Văn Đặng"),
    ],
)
def test_known_vni_text(legacy, unicode):
    assert decode_vni(legacy) == unicode


def test_vni_mixed_shift_states_read_as_the_base_case():
    assert decode_vni("Aù") == "Á"
    assert decode_vni("aÙ") == "á"


@given(st.text(alphabet=LOWER_LETTERS + "abcdeghiklmnopqrstuvxy ,.-0123456789"))
def test_tcvn3_round_trip_any_lower_text(text):
    assert decode_tcvn3(encode_tcvn3(text)) == text


@given(st.text(alphabet=VIETNAMESE_LETTERS + "bcdghklmnpqrstvx BCDGHKLMNPQRSTVX,.-0123456789"))
def test_vni_round_trip_any_text(text):
    assert decode_vni(encode_vni(text)) == text


@pytest.mark.parametrize(
    ("font", "expected"),
    [
        (".VnTime", (TCVN3, False)),
        (".VnTimeH", (TCVN3, True)),
        (".VnArial NarrowH", (TCVN3, True)),
        (".vntime", (TCVN3, False)),
        ("VNI-Times", (VNI, False)),
        ("VNI-Helve-Condense", (VNI, False)),
        ("Times New Roman", None),
        (None, None),
        ("", None),
    ],
)
def test_font_encoding(font, expected):
    assert font_encoding(font) == expected


def test_unicode_text_is_never_decoded_twice():
    text = "Cộng hòa"
    assert decode(text, TCVN3) == text
    assert decode(text, VNI) == text


@pytest.mark.parametrize(
    "sample",
    [
        "Cộng hòa xã hội chủ nghĩa Việt Nam",
        "Độc lập - Tự do - Hạnh phúc",
        "Ủy ban nhân dân tỉnh Kiên Giang báo cáo tình hình kinh tế - xã hội quý II",
        "đủ",
    ],
)
def test_guess_encoding(sample):
    assert guess_encoding(encode_tcvn3(sample.lower())) == TCVN3
    assert guess_encoding(encode_vni(sample)) == VNI
    assert guess_encoding(sample) is None
    assert guess_encoding("plain ASCII") is None
    assert guess_encoding("Tôi là ai, báo cáo quý") is None  # Unicode needing only Latin-1
