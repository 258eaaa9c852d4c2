"""A lighter copy of a .docx for LibreOffice to convert: only the styles the document uses.

Word templates carry every built-in style (the ND30 templates: 174 styles, 350 KB of
word/styles.xml, plus a 440 KB stylesWithEffects.xml for Word 2010 and the latent-style table of
Word's gallery). LibreOffice reads them all for each document, which is most of its time on a
one-page certificate. The copy it is given keeps the styles the document's parts name (paragraph,
run, table and numbering style references, the defaults) and those they lead to (basedOn, link,
next), drops the latent-style table, stylesWithEffects.xml (which LibreOffice does not read) and
the thumbnail; every other part is unchanged, so the printed page is the same
(tests/pdf/test_pdf_slim.py compares the rendered pages). The .docx in output/ is never touched.
Anything unexpected in the package — no styles part, a part that does not parse — and the copy
is the file as it is.
"""

from __future__ import annotations

import hashlib
import shutil
import zipfile
from pathlib import Path

from gendoc.exceptions import GendocError
from gendoc.safezip import open_zip, read_member

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
STYLES = "word/styles.xml"
DROPPED = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg")
# Elements whose w:val names a style, wherever they appear outside styles.xml.
REFERENCES = {f"{W}{name}" for name in ("pStyle", "rStyle", "tblStyle", "numStyleLink",
                                        "styleLink", "clickAndTypeStyle", "defaultTableStyle")}
CHAINS = (f"{W}basedOn", f"{W}link", f"{W}next")

StyleCache = dict[tuple[bytes, frozenset[str]], bytes]


def slim_copy(source: Path, target: Path, cache: StyleCache | None = None) -> bool:
    """Write the lighter copy of `source` to `target`; False when it is a plain copy.

    `cache` shares trimmed styles between documents made from one template (a course's 200
    certificates have one styles.xml and the same styles in use)."""
    # lxml: only when documents are converted to PDF
    from lxml import etree

    try:
        with open_zip(source, source.name) as package:  # bounded inflation, no DTD
            infos = package.infolist()
            if STYLES not in package.namelist():
                raise ValueError("nothing to slim")
            infos = [i for i in infos if i.filename not in DROPPED]
            parts = {i.filename: read_member(package, i.filename, source.name) for i in infos}
        styles = _slim_styles(parts, cache if cache is not None else {})
        # Stored, not compressed: the copy lives for one conversion, and deflating is most of
        # the time a copy takes.
        with zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as out:
            for info in infos:
                data = styles if info.filename == STYLES else _unlisted(info.filename, parts[info.filename])
                out.writestr(info, data, compress_type=zipfile.ZIP_STORED)
        return True
    except (GendocError, OSError, ValueError, KeyError, zipfile.BadZipFile, etree.LxmlError):
        target.unlink(missing_ok=True)
        shutil.copyfile(source, target)
        return False


def _used_styles(parts: dict[str, bytes]) -> frozenset[str]:
    from lxml import etree  # lxml: only when documents are converted to PDF

    used: set[str] = set()
    for name, data in parts.items():
        if not name.startswith("word/") or not name.endswith(".xml") or name == STYLES:
            continue
        if name in DROPPED:
            continue
        root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        used.update(str(el.get(f"{W}val")) for el in root.iter(*REFERENCES) if el.get(f"{W}val"))
    return frozenset(used)


def _slim_styles(parts: dict[str, bytes], cache: StyleCache) -> bytes:
    from lxml import etree  # lxml: only when documents are converted to PDF

    used = _used_styles(parts)
    key = (hashlib.sha256(parts[STYLES]).digest(), used)
    if key in cache:
        return cache[key]
    root = etree.fromstring(parts[STYLES], etree.XMLParser(resolve_entities=False, no_network=True))
    styles = {str(s.get(f"{W}styleId")): s for s in root.iter(f"{W}style")}
    keep = set(used) | {sid for sid, s in styles.items() if s.get(f"{W}default") in ("1", "true")}
    todo = list(keep)
    while todo:
        style = styles.get(todo.pop())
        for chain in () if style is None else style.iter(*CHAINS):
            name = str(chain.get(f"{W}val"))
            if name not in keep:
                keep.add(name)
                todo.append(name)
    for sid, style in styles.items():
        if sid not in keep:
            style.getparent().remove(style)
    for latent in root.findall(f"{W}latentStyles"):
        root.remove(latent)
    cache[key] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return cache[key]


def _unlisted(name: str, data: bytes) -> bytes:
    """The package's lists without the dropped parts (relationships, content types)."""
    if name not in ("[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels"):
        return data
    from lxml import etree  # lxml: only when documents are converted to PDF

    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    dropped = {"/" + d for d in DROPPED} | set(DROPPED) | {d.rpartition("/")[2] for d in DROPPED}
    for el in list(root):
        target = el.get("Target") if el.tag == f"{REL}Relationship" else el.get("PartName")
        if el.tag in (f"{REL}Relationship", f"{CT}Override") and target in dropped:
            root.remove(el)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
