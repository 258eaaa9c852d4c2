"""Địa danh và thời gian ban hành (ô 4): `Kiên Giang, ngày 05 tháng 02 năm 2020`, italic.

Padding (Phụ lục I, Mục II.4b): days below 10 and months 1 and 2 take a leading zero; months
3–12 are written without one. A blank day or month is a draft (see `draft.placeholder`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass

from gendoc import nd30
from gendoc.check.context import Context
from gendoc.check.registry import Hit, rule
from gendoc.check.rules.header import style_problems
from gendoc.check.text import clean, is_placeholder
from gendoc.vi.dates import pad_day, pad_month

_DATE_RE = re.compile(
    r"^(?P<place>.*?)\s*(?P<comma>,?)\s*(?P<w1>ngày)(?P<d>.*?)(?P<w2>tháng)(?P<m>.*?)"
    r"(?P<w3>năm)(?P<y>.*?)$",
    re.IGNORECASE,
)
_TEMPLATE = re.compile(r"…|\.\.")
EXAMPLE = "Kiên Giang, ngày 05 tháng 02 năm 2020"


@dataclass
class DateParts:
    place: str
    comma: bool
    words: tuple[str, str, str]
    raw: tuple[str, str, str]  # day, month, year with their surrounding spaces

    def _blank(self, i: int) -> bool:
        return is_placeholder(self.raw[i]) or bool(_TEMPLATE.search(self.raw[i]))

    @property
    def blank_day(self) -> bool:
        return self._blank(0)

    @property
    def blank_month(self) -> bool:
        return self._blank(1)

    @property
    def blank_year(self) -> bool:
        return self._blank(2)


def parse_date(text: str) -> DateParts | None:
    m = _DATE_RE.match(clean(text))
    if not m:
        return None
    return DateParts(
        place=m["place"].strip(), comma=bool(m["comma"]),
        words=(m["w1"], m["w2"], m["w3"]), raw=(m["d"], m["m"], m["y"]),
    )


@rule(
    "date.format", "loi", group="Địa danh, ngày tháng",
    title=f"«{EXAMPLE}»: in nghiêng, cỡ {nd30.DIA_DANH_SIZE_PT} pt; ngày dưới 10 và tháng 1, 2 "
    "có số 0 đứng trước.",
    reason="Thời gian ban hành viết đầy đủ, thống nhất để không nhầm lẫn và dễ tra cứu.",
    source="Phụ lục I, Phần I, Mục II.4",
)
def date_format(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex:
        return
    p = a.date
    if p is None:
        if a.quoc_hieu is not None:
            yield Hit("Đầu trang, ô phải", f"không thấy dòng địa danh và ngày tháng (dạng «{EXAMPLE}»).")
        return
    where = ctx.loc(p)
    d = parse_date(p.text)
    if d is None:
        yield Hit(where, f"địa danh và ngày tháng phải có dạng «{EXAMPLE}».")
        return
    probs = []
    if not d.place:
        probs.append("thiếu địa danh trước «ngày»")
    elif not _TEMPLATE.search(d.place) and not d.place[0].isupper():
        probs.append(f"địa danh «{d.place}» phải viết hoa chữ cái đầu")
    if d.place and not d.comma:
        probs.append("sau địa danh phải có dấu phẩy")
    if d.words != ("ngày", "tháng", "năm"):
        probs.append("các chữ «ngày», «tháng», «năm» viết thường")
    for i, (name, want) in enumerate((("ngày", pad_day), ("tháng", pad_month), ("năm", None))):
        raw = d.raw[i]
        if d._blank(i):
            continue
        value = raw.strip()
        if raw[:1] != " " or (i < 2 and raw[-1:] != " ") or "  " in raw.strip():
            probs.append(f"cách một dấu cách quanh số {name}")
        if not value.isdigit():
            probs.append(f"{name} «{value}» phải là chữ số Ả Rập")
            continue
        if want is not None and value != want(int(value)):
            probs.append(f"{name} «{value}» phải viết «{want(int(value))}»")
        if name == "năm" and len(value) != 4:
            probs.append(f"năm «{value}» phải đủ 4 chữ số")
    probs += style_problems(p, nd30.DIA_DANH_SIZE_PT, bold=False, upper=None)
    probs = [x for x in probs if x != "không được in nghiêng"]
    if not p.all_italic():
        probs.append("phải in nghiêng")
    if probs:
        yield Hit(where, "; ".join(probs) + ".")


@rule(
    "date.valid", "loi", group="Địa danh, ngày tháng",
    title="Ngày ban hành là một ngày có thật.",
    reason="Ngày không có thật (31/4, 29/02 năm không nhuận) làm văn bản sai thời điểm hiệu lực.",
    source="Phụ lục I, Phần I, Mục II.4b",
)
def date_valid(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex or a.date is None:
        return
    d = parse_date(a.date.text)
    if d is None or d.blank_day or d.blank_month or d.blank_year:
        return
    try:
        day, month, year = (int(x.strip()) for x in d.raw)
    except ValueError:
        return
    try:
        dt.date(year, month, day)
    except ValueError:
        yield Hit(ctx.loc(a.date), f"ngày {day} tháng {month} năm {year} không có thật.")
