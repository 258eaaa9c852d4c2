"""One source, three outputs: the HTML that Markdown produces becomes DOCX blocks and plain text.

A media brief is written once as a Markdown/Jinja template; its HTML is the reference rendering.
Rather than a second template per format (which drift apart), the HTML is parsed into a small
tree and walked twice: into `gendoc.body.Blocks` for the DOCX path and into plain text for
agencies that paste text into their own systems. Only the elements gendoc's templates produce
are handled; anything else contributes its text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from gendoc.body import Blocks, Image, PageBreak, Para, Span, Table

_VOID = {"img", "br", "hr", "meta", "link", "input", "source", "col", "wbr"}
_SKIP = {"script", "style", "head"}


@dataclass
class Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def find_all(self, tag: str) -> list[Node]:
        out = []
        for child in self.children:
            if isinstance(child, Node):
                if child.tag == tag:
                    out.append(child)
                out += child.find_all(tag)
        return out


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def parse_html(source: str) -> Node:
    builder = _TreeBuilder()
    builder.feed(source)
    builder.close()
    return builder.root


def _clean(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


# --- spans (inline formatting) ------------------------------------------------------------------

def spans_of(node: Node, bold: bool = False, italic: bool = False) -> list[Span]:
    """Runs of a paragraph-like element: <strong>/<b> bold, <em>/<i> italic, <br> a line break."""
    out: list[Span] = []
    for child in node.children:
        if isinstance(child, str):
            text = " ".join(child.split(" ")) if child.strip() else (" " if child else "")
            text = text.replace("\n", " ")
            if text:
                out.append(Span(text, bold, italic))
        elif child.tag == "br":
            out.append(Span("\n", bold, italic))
        elif child.tag in _SKIP or child.tag == "img":
            continue
        else:
            out += spans_of(child, bold or child.tag in ("strong", "b", "th"),
                            italic or child.tag in ("em", "i", "cite"))
    return _tidy(out)


def _tidy(spans: list[Span]) -> list[Span]:
    """Collapse runs of spaces and trim the paragraph ends."""
    out: list[Span] = []
    for span in spans:
        text = unicodedata.normalize("NFC", span.text)
        while "  " in text:
            text = text.replace("  ", " ")
        if out and out[-1].text.endswith((" ", "\n")) and text.startswith(" "):
            text = text[1:]
        if text:
            out.append(Span(text, span.bold, span.italic))
    if out:
        out[0] = Span(out[0].text.lstrip(), out[0].bold, out[0].italic)
        out[-1] = Span(out[-1].text.rstrip(), out[-1].bold, out[-1].italic)
    return [s for s in out if s.text]


def _markup(spans: list[Span]) -> str:
    """Spans back to gendoc's inline syntax (**bold**, *italic*) for table cells."""
    parts = []
    for s in spans:
        text = s.text.replace("*", "\\*")
        if s.bold and s.italic:
            text = f"***{text}***"
        elif s.bold:
            text = f"**{text}**"
        elif s.italic:
            text = f"*{text}*"
        parts.append(text)
    return "".join(parts)


# --- HTML → Blocks ----------------------------------------------------------------------------

ROLE_BY_CLASS = {  # template class → DOCX paragraph style (the media template defines them)
    "tieu-de": "TT Tieu de", "sapo": "TT Sapo", "tac-gia": "TT Tac gia", "chu-thich": "TT Chu thich",
    "giua": "ND30 Tieu de giua", "can-cu": "ND30 Can cu", "nho": "TT Chu thich",
    "ngay": "TT Chu thich",
}


def to_blocks(source: str, images: dict[str, Path], *, heading_role: str = "noi_dung") -> Blocks:
    """Blocks for the DOCX path. `images` maps an <img src> to the file it stands for."""
    blocks = Blocks()
    _walk_blocks(parse_html(source), blocks, images, heading_role)
    return blocks


def _role(node: Node, default: str) -> str:
    for cls in node.classes():
        if cls in ROLE_BY_CLASS:
            return ROLE_BY_CLASS[cls]
    return default


