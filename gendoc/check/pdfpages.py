"""The printed page as text lines with positions, read from a PDF with pdfminer.six.

`gendoc check --layout` judges what prints, not what the .docx says it wants: a PDF produced by
LibreOffice (or by Word, or scanned-and-OCRed) is read page by page into `Line`s with their
box in millimetres from the top-left corner of the page, and whether the line is bold.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

MM_PER_PT = 25.4 / 72
_BOLD = re.compile(r"bold|black|heavy|semibold|demi", re.I)


@dataclass(frozen=True)
class Line:
    """One printed line (a text run of one column): text and its box in mm from top-left."""

    text: str
    left: float
    top: float
    right: float
    bottom: float
    bold: bool = False

    @property
    def stripped(self) -> str:
        return self.text.strip()


@dataclass(frozen=True)
class Rule:
    """A drawn horizontal line (a paragraph border, a shape): from `left` to `right` at `y`, mm."""

    left: float
    right: float
    y: float

    @property
    def length(self) -> float:
        return self.right - self.left

    @property
    def centre(self) -> float:
        return (self.left + self.right) / 2


@dataclass
class Page:
    number: int  # 1-based position in the file
    width: float  # mm
    height: float  # mm
    lines: list[Line] = field(default_factory=list)
    rules: list[Rule] = field(default_factory=list)


def _is_bold(chars: list) -> bool:  # noqa: ANN001 - pdfminer LTChar list
    letters = [c for c in chars if getattr(c, "get_text", lambda: "")().strip()]
    return bool(letters) and all(_BOLD.search(getattr(c, "fontname", "")) for c in letters)


def read_pdf(path: Path) -> list[Page]:
    """Every page of `path` with its text lines in reading order (top to bottom, left to right).

    Raises ValueError when the file is not a readable PDF.
    """
    # heavy: pdfminer, only when a PDF is read
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTLine, LTRect, LTTextContainer, LTTextLine

    pages: list[Page] = []
    try:
        layouts = list(extract_pages(str(path), laparams=LAParams(char_margin=3.0, line_margin=0.3)))
    except Exception as exc:  # pdfminer raises many types for damaged files
        raise ValueError(f"không đọc được PDF ({exc.__class__.__name__})") from exc
    for number, layout in enumerate(layouts, start=1):
        height_pt = layout.height
        page = Page(number, layout.width * MM_PER_PT, height_pt * MM_PER_PT)
        for box in layout:
            if isinstance(box, (LTLine, LTRect)) and box.height <= 1.5 and box.width > 2:
                y = (height_pt - (box.y0 + box.y1) / 2) * MM_PER_PT
                page.rules.append(Rule(box.x0 * MM_PER_PT, box.x1 * MM_PER_PT, y))
                continue
            if not isinstance(box, LTTextContainer):
                continue
            for line in box:
                if not isinstance(line, LTTextLine):
                    continue
                text = line.get_text().rstrip("\n")
                if not text.strip():
                    continue
                chars = [c for c in line if isinstance(c, LTChar)]
                page.lines.append(Line(
                    text=text,
                    left=line.x0 * MM_PER_PT,
                    top=(height_pt - line.y1) * MM_PER_PT,
                    right=line.x1 * MM_PER_PT,
                    bottom=(height_pt - line.y0) * MM_PER_PT,
                    bold=_is_bold(chars),
                ))
        page.lines.sort(key=lambda ln: (round(ln.top, 0), ln.left))
        pages.append(page)
    return pages
