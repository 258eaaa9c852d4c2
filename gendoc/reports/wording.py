"""How figures are written in report text and tables (Vietnamese number formats via gendoc.vi).

One place decides that a share is written "33,3%" with one decimal, that a share of nobody is
"-", and how a change is phrased, so the unit reports, the consolidation, its annex and the press
material that quotes it say the same thing.
"""

from __future__ import annotations

from gendoc.reports.model import Pair
from gendoc.vi.formats import phan_tram, so_vn

DECIMALS = 1
DASH = "-"


def so(n: int) -> str:
    return so_vn(n)


def ty_le(value: float | None) -> str:
    """A share as a table cell under a "(%)" heading: 33,3 — or "-" when undefined."""
    return DASH if value is None else so_vn(value, DECIMALS)


def phan_tram_vn(value: float | None) -> str:
    """A share in running text: 33,3%."""
    return DASH if value is None else phan_tram(value, DECIMALS)


def cap(pair: Pair, what: str, unit: str = "người") -> str:
    """"1.260 người, trong đó nữ 710 người (chiếm 56,3%)" — the phrase reports use."""
    text = f"{what} {so(pair.tong)} {unit}".strip()
    if pair.tong == 0:
        return text
    return f"{text}, trong đó nữ {so(pair.nu)} {unit} (chiếm {phan_tram_vn(pair.ty_le)})"


def thay_doi(delta: float | None, unit: str = "điểm %") -> str:
    """A change in percentage points: "tăng 2,5 điểm %", "giảm 1,0 điểm %", "không đổi"."""
    if delta is None:
        return DASH
    size = so_vn(abs(delta), DECIMALS)
    if size.strip("0,") == "":
        return "không đổi"
    return f"{'tăng' if delta > 0 else 'giảm'} {size} {unit}"


def chenh_lech(delta: float | None) -> str:
    """A change as a signed table cell: +2,5 / -1,0 / 0,0."""
    if delta is None:
        return DASH
    text = so_vn(delta, DECIMALS)
    return ("+" + text) if delta > 0 and text.strip("0,") else text
