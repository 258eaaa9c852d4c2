"""What kind of document a .docx is: gendoc's mark in its properties, or its printed title.

gendoc writes the kind of each output into the document's core properties (`category`, shown by
Word under File › Info › Properties): `gendoc:nd30:ke_hoach` for an ND30 administrative document,
`gendoc:khac:giay_chung_nhan` for anything else (certificates, attendance lists, TV/radio
scripts, profiles). The mark is set in the built-in templates (so every rendering carries it)
and by the outputs drawn in code; it is a constant, so outputs stay byte-for-byte reproducible.

`gendoc check` reads it to know what it checks: a document that is not an ND30 administrative
document is reported as such instead of failing the ND30 rules. A file gendoc did not write
(no mark) is recognised by its printed title.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from gendoc import nd30
from gendoc.exceptions import UnusableInputError
from gendoc.safezip import open_zip, read_member

PREFIX = "gendoc"
ND30, OTHER = "nd30", "khac"
NOT_ND30_NOTE = "không phải văn bản hành chính theo Nghị định 30 — không kiểm tra thể thức"

# Printed titles of documents that are not administrative documents (ND30, Điều 7 lists the
# administrative types; these are forms, certificates and media material).
NOT_ND30_TITLES = (
    "GIẤY CHỨNG NHẬN", "DANH SÁCH HỌC VIÊN", "DANH SÁCH ĐẠI BIỂU", "KỊCH BẢN", "TIN PHÁT THANH",
    "TIN BÀI", "GƯƠNG ĐIỂN HÌNH", "GƯƠNG PHỤ NỮ", "HỒ SƠ", "PHIẾU ĐIỂM DANH",
)
CORE_NS = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_CATEGORY_TAG = f"{{{CORE_NS}}}category"


@dataclass(frozen=True)
class DocKind:
    """What a file is: its kind name (None when unknown), whether ND30 applies, and how we know."""

    name: str | None
    nd30: bool
    source: str  # "mark" | "title" | "default"


def category(kind: str, official: bool) -> str:
    """The value gendoc writes in the `category` core property."""
    return f"{PREFIX}:{ND30 if official else OTHER}:{kind}"


def mark(document, kind: str, official: bool) -> None:  # noqa: ANN001 - python-docx Document
    """Mark an open python-docx document with its kind.

    Written as XML with the namespace spelled out: python-docx's `core_properties.category`
    setter resolves the `cp:` prefix through a global table that docxcompose (loaded by docxtpl)
    rebinds to the custom-properties namespace, and would then add a second, invalid element.
    """
    root = document.core_properties._element
    for stray in [c for c in root if isinstance(c.tag, str) and c.tag.endswith("}category")
                  and c.tag != _CATEGORY_TAG]:
        root.remove(stray)
    element = root.find(_CATEGORY_TAG)
    if element is None:
        element = etree.SubElement(root, _CATEGORY_TAG)
    element.text = category(kind, official)


def parse(value: str | None) -> DocKind | None:
    parts = (value or "").strip().split(":", 2)
    if len(parts) == 3 and parts[0] == PREFIX and parts[1] in (ND30, OTHER):
        return DocKind(parts[2] or None, parts[1] == ND30, "mark")
    return None


def read_mark(path: Path) -> DocKind | None:
    """The mark of a .docx file, or None (not a zip, no core properties, no gendoc mark)."""
    try:
        with open_zip(path, path) as zf:  # bounded inflation, no DTD (gendoc.safezip)
            core = read_member(zf, "docProps/core.xml", path)
        root = etree.fromstring(core, etree.XMLParser(resolve_entities=False, no_network=True))
    except (OSError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError, UnusableInputError):
        return None
    found = root.find(_CATEGORY_TAG)
    return parse(found.text) if found is not None else None


def by_title(lines: list[str]) -> DocKind:
    """Recognise a document gendoc did not mark by its first printed lines: an ND30 tên loại
    (KẾ HOẠCH, BÁO CÁO …) first means ND30; a certificate's or a form's title means not."""
    admin = set(nd30.TYPE_ABBREVIATIONS) | set(nd30.TYPES_WITHOUT_ABBREVIATION)
    for line in lines[:25]:
        text = " ".join(line.split()).upper()
        if text in admin:
            return DocKind(None, True, "title")
        for title in NOT_ND30_TITLES:
            if text.startswith(title):
                return DocKind(None, False, "title")
    return DocKind(None, True, "default")


def classify(path: Path, lines: list[str] | None = None) -> DocKind:
    """The mark when there is one, else the title among `lines` (the document's first lines)."""
    found = read_mark(path) if path.suffix.lower() == ".docx" else None
    return found or by_title(lines or [])
