"""Render a .docx template once, fill it many times.

docxtpl re-reads the template, re-patches and re-parses its XML and re-serialises the whole
package for every document: about 70 ms each, half a minute for a course of 400 certificates.
In a batch only a handful of values change between documents (a name, a unit, a number), so
`BatchTemplate` renders the template once through the normal engine (`render_docx`: sandboxed
Jinja, sub-documents, workspace format) with a unique token in place of every per-document value,
then splits the resulting XML parts at the tokens. Filling a document is a string join of
XML-escaped values plus a zip write — no Jinja, no XML parsing.

A template filter applied to a per-document value cannot run on the token, so filters are not
supported on those values — except `upper`, which is common enough that an upper-cased token is
recognised and filled with the upper-cased value.

`combine()` builds the one printable file of a batch from the same split XML: each item's body is
followed by a section break (new page, page numbers restarting at 1), so styles, numbering and
headers stay those of the single template and nothing is re-parsed.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
import sys
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import click
from lxml import etree

from gendoc.artifacts import xml_chars
from gendoc.exceptions import RenderError
from gendoc.safezip import open_zip, read_member
from gendoc.writer import atomic_write, ensure_inside

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TOKEN_RE = re.compile(r"@@GD:([A-Za-z_][A-Za-z0-9_]*)@@")
# The start of a paragraph's content: after <w:p …> and its properties, if any.
_PARA_START = re.compile(r"<w:p(?:\s[^>]*(?<!/))?>(?:<w:pPr\b(?:[^>]*/>|.*?</w:pPr>))?", re.S)
_DOCPR = re.compile(r'(<wp:docPr\b[^>]*?\bid=")(\d+)(")')
# Order of CT_SectPr children (ECMA-376 §17.6.17): new children must be inserted in place.
_SECT_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
               "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
               "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid",
               "printerSettings", "sectPrChange")

Segments = list[str | tuple[str, bool]]  # literal XML, or (field, upper-case?)


def token(name: str) -> str:
    """The placeholder rendered in place of a per-document value."""
    return f"@@GD:{name}@@"


def escape(value: Any) -> str:
    """A value as XML text: & < > and quotes escaped, characters XML cannot hold dropped."""
    text = xml_chars("" if value is None else str(value))
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def split(xml: str, fields: Iterable[str]) -> Segments:
    """Cut XML at the tokens of `fields` (and their upper-case forms)."""
    known = set(fields)
    upper = {f.upper(): f for f in known}
    segments: Segments = []
    pos = 0
    for match in TOKEN_RE.finditer(xml):
        name = match.group(1)
        if name in known:
            piece: tuple[str, bool] = (name, False)
        elif name in upper:
            piece = (upper[name], True)
        else:
            continue
        segments.append(xml[pos:match.start()])
        segments.append(piece)
        pos = match.end()
    segments.append(xml[pos:])
    return segments


def fill(segments: Segments, values: Mapping[str, str], upper: Mapping[str, str] | None = None) -> str:
    """Join segments with (already escaped) values; `upper` holds the escaped upper-case forms."""
    out = []
    for seg in segments:
        if isinstance(seg, str):
            out.append(seg)
        else:
            out.append((upper or {}).get(seg[0], "") if seg[1] else values.get(seg[0], ""))
    return "".join(out)


def _template_text(template: Path) -> str:
    """The text of a .docx template's main part with XML tags removed (Jinja tags stay)."""
    with open_zip(template, template.name) as zf:  # caps inflation, refuses a DTD
        xml = read_member(zf, "word/document.xml", template.name).decode("utf-8")
    return re.sub(r"<[^>]+>", "", xml)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname


def _set_child(sect: etree._Element, name: str, attrs: dict[str, str]) -> None:
    """Set (or insert in schema order) a child of a w:sectPr."""
    for child in sect:
        if _local(child) == name:
            sect.remove(child)
    new = etree.Element(f"{{{W}}}{name}")
    for key, value in attrs.items():
        new.set(f"{{{W}}}{key}", value)
    rank = _SECT_ORDER.index(name)
    for index, child in enumerate(sect):
        if _local(child) in _SECT_ORDER and _SECT_ORDER.index(_local(child)) > rank:
            sect.insert(index, new)
            return
    sect.append(new)


def _entry(name: str) -> zipfile.ZipInfo:
    """A zip entry with a fixed date: the same input gives byte-identical documents."""
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


