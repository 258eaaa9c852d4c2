"""Do to a template what Word does to it: split runs, proofing marks, revisions, smart quotes.

Each helper edits the paragraph of a python-docx Document whose visible text equals `text`
(or contains it), rewriting its runs the way Word stores them after typing, spell-checking or
editing with Track Changes on. The XML produced is what Word 2016+ writes for these cases
(`w:rsidR` on runs, `w:proofErr` spellStart/spellEnd, `w:ins`/`w:del` with author and date).
"""

from __future__ import annotations

import copy
import itertools
from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from gendoc.workspace import builtin_templates_dir

_rsid = itertools.count(0x00A1B2C3)


def builtin(name: str = "ke_hoach.docx") -> DocxDocument:
    return Document(str(builtin_templates_dir() / name))


def all_paragraphs(doc: DocxDocument) -> list[Paragraph]:
    found = list(doc.paragraphs)
    for table in doc.tables:
        for row in table.rows:
            for cell in row.cells:
                found += [p for p in cell.paragraphs if p not in found]
    return found


def find(doc: DocxDocument, text: str, *, exact: bool = True) -> Paragraph:
    for para in all_paragraphs(doc):
        if (para.text == text) if exact else (text in para.text):
            return para
    raise AssertionError(f"no paragraph {text!r}")


def _run(template_run, text: str, *, bold: bool | None = None, italic: bool | None = None):
    """A new w:r with the template run's properties, a fresh rsid, and `text`."""
    run = OxmlElement("w:r")
    run.set(qn("w:rsidR"), f"{next(_rsid):08X}")
    rpr = template_run.find(qn("w:rPr")) if template_run is not None else None
    rpr = copy.deepcopy(rpr) if rpr is not None else OxmlElement("w:rPr")
    for flag, tag in ((bold, "w:b"), (italic, "w:i")):
        if flag is None:
            continue
        for old in rpr.findall(qn(tag)):
            rpr.remove(old)
        if flag:
            rpr.append(OxmlElement(tag))
    run.append(rpr)
    t = OxmlElement("w:t")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    run.append(t)
    return run


def split(para: Paragraph, pieces: list[tuple[str, dict]], *, proof_after: int | None = None,
          insert_after: int | None = None, delete_after: tuple[int, str] | None = None,
          goback_after: int | None = None) -> None:
    """Replace the paragraph's runs by `pieces` [(text, {"bold": True}), …].

    proof_after=i puts `w:proofErr` spellStart/spellEnd around piece i+1 (Word's squiggle);
    insert_after=i wraps piece i+1 in a tracked insertion; delete_after=(i, text) adds a tracked
    deletion of `text` after piece i; goback_after=i puts Word's `_GoBack` bookmark (where the
    clerk last typed) after piece i.
    """
    p = para._p
    runs = p.findall(qn("w:r"))
    first = runs[0] if runs else None
    for r in runs:
        p.remove(r)
    for i, (text, fmt) in enumerate(pieces):
        run = _run(first, text, **fmt)
        if proof_after is not None and i == proof_after + 1:
            start = OxmlElement("w:proofErr")
            start.set(qn("w:type"), "spellStart")
            p.append(start)
        if insert_after is not None and i == insert_after + 1:
            ins = OxmlElement("w:ins")
            ins.set(qn("w:id"), "90")
            ins.set(qn("w:author"), "Chuyên viên")
            ins.set(qn("w:date"), "2026-11-20T08:00:00Z")
            ins.append(run)
            p.append(ins)
        else:
            p.append(run)
        if proof_after is not None and i == proof_after + 1:
            end = OxmlElement("w:proofErr")
            end.set(qn("w:type"), "spellEnd")
            p.append(end)
        if goback_after is not None and i == goback_after:
            for tag in ("w:bookmarkStart", "w:bookmarkEnd"):
                mark = OxmlElement(tag)
                mark.set(qn("w:id"), "0")
                if tag == "w:bookmarkStart":
                    mark.set(qn("w:name"), "_GoBack")
                p.append(mark)
        if delete_after is not None and i == delete_after[0]:
            dele = OxmlElement("w:del")
            dele.set(qn("w:id"), "91")
            dele.set(qn("w:author"), "Chuyên viên")
            dele.set(qn("w:date"), "2026-11-20T08:00:00Z")
            drun = _run(first, "")
            drun.remove(drun.find(qn("w:t")))
            dt = OxmlElement("w:delText")
            dt.text = delete_after[1]
            drun.append(dt)
            dele.append(drun)
            p.append(dele)


def set_text(para: Paragraph, text: str) -> None:
    split(para, [(text, {})])


def remove(para: Paragraph) -> None:
    para._p.getparent().remove(para._p)


def add_after(para: Paragraph, text: str) -> Paragraph:
    new = copy.deepcopy(para._p)
    para._p.addnext(new)
    added = Paragraph(new, para._parent)
    set_text(added, text)
    return added


def save(doc: DocxDocument, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path
