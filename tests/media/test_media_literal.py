"""Content is data: text from a content file comes out as written in .html, .docx and .txt.

Nothing in a paragraph is a template (`{{ 7*7 }}`, `{% if %}`), Markdown («2017. Năm», `--`,
`![a](x)`) or HTML (`<b>`); the only things gendoc reads in it are the documented inline marks
(`*nghiêng*`, `**đậm**`) and figure placeholders of the form `{{ tong_hop.nhom.truong }}`.
"""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gendoc.build import render_file
from gendoc.exceptions import ContentError
from gendoc.media.placeholders import PLACEHOLDER
from gendoc.workspace import load_workspace
from gendoc.yamlio import dump_yaml
from tests.media.conftest import REPO

TRICKY = ("2017. Năm bản lề: {{ 7*7 }} -- {% if x %}có{% endif %} *sao* & <b>x</b> < 3 "
          "\"kép\" 'đơn' {{ 9 ** (9 ** 9) }} {% include 'gendoc.yaml' %} {{ 1")
# What a reader sees: the same text, with `*sao*` set in italics (the marks themselves gone).
SHOWN = TRICKY.replace("*sao*", "sao")


def _news(paragraph: str, **extra: object) -> dict:
    return {"loai": "tin_bai", "tieu_de": "Tin thử", "sapo": "Tóm tắt.",
            "noi_dung": [{"tieu_de": "Phần một", "doan": [paragraph]}], "tac_gia": "A", **extra}


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("literal") / "ws"
    (root / "content").mkdir(parents=True)
    shutil.copy2(REPO / "gendoc.yaml", root / "gendoc.yaml")
    return root


def _render(root: Path, content: dict, name: str = "t") -> dict[str, Path]:
    path = root / "content" / f"{name}.yaml"
    path.write_text(dump_yaml(content), encoding="utf-8")
    result = render_file(load_workspace(root), path)
    return {p.suffix: p for p in result.outputs}


def _html_paragraphs(page: str) -> list[str]:
    main = page.split("<main>", 1)[1].split("</main>", 1)[0]
    return re.findall(r"<p>(.*?)</p>", main, flags=re.S)


def _docx_paragraphs(path: Path) -> list:  # python-docx paragraphs (text keeps \n and \t)
    return Document(str(path)).paragraphs


def test_a_tricky_news_paragraph_comes_out_literally(mini: Path) -> None:
    out = _render(mini, _news(TRICKY))
    text = out[".txt"].read_text(encoding="utf-8")
    assert SHOWN in text.splitlines()
    assert "1. Năm bản lề" not in text and "–" not in text and "49" not in text

    page = out[".html"].read_text(encoding="utf-8")
    [para] = _html_paragraphs(page)
    assert para == ("2017. Năm bản lề: {{ 7*7 }} -- {% if x %}có{% endif %} <em>sao</em> "
                    "&amp; &lt;b&gt;x&lt;/b&gt; &lt; 3 \"kép\" 'đơn' {{ 9 ** (9 ** 9) }} "
                    "{% include 'gendoc.yaml' %} {{ 1")
    assert "<b>" not in page and "<ol" not in page

    [docx_para] = [p for p in _docx_paragraphs(out[".docx"]) if p.text.startswith("2017.")]
    assert docx_para.text == SHOWN
    italic = [r.text for r in docx_para.runs if r.italic]
    assert italic == ["sao"]
    assert all(not r.bold for r in docx_para.runs)


def test_marks_apply_in_paragraphs_but_not_in_headings(mini: Path) -> None:
    content = _news("Chữ **đậm** và *nghiêng*; 7*7 và \\*thật\\*.")
    content["noi_dung"][0]["tieu_de"] = "Tiêu đề *giữ nguyên*"
    out = _render(mini, content)
    page = out[".html"].read_text(encoding="utf-8")
    assert "<h2>Tiêu đề *giữ nguyên*</h2>" in page
    assert "<p>Chữ <strong>đậm</strong> và <em>nghiêng</em>; 7*7 và *thật*.</p>" in page
    text = out[".txt"].read_text(encoding="utf-8")
    assert "Chữ đậm và nghiêng; 7*7 và *thật*." in text and "TIÊU ĐỀ *GIỮ NGUYÊN*" in text
    [para] = [p for p in _docx_paragraphs(out[".docx"]) if p.text.startswith("Chữ")]
    assert [(r.text, bool(r.bold), bool(r.italic)) for r in para.runs] == [
        ("Chữ ", False, False), ("đậm", True, False), (" và ", False, False),
        ("nghiêng", False, True), ("; 7*7 và *thật*.", False, False)]