class BatchTemplate:
    """A template rendered once with tokens for `fields`, ready to be filled many times."""

    def __init__(self, package: bytes, fields: Sequence[str], name: str = "mẫu") -> None:
        self.fields = tuple(fields)
        self.name = name
        static: list[tuple[zipfile.ZipInfo, bytes]] = []
        self._parts: dict[str, tuple[zipfile.ZipInfo, Segments]] = {}
        with zipfile.ZipFile(io.BytesIO(package)) as zf:
            for info in zf.infolist():
                data = zf.read(info)
                if info.filename == "word/document.xml" or (
                        info.filename.endswith(".xml") and b"@@GD:" in data):
                    self._parts[info.filename] = (info, split(data.decode("utf-8"), self.fields))
                else:
                    static.append((info, data))
        # The parts that never change are compressed once; each document appends its own parts
        # to a copy of this archive (zip's central directory is rewritten at the end).
        base = io.BytesIO()
        with zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED) as zf:
            for info, data in static:
                zf.writestr(_entry(info.filename), data, compresslevel=6)
        self._base = base.getvalue()
        self._body: tuple[str, Segments, Segments, str] | None = None

    @classmethod
    def from_template(cls, template: Path, context: Mapping[str, Any], fields: Sequence[str],
                      ws: Any = None, *, date: dt.date | None = None) -> BatchTemplate:
        """Render `template` with `context`, every name in `fields` replaced by its token.

        `ws` applies the workspace's ND30 format (margins, body size); None keeps the template's
        own page setup (the landscape certificate). The core properties (title, author, subject)
        come from `context` as for any document (`gendoc.docx_meta`), their dates from `date`
        (removed when None), so every document of the batch carries them.
        """
        # heavy: docxtpl, only when a per-person template is rendered
        from gendoc.docx_meta import set_core_properties
        from gendoc.docx_render import render_docx, to_reproducible_bytes

        ctx = dict(context)
        ctx.update({f: token(f) for f in fields})
        rendered = render_docx(template, ctx, ws)
        set_core_properties(rendered, ctx)
        batch = cls(to_reproducible_bytes(rendered, date), fields, template.name)
        batch._verify(_template_text(template))
        return batch

    def _verify(self, source: str) -> None:
        """Refuse a template that transforms a per-document value (a filter other than `upper`,
        a test in `{% if %}`): the token would be printed mangled, or the value ignored."""
        mangled = [seg for _, segs in self._parts.values() for seg in segs
                   if isinstance(seg, str) and "@@gd:" in seg.lower()]
        used = self.used()
        unused = [f for f in self.fields if f not in used
                  and re.search(r"(\{\{|\{%)[^}]*\b" + re.escape(f) + r"\b", source)]
        if mangled or unused:
            names = ", ".join(unused) or TOKEN_RE.sub("…", mangled[0])[:60]
            raise RenderError(
                f"mẫu '{self.name}': biến riêng của từng văn bản ({names}) được dùng với bộ lọc "
                "hoặc trong câu lệnh {% … %} — khi dựng hàng loạt, các biến này chỉ được in "
                "nguyên văn: {{ tên_biến }} hoặc {{ tên_biến|upper }}.")

    def used(self) -> set[str]:
        """The fields the template actually prints."""
        return {seg[0] for _, segs in self._parts.values() for seg in segs if isinstance(seg, tuple)}

    def _values(self, values: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
        """Escaped values and escaped upper-case values (upper-cased before escaping)."""
        plain = {f: escape(values.get(f)) for f in self.fields}
        upper = {f: escape(str(values.get(f) or "").upper()) for f in self.fields}
        return plain, upper

    def _zip(self, parts: Mapping[str, str]) -> bytes:
        buf = io.BytesIO(self._base)
        with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED, compresslevel=3) as zf:
            for name, text in parts.items():
                zf.writestr(_entry(name), text.encode("utf-8"), compresslevel=3)
        return buf.getvalue()

    def fill(self, values: Mapping[str, Any]) -> bytes:
        """One document: the template's package with `values` in place of the tokens."""
        plain, upper = self._values(values)
        return self._zip({name: fill(segs, plain, upper) for name, (_, segs) in self._parts.items()})

    # --- one printable file for the whole batch ----------------------------------------------

    def _split_body(self) -> tuple[str, Segments, Segments, str]:
        """(head, item + section break, last item, tail) of word/document.xml."""
        if self._body is not None:
            return self._body
        source = self._source("word/document.xml")
        root = etree.fromstring(source.encode("utf-8"))
        body = root.find(f"{{{W}}}body")
        sect = body.find(f"{{{W}}}sectPr") if body is not None else None
        if body is None or sect is None:
            raise RenderError(f"mẫu '{self.name}': thiếu phần thân hoặc thiết lập trang (sectPr)")
        _set_child(sect, "pgNumType", {"start": "1"})
        body.remove(sect)
        items = list(body)
        last_xml = "".join(etree.tostring(el, encoding="unicode") for el in items)
        # The section break goes into the last paragraph of the item (no extra empty paragraph
        # that could spill onto a blank page); after a final table, a new paragraph carries it.
        brk = etree.fromstring(etree.tostring(sect))
        _set_child(brk, "type", {"val": "nextPage"})
        if items and _local(items[-1]) == "p":
            para = etree.fromstring(etree.tostring(items[-1]))
            ppr = para.find(f"{{{W}}}pPr")
            if ppr is None:
                ppr = etree.SubElement(para, f"{{{W}}}pPr")
                para.insert(0, ppr)
            for old in ppr.findall(f"{{{W}}}sectPr"):
                ppr.remove(old)
            change = ppr.find(f"{{{W}}}pPrChange")
            if change is not None:
                change.addprevious(brk)
            else:
                ppr.append(brk)
            break_xml = "".join(etree.tostring(el, encoding="unicode") for el in items[:-1])
            break_xml += etree.tostring(para, encoding="unicode")
        else:
            para = etree.Element(f"{{{W}}}p", nsmap={"w": W})
            etree.SubElement(para, f"{{{W}}}pPr").append(brk)
            break_xml = last_xml + etree.tostring(para, encoding="unicode")
        marker = "<!--gendoc-body-->"
        body.append(etree.Comment("gendoc-body"))
        body.append(sect)
        whole = etree.tostring(root, encoding="unicode")
        head = whole[:whole.index("<w:body>") + len("<w:body>")]
        tail = whole[whole.index(marker) + len(marker):]
        declaration = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        self._body = (declaration + head, split(break_xml, self.fields),
                      split(last_xml, self.fields), tail)
        return self._body

    def _source(self, name: str) -> str:
        """The rendered XML of a part with its tokens in place."""
        _, segs = self._parts[name]
        return "".join(s if isinstance(s, str) else token(s[0].upper() if s[1] else s[0]) for s in segs)

    def faithful(self) -> bool:
        """Whether each item of `combine` prints as its own document does: no per-item value
        outside the body (headers, footers, properties are those of the first item there)."""
        return all(isinstance(seg, str) for name, (_, segs) in self._parts.items()
                   if name != "word/document.xml" and name != "docProps/core.xml" for seg in segs)

    def combine(self, items: Sequence[Mapping[str, Any]], marks: Sequence[str] = ()) -> bytes:
        """One .docx with every item, each starting on a new page with its own page numbers.

        `marks`: one bookmark name per item, put where the item starts, and one more after the
        last item (gendoc.pdf_split.item_marks) — the PDF of the combined file is then cut into
        the items' PDFs at these; left out when an item would not print as its own document
        does (`faithful`)."""
        if not items:
            raise RenderError(f"mẫu '{self.name}': lô rỗng, không có gì để gộp")
        head, with_break, last, tail = self._split_body()
        bodies = [fill(with_break, *self._values(v)) for v in items[:-1]]
        bodies.append(fill(last, *self._values(items[-1])))
        if len(marks) == len(items) + 1 and self.faithful():
            bodies = [_bookmarked(body, name, index)
                      for index, (body, name) in enumerate(zip(bodies, marks, strict=False))]
            bodies.append(_bookmark(marks[-1], len(items)))  # in the body, before its sectPr
        counter = iter(range(1, 10**9))
        document = _DOCPR.sub(lambda m: f"{m.group(1)}{next(counter)}{m.group(3)}",
                              head + "".join(bodies) + tail)
        parts = {name: fill(segs, *self._values(items[0])) for name, (_, segs) in self._parts.items()
                 if name != "word/document.xml"}
        parts["word/document.xml"] = document
        return self._zip(parts)


