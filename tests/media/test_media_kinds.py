"""Every media kind built from the example content: outputs, ND30 check, figures, formatting."""

from __future__ import annotations

import base64
import re
import unicodedata

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from gendoc.check import check_docx
from tests.media.conftest import docx_text, output

EXPECTED = {
    "thong-cao-ket-qua-2017": {".docx", ".html", ".txt"},
    "tin-hoi-nghi-so-ket-2017": {".docx", ".html", ".txt"},
    "phong-su-nu-can-bo-tieu-bieu": {".docx", ".html"},
    "tin-phat-thanh-so-ket-2017": {".txt", ".html", ".docx"},
    "guong-phu-nu-tieu-bieu-2017": {".docx", ".html"},
    "bieu-duong-2017": {".docx"},
}


def test_every_kind_builds_all_its_outputs(built) -> None:  # noqa: ANN001
    ws, report = built
    got = {r.document.path.stem: {p.suffix for p in r.outputs} for r in report.results}
    assert got == EXPECTED
    for result in report.results:
        for path in result.outputs:
            assert path.is_file() and path.stat().st_size > 200
            assert ws.output_dir.resolve() in path.resolve().parents
    assert report.warnings == []  # the examples are timed right and free of stereotypes


@pytest.mark.parametrize("name", ["thong-cao-ket-qua-2017.docx", "bieu-duong-2017.docx"])
def test_nd30_documents_pass_the_checker(built, name: str) -> None:  # noqa: ANN001
    ws, _ = built
    findings = check_docx(output(ws, name))
    assert findings.errors == [], [f.message for f in findings.errors]


def test_press_release_quotes_the_consolidated_figures(built) -> None:  # noqa: ANN001
    from gendoc.reports import consolidate
    from gendoc.reports.wording import phan_tram_vn, thay_doi

    ws, _ = built
    cons = consolidate(ws, 2017)
    leaders = phan_tram_vn(cons.ty_le("lanh_dao"))
    planned = phan_tram_vn(cons.ty_le("quy_hoach"))
    appointed = cons.total("bo_nhiem")
    paragraphs = docx_text(output(ws, "thong-cao-ket-qua-2017.docx"))
    body = "\n".join(paragraphs)
    assert f"nữ chiếm {leaders} số người giữ chức vụ lãnh đạo" in body
    assert f"{planned} số người trong quy hoạch" in body
    assert f"{appointed.nu}/{appointed.tong} người được bổ nhiệm mới" in body
    assert f"báo cáo của {len(cons.reports)} cơ quan, đơn vị" in body
    # The figures table: one row per group with this year, last year and the change.
    row = paragraphs.index("Lãnh đạo, quản lý — tỷ lệ nữ")
    assert paragraphs[row + 1] == leaders
    assert paragraphs[row + 3] == thay_doi(cons.change("lanh_dao"))
    for suffix in (".html", ".txt"):
        text = output(ws, f"thong-cao-ket-qua-2017{suffix}").read_text(encoding="utf-8")
        assert f"năm 2017: {leaders} cán bộ lãnh đạo" in text.lower()
        assert "{{" not in text


def test_press_release_docx_layout(built) -> None:  # noqa: ANN001
    ws, _ = built
    doc = Document(str(output(ws, "thong-cao-ket-qua-2017.docx")))
    texts = [p.text for p in doc.paragraphs]
    assert "THÔNG CÁO" in texts
    header = doc.tables[0].rows[0].cells[0].text
    assert re.search(r"Số:\s+/TC-UBND", header)
    body = [p for p in doc.paragraphs if p.style.name == "ND30 Noi dung" and p.text.strip()]
    assert len(body) >= 6
    for p in body:
        assert p.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert p.style.paragraph_format.first_line_indent.cm == pytest.approx(1.27, abs=0.01)
    assert body[-1].text.endswith("./.")
    assert body[-1].text.startswith("Thông tin liên hệ:")
    assert any(r.bold for r in body[-1].runs if r.text.startswith("Thông tin liên hệ"))
    figures = doc.tables[1]
    assert [c.text for c in figures.rows[0].cells] == ["Chỉ tiêu", "Năm 2017", "Năm 2016",
                                                       "Thay đổi"]
    assert len(figures.rows) == 6
    # The web-only parts are not in the official document.
    assert not any("Ảnh:" in t for t in texts)


