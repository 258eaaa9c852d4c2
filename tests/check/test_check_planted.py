"""Planted defects: a good document passes; breaking one rule fires that rule and only it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from gooddoc import Good, build, save

from gendoc import nd30
from gendoc.check import RULES, check_document, check_docx

# rule id -> the knob that breaks it (a Good with one field changed)
DEFECTS: dict[str, list[Good]] = {
    "page.size": [Good(page_mm=(216, 279))],
    "page.orientation": [Good(landscape=True)],
    "page.margins": [Good(margins_mm={**nd30.DEFAULT_MARGINS_MM, "left": 25.0}),
                     Good(margins_mm={**nd30.DEFAULT_MARGINS_MM, "top": 30.0})],
    "font.name": [Good(body_defect={"font": "Arial"})],
    "font.color": [Good(body_defect={"color": "FF0000"})],
    "font.body_size": [Good(body_defect={"size": 12})],
    "para.align": [Good(body_defect={"align": WD_ALIGN_PARAGRAPH.LEFT})],
    "para.indent": [Good(body_defect={"indent": 0.5}), Good(body_defect={"indent": 0})],
    "para.spacing": [Good(body_defect={"after": 2})],
    "para.line_spacing": [Good(body_defect={"line": 2.0})],
    "header.quoc_hieu": [Good(quoc_hieu_bold=False),
                         Good(quoc_hieu="Cộng hòa xã hội chủ nghĩa Việt Nam")],
    "header.tieu_ngu": [Good(tieu_ngu="Độc lập – Tự do – Hạnh phúc"),
                        Good(tieu_ngu="Độc lập-Tự do-Hạnh phúc")],
    "header.tieu_ngu_rule": [Good(tieu_ngu_rule=False)],
    "header.co_quan": [Good(co_quan="Sở Nội vụ"), Good(co_quan_size=14)],
    "header.chu_quan": [Good(chu_quan_size=14)],
    "header.co_quan_rule": [Good(co_quan_rule=False)],
    "so.format": [Good(so="Số: 7/KH-SNV"), Good(so="Số: 07/2020/KH-SNV"),
                  Good(so="Số: 007/KH-SNV"), Good(so="Số 07/KH-SNV")],
    "so.type": [Good(so="Số: 07/BC-SNV")],
    "date.format": [Good(date="Kiên Giang, ngày 5 tháng 02 năm 2020"),
                    Good(date="Kiên Giang, ngày 05 tháng 06 năm 2020"),
                    Good(date="Kiên Giang, ngày 05 tháng 2 năm 2020"),
                    Good(date_italic=False)],
    "date.valid": [Good(date="Kiên Giang, ngày 30 tháng 02 năm 2020")],
    "title.ten_loai": [Good(ten_loai_bold=False)],
    "title.trich_yeu": [Good(trich_yeu_bold=False)],
    "title.trich_yeu_rule": [Good(trich_yeu_rule=False)],
    "numbering.order": [Good(points=("a", "b", "c", "d", "e", "g")),
                        Good(points=("a", "b", "c", "d", "đ", "e", "f")),
                        Good(khoan=(1, 3)), Good(khoan=(1, 2, 2)), Good(point_mark=".")],
    "signature.capacity": [Good(capacity="K/T GIÁM ĐỐC"), Good(capacity="KT GIÁM ĐỐC")],
    "signature.name": [Good(signer_bold=False)],
    "noi_nhan.label": [Good(noi_nhan_italic=False), Good(noi_nhan_label="Nơi nhận")],
    "noi_nhan.items": [Good(noi_nhan=("- Bộ Nội vụ", "- UBND tỉnh;")),
                       Good(noi_nhan=("Bộ Nội vụ;", "- UBND tỉnh;"))],
    "noi_nhan.luu": [Good(luu="- Lưu VT, TCCB."), Good(luu="- Lưu: VT, TCCB;")],
    "page_number.field": [Good(page_field=False), Good(page_number_left=True)],
    "page_number.first_page": [Good(title_pg=False)],
}
INFO_ONLY = {"draft.placeholder", "input.template"}
CASES = [(rid, i, g) for rid, goods in DEFECTS.items() for i, g in enumerate(goods)]


def test_every_rule_has_a_planted_defect() -> None:
    assert set(DEFECTS) | INFO_ONLY == set(RULES)


def test_good_document_has_no_finding(tmp_path) -> None:
    report = check_docx(save(tmp_path / "good.docx"))
    assert report.findings == [], [f.render() for f in report.findings]


def test_check_document_in_memory_matches_file(tmp_path) -> None:
    g = Good(so="Số: 7/KH-SNV")
    on_disk = check_docx(save(tmp_path / "a.docx", g))
    in_memory = check_document(build(g), name=str(tmp_path / "a.docx"))
    assert [f.rule for f in in_memory.findings] == [f.rule for f in on_disk.findings]


@pytest.mark.parametrize(("rule", "variant", "good"), CASES,
                         ids=[f"{r}-{i}" for r, i, _ in CASES])
def test_planted_defect_fires_only_its_rule(tmp_path, rule: str, variant: int, good: Good) -> None:
    report = check_docx(save(tmp_path / "bad.docx", good))
    fired = report.rules_fired()
    assert fired == {rule}, [f.render() for f in report.findings]
    assert report.errors, "a broken ND30 rule is an error"
    for f in report.findings:
        assert f.location and f.message


def test_landscape_with_a_data_table_is_only_a_warning(tmp_path) -> None:
    report = check_docx(save(tmp_path / "wide.docx", Good(landscape=True, data_table=True)))
    assert report.errors == []
    assert [f.rule for f in report.warnings] == ["page.orientation"]


def test_draft_placeholders_are_information_not_errors(tmp_path) -> None:
    g = Good(so=f"Số:{nd30.PLACEHOLDER}/KH-SNV", date=f"Kiên Giang, ngày{nd30.PLACEHOLDER}tháng 12 năm 2016")
    report = check_docx(save(tmp_path / "draft.docx", g))
    assert report.errors == [] and report.warnings == []
    infos = [f for f in report.infos if f.rule == "draft.placeholder"]
    assert len(infos) == 2
    assert "số văn bản để trống" in infos[0].message
    assert "ngày để trống" in infos[1].message


def test_signer_name_left_as_the_sample_placeholder_is_information(tmp_path) -> None:
    report = check_docx(save(tmp_path / "ten.docx", Good(signer="Họ và tên", signer_bold=False)))
    assert report.errors == [] and report.warnings == []
    assert [(f.rule, f.message) for f in report.infos] == [
        ("draft.placeholder", "họ tên người ký chưa điền («Họ và tên») — điền trước khi trình ký.")]


def test_locations_name_the_place_a_clerk_can_find(tmp_path) -> None:
    report = check_docx(save(tmp_path / "bad.docx", Good(so="Số: 7/KH-SNV", khoan=(1, 3))))
    by_rule = {f.rule: f for f in report.findings}
    assert by_rule["so.format"].location == "Đầu trang, ô trái, đoạn 3: «Số: 7/KH-SNV»"
    assert "07" in by_rule["so.format"].message
    num = by_rule["numbering.order"]
    assert num.location.startswith("Đoạn ") and "«3. Tăng cường" in num.location
    assert "phải là «2.»" in num.message


def test_word_auto_numbering_e_after_d_is_caught(tmp_path) -> None:
    """Word's automatic a) b) c) list prints e) where ND30 wants đ)."""
    from docx.oxml import parse_xml

    doc = build(Good(points=()))
    numbering = doc.part.numbering_part.element
    numbering.append(parse_xml(
        '<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl></w:abstractNum>'))
    numbering.append(parse_xml(
        '<w:num xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    anchor = next(p for p in doc.paragraphs if p.text.startswith("3."))
    for _ in range(5):
        p = anchor.insert_paragraph_before("")
        p._p.remove(p._p.pPr) if p._p.pPr is not None else None
        anchor._p.addnext(p._p)
        new = type(anchor)(p._p, anchor._parent)
        new.style = anchor.style
        new.paragraph_format.first_line_indent = anchor.paragraph_format.first_line_indent
        new.paragraph_format.alignment = anchor.paragraph_format.alignment
        new.paragraph_format.space_after = anchor.paragraph_format.space_after
        run = new.add_run("Nội dung điểm")
        run.font.size = anchor.runs[0].font.size
        run.font.name = "Times New Roman"
        numpr = parse_xml('<w:numPr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
                          '2006/main"><w:ilvl w:val="0"/><w:numId w:val="90"/></w:numPr>')
        new._p.get_or_add_pPr().append(numpr)
        anchor = new
    path = tmp_path / "auto.docx"
    doc.save(str(path))
    report = check_docx(path)
    msgs = [f.message for f in report.findings if f.rule == "numbering.order"]
    assert len(msgs) == 1 and "«e)»" in msgs[0] and "«đ)»" in msgs[0] and "tự động" in msgs[0]


def test_replace_keeps_defaults() -> None:
    assert replace(Good(), so="x").co_quan == Good().co_quan


CONG_VAN = dict(cong_van=True, so="Số: 12/SNV-TCCB")


def test_good_cong_van_has_no_finding(tmp_path) -> None:
    report = check_docx(save(tmp_path / "cv.docx", Good(**CONG_VAN)))
    assert report.findings == [], [f.render() for f in report.findings]


@pytest.mark.parametrize(("rule", "good"), [
    ("so.type", Good(**{**CONG_VAN, "so": "Số: 12/KH-SNV"})),
    ("so.type", Good(**{**CONG_VAN, "so": "Số: 12/SNV"})),
    ("title.trich_yeu", Good(**CONG_VAN, vv=None)),
    ("title.trich_yeu", Good(**CONG_VAN, vv_size=14)),
])
def test_cong_van_defects(tmp_path, rule: str, good: Good) -> None:
    report = check_docx(save(tmp_path / "cv.docx", good))
    assert report.rules_fired() == {rule}, [f.render() for f in report.findings]


def test_blocks_typed_with_line_breaks_pass(tmp_path) -> None:
    report = check_docx(save(tmp_path / "br.docx", Good(line_breaks=True)))
    assert report.findings == [], [f.render() for f in report.findings]


@pytest.mark.parametrize(("rule", "good"), [
    ("header.co_quan", Good(line_breaks=True, co_quan_size=14)),
    ("header.tieu_ngu_rule", Good(line_breaks=True, tieu_ngu_rule=False)),
    ("header.tieu_ngu", Good(line_breaks=True, tieu_ngu="Độc lập – Tự do – Hạnh phúc")),
    ("noi_nhan.items", Good(line_breaks=True, noi_nhan=("- Bộ Nội vụ", "- UBND tỉnh;"))),
    ("noi_nhan.luu", Good(line_breaks=True, luu="- Lưu VT.")),
    ("signature.capacity", Good(line_breaks=True, capacity="T/M UBND TỈNH")),
    ("signature.name", Good(line_breaks=True, signer_bold=False)),
    ("signature.name", Good(line_breaks=True, signer="NGUYỄN VĂN AN")),
    ("title.trich_yeu", Good(line_breaks=True, trich_yeu_bold=False)),
    ("title.ten_loai", Good(line_breaks=True, ten_loai_bold=False)),
    ("title.trich_yeu_rule", Good(line_breaks=True, trich_yeu_rule=False)),
])
def test_line_break_blocks_are_checked_line_by_line(tmp_path, rule: str, good: Good) -> None:
    report = check_docx(save(tmp_path / "br.docx", good))
    assert report.rules_fired() == {rule}, [f.render() for f in report.findings]


def test_upper_case_signer_name_is_reported_as_a_name(tmp_path) -> None:
    report = check_docx(save(tmp_path / "ten.docx", Good(signer="NGUYỄN VĂN AN")))
    assert report.rules_fired() == {"signature.name"}
    assert "không được viết in hoa toàn bộ" in report.errors[0].message


def test_decision_with_a_year_is_a_legal_document(tmp_path) -> None:
    g = Good(ten_loai="QUYẾT ĐỊNH", so="Số: 15/2020/QĐ-UBND")
    report = check_docx(save(tmp_path / "qd.docx", g))
    assert report.errors == []
    assert {f.rule for f in report.infos} == {"so.format", "title.ten_loai"}
    # the same decision without a year is an administrative one, checked against Phụ lục III
    assert check_docx(save(tmp_path / "qd2.docx", replace(g, so="Số: 15/QĐ-UBND"))).findings == []


def test_header_typed_with_tabs_passes(tmp_path) -> None:
    report = check_docx(save(tmp_path / "tab.docx", Good(tabbed_header=True)))
    assert report.findings == [], [f.render() for f in report.findings]


@pytest.mark.parametrize(("rule", "good"), [
    ("header.co_quan", Good(tabbed_header=True, co_quan_size=14)),
    ("header.chu_quan", Good(tabbed_header=True, chu_quan_size=14)),
    ("header.co_quan_rule", Good(tabbed_header=True, co_quan_rule=False)),
    ("header.tieu_ngu_rule", Good(tabbed_header=True, tieu_ngu_rule=False)),
    ("header.quoc_hieu", Good(tabbed_header=True, quoc_hieu_bold=False)),
    ("so.format", Good(tabbed_header=True, so="Số: 7/KH-SNV")),
    ("date.format", Good(tabbed_header=True, date_italic=False)),
])
def test_tabbed_header_defects(tmp_path, rule: str, good: Good) -> None:
    report = check_docx(save(tmp_path / "tab.docx", good))
    assert report.rules_fired() == {rule}, [f.render() for f in report.findings]


def test_formatting_held_in_styles_passes(tmp_path) -> None:
    report = check_docx(save(tmp_path / "st.docx", Good(styled=True)))
    assert report.findings == [], [f.render() for f in report.findings]


@pytest.mark.parametrize(("rule", "good"), [
    ("font.body_size", Good(styled=True, style_size=12)),  # size set in the paragraph style
    ("font.name", Good(styled=True, normal_font="Arial")),  # inherited from Normal via basedOn
])
def test_defects_held_in_styles_are_found(tmp_path, rule: str, good: Good) -> None:
    report = check_docx(save(tmp_path / "st.docx", good))
    assert report.rules_fired() == {rule}, [f.render() for f in report.findings]
    assert len([f for f in report.findings if f.rule == rule]) > 1  # every styled paragraph