def _walk_blocks(node: Node, blocks: Blocks, images: dict[str, Path], heading_role: str) -> None:
    for child in node.children:
        if isinstance(child, str):
            if child.strip():
                blocks.append(Para([Span(_clean(child))]))
            continue
        tag = child.tag
        if tag in _SKIP:
            continue
        if "ngat-trang" in child.classes():
            blocks.append(PageBreak())
            continue
        if tag == "h1":
            blocks.append(Para(spans_of(child, bold=True), role=_role(child, "TT Tieu de")))
        elif tag in ("h2", "h3", "h4"):
            blocks.append(Para(spans_of(child, bold=True), role=_role(child, heading_role)))
        elif tag == "p":
            imgs = child.find_all("img")
            if imgs and not _clean(child.text()):
                for img in imgs:
                    _append_image(blocks, img, images, None)
            else:
                spans = spans_of(child, italic=tag == "blockquote")
                if spans:
                    blocks.append(Para(spans, role=_role(child, "noi_dung")))
        elif tag == "figure":
            caption = " ".join(_clean(c.text()) for c in child.find_all("figcaption")) or None
            for img in child.find_all("img"):
                _append_image(blocks, img, images, caption)
        elif tag in ("ul", "ol"):
            for number, li in enumerate(child.find_all("li"), start=1):
                label = f"{number}. " if tag == "ol" else "- "
                blocks.append(Para([Span(label), *spans_of(li)], role=_role(child, "noi_dung")))
        elif tag == "blockquote":
            for p in child.find_all("p") or [child]:
                blocks.append(Para(spans_of(p, italic=True)))
        elif tag == "table":
            blocks.append(_table(child))
        elif tag == "hr":
            continue
        else:
            _walk_blocks(child, blocks, images, heading_role)


def _append_image(blocks: Blocks, img: Node, images: dict[str, Path], caption: str | None) -> None:
    path = images.get(img.attrs.get("src", ""))
    if path is None:
        return
    width = float(img.attrs.get("data-rong-cm") or 12)
    blocks.append(Image(path, width_cm=width, caption=caption or img.attrs.get("alt") or None))


def _table(node: Node) -> Table:
    rows = node.find_all("tr")
    header: list[str] = []
    body: list[list[str]] = []
    for row in rows:
        cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("th", "td")]
        texts = [_markup(spans_of(c)) for c in cells]
        if not header and all(c.tag == "th" for c in cells):
            header = [_clean(c.text()) for c in cells]
        else:
            body.append(texts)
    widths = [float(w) for w in (node.attrs.get("data-rong") or "").split()] or None
    align = (node.attrs.get("data-can") or "").split() or None
    caption = next((_clean(c.text()) for c in node.find_all("caption")), None)
    return Table(header=header or [""] * len(body[0] if body else [""]), rows=body, widths=widths,
                 align=align, title=caption)


# --- HTML → plain text ---------------------------------------------------------------------------

def to_text(source: str) -> str:
    """Plain text: headings in capitals, one paragraph per line, blank lines between blocks."""
    out: list[str] = []
    _walk_text(parse_html(source), out)
    text = "\n\n".join(p for p in out if p.strip())
    return unicodedata.normalize("NFC", text) + "\n"


def _line(node: Node) -> str:
    return "".join(s.text for s in spans_of(node))


def _walk_text(node: Node, out: list[str]) -> None:
    for child in node.children:
        if isinstance(child, str):
            if child.strip():
                out.append(_clean(child))
            continue
        tag = child.tag
        if tag in _SKIP:
            continue
        if tag in ("h1", "h2"):
            out.append(_line(child).upper())
        elif tag in ("h3", "h4", "p", "blockquote", "figcaption", "caption"):
            if tag == "p" and child.find_all("img") and not _clean(child.text()):
                continue
            out.append(_line(child))
        elif tag in ("ul", "ol"):
            items = child.find_all("li")
            out.append("\n".join((f"{i}. " if tag == "ol" else "- ") + _line(li)
                                 for i, li in enumerate(items, start=1)))
        elif tag == "figure":
            caption = " ".join(_clean(c.text()) for c in child.find_all("figcaption"))
            out.append(f"[Ảnh: {caption}]" if caption else "[Ảnh]")
        elif tag == "table":
            rows = []
            for row in child.find_all("tr"):
                cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("th", "td")]
                rows.append(" | ".join(_line(c).replace("\n", " / ") for c in cells))
            out.append("\n".join(rows))
        elif tag in ("hr",):
            out.append("* * *")
        else:
            _walk_text(child, out)
