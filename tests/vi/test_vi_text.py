"""Text hygiene: NFC, tone placement, matching keys, capitalisation."""

from __future__ import annotations

import unicodedata

import pytest

from gendoc.vi.text import (
    bo_trung,
    doi_dau,
    khoa_so_khop,
    nfc,
    split_tone,
    viet_hoa_don_vi,
    viet_hoa_ten,
)


def test_nfc():
    decomposed = unicodedata.normalize("NFD", "Kiên Giang")
    assert decomposed != "Kiên Giang"
    assert nfc(decomposed) == "Kiên Giang"


@pytest.mark.parametrize(
    ("new", "old"),
    [
        ("hoà", "hòa"),
        ("thuỷ", "thủy"),
        ("uỷ", "ủy"),
        ("khoẻ", "khỏe"),
        ("hoá", "hóa"),
        ("HOÀ", "HÒA"),
        ("Uỷ", "Ủy"),
        ("loè", "lòe"),
        ("tuỳ", "tùy"),
    ],
)
def test_tone_placement_both_ways(new, old):
    assert doi_dau(new, "cu") == old
    assert doi_dau(old, "moi") == new


@pytest.mark.parametrize(
    "unchanged", ["quý", "hoàng", "toán", "khuya", "thuở", "hỏi", "của", "ngoài", "Quỳnh", "hoa"]
)
def test_tone_placement_leaves_other_syllables(unchanged):
    assert doi_dau(unchanged, "cu") == unchanged
    assert doi_dau(unchanged, "moi") == unchanged


def test_doi_dau_rejects_unknown_style():
    with pytest.raises(ValueError, match="Kiểu bỏ dấu"):
        doi_dau("hoà", "xyz")


def test_split_tone():
    assert split_tone("hòa") == ("hoa", 1)
    assert split_tone("Được") == ("Đươc", 5)
    assert split_tone("an") == ("an", 0)


def test_matching_key_unifies_spellings():
    a = "Ủy ban nhân dân xã Vĩnh Hoà  Hưng"
    b = unicodedata.normalize("NFD", "uỷ ban nhân dân xã vĩnh hòa hưng")
    assert khoa_so_khop(a) == khoa_so_khop(b)


def test_dedupe_keeps_first_spelling():
    names = ["Trần Thị Thuỷ", "trần thị thủy", unicodedata.normalize("NFD", "Trần Thị Thủy"), "An"]
    assert bo_trung(names) == ["Trần Thị Thuỷ", "An"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("nguyễn văn an", "Nguyễn Văn An"),
        ("TRẦN THỊ ÁNH", "Trần Thị Ánh"),
        ("  đặng   hữu  ĐỨC ", "Đặng Hữu Đức"),
        (unicodedata.normalize("NFD", "ưng hoàng phúc"), "Ưng Hoàng Phúc"),
        ("y-moan ê-ban", "Y-Moan Ê-Ban"),
    ],
)
def test_viet_hoa_ten(raw, expected):
    assert viet_hoa_ten(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("ủy ban nhân dân tỉnh kiên giang", "Ủy ban nhân dân tỉnh Kiên Giang"),
        ("SỞ TÀI NGUYÊN VÀ MÔI TRƯỜNG", "Sở Tài nguyên và Môi trường"),
        ("sở lao động - thương binh và xã hội", "Sở Lao động - Thương binh và Xã hội"),
        (
            "phòng tài chính - kế hoạch huyện châu thành",
            "Phòng Tài chính - Kế hoạch huyện Châu Thành",
        ),
        (
            "văn phòng ủy ban nhân dân thành phố rạch giá",
            "Văn phòng Ủy ban nhân dân thành phố Rạch Giá",
        ),
        ("sở văn hóa, thể thao và du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
        ("trung tâm y tế huyện an biên", "Trung tâm Y tế huyện An Biên"),
        ("kho bạc nhà nước kiên giang", "Kho bạc Nhà nước Kiên Giang"),
        ("hội đồng nhân dân huyện phú quốc", "Hội đồng nhân dân huyện Phú Quốc"),
        ("ủy ban nhân dân xã vĩnh hòa hưng bắc", "Ủy ban nhân dân xã Vĩnh Hòa Hưng Bắc"),
    ],
)
def test_viet_hoa_don_vi(raw, expected):
    assert viet_hoa_don_vi(raw) == expected
