"""Convert districts' legacy-encoded files (TCVN3/VNI) to Unicode: .docx, .xlsx and plain text.

In Word and Excel the encoding is known from the font of each run or cell (.VnTime* → TCVN3,
.VnTimeH → TCVN3 capitals, VNI-* → VNI), so conversion is exact run by run: the text is decoded
and the font switched to Times New Roman (ND30). Fonts set on styles and document defaults are
resolved too, because old templates often put ".VnTime" on the Normal style rather than on runs.
Plain text carries no font, so its encoding is guessed (or given with `--ma`).

A run whose text already holds Unicode Vietnamese (ă, ơ, ư, ạ …) keeps its text: only its font
changes. Files are written atomically (temp file + rename) via `gendoc.writer`.
"""

from __future__ import annotations

import unicodedata
import zipfile
from collections import Counter
from copy import copy
from dataclasses import dataclass, field
from pathlib import Path

from gendoc.exceptions import GendocError, UnusableInputError
from gendoc.nd30 import FONT_NAME
from gendoc.vi.legacy import TCVN3, VNI, decode, font_encoding, guess_encoding
from gendoc.writer import atomic_save

TEXT_SUFFIXES = {".txt", ".csv", ".md", ".yaml", ".yml", ".tsv", ".html", ".htm"}


@dataclass
class Report:
    """What a conversion did: counts per encoding ("tcvn3", "vni") of runs/cells/lines."""

    counts: Counter = field(default_factory=Counter)
    fonts: set[str] = field(default_factory=set)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> str:
        """One Vietnamese line for the CLI."""
        if not self.total:
            return "không tìm thấy văn bản mã TCVN3 hoặc VNI (tệp đã là Unicode)"
        parts = [f"{n} đoạn {enc.upper()}" for enc, n in sorted(self.counts.items())]
        text = "đã chuyển " + ", ".join(parts) + " sang Unicode"
        if self.fonts:
            text += f" (phông cũ: {', '.join(sorted(self.fonts))} → {FONT_NAME})"
        return text


# ---------------------------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------------------------
def _w(tag: str) -> str:
    # heavy: python-docx, only when a .docx is converted
    from docx.oxml.ns import qn

    return qn(f"w:{tag}")


def _rfonts_name(rpr) -> str | None:  # noqa: ANN001 - lxml element
    if rpr is None:
        return None
    rfonts = rpr.find(_w("rFonts"))
    if rfonts is None:
        return None
    return rfonts.get(_w("hAnsi")) or rfonts.get(_w("ascii"))


def _set_font(rpr_parent, make_rpr) -> None:  # noqa: ANN001 - lxml element
    """Point ascii/hAnsi/cs at Times New Roman and drop theme fonts that would override it."""
    rpr = make_rpr(rpr_parent)
    rfonts = rpr.find(_w("rFonts"))
    if rfonts is None:
        # heavy: python-docx, only when a .docx is converted
        from docx.oxml import OxmlElement

        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attr in ("ascii", "hAnsi", "cs"):
        rfonts.set(_w(attr), FONT_NAME)
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme"):
        rfonts.attrib.pop(_w(attr), None)


class _StyleFonts:
    """Effective font of a style id, following basedOn, with the document default last."""

    def __init__(self, styles_el) -> None:  # noqa: ANN001 - lxml element
        self.by_id = {s.get(_w("styleId")): s for s in styles_el.iter(_w("style"))}
        self.default_para = next(
            (
                sid
                for sid, s in self.by_id.items()
                if s.get(_w("type")) == "paragraph" and s.get(_w("default")) in ("1", "true")
            ),
            None,
        )
        rpr = styles_el.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
        self.doc_default = _rfonts_name(rpr)
        self._cache: dict[str | None, str | None] = {}

    def font(self, style_id: str | None) -> str | None:
        if style_id in self._cache:
            return self._cache[style_id]
        seen, sid, found = set(), style_id, None
        while sid and sid not in seen and sid in self.by_id:
            seen.add(sid)
            el = self.by_id[sid]
            found = _rfonts_name(el.find(_w("rPr")))
            if found:
                break
            based = el.find(_w("basedOn"))
            sid = based.get(_w("val")) if based is not None else None
        self._cache[style_id] = found
        return found


def _run_font(run, styles: _StyleFonts) -> str | None:  # noqa: ANN001 - lxml element
    rpr = run.find(_w("rPr"))
    direct = _rfonts_name(rpr)
    if direct:
        return direct
    if rpr is not None and (rstyle := rpr.find(_w("rStyle"))) is not None:
        font = styles.font(rstyle.get(_w("val")))
        if font:
            return font
    para = run.getparent()
    while para is not None and para.tag != _w("p"):
        para = para.getparent()
    pstyle_id = styles.default_para
    if para is not None:
        pstyle = para.find(f"{_w('pPr')}/{_w('pStyle')}")
        if pstyle is not None:
            pstyle_id = pstyle.get(_w("val"))
    return styles.font(pstyle_id) or styles.font(styles.default_para) or styles.doc_default


def _get_or_add_rpr(run):  # noqa: ANN001, ANN202 - a plain lxml w:r (footnotes)
    rpr = run.find(_w("rPr"))
    if rpr is None:
        # heavy: python-docx, only when a .docx is converted
        from docx.oxml import OxmlElement

        rpr = OxmlElement("w:rPr")
        run.insert(0, rpr)
    return rpr