def test_a_line_break_in_a_paragraph_is_a_line_break_everywhere(mini: Path) -> None:
    out = _render(mini, _news("Dòng một\nDòng hai & <ba>"))
    assert "Dòng một\nDòng hai & <ba>" in out[".txt"].read_text(encoding="utf-8")
    assert "<p>Dòng một<br>Dòng hai &amp; &lt;ba&gt;</p>" in \
        out[".html"].read_text(encoding="utf-8")
    assert "Dòng một\nDòng hai & <ba>" in [p.text for p in _docx_paragraphs(out[".docx"])]


# --- placeholders ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def with_reports(mini: Path) -> Path:
    shutil.copytree(REPO / "content" / "bao-cao", mini / "content" / "bao-cao",
                    dirs_exist_ok=True)
    return mini


def test_figures_fill_named_placeholders_only(with_reports: Path) -> None:
    from gendoc.reports import consolidate
    from gendoc.reports.wording import phan_tram_vn

    leaders = phan_tram_vn(consolidate(load_workspace(with_reports), 2017).ty_le("lanh_dao"))
    paragraph = "Nữ chiếm {{tong_hop.lanh_dao.ty_le}} — còn {{ 7*7 }}, { {x} } và {{ Tong_hop.a }}"
    out = _render(with_reports, _news(paragraph, tong_hop={"nam": 2017, "chi_tieu": ["lanh_dao"]}))
    want = f"Nữ chiếm {leaders} — còn {{{{ 7*7 }}}}, {{ {{x}} }} và {{{{ Tong_hop.a }}}}"
    assert want in out[".txt"].read_text(encoding="utf-8")
    assert want in [p.text for p in _docx_paragraphs(out[".docx"])]
    assert f"<p>{want}</p>" in out[".html"].read_text(encoding="utf-8")


UNKNOWN = """\
loai: tin_bai
tieu_de: Tin thử
sapo: Tóm tắt.
tong_hop: {nam: 2017, chi_tieu: [lanh_dao]}
noi_dung:
  - tieu_de: Phần một
    doan:
      - Đoạn một.
      - >-
        Tỷ lệ nữ lãnh đạo
        là {{ tong_hop.lanh_dao.ty_lee }}.
tac_gia: A
"""


def test_an_unknown_placeholder_names_file_line_field_and_the_names_there_are(
        with_reports: Path) -> None:
    path = with_reports / "content" / "sai.yaml"
    path.write_text(UNKNOWN, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        render_file(load_workspace(with_reports), path)
    message = info.value.format_message()
    assert "content/sai.yaml, dòng 11: trường 'noi_dung[1].doan[2]': không điền được số " \
           "liệu: không có tên 'tong_hop.lanh_dao.ty_lee'. Các tên dùng được: " in message
    assert "tong_hop.lanh_dao.ty_le, " in message and "tong_hop.so_don_vi" in message
    assert not (with_reports / "output" / "sai.html").exists()


def test_a_placeholder_without_figures_lists_none(mini: Path) -> None:
    with pytest.raises(ContentError) as info:
        _render(mini, _news("Tỷ lệ {{ tong_hop.lanh_dao.ty_le }}."), name="khong")
    assert "không có tên 'tong_hop.lanh_dao.ty_le'. Các tên dùng được: (không có — khai báo " \
           "mục tong_hop" in info.value.format_message()


def test_an_old_jinja_filter_gets_a_migration_message(with_reports: Path) -> None:
    content = _news("Tỷ lệ {{ tong_hop.lanh_dao.ty_le | upper }}.",
                    tong_hop={"nam": 2017, "chi_tieu": ["lanh_dao"]})
    with pytest.raises(ContentError) as info:
        _render(with_reports, content, name="cu")
    message = info.value.format_message()
    assert "trường 'noi_dung[1].doan[1]': không điền được số liệu: " \
           "'{{ tong_hop.lanh_dao.ty_le | upper }}' không phải một tên số liệu" in message
    assert "không dùng bộ lọc" in message


def test_a_decision_offers_its_list_counts(mini: Path) -> None:
    folder = REPO / "content" / "truyen-thong"
    text = (folder / "bieu-duong-2017.yaml").read_text(encoding="utf-8")
    shutil.copy2(folder / "guong-phu-nu-tieu-bieu-2017.yaml", mini / "content")
    path = mini / "content" / "qd.yaml"
    path.write_text(text.replace("{{ danh_sach.so_ca_nhan }}", "{{ danh_sach.so_nguoi }}"),
                    encoding="utf-8")
    with pytest.raises(ContentError) as info:
        render_file(load_workspace(mini), path)
    assert "không có tên 'danh_sach.so_nguoi'. Các tên dùng được: danh_sach.so_ca_nhan, " \
           "danh_sach.so_tap_the" in info.value.format_message()


# --- any text, any output ------------------------------------------------------------------

# Every character XML 1.0 allows except `*` (marks) and CR (YAML and Word both turn it into a
# line feed); control characters are refused at load (another part of gendoc), so not drawn.
_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cc", "Cs", "Cn", "Co", "Zl", "Zp"),
                              include_characters="\n\t", exclude_characters="*\r\ufeff"),
                min_size=1, max_size=60)


