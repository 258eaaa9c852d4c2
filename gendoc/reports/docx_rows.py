"""Long tables of the consolidated report written as WordprocessingML directly, in linear time.

The consolidated report prints a table per indicator with a row per unit (700 units: 3,500 rows
and 17,500 cells). `gendoc.docx_blocks` builds tables with python-docx, whose `table.rows[r]`
rebuilds the row list at every call — quadratic — and whose per-cell formatting calls cost about
a millisecond a cell. So the report hands python-docx each table with only its header, one
*model row* and its total row (`defer_rows`), and after rendering `fill_rows` replaces each model
row by the real rows: a copy of the model row's XML (same widths, borders, `cantSplit`, paragraph
format, font size) per row, its runs made by python-docx's own run element (`CT_R.text`, so tabs
and line breaks come out as Word's) from run templates that python-docx formatted itself. The
result is the document python-docx would have written, element for element; a test compares the
two `document.xml`s of a small report byte for byte.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from docx.oxml.ns import qn
from docx.text.run import Run
from lxml import etree

from gendoc.body import Blocks, Table, parse_inline

_MARK = "\ue001gendoc-rows:"  # a private-use character: never typed by a clerk
_T, _SPACE, _TC, _P = qn("w:t"), qn("xml:space"), qn("w:tc"), qn("w:p")
MIN_ROWS = 8  # shorter tables are cheap through python-docx


@dataclasses.dataclass
class Deferred:
    """Rows set aside by `defer_rows`, by table number, until `fill_rows` writes them."""

    rows: list[Any] = dataclasses.field(default_factory=list)  # table rows: cells of text or runs


def defer_rows(blocks: Blocks, deferred: Deferred) -> Blocks:
    """`blocks` with each long table's body rows replaced by one model row (kept in `deferred`).

    A table whose rows do not all have the header's column count is left as it is, so
    `docx_blocks` reports it with its usual message."""
    out = Blocks()
    for block in blocks:
        if isinstance(block, Table) and len(block.rows) >= MIN_ROWS \
                and all(len(row) == len(block.header) for row in block.rows):
            body = block.rows[:-1] if block.bold_last_row else block.rows
            tail = block.rows[-1:] if block.bold_last_row else []
            model = [f"{_MARK}{len(deferred.rows)}"] + ["x"] * (len(block.header) - 1)
            deferred.rows.append(body)
            block = dataclasses.replace(block, rows=[model, *tail])
        out.append(block)
    return out


def _text(tc: Any) -> str:
    return "".join(t.text or "" for t in tc.iter(qn("w:t")))


class _Runs:
    """Run elements formatted like the model row's, for each (bold, italic), made once."""

    def __init__(self, model_run: Any) -> None:
        bare = copy.deepcopy(model_run)
        for child in list(bare):
            if child.tag != qn("w:rPr"):
                bare.remove(child)
        self.templates: dict[tuple[bool, bool], Any] = {(False, False): bare}

    def make(self, text: str, bold: bool, italic: bool) -> Any:
        template = self.templates.get((bold, italic))
        if template is None:
            template = copy.deepcopy(self.templates[(False, False)])
            run = Run(template, None)  # type: ignore[arg-type]
            run.bold = bold or None
            run.italic = italic or None
            self.templates[(bold, italic)] = template
        r = copy.deepcopy(template)
        if not text:
            return r
        if "\t" in text or "\n" in text or "\r" in text:
            r.text = text  # python-docx's own: \t → <w:tab/>, \n → <w:br/>
            return r
        t = etree.SubElement(r, _T)  # what python-docx's CT_R.add_t writes, without its overhead
        t.text = text
        if len(text.strip()) < len(text):
            t.set(_SPACE, "preserve")
        return r


def _expand(model_tr: Any, rows: list[list[str]]) -> None:
    """Put a copy of `model_tr` per row (with the row's text) where `model_tr` is."""
    cells = model_tr.findall(qn("w:tc"))
    runs = _Runs(cells[0].find(qn("w:p")).find(qn("w:r")))
    for tc in cells:  # the model row keeps paragraph and cell format, no runs
        paragraph = tc.find(qn("w:p"))
        for r in paragraph.findall(qn("w:r")):
            paragraph.remove(r)
    anchor = model_tr
    # A cell text's runs are made once (parse_inline, formatting) and copied where the same text
    # comes again: figures such as "0" or "150" fill most cells of a province's tables.
    made: dict[str, list[Any]] = {}
    for row in rows:
        tr = copy.deepcopy(model_tr)
        for tc, text in zip(tr.iterchildren(_TC), row, strict=True):
            paragraph = tc.find(_P)
            text = str(text)
            seen = made.get(text)
            if seen is None:
                made[text] = [runs.make(span.text, span.bold, span.italic)
                              for span in parse_inline(text, bold=False)]
                paragraph.extend(made[text])
            else:
                paragraph.extend([copy.deepcopy(r) for r in seen])
        anchor.addnext(tr)
        anchor = tr
    model_tr.getparent().remove(model_tr)


def fill_rows(document: Any, deferred: Deferred) -> int:
    """Write the deferred rows into the rendered python-docx `document`; returns tables filled."""
    if not deferred.rows:
        return 0
    filled = 0
    for tbl in document.element.body.iter(qn("w:tbl")):
        rows = tbl.findall(qn("w:tr"))
        if len(rows) < 2:
            continue
        first = rows[1].find(qn("w:tc"))
        text = _text(first) if first is not None else ""
        if text.startswith(_MARK):
            _expand(rows[1], deferred.rows[int(text[len(_MARK):])])
            filled += 1
    if filled != len(deferred.rows):
        raise RuntimeError(f"{len(deferred.rows)} long tables set aside, {filled} found again")
    return filled
