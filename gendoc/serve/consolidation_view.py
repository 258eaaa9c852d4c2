"""The year's consolidation as tables for the reports page: the same `consolidate` and the same
tables (`gendoc.reports.summary`) the consolidated report prints, as plain text cells.

The summary tables mark gendoc's own emphasis (total rows) as `**…**`; that mark becomes a bold
flag here, and every other text — unit names included — is shown literally, never re-parsed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gendoc import api
from gendoc.exceptions import GendocError

Cell = tuple[str, bool]  # (text, bold)


@dataclass
class WebTable:
    id: str
    title: str
    header: list[str]
    rows: list[list[Cell]]
    align: list[str]


@dataclass
class ConsolidationView:
    year: int
    situation: list[str]
    tables: list[WebTable]
    error: str = ""


def _cell(value: Any) -> Cell:
    if isinstance(value, list):  # spans already built: their text
        return "".join(str(getattr(span, "text", "")) for span in value), False
    text = str(value)
    if len(text) > 4 and text.startswith("**") and text.endswith("**"):
        return text[2:-2], True
    return text, False


def _table(id_: str, title: str, table: Any) -> WebTable:
    columns = len(table.header)
    align = list(table.align or ["trai"] * columns)
    rows = [[_cell(c) for c in row] for row in table.rows]
    if getattr(table, "bold_last_row", False) and rows:
        rows[-1] = [(text, True) for text, _ in rows[-1]]
    return WebTable(id_, title, list(table.header), rows, align)


def consolidation_view(ws: api.Workspace, year: int) -> ConsolidationView:
    """The tables of `gendoc consolidate YEAR`, or the CLI's message when it cannot be made."""
    # the reports feature (openpyxl for Excel forms): on use
    from gendoc.reports.consolidation import consolidate
    from gendoc.reports.indicators import PAIRED
    from gendoc.reports.summary import (
        annex_title,
        province_table,
        situation,
        targets_table,
        unit_table,
    )

    try:
        cons = consolidate(ws, year)
    except GendocError as exc:
        return ConsolidationView(year, [], [], exc.format_message())
    tables = [_table("tong-hop-tinh", f"Số liệu toàn tỉnh năm {year}", province_table(cons))]
    tables += [_table(f"tong-hop-{spec.key}", annex_title(spec), unit_table(cons, spec))
               for spec in PAIRED]
    targets = targets_table(cons)
    if targets is not None:
        tables.append(_table("chi-tieu", "Kết quả thực hiện chỉ tiêu", targets))
    return ConsolidationView(year, situation(cons), tables)
