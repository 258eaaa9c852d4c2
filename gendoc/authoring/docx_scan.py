"""Read a DOCX template the way a clerk sees it: paragraphs, their visible text, and the tags in it.

Word stores a paragraph's text in many `w:t` pieces (one per run of identical formatting, plus
splits at spell-check marks, revision ids and tracked changes). A tag typed as `{{ ho_ten }}` can
end up in three runs with a `w:proofErr` between them. Here every paragraph of every part that
docxtpl renders (body, headers, footers, notes) becomes one string with a map back to the XML
pieces, so tags are found in the text the clerk sees and repaired by rewriting those pieces.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from gendoc.authoring.model import Where, mark
from gendoc.exceptions import UnusableInputError
from gendoc.safezip import check_archive

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
PART_RE = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
AREAS = {"document": "thân văn bản", "header": "đầu trang", "footer": "chân trang",
         "footnotes": "chú thích cuối trang", "endnotes": "chú thích cuối văn bản"}
REFERENCE_TYPES = {"first": " (trang đầu)", "even": " (trang chẵn)", "default": ""}
# Elements between a paragraph and its runs that docxtpl's tag clean-up cannot see through.
WRAPPERS = {"ins": "thay đổi được theo dõi (Track Changes)", "del": "thay đổi được theo dõi",
            "moveTo": "thay đổi được theo dõi", "hyperlink": "liên kết", "smartTag": "thẻ thông minh",
            "customXml": "dữ liệu XML riêng", "sdt": "ô nhập liệu (content control)",
            "fldSimple": "trường (field)"}
# Properties that differ between runs without changing what the clerk sees.
INVISIBLE_RPR = {"lang", "noProof", "proofErr", "rPrChange"}
GAP = "[ \u00a0\u00ad\u200b-\u200d\u2060\ufeff]*"  # what may sit between two braces
TOKEN_RE = re.compile(rf"\{{{GAP}([{{%#])|([}}%#]){GAP}\}}")
MAX_PART_BYTES = 50_000_000  # a template's text part; more is a zip bomb, not a template
PIECES = {"tab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
CLOSER = {"{": "}", "%": "%", "#": "#"}
# What docxtpl (or Jinja) already copes with inside a tag: Word's curly quotes, no-break spaces.
HANDLED = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " "})
# What breaks a tag: other quote forms, invisible characters pasted from the web, line breaks.
SMART = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"',
                       "„": '"', "‟": '"', "\u00a0": " ", "\t": " ", "\n": " ",
                       "\u200b": None, "\u200c": None, "\u200d": None, "\ufeff": None,
                       "\u2060": None, "\u00ad": None})


def q(tag: str) -> str:
    return f"{{{W}}}{tag}"


@dataclass
class Segment:
    """One XML piece of a paragraph's visible text (a `w:t`, a tab, a line break)."""

    elem: etree._Element
    start: int
    end: int
    run: etree._Element | None
    wrappers: tuple[str, ...]  # local names of WRAPPERS between the run and the paragraph


@dataclass
class Paragraph:
    part: str
    area: str
    number: int  # 1-based within its part, reading order
    cell: str | None
    elem: etree._Element
    text: str
    segments: list[Segment]

    def where(self, start: int | None = None, end: int | None = None) -> Where:
        text = self.text if start is None else mark(self.text, start, end or start)
        return Where(area=self.area, paragraph=self.number, cell=self.cell, text=text)

    def segments_in(self, start: int, end: int) -> list[Segment]:
        return [s for s in self.segments if s.end > start and s.start < end]


@dataclass
class Tag:
    """A `{{ … }}`, `{% … %}` or `{# … #}` in a paragraph's visible text."""

    para: Paragraph
    start: int
    end: int
    opener: str  # "{", "%" or "#"
    closed: bool = True

    @property
    def raw(self) -> str:
        return self.para.text[self.start:self.end]

    @property
    def clean(self) -> str:
        """The tag as docxtpl must see it: straight quotes, plain spaces, `{{`/`}}` unspaced."""
        text = self.raw.translate(SMART)
        return TOKEN_RE.sub(lambda m: "{" + m.group(1) if m.group(1) else m.group(2) + "}", text)

    def where(self) -> Where:
        return self.para.where(self.start, self.end)


@dataclass
class Part:
    name: str
    root: etree._Element
    paragraphs: list[Paragraph] = field(default_factory=list)


def _local(elem: etree._Element) -> str:
    tag = elem.tag
    return tag.split("}", 1)[1] if isinstance(tag, str) and "}" in tag else str(tag)


