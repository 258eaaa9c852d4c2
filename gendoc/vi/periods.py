"""Report periods and weekday names.

Báo cáo titles name their period in a few fixed ways: "quý II năm 2017", "6 tháng đầu năm 2017",
"9 tháng đầu năm 2017", "năm 2017", "tháng 3 năm 2017"; comparisons say "so với cùng kỳ năm
2016". Content files name the period with a short unaccented code (`ky: quy_2`), so the phrase
is written the same way in every report.

Weekdays follow the capitalisation of Vietnamese official texts: "thứ Hai" … "thứ Bảy",
"Chủ nhật" (a giấy mời: "vào lúc 08 giờ 00, thứ Hai, ngày 05 tháng 02 năm 2024").
"""

from __future__ import annotations

import datetime as _dt
import re

from gendoc.vi.dates import ngay_thang_nam, pad_month, parse_date
from gendoc.vi.formats import roman

WEEKDAYS = ("thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy", "Chủ nhật")

_PERIODS = {
    "nam": "năm",
    "6_thang": "6 tháng đầu năm",
    "6_thang_dau_nam": "6 tháng đầu năm",
    "6_thang_cuoi_nam": "6 tháng cuối năm",
    "9_thang": "9 tháng đầu năm",
    "9_thang_dau_nam": "9 tháng đầu năm",
    "3_thang": "3 tháng đầu năm",
    "3_thang_dau_nam": "3 tháng đầu năm",
}
_CODES = "quy_1 … quy_4, thang_1 … thang_12, 3_thang, 6_thang, 9_thang, 6_thang_cuoi_nam, nam"


def ten_ky(ky: str) -> str:
    """The period phrase without its year: "quy_2" → "quý II", "6_thang" → "6 tháng đầu năm"."""
    code = re.sub(r"[\s\-]+", "_", str(ky).strip().lower())
    if code in _PERIODS:
        return _PERIODS[code]
    m = re.fullmatch(r"(?:quy|q)_?([1-4])", code)
    if m:
        return f"quý {roman(int(m.group(1)))}"
    m = re.fullmatch(r"thang_?(\d{1,2})", code)
    if m and 1 <= int(m.group(1)) <= 12:
        return f"tháng {pad_month(int(m.group(1)))}"
    raise ValueError(f"Kỳ báo cáo không hợp lệ: {ky!r}. Dùng một trong: {_CODES}.")


def _year(nam: object) -> int:
    d = parse_date(nam)
    if d is None:
        raise ValueError("Thiếu năm của kỳ báo cáo (ví dụ: 2017).")
    return d.year


def ky_bao_cao(ky: str, nam: object) -> str:
    """Period with its year: ("quy_2", 2017) → "quý II năm 2017"; ("nam", 2017) → "năm 2017"."""
    name = ten_ky(ky)
    year = _year(nam)
    # "năm", "6 tháng đầu năm" already end with "năm"; "quý II", "tháng 3" need it
    return f"{name} {year}" if name.endswith("năm") else f"{name} năm {year}"


def cung_ky(nam: object, ky: str | None = None) -> str:
    """The comparison phrase: 2017 → "so với cùng kỳ năm 2016"."""
    year = _year(nam)
    if ky is not None:
        ten_ky(ky)  # validate the code even though the phrase does not repeat it
    return f"so với cùng kỳ năm {year - 1}"


def quy(value: object) -> str:
    """The quarter of a date in Roman numerals: 2024-05-10 → "II"."""
    d = parse_date(value)
    if d is None or d.month is None:
        raise ValueError(f"Cần ngày có tháng để tính quý, nhận được {value!r}.")
    return roman((d.month - 1) // 3 + 1)


def _full_date(value: object) -> _dt.date:
    d = parse_date(value)
    if d is None or not d.is_complete:
        raise ValueError(f"Cần ngày đầy đủ (YYYY-MM-DD) để biết thứ, nhận được {value!r}.")
    return d.to_date()


def thu(value: object, hoa: bool = False) -> str:
    """Weekday name: 2024-02-05 → "thứ Hai"; `hoa=True` at the start of a sentence ("Thứ Hai")."""
    name = WEEKDAYS[_full_date(value).weekday()]
    return name[:1].upper() + name[1:] if hoa else name


def thu_ngay(value: object, hoa: bool = False) -> str:
    """Weekday and ND30 date: "thứ Hai, ngày 05 tháng 02 năm 2024"."""
    return f"{thu(value, hoa)}, {ngay_thang_nam(_full_date(value))}"
