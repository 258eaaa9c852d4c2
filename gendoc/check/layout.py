"""`gendoc check --layout`: rules on the printed page (a PDF, or a .docx rendered by LibreOffice).

What a văn thư sees first when a document comes out of the printer, and what the .docx alone
cannot tell: a page holding only the signature block or the recipients, a heading alone at the
foot of a page, a blank page, text printed outside the ND30 margins.

The rules read `Page`s of `Line`s (`gendoc.check.pdfpages`); each yields `Finding`s located by
page number. They are pure functions of the pages, so tests can feed them any page layout.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from gendoc import nd30
from gendoc.check.model import LOI, Finding, Report
from gendoc.check.pdfpages import Line, Page, read_pdf
from gendoc.check.text import norm
from gendoc.pdf import convert_batch

# A line this close (mm) to another counts as the same printed row (the two table columns).
ROW_TOLERANCE_MM = 1.5
# Glyph boxes reach a little beyond the type area (ascenders, italic overhang): allowance in mm.
MARGIN_TOLERANCE_MM = 1.5
_PAGE_NUMBER = re.compile(r"^\d{1,4}$")
_LABEL = re.compile(r"^([IVXLC]+|\d+(\.\d+)*|[a-zđ])\s*[.)]\s")
_QUYEN_HAN = tuple(q.rstrip(".") for q in nd30.QUYEN_HAN)
# The first line of the closing block: the recipients' label, a signing capacity, or the
# signer's title on a form (the attendance list).
_CLOSING_STARTS = ("nơi nhận", "người lập", "xác nhận của")


@dataclass(frozen=True)
class LayoutRule:
    id: str
    title: str  # what it requires (Vietnamese)
    reason: str
    func: Callable[[list[Page]], Iterable[tuple[int, str]]]


LAYOUT_RULES: dict[str, LayoutRule] = {}


def _rule(id: str, title: str, reason: str):  # noqa: A002, ANN202
    def deco(func: Callable[[list[Page]], Iterable[tuple[int, str]]]):  # noqa: ANN202
        LAYOUT_RULES[id] = LayoutRule(id, title, reason, func)
        return func
    return deco


# -- reading the page ---------------------------------------------------------------------------
def is_page_number(line: Line, page: Page) -> bool:
    """The page number ND30 prints centred in the top margin (or a footer number)."""
    in_margin = line.bottom <= nd30.MARGIN_TOP_MM.low + MARGIN_TOLERANCE_MM or (
        line.top >= page.height - nd30.MARGIN_BOTTOM_MM.low - MARGIN_TOLERANCE_MM)
    return in_margin and bool(_PAGE_NUMBER.match(line.stripped))


def content(page: Page) -> list[Line]:
    """The page's lines without its page number."""
    return [ln for ln in page.lines if not is_page_number(ln, page)]


