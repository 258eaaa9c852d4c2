"""Body paragraphs and grid tables written as WordprocessingML elements directly.

python-docx's object model finds every child through a schema-ordered search and re-reads a
table's rows and cells on each access; for the body of a plan (hundreds of paragraphs, tables of
dozens of rows) that was four fifths of a document's rendering time. These functions append the
same elements, in the same order with the same attributes, as the python-docx calls they replace
(`add_paragraph(style=…)`, `add_run`, `paragraph_format`, `add_table` + widths + borders), so
the XML of a built document is unchanged — only built in one pass with lxml. Text is set as
element text (never parsed), so `&`, `<` and quotes come out literally.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.oxml.simpletypes import ST_HpsMeasure, ST_TwipsMeasure
from docx.shared import Cm, Pt
from lxml import etree

from gendoc import nd30

_BREAKS = re.compile(r"([\t\r\n])")  # a tab is w:tab, a line break w:br (as python-docx)
_TABLE_LOOK = (("firstColumn", "1"), ("firstRow", "1"), ("lastColumn", "0"), ("lastRow", "0"),
               ("noHBand", "0"), ("noVBand", "1"), ("val", "04A0"))
_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
CELL_SPACING = ST_TwipsMeasure.convert_to_xml(Pt(2))  # before and after a cell's paragraph


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _el(parent: etree._Element, tag: str, *attrs: tuple[str, str]) -> etree._Element:
    element = etree.SubElement(parent, _W + tag)
    for key, value in attrs:
        element.set(_W + key, value)
    return element


def add_run(paragraph: etree._Element, text: str, *, bold: bool = False, italic: bool = False,
            size_pt: float | None = None) -> None:
    """One run (`w:r`) with its properties, as `Paragraph.add_run` + bold/italic/size."""
    run = _el(paragraph, "r")
    props = _el(run, "rPr")
    if bold:
        _el(props, "b")
    if italic:
        _el(props, "i")
    if size_pt:
        _el(props, "sz", ("val", ST_HpsMeasure.convert_to_xml(Pt(size_pt))))
    for piece in _BREAKS.split(text):
        if piece == "\t":
            _el(run, "tab")
        elif piece in ("\r", "\n"):
            _el(run, "br")
        elif piece:
            node = _el(run, "t")
            node.text = piece
            if len(piece.strip()) < len(piece):
                node.set(qn("xml:space"), "preserve")


def _placed(body: etree._Element, tag: str) -> etree._Element:
    """A new `w:<tag>` at the end of `body`, before its section properties (as python-docx)."""
    element = _el(body, tag)  # made inside the document: it takes the document's `w` prefix
    section = body.find(qn("w:sectPr"))
    if section is not None:
        section.addprevious(element)
    return element


def paragraph_style_ids(doc: DocxDocument) -> dict[str, str | None]:
    """Paragraph style name → the id a paragraph names (None for the default style, which
    python-docx leaves implicit)."""
    default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_id = default.style_id if default is not None else None
    return {s.name: (None if s.style_id == default_id else s.style_id) for s in doc.styles
            if s.type == WD_STYLE_TYPE.PARAGRAPH and s.name is not None}


def new_paragraph(body: etree._Element, style_id: str | None, *,
                  keep_next: bool = False) -> etree._Element:
    """A body paragraph at the end of `body`, styled by id."""
    paragraph = _placed(body, "p")
    props = _el(paragraph, "pPr")
    if style_id is not None:
        _el(props, "pStyle", ("val", style_id))
    if keep_next:
        _el(props, "keepNext")
    return paragraph


def add_grid_table(body: etree._Element, widths_cm: Sequence[float],
                   rows: Sequence[Sequence[tuple[list, bool, WD_ALIGN_PARAGRAPH]]], *,
                   size_pt: float, header_rows: int = 1) -> etree._Element:
    """A centred, fixed-layout table with single black borders and exact column widths at the end
    of `body`: what `docx_blocks.grid_table` + `row_flags` + a cell's text draw.

    Each cell is (spans, bold, alignment); a span has `.text`, `.bold`, `.italic`.
    """
    table = _placed(body, "tbl")
    props = _el(table, "tblPr")
    _el(props, "tblW", ("type", "auto"), ("w", "0"))
    _el(props, "jc", ("val", "center"))
    _el(props, "tblLayout", ("type", "fixed"))
    _el(props, "tblLook", *_TABLE_LOOK)
    borders = _el(props, "tblBorders")
    for edge in _EDGES:
        _el(borders, edge, ("val", "single"), ("sz", "4"), ("space", "0"),
            ("color", nd30.FONT_COLOR))
    _el(props, "tblLayout", ("type", "fixed"))
    twips = [str(Cm(width).twips) for width in widths_cm]
    grid = _el(table, "tblGrid")
    for width in twips:
        _el(grid, "gridCol", ("w", width))
    for index, cells in enumerate(rows):
        row = _el(table, "tr")
        flags = _el(row, "trPr")
        _el(flags, "cantSplit")
        if index < header_rows:
            _el(flags, "tblHeader")
        for width, (spans, bold, align) in zip(twips, cells, strict=True):
            cell = _el(row, "tc")
            _el(_el(cell, "tcPr"), "tcW", ("type", "dxa"), ("w", width))
            _cell_paragraph(cell, spans, bold=bold, align=align, size_pt=size_pt)
    return table


def _cell_paragraph(cell: etree._Element, spans: list, *, bold: bool,
                    align: WD_ALIGN_PARAGRAPH, size_pt: float) -> None:
    paragraph = _el(cell, "p")
    props = _el(paragraph, "pPr")
    _el(props, "spacing", ("before", CELL_SPACING), ("after", CELL_SPACING), ("line", "240"),
        ("lineRule", "auto"))
    _el(props, "ind", ("firstLine", "0"))
    _el(props, "jc", ("val", WD_ALIGN_PARAGRAPH.to_xml(align) or "left"))
    for span in spans:
        add_run(paragraph, span.text, bold=span.bold or bold, italic=span.italic, size_pt=size_pt)
