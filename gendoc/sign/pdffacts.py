"""What a PDF is: version, PDF/A claim, metadata, fonts, page sizes and text margins.

The structure is read with pyHanko's PDF reader (the same parser that signs and validates);
text positions come from `gendoc.sign.textlayout` (pdfminer.six). Nothing here changes the file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.reader import PdfFileReader

from gendoc.sign.errors import VERBOSE_HINT, SignError

MM_PER_PT = 25.4 / 72
MAX_PAGES = 2000  # a larger file is not an administrative document: refuse instead of crawling

_PDFA_PART = re.compile(r"pdfaid:part\s*(?:=\s*[\"']|>)\s*(\d)")
_PDFA_CONF = re.compile(r"pdfaid:conformance\s*(?:=\s*[\"']|>)\s*([ABUabu])")


@dataclass(frozen=True)
class FontFact:
    name: str
    embedded: bool


@dataclass(frozen=True)
class PageFact:
    width_mm: float
    height_mm: float


@dataclass
class PdfFacts:
    version: str
    pdfa: str | None  # "2B" when the XMP packet claims PDF/A-2b
    title: str = ""
    author: str = ""
    subject: str = ""
    fonts: list[FontFact] = field(default_factory=list)
    pages: list[PageFact] = field(default_factory=list)


def open_reader(path: Path) -> PdfFileReader:
    """A pyHanko reader over the file's bytes; a file that is not a PDF → SignError."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SignError(f"không đọc được tệp '{path}' ({exc.strerror or exc}).") from exc
    if b"%PDF-" not in data[:1024]:
        raise SignError(f"'{path}' không phải tệp PDF — kiểm tra lại tệp (xuất PDF bằng "
                        "gendoc build --pdf).")
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        count = int(reader.root["/Pages"]["/Count"])
    except Exception as exc:  # pyHanko raises several parser errors for a damaged file
        raise SignError(f"'{path}': tệp PDF bị hỏng, không đọc được — xuất lại tệp PDF."
                        f"{VERBOSE_HINT}") from exc
    if count > MAX_PAGES:
        raise SignError(f"'{path}' có {count} trang, quá {MAX_PAGES} trang gendoc xử lý.")
    return reader


def pdf_version(reader: PdfFileReader) -> str:
    major, minor = reader.input_version
    declared = reader.root.get("/Version")  # a catalog /Version overrides the header (PDF 7.5.2)
    if declared is not None:
        text = str(declared).lstrip("/")
        if re.fullmatch(r"\d\.\d", text) and (int(text[0]), int(text[2])) > (major, minor):
            return text
    return f"{major}.{minor}"


def xmp_text(reader: PdfFileReader) -> str:
    meta = reader.root.get("/Metadata")
    if meta is None:
        return ""
    try:
        return meta.get_object().data.decode("utf-8", "replace")
    except Exception:  # a broken metadata stream counts as none
        return ""


def pdfa_claim(xmp: str) -> str | None:
    part, conf = _PDFA_PART.search(xmp), _PDFA_CONF.search(xmp)
    if not part:
        return None
    return part.group(1) + (conf.group(1).upper() if conf else "")


def _info(reader: PdfFileReader, key: str) -> str:
    try:
        info = reader.trailer_view.get("/Info")
        value = info.get_object().get(key) if info is not None else None
    except Exception:
        return ""
    return str(value) if value is not None else ""


def _font_embedded(font: generic.DictionaryObject) -> bool:
    if font.get("/Subtype") == "/Type3":
        return True  # glyphs are content streams inside the file
    if font.get("/Subtype") == "/Type0":
        font = font["/DescendantFonts"][0].get_object()
    descriptor = font.get("/FontDescriptor")
    if descriptor is None:
        return False
    descriptor = descriptor.get_object()
    return any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _fonts_in(resources: generic.PdfObject | None, found: dict[str, bool], seen: set[int]) -> None:
    if resources is None:
        return
    resources = resources.get_object()
    if id(resources) in seen or not isinstance(resources, generic.DictionaryObject):
        return
    seen.add(id(resources))
    fonts = resources.get("/Font")
    for _key, ref in (fonts.get_object().items() if fonts is not None else ()):
        font = ref.get_object()
        name = str(font.get("/BaseFont", "?")).lstrip("/")
        found[name] = found.get(name, True) and _font_embedded(font)
    xobjects = resources.get("/XObject")
    for _key, ref in (xobjects.get_object().items() if xobjects is not None else ()):
        obj = ref.get_object()
        if obj.get("/Subtype") == "/Form":
            _fonts_in(obj.get("/Resources"), found, seen)


def fonts(reader: PdfFileReader) -> list[FontFact]:
    """Fonts used by the pages, their form XObjects and annotation appearances."""
    found: dict[str, bool] = {}
    seen: set[int] = set()
    for index in range(int(reader.root["/Pages"]["/Count"])):
        page = reader.find_page_for_modification(index)[0].get_object()
        _fonts_in(page.get("/Resources"), found, seen)
        for annot in page.get("/Annots", ()):
            appearance = annot.get_object().get("/AP")
            normal = appearance.get_object().get("/N") if appearance is not None else None
            if normal is not None and isinstance(normal.get_object(), generic.StreamObject):
                _fonts_in(normal.get_object().get("/Resources"), found, seen)
    return [FontFact(name, embedded) for name, embedded in sorted(found.items())]


def page_sizes(reader: PdfFileReader) -> list[PageFact]:
    out = []
    for index in range(int(reader.root["/Pages"]["/Count"])):
        page = reader.find_page_for_modification(index)[0].get_object()
        box = page.get("/CropBox") or inherited(page, "/MediaBox")
        x0, y0, x1, y1 = (float(v) for v in box)
        out.append(PageFact(abs(x1 - x0) * MM_PER_PT, abs(y1 - y0) * MM_PER_PT))
    return out


def inherited(page: generic.DictionaryObject, key: str):  # noqa: ANN202 - a PDF array
    """A page attribute, looked up through its parents (MediaBox is inheritable, PDF 7.7.3.4)."""
    node: generic.DictionaryObject | None = page
    while node is not None:
        if key in node:
            return node[key]
        parent = node.get("/Parent")
        node = parent.get_object() if parent is not None else None
    return [0, 0, 612, 792]


def read_facts(path: Path) -> PdfFacts:
    reader = open_reader(path)
    return PdfFacts(version=pdf_version(reader), pdfa=pdfa_claim(xmp_text(reader)),
                    title=_info(reader, "/Title"), author=_info(reader, "/Author"),
                    subject=_info(reader, "/Subject"), fonts=fonts(reader), pages=page_sizes(reader))
