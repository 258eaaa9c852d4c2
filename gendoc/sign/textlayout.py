"""Text lines of a PDF with their positions (pdfminer.six), and the document's signature block.

ND30 signs where the text says: the signer's image goes between the chức vụ line and the họ tên
line of the signature block (ô 7), so the block is found in the PDF's own text, never guessed
from page geometry. The block is the right-hand column beside "Nơi nhận:": its last upper-case
line above a tall gap (the room left for the signature) is the chức vụ, the first line below the
gap is the họ tên.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LAParams, LTChar, LTFigure, LTTextContainer, LTTextLine

from gendoc import nd30
from gendoc.sign.errors import VERBOSE_HINT, SignError

MIN_SIGN_GAP_PT = 28.0  # ~10 mm: less than this between two lines is no room for a signature


@dataclass(frozen=True)
class TextLine:
    page: int  # 0-based
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    font: str
    size: float

    @property
    def bold(self) -> bool:
        return "bold" in self.font.lower()

    @property
    def center_x(self) -> float:
        return (self.x0 + self.x1) / 2


@dataclass(frozen=True)
class SignatureBlock:
    """Chức vụ and họ tên lines of the signature block, on one page."""

    page: int
    title: TextLine
    name: TextLine

    @property
    def center_x(self) -> float:
        return (self.title.center_x + self.name.center_x) / 2


def _line(page: int, chars: list[LTChar]) -> TextLine | None:
    """A line from its characters; the box spans the visible glyphs (trailing spaces excluded)."""
    visible = [c for c in chars if c.get_text().strip()]
    if not visible:
        return None
    text = "".join(c.get_text() for c in chars).strip()
    return TextLine(page, min(c.x0 for c in visible), min(c.y0 for c in visible),
                    max(c.x1 for c in visible), max(c.y1 for c in visible), text=text,
                    font=visible[0].fontname, size=round(visible[0].size, 2))


def _figure_lines(figure: LTFigure, page: int) -> list[TextLine]:
    """Text drawn inside a form XObject (stamps, signature appearances): pdfminer gives loose
    characters there, grouped here by baseline."""
    rows: dict[float, list[LTChar]] = {}
    for element in figure:
        if isinstance(element, LTChar):
            rows.setdefault(round(element.y0, 0), []).append(element)
        elif isinstance(element, LTFigure):
            pass  # nested forms: signature appearances hold images, not text
    lines = [_line(page, sorted(chars, key=lambda c: c.x0)) for chars in rows.values()]
    return [ln for ln in lines if ln is not None]


def _lines_of(container, page: int) -> list[TextLine]:  # noqa: ANN001 - pdfminer layout object
    out: list[TextLine] = []
    for element in container:
        if isinstance(element, LTTextLine):
            line = _line(page, [c for c in element if isinstance(c, LTChar)])
            if line is not None:
                out.append(line)
        elif isinstance(element, LTTextContainer):
            out.extend(_lines_of(element, page))
        elif isinstance(element, LTFigure):
            out.extend(_figure_lines(element, page))
    return out


@dataclass(frozen=True)
class PageText:
    index: int
    width: float
    height: float
    lines: list[TextLine]


def read_pages(path: Path, pages: list[int] | None = None) -> list[PageText]:
    """Each page's size and text lines (top to bottom); `pages` limits the pages read (0-based)."""
    out: list[PageText] = []
    try:
        for index, layout in enumerate(extract_pages(str(path), page_numbers=pages,
                                                     laparams=LAParams())):
            page = pages[index] if pages else index
            lines = sorted(_lines_of(layout, page), key=lambda ln: (-ln.y1, ln.x0))
            out.append(PageText(page, float(layout.width), float(layout.height), lines))
    except Exception as exc:  # pdfminer raises many parser errors for a damaged file
        raise SignError(f"'{path}': không đọc được chữ trong tệp PDF — xuất lại tệp PDF."
                        f"{VERBOSE_HINT}") from exc
    return out


def _block_on_page(lines: list[TextLine], width: float) -> SignatureBlock | None:
    """The signature block among one page's lines, or None."""
    anchor = next((ln for ln in lines if ln.text.startswith("Nơi nhận")), None)
    if anchor is None:
        return None
    column = [ln for ln in lines if ln.x0 > anchor.x0 + width * 0.25 and ln.y1 <= anchor.y1 + 40]
    column.sort(key=lambda ln: -ln.y1)
    for upper, lower in zip(column, column[1:], strict=False):
        if upper.y0 - lower.y1 >= MIN_SIGN_GAP_PT and upper.text == upper.text.upper():
            return SignatureBlock(upper.page, title=upper, name=lower)
    return None


def block_in(pages: list[PageText]) -> SignatureBlock | None:
    """The first page's signature block among read pages (annexes in the same file follow it)."""
    for page in pages:
        block = _block_on_page(page.lines, page.width)
        if block is not None:
            return block
    return None


def find_signature_block(path: Path) -> SignatureBlock:
    block = block_in(read_pages(path))
    if block is None:
        raise SignError(
            f"'{path}': không tìm thấy khối chữ ký (dòng «Nơi nhận:», bên phải là chức vụ người "
            "ký, khoảng trống rồi họ tên) — tệp có phải văn bản do gendoc dựng? Văn bản kèm theo "
            "tách tệp thì ký bằng --as co-quan --phu-luc.")
    return block


def signature_text_lines(page: PageText) -> list[TextLine]:
    """Lines of ND30 signature text blocks: small text in the top margin of page 1."""
    if page.index != 0:
        return []
    return [ln for ln in page.lines
            if ln.size <= nd30.SIGNATURE_TEXT_SIZE_PT + 0.5 and ln.y0 > page.height - 20 * 72 / 25.4]
