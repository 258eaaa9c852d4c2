"""PDFs of a batch's items cut from the PDF of the batch's combined file.

A course has a combined printable file of its invitations and one of its certificates
(gendoc.training.batch `combine`: each item's body followed by a section break — new page, page
numbers from 1). LibreOffice converting the combined file lays out every item anyway, so
converting each item's own .docx again would pay LibreOffice's per-document cost (loading
styles, fonts, layout: ≈ 0.1 s CPU each) 400 times for pages it has already made. Instead:

- the combined .docx carries, where each item starts, an empty hidden bookmark named after the
  item's file (`item_mark`: '_GdItem_' + a hash of the item's path relative to the combined
  file's folder) — this is how a combined output declares its items, in the file itself, so it
  holds for documents the build skipped as much as for those it rendered;
- LibreOffice exports Writer bookmarks as PDF named destinations (`ExportBookmarksToPDFDestination`
  in gendoc.pdf's filter), each pointing at the page where its item starts;
- each item's PDF is the combined PDF's pages from its destination up to the next item's, with
  the combined PDF's PDF/A parts (output intent, XMP metadata, embedded fonts, language) and the
  item's own title from its .docx core properties — what converting the item alone gives, page
  for page (tests/pdf/test_pdf_split.py compares the rasterised pages).

Never a wrong split: a combined PDF whose destinations are not all there, not in order, or not
starting on its first page, an item whose other properties (author, subject, keywords) differ
from the combined file's, anything that does not read — and those items are converted one by
one, as before. Same combined PDF → same bytes of each item's PDF (document ID from the content).

What the split PDFs lack: the tag structure (LibreOffice's PDF/A-2b export is tagged; a cut
PDF's pages keep their content but no structure tree — PDF/A-2b does not require one).
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from gendoc.exceptions import GendocError
from gendoc.safezip import read_member
from gendoc.writer import atomic_write

MARK_PREFIX = "_GdItem_"
MEMBER_LIMIT = 64 * 1024 * 1024  # word/document.xml of a combined file: ~10 KB an item
WRITERS = 8  # threads writing cut PDFs (each write ends in an fsync)
_MARK = re.compile(rb'<w:bookmarkStart\b[^>]*?\bw:name="(_GdItem_[0-9a-f]{24})"')
_CORE = {"title": "{http://purl.org/dc/elements/1.1/}title",
         "subject": "{http://purl.org/dc/elements/1.1/}subject",
         "creator": "{http://purl.org/dc/elements/1.1/}creator",
         "keywords": "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
                     "keywords"}


def item_mark(relative: str) -> str:
    """The bookmark that marks where an item starts in a combined .docx, named after the item's
    path relative to the combined file's folder ('giay-moi/01-le-van-an.docx'). A leading '_'
    hides it from Word's bookmark list; 8 + 24 characters, within Word's 40."""
    return MARK_PREFIX + hashlib.sha256(relative.encode("utf-8")).hexdigest()[:24]


def seal(marks: Sequence[str]) -> str:
    """The bookmark after the last item: names every item mark in order, so a combined .docx
    that lost or reordered a mark is seen (and its items converted one by one)."""
    return MARK_PREFIX + hashlib.sha256("\n".join(marks).encode("ascii")).hexdigest()[:24]


def item_marks(relatives: Sequence[str]) -> list[str]:
    """The marks of a combined file's items (their paths relative to its folder), then its seal."""
    marks = [item_mark(relative) for relative in relatives]
    return [*marks, seal(marks)]


def pdf_names(mark: str) -> tuple[str, str]:
    """The PDF names LibreOffice may give a bookmark's destination: 7.4 writes each character
    outside [A-Za-z0-9] as two hex digits ('_' → '5F'); the name as it is, for other versions."""
    encoded = re.sub(r"[^A-Za-z0-9]", lambda m: f"{ord(m.group()):02X}", mark)
    return "/" + encoded, "/" + mark


@dataclass
class Batch:
    """A combined .docx and its items: every mark in order, and the item file of each mark that
    is among the files to convert (None: not converted in this run, its PDF is kept)."""

    combined: Path
    marks: list[str]
    items: list[Path | None]

    @property
    def wanted(self) -> list[Path]:
        return [item for item in self.items if item is not None]


