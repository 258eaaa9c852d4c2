"""The block model every media output is drawn from: `gendoc.body` blocks with media roles.

A kind turns its content into `Blocks` once (paragraphs with a role, tables, photos, groups);
`gendoc.media.convert` writes the same blocks as HTML and as plain text, and `for_docx()` hands
them to the DOCX renderer (`gendoc.docx_blocks`). Text from the content file is only ever a
span's text: it is never parsed as Markdown or HTML. Emphasis comes only from the documented
inline marks (`**đậm**`, `*nghiêng*`, `gendoc.body.parse_inline`) in paragraph fields; headings,
names, captions and credits are printed exactly as written.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from gendoc.body import Blocks, Image, PageBreak, Para, Span, Table, parse_inline


@dataclass(frozen=True)
class Role:
    """How a paragraph role is shown: HTML tag and class, DOCX style, plain-text treatment."""

    tag: str
    css: str = ""
    style: str = "ND30 Noi dung"
    bold_in_docx: bool = False
    upper_in_text: bool = False
    prefix: str = ""  # put before the text in .docx and .txt (list bullets)


ROLES: dict[str, Role] = {
    "tieu_de": Role("h1", style="TT Tieu de", upper_in_text=True),
    "ten": Role("h2", css="tieu-de", style="TT Tieu de", upper_in_text=True),
    "tieu_de_muc": Role("h2", bold_in_docx=True, upper_in_text=True),
    "tieu_de_nho": Role("h3", bold_in_docx=True),
    "sapo": Role("p", css="sapo", style="TT Sapo"),
    "ngay": Role("p", css="ngay", style="TT Chu thich"),
    "nho": Role("p", css="nho", style="TT Chu thich"),
    "tac_gia": Role("p", css="tac-gia", style="TT Tac gia"),
    "giua": Role("p", css="giua", style="ND30 Tieu de giua"),
    "noi_dung": Role("p"),
    "muc": Role("li", prefix="- "),
    "trich_dan": Role("blockquote"),
    "lien_he": Role("p", css="lien-he"),
}


@dataclass
class Photo(Image):
    """A photo: `ref` is its stable reference in the web page, `credit` its source line."""

    ref: str = ""
    credit: str = ""
    alt: str = ""

    def full_caption(self) -> str | None:
        credit = f"({self.credit})" if self.credit else ""
        return " ".join(x for x in (self.caption or "", credit) if x) or None


@dataclass
class Group:
    """Blocks that belong together on the web page (`<section class="…">`), e.g. one profile."""

    css: str
    blocks: list[Any] = field(default_factory=list)


_MARK = re.compile(r"(\\\*|\*\*\*|\*\*|\*)")  # the tokens of gendoc.body.parse_inline


def _edge(char: str | None) -> bool:
    """Start/end of text, a space, or punctuation: where an emphasis mark may sit."""
    return char is None or char.isspace() or unicodedata.category(char)[0] in "PS"


def keep_loose_asterisks(value: str) -> str:
    """Escape every `*` run that cannot be a mark, so `parse_inline` prints it as written.

    A mark opens before a non-space at the start of a word (`*sao*`) and closes after a
    non-space at its end; `7*7`, `9 ** 9` and a lone `*` are text. The marks that remain are
    paired by `gendoc.body.parse_inline`, the one implementation of gendoc's inline marks.
    """
    tokens = _MARK.split(value)
    out = []
    for i, tok in enumerate(tokens):
        if i % 2 == 0 or tok == "\\*":
            out.append(tok)
            continue
        before = next((t[-1] for t in reversed(tokens[:i]) if t), None)
        after = next((t[0] for t in tokens[i + 1:] if t), None)
        opens = after is not None and not after.isspace() and _edge(before)
        closes = before is not None and not before.isspace() and _edge(after)
        out.append(tok if opens or closes else tok.replace("*", "\\*"))
    return "".join(out)


def marked(value: str, *, bold: bool = False, italic: bool = False) -> list[Span]:
    """Runs of a paragraph field: `**đậm**`, `*nghiêng*`; any other asterisk stays as written."""
    return parse_inline(keep_loose_asterisks(value), bold=bold, italic=italic)


def text(value: str, role: str = "noi_dung", *, marks: bool = True, bold: bool = False,
         italic: bool = False) -> Para:
    """A paragraph of content text: inline marks apply only when `marks` (paragraph fields)."""
    spans = marked(value, bold=bold, italic=italic) if marks else [Span(value, bold, italic)]
    return Para(spans, role=role)


def plain(value: str, role: str) -> Para:
    """A heading, name or caption: printed exactly as written."""
    return Para([Span(value)], role=role)


def flat(blocks: list[Any]) -> list[Any]:
    out: list[Any] = []
    for block in blocks:
        out.extend(flat(block.blocks) if isinstance(block, Group) else [block])
    return out


def _nfc(spans: list[Span], *, bold: bool = False) -> list[Span]:
    return [Span(unicodedata.normalize("NFC", s.text), s.bold or bold, s.italic) for s in spans]


def for_docx(blocks: list[Any]) -> Blocks:
    """The same blocks for `gendoc.docx_blocks`: roles become paragraph styles, photos images."""
    out = Blocks()
    for block in flat(blocks):
        if isinstance(block, Para):
            role = ROLES.get(block.role, ROLES["noi_dung"])
            spans = _nfc(block.spans, bold=role.bold_in_docx)
            if role.prefix:
                spans.insert(0, Span(role.prefix))
            if role.tag == "blockquote":
                spans = [Span(s.text, s.bold, True) for s in spans]
            out.append(Para(spans, role=role.style))
        elif isinstance(block, Photo):
            out.append(Image(block.path, width_cm=block.width_cm, caption=block.full_caption()))
        elif isinstance(block, Table):
            out.append(Table(
                header=[unicodedata.normalize("NFC", h) for h in block.header],
                rows=[[_nfc(c) if isinstance(c, list) else unicodedata.normalize("NFC", c)
                       for c in row] for row in block.rows],
                widths=block.widths, align=block.align, title=block.title, size=block.size,
                bold_last_row=block.bold_last_row))
        elif isinstance(block, (Image, PageBreak)):
            out.append(block)
    return out


def plain_text(spans: list[Span]) -> str:
    return "".join(s.text for s in spans)


def literal_markup(value: str) -> str:
    """Content text for a place that reads inline marks (a table header): `*` kept as written.

    `parse_inline` reads `\\*` as a literal asterisk and nothing else as an escape, so escaping
    every `*` this way gives back exactly `value`.
    """
    return value.replace("*", "\\*")