def _area_names(zf: zipfile.ZipFile) -> dict[str, str]:
    """header2.xml → "đầu trang (trang đầu)", from the section's header/footer references."""
    names: dict[str, str] = {}
    try:
        rels = etree.fromstring(zf.read("word/_rels/document.xml.rels"))
        doc = etree.fromstring(zf.read("word/document.xml"))
    except (KeyError, etree.XMLSyntaxError):
        return names
    targets = {r.get("Id"): "word/" + r.get("Target", "").lstrip("/").removeprefix("word/")
               for r in rels}
    for ref in doc.iter(q("headerReference"), q("footerReference")):
        target = targets.get(ref.get(f"{{{R}}}id"))
        if target:
            base = AREAS["header" if _local(ref) == "headerReference" else "footer"]
            names.setdefault(target, base + REFERENCE_TYPES.get(ref.get(q("type"), ""), ""))
    return names


def _in_fallback(elem: etree._Element) -> bool:
    return any(a.tag == MC_FALLBACK for a in elem.iterancestors())


def _cell_label(p: etree._Element, tables: list[etree._Element]) -> str | None:
    tc = next((a for a in p.iterancestors() if a.tag == q("tc")), None)
    if tc is None:
        return None
    tr = tc.getparent()
    tbl = tr.getparent() if tr is not None else None
    if tr is None or tbl is None or tbl not in tables:
        return None
    rows = [c for c in tbl if c.tag == q("tr")]
    cells = [c for c in tr if c.tag == q("tc")]
    return f"bảng {tables.index(tbl) + 1}, hàng {rows.index(tr) + 1}, ô {cells.index(tc) + 1}"


def _paragraph(p: etree._Element, part: str, area: str, number: int,
               cell: str | None) -> Paragraph:
    text: list[str] = []
    segments: list[Segment] = []
    pos = 0

    def walk(elem: etree._Element, wrappers: tuple[str, ...], run: etree._Element | None) -> None:
        nonlocal pos
        for child in elem:
            name = _local(child)
            if name in ("p", "del", "instrText", "delText", "rPr", "pPr") or child.tag == MC_FALLBACK:
                continue  # nested paragraphs are their own; deleted/field-code text is invisible
            piece = PIECES.get(name) if run is not None else None
            if name == "t" and run is not None:
                piece = child.text or ""
            if piece is not None:
                segments.append(Segment(child, pos, pos + len(piece), run, wrappers))
                text.append(piece)
                pos += len(piece)
                continue
            if name == "r":
                walk(child, wrappers, child)
            else:
                walk(child, wrappers + ((name,) if name in WRAPPERS else ()), run)

    walk(p, (), None)
    return Paragraph(part, area, number, cell, p, "".join(text), segments)


def read_parts(data: bytes, shown: str) -> tuple[dict[str, Part], zipfile.ZipFile]:
    """Parse every part docxtpl renders; a file Word cannot open either is exit-2 input."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = [n for n in zf.namelist() if PART_RE.match(n)]
        if "word/document.xml" not in names:
            raise KeyError("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as exc:
        raise UnusableInputError(f"'{shown}' không phải tệp Word .docx đọc được ({exc}) — "
                                 "mở bằng Word và lưu lại dạng .docx.") from exc
    check_archive(zf, shown)  # inflation caps and DTD refusal (gendoc.safezip)
    too_big = [i.filename for i in zf.infolist()
               if PART_RE.match(i.filename) and i.file_size > MAX_PART_BYTES]
    if too_big:
        raise UnusableInputError(f"'{shown}': phần {too_big[0]} quá lớn (trên "
                                 f"{MAX_PART_BYTES // 1_000_000} MB) — không phải mẫu văn bản thường.")
    area_names = _area_names(zf)
    parts: dict[str, Part] = {}
    for name in sorted(names, key=lambda n: (n != "word/document.xml", n)):
        try:
            root = etree.fromstring(zf.read(name))
        except etree.XMLSyntaxError as exc:
            raise UnusableInputError(f"'{shown}': phần {name} hỏng ({exc}) — "
                                     "mở bằng Word và lưu lại.") from exc
        matched = PART_RE.match(name)
        assert matched is not None  # the caller lists only parts PART_RE matches
        kind = matched.group(1).rstrip("0123456789")
        area = area_names.get(name, AREAS[kind])
        part = Part(name, root)
        tables = [t for t in root.iter(q("tbl")) if not _in_fallback(t)]
        number = 0
        for p in root.iter(q("p")):
            if _in_fallback(p):
                continue
            number += 1
            part.paragraphs.append(_paragraph(p, name, area, number, _cell_label(p, tables)))
        parts[name] = part
    return parts, zf


def find_tags(para: Paragraph) -> tuple[list[Tag], list[tuple[int, int]]]:
    """Tags in a paragraph's text, plus stray closers (`}}` with no `{{` before it)."""
    tags: list[Tag] = []
    stray: list[tuple[int, int]] = []
    open_at: int | None = None
    opener = ""
    for m in TOKEN_RE.finditer(para.text):
        if m.group(1):
            if open_at is None:
                open_at, opener = m.start(), m.group(1)
        elif open_at is None:
            stray.append((m.start(), m.end()))
        elif CLOSER[opener] == m.group(2):
            tags.append(Tag(para, open_at, m.end(), opener))
            open_at = None
    if open_at is not None:
        tags.append(Tag(para, open_at, len(para.text), opener, closed=False))
    return tags, stray


