"""The built-in Word template for media briefs that are not ND30 documents (`truyen_thong.docx`).

News articles, television scripts and profile collections go to newsrooms as Word files; they
keep the province's house style (Times New Roman, A4, ND30 margins) but have no ND30 header.
Everything comes from the Markdown rendering as body blocks; the template only defines the
paragraph styles a newsroom restyles in Word: headline, lead (sapo), byline, captions.
"""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

from gendoc import nd30
from gendoc.docx_templates import add_para, base_document, body_block

TEMPLATE = "truyen_thong.docx"
# style name → (size pt or None for body size, bold, italic, alignment, space after pt)
STYLES = {
    "TT Tieu de": (18, True, False, WD_ALIGN_PARAGRAPH.CENTER, 12),
    "TT Sapo": (None, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 12),
    "TT Tac gia": (None, True, False, WD_ALIGN_PARAGRAPH.RIGHT, 6),
    "TT Chu thich": (12, False, True, WD_ALIGN_PARAGRAPH.CENTER, 6),
}


def add_media_styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    for name, (size, bold, italic, align, after) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Cm(0)
        fmt.space_before = Pt(0)
        fmt.space_after = Pt(after)
        fmt.line_spacing = nd30.DEFAULT_LINE_SPACING
        if size:
            style.font.size = Pt(size)
        style.font.bold = bold or None
        style.font.italic = italic or None


def make_template() -> DocxDocument:
    """A4, Times New Roman, ND30 margins and body styles, plus the media styles; body only."""
    doc = base_document()
    add_media_styles(doc)
    body_block(doc)
    add_para(doc, "")
    return doc
