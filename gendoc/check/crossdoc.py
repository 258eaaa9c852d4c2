"""Rules across the documents of a workspace: what a văn thư catches by holding two papers side by side.

- `xref.parent_citation`: a document that implements a parent (`thuc_hien_ke_hoach`) must cite
  the parent's number and date once the parent is issued (number and full date in its content
  file, or an issued entry in the register).
- `xref.deadline`: a document dated after a deadline it is bound by — the one its parent gave it
  («gửi về … trước ngày 25/01/2017»), or the one it sets for sending itself.
- `xref.report_year`: a report on year N dated before year N or after year N + 1.
- `xref.course_target`: participants outside the course's target group (a course for women
  leaders with men enrolled — and certified).
- `xref.unit_name`: a unit's name at the document's date — a renamed unit (`ten_cu` in
  gendoc.yaml) written in a document's text by a name it did not bear that day.

Each rule reads validated content (the same models `gendoc build` renders), never the .docx, so a
finding names the content file and the field to fix.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from gendoc.check.model import CANH_BAO, LOI, Finding, Severity
from gendoc.vi.formats import so_van_ban

_DEADLINE = re.compile(
    r"trước\s+ngày\s+(\d{1,2})\s*(?:/|\s+tháng\s+)(\d{1,2})\s*(?:/|\s+năm\s+)(\d{4})", re.I)
_SEND_SELF = re.compile(r"gửi\s+(?:kế hoạch|báo cáo|văn bản)\s+này", re.I)
_SEND_PLAN = re.compile(r"xây dựng\s+kế hoạch.{0,300}?gửi", re.I | re.S)
_WOMEN = re.compile(r"^\s*nữ\b|\bcho\s+nữ\b|\bdành\s+cho\s+nữ\b", re.I)


@dataclass
class Doc:
    """One content file as the rules see it: its path (shown), kind name and validated data."""

    shown: str
    path: Path
    kind: str
    data: Any


def _date(value: Any) -> dt.date | None:
    """A full date from a PartialDate (None while the day or month is still blank)."""
    if value is None or getattr(value, "day", None) is None:
        return None
    return dt.date(value.year, value.month, value.day)


def _texts(value: Any) -> Iterator[str]:
    """Every string inside a content model (paragraphs, items, tables), in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _texts(item)
    elif hasattr(value, "model_dump"):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name))


