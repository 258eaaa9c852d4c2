"""Trim a drawn template to the style parts it uses.

python-docx draws every template on its default document, which carries 164 Word styles and a
438 KB `stylesWithEffects.xml` (Word 2010's copy of the styles, ignored by Word 2013+ and by
LibreOffice). Every rendering re-parsed, re-searched and re-wrote those ~790 KB of XML, and
python-docx finds a paragraph's style by scanning the whole list. Trimming keeps:

- every style the template itself adds (the `ND30 …` and `TT …` styles: what gendoc and the
  body blocks name at render time, and what a clerk restyles in Word);
- the four default styles (Normal, Default Paragraph Font, Normal Table, No List);
- every style referenced by a part of the package (`w:pStyle`, `w:rStyle`, `w:tblStyle` in the
  body and headers, `w:styleLink`/`w:numStyleLink` in the numbering);
- and, closed over, each kept style's `w:basedOn`, `w:link` and `w:next`.

Nothing that prints depends on a style that no paragraph, run or table names, so the rendered
pages are unchanged; the latent-style table (how Word lists its built-in styles) is kept, so a
clerk can still apply any Word style to an edited template.
"""

from __future__ import annotations

from docx import Document
from docx.document import Document as DocxDocument
from docx.opc.part import XmlPart
from docx.oxml.ns import qn

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
_REFERENCES = ("pStyle", "rStyle", "tblStyle", "styleLink", "numStyleLink")
_CHAINS = ("basedOn", "link", "next")


def trim_styles(doc: DocxDocument) -> list[str]:
    """Drop unused python-docx default styles and stylesWithEffects.xml; returns the dropped ids."""
    for rid, rel in list(doc.part.rels.items()):
        if rel.reltype == STYLES_WITH_EFFECTS:
            doc.part.rels.pop(rid)
    styles = doc.styles.element
    by_id = {el.get(qn("w:styleId")): el for el in styles.findall(qn("w:style"))}
    wanted = _own_styles(by_id) | _default_styles(by_id) | _referenced(doc)
    kept = _closure(wanted, by_id)
    dropped = sorted(sid for sid in by_id if sid not in kept)
    for sid in dropped:
        styles.remove(by_id[sid])
    return dropped


def _own_styles(by_id: dict) -> set[str]:
    """Styles the generator added: those python-docx's default document does not have."""
    stock = {s.style_id for s in Document().styles}
    return {sid for sid in by_id if sid not in stock}


def _default_styles(by_id: dict) -> set[str]:
    return {sid for sid, el in by_id.items() if el.get(qn("w:default")) in ("1", "true", "on")}


def _referenced(doc: DocxDocument) -> set[str]:
    """Style ids named anywhere in the package but the styles part itself."""
    found: set[str] = set()
    styles_part = doc.part._styles_part  # noqa: SLF001 - python-docx keeps it private
    for part in doc.part.package.iter_parts():
        if not isinstance(part, XmlPart) or part is styles_part:
            continue
        for tag in _REFERENCES:
            found.update(el.get(qn("w:val")) for el in part.element.iter(qn(f"w:{tag}")))
    return found


def _closure(wanted: set[str], by_id: dict) -> set[str]:
    kept: set[str] = set()
    pending = [sid for sid in wanted if sid in by_id]
    while pending:
        sid = pending.pop()
        if sid in kept:
            continue
        kept.add(sid)
        for tag in _CHAINS:
            link = by_id[sid].find(qn(f"w:{tag}"))
            if link is not None and link.get(qn("w:val")) in by_id:
                pending.append(link.get(qn("w:val")))
    return kept
