"""Body structure → numbered paragraphs, per ND30 (Phụ lục I, Mục II.6 and the Phụ lục III samples).

Clerks write sections and items as nested YAML lists; gendoc numbers them `I.` / `1.` / `a)` /
`-` / `+` as literal text at the start of each paragraph. Word's automatic list numbering is not
used on purpose: it has no `đ`, and it renumbers silently when a clerk edits the document.

Inline `**bold**` and `*italic*` become real bold/italic runs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, model_validator

from gendoc.vi.formats import point_letter, roman

# Numbering schemes by depth; a document may start deeper (e.g. `so` for a short notice).
SCHEMES = ("la_ma", "so", "chu", "gach", "cong")
SCHEME_LABELS = "I. → 1. → a) → - → +"
# Items nested deeper than ND30 has labels for would all print as «+»: refused instead.
MAX_LEVELS = len(SCHEMES)
# Pictures: the pixel count is read from the header before any decoding. A 50-megapixel photo
# decodes to 200 MB; a 30000×30000 PNG of a few KB would need 3.6 GB.
MAX_IMAGE_PIXELS = 50_000_000


def label(scheme: str, index: int) -> str:
    """The literal label for the `index`-th (1-based) item of a list numbered with `scheme`."""
    if scheme == "la_ma":
        return f"{roman(index)}."
    if scheme == "so":
        return f"{index}."
    if scheme == "chu":
        return f"{point_letter(index)})"
    if scheme == "gach":
        return "-"
    return "+"


@dataclass(frozen=True)
class Span:
    text: str
    bold: bool = False
    italic: bool = False


@dataclass
class Para:
    """One body paragraph: its runs and the role that decides its paragraph style."""

    spans: list[Span] = field(default_factory=list)
    role: str = "noi_dung"  # noi_dung | can_cu | tieu_de_giua
    # Pagination: never end a page with this paragraph (headings; the body's last paragraph,
    # which stays with the signature block so that block never starts a page alone).
    keep_next: bool = False

    @property
    def text(self) -> str:
        return "".join(s.text for s in self.spans)


@dataclass
class Table:
    """A real table in the body: header row repeated on every page, rows never split.

    `widths` are relative weights (they are scaled to the text width); `align` per column is
    "trai", "giua" or "phai". Cells are text with inline **bold**/*italic*, or a list of
    `Span`s already built (media text, which is never re-parsed).
    """

    header: list[str]
    rows: Sequence[Sequence[str | list[Span]]]
    widths: list[float] | None = None
    align: list[str] | None = None
    title: str | None = None
    size: float | None = None  # font size in pt; default: body size - 1
    bold_last_row: bool = False  # a total row


@dataclass
class Image:
    """A picture (chart, photo) scaled to `width_cm`, with an optional italic caption."""

    path: Path
    width_cm: float = 15.0
    caption: str | None = None


@dataclass
class PageBreak:
    """Start the next block on a new page (annexes, one profile per page)."""


Block = Para | Table | Image | PageBreak


class Blocks(list):
    """Body content for a template variable: paragraphs, tables, images, page breaks.

    Kind context code builds these without knowing the output format; the DOCX renderer turns
    them into a sub-document (`{{p noi_dung}}`), the media renderers into HTML and plain text.
    """


_INLINE = re.compile(r"(\\\*|\*\*\*|\*\*|\*)")


def image_problem(path: Path) -> str | None:
    """Why the picture at `path` cannot go into a document (Vietnamese), or None.

    The size comes from the file header (Pillow opens lazily); pixels are decoded only when the
    picture is within MAX_IMAGE_PIXELS, so a decompression bomb costs nothing.
    """
    # heavy: Pillow, only when a document has a picture
    from PIL import Image as Picture
    from PIL import UnidentifiedImageError

    try:
        with Picture.open(path) as probe:
            width, height = probe.size
            if width * height > MAX_IMAGE_PIXELS:
                return (f"ảnh {width}×{height} điểm ảnh, vượt giới hạn "
                        f"{MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh — thu nhỏ ảnh (ví dụ "
                        "còn 2000 điểm ảnh chiều rộng) rồi dùng lại")
            probe.load()
    except Picture.DecompressionBombError:
        return (f"ảnh quá lớn (vượt giới hạn {MAX_IMAGE_PIXELS // 1_000_000} triệu điểm ảnh) — "
                "thu nhỏ ảnh rồi dùng lại")
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
        return ("tệp ảnh bị hỏng hoặc không phải ảnh — mở ảnh bằng "
                "phần mềm xem ảnh, lưu lại dạng PNG hoặc JPEG")
    return None


def parse_inline(text: str, *, bold: bool = False, italic: bool = False) -> list[Span]:
    """Split `text` on `**bold**`, `*italic*` (and `***both***`); `\\*` is a literal asterisk.

    Unbalanced markers are kept as literal text, so a stray `*` never swallows a sentence.
    """
    if "*" not in text:  # most text (every cell of a long table): one span, nothing to split
        return [Span(text, bold, italic)] if text else []
    tokens = _INLINE.split(text)
    # Which markers are balanced? Count them; an odd count of a marker means its last one is literal.
    counts = {m: tokens.count(m) for m in ("***", "**", "*")}
    usable = {m: counts[m] - (counts[m] % 2) for m in counts}
    seen = {m: 0 for m in counts}
    spans: list[Span] = []
    b, i = bold, italic
    buf = ""

    def flush() -> None:
        nonlocal buf
        if buf:
            spans.append(Span(buf, b, i))
            buf = ""

    for tok in tokens:
        if tok == "\\*":
            buf += "*"
        elif tok in seen and seen[tok] < usable[tok]:
            seen[tok] += 1
            flush()
            if tok == "***":
                b, i = not b, not i
            elif tok == "**":
                b = not b
            else:
                i = not i
        else:
            buf += tok
    flush()
    return spans


class Muc(BaseModel):
    """One numbered item: a heading, paragraphs, and sub-items (any of them optional)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    tieu_de: str | None = Field(None, description="tiêu đề (in đậm), đứng sau số thứ tự")
    doan: list[str] = Field(default_factory=list, description="các đoạn văn của mục")
    muc: list[Muc] = Field(default_factory=list, description="các mục con")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, value: object) -> object:
        """A plain string is an item with one paragraph; `doan` may be a single string."""
        if isinstance(value, str):
            return {"doan": [value]}
        if isinstance(value, dict) and isinstance(value.get("doan"), str):
            return {**value, "doan": [value["doan"]]}
        return value

    @model_validator(mode="after")
    def _not_empty(self) -> Muc:
        if not (self.tieu_de or self.doan or self.muc):
            raise ValueError("mục trống: cần ít nhất 'tieu_de', 'doan' hoặc 'muc'")
        if self.levels() > MAX_LEVELS:
            raise ValueError(f"các mục con lồng nhau {self.levels()} cấp, sâu nhất chỉ được "
                             f"{MAX_LEVELS} cấp đánh số theo ND30 ({SCHEME_LABELS}) — đưa các mục "
                             "sâu hơn lên cấp trên hoặc viết thành đoạn văn ('doan')")
        return self

    def levels(self) -> int:
        """How many numbering levels this item and its sub-items take (1 for a leaf)."""
        return 1 + max((m.levels() for m in self.muc), default=0)


def number_items(items: list[Muc], depth: int = 0, start: str = "la_ma") -> list[Para]:
    """Flatten nested items into paragraphs with ND30 labels (`I.`, `1.`, `a)`, `-`, `+`)."""
    first = SCHEMES.index(start)
    scheme = SCHEMES[min(first + depth, len(SCHEMES) - 1)]
    paras: list[Para] = []
    for index, item in enumerate(items, start=1):
        tag = label(scheme, index)
        texts = list(item.doan)
        if item.tieu_de is not None:
            heading = item.tieu_de.upper() if scheme == "la_ma" else item.tieu_de
            paras.append(Para([Span(f"{tag} ", bold=True), *parse_inline(heading, bold=True)],
                              keep_next=True))
        elif texts:
            bold_label = scheme in ("la_ma",)
            paras.append(Para([Span(f"{tag} ", bold=bold_label), *parse_inline(texts.pop(0))]))
        else:
            paras.append(Para([Span(tag, bold=scheme == "la_ma")], keep_next=True))
        paras.extend(Para(parse_inline(text)) for text in texts)
        paras.extend(number_items(item.muc, depth + 1, start))
    return paras


def plain_paragraphs(texts: list[str], role: str = "noi_dung", *, italic: bool = False) -> list[Para]:
    return [Para(parse_inline(t, italic=italic), role=role) for t in texts]


def close_body(paras: list[Para]) -> list[Para]:
    """End the body with `./.` as the Phụ lục III samples do (unless the author already did).

    The last paragraph is kept with what follows (the signature block): a page never starts with
    the signature alone.
    """
    if not paras:
        return paras
    last = paras[-1]
    last.keep_next = True
    text = last.text.rstrip()
    if text.endswith("./.") or text.endswith("/."):
        return paras
    if text.endswith("."):
        last.spans.append(Span("/.", last.spans[-1].bold if last.spans else False))
    return paras
