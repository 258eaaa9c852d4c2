"""Turn body `Blocks` (paragraphs, tables, images, page breaks) into a docxtpl sub-document.

The sub-document shares the template's styles, so body paragraphs take the template's
`ND30 …` paragraph styles: a clerk who restyles "ND30 Noi dung" in Word restyles every body
paragraph. Tables follow ND30 practice for forms in the body: bold header row repeated on every
page (`w:tblHeader`), rows never split across pages (`w:cantSplit`), widths that fit the text
width exactly.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc

from gendoc import nd30
from gendoc.body import Blocks, Image, PageBreak, Para, Span, Table, image_problem, parse_inline
from gendoc.docx_compiled import FilledTemplate
from gendoc.docx_templates import spacer
from gendoc.docx_xml import grid_table_xml, paragraph_style_ids, paragraph_xml, run_xml
from gendoc.exceptions import RenderError

STYLE_NAMES = {
    "noi_dung": "ND30 Noi dung",
    "can_cu": "ND30 Can cu",
    "tieu_de_giua": "ND30 Tieu de giua",
}
ALIGN = {"trai": WD_ALIGN_PARAGRAPH.LEFT, "giua": WD_ALIGN_PARAGRAPH.CENTER,
         "phai": WD_ALIGN_PARAGRAPH.RIGHT, "deu": WD_ALIGN_PARAGRAPH.JUSTIFY}


def text_width_cm(tpl: DocxTemplate) -> float:
    section = tpl.get_docx().sections[0]
    return (section.page_width - section.left_margin - section.right_margin) / 360000


def body_size(tpl: DocxTemplate) -> float:
    size = tpl.get_docx().styles["Normal"].font.size
    return size.pt if size else nd30.DEFAULT_BODY_SIZE_PT


class BodyXml:
    """A body as docxtpl inserts it into the template (`{{p noi_dung}}`): WordprocessingML
    text. Paragraphs and tables are written as text (`gendoc.docx_xml`); what python-docx draws
    (the spacer after a table, pictures, page breaks) is drawn on a scratch sub-document of the
    template and taken as text in its turn, so the order of blocks is kept. Its attributes start
    with `_`: the template's sandbox gives a template no access to them."""

    def __init__(self, tpl: DocxTemplate) -> None:
        self._tpl = tpl
        self._pieces: list[str] = []
        self._scratch: Subdoc | None = None

    def _add(self, xml: str) -> None:
        self._pieces.append(xml)

    def _draw(self, draw: Callable[[Subdoc], object]) -> str:
        """What `draw` makes on the scratch sub-document, as text (docxtpl's serialisation);
        the scratch is left empty for the next drawing."""
        if self._scratch is None:
            self._scratch = self._tpl.new_subdoc()
        draw(self._scratch)
        xml: str = self._scratch._get_xml()
        body = self._scratch.subdocx.element.body
        for child in list(body):
            body.remove(child)
        return xml

    def __html__(self) -> str:  # what Jinja's autoescape inserts as is
        return "".join(self._pieces)

    __str__ = __html__


_SPACER: list[str] = []


def _spacer_xml(body: BodyXml) -> str:
    """The empty paragraph after a table (`docx_templates.spacer`), drawn once by python-docx
    and then reused as text: it has no style and no text, so it is the same in every document."""
    if not _SPACER:
        _SPACER.append(body._draw(lambda sub: spacer(sub.add_paragraph())))
    return _SPACER[0]


def to_subdoc(tpl: DocxTemplate, blocks: Blocks) -> BodyXml:
    """Build the sub-document for one `Blocks` value."""
    body = BodyXml(tpl)
    styles = tpl.compiled.paragraph_ids if isinstance(tpl, FilledTemplate) else \
        paragraph_style_ids(tpl.get_docx())
    for block in blocks:
        if isinstance(block, Para):
            body._add(_paragraph(block, styles))
        elif isinstance(block, Table):
            _table(body, block, text_width_cm(tpl), body_size(tpl), styles)
        elif isinstance(block, Image):
            body._add(body._draw(functools.partial(_image, block=block,
                                                   width_cm=text_width_cm(tpl))))
        elif isinstance(block, PageBreak):
            body._add(body._draw(_page_break))
    return body


