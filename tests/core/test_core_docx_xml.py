"""The render-once path writes body XML as text, a package in one pass and skips docxtpl's
listing pass where it changes nothing: each must give exactly what the slower way gave."""

from __future__ import annotations

import datetime as dt
import functools
import io
import zipfile
from dataclasses import dataclass

import pytest
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docxtpl import DocxTemplate
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from gendoc.artifacts import ZIP_EPOCH, normalise_office
from gendoc.docx_compiled import CompiledTemplate, compile_template
from gendoc.docx_render import to_bytes, to_reproducible_bytes
from gendoc.docx_xml import grid_table_xml, paragraph_xml, run_xml
from gendoc.templates import find_template
from gendoc.workspace import example_dir, load_workspace

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"

# Any text a content file can hold: letters of every script, XML's special characters, tabs
# and line breaks (C0 controls are refused at load, so not generated here).
TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\ufffe\uffff",
                             codec="utf-8").filter(lambda c: c >= " " or c in "\t\n\r")
               | st.sampled_from("&<>\"' \t\n"), max_size=40)


@dataclass
class Span:
    text: str
    bold: bool = False
    italic: bool = False


SPANS = st.lists(st.builds(Span, TEXT, st.booleans(), st.booleans()), max_size=4)
ALIGNS = st.sampled_from([WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.CENTER,
                          WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY])


def _serialised(xml: str) -> tuple[str, etree._Element]:
    """`xml` parsed inside a body that declares `w`, and written back by lxml."""
    body = etree.fromstring(f'<w:body xmlns:w="{W_NS}">{xml}</w:body>')
    again = etree.tostring(body, encoding="unicode")
    return again[again.index(">") + 1:-len("</w:body>")], body


# The lxml way these elements were built before they were written as text (reference).
def _ref_el(parent: etree._Element, tag: str, *attrs: tuple[str, str]) -> etree._Element:
    element = etree.SubElement(parent, W + tag)
    for key, value in attrs:
        element.set(W + key, value)
    return element


def _ref_run(paragraph: etree._Element, text: str, bold: bool, italic: bool,
             size: str | None) -> None:
    run = _ref_el(paragraph, "r")
    props = _ref_el(run, "rPr")
    if bold:
        _ref_el(props, "b")
    if italic:
        _ref_el(props, "i")
    if size:
        _ref_el(props, "sz", ("val", size))
    for index, piece in enumerate(text.replace("\r", "\n").split("\n")):
        if index:
            _ref_el(run, "br")
        for number, part in enumerate(piece.split("\t")):
            if number:
                _ref_el(run, "tab")
            if part:
                node = _ref_el(run, "t")
                node.text = part
                if part.strip() != part:
                    node.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


@settings(max_examples=300, deadline=None)
@given(style=st.one_of(st.none(), TEXT.filter(bool)), keep=st.booleans(), spans=SPANS)
def test_paragraph_text_is_what_lxml_writes(style: str | None, keep: bool,
                                            spans: list[Span]) -> None:
    written = paragraph_xml(style, "".join(run_xml(s.text, bold=s.bold, italic=s.italic)
                                           for s in spans), keep_next=keep)
    body = etree.Element(W + "body", nsmap={"w": W_NS})
    paragraph = _ref_el(body, "p")
    props = _ref_el(paragraph, "pPr")
    if style is not None:
        _ref_el(props, "pStyle", ("val", style))
    if keep:
        _ref_el(props, "keepNext")
    for span in spans:
        _ref_run(paragraph, span.text, span.bold, span.italic, None)
    reference = etree.tostring(paragraph, encoding="unicode").replace(f' xmlns:w="{W_NS}"', "")
    assert written == reference
    again, parsed = _serialised(written)
    assert again == written  # well-formed, and in lxml's own form
    texts = "".join(parsed.itertext())
    assert texts == "".join(s.text.replace("\t", "").replace("\n", "").replace("\r", "")
                            for s in spans)  # every character literally, nothing re-parsed


@settings(max_examples=100, deadline=None)
@given(cells=st.lists(st.lists(st.tuples(SPANS, st.booleans(), ALIGNS), min_size=2,
                               max_size=2), min_size=1, max_size=4),
       size=st.sampled_from([11, 12, 12.5, 13]))
