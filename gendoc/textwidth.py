"""Approximate printed width of a line in Times New Roman, to size ND30's short rule lines.

ND30 wants the rule under the issuing body to be 1/3–1/2 of the name's line and the rule under
the Tiêu ngữ as long as the motto. The name differs per unit, so gendoc measures it with the
standard Times advance widths (Adobe Times-Roman / Times-Bold metrics, in 1/1000 em; Times New
Roman and Liberation Serif share them). Vietnamese letters take the width of their base letter.
"""

from __future__ import annotations

import unicodedata

_UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_LOWER = "abcdefghijklmnopqrstuvwxyz"
_BOLD_UPPER = [722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611,
               778, 722, 556, 667, 722, 722, 1000, 722, 722, 667]
_BOLD_LOWER = [500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556,
               556, 444, 389, 333, 556, 500, 722, 500, 500, 444]
_REG_UPPER = [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556,
              722, 667, 556, 611, 722, 722, 944, 722, 722, 611]
_REG_LOWER = [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500,
              500, 333, 389, 278, 500, 500, 722, 500, 500, 444]
_COMMON = {" ": 250, "-": 333, ",": 250, ".": 250, ":": 333, "/": 278, "(": 333, ")": 333,
           "–": 500, "0": 500}

BOLD = {**dict(zip(_UPPER, _BOLD_UPPER, strict=True)), **dict(zip(_LOWER, _BOLD_LOWER, strict=True)), **_COMMON}
REGULAR = {**dict(zip(_UPPER, _REG_UPPER, strict=True)), **dict(zip(_LOWER, _REG_LOWER, strict=True)), **_COMMON}


def _base(ch: str) -> str:
    if ch in "Đđ":
        return "D" if ch == "Đ" else "d"
    return unicodedata.normalize("NFD", ch)[0]


def width_pt(text: str, size_pt: float, *, bold: bool = False) -> float:
    """Printed width of `text` in points."""
    table = BOLD if bold else REGULAR
    units = sum(table.get(_base(ch), 500) for ch in text)
    return units * size_pt / 1000


def width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    return width_pt(text, size_pt, bold=bold) * 2.54 / 72
