"""Anyone's documents: odd but valid OOXML never crashes a rule (no "lỗi nội bộ" finding)."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gendoc.check import check_docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/'
    '2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-'
    'package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
    'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)


def make_docx(path: Path, body: str, parts: dict[str, str] | None = None,
              doc_rels: str = "") -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("[Content_Types].xml", CT)
        zf.writestr("_rels/.rels", RELS)
        zf.writestr("word/document.xml", f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}'
                    "</w:body></w:document>")
        if doc_rels:
            zf.writestr("word/_rels/document.xml.rels", doc_rels)
        for name, xml in (parts or {}).items():
            zf.writestr(name, xml)
    return path


def p(text: str, ppr: str = "", rpr: str = "") -> str:
    return (f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:rPr>{rpr}</w:rPr>"
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


def table(cells: list[list[str]]) -> str:
    rows = "".join("<w:tr>" + "".join(f"<w:tc>{c or '<w:p/>'}</w:tc>" for c in row) + "</w:tr>"
                   for row in cells)
    return f"<w:tbl><w:tblPr/>{rows}</w:tbl>"


def assert_no_internal_error(path: Path) -> list:
    report = check_docx(path)
    internal = [f.render() for f in report.findings if "lỗi nội bộ" in f.message]
    assert not internal, internal
    return report.findings


def test_empty_body(tmp_path) -> None:
    findings = assert_no_internal_error(make_docx(tmp_path / "e.docx", ""))
    assert [f.rule for f in findings if f.severity == "loi"] == ["header.quoc_hieu"]


def test_odd_but_valid_markup(tmp_path) -> None:
    body = (
        table([[p("SỞ Y TẾ", rpr="<w:b/>") + p("Số: 12/UBND-VX"),
                p("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") + p("Độc lập - Tự do - Hạnh phúc")
                + p("ngày 31 tháng 4 năm 2021", ppr='<w:jc w:val="end"/>'),
                table([[p("nested")]])]])
        + p("V/v lạ", ppr='<w:ind w:firstLineChars="200"/><w:spacing w:line="12pt" '
            'w:lineRule="exact"/>', rpr='<w:sz w:val="abc"/>')
        + '<w:sdt><w:sdtContent>' + p("a) trong sdt") + "</w:sdtContent></w:sdt>"
        + '<w:p><w:r><w:t>chèn </w:t></w:r><w:ins><w:r><w:t>thêm</w:t></w:r></w:ins>'
        '<w:del><w:r><w:delText>xóa</w:delText></w:r></w:del></w:p>'
        + '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="7"/></w:numPr></w:pPr>'
        '<w:r><w:t>số tự động không có định nghĩa</w:t></w:r></w:p>'
        + table([[p("Nơi nhận"), ""]])
        + '<w:sectPr><w:headerReference w:type="default" r:id="rId99"/><w:pgMar w:top="x"/>'
        "<w:titlePg/></w:sectPr>"
    )
    assert_no_internal_error(make_docx(tmp_path / "odd.docx", body))


def test_header_part_and_strict_units(tmp_path) -> None:
    hdr = (f'<w:hdr xmlns:w="{W}"><w:p><w:pPr><w:jc w:val="left"/></w:pPr>'
           '<w:fldSimple w:instr=" PAGE "><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p></w:hdr>')
    rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>')
    body = (p("Nội dung " * 400) + '<w:sectPr><w:headerReference w:type="default" r:id="rId5"/>'
            '<w:pgSz w:w="210mm" w:h="297mm"/><w:pgMar w:top="20mm" w:bottom="20mm" '
            'w:left="30mm" w:right="15mm"/></w:sectPr>')
    findings = assert_no_internal_error(
        make_docx(tmp_path / "h.docx", body, {"word/header1.xml": hdr}, rels))
    rules = {f.rule for f in findings}
    assert "page.size" not in rules and "page.margins" not in rules
    assert {"page_number.field", "page_number.first_page"} <= rules  # left-aligned, shown on p.1


TRICKY = st.sampled_from([
    "Số: 07/KH-UBND", "Số:      /CV", "Số 1/", "Kiên Giang, ngày 05 tháng 02 năm 2020",
    "ngày tháng năm", ", ngày 99 tháng 99 năm 99999", "KẾ HOẠCH", "CÔNG ĐIỆN", "V/v ", "Kính gửi:",
    "- Sở Nội vụ;", "Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "KT", "I.", "1.", "a)", "đ)",
    "f) sai", "Điều 0.", "Chương MMM", "Phần I", "Phụ lục II", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc", "____", "", "   ", "\t", "(Đã ký)",
])
XML_CHARS = st.characters(blacklist_categories=("Cs", "Cc"))  # what XML 1.0 can carry
TEXT = st.one_of(TRICKY, st.text(XML_CHARS, max_size=40))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(head=st.lists(st.lists(TEXT, max_size=5), min_size=0, max_size=3),
       body=st.lists(TEXT, max_size=15),
       closing=st.lists(st.lists(TEXT, max_size=5), min_size=0, max_size=2))
def test_random_documents_never_crash(tmp_path, head, body, closing) -> None:
    def cell(texts: list[str]) -> str:
        return "".join(p(t) for t in texts)

    xml = ""
    if head:
        xml += table([[cell(c) for c in head]])
    xml += "".join(p(t) for t in body)
    if closing:
        xml += table([[cell(c) for c in closing]])
    assert_no_internal_error(make_docx(tmp_path / "r.docx", xml))
