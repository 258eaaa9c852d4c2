"""A small SpreadsheetML writer: styled cells streamed as XML text into a reproducible .xlsx.

The consolidated report's annex has a row per unit on six sheets (700 units: about 45,000
cells). openpyxl builds a Python object per cell and serialises each one with its attribute
lookups, which took most of a second and a half. This writer knows only what the annex needs:
cells that are numbers, text or `Formula`s, each with one of a few looks defined once in
`styles.xml`; column widths, row heights, merged ranges, a frozen pane and the print setup.

Content is data: a `str` value is always written as a text cell (inline string), never as a
formula — only a `Formula` object gives `<f>`. Text that a spreadsheet could re-read as a formula
once a clerk edits the cell (starting with `=`, `+`, `-`, `@`, a tab or CR: `xlsx_text`) gets
the look's quote-prefixed variant, the apostrophe Excel shows. `&`, `<` and quotes are escaped
as XML; characters XML 1.0 cannot hold are dropped.

Bytes are deterministic: zip members carry `gendoc.artifacts.ZIP_EPOCH` and the package has no
creation or modification stamp (the artifact writer, `artifacts.reproducible`, dates Office
files from the document's own date).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from gendoc.artifacts import ZIP_EPOCH, xml_chars
from gendoc.reports.xlsx_text import FORMULA_STARTS

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
BUILTIN_FORMATS = {None: 0, "#,##0": 3}  # numFmtId of Excel's built-in formats


class Formula(str):
    """A formula gendoc wrote itself (`=SUM(C5:C9)`); a plain `str` is always text."""


@dataclass(frozen=True)
class Look:
    """How a cell looks: font, box border, grey fill, alignment, number format."""

    bold: bool = False
    italic: bool = False
    size: float = 11
    boxed: bool = False
    grey: bool = False
    align: str | None = None  # horizontal; boxed cells are centred vertically and wrap
    fmt: str | None = None
    name: str | None = None  # the named cell style clerks see in Excel's style gallery


def escape(text: str) -> str:
    """`text` as XML character data: `&`, `<`, `>` escaped, a CR kept as `&#13;` (an XML reader
    turns a raw one into a line feed), XML-illegal characters dropped."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    if "\r" in text:
        text = text.replace("\r", "&#13;")
    return xml_chars(text)


def _attr(text: str) -> str:
    return escape(text).replace('"', "&quot;")


class Styles:
    """The workbook's cell formats: each (look, quote prefix) becomes one `<xf>`, in use order."""

    def __init__(self) -> None:
        self.looks: list[tuple[Look, bool]] = [(Look(), False)]
        self.index: dict[tuple[Look, bool], int] = {(Look(), False): 0}

    def xf(self, look: Look, quote: bool = False) -> int:
        key = (look, quote)
        found = self.index.get(key)
        if found is None:
            found = self.index[key] = len(self.looks)
            self.looks.append(key)
        return found

    def xml(self) -> bytes:
        fonts, named = _Table((False, False, 11.0)), _Table("Normal")
        formats: dict[str, int] = {}

        def ids(look: Look) -> tuple[int, int]:
            fmt = BUILTIN_FORMATS.get(look.fmt)
            if fmt is None:
                fmt = formats.setdefault(look.fmt or "", 164 + len(formats))
            return fonts.add((look.bold, look.italic, float(look.size))), fmt

        xfs = [_xf(look, *ids(look), named.add(look.name) if look.name else 0, quote)
               for look, quote in self.looks]
        by_name = {look.name: look for look, _ in self.looks if look.name}
        style_xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'] + [
            _xf(by_name[name], *ids(by_name[name]), None, False) for name in named.items[1:]]
        names = ['<cellStyle name="Normal" xfId="0" builtinId="0"/>'] + [
            f'<cellStyle name="{_attr(name)}" xfId="{k}"/>'
            for k, name in enumerate(named.items) if k > 0]
        font_xml = "".join(
            f"<font>{'<b/>' if b else ''}{'<i/>' if i else ''}<sz val=\"{s:g}\"/>"
            '<name val="Times New Roman"/><family val="1"/></font>' for b, i, s in fonts.items)
        fmt_xml = "".join(f'<numFmt numFmtId="{n}" formatCode="{_attr(code)}"/>'
                          for code, n in formats.items())
        return (f'{_HEAD}<styleSheet xmlns="{_MAIN}">'
                + (f'<numFmts count="{len(formats)}">{fmt_xml}</numFmts>' if formats else "")
                + f'<fonts count="{len(fonts.items)}">{font_xml}</fonts>'
                '<fills count="3"><fill><patternFill patternType="none"/></fill>'
                '<fill><patternFill patternType="gray125"/></fill><fill><patternFill '
                'patternType="solid"><fgColor rgb="FFE7E6E6"/><bgColor indexed="64"/></patternFill>'
                '</fill></fills><borders count="2"><border><left/><right/><top/><bottom/>'
                f'<diagonal/></border><border>{_BOX}<diagonal/></border></borders>'
                f'<cellStyleXfs count="{len(style_xfs)}">{"".join(style_xfs)}</cellStyleXfs>'
                f'<cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
                f'<cellStyles count="{len(names)}">{"".join(names)}</cellStyles>'
                '<dxfs count="0"/><tableStyles count="0"/></styleSheet>').encode()


