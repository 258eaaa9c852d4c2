"""One block model, two text renderings: media `Blocks` → an HTML fragment and → plain text.

The .docx is drawn from the same blocks (`gendoc.media.blocks.for_docx`), so the three outputs
cannot drift apart and nothing is parsed back from HTML. Every span's text is HTML-escaped
here (`&`, `<`, `>`, quotes); the only markup in the fragment is the markup written below.
A line break inside a content paragraph is a line break in every format.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Sequence
from typing import Any

from gendoc.body import Image, PageBreak, Para, Span, Table, parse_inline
from gendoc.media.blocks import ROLES, Group, Photo, plain_text

_UNIT = re.compile(r"(\d)[ \t]+(%|km|ha|m²|người|đồng|triệu|tỷ|giây|phút)(?!\w)")
_CELL_CLASS = {"phai": "so", "giua": "tg"}


def unbreakable_units(text: str) -> str:
    """Keep a number and its unit on one line in the page ("35 người", "2 phút")."""
    return _UNIT.sub("\\1\u00a0\\2", text)


def _escape(text: str) -> str:
    return "<br>".join(html.escape(unbreakable_units(line), quote=True)
                       for line in text.split("\n"))


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for span in spans:
        if out and (out[-1].bold, out[-1].italic) == (span.bold, span.italic):
            out[-1] = Span(out[-1].text + span.text, span.bold, span.italic)
        elif span.text:
            out.append(span)
    return out


def spans_html(spans: list[Span]) -> str:
    out = []
    for span in _merged(spans):
        piece = _escape(span.text)
        if span.italic:
            piece = f"<em>{piece}</em>"
        if span.bold:
            piece = f"<strong>{piece}</strong>"
        out.append(piece)
    return "".join(out)


def _cell(value: str | list[Span]) -> list[Span]:
    return value if isinstance(value, list) else parse_inline(str(value))


def _attr(css: str) -> str:
    return f' class="{css}"' if css else ""


def _table_html(table: Table) -> str:
    aligns = table.align or []
    classes = [_CELL_CLASS.get(a, "") for a in aligns] + [""] * len(table.header)
    rows = []
    if table.title:
        rows.append(f"<caption>{_escape(table.title)}</caption>")
    rows.append("<tr>" + "".join(f"<th{_attr(classes[i])}>{spans_html(_cell(h))}</th>"
                                 for i, h in enumerate(table.header)) + "</tr>")
    for row in table.rows:
        rows.append("<tr>" + "".join(f"<td{_attr(classes[i])}>{spans_html(_cell(c))}</td>"
                                     for i, c in enumerate(row)) + "</tr>")
    return "<table>\n" + "\n".join(rows) + "\n</table>"


def _photo_html(photo: Photo) -> str:
    caption = _escape(photo.caption or "")
    if photo.credit:
        caption += f' <span class="nguon">({_escape(photo.credit)})</span>'
    return (f'<figure>\n<img src="{html.escape(photo.ref, quote=True)}" '
            f'alt="{html.escape(photo.alt, quote=True)}">\n'
            + (f"<figcaption>{caption.strip()}</figcaption>\n" if caption.strip() else "")
            + "</figure>")


def to_html(blocks: list[Any]) -> str:
    """The page body: one element per block; consecutive list items share one <ul>."""
    out: list[str] = []
    items: list[str] = []

    def close_list() -> None:
        if items:
            out.append("<ul>\n" + "\n".join(items) + "\n</ul>")
            items.clear()

    for block in blocks:
        if isinstance(block, Para) and block.role == "muc":
            items.append(f"<li>{spans_html(block.spans)}</li>")
            continue
        close_list()
        if isinstance(block, Para):
            role = ROLES.get(block.role, ROLES["noi_dung"])
            inner = spans_html(block.spans)
            if role.tag == "blockquote":
                out.append(f"<blockquote><p>{inner}</p></blockquote>")
            else:
                out.append(f"<{role.tag}{_attr(role.css)}>{inner}</{role.tag}>")
        elif isinstance(block, Table):
            out.append(_table_html(block))
        elif isinstance(block, Photo):
            out.append(_photo_html(block))
        elif isinstance(block, Group):
            out.append(f'<section class="{html.escape(block.css)}">\n'
                       f"{to_html(block.blocks)}\n</section>")
        elif isinstance(block, (Image, PageBreak)):
            continue  # charts and page breaks belong to the printed document
    close_list()
    return unicodedata.normalize("NFC", "\n".join(out))


def _text_of(block: Any) -> str | None:
    if isinstance(block, Para):
        role = ROLES.get(block.role, ROLES["noi_dung"])
        line = role.prefix + plain_text(block.spans)
        return line.upper() if role.upper_in_text else line
    if isinstance(block, Photo):
        caption = block.full_caption()
        return f"[Ảnh: {caption}]" if caption else "[Ảnh]"
    if isinstance(block, Table):
        rows: list[Sequence[str | list[Span]]] = [block.header, *block.rows]
        lines = [" | ".join(plain_text(_cell(c)).replace("\n", " / ") for c in row)
                 for row in rows]
        return "\n".join(([block.title] if block.title else []) + lines)
    if isinstance(block, Group):
        return to_text(block.blocks).rstrip("\n")
    return None


def to_text(blocks: list[Any]) -> str:
    """Plain text: headings in capitals, one paragraph per line, blank lines between blocks;
    consecutive list items stay on consecutive lines."""
    out: list[str] = []
    previous_item = False
    for block in blocks:
        piece = _text_of(block)
        if piece is None or not piece.strip():
            continue
        item = isinstance(block, Para) and block.role == "muc"
        if item and previous_item:
            out[-1] += "\n" + piece
        else:
            out.append(piece)
        previous_item = item
    return unicodedata.normalize("NFC", "\n\n".join(out)) + "\n"
