"""The gender-bias checker: curated data, matching in every Vietnamese spelling, few false alarms."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gendoc.bias import check_file, check_text, load_phrases
from gendoc.bias.phrases import GAP, fold
from gendoc.vi.text import doi_dau

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
REPO = Path(__file__).resolve().parents[2]
PHRASES = load_phrases()
# Every spelling without a `*` gap, with the entry it belongs to.
PLAIN_FORMS = [(p, " ".join(f for f in form.split()))
               for p in PHRASES
               for form in [p.text] if GAP not in form.split()]


def test_curated_list_has_forty_entries_with_reasons_and_alternatives() -> None:
    assert len(PHRASES) >= 40
    for p in PHRASES:
        assert len(p.reason) > 20, p.text
        assert p.alternative.strip(), p.text
        assert p.group in {"goi_ten", "nang_luc", "viec_nha", "lanh_dao", "ngoai_hinh",
                           "thanh_ngu", "nam_gioi"}, p.text
    texts = [fold(p.text) for p in PHRASES]
    assert len(set(texts)) == len(texts), "an entry is listed twice"


@pytest.mark.parametrize(("entry", "form"), PLAIN_FORMS, ids=[f for _, f in PLAIN_FORMS])
def test_every_entry_is_found_in_a_sentence(entry, form: str) -> None:  # noqa: ANN001
    text = f"Trong bài viết có câu: {form} như vậy."
    found = check_text(text)
    assert [f.entry.text for f in found] == [entry.text]
    assert found[0].phrase == form


SPELLINGS = {
    "NFD": lambda s: unicodedata.normalize("NFD", s),
    "upper": str.upper,
    "no marks": lambda s: fold(s),
    "new tone placement": lambda s: doi_dau(s, "moi"),
    "no tone marks": lambda s: "".join(ch for ch in unicodedata.normalize("NFD", s)
                                       if ch not in "\u0300\u0301\u0303\u0309\u0323"),
}


@settings(max_examples=60, deadline=None)
@given(entry=st.sampled_from(PLAIN_FORMS), ways=st.lists(st.sampled_from(list(SPELLINGS)),
                                                         max_size=3, unique=True))
def test_matching_ignores_normal_form_case_and_tone_marks(entry, ways: list[str]) -> None:  # noqa: ANN001
    phrase, form = entry
    text = f"Đoạn tin viết: {form}."
    for way in ways:
        text = SPELLINGS[way](text)
    found = check_text(text)
    assert [f.entry.text for f in found] == [phrase.text], (ways, text)


def test_contradicting_tone_marks_do_not_match() -> None:
    # "phải yêu" (must love) folds like "phái yếu" but its marks say otherwise.
    assert check_text("Chúng ta phải yêu nước.") == []
    assert [f.phrase for f in check_text("Chúng ta phai yeu nuoc.")] == ["phai yeu"]


def test_gaps_and_negation() -> None:
    assert [f.phrase for f in check_text("Phụ nữ thì phải lo việc nhà.")] == \
        ["Phụ nữ thì phải lo việc nhà"]
    assert check_text("Phụ nữ không phải lo việc nhà một mình.") == []
    assert check_text("Vợ và chồng cùng lo việc nhà.") == []
    # A sentence end stops a phrase.
    assert check_text("Chị là phụ nữ. Anh lo việc nhà.") == []


def test_phrase_may_wrap_to_the_next_line_and_keeps_its_first_line() -> None:
    text = "Dòng một.\nCô ấy vốn chân yếu,\ntay mềm nhưng làm tốt.\n"
    found = check_text(text)
    assert [(f.line, f.entry.text) for f in found] == [(2, "chân yếu tay mềm")]
    assert check_text("Chân yếu.\n\nTay mềm.") == []


def test_neutral_official_corpus_gives_no_finding() -> None:
    corpus = (FIXTURES / "media" / "van-ban-trung-tinh.txt").read_text(encoding="utf-8")
    seed = (FIXTURES / "seed" / "ke-hoach-ubnd-tinh-2016.txt").read_text(encoding="utf-8")
    assert len(corpus.splitlines()) >= 25
    assert check_text(corpus) == []
    assert check_text(seed) == []


def test_all_example_content_is_free_of_stereotypes() -> None:
    """Every text field of every example content file is ordinary official prose."""
    from gendoc.bias.text import iter_strings
    from gendoc.yamlio import load_yaml, plain

    strings = 0
    for path in sorted((REPO / "content").rglob("*.yaml")):
        for loc, text in iter_strings(plain(load_yaml(path))):
            strings += 1
            assert check_text(text) == [], (path, loc)
    assert strings > 100


# --- files and the command line ---------------------------------------------------------------

STEREOTYPED = ("# Tin ngắn\n\nHội thi dành cho phái đẹp của cơ quan.\n\n"
               "Lãnh đạo là việc của đàn ông, còn phụ nữ chỉ nên lo việc nhà.\n")


def _docx(path: Path, paragraphs: list[str]) -> Path:
    from docx import Document

    doc = Document()
    for text in paragraphs:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=1)
    table.cell(0, 0).text = "Chị em phái yếu"
    doc.save(path)
    return path


def test_file_formats_report_lines(tmp_path: Path) -> None:
    md = tmp_path / "tin.md"
    md.write_text(STEREOTYPED, encoding="utf-8")
    findings, unit = check_file(md)
    assert unit == "dòng"
    assert [(f.line, f.entry.text) for f in findings] == [
        (3, "phái đẹp"), (5, "lãnh đạo là việc của đàn ông"), (5, "phụ nữ * lo việc nhà")]

    html = tmp_path / "tin.html"
    html.write_text("<html><head><title>x</title><style>p{}</style></head>\n<body>\n"
                    "<p>Bình thường.</p>\n<p><b>phái</b>\n<i>yếu</i> cũng là</p>\n"
                    "<script>var s = 'phái yếu';</script>\n</body></html>", encoding="utf-8")
    findings, _ = check_file(html)
    assert [(f.line, f.phrase) for f in findings] == [(4, "phái yếu")]

    docx = _docx(tmp_path / "tin.docx", ["Mở đầu.", "Đây là chuyện đàn bà thôi."])
    findings, unit = check_file(docx)
    assert unit == "đoạn"
    assert [(f.line, f.entry.text) for f in findings] == [
        (2, "chuyện đàn bà"), (3, "phái yếu")]


def test_cli_exit_codes_and_messages(tmp_path: Path, cli) -> None:  # noqa: ANN001
    bad = tmp_path / "tin.md"
    bad.write_text(STEREOTYPED, encoding="utf-8")
    good = tmp_path / "ok.txt"
    good.write_text("Nữ cán bộ được bổ nhiệm.\n", encoding="utf-8")

    result = cli("bias", str(good))
    assert result.exit_code == 0, result.output
    assert "Không thấy" in result.output

    result = cli("bias", str(bad), str(good))
    assert result.exit_code == 1
    assert f"{bad}: dòng 3: «phái đẹp» — " in result.stdout
    assert "Nên viết: phụ nữ; nữ giới." in result.stdout

    result = cli("bias", "--json", str(bad))
    data = json.loads(result.stdout)
    assert [x["dong"] for x in data[0]["phat_hien"]] == [3, 5, 5]

    weird = tmp_path / "anh.png"
    weird.write_bytes(b"\x89PNG")
    result = cli("bias", str(weird))
    assert result.exit_code == 2
    assert "không đọc được loại '.png'" in result.stderr
    assert "Traceback" not in result.output


def test_cli_extra_list(tmp_path: Path, cli) -> None:  # noqa: ANN001
    extra = tmp_path / "rieng.yaml"
    extra.write_text("- cum_tu: [bóng đá nữ]\n  ly_do: thử danh mục riêng của đơn vị.\n"
                     "  thay_the: bóng đá\n", encoding="utf-8")
    text = tmp_path / "a.txt"
    text.write_text("Giải bóng đá nữ khai mạc.\n", encoding="utf-8")
    assert cli("bias", str(text)).exit_code == 0
    result = cli("bias", "--danh-muc", str(extra), str(text))
    assert result.exit_code == 1
    assert "«bóng đá nữ»" in result.stdout
    broken = tmp_path / "hong.yaml"
    broken.write_text("- cum_tu: [x]\n", encoding="utf-8")
    result = cli("bias", "--danh-muc", str(broken), str(text))
    assert result.exit_code == 1
    assert "mục 1: thiếu ly_do, thay_the" in result.stderr


def test_cli_checks_every_file_of_a_folder(tmp_path: Path, cli) -> None:  # noqa: ANN001
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "tin.md").write_text("Phái yếu.\n", encoding="utf-8")
    (tmp_path / "a" / "ok.txt").write_text("Nữ cán bộ.\n", encoding="utf-8")
    _docx(tmp_path / "a" / "b.docx", ["Mở đầu."])
    (tmp_path / "a" / "anh.png").write_bytes(b"\x89PNG")  # not a text file: passed over
    result = cli("bias", str(tmp_path / "a"))
    assert result.exit_code == 1
    assert sorted(line.split(":")[0].rsplit("/", 1)[1] for line in result.stdout.splitlines()) \
        == ["b.docx", "tin.md"]
    assert "Có 2 chỗ cần xem lại trong 3 tệp." in result.stderr
