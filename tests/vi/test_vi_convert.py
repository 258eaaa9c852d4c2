"""Converting legacy-encoded .docx, .xlsx and text files: open the result and read it back."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from openpyxl.styles import Font

from gendoc.exceptions import GendocError, UnusableInputError
from gendoc.vi.convert import convert_file
from gendoc.vi.legacy import encode_tcvn3, encode_vni

QUOC_HIEU = "Cộng hòa xã hội chủ nghĩa Việt Nam"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
TNR = "Times New Roman"


def _legacy_docx(path: Path) -> None:
    document = docx.Document()
    document.styles["Normal"].font.name = ".VnTime"  # old templates set it on the style
    document.add_paragraph(encode_tcvn3("ủy ban nhân dân tỉnh kiên giang"))  # inherits .VnTime
    p = document.add_paragraph()
    p.add_run(encode_tcvn3(QUOC_HIEU, upper_font=True)).font.name = ".VnTimeH"
    p = document.add_paragraph()
    p.add_run(encode_vni(TIEU_NGU)).font.name = "VNI-Times"
    p = document.add_paragraph()
    p.add_run("µ¸ stays").font.name = "Arial"  # not a legacy font: untouched
    p = document.add_paragraph()
    p.add_run("Cộng hòa").font.name = ".VnTime"  # already Unicode: text kept, font switched
    cell = document.add_table(rows=1, cols=1).cell(0, 0)
    cell.paragraphs[0].add_run(encode_tcvn3("số lượng")).font.name = ".VnTime"
    header = document.sections[0].header.paragraphs[0]
    header.add_run(encode_vni("Trang đầu")).font.name = "VNI-Times"
    document.save(path)


def test_convert_docx(tmp_path):
    src, dst = tmp_path / "cu.docx", tmp_path / "moi.docx"
    _legacy_docx(src)
    report = convert_file(src, dst)
    out = docx.Document(dst)
    texts = [p.text for p in out.paragraphs]
    assert texts[:5] == [
        "ủy ban nhân dân tỉnh kiên giang",
        QUOC_HIEU.upper(),
        TIEU_NGU,
        "µ¸ stays",
        "Cộng hòa",
    ]
    assert out.tables[0].cell(0, 0).text == "số lượng"
    assert out.sections[0].header.paragraphs[0].text == "Trang đầu"
    assert out.styles["Normal"].font.name == TNR
    fonts = [r.font.name for p in out.paragraphs[1:5] for r in p.runs]
    assert fonts == [TNR, TNR, "Arial", TNR]
    assert report.counts == {"tcvn3": 4, "vni": 2}
    assert ".VnTimeH" in report.fonts and "VNI-Times" in report.fonts
    assert "TCVN3" in report.summary()
    assert src.read_bytes() != dst.read_bytes()  # the original is kept


def test_convert_xlsx(tmp_path):
    src, dst = tmp_path / "cu.xlsx", tmp_path / "moi.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Biểu 1"
    ws["A1"] = encode_tcvn3("họ và tên")
    ws["A1"].font = Font(name=".VnTime", bold=True)
    ws["B1"] = encode_tcvn3("đơn vị", upper_font=True)
    ws["B1"].font = Font(name=".VnTimeH")
    ws["C1"] = encode_vni("Nguyễn Văn Đức")
    ws["C1"].font = Font(name="VNI-Times")
    ws["D1"] = "µ keep"
    ws["D1"].font = Font(name="Arial")
    ws["E1"] = 1250000
    ws["E1"].font = Font(name=".VnTime")
    ws["F1"] = '=A1&"µ"'
    ws["F1"].font = Font(name=".VnTime")
    wb.save(src)

    report = convert_file(src, dst)
    out = openpyxl.load_workbook(dst)["Biểu 1"]
    assert [out[c].value for c in ("A1", "B1", "C1", "D1", "E1", "F1")] == [
        "họ và tên", "ĐƠN VỊ", "Nguyễn Văn Đức", "µ keep", 1250000, '=A1&"µ"',
    ]  # fmt: skip
    assert out["A1"].font.name == TNR and out["A1"].font.bold
    assert out["D1"].font.name == "Arial"
    assert out["E1"].font.name == TNR
    assert report.counts == {"tcvn3": 2, "vni": 1}


@pytest.mark.parametrize(
    ("encode", "forced"),
    [(encode_tcvn3, None), (encode_vni, None), (encode_tcvn3, "tcvn3"), (encode_vni, "vni")],
)
def test_convert_text(tmp_path, encode, forced):
    lines = ["cộng hòa xã hội chủ nghĩa việt nam", "độc lập - tự do - hạnh phúc", "ASCII"]
    src, dst = tmp_path / "cu.txt", tmp_path / "moi.txt"
    src.write_bytes("\n".join(encode(line) for line in lines).encode("latin-1"))
    report = convert_file(src, dst, forced)
    assert dst.read_text(encoding="utf-8").splitlines() == lines
    assert report.total == 2


def test_unicode_text_is_left_alone(tmp_path):
    src, dst = tmp_path / "a.txt", tmp_path / "b.txt"
    src.write_text("Ủy ban nhân dân tỉnh Kiên Giang\n", encoding="utf-8")
    report = convert_file(src, dst)
    assert dst.read_text(encoding="utf-8") == "Ủy ban nhân dân tỉnh Kiên Giang\n"
    assert report.total == 0
    assert "không tìm thấy" in report.summary()


def test_errors(tmp_path):
    with pytest.raises(GendocError, match="không tìm thấy tệp"):
        convert_file(tmp_path / "missing.docx", tmp_path / "out.docx")
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(UnusableInputError, match="không mở được tệp Word") as err:
        convert_file(bad, tmp_path / "out.docx")
    assert err.value.exit_code == 2
    with pytest.raises(GendocError, match="trùng tệp vào"):
        convert_file(bad, bad)
    old = tmp_path / "old.doc"
    old.write_bytes(b"x")
    with pytest.raises(UnusableInputError, match="lưu lại dạng .docx"):
        convert_file(old, tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


_FOOTNOTES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
    '<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/>'
    "</w:rPr><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>"
)


def test_footnotes_are_converted(tmp_path):
    import zipfile

    plain, src, dst = tmp_path / "plain.docx", tmp_path / "cu.docx", tmp_path / "moi.docx"
    docx.Document().save(plain)
    with zipfile.ZipFile(plain) as zin, zipfile.ZipFile(src, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFn" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            zout.writestr(item, data)
        zout.writestr("word/footnotes.xml", _FOOTNOTES.format(text=encode_tcvn3("chú thích")))
    report = convert_file(src, dst)
    assert report.counts == {"tcvn3": 1}
    with zipfile.ZipFile(dst) as z:
        xml = z.read("word/footnotes.xml").decode("utf-8")
    assert "chú thích" in xml
    assert 'w:ascii="Times New Roman"' in xml
