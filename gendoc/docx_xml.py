"""Body paragraphs and grid tables written as WordprocessingML text directly.

python-docx's object model finds every child through a schema-ordered search and re-reads a
table's rows and cells on each access; building the same elements one by one with lxml was still
a quarter of a plan's rendering time, and docxtpl then serialises them to text anyway (a
sub-document is inserted into the template as XML text). These functions write that text
directly: the same elements, in the same order with the same attributes, as the python-docx calls
they replace (`add_paragraph(style=…)`, `add_run`, `paragraph_format`, `add_table` + widths +
borders) serialised by lxml — `tests/core/test_core_docx_xml.py` holds them to it, character for
character. Text is escaped here (`&`, `<`, `>`), never parsed, so it comes out literally; a
character XML cannot hold is refused as lxml refuses it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.simpletypes import ST_HpsMeasure, ST_TwipsMeasure
from docx.shared import Cm, Pt

from gendoc import nd30
from gendoc.artifacts import NOT_XML

_BREAKS = re.compile(r"([\t\r\n])")  # a tab is w:tab, a line break w:br (as python-docx)
_TABLE_LOOK = (("firstColumn", "1"), ("firstRow", "1"), ("lastColumn", "0"), ("lastRow", "0"),
               ("noHBand", "0"), ("noVBand", "1"), ("val", "04A0"))
_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")
CELL_SPACING = ST_TwipsMeasure.convert_to_xml(Pt(2))  # before and after a cell's paragraph


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
W_P, _W_PPR, _W_PSTYLE, _W_VAL = f"{_W}p", f"{_W}pPr", f"{_W}pStyle", f"{_W}val"


def style_id_of(p: Any) -> str | None:
    """The style id a paragraph element (`w:p`) names — python-docx's `CT_P.style`, read without
    its schema walk (documents have hundreds of body paragraphs, and few are looked for)."""
    props = p.find(_W_PPR)
    style = props.find(_W_PSTYLE) if props is not None else None
    return style.get(_W_VAL) if style is not None else None


def _text(value: str) -> str:
    """Element text as lxml writes it."""
    if NOT_XML.search(value):  # what lxml refuses
        raise ValueError("All strings must be XML compatible: Unicode or ASCII, no NULL bytes "
                         "or control characters")
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attr(value: str) -> str:
    """An attribute value as lxml (libxml2) writes it."""
    return (_text(value).replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
            .replace("\t", "&#9;"))


def _el(tag: str, *attrs: tuple[str, str], inner: str = "") -> str:
    """`<w:tag w:key="value"…>inner</w:tag>`, or the empty-element form when `inner` is empty."""
    head = "<w:" + tag + "".join(f' w:{key}="{_attr(value)}"' for key, value in attrs)
    return f"{head}>{inner}</w:{tag}>" if inner else head + "/>"


def run_xml(text: str, *, bold: bool = False, italic: bool = False,
            size_pt: float | None = None) -> str:
    """One run (`w:r`) with its properties, as `Paragraph.add_run` + bold/italic/size."""
    pieces = ["<w:r>", _run_props(bold, italic, size_pt)]
    for piece in _BREAKS.split(text):
        if piece == "\t":
            pieces.append("<w:tab/>")
        elif piece in ("\r", "\n"):
            pieces.append("<w:br/>")
        elif piece:
            space = ' xml:space="preserve"' if len(piece.strip()) < len(piece) else ""
            pieces.append(f"<w:t{space}>{_text(piece)}</w:t>")
    pieces.append("</w:r>")
    return "".join(pieces)


@functools.lru_cache(maxsize=64)
def _run_props(bold: bool, italic: bool, size_pt: float | None) -> str:
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if size_pt:
        props += _el("sz", ("val", ST_HpsMeasure.convert_to_xml(Pt(size_pt))))
    return _el("rPr", inner=props)


def paragraph_style_ids(doc: DocxDocument) -> dict[str, str | None]:
    """Paragraph style name → the id a paragraph names (None for the default style, which
    python-docx leaves implicit)."""
    default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    default_id = default.style_id if default is not None else None
    return {s.name: (None if s.style_id == default_id else s.style_id) for s in doc.styles
            if s.type == WD_STYLE_TYPE.PARAGRAPH and s.name is not None}


def paragraph_xml(style_id: str | None, runs: str, *, keep_next: bool = False) -> str:
    """A body paragraph styled by id holding `runs` (`run_xml` text)."""
    props = (_el("pStyle", ("val", style_id)) if style_id is not None else "") + \
        ("<w:keepNext/>" if keep_next else "")
    return _el("p", inner=_el("pPr", inner=props) + runs)


Cell = tuple[list, bool, WD_ALIGN_PARAGRAPH]  # (spans, bold, alignment)


def grid_table_xml(widths_cm: Sequence[float], rows: Sequence[Sequence[Cell]], *,
                   size_pt: float, header_rows: int = 1) -> str:
    """A centred, fixed-layout table with single black borders and exact column widths: what
    `docx_blocks.grid_table` + `row_flags` + a cell's text draw.

    Each cell is (spans, bold, alignment); a span has `.text`, `.bold`, `.italic`.
    """
    twips = [str(Cm(width).twips) for width in widths_cm]
    parts = [_table_props(),
             _el("tblGrid", inner="".join(_el("gridCol", ("w", width)) for width in twips))]
    cell_open = [f'<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="{width}"/></w:tcPr>' for width in twips]
    for index, cells in enumerate(rows):
        parts.append(_ROW_OPEN[index < header_rows])
        for opening, (spans, bold, align) in zip(cell_open, cells, strict=True):
            runs = "".join(run_xml(span.text, bold=span.bold or bold, italic=span.italic,
                                   size_pt=size_pt) for span in spans)
            parts.extend((opening, "<w:p>", _cell_props(align), runs, "</w:p></w:tc>"))
        parts.append("</w:tr>")
    return _el("tbl", inner="".join(parts))


_ROW_OPEN = {False: "<w:tr><w:trPr><w:cantSplit/></w:trPr>",
             True: "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"}


@functools.lru_cache(maxsize=1)
def _table_props() -> str:
    borders = "".join(_el(edge, ("val", "single"), ("sz", "4"), ("space", "0"),
                          ("color", nd30.FONT_COLOR)) for edge in _EDGES)
    fixed = _el("tblLayout", ("type", "fixed"))
    return _el("tblPr", inner=_el("tblW", ("type", "auto"), ("w", "0"))
               + _el("jc", ("val", "center")) + fixed + _el("tblLook", *_TABLE_LOOK)
               + _el("tblBorders", inner=borders) + fixed)


@functools.lru_cache(maxsize=8)
def _cell_props(align: WD_ALIGN_PARAGRAPH) -> str:
    """A cell paragraph's properties: 2 pt before and after, single spacing, no indent."""
    return _el("pPr", inner=_el("spacing", ("before", CELL_SPACING), ("after", CELL_SPACING),
                                ("line", "240"), ("lineRule", "auto"))
               + _el("ind", ("firstLine", "0"))
               + _el("jc", ("val", WD_ALIGN_PARAGRAPH.to_xml(align) or "left")))
