"""Number formats of Vietnamese official documents.

- Vietnamese separators: "." groups thousands, "," marks decimals (1.234.567,89; 12,5%).
- Roman numerals for Phần / Chương / Mục and quý (ND30 Phụ lục I).
- ND30 point letters (điểm a, b, c, d, đ, e …): the Vietnamese alphabet without the diacritic
  vowels and without f, j, w, z; Word's automatic lettering has no "đ", so it is literal text.
- Document numbers ("Số: 05/KH-UBND"): numbers below 10 take a leading zero.

Python's `locale` depends on the OS and Babel is not a dependency, so formatting is done here.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from gendoc.nd30 import POINT_LETTERS

_ROMAN = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip


def _positive_int(n: object, what: str, upper: int | None = None) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        if isinstance(n, str) and n.strip().isdigit():
            n = int(n.strip())
        else:
            raise ValueError(f"{what}: {n!r} không phải số nguyên dương.")
    if n < 1 or (upper is not None and n > upper):
        limit = f" đến {upper}" if upper else ""
        raise ValueError(f"{what}: {n} nằm ngoài phạm vi (phải từ 1{limit}).")
    return n


def roman(n: int) -> str:
    """Roman numeral for 1–3999: 1 → "I", 4 → "IV", 2024 → "MMXXIV"."""
    n = _positive_int(n, "Số La Mã", 3999)
    out = []
    for value, sym in _ROMAN:
        q, n = divmod(n, value)
        out.append(sym * q)
    return "".join(out)


def point_letter(i: int) -> str:
    """ND30 point letter, 1-based: 1 → "a", 5 → "đ", 6 → "e", 7 → "g", 23 → "y".

    ND30 stops at "y" (23 points). Beyond that we continue the way spreadsheet columns do
    (bijective base 23 over the same letters): 24 → "aa", 25 → "ab", …, 46 → "ay", 47 → "ba".
    A legal text with more than 23 points should be split; this only keeps numbering unique.
    """
    i = _positive_int(i, "Số thứ tự điểm")
    base = len(POINT_LETTERS)
    letters = []
    while i > 0:
        i, r = divmod(i - 1, base)
        letters.append(POINT_LETTERS[r])
    return "".join(reversed(letters))


def so_van_ban(n: int) -> str:
    """Document number per ND30 Phụ lục I: below 10 a leading zero (1 → "01"), else as is."""
    n = _positive_int(n, "Số văn bản")
    return f"{n:02d}"


# ---------------------------------------------------------------------------------------------
# Vietnamese separators
# ---------------------------------------------------------------------------------------------
def _to_decimal(value: object) -> Decimal:
    """Exact decimal of a number; strings use Python syntax ("1234.5") — not Vietnamese."""
    if isinstance(value, bool):
        raise ValueError(f"{value!r} không phải là số.")
    if isinstance(value, Decimal):
        d = value
    elif isinstance(value, int):
        d = Decimal(value)
    elif isinstance(value, float):
        d = Decimal(repr(value))
    elif isinstance(value, str):
        try:
            d = Decimal(value.strip())
        except InvalidOperation:
            raise ValueError(f"{value!r} không phải là số.") from None
    else:
        raise ValueError(f"{value!r} không phải là số.")
    if not d.is_finite():
        raise ValueError(f"{value!r} không phải là số hữu hạn.")
    return d


def so_vn(value: object, decimals: int | None = None) -> str:
    """Vietnamese number format: 1234567 → "1.234.567", 12.5 → "12,5", -0.25 → "-0,25".

    `decimals` rounds (half up, the way clerks round by hand) to that many places and keeps
    trailing zeros ("12,50"); without it the digits are written as given (floats by their
    shortest repr, so 0.1 stays "0,1").
    """
    d = _to_decimal(value)
    if decimals is not None:
        if decimals < 0:
            raise ValueError("Số chữ số thập phân phải ≥ 0.")
        d = d.quantize(Decimal(1).scaleb(-decimals), rounding="ROUND_HALF_UP")
    sign = "-" if d < 0 else ""
    text = format(abs(d), "f")
    whole, _, frac = text.partition(".")
    groups = []
    while len(whole) > 3:
        groups.append(whole[-3:])
        whole = whole[:-3]
    groups.append(whole)
    out = ".".join(reversed(groups))
    if frac:
        out += "," + frac
    if out.strip("0.,") == "":
        sign = ""  # never "-0"
    return sign + out


def phan_tram(value: object, decimals: int | None = None, ratio: bool = False) -> str:
    """Percentage with a Vietnamese decimal comma: 12.5 → "12,5%".

    `ratio=True` multiplies by 100 first (0.125 → "12,5%"), for values computed as fractions.
    """
    d = _to_decimal(value)
    if ratio:
        d = (d * 100).normalize()  # 0.125 * 100 = 12.500 → 12.5
    return so_vn(d, decimals) + "%"
