"""Body structure: ND30 numbering as literal text, and inline **bold** / *italic*."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gendoc.body import Muc, number_items, parse_inline


def items(*specs: object) -> list[Muc]:
    return [Muc.model_validate(s) for s in specs]


def test_three_levels_are_roman_arabic_and_point_letters() -> None:
    paras = number_items(items(
        {"tieu_de": "mục đích", "muc": ["Một.", {"tieu_de": "Hai", "muc": ["x", "y"]}]},
        {"tieu_de": "Nhiệm vụ"},
    ))
    assert [p.text for p in paras] == [
        "I. MỤC ĐÍCH", "1. Một.", "2. Hai", "a) x", "b) y", "II. NHIỆM VỤ"]
    assert all(s.bold for s in paras[0].spans)  # section headings bold and upper case
    assert not any(s.bold for s in paras[1].spans)


def test_point_letters_follow_nd30_order_past_d() -> None:
    paras = number_items(items({"tieu_de": "A", "muc": [{"muc": [str(i) for i in range(1, 9)]}]}))
    letters = [p.text.split(")")[0] for p in paras if ")" in p.text]
    assert letters == ["a", "b", "c", "d", "đ", "e", "g", "h"]


def test_deeper_levels_use_dash_then_plus_and_numbering_can_start_lower() -> None:
    deep = items({"muc": [{"muc": [{"muc": [{"muc": ["sâu"]}]}]}]})
    texts = [p.text for p in number_items(deep, start="so")]
    assert texts == ["1.", "a)", "-", "+", "+ sâu"]  # "+" is the deepest level ND30 practice has


def test_item_with_lead_paragraph_and_extra_paragraphs() -> None:
    paras = number_items(items({"doan": ["Mở đầu:", "Đoạn thêm."], "muc": ["Điểm."]}), start="so")
    assert [p.text for p in paras] == ["1. Mở đầu:", "Đoạn thêm.", "a) Điểm."]


def test_inline_bold_italic_and_both() -> None:
    spans = parse_inline("thường **đậm** *nghiêng* ***cả hai*** hết")
    assert [(s.text, s.bold, s.italic) for s in spans] == [
        ("thường ", False, False), ("đậm", True, False), (" ", False, False),
        ("nghiêng", False, True), (" ", False, False), ("cả hai", True, True), (" hết", False, False)]


def test_unbalanced_or_escaped_asterisks_stay_literal() -> None:
    assert "".join(s.text for s in parse_inline("5 * 3 = 15")) == "5 * 3 = 15"
    assert "".join(s.text for s in parse_inline(r"ghi chú \*quan trọng\*")) == "ghi chú *quan trọng*"


@given(st.text(alphabet=st.sampled_from(list("ab đẹ*\\ ")), max_size=40))
def test_inline_parsing_never_loses_text(text: str) -> None:
    """Whatever a clerk types, the visible text is the input minus the markers it used."""
    spans = parse_inline(text)
    out = "".join(s.text for s in spans)
    letters = [ch for ch in text if ch not in "*\\"]
    assert [ch for ch in out if ch not in "*\\"] == letters
    assert all(s.text for s in spans)
