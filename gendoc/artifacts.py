"""Artifacts: what a kind makes from one document, in memory, before anything is written.

A kind never writes files. It returns artifacts — a path relative to `output/`, a media type,
the bytes, and whether the file is an ND30 administrative document — and `gendoc.output` writes
them. Keeping outputs in memory until a document has been fully rendered means a failure leaves
no half-made package behind, and lets the writer refuse two sources claiming one path.

Bytes are made reproducible here (`reproducible`): the same inputs give the same bytes, so the
register's hashes stay valid across rebuilds. Office files are zip packages whose members carry
the clock's time and whose `docProps/core.xml` carries created/modified stamps; both are fixed.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import PurePosixPath

#: Characters XML 1.0 cannot hold (C0 controls but tab, line feed and carriage return; U+FFFE,
#: U+FFFF): what every writer of Office XML text drops from content (or refuses, as lxml does).
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def xml_chars(text: str) -> str:
    """`text` without the characters XML cannot hold."""
    return NOT_XML.sub("", text) if NOT_XML.search(text) else text


DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
PNG = "image/png"
JPEG = "image/jpeg"
GIF = "image/gif"
HTML = "text/html; charset=utf-8"
TEXT = "text/plain; charset=utf-8"
YAML = "application/yaml"

MEDIA_TYPES = {".docx": DOCX, ".xlsx": XLSX, ".pdf": PDF, ".png": PNG, ".jpg": JPEG,
               ".jpeg": JPEG, ".gif": GIF, ".html": HTML, ".txt": TEXT, ".yaml": YAML}
OFFICE_SUFFIXES = (".docx", ".xlsx")

# Zip member times: the earliest a zip can hold. Office ignores them; fixing them is what makes
# two builds byte-identical.
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
_CORE_STAMP = re.compile(
    rb"(<dcterms:(created|modified)\b[^>]*>)[^<]*(</dcterms:(?:created|modified)>)")


@dataclass(frozen=True)
class Artifact:
    """One output file of one document, in memory."""

    path: PurePosixPath  # relative to output/, e.g. ke-hoach/so-noi-vu.docx
    data: bytes
    media_type: str
    nd30: bool = True  # held to the ND30 format by `gendoc check` (False: certificates, forms)
    # The maker already wrote reproducible bytes (documents saved through `office_zip`; batch
    # templates zip with fixed times and copy the template's properties): no second pass.
    fixed: bool = False

    @property
    def suffix(self) -> str:
        return self.path.suffix.lower()


def artifact(path: str | PurePosixPath, data: bytes, *, nd30: bool = True,
             fixed: bool = False) -> Artifact:
    """An artifact whose media type follows from its suffix."""
    path = PurePosixPath(path)
    media_type = MEDIA_TYPES.get(path.suffix.lower(), "application/octet-stream")
    return Artifact(path=path, data=data, media_type=media_type, nd30=nd30, fixed=fixed)


def reproducible(item: Artifact, date: dt.date | None) -> Artifact:
    """The artifact with clock-dependent bytes fixed: zip times, core-property dates.

    `date` is the document's own date (its `ngay:`); created/modified are set to it, or removed
    when a draft has no date yet, so they never come from the clock.
    """
    if item.fixed or item.suffix not in OFFICE_SUFFIXES:
        return item
    return replace(item, data=normalise_office(item.data, date))


def normalise_office(data: bytes, date: dt.date | None) -> bytes:
    """Rewrite an Office zip: fixed member times, same order, same compression, fixed stamps."""
    source = zipfile.ZipFile(io.BytesIO(data))
    return office_zip(((info.filename, source.read(info.filename)) for info in source.infolist()),
                      date)


def office_zip(members: Iterable[tuple[str, bytes]], date: dt.date | None) -> bytes:
    """An Office package of `members` (name, bytes), in order, made reproducible as it is
    written: every member at `ZIP_EPOCH`, deflated at level 6, and the core properties' dates
    fixed to `date` (removed when None). The one zip writer of Office packages."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for name, payload in members:
            if name == "docProps/core.xml":
                payload = _fixed_core_dates(payload, date)
            fixed = zipfile.ZipInfo(name, date_time=ZIP_EPOCH)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, payload, compress_type=zipfile.ZIP_DEFLATED, compresslevel=6)
    return out.getvalue()


def _fixed_core_dates(xml: bytes, date: dt.date | None) -> bytes:
    if date is None:
        return _CORE_STAMP.sub(rb"", xml)
    stamp = f"{date.isoformat()}T00:00:00Z".encode()
    return _CORE_STAMP.sub(lambda m: m.group(1) + stamp + m.group(3), xml)