def _page_break(sub: Subdoc) -> None:
    sub.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _paragraph(para: Para, styles: dict[str, str | None]) -> str:
    runs = "".join(run_xml(span.text, bold=span.bold, italic=span.italic) for span in para.spans)
    return paragraph_xml(styles.get(STYLE_NAMES.get(para.role, para.role)), runs,
                         keep_next=para.keep_next)


def _no_indent(paragraph, align) -> None:  # noqa: ANN001
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Cm(0)
    fmt.space_before = Pt(2)
    fmt.space_after = Pt(2)
    fmt.line_spacing = 1.0
    fmt.alignment = align


def _cell_spans(text: str | list[Span], bold: bool) -> list[Span]:
    # A cell is inline markup, or runs already built (media text: never re-parsed).
    return text if isinstance(text, list) else parse_inline(str(text), bold=bold)


def _set_borders(table) -> None:  # noqa: ANN001
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"),
                           ("w:color", nd30.FONT_COLOR)):
            el.set(qn(key), value)
        borders.append(el)
    table._tbl.tblPr.append(borders)


def row_flags(row, *, header: bool = False) -> None:  # noqa: ANN001
    """Rows never split across pages; header rows repeat on every page."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))
    if header:
        tr_pr.append(OxmlElement("w:tblHeader"))


def grid_table(container, rows: int, widths_cm: list[float]):  # noqa: ANN001, ANN201
    """A centred, fixed-layout table with single black borders and exact column widths."""
    table = container.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    _set_borders(table)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)
    for index, width in enumerate(widths_cm):
        table.columns[index].width = Cm(width)
        for cell in table.columns[index].cells:
            cell.width = Cm(width)
    return table


def _table(body: BodyXml, block: Table, width_cm: float, size: float,
           styles: dict[str, str | None]) -> None:
    cols = len(block.header)
    if any(len(row) != cols for row in block.rows):
        bad = next(i for i, row in enumerate(block.rows, 1) if len(row) != cols)
        raise RenderError(f"bảng '{block.title or block.header[0]}': dòng {bad} có số cột khác "
                          f"dòng tiêu đề ({cols} cột).")
    if block.title:  # a table title never ends a page
        body._add(paragraph_xml(styles.get(STYLE_NAMES["tieu_de_giua"]),
                                run_xml(block.title, bold=True), keep_next=True))
    weights = block.widths or [1.0] * cols
    total = sum(weights)
    widths = [width_cm * w / total for w in weights]
    aligns = [ALIGN.get(a, WD_ALIGN_PARAGRAPH.LEFT) for a in (block.align or ["trai"] * cols)]
    cell_size = block.size or max(size - 1, 11)
    last = len(block.rows)
    cells = [[(_cell_spans(text, True), True, WD_ALIGN_PARAGRAPH.CENTER) for text in block.header]]
    for r, row in enumerate(block.rows, start=1):
        bold = block.bold_last_row and r == last
        cells.append([(_cell_spans(text, bold), bold, aligns[c]) for c, text in enumerate(row)])
    body._add(grid_table_xml(widths, cells, size_pt=cell_size))
    body._add(_spacer_xml(body))  # keep the next paragraph off the table


def _image(sub, block: Image, width_cm: float) -> None:  # noqa: ANN001
    if not block.path.is_file():
        raise RenderError(f"không tìm thấy ảnh '{block.path}' — kiểm tra đường dẫn trong tệp nội dung.")
    problem = image_problem(block.path)  # pixel cap before decoding, corrupt files named
    if problem is not None:
        raise RenderError(f"ảnh '{block.path.name}': {problem}.")
    paragraph = sub.add_paragraph()
    _no_indent(paragraph, WD_ALIGN_PARAGRAPH.CENTER)
    paragraph.paragraph_format.keep_with_next = bool(block.caption) or None
    try:
        paragraph.add_run().add_picture(str(block.path), width=Cm(min(block.width_cm, width_cm)))
    except Exception as exc:  # unreadable or unsupported image
        raise RenderError(f"không đọc được ảnh '{block.path.name}' ({exc}) — dùng tệp PNG hoặc JPEG.") from exc
    if block.caption:
        caption = sub.add_paragraph()
        _no_indent(caption, WD_ALIGN_PARAGRAPH.CENTER)
        caption.add_run(block.caption).italic = True
