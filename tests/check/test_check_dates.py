"""Date line (ô 4) across the calendar: ND30's padding rule and real dates, by property."""

from __future__ import annotations

import datetime as dt

from gooddoc import Good, build
from hypothesis import given, settings
from hypothesis import strategies as st

from gendoc import nd30
from gendoc.check import check_document

DATE_RULES = ("date.format", "date.valid", "draft.placeholder")


def nd30_date(d: dt.date, place: str = "Kiên Giang") -> str:
    day = f"{d.day:02d}" if d.day < 10 else str(d.day)
    month = f"{d.month:02d}" if d.month in (1, 2) else str(d.month)
    return f"{place}, ngày {day} tháng {month} năm {d.year}"


def fired(text: str) -> set[str]:
    return check_document(build(Good(date=text)), only=DATE_RULES).rules_fired()


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_every_real_date_in_nd30_form_passes(d: dt.date) -> None:
    assert fired(nd30_date(d)) == set()


@settings(max_examples=25, deadline=None)
@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_padding_months_three_to_nine_is_caught(d: dt.date) -> None:
    text = f"Hà Nội, ngày {d.day:02d} tháng {d.month:02d} năm {d.year}"
    padded_wrongly = d.month not in nd30.DATE_PADDED_MONTHS and d.month < 10  # "06", not "10"
    want = {"date.format"} if padded_wrongly else set()
    assert fired(text) == want


@settings(max_examples=15, deadline=None)
@given(st.integers(1, 9), st.integers(1, 12))
def test_unpadded_small_day_is_caught(day: int, month: int) -> None:
    d = dt.date(2021, month, day)
    text = nd30_date(d).replace(f"ngày {day:02d}", f"ngày {day}")
    assert fired(text) == {"date.format"}


def test_impossible_dates() -> None:
    assert fired("Kiên Giang, ngày 31 tháng 4 năm 2021") == {"date.valid"}
    assert fired("Kiên Giang, ngày 29 tháng 02 năm 2021") == {"date.valid"}
    assert fired("Kiên Giang, ngày 29 tháng 02 năm 2024") == set()


def test_wrong_shapes() -> None:
    assert fired("Kiên Giang, 05/02/2020") == {"date.format"}
    assert fired("kiên Giang, ngày 05 tháng 02 năm 2020") == {"date.format"}
    assert fired("Kiên Giang ngày 05 tháng 02 năm 2020") == {"date.format"}
    assert fired("Kiên Giang, Ngày 05 tháng 02 năm 2020") == {"date.format"}