# Bookmark ids of the item marks: far above those a template's own bookmarks use.
MARK_ID_BASE = 1_000_000


def _bookmark(name: str, index: int) -> str:
    return (f'<w:bookmarkStart w:id="{MARK_ID_BASE + index}" w:name="{escape(name)}"/>'
            f'<w:bookmarkEnd w:id="{MARK_ID_BASE + index}"/>')


def _bookmarked(body: str, name: str, index: int) -> str:
    """An item's body with an empty bookmark where it starts: at the start of its first
    paragraph (inside a first table's first cell), where LibreOffice anchors it on the item's
    first page."""
    mark = _bookmark(name, index)
    match = _PARA_START.search(body)
    if match is None:
        return mark + body
    return body[:match.end()] + mark + body[match.end():]


def workers(setting: int = 0) -> int:
    """Threads for writing a batch.

    Filling is a string join; the time goes into zlib and the fsync of each atomic write, which
    release the GIL and wait on the disk, so more threads than cores pay off (500 certificates on
    2 cores: 3.5 s with 1 thread, 0.5 s with 8).
    """
    return setting or min(8, 4 * (os.cpu_count() or 1))


def write_batch(template: BatchTemplate, jobs: Sequence[tuple[Path, Mapping[str, Any]]], root: Path,
                *, threads: int = 0, label: str = "", progress_from: int = 100) -> list[Path]:
    """Fill and write every (path, values) job atomically inside `root`; returns the paths.

    Paths are checked against `root` (outputs never escape output/) before anything is written.

    A progress bar goes to stderr when the batch is long or stderr is a terminal.
    """
    for folder in {path.parent for path, _ in jobs}:
        ensure_inside(folder, root).mkdir(parents=True, exist_ok=True)

    def one(job: tuple[Path, Mapping[str, Any]]) -> Path:
        path, values = job
        return atomic_write(path, template.fill(values), root=root)  # thread-safe

    show = len(jobs) >= progress_from or (sys.stderr.isatty() and len(jobs) > 20)
    written: list[Path] = []
    with ThreadPoolExecutor(max_workers=workers(threads)) as pool:
        results = pool.map(one, jobs)
        if show:
            with click.progressbar(results, length=len(jobs), label=label, file=sys.stderr) as bar:
                written.extend(bar)
        else:
            written.extend(results)
    return written