def _fmt(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


# -- parent citation ---------------------------------------------------------------------------
def issued(doc: Doc, register: Callable[[Doc], tuple[int, dt.date] | None] | None
           ) -> tuple[int, dt.date] | None:
    """(number, date) when the document is issued: from its content, else from the register."""
    number, day = getattr(doc.data, "so", None), _date(getattr(doc.data, "ngay", None))
    if number and day:
        return number, day
    return register(doc) if register is not None else None


def parent_of(doc: Doc, by_path: dict[str, Doc]) -> Doc | None:
    ref = getattr(doc.data, "thuc_hien_ke_hoach", None)
    if not ref:
        return None
    return by_path.get(Path(ref).as_posix())


def _citation_problems(child: Doc, parent: Doc, number: int, day: dt.date,
                       symbol: str) -> Iterator[str]:
    text = " ".join(" ".join(_texts(child.data)).split())
    cited = f"{so_van_ban(number)}/{symbol}"
    if cited not in text:
        yield (f"trích dẫn văn bản cấp trên ({parent.shown}) chưa ghi số «{cited}» dù văn bản đó đã "
               f"ban hành — sửa câu trích dẫn (mo_dau/can_cu) thành «… số {cited} ngày {_fmt(day)} …».")
    long_form = f"ngày {day.day:02d} tháng {day.month:02d} năm {day.year}"
    variants = {_fmt(day), f"{day.day}/{day.month}/{day.year}", long_form,
                f"ngày {day.day:02d} tháng {day.month} năm {day.year}"}
    if not any(v in text for v in variants):
        yield (f"trích dẫn văn bản cấp trên ({parent.shown}) chưa ghi ngày ban hành {_fmt(day)} — "
               f"ghi «{long_form}» vào câu trích dẫn.")


# -- the rules ---------------------------------------------------------------------------------
def parent_citation(docs: list[Doc], by_path: dict[str, Doc], symbol_of: Callable[[Doc], str],
                    register: Callable[[Doc], tuple[int, dt.date] | None] | None = None
                    ) -> Iterator[tuple[str, str, Severity]]:
    for doc in docs:
        parent = parent_of(doc, by_path)
        if parent is None:
            continue
        found = issued(parent, register)
        if found is None:
            continue
        for message in _citation_problems(doc, parent, *found, symbol_of(parent)):
            yield doc.shown, message, LOI


def _deadlines(text: str) -> Iterator[tuple[dt.date, str]]:
    for match in _DEADLINE.finditer(text):
        try:
            day = dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
        except ValueError:
            continue
        start = max(text.rfind(".", 0, match.start()), text.rfind(";", 0, match.start()), 0)
        yield day, text[start:match.end()]


def deadline(docs: list[Doc], by_path: dict[str, Doc]) -> Iterator[tuple[str, str, Severity]]:
    for doc in docs:
        day = _date(getattr(doc.data, "ngay", None))
        if day is None:
            continue
        for text in _texts(doc.data):
            for due, sentence in _deadlines(text):
                if _SEND_SELF.search(sentence) and due < day:
                    yield doc.shown, (f"văn bản ngày {_fmt(day)} lại giao gửi chính văn bản này «trước "
                                      f"ngày {_fmt(due)}» (hạn đã qua) — sửa hạn gửi hoặc ngày ban hành."), LOI
        parent = parent_of(doc, by_path)
        if parent is None or getattr(doc.data, "loai", None) != getattr(parent.data, "loai", None):
            continue
        own = " ".join(" ".join(_texts(doc.data)).split())
        for text in _texts(parent.data):
            for due, sentence in _deadlines(text):
                if _SEND_PLAN.search(sentence) and due < day and not _explains_delay(own, due):
                    late = (day - due).days
                    yield doc.shown, (f"ban hành ngày {_fmt(day)}, sau hạn {_fmt(due)} mà văn bản cấp "
                                      f"trên {parent.shown} giao ({late} ngày) — nếu đúng là trễ hạn, "
                                      "báo cáo lý do với cơ quan cấp trên."), CANH_BAO


def _explains_delay(text: str, due: dt.date) -> bool:
    """The late document itself names the missed deadline and says it is late (chậm, trễ)."""
    named = _fmt(due) in text or f"{due.day}/{due.month}/{due.year}" in text
    return named and bool(re.search(r"\b(chậm|trễ)\b", text, re.I))


def report_year(docs: list[Doc]) -> Iterator[tuple[str, str, Severity]]:
    for doc in docs:
        year = getattr(doc.data, "nam", None)
        when = getattr(doc.data, "ngay", None)
        if doc.kind not in ("bao_cao", "bao_cao_tong_hop") or not isinstance(year, int) or when is None:
            continue
        if when.year < year or when.year > year + 1:
            yield doc.shown, (f"báo cáo năm {year} nhưng ngày văn bản là năm {when.year} — báo cáo năm "
                              f"{year} ban hành trong năm {year} hoặc đầu năm {year + 1}; sửa 'nam' "
                              "hoặc 'ngay'."), LOI


def course_target(docs: list[Doc], roster_of: Callable[[Doc], list[Any] | None]
                  ) -> Iterator[tuple[str, str, Severity]]:
    for doc in docs:
        lop = getattr(doc.data, "lop_hoc", None)
        if lop is None:
            continue
        target = " ".join(filter(None, [getattr(lop, "doi_tuong", None), getattr(lop, "ten", None)]))
        if not _WOMEN.search(target):
            continue
        for person in roster_of(doc) or []:
            if person.gioi_tinh != "Nữ":
                certified = " và đã được cấp giấy chứng nhận" if person.hoan_thanh else ""
                yield doc.shown, (f"học viên {person.ho_ten} ({person.gioi_tinh}, {person.don_vi}) "
                                  f"không thuộc đối tượng của lớp (chỉ dành cho nữ){certified} — sửa "
                                  f"danh sách {lop.danh_sach}."), LOI


def unit_name(docs: list[Doc], units: list[Any]) -> Iterator[tuple[str, str, Severity]]:
    """A unit named, in a document's text, by a name it did not bear on the document's date
    («thành phố Hà Tiên» in 2017, when it was a thị xã until 2018): units whose registry entry
    carries former names (`ten_cu`)."""
    renamed = [u for u in units if u.ten_cu]
    for doc in docs:
        day = _date(getattr(doc.data, "ngay", None))
        if day is None or not renamed:
            continue
        text = " ".join(_texts(doc.data)).casefold()
        for unit in renamed:
            right = unit.name_on(day).full_name
            periods = [old.den_ngay for old in unit.ten_cu] + [None]
            for other in {unit.name_on(p).full_name for p in periods} - {right}:
                if other.casefold() in text:
                    yield (doc.shown, f"văn bản ngày {day:%d/%m/%Y} ghi «{other}», nhưng vào "
                           f"ngày đó đơn vị này là «{right}» — sửa tên cho đúng thời điểm",
                           CANH_BAO)


def findings(items: Iterator[tuple[str, str, Severity]], rule: str) -> list[tuple[str, Finding]]:
    return [(shown, Finding(rule, sev, shown, message)) for shown, message, sev in items]