def _rpr_key(run: etree._Element | None) -> bytes:
    rpr = run.find(q("rPr")) if run is not None else None
    if rpr is None:
        return b""
    rpr = copy.deepcopy(rpr)
    for child in list(rpr):
        if _local(child) in INVISIBLE_RPR:
            rpr.remove(child)
    return etree.tostring(rpr, method="c14n")


def damage(tag: Tag) -> dict[str, Any]:
    """What Word did to this tag: pieces, wrappers, formatting changes, odd characters."""
    segs = tag.para.segments_in(tag.start, tag.end)
    runs: list[Any] = []
    for s in segs:
        if s.run is not None and (not runs or runs[-1] is not s.run):
            runs.append(s.run)
    breaks = [s for s in segs if _local(s.elem) != "t"]
    wrappers = sorted({w for s in segs for w in s.wrappers} - set(segs[0].wrappers)) if segs else []
    between = _between(tag.para.elem, segs[0].elem, segs[-1].elem) if len(segs) > 1 else []
    deleted = any(_local(e) == "del" for e in between)
    if deleted and "del" not in wrappers:
        wrappers.append("del")
    return {
        "pieces": len(segs),
        "runs": len(runs),
        "formats": len({_rpr_key(r) for r in runs}),
        "breaks": len(breaks),
        "wrappers": wrappers,
        "proofing": any(_local(e) == "proofErr" for e in between),
        "odd_chars": tag.clean != tag.raw.translate(HANDLED),  # what docxtpl would not fix
        "curly": tag.clean != tag.raw,
    }


def _between(p: etree._Element, first: etree._Element, last: etree._Element) -> list:
    """Elements of `p` strictly after `first` and before `last` in document order."""
    found, inside = [], False
    for elem in p.iter():
        if elem is first:
            inside = True
            continue
        if elem is last:
            break
        if inside and not any(a is first for a in elem.iterancestors()):
            found.append(elem)
    return found


def repair_tag(tag: Tag) -> None:
    """Put the whole (cleaned) tag into its first text piece; drop what Word put inside it.

    Text after the tag in the last piece stays in its own run with its own formatting, so only
    the tag's own characters move. Deleted revisions and proofing marks inside the tag go.
    """
    segs = tag.para.segments_in(tag.start, tag.end)
    first_t = next((s for s in segs if _local(s.elem) == "t"), None)
    if first_t is None:
        return
    last = segs[-1]
    tail = last.elem.text[tag.end - last.start:] if last is not first_t and _local(last.elem) == "t" \
        else ""
    between = _between(tag.para.elem, first_t.elem, last.elem) if len(segs) > 1 else []
    head = (first_t.elem.text or "")[:max(tag.start - first_t.start, 0)]
    rest = (first_t.elem.text or "")[tag.end - first_t.start:] if last is first_t else ""
    first_t.elem.text = head + tag.clean + rest
    first_t.elem.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    for s in segs:
        if s is first_t:
            continue
        if _local(s.elem) == "t":
            s.elem.text = tail if s is last else ""
        elif s.elem.getparent() is not None:
            s.elem.getparent().remove(s.elem)
    goback = set()
    for elem in between:
        name = _local(elem)
        if name == "bookmarkStart" and elem.get(q("name")) == "_GoBack":
            goback.add(elem.get(q("id")))  # Word's "last edit" mark: meaningless in a template
        drop = name in ("proofErr", "del") or (name == "bookmarkStart"
                                                and elem.get(q("id")) in goback)
        if drop and elem.getparent() is not None:
            elem.getparent().remove(elem)
    for end in tag.para.elem.iter(q("bookmarkEnd")):
        if end.get(q("id")) in goback and end.getparent() is not None:
            end.getparent().remove(end)
    _drop_empty(tag.para.elem, [s.run for s in segs if s is not first_t and s is not last])


def _drop_empty(p: etree._Element, runs: list) -> None:
    for run in runs:
        if run is None or run.getparent() is None:
            continue
        if all(_local(c) == "rPr" or (_local(c) == "t" and not c.text) for c in run):
            parent = run.getparent()
            parent.remove(run)
            while parent is not p and _local(parent) in WRAPPERS and len(parent) == 0:
                grand = parent.getparent()
                grand.remove(parent)
                parent = grand


def serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def rewrite(zf: zipfile.ZipFile, replaced: dict[str, bytes]) -> bytes:
    """The same package with some parts replaced; every other entry (images…) byte for byte."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as new:
        for info in zf.infolist():
            new.writestr(info, replaced.get(info.filename, zf.read(info.filename)))
    return out.getvalue()


def load(path: Path) -> tuple[dict[str, Part], zipfile.ZipFile]:
    return read_parts(Path(path).read_bytes(), str(path))
