"""Build-time behaviour of media briefs: timing and bias warnings, bad input, safety, atomicity."""

from __future__ import annotations

import html
import re
import shutil
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gendoc.build import build, render_file
from gendoc.exceptions import ContentError, GendocError
from gendoc.workspace import load_workspace
from tests.media.conftest import REPO, docx_text

ANH = REPO / "content" / "truyen-thong" / "_anh" / "chan-dung-1.png"

SCRIPT = """\
loai: kich_ban_truyen_hinh
chuong_trinh: Thử
tieu_de: Kịch bản thử
thoi_luong: "1:00"
phan_doan:
  - hinh_anh: Toàn cảnh
    am_thanh: Nhạc
    thoi_luong: 10
  - hinh_anh: Hội nghị
    loi_binh: {narration}
    thoi_luong: 0:{seconds:02d}
"""


def _script(make_ws, syllable_count: int, seconds: int, extra: str = "") -> Path:  # noqa: ANN001
    narration = " ".join(["nữ"] * syllable_count)
    return make_ws({"content/kb.yaml": SCRIPT.format(narration=narration, seconds=seconds) + extra})


def test_narration_too_long_for_its_segment_and_slot_mismatch(make_ws, cli) -> None:  # noqa: ANN001
    # 100 syllables at 200/min need 30 s; the segment has 20 s; total 30 s in a 60 s slot.
    ws = _script(make_ws, 100, 20)
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.output
    err = result.stderr
    assert "content/kb.yaml: cảnh báo: dòng 10, đoạn 2: lời bình 100 âm tiết cần khoảng 30 giây" \
        in err
    assert "dài hơn thời lượng đoạn (20 giây) 10 giây — rút gọn còn khoảng 66 âm tiết" in err
    assert "dòng 4, trường thoi_luong: tổng thời lượng các đoạn 0:30 ngắn hơn khung phát 1:00 " \
           "30 giây" in err
    # The script itself marks the segment for the editor.
    text = "\n".join(docx_text(ws / "output" / "kb.docx"))
    assert "⚠ Lời bình dài hơn đoạn 10 giây" in text


@pytest.mark.parametrize(("speed", "warned"), [(200, True), (400, False)])
def test_reading_speed_comes_from_the_workspace(make_ws, speed: int, warned: bool) -> None:  # noqa: ANN001
    config = (REPO / "gendoc.yaml").read_text(encoding="utf-8").replace(
        "truyen_hinh: 200", f"truyen_hinh: {speed}")
    ws = _script(make_ws, 200, 50)  # 60 s at 200/min, 30 s at 400/min
    (ws / "gendoc.yaml").write_text(config, encoding="utf-8")
    report = build(load_workspace(ws))
    segment = [w for _, w in report.warnings if "đoạn 2" in w]
    assert bool(segment) is warned
    assert not [w for _, w in report.warnings if "khung phát" in w]  # 10 + 50 = 60 s


def test_slot_tolerance(make_ws) -> None:  # noqa: ANN001
    ws = _script(make_ws, 10, 48)  # total 58 s in a 60 s slot, tolerance 2 s
    assert build(load_workspace(ws)).warnings == []
    ws = _script(make_ws, 10, 47)
    assert [w for _, w in build(load_workspace(ws)).warnings if "ngắn hơn khung phát 1:00 3 giây" in w]


def test_bad_durations_are_content_errors(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/kb.yaml": SCRIPT.format(narration="a", seconds=0).replace(
        'thoi_luong: "1:00"', "thoi_luong: mot phut")})
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert "dòng 4: trường 'thoi_luong': " in result.stderr
    assert "dòng 11: trường 'phan_doan[2].thoi_luong': " in result.stderr
    assert not (ws / "output" / "kb.docx").exists()
    assert "Traceback" not in result.output


def test_radio_item_over_its_slot(make_ws) -> None:  # noqa: ANN001
    words = " ".join(["tin"] * 220)  # 60 s at 220/min
    ws = make_ws({"content/r.yaml": f"loai: tin_phat_thanh\nchuong_trinh: Thời sự\n"
                                    f"tieu_de: Tin thử\nthoi_luong: 45\nnoi_dung: {words}\n"})
    report = build(load_workspace(ws))
    assert [w for _, w in report.warnings] == [
        "dòng 4, trường thoi_luong: tin đọc khoảng 1 phút ở tốc độ 220 âm tiết/phút, dài hơn "
        "thời lượng 45 giây 15 giây — rút gọn khoảng 55 âm tiết."]
    text = (ws / "output" / "r.txt").read_text(encoding="utf-8")
    assert "Thời lượng đọc ước tính: 1 phút (1:00; thời lượng dành cho tin: 0:45)" in text


