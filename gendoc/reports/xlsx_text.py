"""Text from content into a spreadsheet cell: always text, never a formula.

openpyxl turns a string starting with `=` into a formula, and Excel or LibreOffice re-read a cell
starting with `=`, `+`, `-` or `@` (or a tab or CR) as a formula once a clerk edits it, or when the
sheet is saved as CSV and opened again. A unit name, a note or a signer's title is data: it is
stored as a string cell with Excel's "quote prefix" (the leading apostrophe a clerk would type),
which keeps it text on editing and shows exactly what was written.
"""

from __future__ import annotations

from typing import Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def put_text(cell: Any, value: Any) -> Any:
    """Set `cell` to `value`; a string that could be read as a formula stays literal text."""
    cell.value = value
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell
