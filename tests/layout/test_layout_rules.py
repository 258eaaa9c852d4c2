"""The layout rules on pages built by hand: each rule fires on the fault it names and stays quiet
on a well-laid page (the rendered documents are in test_layout_render.py)."""

from __future__ import annotations

from gendoc.check.layout import check_pages
from gendoc.check.pdfpages import Line, Page


def line(text: str, top: float, left: float = 30.0, *, bold: bool = False, width: float = 100) -> Line:
    return Line(text, left, top, left + width, top + 5, bold)


def page(number: int, *lines: Line) -> Page:
    return Page(number, 210, 297, [line(str(number), 12, 103, width=3)] + list(lines) if number > 1
                else list(lines))


def body(top: float, text: str = "Nội dung đoạn văn bình thường của văn bản.") -> Line:
    return line(text, top)


CLOSING = (line("KT. GIÁM ĐỐC", 0, 120, bold=True, width=40), line("Nơi nhận:", 0, 30, bold=True, width=20),
           line("PHÓ GIÁM ĐỐC", 6, 120, bold=True, width=40), line("- Lưu: VT.", 6, 30, width=20),
           line("Nguyễn Thị Minh Hạnh", 35, 118, bold=True, width=45))


def closing_at(top: float) -> list[Line]:
    return [Line(c.text, c.left, c.top + top, c.right, c.bottom + top, c.bold) for c in CLOSING]


def rules_fired(*pages: Page) -> list[tuple[str, str]]:
    return [(f.rule, f.location) for f in check_pages(list(pages)).findings]


def test_a_well_laid_document_passes() -> None:
    first = page(1, body(25), body(40), line("I. MỤC ĐÍCH", 50, bold=True), body(60))
    last = page(2, body(25), body(32), *closing_at(50))
    assert rules_fired(first, last) == []


def test_a_page_with_only_the_page_number_is_blank() -> None:
    first = page(1, body(25), *closing_at(60))
    assert rules_fired(first, page(2)) == [("layout.blank_page", "Trang 2")]


def test_the_closing_alone_on_a_page() -> None:
    first = page(1, body(25), body(270))
    assert rules_fired(first, page(2, *closing_at(25))) == [("layout.closing_alone", "Trang 2")]


def test_the_signers_name_split_onto_the_next_page() -> None:
    first = page(1, body(25), *closing_at(230)[:4])
    second = page(2, line("Nguyễn Thị Minh Hạnh", 25, 118, bold=True, width=45))
    fired = check_pages([first, second]).findings
    assert [(f.rule, f.location) for f in fired] == [("layout.closing_alone", "Trang 2")]
    assert "Nguyễn Thị Minh Hạnh" in fired[0].message


def test_an_annex_after_the_closing_is_not_a_split_closing() -> None:
    first = page(1, body(25), *closing_at(60))
    annex = page(2, line("Phụ lục", 25, 100, bold=True, width=20), line("(Kèm theo Kế hoạch số …)", 32))
    assert rules_fired(first, annex) == []


def test_a_heading_at_the_foot_of_a_page() -> None:
    first = page(1, body(25), body(260), line("III. TỔ CHỨC THỰC HIỆN", 268, 43, bold=True))
    second = page(2, body(25), *closing_at(40))
    assert rules_fired(first, second) == [("layout.heading_at_foot", "Trang 1")]


def test_a_two_line_heading_at_the_foot_is_found_by_its_first_line() -> None:
    first = page(1, body(25), line("1. Nâng cao nhận thức, tăng cường trách nhiệm của người", 262, bold=True),
                 line("đứng đầu cơ quan", 268, bold=True))
    second = page(2, body(25), *closing_at(40))
    assert rules_fired(first, second) == [("layout.heading_at_foot", "Trang 1")]


def test_a_bold_table_row_is_not_a_heading() -> None:
    row = [line("4", 268, 32, bold=True, width=5), line("Bổ nhiệm mới trong năm", 268, 45, bold=True, width=60)]
    first = page(1, body(25), *row)
    second = page(2, body(25), *closing_at(40))
    assert rules_fired(first, second) == []


def test_text_outside_the_margins() -> None:
    first = page(1, body(25), line("Chữ tràn lề phải của trang in", 60, 120, width=85), *closing_at(80))
    fired = check_pages([first]).findings
    assert [(f.rule, f.location) for f in fired] == [("layout.outside_margins", "Trang 1")]
    assert "lề phải 5 mm" in fired[0].message
