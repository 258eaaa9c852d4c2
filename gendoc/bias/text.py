"""Turn .md/.txt/.html/.docx files into numbered lines of text for the bias checker.

Every reader returns `(line_number, text)` pairs plus the unit the numbers count ("dòng" for text
files and HTML source lines, "đoạn" for .docx paragraphs), so a finding points where the author
can find it: the line in the file they edit, or the paragraph in Word.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from gendoc.exceptions import UnusableInputError

MAX_BYTES = 20 * 1024 * 1024
_WORD = re.compile(r"[^\W\d_]+")
# Sentence ends and paragraph breaks stop a phrase; commas and dashes stop only a `*` gap.
_STOP = re.compile(r"[.!?;:…]|\n\s*\n")
_SOFT = re.compile(r"[,–—()\"“”]|\s-\s")


def words(text: str) -> list[str]:
    """Letters-only words of NFC text (digits and punctuation are not part of any phrase)."""
    return _WORD.findall(unicodedata.normalize("NFC", text))


@dataclass(frozen=True)
class Token:
    word: str
    line: int
    start: int  # offset in the line's text, for showing the phrase as written
    end: int
    hard_before: bool  # a sentence/paragraph end precedes this word
    soft_before: bool  # a comma or dash precedes it


def tokenize(lines: list[tuple[int, str]]) -> list[Token]:
    """Words with their line, and whether punctuation separates each from the previous one.

    Lines of one paragraph are joined (a phrase may wrap onto the next line of a .md file); an
    empty line, a new block (HTML, .docx) or a sentence end breaks phrases.
    """
    tokens: list[Token] = []
    pending_hard = True
    pending_soft = False
    for number, raw in lines:
        text = unicodedata.normalize("NFC", raw)
        if not text.strip():
            pending_hard = True
            continue
        pos = 0
        for m in _WORD.finditer(text):
            between = text[pos:m.start()]
            hard = pending_hard or bool(_STOP.search(between))
            soft = pending_soft or bool(_SOFT.search(between))
            tokens.append(Token(m.group(), number, m.start(), m.end(), hard, soft))
            pending_hard = pending_soft = False
            pos = m.end()
        tail = text[pos:]
        pending_hard = pending_hard or bool(_STOP.search(tail))
        pending_soft = pending_soft or bool(_SOFT.search(tail))
    return tokens


# --- readers -----------------------------------------------------------------------------------

def read_lines(path: Path) -> tuple[list[tuple[int, str]], str]:
    """Numbered lines of any supported file, and the unit the numbers count."""
    suffix = path.suffix.lower()
    if not path.is_file():
        raise UnusableInputError(f"không tìm thấy tệp '{path}'.")
    if path.stat().st_size > MAX_BYTES:
        raise UnusableInputError(f"'{path}': tệp quá lớn (trên 20 MB) — tách thành tệp nhỏ hơn.")
    if suffix == ".docx":
        return _docx_lines(path), "đoạn"
    if suffix in (".html", ".htm"):
        return _html_lines(_decode(path)), "dòng"
    if suffix in (".md", ".txt", ".markdown", ".text"):
        return list(enumerate(_decode(path).splitlines(), start=1)), "dòng"
    raise UnusableInputError(
        f"'{path}': gendoc bias đọc được tệp .md, .txt, .html, .docx — "
        f"không đọc được loại '{suffix or '(không có đuôi)'}'.")


def _decode(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "utf-16"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnusableInputError(
        f"'{path}': tệp không phải Unicode (UTF-8) — nếu là văn bản TCVN3/VNI, chuyển mã trước "
        "bằng 'gendoc vi convert'.")


def _docx_lines(path: Path) -> list[tuple[int, str]]:
    """One entry per paragraph (tables included, in document order), counted from 1."""
    from docx import Document  # heavy: python-docx, only for a .docx input

    try:
        doc = Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise UnusableInputError(f"'{path}': không mở được tệp Word ({exc}) — "
                                 "lưu lại bằng Word dạng .docx rồi thử lại.") from None
    lines: list[tuple[int, str]] = []
    body = doc.element.body
    texts = [
        "".join(t.text or "" for t in p.iter(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
        for p in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p")
    ]
    for number, text in enumerate(texts, start=1):
        lines.append((number, text))
        lines.append((number, ""))  # each paragraph is its own block
    return lines


_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "td", "th", "tr", "br",
               "figcaption", "caption", "title", "blockquote", "section", "article", "header",
               "footer", "table", "ul", "ol", "dt", "dd", "pre"}


class _TextParser(HTMLParser):
    """Visible text with source line numbers; blocks separated so phrases cannot cross them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[tuple[int, str]] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.lines.append((self.getpos()[0], ""))
        if tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.lines += [(self.getpos()[0], alt), (self.getpos()[0], "")]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self.lines.append((self.getpos()[0], ""))

    def handle_data(self, data: str) -> None:
        if self._skip:
            return
        line = self.getpos()[0]
        # Whitespace between inline tags is not a paragraph break (only block tags are).
        for offset, part in enumerate(data.split("\n")):
            if part.strip():
                self.lines.append((line + offset, part))


def _html_lines(source: str) -> list[tuple[int, str]]:
    parser = _TextParser()
    parser.feed(source)
    parser.close()
    return parser.lines


def iter_strings(raw: object, loc: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every string in a parsed YAML document with its location (for checking content files)."""
    if isinstance(raw, str):
        yield loc, raw
    elif isinstance(raw, dict):
        for key, value in raw.items():
            yield from iter_strings(value, (*loc, key))
    elif isinstance(raw, list):
        for index, value in enumerate(raw):
            yield from iter_strings(value, (*loc, index))
