"""Vietnamese alphabetical order and official name order."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from gendoc.vi.collate import ALPHABET, khoa_chu, khoa_ten, sap_xep, sap_xep_ten


def nfd(s: str) -> str:
    return unicodedata.normalize("NFD", s)


def test_alphabet_order():
    letters = [
        "a",
        "ă",
        "â",
        "b",
        "c",
        "d",
        "đ",
        "e",
        "ê",
        "g",
        "h",
        "i",
        "k",
        "l",
        "m",
        "n",
        "o",
        "ô",
        "ơ",
        "p",
        "q",
        "r",
        "s",
        "t",
        "u",
        "ư",
        "v",
        "x",
        "y",
    ]
    assert [x for x in ALPHABET if x in letters] == letters
    shuffled = list(reversed(letters))
    assert sap_xep(shuffled) == letters


def test_tones_after_letters_in_traditional_order():
    # ngang, huyền, hỏi, ngã, sắc, nặng
    tones = ["ma", "mà", "mả", "mã", "má", "mạ"]
    assert sap_xep(reversed(tones)) == tones
    # letters decide first: "mạ" < "mai" although nặng > ngang
    assert sap_xep(["mai", "mạ"]) == ["mạ", "mai"]


def test_known_pitfalls():
    # code points put Đ after Y and UCA puts Ân before Ánh
    assert sap_xep(["Ý", "Đức", "Dũng", "Bình", "Ân", "Ánh", "Anh", "An"]) == [
        "An",
        "Anh",
        "Ánh",
        "Ân",
        "Bình",
        "Dũng",
        "Đức",
        "Ý",
    ]
    assert sap_xep(["Dương", "Đặng"]) == ["Dương", "Đặng"]
    assert sap_xep(["Vũ", "Đỗ"]) == ["Đỗ", "Vũ"]


NAMES_IN_ORDER = [
    "Nguyễn Thị Bích An",
    "Trần Văn An",
    "Lê Văn Án",
    "Phạm Thị Ánh",
    "Lý Văn Ăn",
    "Võ Thị Ân",
    "Hoàng Văn Ẩn",
    "Huỳnh Văn Bảy",
    "Nguyễn Văn Bình",
    "Đặng Thị Cúc",
    "Dương Văn Dũng",
    "Nguyễn Văn Đức",
    "Trương Thị Em",
    "Lê Thị Ê",
    "Phan Văn Hòa",
    "Nguyễn Thị Huệ",
    "Mai Văn Hùng",
    "Tô Thị Hưng",
    "Lâm Văn Khải",
    "Lê Thị Kiều",
    "Trần Văn Lộc",
    "Nguyễn Thị Ngọc",
    "Trần Thị Nhàn",
    "Hồ Văn Ô",
    "Cao Thị Ơn",
    "Lê Văn Quý",
    "Đinh Văn Sơn",
    "Trần Thị Thủy",
    "Nguyễn Văn Tư",
    "Nguyễn Văn Ửng",
    "Vũ Văn Vĩ",
    "Ngô Thị Xuân",
    "Mạc Thị Ỹ",
    "Kim Thị Yến",
]


def test_official_name_order():
    shuffled = NAMES_IN_ORDER[::2][::-1] + NAMES_IN_ORDER[1::2]
    assert sap_xep_ten(shuffled) == NAMES_IN_ORDER


def test_name_list_covers_every_letter_and_tone():
    text = " ".join(NAMES_IN_ORDER).lower()
    for letter in "ăâđêôơư":
        assert letter in text
    marks = {"\u0300", "\u0309", "\u0303", "\u0301", "\u0323"}
    assert marks <= set(nfd(text))


def test_given_then_middle_then_family():
    names = ["Nguyễn Văn Bình", "Lê Bình", "Nguyễn An Bình", "Đỗ Văn Bình", "Bình"]
    assert sap_xep_ten(names) == [
        "Bình",
        "Lê Bình",
        "Nguyễn An Bình",
        "Đỗ Văn Bình",
        "Nguyễn Văn Bình",
    ]


def test_nfd_input_sorts_like_nfc():
    nfd_names = [nfd(n) for n in reversed(NAMES_IN_ORDER)]
    result = sap_xep_ten(nfd_names)
    assert [unicodedata.normalize("NFC", n) for n in result] == NAMES_IN_ORDER
    # the author's spelling (here NFD) is returned untouched
    assert all(n in nfd_names for n in result)


def test_old_and_new_tone_placement_sort_together():
    assert khoa_ten("Phan Văn Hoà")[0] == khoa_ten("Phan Văn Hòa")[0]


def test_dicts_by_attribute():
    people = [{"ho_ten": "Nguyễn Văn Đức"}, {"ho_ten": "Trần Văn An"}]
    assert [p["ho_ten"] for p in sap_xep_ten(people, "ho_ten")] == ["Trần Văn An", "Nguyễn Văn Đức"]


_LETTERS = "aăâbcdđeêghiklmnoôơpqrstuưvxyÀÁẢÃẠàáảãạèéẻẽẹềếểễệòóỏõọờớởỡợùúủũụừứửữự"
_SYLLABLE = st.text(alphabet=_LETTERS, min_size=1, max_size=4)
_NAME = st.lists(_SYLLABLE, min_size=1, max_size=4).map(" ".join)


@given(st.lists(_NAME, max_size=12))
def test_sort_is_the_same_for_nfc_and_nfd(names):
    names = [unicodedata.normalize("NFC", n) for n in names]
    by_nfc = sap_xep_ten(names)
    by_nfd = sap_xep_ten([nfd(n) for n in names])
    assert [unicodedata.normalize("NFC", n) for n in by_nfd] == by_nfc
    assert sap_xep([nfd(n) for n in by_nfc]) == [nfd(n) for n in sap_xep(by_nfc)]


@given(_NAME, _NAME, _NAME)
def test_name_key_is_a_total_order(a, b, c):
    ka, kb, kc = khoa_ten(a), khoa_ten(b), khoa_ten(c)
    assert (ka == kb) == (unicodedata.normalize("NFC", a) == unicodedata.normalize("NFC", b))
    if ka <= kb and kb <= kc:
        assert ka <= kc
    assert khoa_chu(a) == khoa_chu(nfd(a))