def test_web_pages_are_standalone_vietnamese_pages(built) -> None:  # noqa: ANN001
    ws, report = built
    for result in report.results:
        for path in result.outputs:
            if path.suffix != ".html":
                continue
            page = path.read_text(encoding="utf-8")
            assert page.startswith("<!DOCTYPE html>")
            assert '<html lang="vi">' in page and '<meta charset="utf-8">' in page
            assert "<style>" in page and "hyphens: manual" in page
            assert unicodedata.is_normalized("NFC", page)
            assert "gendoc-anh-" not in page and "{:" not in page and "{{" not in page
            csp = page.index('<meta http-equiv="Content-Security-Policy" content="default-src '
                             "'none'; img-src data:;")
            assert csp < page.index("<title>") and "<script" not in page.lower()
            for data in re.findall(r'src="data:image/png;base64,([^"]+)"', page):
                assert base64.b64decode(data).startswith(b"\x89PNG")
    tin = output(ws, "tin-hoi-nghi-so-ket-2017.html").read_text(encoding="utf-8")
    assert "<title>Kiên Giang sơ kết một năm" in tin
    assert '<p class="sapo">' in tin and "<figcaption>" in tin
    assert '<p class="tac-gia">Minh Anh (nguồn: Sở Nội vụ)</p>' in tin
    assert tin.count("<h2>") == 2


def test_tv_script_is_a_timed_two_column_table(built) -> None:  # noqa: ANN001
    from gendoc.yamlio import load_yaml, plain

    ws, _ = built
    content = plain(load_yaml(ws.content_dir / "truyen-thong" / "phong-su-nu-can-bo-tieu-bieu.yaml"))
    doc = Document(str(output(ws, "phong-su-nu-can-bo-tieu-bieu.docx")))
    table = doc.tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["Thời gian", "Hình ảnh",
                                                     "Lời bình / phỏng vấn"]
    segments = content["phan_doan"]
    assert len(table.rows) == len(segments) + 1
    start = 0
    for row, seg in zip(table.rows[1:], segments, strict=True):
        time_cell, picture, sound = (c.text for c in row.cells)
        end = start + seg["thoi_luong"]
        assert f"{start // 60}:{start % 60:02d}–{end // 60}:{end % 60:02d}" in time_cell
        assert seg["hinh_anh"] in picture
        if seg.get("loi_binh"):
            assert " ".join(seg["loi_binh"].split()) in sound
        start = end
    widths = [c.width.cm for c in table.rows[0].cells]
    assert widths[2] > widths[1] > widths[0]
    assert "Khung phát: 3:00 · Tổng thời lượng các đoạn: 3:00" in "\n".join(docx_text(
        output(ws, "phong-su-nu-can-bo-tieu-bieu.docx")))


def test_radio_item_shows_reading_time(built) -> None:  # noqa: ANN001
    from gendoc.media.timing import clock, reading_seconds

    ws, _ = built
    text = output(ws, "tin-phat-thanh-so-ket-2017.txt").read_text(encoding="utf-8")
    paragraphs = re.findall(r"^\[(\d+:\d\d)\] (.+)$", text, flags=re.M)
    assert len(paragraphs) == 3
    start = 0.0
    for mark, para in paragraphs:
        assert mark == clock(start)
        start += reading_seconds(para, 220)
    assert "Thời lượng đọc ước tính: " in text and f"({clock(start)};" in text


def test_profiles_one_page_each_and_commendation_from_the_same_file(built) -> None:  # noqa: ANN001
    from gendoc.yamlio import load_yaml, plain

    ws, _ = built
    people = plain(load_yaml(ws.content_dir / "truyen-thong" / "guong-phu-nu-tieu-bieu-2017.yaml"))["nguoi"]
    doc = Document(str(output(ws, "guong-phu-nu-tieu-bieu-2017.docx")))
    xml = doc.element.xml
    assert xml.count('w:type="page"') == len(people)
    assert len(doc.inline_shapes) == len(people)
    names = [p.text for p in doc.paragraphs if p.style.name == "TT Tieu de"]
    assert names[1:] == [p["ho_ten"] for p in people]

    decision = Document(str(output(ws, "bieu-duong-2017.docx")))
    texts = [p.text for p in decision.paragraphs]
    assert "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG" in texts
    assert "QUYẾT ĐỊNH:" in texts
    assert [t[:7] for t in texts if t.startswith("Điều ")] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert any(f"và {len(people)} cá nhân" in t for t in texts)
    annex = [t for t in texts if t.startswith("(Kèm theo Quyết định số")]
    assert len(annex) == 1
    assert re.fullmatch(r"\(Kèm theo Quyết định số\s+/QĐ-UBND ngày\s+tháng 3 năm 2018 "
                        r"của Chủ tịch Ủy ban nhân dân tỉnh Kiên Giang\)", annex[0])
    individuals = decision.tables[-1]
    assert [r.cells[1].text for r in individuals.rows[1:]] == [p["ho_ten"] for p in people]
    assert individuals.rows[1].cells[3].text == "; ".join(people[0]["thanh_tich"])
