"""A .docx template compiled once per build and filled once per document.

Compiling does, once, what used to be redone for every document: open the template safely
(`gendoc.safezip`: inflation caps, no DTD), apply the workspace's ND30 format (margins, body
size, line spacing — the former post-processing step, folded into the template), and keep the
result as bytes with the map of its style names. Filling opens those bytes (a trimmed template is
small), and reuses, across the documents of a build, docxtpl's patched XML of each part and the
Jinja template compiled from it: the same template source always compiles to the same code, so
only the first document pays for it. Sub-documents for body blocks share the template's parts
instead of opening python-docx's default document (164 styles) each time.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.shared import Cm, Mm, Pt
from docxtpl import DocxTemplate
from docxtpl.subdoc import Subdoc
from lxml import etree

from gendoc.docx_xml import paragraph_style_ids
from gendoc.exceptions import RenderError, UnusableInputError
from gendoc.safezip import open_zip
from gendoc.templates import make_env
from gendoc.workspace import DinhDang, Workspace

# What docxtpl's `resolve_listing` acts on, and the paragraphs it walks (its own pattern).
_LISTING = re.compile("[\t\n\a\f]")
_PARAGRAPH = re.compile(r"<w:p(?: [^>]*)?>.*?</w:p>", re.DOTALL)
BODY_STYLE_NAMES = ("Normal", "ND30 Noi dung", "ND30 Can cu", "ND30 Tieu de giua")


@dataclass
class CompiledTemplate:
    """One template as a build uses it: formatted bytes, style ids, compiled parts."""

    path: Path
    data: bytes  # the template's .docx after the workspace's format
    style_ids: dict[str, str]  # style name → style id (what w:pStyle names)
    paragraph_ids: dict[str, str | None]  # paragraph style name → id (None: the default style)
    # paragraph style id → its font size in pt through its base styles (None: the default style)
    paragraph_sizes: dict[str | None, float | None]
    env: jinja2.Environment
    patched: dict[str, str] = field(default_factory=dict)  # part XML → docxtpl-patched XML
    jinja: dict[str, jinja2.Template] = field(default_factory=dict)  # source → compiled

    def fill(self) -> FilledTemplate:
        """A fresh docxtpl template for one document."""
        return FilledTemplate(self)

    def from_string(self, source: str) -> jinja2.Template:
        found = self.jinja.get(source)
        if found is None:
            found = self.jinja[source] = self.env.from_string(source)
        return found


class _CachingEnv:
    """The build's Jinja environment as docxtpl sees it: `from_string` compiles each source once."""

    def __init__(self, compiled: CompiledTemplate) -> None:
        self._compiled = compiled
        self.autoescape = True  # docxtpl sets it; the real environment already autoescapes

    def from_string(self, source: str) -> jinja2.Template:
        return self._compiled.from_string(source)


class FilledTemplate(DocxTemplate):
    """docxtpl's template over a compiled template's bytes, reusing its compiled parts."""

    def __init__(self, compiled: CompiledTemplate) -> None:
        super().__init__(io.BytesIO(compiled.data))
        self.compiled = compiled

    def patch_xml(self, src_xml: str) -> str:
        patched = self.compiled.patched
        if src_xml not in patched:
            patched[src_xml] = super().patch_xml(src_xml)
        return patched[src_xml]

    def resolve_listing(self, xml: str) -> str:
        """docxtpl's listing pass (a tab, new line, bell or form feed in a text run becomes
        Word's element), run only on the paragraphs that hold one of those characters: it is a
        chain of regular-expression substitutions over every paragraph of the document, and the
        others come out of it unchanged. Same result, paragraph for paragraph."""
        if _LISTING.search(xml) is None:
            return xml
        resolve = super().resolve_listing
        return _PARAGRAPH.sub(
            lambda m: resolve(m.group(0)) if _LISTING.search(m.group(0)) else m.group(0), xml)

    def render_with(self, context: dict[str, Any]) -> None:
        self.render(context, jinja_env=_CachingEnv(self.compiled), autoescape=True)

    def new_subdoc(self, docpath: Any = None) -> Subdoc:
        """A sub-document on the template's own parts (styles, images), with an empty body."""
        if docpath is not None:
            return super().new_subdoc(docpath)
        sub = Subdoc.__new__(Subdoc)
        sub.tpl = self
        sub.docx = self.get_docx()
        sub.subdocx = DocxDocument(copy.deepcopy(_empty_document()), self.get_docx().part)
        return sub


