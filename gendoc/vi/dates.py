"""Dates the way Nghị định 30/2020/NĐ-CP writes them.

ND30 (Phụ lục I, Mục II.4) writes the date line as "Kiên Giang, ngày 05 tháng 3 năm 2020":
days 1–9 and months 1–2 get a leading zero, other months do not (so "tháng 02" but "tháng 3").
Before a document is issued the văn thư fills in the day (and often the month) by hand, so a
date may be *partial*: `PartialDate(2016, 12)` renders as "ngày      tháng 12 năm 2016".

Babel and strftime cannot express the month-1/2 rule, hence this module. Report periods
(quý, 6 tháng …) and weekday names live in `gendoc.vi.periods`.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from gendoc.nd30 import DATE_PAD_DAY_BELOW, DATE_PADDED_MONTHS, PLACEHOLDER

_FORMS = (
    "năm (2016), tháng/năm (2016-12 hoặc 12/2016) hoặc ngày đầy đủ (2016-12-05 hoặc 05/12/2016)"
)


@dataclass(frozen=True)
class PartialDate:
    """A date whose day and/or month may not be assigned yet.

    A day needs a month: "ngày 05 … năm 2016" without a month is not a date a clerk would write.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        for name in ("year", "month", "day"):
            v = getattr(self, name)
            if v is not None and (isinstance(v, bool) or not isinstance(v, int)):
                raise ValueError(f"Ngày không hợp lệ: {name}={v!r} phải là số nguyên.")
        if not 1 <= self.year <= 9999:
            raise ValueError(f"Năm không hợp lệ: {self.year} (phải từ 1 đến 9999).")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"Tháng không hợp lệ: {self.month} (phải từ 1 đến 12).")
        if self.day is not None:
            if self.month is None:
                raise ValueError(f"Có ngày ({self.day}) mà thiếu tháng: hãy ghi cả tháng.")
            try:
                _dt.date(self.year, self.month, self.day)
            except ValueError:
                raise ValueError(
                    f"Ngày không có thật: ngày {self.day} tháng {self.month} năm {self.year}."
                ) from None

    @property
    def is_complete(self) -> bool:
        """True when day, month and year are all known."""
        return self.day is not None

    def to_date(self) -> _dt.date:
        """The full `datetime.date`; a ValueError (Vietnamese) if day or month is missing."""
        if self.month is None or self.day is None:
            raise ValueError(f"Ngày chưa đầy đủ ({self.isoformat()}): cần cả ngày và tháng.")
        return _dt.date(self.year, self.month, self.day)

    def isoformat(self) -> str:
        """'2016', '2016-12' or '2016-12-05' — the form content files use."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_DMY = re.compile(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4})")


def parse_date(value: object) -> PartialDate | None:
    """Read a (possibly partial) date from what a content file or template may hold.

    Accepted: None, `datetime.date`/`datetime`, `PartialDate`, an int year, and strings
    "2016", "2016-12", "2016-12-05", "12/2016", "05/12/2016". Anything else raises a ValueError
    whose Vietnamese message names the value and the accepted forms.
    """
    if value is None or isinstance(value, PartialDate):
        return value
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, _dt.date):
        return PartialDate(value.year, value.month, value.day)
    if isinstance(value, int) and not isinstance(value, bool):
        return _build(value, None, None, value)
    if isinstance(value, str):
        text = value.strip()
        m = _ISO.fullmatch(text)
        if m:
            y, mo, d = m.groups()
            return _build(int(y), _opt(mo), _opt(d), value)
        m = _DMY.fullmatch(text)
        if m:
            d, mo, y = m.groups()
            return _build(int(y), int(mo), _opt(d), value)
    raise ValueError(f"Không đọc được ngày {value!r}: hãy viết {_FORMS}.")


def _opt(text: str | None) -> int | None:
    return int(text) if text is not None else None


def _build(year: int, month: int | None, day: int | None, raw: object) -> PartialDate:
    try:
        return PartialDate(year, month, day)
    except ValueError as exc:
        detail = str(exc)
        detail = detail[:1].lower() + detail[1:]
        raise ValueError(f"Ngày {raw!r} không hợp lệ — {detail} Hãy viết {_FORMS}.") from None


def pad_day(day: int) -> str:
    """ND30: days 1–9 take a leading zero ("05"), others are written as they are."""
    return f"{day:02d}" if day < DATE_PAD_DAY_BELOW else str(day)


def pad_month(month: int) -> str:
    """ND30: only months 1 and 2 take a leading zero ("02"); "tháng 3", never "tháng 03"."""
    return f"{month:02d}" if month in DATE_PADDED_MONTHS else str(month)


def ngay_thang_nam(value: object, placeholder: str = PLACEHOLDER) -> str:
    """The ND30 date words: "ngày 05 tháng 3 năm 2020".

    Unknown parts (a PartialDate, or None for a wholly undated draft) are replaced by
    `placeholder`, the blank the văn thư fills in by hand: "ngày      tháng 12 năm 2016".
    """
    d = parse_date(value)
    if d is None:
        return f"ngày {placeholder} tháng {placeholder} năm {placeholder}"
    day = pad_day(d.day) if d.day is not None else placeholder
    month = pad_month(d.month) if d.month is not None else placeholder
    return f"ngày {day} tháng {month} năm {d.year}"


def dia_danh_ngay(place: str, value: object, placeholder: str = PLACEHOLDER) -> str:
    """The full place-and-date line: "Kiên Giang, ngày 05 tháng 3 năm 2020"."""
    place = (place or "").strip()
    if not place:
        raise ValueError("Thiếu địa danh cho dòng địa danh, ngày tháng (ví dụ: Kiên Giang).")
    return f"{place}, {ngay_thang_nam(value, placeholder)}"
