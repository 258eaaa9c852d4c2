"""The cells of a report form read straight from the .xlsx parts, for speed.

A province's consolidation reads hundreds of forms; openpyxl's `load_workbook` builds the whole
object model of each (every style object, every sheet's cells, data validations, protection):
~20 ms a form, close to half of the consolidation. The reader needs a few dozen values and, for
text, the cell's font name (legacy Vietnamese fonts). So this module parses only the parts that
hold them — the workbook's sheet list, the shared strings, the fonts and number formats of the
styles, and the sheets asked for — from an archive already checked by `gendoc.safezip`, each
part read with its inflation cap. Values mean what openpyxl's `data_only=True` gives (cached
formula results, numbers as int or float, date-formatted numbers as datetimes, booleans), except
that text is returned exactly as stored: Excel's `_xHHHH_` escapes are left for the caller to
decode once (`gendoc.xlsx_text.decode_excel_escapes`).
"""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from typing import Any

from lxml import etree
from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format
from openpyxl.utils.datetime import MAC_EPOCH, WINDOWS_EPOCH, from_excel, from_ISO8601

from gendoc.safezip import read_member

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_V, _IS, _T, _R = f"{_MAIN}v", f"{_MAIN}is", f"{_MAIN}t", f"{_MAIN}r"
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                          remove_comments=True)


@dataclass(frozen=True)
class CellValue:
    value: Any
    font: str | None  # the font name of the cell's style


@dataclass(frozen=True)
class _Style:
    font: str | None
    date: bool
    timedelta: bool


class FormCells:
    """Sheet names and cell values of one workbook; `load` parses the sheets asked for (while
    the archive is open), `cell` then answers from them."""

    def __init__(self, archive: zipfile.ZipFile, shown: str, limit: int) -> None:
        self._archive, self._shown, self._limit = archive, shown, limit
        book_path = self._office_document()
        book = self._xml(book_path)
        pr = book.find(f"{_MAIN}workbookPr")
        self._epoch = MAC_EPOCH if pr is not None and pr.get("date1904") in ("1", "true") \
            else WINDOWS_EPOCH
        targets = self._rels(book_path)
        self._sheets: dict[str, str] = {}
        for sheet in book.iter(f"{_MAIN}sheet"):
            target = targets.get(sheet.get(f"{_REL}id") or "")
            if target is not None:
                self._sheets[sheet.get("name") or ""] = target
        self._strings = self._shared_strings(book_path, targets)
        self._styles = self._read_styles(book_path, targets)
        self._cells: dict[str, dict[str, CellValue]] = {}

    @property
    def sheetnames(self) -> list[str]:
        return list(self._sheets)

    def load(self, names: list[str]) -> None:
        for name in names:
            if name in self._sheets and name not in self._cells:
                self._cells[name] = self._read_sheet(self._sheets[name])

    def cell(self, sheet: str, ref: str) -> CellValue:
        found = self._cells[sheet].get(ref)
        return found or CellValue(None, self._styles[0].font if self._styles else None)

    # --- parts --------------------------------------------------------------------------------

    def _xml(self, name: str) -> Any:
        data = read_member(self._archive, name, self._shown, limit=self._limit)
        return etree.fromstring(data, _PARSER)

    def _office_document(self) -> str:
        try:
            rels = self._xml("_rels/.rels")
        except KeyError:
            return "xl/workbook.xml"
        for rel in rels.iter(f"{_PKG}Relationship"):
            if rel.get("Type", "").endswith("/officeDocument"):
                return (rel.get("Target") or "xl/workbook.xml").lstrip("/")
        return "xl/workbook.xml"

    def _rels(self, part: str) -> dict[str, str]:
        folder, name = posixpath.split(part)
        try:
            rels = self._xml(posixpath.join(folder, "_rels", f"{name}.rels"))
        except KeyError:
            return {}
        out = {}
        for rel in rels.iter(f"{_PKG}Relationship"):
            target = rel.get("Target") or ""
            path = target.lstrip("/") if target.startswith("/") else \
                posixpath.normpath(posixpath.join(folder, target))
            out[rel.get("Id") or ""] = path
            out["type:" + (rel.get("Type") or "").rsplit("/", 1)[-1]] = path
        return out

    def _shared_strings(self, book_path: str, targets: dict[str, str]) -> list[str]:
        name = targets.get("type:sharedStrings")
        if name is None or name not in self._archive.namelist():
            return []
        return [_text_of(si) for si in self._xml(name).iter(f"{_MAIN}si")]

    def _read_styles(self, book_path: str, targets: dict[str, str]) -> list[_Style]:
        name = targets.get("type:styles")
        if name is None or name not in self._archive.namelist():
            return []
        root = self._xml(name)
        custom = {int(f.get("numFmtId", "0")): f.get("formatCode") or ""
                  for f in root.iter(f"{_MAIN}numFmt")}
        fonts_el = root.find(f"{_MAIN}fonts")
        fonts = [] if fonts_el is None else [
            (f.find(f"{_MAIN}name").get("val") if f.find(f"{_MAIN}name") is not None else None)
            for f in fonts_el.findall(f"{_MAIN}font")]
        xfs_el = root.find(f"{_MAIN}cellXfs")
        styles = []
        for xf in [] if xfs_el is None else xfs_el.findall(f"{_MAIN}xf"):
            number = int(xf.get("numFmtId", "0"))
            code = custom.get(number) or BUILTIN_FORMATS.get(number, "General")
            font_id = int(xf.get("fontId", "0"))
            styles.append(_Style(fonts[font_id] if font_id < len(fonts) else None,
                                 is_date_format(code), is_timedelta_format(code)))
        return styles

    def _read_sheet(self, name: str) -> dict[str, CellValue]:
        cells: dict[str, CellValue] = {}
        for c in self._xml(name).iter(f"{_MAIN}c"):
            ref = c.get("r")
            if ref is None:
                continue
            style_id = int(c.get("s") or 0)
            style = self._styles[style_id] if style_id < len(self._styles) else None
            cells[ref] = CellValue(self._value(c, style), style.font if style else None)
        return cells

    def _value(self, c: Any, style: _Style | None) -> Any:
        """As openpyxl's reader (data_only): worksheet/_reader.py `parse_cell`."""
        kind = c.get("t", "n")
        value = None
        for child in c:  # a cell's children: <f>, <v>, <is> (at most one of each)
            if child.tag == _V and value is None:
                value = child.text
            elif child.tag == _IS and kind == "inlineStr":
                return _text_of(child)
        if kind == "inlineStr":
            return None
        if not value:
            return None
        if kind == "n":
            number: Any = float(value) if any(ch in value for ch in ".Ee") else int(value)
            if style is not None and style.date:
                try:
                    return from_excel(number, self._epoch, timedelta=style.timedelta)
                except (OverflowError, ValueError):
                    return "#VALUE!"
            return number
        if kind == "s":
            return self._strings[int(value)]
        if kind == "b":
            return bool(int(value))
        if kind == "d":
            return from_ISO8601(value)
        return value  # "str" (a formula's text result), "e" (an error such as #DIV/0!)


def _text_of(node: Any) -> str:
    """A string item's text: its `t` then its runs' `t`s; phonetic runs (`rPh`) left out."""
    direct: list[str] = []
    runs: list[str] = []
    for child in node:
        if child.tag == _T and not direct:
            direct.append(child.text or "")
        elif child.tag == _R:
            runs += [t.text or "" for t in child if t.tag == _T]
    return "".join(direct + runs)