def _content_elements(document, styles_el):  # noqa: ANN001, ANN202
    """XML roots holding text: body, headers, footers, comments (parsed by python-docx) and
    footnotes/endnotes (plain parts: parsed here, written back to the part's blob on save)."""
    # heavy: python-docx and lxml, only when a .docx is converted
    from docx.oxml import parse_xml
    from lxml import etree

    for part in document.part.package.iter_parts():
        element = getattr(part, "element", None)
        if element is not None:
            if element is not styles_el:
                yield element
        elif str(part.content_type).endswith(("footnotes+xml", "endnotes+xml")):
            element = parse_xml(part.blob)
            yield element
            part._blob = etree.tostring(  # noqa: SLF001 - generic Part keeps its bytes here
                element, xml_declaration=True, encoding="UTF-8", standalone=True
            )


def convert_docx(src: Path, dst: Path) -> Report:
    """Convert every legacy-font run of a .docx (body, tables, headers, footers, notes)."""
    # heavy: python-docx, only when a .docx is converted
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(src))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnusableInputError(
            f"{src}: không mở được tệp Word (.docx) — tệp hỏng hoặc không phải .docx ({exc}). "
            "Nếu là tệp .doc cũ, hãy mở bằng Word và lưu lại dạng .docx."
        ) from None
    styles_el = document.styles.element
    styles = _StyleFonts(styles_el)
    report = Report()
    for element in _content_elements(document, styles_el):
        for run in list(element.iter(_w("r"))):
            font = _run_font(run, styles)
            legacy = font_encoding(font)
            if legacy is None:
                continue
            encoding, upper = legacy
            for t in run.iter(_w("t")):
                if t.text:
                    t.text = decode(t.text, encoding, upper)
            report.counts[encoding] += 1
            report.fonts.add(font or "")
            _set_font(run, lambda el: el.get_or_add_rPr() if hasattr(el, "get_or_add_rPr")
                      else _get_or_add_rpr(el))  # fmt: skip
    # Styles and defaults that name a legacy font would draw new text in it: switch them too.
    for style in styles.by_id.values():
        name = _rfonts_name(style.find(_w("rPr")))
        if font_encoding(name):
            report.fonts.add(name or "")
            _set_font(style, lambda el: el.find(_w("rPr")))
    defaults = styles_el.find(f"{_w('docDefaults')}/{_w('rPrDefault')}")
    if defaults is not None and font_encoding(styles.doc_default):
        _set_font(defaults, lambda el: el.find(_w("rPr")))
    _save(dst, document.save)
    return report


# ---------------------------------------------------------------------------------------------
# .xlsx
# ---------------------------------------------------------------------------------------------
def convert_xlsx(src: Path, dst: Path) -> Report:
    """Convert every text cell whose font is legacy, in every sheet; formulas are left alone."""
    # heavy: openpyxl, only when an .xlsx is converted
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(src)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise UnusableInputError(
            f"{src}: không mở được tệp Excel (.xlsx) — tệp hỏng hoặc không phải .xlsx ({exc}). "
            "Nếu là tệp .xls cũ, hãy mở bằng Excel và lưu lại dạng .xlsx."
        ) from None
    report = Report()
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                legacy = font_encoding(cell.font.name if cell.font else None)
                if legacy is None:
                    continue
                encoding, upper = legacy
                if isinstance(cell.value, str) and cell.data_type != "f":
                    cell.value = decode(cell.value, encoding, upper)
                    report.counts[encoding] += 1
                report.fonts.add(cell.font.name)
                font = copy(cell.font)
                font.name = FONT_NAME
                cell.font = font
    _save(dst, workbook.save)
    return report


# ---------------------------------------------------------------------------------------------
# plain text
# ---------------------------------------------------------------------------------------------
def convert_text(src: Path, dst: Path, encoding: str | None = None) -> Report:
    """Convert a text file. Legacy bytes are read as Latin-1; `encoding` None guesses it."""
    raw = src.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    report = Report()
    enc = encoding or guess_encoding(text)
    if enc is not None:
        lines = text.splitlines(keepends=True)
        out = []
        for line in lines:
            new = decode(line, enc)
            if new != line:
                report.counts[enc] += 1
            out.append(new)
        text = "".join(out)
    text = unicodedata.normalize("NFC", text)
    _save(dst, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    return report


# ---------------------------------------------------------------------------------------------
def _save(dst: Path, save) -> None:  # noqa: ANN001 - a callable taking the temp path
    atomic_save(dst, lambda tmp: save(str(tmp)))


def convert_file(src: Path | str, dst: Path | str, encoding: str | None = None) -> Report:
    """Convert `src` to Unicode into `dst` by its suffix (.docx, .xlsx, or text)."""
    src, dst = Path(src), Path(dst)
    if not src.is_file():
        raise GendocError(f"không tìm thấy tệp '{src}' — kiểm tra lại tên và đường dẫn.")
    if dst.resolve() == src.resolve():
        raise GendocError(
            f"tệp ra '{dst}' trùng tệp vào — hãy chọn tên khác với -o để giữ lại bản gốc."
        )
    if encoding not in (None, TCVN3, VNI):
        raise GendocError(f"bảng mã '{encoding}' không hỗ trợ — chọn tcvn3, vni hoặc tu-dong.")
    if not dst.parent.exists():
        raise GendocError(f"thư mục '{dst.parent}' của tệp ra không tồn tại — hãy tạo trước.")
    suffix = src.suffix.lower()
    if suffix == ".docx":
        return convert_docx(src, dst)
    if suffix == ".xlsx":
        return convert_xlsx(src, dst)
    if suffix in (".doc", ".xls"):
        raise UnusableInputError(
            f"{src}: gendoc chỉ đọc .docx/.xlsx — hãy mở tệp bằng Word/Excel và lưu lại dạng "
            f"{suffix}x rồi chuyển mã."
        )
    return convert_text(src, dst, encoding)