_BOX = "".join(f'<{side} style="thin"><color rgb="FF000000"/></{side}>'
               for side in ("left", "right", "top", "bottom"))


class _Table:
    """Distinct items in first-use order (fonts, named styles); index 0 is the default."""

    def __init__(self, default: Any) -> None:
        self.items: list[Any] = [default]
        self._at: dict[Any, int] = {default: 0}

    def add(self, item: Any) -> int:
        if item not in self._at:
            self._at[item] = len(self.items)
            self.items.append(item)
        return self._at[item]


def _xf(look: Look, font: int, fmt: int, xf_id: int | None, quote: bool) -> str:
    fill, border = (2 if look.grey else 0), (1 if look.boxed else 0)
    attrs = f'numFmtId="{fmt}" fontId="{font}" fillId="{fill}" borderId="{border}"'
    if xf_id is not None:
        attrs += f' xfId="{xf_id}"'
    attrs += ' applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1"'
    if quote:
        attrs += ' quotePrefix="1"'
    if look.align is None and not look.boxed:
        return f"<xf {attrs}/>"
    align = f' horizontal="{look.align}"' if look.align else ""
    wrap = ' vertical="center" wrapText="1"' if look.boxed else ""
    return f'<xf {attrs} applyAlignment="1"><alignment{align}{wrap}/></xf>'


def column_letter(col: int) -> str:
    """1 → A, 27 → AA."""
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


Cell = tuple[int, object, int]  # (column, value, xf index from `Styles.xf`)


