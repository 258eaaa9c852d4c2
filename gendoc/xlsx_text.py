"""Spreadsheet cells holding text from content: always text, never a formula.

openpyxl turns any string that starts with `=` into a live formula, and Excel re-reads a cell
typed `+…`, `-…` or `@…` as a formula as soon as a clerk edits it (F2, Enter) — the classic
spreadsheet "formula injection" (CSV/DDE injection). Content is data, never code (DEVGUIDE), so
every string that comes from a content file, `gendoc.yaml` or a database row goes into a cell
through `put`: such strings are stored as text cells (`t="inlineStr"`, no `<f>` element) and
carry Excel's quote prefix, so editing the cell keeps it text. Numbers, dates and `None` are
stored as they are. Formulas gendoc writes itself (COUNTIF summaries) are assigned directly.
"""

from __future__ import annotations

import re
from typing import Any

#: First characters that make Excel or LibreOffice read a cell as a formula (OWASP's list).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# Excel stores characters XML cannot hold (and a literal "_x" sequence) as _xHHHH_ (ECMA-376
# Part 1, 22.9.2.19 ST_Xstring); openpyxl returns them undecoded.
_EXCEL_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_TRIGGERS)


def put(cell: Any, value: object) -> Any:
    """Set an openpyxl cell's value; a formula-like string stays literal text. Returns the cell."""
    cell.value = value
    if is_formula_like(value):
        cell.data_type = "s"  # openpyxl had set "f" for a leading "="
        cell.quotePrefix = True  # Excel keeps it text when the clerk edits the cell
    return cell


def decode_excel_escapes(text: str) -> str:
    """Excel's `_x000D_`-style escapes decoded: `_x000B_` → "\\v", `_x005F_x0041_` → "_x0041_".

    Callers then apply the control-character rules content text follows (a vertical tab becomes
    a line break with a warning, other control characters are refused).
    """
    if "_x" not in text:
        return text
    return _EXCEL_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