@dataclass
class Cut:
    """What cutting made: item PDFs written, items still to convert, errors (Vietnamese)."""

    written: list[Path] = field(default_factory=list)
    left: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def _member(path: Path, name: str) -> bytes | None:
    """One part of a .docx, inflated to at most MEMBER_LIMIT (None: unreadable). Only that part
    is read (not the whole archive checked as safezip.open_zip does: 400 files a course), and the
    parsers that see it refuse entities."""
    try:
        with zipfile.ZipFile(path) as zf:
            return read_member(zf, name, path.name, limit=MEMBER_LIMIT)
    except (GendocError, OSError, KeyError, ValueError, zipfile.BadZipFile):
        return None


def find_batches(files: Sequence[Path]) -> list[Batch]:
    """The combined .docx among `files` whose items are among `files` too."""
    batches = []
    for combined in files:
        if combined.suffix.lower() != ".docx":
            continue
        xml = _member(combined, "word/document.xml")
        if xml is None or MARK_PREFIX.encode() not in xml:
            continue
        *marks, last = [m.decode() for m in _MARK.findall(xml)] or [""]
        if not marks or last != seal(marks):
            continue
        folder = combined.parent
        named = {item_mark(f.relative_to(folder).as_posix()): f for f in files
                 if f != combined and folder in f.parents}
        items = [named.get(mark) for mark in marks]
        if len(set(marks)) == len(marks) and any(items):
            batches.append(Batch(combined, marks, items))
    return batches


def _properties(docx: Path) -> dict[str, str] | None:
    """Title, subject, creator and keywords of a .docx (core properties); None: unreadable."""
    xml = _member(docx, "docProps/core.xml")
    if xml is None:
        return {key: "" for key in _CORE}  # no core properties: LibreOffice sets none
    try:
        root = etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        return None
    found = {key: root.find(tag) for key, tag in _CORE.items()}
    return {key: (el.text or "").strip() if el is not None else "" for key, el in found.items()}


def _starts(pdf: Any, marks: list[str]) -> list[int] | None:
    """The page index where each mark's item starts, or None unless every mark is there, in
    order, the first on the first page."""
    import pikepdf  # the PDF library: only when a combined PDF is cut

    dests: dict[str, Any] = {}
    if "/Dests" in pdf.Root:
        dests.update((str(k), v) for k, v in pdf.Root.Dests.items())
    if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
        dests.update(("/" + str(k), v) for k, v in pikepdf.NameTree(pdf.Root.Names.Dests).items())
    pages = {page.obj.objgen: index for index, page in enumerate(pdf.pages)}
    starts: list[int] = []
    for mark in marks:
        dest = next((dests[n] for n in pdf_names(mark) if n in dests), None)
        if isinstance(dest, pikepdf.Dictionary):
            dest = dest.get("/D")
        if not isinstance(dest, pikepdf.Array) or len(dest) == 0:
            return None
        start = pages.get(dest[0].objgen) if isinstance(dest[0], pikepdf.Dictionary) else None
        if start is None or (starts and start <= starts[-1]) or (not starts and start != 0):
            return None
        starts.append(start)
    return starts


def _copy(out: Any, obj: Any) -> Any:
    """`obj` of another PDF made usable in `out` (indirect objects copied with what they use)."""
    import pikepdf  # the PDF library: only when a combined PDF is cut

    if isinstance(obj, pikepdf.Object) and obj.is_indirect:
        return out.copy_foreign(obj)
    if isinstance(obj, pikepdf.Array):
        return pikepdf.Array([_copy(out, x) for x in obj])
    if isinstance(obj, pikepdf.Dictionary):
        return pikepdf.Dictionary({key: _copy(out, value) for key, value in obj.items()})
    return obj


