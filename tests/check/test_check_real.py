"""The published decree and its annexes (tests/fixtures/nd30, copied from the official Word
files): read without a crash, and the findings recorded here are ones a person agrees with.

- Nghị định 30/2020/NĐ-CP itself is the model: no error. It is a legal normative document
  (VBQPPL, `Số: 30/2020/NĐ-CP` with a year), so the checker says so as information instead of
  applying the administrative-document numbering rules.
- The annexes are attachments ("Phụ lục …", "(Kèm theo Nghị định …)"): no header, number,
  signature or Nơi nhận of their own — information, not errors. Their real slips are reported:
  Phụ lục I has 4 pt between some paragraphs (before=80 twips, after=0) and a landscape section
  (holding only the heading of Mục V; the table itself sits in the next, portrait, section) with
  a 15 mm bottom margin; Phụ lục II has 5 pt once; Phụ lục III's captions "Mẫu 1.x" are Calibri
  11 pt and its sample forms are dotted, left-aligned, unindented placeholders.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from gendoc.check import check_docx

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "nd30"
ANNEX_NOTE = "văn bản là phụ lục kèm theo"


def _counts(name: str) -> Counter:
    report = check_docx(FIX / name)
    for f in report.findings:
        assert "lỗi nội bộ" not in f.message, f.render()
    return Counter((f.rule, f.severity) for f in report.findings)


def test_decree_itself_has_no_error() -> None:
    report = check_docx(FIX / "nghi-dinh-30-2020.docx")
    assert report.errors == [] and report.warnings == []
    infos = {f.rule: f for f in report.infos}
    assert set(infos) == {"so.format", "title.ten_loai"}
    assert infos["so.format"].location == "Đầu trang, ô trái, đoạn 4: «Số: 30/2020/NĐ-CP»"
    assert "quy phạm pháp luật" in infos["so.format"].message
    assert infos["title.ten_loai"].location == "Đoạn 1: «NGHỊ ĐỊNH»"


def test_annex_I_findings() -> None:
    assert _counts("phu-luc-I-the-thuc.docx") == Counter({
        ("header.quoc_hieu", "thong_tin"): 1,
        ("para.spacing", "loi"): 8,
        ("page.orientation", "loi"): 1,
        ("page.margins", "loi"): 1,
    })
    report = check_docx(FIX / "phu-luc-I-the-thuc.docx")
    by = {f.rule: f for f in report.findings}
    assert ANNEX_NOTE in by["header.quoc_hieu"].message
    assert by["page.margins"].location == "Thiết lập trang (Page Setup) của phần 2"
    assert by["page.margins"].message == "lề dưới 15 mm (cần 20–25 mm)."
    spacing = [f for f in report.findings if f.rule == "para.spacing"]
    assert spacing[0].location == "Đoạn 116: «c) Các chỉ dẫn về phạm vi lưu…»"
    assert "4 pt" in spacing[0].message


def test_annex_II_findings() -> None:
    assert _counts("phu-luc-II-viet-hoa.docx") == Counter({
        ("header.quoc_hieu", "thong_tin"): 1,
        ("para.spacing", "loi"): 1,
    })


def test_annex_III_findings() -> None:
    counts = _counts("phu-luc-III-mau-van-ban.docx")
    assert set(counts) == {
        ("header.quoc_hieu", "thong_tin"),
        ("font.name", "loi"), ("font.body_size", "loi"),
        ("para.align", "loi"), ("para.indent", "loi"),
    }
    report = check_docx(FIX / "phu-luc-III-mau-van-ban.docx")
    fonts = [f for f in report.findings if f.rule == "font.name"]
    assert fonts[0].location == "Đoạn 19: «Mẫu 1.2 - Quyết định (cá biệt) quy…»"
    assert "Calibri" in fonts[0].message
    sizes = [f for f in report.findings if f.rule == "font.body_size"]
    assert "11 pt" in sizes[0].message
    # captions are listed, then the rest is counted rather than printed line by line
    assert any(f.location == "Nhiều vị trí khác" for f in report.findings if f.rule == "para.indent")


@pytest.mark.parametrize("name", sorted(p.name for p in FIX.glob("*.docx")))
def test_every_fixture_reads_and_locates(name: str) -> None:
    report = check_docx(FIX / name)
    for f in report.findings:
        assert f.rule and f.location and f.message.endswith(".")
        assert f.severity in ("loi", "canh_bao", "thong_tin")


def test_rule_reference_documents_every_rule() -> None:
    from gendoc.check import RULES

    text = (Path(__file__).resolve().parents[2] / "docs" / "check-rules.md").read_text("utf-8")
    for rid, r in RULES.items():
        assert f"| `{rid}` |" in text, rid
        assert r.reason in text and r.source in text


def _edit(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of a fixture with one piece of document.xml text replaced."""
    import zipfile

    src, out = FIX / name, tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                text = data.decode("utf-8")
                assert text.count(old) == 1, old
                data = text.replace(old, new).encode("utf-8")
            zout.writestr(item, data)
    return out


@pytest.mark.parametrize(("old", "new", "rule"), [
    ("Điều 5. Giá trị pháp lý", "Điều 6. Giá trị pháp lý", "numbering.order"),
    ("<w:t>- Lưu: VT, HC (2).</w:t>", "<w:t>- Lưu: VT, HC (2)</w:t>", "noi_nhan.luu"),
    ("<w:t>TM. CHÍNH PHỦ</w:t>", "<w:t>T/M. CHÍNH PHỦ</w:t>", "signature.capacity"),
    ('<w:t xml:space="preserve"> 05 t</w:t>', '<w:t xml:space="preserve"> 5 t</w:t>', "date.format"),
    ("<w:t>Độc lập - Tự do - Hạnh phúc</w:t>", "<w:t>Độc lập – Tự do – Hạnh phúc</w:t>",
     "header.tieu_ngu"),
])
def test_one_slip_in_the_real_decree_is_caught(tmp_path, old: str, new: str, rule: str) -> None:
    report = check_docx(_edit(tmp_path, "nghi-dinh-30-2020.docx", old, new))
    assert report.rules_fired() == {rule}, [f.render() for f in report.findings]