NEWS = """\
loai: tin_bai
tieu_de: Hội thi "Nữ công chức" & <b>tài năng</b>
sapo: >-
  Hội thi dành cho
  phái đẹp của các cơ quan <script>alert(1)</script>.
noi_dung:
  - tieu_de: Kết quả
    doan:
      - Chị em thể hiện năng lực, không phải "chân yếu tay mềm" như định kiến.
tac_gia: Minh Anh
"""


def test_bias_findings_are_build_warnings_with_content_lines(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/tin.yaml": NEWS})
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if "định kiến giới" in line]
    assert len(lines) == 2
    assert "content/tin.yaml: cảnh báo: dòng 3, trường sapo: từ ngữ định kiến giới «phái đẹp»" \
        in lines[0]
    assert "Nên viết: phụ nữ; nữ giới." in lines[0]
    assert "dòng 9, trường noi_dung[1].doan[1]: từ ngữ định kiến giới «chân yếu tay mềm»" in lines[1]


def test_bias_check_can_be_switched_off(make_ws) -> None:  # noqa: ANN001
    config = (REPO / "gendoc.yaml").read_text(encoding="utf-8").replace(
        "kiem_tra_dinh_kien: true", "kiem_tra_dinh_kien: false")
    ws = make_ws({"content/tin.yaml": NEWS}, config=config)
    assert build(load_workspace(ws)).warnings == []


