"""Reading a .docx package with lxml only: parts, relationships and paragraph text.

The checker reads the XML itself instead of going through python-docx objects because it
must survive anyone's documents (python-docx raises on values such as `w:jc="end"`) and
check a 300-page file in seconds. Anything the package lacks comes back as `None`.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from gendoc.exceptions import UnusableInputError
from gendoc.safezip import check_archive, read_member

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"w": W_NS, "r": R_NS, "mc": MC_NS, "a": A_NS}

MAIN_DOC_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
HEADER_TYPE = R_NS + "/header"
FOOTER_TYPE = R_NS + "/footer"
STYLES_TYPE = R_NS + "/styles"
SETTINGS_TYPE = R_NS + "/settings"
NUMBERING_TYPE = R_NS + "/numbering"
THEME_TYPE = R_NS + "/theme"

MAX_UNCOMPRESSED = 256 * 1024 * 1024  # refuse zip bombs rather than exhaust memory

# No DTDs (gendoc.safezip refuses them before parsing), no entities, no network.
_PARSER = etree.XMLParser(resolve_entities=False, huge_tree=True, remove_blank_text=False,
                          no_network=True, load_dtd=False)


def _part(zf: zipfile.ZipFile, name: str) -> etree._Element:
    """A part parsed, never inflating more than MAX_UNCOMPRESSED whatever its header says."""
    return etree.fromstring(read_member(zf, name, zf.filename or "", limit=MAX_UNCOMPRESSED),
                            _PARSER)


def w(tag: str) -> str:
    """Clark name of a WordprocessingML tag: w('p') -> '{ns}p'."""
    return f"{{{W_NS}}}{tag}"


def wattr(el: etree._Element | None, name: str) -> str | None:
    """A `w:`-namespaced attribute, or None."""
    if el is None:
        return None
    return el.get(f"{{{W_NS}}}{name}")


W_P, W_R, W_T, W_TAB, W_BR, W_CR, W_TBL, W_TR, W_TC = (
    w("p"), w("r"), w("t"), w("tab"), w("br"), w("cr"), w("tbl"), w("tr"), w("tc"),
)
W_PPR, W_RPR, W_SECTPR, W_TXBX, W_DELTEXT = w("pPr"), w("rPr"), w("sectPr"), w("txbxContent"), w(
    "delText"
)
W_NOBREAKHYPHEN, W_SDT, W_SDTCONTENT, W_INSTR, W_FLDSIMPLE = (
    w("noBreakHyphen"), w("sdt"), w("sdtContent"), w("instrText"), w("fldSimple"),
)
_SKIP_TEXT = {W_TXBX, w("del"), f"{{{MC_NS}}}Fallback", w("footnoteReference")}


class PackageError(Exception):
    """The file is not a readable .docx; the message is Vietnamese and says why."""


@dataclass
class Package:
    """The parts of one .docx the checker needs, parsed."""

    document: etree._Element
    styles: etree._Element | None = None
    settings: etree._Element | None = None
    numbering: etree._Element | None = None
    theme: etree._Element | None = None
    headers: dict[str, etree._Element] = field(default_factory=dict)  # rId -> hdr/ftr root
    app_pages: int | None = None


def _rels(zf: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationships of a part: rId -> (type, zip path of target)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    if rels_name not in zf.namelist():
        return {}
    root = _part(zf, rels_name)
    out = {}
    for rel in root.iter(f"{{{PR_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
            posixpath.join(folder, target)
        )
        out[rel.get("Id", "")] = (rel.get("Type", ""), path)
    return out


def load_package(path: str | Path) -> Package:
    """Open a .docx and parse the parts the rules read; raise PackageError when unusable."""
    path = Path(path)
    if not path.exists():
        raise PackageError(f"không tìm thấy tệp '{path}'. Kiểm tra lại đường dẫn.")
    if path.is_dir():
        raise PackageError(f"'{path}' là thư mục, không phải tệp .docx.")
    try:
        with open(path, "rb") as fh:
            magic = fh.read(8)
    except OSError as exc:
        raise PackageError(f"không mở được '{path}' ({exc.strerror}).") from exc
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise PackageError(
            f"'{path}' là tệp Word cũ (.doc) hoặc tệp .docx đã đặt mật khẩu; mở bằng Word, bỏ mật "
            "khẩu nếu có và lưu lại dạng Word Document (.docx)."
        )
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        hint = " (tệp .doc cũ: mở bằng Word và lưu lại dạng .docx)" if path.suffix.lower() == ".doc" else ""
        raise PackageError(
            f"'{path}' không phải tệp .docx hợp lệ (không đọc được như tệp nén Office Open XML"
            f"{hint}). Mở bằng Word và lưu lại dạng .docx."
        ) from exc
    with zf:
        try:
            check_archive(zf, path, limit=MAX_UNCOMPRESSED)
            return _read(zf)
        except UnusableInputError as exc:  # a zip bomb, a DTD: gendoc.safezip's message
            raise PackageError(exc.format_message()) from exc
        except PackageError:
            raise
        except (zipfile.BadZipFile, etree.XMLSyntaxError, KeyError, OSError, EOFError,
                ValueError, RuntimeError) as exc:
            raise PackageError(
                f"'{path}' bị hỏng, không đọc được nội dung văn bản. "
                "Mở bằng Word, lưu lại rồi kiểm tra lại."
            ) from exc


def _read(zf: zipfile.ZipFile) -> Package:
    names = set(zf.namelist())
    main = None
    for _rid, (rtype, target) in _rels(zf, "").items():
        if rtype == MAIN_DOC_TYPE or rtype.endswith("/officeDocument"):
            main = target
    if main is None and "word/document.xml" in names:
        main = "word/document.xml"
    if main is None or main not in names:
        raise PackageError(
            "tệp nén không chứa văn bản Word (thiếu word/document.xml) — không phải tệp .docx."
        )
    document = _part(zf, main)
    if document.tag != w("document"):
        if "purl.oclc.org/ooxml" in document.tag:
            raise PackageError(
                "tệp lưu ở dạng «Strict Open XML»; mở bằng Word và lưu lại dạng Word Document "
                "(.docx) thường."
            )
        raise PackageError("phần văn bản chính không phải WordprocessingML — không phải tệp .docx.")
    pkg = Package(document=document)
    for rid, (rtype, target) in _rels(zf, main).items():
        if target not in names:
            continue
        kind = rtype.rsplit("/", 1)[-1]
        if kind in ("styles", "settings", "numbering", "theme"):
            setattr(pkg, kind, _part(zf, target))
        elif kind in ("header", "footer"):
            pkg.headers[rid] = _part(zf, target)
    if "docProps/app.xml" in names:
        try:
            app = _part(zf, "docProps/app.xml")
            pages = [el.text for el in app if etree.QName(el).localname == "Pages"]
            pkg.app_pages = int(pages[0]) if pages and pages[0] else None
        except (etree.XMLSyntaxError, ValueError):
            pkg.app_pages = None
    return pkg


def package_from_document(doc) -> Package:  # noqa: ANN001 - a python-docx Document
    """Build a Package from an open python-docx Document (no re-reading from disk)."""
    part = doc.part
    pkg = Package(document=part.element)
    for rid, rel in part.rels.items():
        if rel.is_external:
            continue
        kind = rel.reltype.rsplit("/", 1)[-1]
        target = rel.target_part
        element = getattr(target, "element", None)
        if element is None:
            try:
                element = etree.fromstring(target.blob, _PARSER)
            except (etree.XMLSyntaxError, ValueError):
                continue
        if kind in ("styles", "settings", "numbering", "theme"):
            setattr(pkg, kind, element)
        elif kind in ("header", "footer"):
            pkg.headers[rid] = element
    return pkg


# ---------------------------------------------------------------------------------------------
# Text
# ---------------------------------------------------------------------------------------------
def iter_runs(p: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's own runs in order (not those of text boxes or deleted text)."""
    stack = list(reversed(p))
    while stack:
        el = stack.pop()
        tag = el.tag
        if tag == W_R:
            yield el
        elif tag in _SKIP_TEXT or tag == W_PPR or not isinstance(tag, str):
            continue
        else:
            stack.extend(reversed(el))