def item_pdf(source: Any, first: int, end: int, title: str) -> bytes:
    """Pages [first, end) of `source` as a PDF of their own: the source's PDF/A output intent,
    XMP metadata, language and document information, with `title` as the title."""
    import pikepdf  # the PDF library: only when a combined PDF is cut

    out = pikepdf.new()
    for index in range(first, end):
        out.pages.append(source.pages[index])
    for page in out.pages:  # the structure tree stays behind: no dangling keys into it
        if "/StructParents" in page.obj:
            del page.obj["/StructParents"]
        for annot in page.obj.get("/Annots", []):
            if isinstance(annot, pikepdf.Dictionary) and "/StructParent" in annot:
                del annot["/StructParent"]
    for key in ("/OutputIntents", "/Metadata", "/Lang", "/ViewerPreferences", "/PageMode",
                "/PageLayout"):
        if key in source.Root:
            out.Root[key] = _copy(out, source.Root[key])
    action = source.Root.get("/OpenAction")
    if isinstance(action, pikepdf.Array) and len(action) > 0:  # open at the first page, as LO
        out.Root.OpenAction = pikepdf.Array([out.pages[0].obj, *(_copy(out, x) for x in action[1:])])
    info = pikepdf.Dictionary({key: _copy(out, value) for key, value
                               in source.trailer.get("/Info", pikepdf.Dictionary()).items()})
    if title:
        info.Title = pikepdf.String(title)
    elif "/Title" in info:
        del info.Title
    out.trailer.Info = out.make_indirect(info)
    if "/Metadata" in out.Root and title != str(source.docinfo.get("/Title", "")):
        with out.open_metadata(set_pikepdf_as_editor=False, update_docinfo=False) as meta:
            if title:
                meta["dc:title"] = title
            elif "dc:title" in meta:
                del meta["dc:title"]
    buffer = io.BytesIO()
    # The document ID from the content: same bytes. The XMP stays LibreOffice's (no PDF version
    # added by pikepdf).
    out.save(buffer, deterministic_id=True, fix_metadata_version=False)
    return buffer.getvalue()


def _cut_batch(batch: Batch, write: Callable[[Path, bytes], None], result: Cut) -> None:
    """Make each wanted item's PDF from the batch's combined PDF and hand it to `write`."""
    import pikepdf  # the PDF library: only when a combined PDF is cut

    shared = _properties(batch.combined)
    try:
        source = pikepdf.open(batch.combined.with_suffix(".pdf"))
    except (pikepdf.PdfError, OSError):
        result.left += batch.wanted
        return
    with source:
        starts = _starts(source, batch.marks)
        if starts is None or shared is None:
            result.left += batch.wanted
            return
        ends = [*starts[1:], len(source.pages)]
        for item, first, end in zip(batch.items, starts, ends, strict=True):
            if item is None:
                continue
            own = _properties(item)
            if own is None or any(own[k] != shared[k] for k in ("subject", "creator", "keywords")):
                result.left.append(item)  # LibreOffice would print other properties: convert it
                continue
            try:
                data = item_pdf(source, first, end, own["title"])
            except pikepdf.PdfError:
                result.left.append(item)
                continue
            write(item.with_suffix(".pdf"), data)


def cut(batches: Sequence[Batch], written: Sequence[Path], root: Path) -> Cut:
    """Write the PDFs of the batches' items from their combined PDFs among `written`; items
    whose combined PDF was not made or cannot be cut exactly are left to convert.

    PDFs are made one after the other (one PDF library object is not shared between threads)
    and written atomically by a few threads meanwhile: the time of 200 small writes is their
    fsyncs, which wait on the disk."""
    result = Cut()
    made = set(written)
    writes: list[tuple[Path, Future[Path]]] = []
    with ThreadPoolExecutor(max_workers=WRITERS) as pool:
        def write(pdf: Path, data: bytes) -> None:
            writes.append((pdf, pool.submit(atomic_write, pdf, data, root=root)))

        for batch in batches:
            if batch.combined.with_suffix(".pdf") in made:
                _cut_batch(batch, write, result)
            else:
                result.left += batch.wanted
    for pdf, future in writes:
        try:
            result.written.append(future.result())
        except (OSError, GendocError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) else exc.format_message()
            result.errors.append(
                f"{pdf.name}: không ghi được tệp PDF ({reason or exc}) — kiểm tra chỗ trống trên "
                "đĩa và quyền ghi thư mục output/ rồi chạy lại lệnh.")
    return result