def test_special_characters_stay_literal_everywhere(make_ws) -> None:  # noqa: ANN001
    ws = make_ws({"content/tin.yaml": NEWS})
    build(load_workspace(ws))
    page = (ws / "output" / "tin.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>tài năng</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert html.unescape(page).count('"Nữ công chức" & <b>tài năng</b>') == 2  # title, h1
    text = (ws / "output" / "tin.txt").read_text(encoding="utf-8")
    assert 'HỘI THI "NỮ CÔNG CHỨC" & <B>TÀI NĂNG</B>' in text
    assert "<script>alert(1)</script>." in text
    words = docx_text(ws / "output" / "tin.docx")
    assert 'Hội thi "Nữ công chức" & <b>tài năng</b>' in words


@pytest.mark.parametrize(("tep", "message"), [
    ("khong-co.png", "không tìm thấy tệp ảnh 'khong-co.png'"),
    ("../../../ngoai.png", "ảnh phải nằm trong thư mục làm việc"),
    ("gia.png", "tệp không phải ảnh PNG, JPEG hay GIF"),
    ("anh.bmp", "ảnh phải là tệp .png, .jpg hoặc .gif"),
])
def test_bad_photo_is_an_error_and_nothing_is_written(make_ws, tep: str, message: str) -> None:  # noqa: ANN001
    ws = make_ws({"content/t/tin.yaml": NEWS.replace("phái đẹp", "nữ") +
                  f"anh:\n  tep: {tep}\n  chu_thich: Ảnh\n",
                  "content/t/gia.png": "không phải ảnh"})
    shutil.copy2(ANH, ws.parent / "ngoai.png")
    with pytest.raises(ContentError) as info:
        render_file(load_workspace(ws), ws / "content" / "t" / "tin.yaml")
    assert f"dòng 12: trường 'anh.tep': {message}" in info.value.format_message()
    assert not (ws / "output").exists() or not list((ws / "output").rglob("*.*"))


def test_failing_workspace_template_writes_no_output_at_all(make_ws) -> None:  # noqa: ANN001
    ws = make_ws({"content/tin.yaml": NEWS.replace("phái đẹp", "nữ"),
                  "templates/truyen_thong.html.j2": "<html><head></head><body>{{ khong_co_bien }}"
                                                    "</body></html>\n"})
    with pytest.raises(GendocError) as info:
        render_file(load_workspace(ws), ws / "content" / "tin.yaml")
    assert "mẫu 'truyen_thong.html.j2': biến 'khong_co_bien' không có trong dữ liệu" in \
        info.value.format_message()
    assert not list((ws / "output").rglob("*.*")) if (ws / "output").exists() else True


def test_workspace_template_overrides_and_extends_the_builtin(make_ws) -> None:  # noqa: ANN001
    own = ("{% extends 'default:truyen_thong.html.j2' %}"
           "{% block cuoi %}<footer class=\"ban-quyen\">Bản quyền: {{ dau_trang }}</footer>"
           "{% endblock %}")
    ws = make_ws({"content/tin.yaml": NEWS.replace("phái đẹp", "nữ"),
                  "templates/truyen_thong.html.j2": own})
    result = render_file(load_workspace(ws), ws / "content" / "tin.yaml")
    assert {p.suffix for p in result.outputs} == {".html", ".docx", ".txt"}
    page = (ws / "output" / "tin.html").read_text(encoding="utf-8")
    assert '<footer class="ban-quyen">Bản quyền: </footer>' in page
    assert "<h1>Hội thi &quot;Nữ công chức&quot; &amp; &lt;b&gt;tài năng&lt;/b&gt;</h1>" in page \
        or '<h1>Hội thi "Nữ công chức" &amp; &lt;b&gt;tài năng&lt;/b&gt;</h1>' in page
    # A whole frame of the workspace's own: it still gets the sanitiser and the CSP.
    (ws / "templates" / "truyen_thong.html.j2").write_text(
        "<!DOCTYPE html><html><head><title>{{ tieu_de }}</title></head>\n<body>"
        "<p>Mẫu riêng</p><script>alert(1)</script><p onclick=\"x()\">{{ noi_dung }}</p>"
        "<a href=\"javascript:alert(1)\">j</a><a href=\"data:text/html,x\">d</a>"
        "<img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\" alt=\"svg\">"
        "<a href=\"https://kiengiang.gov.vn/\">cổng</a></body></html>\n", encoding="utf-8")
    render_file(load_workspace(ws), ws / "content" / "tin.yaml")
    page = (ws / "output" / "tin.html").read_text(encoding="utf-8")
    assert "<p>Mẫu riêng</p>" in page and "<script" not in page and "onclick" not in page
    assert "javascript:" not in page and "data:text" not in page and "data:image/svg" not in page
    assert '<a href="https://kiengiang.gov.vn/" rel="noopener noreferrer">cổng</a>' in page
    assert page.index('http-equiv="Content-Security-Policy"') < page.index("<title>")


def test_old_markdown_templates_get_a_migration_message(make_ws, cli) -> None:  # noqa: ANN001
    news = NEWS.replace("phái đẹp", "nữ")
    ws = make_ws({"content/tin.yaml": news + "template: tin_bai.md.j2\n",
                  "content/khac.yaml": news,
                  "templates/tin_bai.md.j2": "# {{ tieu_de }}\n"})
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    line = len(news.splitlines()) + 1
    assert f"content/tin.yaml, dòng {line}: trường 'template': mẫu Markdown 'tin_bai.md.j2' " \
           "không còn được dùng — nội dung được in nguyên văn" in result.stderr
    assert not (ws / "output" / "tin.html").exists()
    # The other news item builds, with a warning that the workspace's .md.j2 is no longer used.
    assert (ws / "output" / "khac.html").is_file()
    assert "content/khac.yaml: cảnh báo: mẫu 'templates/tin_bai.md.j2' không còn được dùng" \
        in result.stderr


def test_render_to_a_chosen_file_writes_the_siblings(make_ws, cli, tmp_path: Path) -> None:  # noqa: ANN001
    ws = make_ws({"content/tin.yaml": NEWS.replace("phái đẹp", "nữ")})
    target = tmp_path / "ra" / "ban-tin.html"
    result = cli("render", str(ws / "content" / "tin.yaml"), "-o", str(target), ws=ws)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in target.parent.iterdir()) == [
        "ban-tin.docx", "ban-tin.html", "ban-tin.txt"]


def test_decision_list_from_a_missing_profile_file(make_ws) -> None:  # noqa: ANN001
    text = (REPO / "content" / "truyen-thong" / "bieu-duong-2017.yaml").read_text(encoding="utf-8")
    ws = make_ws({"content/qd.yaml": text.replace("guong-phu-nu-tieu-bieu-2017.yaml",
                                                  "khong-co.yaml")})
    with pytest.raises(ContentError) as info:
        render_file(load_workspace(ws), ws / "content" / "qd.yaml")
    assert "trường 'danh_sach.ca_nhan_tu': không tìm thấy tệp 'khong-co.yaml'" in \
        info.value.format_message()


def test_figures_placeholder_errors_name_the_field(make_ws) -> None:  # noqa: ANN001
    text = (REPO / "content" / "truyen-thong" / "tin-phat-thanh-so-ket-2017.yaml").read_text(
        encoding="utf-8").replace("tong_hop.quy_hoach.ty_le", "tong_hop.bo_nhiem.ty_le")
    ws = make_ws({"content/r.yaml": text})
    shutil.copytree(REPO / "content" / "bao-cao", ws / "content" / "bao-cao")
    with pytest.raises(ContentError) as info:
        render_file(load_workspace(ws), ws / "content" / "r.yaml")
    message = info.value.format_message()
    assert "trường 'noi_dung[2]': không điền được số liệu" in message
    assert "bo_nhiem" in message