def run_text(r: etree._Element) -> str:
    """Visible text of one run: tabs as '\\t', breaks as '\\n'."""
    parts = []
    for child in r:
        tag = child.tag
        if tag == W_T:
            parts.append(child.text or "")
        elif tag == W_TAB:
            parts.append("\t")
        elif tag in (W_BR, W_CR):
            parts.append("\n")
        elif tag == W_NOBREAKHYPHEN:
            parts.append("-")
    return "".join(parts)


def has_field(el: etree._Element, name: str) -> bool:
    """Whether a field with instruction `name` (e.g. PAGE) occurs anywhere under `el`."""
    for fs in el.iter(W_FLDSIMPLE):
        instr = (wattr(fs, "instr") or "").split()
        if instr and instr[0].upper() == name:
            return True
    for it in el.iter(W_INSTR):
        instr = (it.text or "").split()
        if instr and instr[0].upper() == name:
            return True
    return False


def block_items(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables directly in a body or cell, looking through sdt/customXml wrappers."""
    for el in container:
        tag = el.tag
        if tag in (W_P, W_TBL):
            yield el
        elif tag == W_SDT:
            content = el.find(W_SDTCONTENT)
            if content is not None:
                yield from block_items(content)
        elif tag == w("customXml"):
            yield from block_items(el)