def rows(lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into printed rows (the two columns of a table print side by side)."""
    out: list[list[Line]] = []
    for line in sorted(lines, key=lambda ln: (ln.top, ln.left)):
        if out and abs(out[-1][0].top - line.top) <= ROW_TOLERANCE_MM:
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _starts_closing(line: Line) -> bool:
    t = norm(line.stripped)
    if t.startswith(_CLOSING_STARTS):
        return True
    first = line.stripped.split(" ", 1)[0].rstrip(".")
    return line.bold and first in _QUYEN_HAN


def _starts_annex(page: Page) -> bool:
    lines = content(page)[:6]
    return bool(lines) and (norm(lines[0].stripped).startswith("phụ lục")
                            or any(norm(ln.stripped).startswith("(kèm theo") for ln in lines))


def closing_span(pages: list[Page]) -> tuple[int, float] | None:
    """(page index, top in mm) where the closing block starts: the last «Nơi nhận:» / signing
    capacity / form signer before the annexes. None when the document has no closing block."""
    found: tuple[int, float] | None = None
    for index, page in enumerate(pages):
        if index and found is not None and _starts_annex(page):
            break
        for line in content(page):
            if _starts_closing(line) and (found is None or found[0] != index):
                found = (index, line.top)
                break
    return found


# -- rules --------------------------------------------------------------------------------------
@_rule("layout.blank_page", "Không có trang trắng (trang chỉ có số trang hoặc không có chữ).",
       "Trang trắng in ra làm văn bản có vẻ thiếu nội dung; thường do một đoạn trống thừa ở cuối.")
def blank_page(pages: list[Page]) -> Iterator[tuple[int, str]]:
    for page in pages:
        if not content(page):
            yield page.number, "trang trắng (chỉ có số trang hoặc không có chữ) — xóa đoạn trống thừa ở cuối trang trước."


@_rule("layout.closing_alone",
       "Phần ký tên và nơi nhận không đứng một mình ở đầu trang; không bị tách sang trang sau.",
       "Trang chỉ có chữ ký, không có nội dung, không cho thấy người ký ký văn bản nào (ND30, Phụ lục I: "
       "chữ ký đi cùng phần cuối nội dung).")
def closing_alone(pages: list[Page]) -> Iterator[tuple[int, str]]:
    span = closing_span(pages)
    if span is None:
        return
    index, top = span
    page = pages[index]
    above = [ln for ln in content(page) if ln.top < top - ROW_TOLERANCE_MM]
    if index > 0 and not above:
        yield page.number, ("trang chỉ có phần ký tên, nơi nhận — để ít nhất đoạn cuối của nội dung "
                            "cùng trang với chữ ký.")
    for nxt in pages[index + 1:]:
        if _starts_annex(nxt):
            break
        lines = content(nxt)
        if lines:
            shown = ", ".join(f"«{ln.stripped[:40]}»" for ln in lines[:2])
            yield nxt.number, (f"phần ký tên, nơi nhận bị tách sang trang {nxt.number} ({shown}) — "
                               "giữ cả khối ký tên trên một trang.")


def _is_heading_row(row: list[Line]) -> bool:
    return len(row) == 1 and row[0].bold and not _starts_closing(row[0])


@_rule("layout.heading_at_foot", "Đề mục không nằm cuối trang, tách khỏi nội dung của nó.",
       "Đề mục ở cuối trang còn nội dung ở trang sau làm người đọc lạc mạch (giữ đề mục với đoạn sau).")
def heading_at_foot(pages: list[Page]) -> Iterator[tuple[int, str]]:
    span = closing_span(pages)
    for index, (page, nxt) in enumerate(zip(pages, pages[1:], strict=False)):
        if span is not None and index >= span[0] and not _starts_annex(nxt):
            continue  # the signature block's titles are not headings (closing_alone covers it)
        page_rows = rows(content(page))
        if not page_rows or not content(nxt) or _starts_annex(nxt):
            continue
        k = len(page_rows) - 1
        while k >= 0 and _is_heading_row(page_rows[k]):
            k -= 1
        heading = page_rows[k + 1:]
        if not heading:
            continue
        first = heading[0][0].stripped
        if _LABEL.match(first) or first.isupper():
            yield page.number, f"đề mục «{first[:60]}» nằm cuối trang, nội dung của nó ở trang sau."


@_rule("layout.outside_margins", "Chữ nằm trong lề trang theo ND30 (trên, dưới 20 mm; trái 30 mm; phải 15 mm).",
       "Chữ in ra ngoài lề bị cắt khi in, đóng quyển (ND30, Phụ lục I, Mục I).")
def outside_margins(pages: list[Page]) -> Iterator[tuple[int, str]]:
    tol = MARGIN_TOLERANCE_MM
    for page in pages:
        for line in content(page):
            sides = []
            if line.left < nd30.MARGIN_LEFT_MM.low - tol:
                sides.append(f"lề trái {line.left:.0f} mm")
            if line.right > page.width - nd30.MARGIN_RIGHT_MM.low + tol:
                sides.append(f"lề phải {page.width - line.right:.0f} mm")
            if line.top < nd30.MARGIN_TOP_MM.low - tol:
                sides.append(f"lề trên {line.top:.0f} mm")
            if line.bottom > page.height - nd30.MARGIN_BOTTOM_MM.low + tol:
                sides.append(f"lề dưới {page.height - line.bottom:.0f} mm")
            if sides:
                yield page.number, f"«{line.stripped[:40]}» nằm ngoài lề ({', '.join(sides)})."
                break  # one line per page is enough to find the problem


def check_pages(pages: list[Page], name: str = "") -> Report:
    """Run every layout rule on already-read pages."""
    report = Report(path=name)
    for r in LAYOUT_RULES.values():
        for number, message in r.func(pages):
            report.findings.append(Finding(r.id, LOI, f"Trang {number}", message))
    return report


def check_pdf(path: Path, name: str | None = None) -> Report:
    """Layout rules on a PDF (raises ValueError when it cannot be read)."""
    return check_pages(read_pdf(path), name or str(path))


def render_pdfs(docx_files: list[Path], timeout: float = 300) -> tuple[dict[Path, Path], Path]:
    """Render .docx files to PDF in a temporary folder with one LibreOffice run.

    Returns ({docx: pdf}, folder); the caller removes the folder. Files LibreOffice could not
    convert are missing from the mapping.
    """
    work = Path(tempfile.mkdtemp(prefix="gendoc-layout-"))
    copies: dict[Path, Path] = {}
    for index, src in enumerate(docx_files):
        copy = work / f"{index:04d}-{src.stem}{src.suffix}"
        shutil.copyfile(src, copy)
        copies[copy] = src
    report = convert_batch(list(copies), root=work, timeout=timeout)
    by_stem = {copy.stem: src for copy, src in copies.items()}
    return {by_stem[pdf.stem]: pdf for pdf in report.written}, work