def _usable(text: str) -> bool:
    return bool(text.strip()) and not PLACEHOLDER.search(text)


def _spaces(text: str) -> str:
    """The page keeps a number and its unit together with a no-break space; compare as spaces."""
    return re.sub("[\u00a0\t ]", " ", text)


@settings(max_examples=30, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=_TEXT.filter(_usable))
def test_any_paragraph_text_comes_out_literally(mini: Path, text: str) -> None:
    out = _render(mini, _news(text), name="bat-ky")
    want = unicodedata.normalize("NFC", text.strip())
    assert want in out[".txt"].read_text(encoding="utf-8")
    assert want in [p.text for p in _docx_paragraphs(out[".docx"])]
    [para] = _html_paragraphs(out[".html"].read_text(encoding="utf-8"))
    assert "<" not in para.replace("<br>", "")  # escaped: no element comes from the text
    assert _spaces(html.unescape(para.replace("<br>", "\n"))) == _spaces(want)


@settings(max_examples=20, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(st.sampled_from(list("ab *\\{}%<&\"'-.1\n")), min_size=1, max_size=40)
       .filter(_usable))
def test_asterisks_only_ever_become_emphasis(mini: Path, text: str) -> None:
    """With marks in play, the text minus asterisks and escapes is still exactly the text."""
    out = _render(mini, _news(text), name="sao")

    def bare(value: str) -> str:
        return re.sub(r"\\\*|\*", "", value)

    want = bare(unicodedata.normalize("NFC", text.strip()))
    assert want in bare(out[".txt"].read_text(encoding="utf-8"))
    assert want in [bare(p.text) for p in _docx_paragraphs(out[".docx"])]
    [para] = _html_paragraphs(out[".html"].read_text(encoding="utf-8"))
    shown = re.sub(r"</?(em|strong)>", "", para).replace("<br>", "\n")
    assert "<" not in shown
    assert bare(html.unescape(shown)) == want


def test_a_decision_prints_its_articles_and_list_literally(mini: Path) -> None:
    folder = REPO / "content" / "truyen-thong"
    shutil.copy2(folder / "guong-phu-nu-tieu-bieu-2017.yaml", mini / "content")
    text = (folder / "bieu-duong-2017.yaml").read_text(encoding="utf-8").replace(
        "  - Quyết định này có hiệu lực kể từ ngày ký.",
        "  - \"Hiệu lực: 7*7 và 8*8, {{ 7*7 }}, {% if a %}, *ngay*.\"").replace(
        "thanh_tich: Tham mưu tổng hợp số liệu", "thanh_tich: Tham mưu <b>&</b> 2*3*4 số liệu")
    path = mini / "content" / "qd-literal.yaml"
    path.write_text(text, encoding="utf-8")
    [out] = render_file(load_workspace(mini), path).outputs
    doc = Document(str(out))
    [article] = [p for p in doc.paragraphs if p.text.startswith("Điều 2.")]
    assert article.text == "Điều 2. Hiệu lực: 7*7 và 8*8, {{ 7*7 }}, {% if a %}, ngay."
    assert [r.text for r in article.runs if r.italic] == ["ngay"]
    cells = [c.text for row in doc.tables[-2].rows for c in row.cells]
    assert "Tham mưu <b>&</b> 2*3*4 số liệu, theo dõi sát tiến độ các mục tiêu của Kế hoạch" in cells
