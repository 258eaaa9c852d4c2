"""Numbers in words: the formal reading used in official and financial documents ("Bằng chữ").

The rules, as a kho bạc clerk checks them:

- Groups of three digits named nghìn (or ngàn), triệu, tỷ; above tỷ the count of tỷ is itself read
  as a number: 10^12 → "một nghìn tỷ", 2_003 × 10^9 → "hai nghìn không trăm linh ba tỷ".
- A group that is entirely zero is skipped (1_000_005 → "một triệu không trăm linh năm").
- Inside a number (every group but the leading one) an empty hundreds place is read
  "không trăm": 1001 → "một nghìn không trăm linh một".
- An empty tens place before a unit is read "linh" (or "lẻ"): 105 → "một trăm linh năm".
- Tens: 10–19 "mười …", 20–99 "… mươi …"; unit 1 after "mươi" is "mốt", unit 5 after mười/mươi
  is "lăm", unit 4 after "mươi" is "tư" (or "bốn").
- Negative numbers start with "âm"; decimals follow "phẩy" and are read as written: the digits
  after the comma are read as a number with their leading zeros ("1,05" → "một phẩy không năm",
  "1,5" → "một phẩy năm", "1,50" → "một phẩy năm mươi"); more than three significant decimal
  digits are read digit by digit.

num2words 0.5 gets several of these wrong ("hai nghìn lẻ hai mươi mốt" for 2021), which is why
gendoc reads numbers itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")
_BILLION = 10**9


@dataclass(frozen=True)
class Style:
    """Regional/house choices: "linh" or "lẻ", "nghìn" or "ngàn", "tư" or "bốn", "tỷ" or "tỉ"."""

    linh: str = "linh"
    nghin: str = "nghìn"
    tu: str = "tư"
    ty: str = "tỷ"

    def __post_init__(self) -> None:
        allowed = {"linh": ("linh", "lẻ"), "nghin": ("nghìn", "ngàn"), "tu": ("tư", "bốn"),
                   "ty": ("tỷ", "tỉ")}  # fmt: skip
        for field, values in allowed.items():
            if getattr(self, field) not in values:
                raise ValueError(
                    f"Kiểu đọc số không hợp lệ: {field}={getattr(self, field)!r} "
                    f"(chỉ nhận {' hoặc '.join(values)})."
                )


DEFAULT_STYLE = Style()


# ---------------------------------------------------------------------------------------------
# Parsing: what counts as a number
# ---------------------------------------------------------------------------------------------
_VN_NUMBER = re.compile(
    r"(?P<sign>[-+−]?)\s*(?P<int>\d{1,3}(?:[. \u00a0]\d{3})+|\d+)(?:,(?P<frac>\d+))?"
)
_PY_NUMBER = re.compile(r"(?P<sign>[-+−]?)(?P<int>\d+)\.(?P<frac>\d+)")


def parse_number(value: object) -> tuple[bool, int, str]:
    """Split a number into (negative, integer part, decimal digits as written).

    Numbers: int, Decimal, float (read by its shortest repr: 0.1 is "0,1"). Strings are read the
    Vietnamese way — "." or a space groups thousands, "," marks decimals ("1.234.567,5") — and a
    single "." that cannot be a thousands separator ("1.5", "12.25") is taken as a decimal point.
    Anything else raises ValueError with a Vietnamese message.
    """
    if isinstance(value, bool) or value is None:
        raise ValueError(f"{value!r} không phải là số.")
    if isinstance(value, int):
        return value < 0, abs(value), ""
    if isinstance(value, float):
        if value != value or value in (float("inf"), float("-inf")):
            raise ValueError(f"{value!r} không phải là số hữu hạn.")
        value = Decimal(repr(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueError(f"{value!r} không phải là số hữu hạn.")
        text = format(value, "f")
        negative = text.startswith("-")
        digits, _, frac = text.lstrip("-").partition(".")
        return negative, int(digits), frac
    if isinstance(value, str):
        text = value.strip()
        m = _VN_NUMBER.fullmatch(text) or _PY_NUMBER.fullmatch(text)
        if m:
            whole = int(re.sub(r"\D", "", m.group("int")))
            return m.group("sign") in ("-", "−"), whole, m.group("frac") or ""
        raise ValueError(
            f"'{value}' không phải là số. Viết số bằng chữ số, ví dụ 1234567, 1.234.567 "
            "hoặc 12,5 (dấu chấm ngăn cách hàng nghìn, dấu phẩy trước phần thập phân)."
        )
    raise ValueError(f"{value!r} không phải là số.")


# ---------------------------------------------------------------------------------------------
# Reading
# ---------------------------------------------------------------------------------------------
def _group(n: int, leading: bool, style: Style) -> list[str]:
    """Read a group 0–999; inside a number (not leading) it always has its hundreds place."""
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    words: list[str] = []
    if hundreds or not leading:
        words += [DIGITS[hundreds], "trăm"]
    if tens == 0:
        if unit:
            words += [style.linh, DIGITS[unit]] if words else [DIGITS[unit]]
    elif tens == 1:
        words.append("mười")
        if unit:
            words.append("lăm" if unit == 5 else DIGITS[unit])
    else:
        words += [DIGITS[tens], "mươi"]
        if unit:
            words.append({1: "mốt", 4: style.tu, 5: "lăm"}.get(unit, DIGITS[unit]))
    return words


def _below_billion(n: int, leading: bool, style: Style) -> list[str]:
    words: list[str] = []
    for value, name in ((n // 10**6, "triệu"), (n // 1000 % 1000, style.nghin), (n % 1000, "")):
        if value:
            words += _group(value, leading and not words, style)
            if name:
                words.append(name)
    return words


def _integer(n: int, leading: bool, style: Style) -> list[str]:
    if n >= _BILLION:
        billions, rest = divmod(n, _BILLION)
        words = _integer(billions, leading, style) + [style.ty]
        if rest:
            words += _below_billion(rest, False, style)
        return words
    return _below_billion(n, leading, style)


def _fraction(digits: str, style: Style) -> list[str]:
    significant = digits.lstrip("0")
    words = [DIGITS[0]] * (len(digits) - len(significant))
    if len(significant) > 3:
        words += [DIGITS[int(c)] for c in significant]
    elif significant:
        words += _integer(int(significant), True, style)
    return words


def so_thanh_chu(
    value: object,
    linh: str = "linh",
    nghin: str = "nghìn",
    tu: str = "tư",
    ty: str = "tỷ",
) -> str:
    """The formal reading of a number, lower case: 1050000 → "một triệu không trăm năm mươi nghìn".

    `linh="lẻ"`, `nghin="ngàn"`, `tu="bốn"`, `ty="tỉ"` switch to the other accepted spellings.
    """
    style = Style(linh=linh, nghin=nghin, tu=tu, ty=ty)
    negative, whole, frac = parse_number(value)
    words = _integer(whole, True, style) if whole else [DIGITS[0]]
    if frac:
        words += ["phẩy", *_fraction(frac, style)]
    if negative and (whole or frac.strip("0")):
        words.insert(0, "âm")
    return " ".join(words)


def viet_hoa_dau(text: str) -> str:
    """Capitalise the first letter only ("một triệu đồng" → "Một triệu đồng")."""
    return text[:1].upper() + text[1:]


def tien_bang_chu(
    value: object,
    don_vi: str = "đồng",
    chan: bool = False,
    linh: str = "linh",
    nghin: str = "nghìn",
    tu: str = "tư",
    ty: str = "tỷ",
) -> str:
    """The amount for the "Bằng chữ:" line: 1250000 → "Một triệu hai trăm năm mươi nghìn đồng".

    `chan=True` adds "chẵn" to a whole amount ("Một triệu đồng chẵn"); `don_vi` names another
    unit ("triệu đồng", "USD").
    """
    words = so_thanh_chu(value, linh=linh, nghin=nghin, tu=tu, ty=ty)
    if don_vi:
        words += f" {don_vi}"
    if chan and "phẩy" not in words:
        words += " chẵn"
    return viet_hoa_dau(words)