def test_table_text_is_well_formed_and_keeps_every_cell(cells: list, size: float) -> None:
    written = grid_table_xml([3.0, 13.5], cells, size_pt=size)
    again, parsed = _serialised(written)
    assert again == written
    rows = parsed.findall(f"{W}tbl/{W}tr")
    assert len(rows) == len(cells)
    assert [r.find(f"{W}trPr/{W}tblHeader") is not None for r in rows] == \
        [i == 0 for i in range(len(cells))]
    for row, expected in zip(rows, cells, strict=True):
        for cell, (spans, bold, align) in zip(row.findall(f"{W}tc"), expected, strict=True):
            assert cell.find(f"{W}tcPr/{W}tcW").get(f"{W}w") in ("1701", "7654")
            assert cell.find(f"{W}p/{W}pPr/{W}jc").get(f"{W}val") == \
                (WD_ALIGN_PARAGRAPH.to_xml(align) or "left")
            runs = cell.findall(f"{W}p/{W}r")
            assert [r.find(f"{W}rPr/{W}sz").get(f"{W}val") for r in runs] == \
                [str(round(size * 2))] * len(spans)
            assert [r.find(f"{W}rPr/{W}b") is not None for r in runs] == \
                [s.bold or bold for s in spans]


@pytest.mark.parametrize("bad", ["\x00", "a\x0bb", "\x1f", "\ufffe"])
def test_characters_xml_cannot_hold_are_refused_as_lxml_refuses_them(bad: str) -> None:
    with pytest.raises(ValueError):
        etree.Element("t").text = bad
    with pytest.raises(ValueError):
        run_xml(bad)


@functools.lru_cache(maxsize=1)
def _compiled() -> CompiledTemplate:
    ws = load_workspace(example_dir())
    return compile_template(find_template(ws, "ke_hoach.docx"), ws)


@pytest.fixture()
def plan_document() -> DocxDocument:
    document = Document(io.BytesIO(_compiled().data))
    document.core_properties.created = dt.datetime(2020, 5, 17, 10, 30)  # stamps to be fixed
    document.core_properties.modified = dt.datetime(2021, 6, 1, 8, 0)
    return document


@pytest.mark.parametrize("date", [dt.date(2017, 3, 8), None])
def test_package_written_once_is_the_package_normalised_after_saving(
        plan_document: DocxDocument, date: dt.date | None) -> None:
    once = to_reproducible_bytes(plan_document, date)
    assert once == normalise_office(to_bytes(plan_document), date)
    assert once == to_reproducible_bytes(plan_document, date)
    with zipfile.ZipFile(io.BytesIO(once)) as package:
        assert {info.date_time for info in package.infolist()} == {ZIP_EPOCH}
        core = package.read("docProps/core.xml").decode()
    if date is None:
        assert "dcterms:created" not in core and "dcterms:modified" not in core
    else:
        assert "2017-03-08T00:00:00Z" in core


LISTING_TEXT = st.text(st.sampled_from(list("ab &\t\n\a\f")), max_size=12)


@settings(max_examples=200, deadline=None)
@given(texts=st.lists(LISTING_TEXT, min_size=1, max_size=5), styled=st.booleans())
def test_listing_pass_on_some_paragraphs_equals_docxtpl_on_all(texts: list[str],
                                                               styled: bool) -> None:
    compiled = _compiled()
    props = "<w:pPr><w:pStyle w:val=\"x\"/></w:pPr>" if styled else ""
    xml = "".join(f"<w:p>{props}<w:r><w:rPr><w:b/></w:rPr><w:t>{t}</w:t></w:r></w:p>"
                  f"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc></w:tr>"
                  "</w:tbl>" for t in texts)
    assert compiled.fill().resolve_listing(xml) == \
        DocxTemplate(io.BytesIO(compiled.data)).resolve_listing(xml)


@pytest.mark.parametrize("reach", ["b._pieces", "b._tpl", "b._draw", "b._scratch"])
def test_a_template_cannot_reach_into_a_body(reach: str) -> None:
    """A workspace template gets the body to insert, not the document it is drawn on."""
    from jinja2.exceptions import SecurityError, UndefinedError

    from gendoc.docx_blocks import to_subdoc
    from gendoc.templates import make_env

    body = to_subdoc(_compiled().fill(), [])
    with pytest.raises((SecurityError, UndefinedError)):  # the sandbox hides `_` attributes
        make_env(None, autoescape=True, loader=False).from_string(f"{{{{ {reach} }}}}").render(b=body)
