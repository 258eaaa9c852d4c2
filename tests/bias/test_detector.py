"""The compositional detector, rule by rule: categories, negation, refutation, clauses, data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gendoc.bias import check_text
from gendoc.bias.lexicon import load_lexicon, parse_lexicon
from gendoc.bias.phrases import fold


def _categories(text: str) -> list[tuple[str, bool]]:
    return [(f.category, f.note) for f in check_text(text)]


@pytest.mark.parametrize(("category", "text", "triggers"), [
    ("viec_nha", "Chị em phụ nữ phải lo cơm nước cho cả nhà.", {"chị em", "phải", "cơm nước"}),
    ("ngoai_hinh", "Nữ chánh thanh tra có gương mặt thanh tú khiến cuộc họp dịu hẳn.",
     {"nữ", "gương mặt", "thanh tra"}),
    ("cam_xuc", "Các nữ kiểm soát viên vốn cả nể nên hay bỏ qua sai phạm.", {"nữ", "cả nể"}),
    ("nang_luc", "Đàn bà thì hiểu gì về đầu tư công.", {"đàn bà", "hiểu gì"}),
    ("gioi_han", "Con gái không nên học ngành hàng hải.", {"con gái", "không nên", "học"}),
    ("sinh_san", "Công ty ngại nhận người mới cưới vì chuyện sinh con.", {"mới cưới", "ngại nhận"}),
    ("nam_chuan", "Trưởng trạm kiểm lâm thì phải là nam giới.", {"nam giới", "phải là nam giới"}),
    ("thanh_ngu", "Nhà ấy gà mái lại đòi gáy.", {"gà mái * gáy"}),
])
def test_each_category_reports_its_triggers_reason_and_alternative(category: str, text: str,
                                                                   triggers: set[str]) -> None:
    found = check_text(text)
    assert [f.category for f in found] == [category], [f.message() for f in found]
    finding = found[0]
    assert triggers <= set(finding.triggers) | {finding.entry.text}
    assert not finding.note
    assert finding.line == 1 and finding.phrase in text
    assert len(finding.entry.reason) > 40 and finding.entry.alternative
    message = finding.message()
    assert f"«{finding.phrase}» — [{finding.category_label}: " in message
    assert message.endswith(f"Nên viết: {finding.entry.alternative}.")


def test_negation_cancels_the_frame_it_precedes() -> None:
    assert _categories("Phụ nữ vốn yếu đuối.") == [("cam_xuc", False)]
    assert check_text("Phụ nữ không hề yếu đuối.") == []
    assert check_text("Phụ nữ chẳng phải lo cơm nước một mình.") == []
    assert check_text("Đơn vị không ngại giao việc lớn cho chị dù chị đang nuôi con nhỏ.") == []
    # A frame word that itself starts with a negation is not cancelled by it.
    assert _categories("Nghề lặn biển không hợp với phụ nữ.") == [("gioi_han", False)]
    # "không chỉ … mà còn" is not a negation of what follows.
    assert _categories("Nữ giám đốc không chỉ giỏi mà còn có nhan sắc rạng ngời.") == \
        [("ngoai_hinh", False)]


def test_quoting_a_stereotype_to_refute_it_is_a_note_not_an_error() -> None:
    assert _categories("Cần xóa bỏ định kiến phụ nữ vốn yếu đuối.") == [("cam_xuc", True)]
    assert _categories("Ai bảo đàn bà thì hiểu gì về kỹ thuật?") == [("nang_luc", True)]
    # The curated phrases are softened the same way.
    found = check_text("Chị em không phải “phái yếu” như định kiến xưa.")
    assert [(f.entry.text, f.note) for f in found] == [("phái yếu", True)]
    assert "ghi chú" in found[0].message()
    # Only the refuting sentence is softened.
    text = "Phê phán lối nghĩ phụ nữ vốn yếu đuối. Phụ nữ vốn yếu đuối."
    assert _categories(text) == [("cam_xuc", True), ("cam_xuc", False)]


def test_clauses_subjects_and_sentence_ends() -> None:
    # A contrastive conjunction after a comma starts a clause with its own subject.
    assert check_text("Anh Nam phải lo cơm nước, còn chị Lan đi công tác.") == []
    # A clause without a subject takes the previous clause's.
    assert _categories("Là phụ nữ, chị ấy vốn mềm lòng.") == [("cam_xuc", False)]
    # A sentence end separates subject and frame.
    assert check_text("Đoàn có ba phụ nữ. Bài thi yêu cầu nấu cơm phải ngon.") == []


def test_shared_duties_statistics_and_legal_rules_cancel_their_categories() -> None:
    assert check_text("Vợ và chồng phải cùng lo cơm nước.") == []
    assert check_text("Điều tra cho thấy phụ nữ phải lo cơm nước nhiều hơn nam giới.") == []
    assert check_text("Nghiêm cấm từ chối tuyển dụng vì lý do mang thai.") == []
    assert check_text("Cuối cùng, nam giới mới là người quyết định.") != []  # "cuối cùng" ≠ "cùng"


def test_accents_mean_what_they_say_unless_the_text_has_none() -> None:
    # In accented text "con" (child) is not "còn" (still): no clause split before "con gái".
    assert _categories("Nghề bốc vác chỉ hợp với nam, con gái làm không được.") != []
    unaccented = fold("Phụ nữ vốn dễ xúc động nên khó làm lãnh đạo.")
    assert [f.category for f in check_text(unaccented)] == ["cam_xuc"]
    assert check_text("Phụ nữ vốn dễ súc động.") == []  # a different word, not a typing variant


def test_detector_findings_do_not_duplicate_a_curated_phrase() -> None:
    found = check_text("Đàn bà thì biết gì mà bàn việc làng.")
    assert [(f.phrase, f.entry.group) for f in found] == [("Đàn bà thì biết gì", "nang_luc")]
    assert found[0].entry.forms  # the curated entry ("phụ nữ thì biết gì", …), not a category


def test_neutral_sentences_about_women_are_left_alone() -> None:
    for text in [
        "Nữ trưởng phòng Lê Thị Thu trình bày báo cáo tại cuộc họp.",
        "Lao động nữ nghỉ thai sản được hưởng trợ cấp theo quy định.",
        "Hội phụ nữ xã tổ chức lớp dạy nấu ăn cho cả nam và nữ.",
        "Tỷ lệ nữ trong ban chấp hành đạt 30%.",
        "Chị em tiểu thương góp tiền ủng hộ đồng bào vùng lũ.",
    ]:
        assert check_text(text) == [], text


# --- the data file -----------------------------------------------------------------------------

def test_data_has_every_category_with_rules_and_words() -> None:
    lexicon = load_lexicon()
    assert [c.key for c in lexicon.categories] == [
        "viec_nha", "ngoai_hinh", "cam_xuc", "nang_luc", "gioi_han", "sinh_san", "nam_chuan",
        "thanh_ngu"]
    for cat in lexicon.categories:
        assert cat.rules and len(cat.reason) > 60 and cat.alternative, cat.key
    assert "phải là nam giới" in [p.text for p in lexicon.sets["doc_quyen"].patterns]


@pytest.mark.parametrize(("data", "message"), [
    ({"tu": {"x": {"loai": "la", "cum_tu": ["a"]}}}, "tu.x: cần 'loai'"),
    ({"tu": {"x": {"loai": "khung", "cum_tu": ["phải là <y>"]}}}, "nhóm từ chưa khai báo 'y'"),
    ({"tu": {"x": {"loai": "khung", "cum_tu": ["* a"]}}}, "không được rỗng, bắt đầu"),
    ({"tu": {"x": {"loai": "khung", "cum_tu": ["a"]}},
      "nhom": {"n": {"ten": "t", "ly_do": "l", "thay_the": "t", "luat": [["z"]]}}},
     "nhom.n: luật ['z'] nhắc tới nhóm từ chưa khai báo"),
])
def test_broken_data_is_reported_in_vietnamese(data: dict, message: str) -> None:
    full = {m: ["a"] for m in ("phu_dinh", "ngat_menh", "ngoai_tru", "phan_bac", "chia_se",
                               "thong_ke", "cam_doan")}
    full["nhom"] = {"n": {"ten": "t", "ly_do": "l", "thay_the": "t", "luat": [["x"]]}}
    full.update(data)
    with pytest.raises(ValueError, match=re.escape(message)):
        parse_lexicon(full)


# --- any input ---------------------------------------------------------------------------------

_WORDS = sorted({w for ws in load_lexicon().sets.values() for p in ws.patterns
                 for w in p.text.split() if w != "*"})
_PIECES = st.sampled_from([*_WORDS, ",", ".", "?", "“", "”", "\n", "\n\n", " - ", "không", "còn"])


@settings(max_examples=80)
@given(st.lists(_PIECES, max_size=400), st.text(max_size=200))
def test_never_crashes_on_arbitrary_text(pieces: list[str], noise: str) -> None:
    """Behaviour, not speed (benchmarks/bias.py measures speed, long inputs included)."""
    text = " ".join(pieces) + noise
    found = check_text(text)
    lines = text.splitlines() or [""]
    for f in found:
        assert 1 <= f.line <= len(lines)
        assert f.entry.reason and f.entry.alternative and f.triggers


def test_the_examples_in_the_user_guide_are_what_the_checker_reports() -> None:
    """Every row of the category table in docs/media.md: its example is reported in its category."""
    doc = (Path(__file__).resolve().parents[2] / "docs" / "media.md").read_text(encoding="utf-8")
    rows = re.findall(r"^ *\| `(\w+)` [^|]*\| «([^»]+)» \|", doc, flags=re.M)
    assert [key for key, _ in rows] == [c.key for c in load_lexicon().categories]
    for key, example in rows:
        assert key in [f.category for f in check_text(example) if not f.note], example


def test_a_clause_with_its_own_subject_does_not_inherit_another() -> None:
    assert check_text("Vợ anh Tư làm trưởng ấp, còn anh ở nhà lo cơm nước.") == []
    assert _categories("Chị em làm việc chăm chỉ, nhưng vốn hay mềm lòng.") == [("cam_xuc", False)]


def test_reluctance_of_her_own_is_not_an_exclusion() -> None:
    assert check_text("Từ ngày có con nhỏ, chị ngại đi công tác xa.") == []
    assert _categories("Từ ngày có con nhỏ, chị bị cơ quan ngại giao việc.") == [("sinh_san", False)]