# --- any text survives the Markdown path literally --------------------------------------------

_SAFE = st.characters(codec="utf-8", categories=("Lu", "Ll", "Nd", "Zs"),
                      include_characters="àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễđìíịỉĩòóọỏõôồốộổỗơờớợởỡ"
                                         "ùúụủũưừứựửữỳýỵỷỹ&<>\"'.,;:?!()%/=+-",
                      exclude_characters="\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
                                         "\u2007\u2008\u2009\u200a\u202f\u205f\u3000")


def _plain(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


@pytest.fixture(scope="module")
def mini(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("literal") / "ws"
    (root / "content").mkdir(parents=True)
    shutil.copy2(REPO / "gendoc.yaml", root / "gendoc.yaml")
    return root


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(_SAFE, min_size=1, max_size=80).filter(
    lambda t: t.strip() and ".." not in t and "--" not in t and not re.match(r"\s*[-+\d]", t)))
def test_any_text_comes_out_literally(mini: Path, text: str) -> None:
    from gendoc.yamlio import dump_yaml

    content = {"loai": "tin_bai", "tieu_de": "Tin", "sapo": text,
               "noi_dung": [{"doan": ["Đoạn."]}], "tac_gia": "A"}
    (mini / "content" / "t.yaml").write_text(dump_yaml(content), encoding="utf-8")
    result = render_file(load_workspace(mini), mini / "content" / "t.yaml")
    want = _plain(text)
    page = (mini / "output" / "t.html").read_text(encoding="utf-8")
    sapo = re.search(r'<p class="sapo">(.*?)</p>', page, flags=re.S)
    assert sapo and _plain(html.unescape(sapo.group(1))) == want
    assert want in _plain((mini / "output" / "t.txt").read_text(encoding="utf-8"))
    assert want in [_plain(p) for p in docx_text(mini / "output" / "t.docx")]
    assert len(result.outputs) == 3


@pytest.mark.parametrize("kind", ["thong_cao", "tin_bai", "kich_ban_truyen_hinh",
                                  "tin_phat_thanh", "guong_dien_hinh", "quyet_dinh"])
def test_new_starts_from_the_worked_example(example_ws: Path, cli, kind: str) -> None:  # noqa: ANN001
    result = cli("new", kind, ws=example_ws)
    assert result.exit_code == 0, result.output
    created = example_ws / "content" / "truyen-thong" / f"{kind.replace('_', '-')}-moi.yaml"
    assert created.is_file() and f"loai: {kind}" in created.read_text(encoding="utf-8")
    again = cli("new", kind, ws=example_ws)
    assert again.exit_code == 1 and "--force" in again.stderr
    built = cli("build", str(created), ws=example_ws)
    assert built.exit_code == 0, built.output


def test_bad_media_settings_name_gendoc_yaml_line_and_field(make_ws, cli) -> None:  # noqa: ANN001
    config = (REPO / "gendoc.yaml").read_text(encoding="utf-8")
    line = config.splitlines().index("    truyen_hinh: 200     # âm tiết/phút: tốc độ đọc lời bình "
                                     "phóng sự truyền hình") + 1
    ws = _script(make_ws, 10, 50)
    (ws / "gendoc.yaml").write_text(config.replace("truyen_hinh: 200", "truyen_hinh: 0")
                                    .replace("sai_lech_cho_phep: 2", "sai_lech_cho_phep: hai"),
                                    encoding="utf-8")
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert f"dòng {line}: trường 'truyen_thong.toc_do_doc.truyen_hinh'" in result.stderr
    assert "trường 'truyen_thong.sai_lech_cho_phep'" in result.stderr
    assert "Traceback" not in result.output
    assert not (ws / "output" / "kb.docx").exists()


def test_figures_of_a_year_without_reports(make_ws) -> None:  # noqa: ANN001
    text = (REPO / "content" / "truyen-thong" / "tin-phat-thanh-so-ket-2017.yaml").read_text(
        encoding="utf-8").replace("  nam: 2017", "  nam: 2031")
    ws = make_ws({"content/r.yaml": text})
    shutil.copytree(REPO / "content" / "bao-cao", ws / "content" / "bao-cao")
    with pytest.raises(ContentError) as info:
        render_file(load_workspace(ws), ws / "content" / "r.yaml")
    line = text.splitlines().index("  nam: 2031") + 1
    assert f"dòng {line}: trường 'tong_hop.nam': chưa có báo cáo nào của năm 2031" in \
        info.value.format_message()