_EMPTY: list[etree._Element] = []


def _empty_document() -> etree._Element:
    """python-docx's default document element with nothing but its section in the body — what
    docxtpl's sub-documents start from (its section only sizes a new table before gendoc sets
    every column's width)."""
    if not _EMPTY:
        element = Document().element
        body = element.body
        for child in list(body):
            if child is not body.sectPr:
                body.remove(child)
        _EMPTY.append(element)
    return _EMPTY[0]


def compile_template(path: Path, ws: Workspace | None) -> CompiledTemplate:
    """Open `path` safely and apply `ws`'s ND30 format (None: keep the template's own layout)."""
    shown = _shown(path)
    doc = open_docx(path, shown)
    if ws is not None:
        apply_format(doc, ws.config.dinh_dang)
    buffer = io.BytesIO()
    doc.save(buffer)
    style_ids = {s.name: s.style_id for s in doc.styles if s.name is not None}
    return CompiledTemplate(path=path, data=buffer.getvalue(), style_ids=style_ids,
                            paragraph_ids=paragraph_style_ids(doc),
                            paragraph_sizes=paragraph_sizes(doc),
                            env=make_env(ws, autoescape=True, loader=False))


def paragraph_sizes(doc: DocxDocument) -> dict[str | None, float | None]:
    """Each paragraph style's font size, inherited through its base styles as Word does
    (None when no style in the chain sets one); the key None is the default paragraph style."""
    sizes: dict[str | None, float | None] = {}
    for style in doc.styles:
        if style.type != WD_STYLE_TYPE.PARAGRAPH:
            continue
        size = None
        chain = style
        while chain is not None and size is None:
            size = chain.font.size.pt if chain.font.size else None
            chain = chain.base_style
        sizes[style.style_id] = size
    default = doc.styles.default(WD_STYLE_TYPE.PARAGRAPH)
    sizes[None] = sizes.get(default.style_id) if default is not None else None
    return sizes


def cached_template(cache: MutableMapping[Any, Any] | None, path: Path, ws: Workspace | None,
                    ) -> CompiledTemplate:
    """The build's compiled template for `path` (formatted for `ws`), compiled on first use."""
    if cache is None:
        return compile_template(path, ws)
    key = ("gendoc.docx_compiled", str(path), ws is not None)
    if key not in cache:
        cache[key] = compile_template(path, ws)
    compiled: CompiledTemplate = cache[key]
    return compiled


def _shown(path: Path) -> str:
    """The template as a clerk finds it: `templates/x.docx` in a workspace, else its name."""
    parent = path.parent.name
    return f"{parent}/{path.name}" if parent else path.name


def open_docx(path: Path, shown: str) -> DocxDocument:
    """The template as a python-docx document; a bomb or a damaged file is a clear error."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RenderError(f"mẫu '{shown}': không đọc được tệp ({exc.strerror}).") from exc
    open_zip(data, shown).close()  # inflation caps and DTD refusal before python-docx parses
    try:
        return Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError,
            etree.XMLSyntaxError) as exc:
        raise UnusableInputError(
            f"mẫu '{shown}': không phải tệp Word .docx dùng được ({type(exc).__name__}) — mở mẫu "
            "bằng Word rồi lưu lại dạng .docx, hoặc xoá để dùng mẫu có sẵn.") from exc


def apply_format(doc: DocxDocument, fmt: DinhDang) -> None:
    """Apply the workspace's ND30 format choices (already validated against ND30's ranges)."""
    for section in doc.sections:
        section.top_margin = Mm(fmt.le_tren)
        section.bottom_margin = Mm(fmt.le_duoi)
        section.left_margin = Mm(fmt.le_trai)
        section.right_margin = Mm(fmt.le_phai)
    names = {s.name for s in doc.styles}
    for name in BODY_STYLE_NAMES:
        if name not in names:
            continue
        style = doc.styles[name]
        if name == "Normal":
            style.font.size = Pt(fmt.co_chu)
            continue
        style.paragraph_format.line_spacing = fmt.gian_dong
        if style.paragraph_format.first_line_indent:
            style.paragraph_format.first_line_indent = Cm(fmt.thut_dau_dong)