class Sheet:
    """One worksheet: rows appended in order as XML text, layout set before `xml()`."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[str] = []
        self.widths: dict[int, float] = {}
        self.heights: dict[int, float] = {}
        self.merges: list[str] = []
        self.freeze: str | None = None  # top-left cell of the scrolling pane, e.g. "C5"
        self.last_row, self.last_col = 1, 1

    def row(self, r: int, cells: Iterable[Cell]) -> None:
        """Row `r` (rows in increasing order); each cell (column, value, xf)."""
        parts = []
        last = 0
        for col, value, xf in cells:
            ref = f"{column_letter(col)}{r}"
            last = col if col > last else last
            if value is None:
                parts.append(f'<c r="{ref}" s="{xf}"/>')
            elif isinstance(value, Formula):
                parts.append(f'<c r="{ref}" s="{xf}"><f>{escape(value[1:])}</f></c>')
            elif isinstance(value, str):
                space = ' xml:space="preserve"' if value != value.strip() else ""
                parts.append(f'<c r="{ref}" s="{xf}" t="inlineStr"><is><t{space}>{escape(value)}'
                             "</t></is></c>")
            elif isinstance(value, bool) or not isinstance(value, int | float):
                raise TypeError(f"cell {ref}: {type(value).__name__} is not a number or text")
            else:
                parts.append(f'<c r="{ref}" s="{xf}"><v>{value!r}</v></c>')
        height = self.heights.get(r)
        size = f' ht="{height:g}" customHeight="1"' if height else ""
        self.rows.append(f'<row r="{r}"{size}>{"".join(parts)}</row>')
        self.last_row, self.last_col = max(self.last_row, r), max(self.last_col, last)

    def merge(self, first_row: int, first_col: int, last_row: int, last_col: int) -> None:
        self.merges.append(f"{column_letter(first_col)}{first_row}:"
                           f"{column_letter(last_col)}{last_row}")

    def xml(self) -> bytes:
        cols = "".join(f'<col min="{c}" max="{c}" width="{w:g}" customWidth="1"/>'
                       for c, w in sorted(self.widths.items()))
        merges = "".join(f'<mergeCell ref="{ref}"/>' for ref in self.merges)
        return "".join([
            f'{_HEAD}<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}"><sheetPr>'
            '<outlinePr summaryBelow="1" summaryRight="1"/><pageSetUpPr fitToPage="1"/></sheetPr>'
            f'<dimension ref="A1:{column_letter(self.last_col)}{self.last_row}"/>'
            f'<sheetViews><sheetView workbookViewId="0">{self._pane()}</sheetView></sheetViews>'
            '<sheetFormatPr baseColWidth="8" defaultRowHeight="15"/>',
            f"<cols>{cols}</cols>" if cols else "", "<sheetData>", *self.rows, "</sheetData>",
            f'<mergeCells count="{len(self.merges)}">{merges}</mergeCells>' if merges else "",
            '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
            "</worksheet>"]).encode()

    def _pane(self) -> str:
        if not self.freeze:
            return ""
        letters = self.freeze.rstrip("0123456789")
        x_split, y_split = _column_number(letters) - 1, int(self.freeze[len(letters):]) - 1
        return (f'<pane xSplit="{x_split}" ySplit="{y_split}" topLeftCell="{self.freeze}" '
                'activePane="bottomRight" state="frozen"/><selection pane="topRight"/>'
                '<selection pane="bottomLeft"/><selection pane="bottomRight" '
                f'activeCell="{self.freeze}" sqref="{self.freeze}"/>')


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def text_xf(styles: Styles, look: Look, text: str) -> int:
    """The xf for content text in `look`: quote-prefixed when it could be read as a formula."""
    return styles.xf(look, text.startswith(FORMULA_STARTS))


def workbook_bytes(sheets: list[Sheet], styles: Styles) -> bytes:
    """The .xlsx package: workbook, sheets, styles; fixed zip times, no clock stamps."""
    n = len(sheets)
    book = "".join(f'<sheet name="{_attr(s.name)}" sheetId="{k}" r:id="rId{k}"/>'
                   for k, s in enumerate(sheets, 1))
    parts: list[tuple[str, bytes | str]] = [
        ("[Content_Types].xml", _content_types(n)),
        ("_rels/.rels", _rels([("officeDocument", "xl/workbook.xml"),
                               ("extended-properties", "docProps/app.xml")])),
        ("docProps/app.xml", f'{_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/'
                             'officeDocument/2006/extended-properties"><Application>gendoc'
                             "</Application></Properties>"),
        ("xl/workbook.xml", f'{_HEAD}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}"><workbookPr/>'
                            '<bookViews><workbookView activeTab="0"/></bookViews>'
                            f'<sheets>{book}</sheets><calcPr calcId="124519" fullCalcOnLoad="1"/>'
                            "</workbook>"),
        ("xl/_rels/workbook.xml.rels",
         _rels([("worksheet", f"worksheets/sheet{k}.xml") for k in range(1, n + 1)]
               + [("styles", "styles.xml")])),
        ("xl/styles.xml", styles.xml()),
    ]
    parts += [(f"xl/worksheets/sheet{k}.xml", s.xml()) for k, s in enumerate(sheets, 1)]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data, compresslevel=6)
    return buf.getvalue()


def _rels(targets: list[tuple[str, str]]) -> str:
    rels = "".join(f'<Relationship Id="rId{k}" Type="{_REL}/{kind}" Target="{target}"/>'
                   for k, (kind, target) in enumerate(targets, 1))
    return f'{_HEAD}<Relationships xmlns="{_PKG_REL}">{rels}</Relationships>'


def _content_types(sheets: int) -> str:
    office = "application/vnd.openxmlformats-officedocument"
    over = [("/xl/workbook.xml", f"{office}.spreadsheetml.sheet.main+xml"),
            ("/xl/styles.xml", f"{office}.spreadsheetml.styles+xml"),
            ("/docProps/app.xml", f"{office}.extended-properties+xml")]
    over += [(f"/xl/worksheets/sheet{k}.xml", f"{office}.spreadsheetml.worksheet+xml")
             for k in range(1, sheets + 1)]
    overrides = "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in over)
    return (f'{_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>")
