"""A course content file builds its whole package: counts, order, table layout, ND30 checks."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from coursefix import ROWS, SINGLE_CERTIFICATE
from docx import Document
from docx.oxml.ns import qn
from lxml import etree

from gendoc.build import build
from gendoc.check import check_docx
from gendoc.workspace import load_workspace

OUT = Path("output/tap-huan/lop")
COMPLETERS = [r[0] for r in ROWS if r[7]]  # rows marked x / có in the list


def built(ws_path: Path):  # noqa: ANN201 - BuildReport
    report = build(load_workspace(ws_path))
    assert report.ok, [e.format_message() for _, e in report.failures]
    return report


def texts(path: Path) -> list[str]:
    doc = Document(str(path))
    out = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        out += [cell.text for row in table.rows for cell in row.cells]
    return out


def roster_table(doc):  # noqa: ANN001, ANN201 - python-docx objects
    return next(t for t in doc.tables if t.rows[0].cells[1].text == "Họ và tên")


def roster_rows(doc):  # noqa: ANN001, ANN201
    """The participants' rows in print order: the table's, then those of the closing row (the
    last participant prints with the signer, in a table nested in the last row)."""
    table = roster_table(doc)
    closing = table.rows[-1].cells[0]
    return list(table.rows[2:-1]) + [row for t in closing.tables for row in t.rows
                                     if len(row.cells) == len(table.columns)]


def paragraphs_in_order(path: Path) -> list[str]:
    """Every paragraph's text of word/document.xml, tables included, in document order."""
    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("word/document.xml"))
    return ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in root.iter(qn("w:p"))]


def test_one_invitation_per_unit_and_one_certificate_per_completer(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    report = built(ws)
    out = ws / OUT
    invitations = sorted((out / "giay-moi").glob("*.docx"))
    certificates = sorted((out / "giay-chung-nhan").glob("*.docx"))
    assert [p.name for p in invitations] == ["01-so-tu-phap.docx", "02-so-y-te.docx",
                                             "03-so-tai-chinh-ke-hoach.docx"]
    assert len(certificates) == len(COMPLETERS) == 5
    assert set(report.results[0].outputs) >= {*invitations, *certificates}
    # Each invitation is addressed to its unit and states who the unit sends.
    tu_phap = "\n".join(texts(invitations[0]))
    assert "Sở Nội vụ trân trọng kính mời: Sở Tư pháp" in tu_phap
    assert "cử 03 (ba) học viên có tên sau" in tu_phap
    assert "Số:" in tu_phap and "/GM-SNV" in tu_phap
    # The numbers in the register follow the attendance order; names printed upper-case.
    first = "\n".join(texts(certificates[0]))
    assert "Ông: LÊ VĂN AN" in first and "Số vào sổ: 001/GCN-SNV" in first
    assert "GIÁM ĐỐC SỞ NỘI VỤ TỈNH KIÊN GIANG" in first


def test_invitations_per_participant(course_ws) -> None:  # noqa: ANN001
    ws = course_ws(gui_theo="hoc_vien")
    built(ws)
    invitations = sorted((ws / OUT / "giay-moi").glob("*.docx"))
    assert len(invitations) == len(ROWS)
    body = "\n".join(texts(invitations[0]))
    assert "trân trọng kính mời: Ông Lê Văn An, Phó Trưởng phòng, Sở Tư pháp" in body


def test_special_characters_are_printed_literally(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    built(ws)
    dao = next((ws / OUT / "giay-chung-nhan").glob("*-do-thi-dao.docx"))
    assert 'Chức vụ, đơn vị công tác: Chuyên viên "A" & <B>, Sở Y tế' in texts(dao)
    unit = next((ws / OUT / "giay-moi").glob("03-*.docx"))
    assert any("kính mời: Sở Tài chính & Kế hoạch" in t for t in texts(unit))


def test_certificate_is_landscape_with_a_page_border(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    built(ws)
    cert = Document(str(next((ws / OUT / "giay-chung-nhan").glob("001-*.docx"))))
    section = cert.sections[0]
    assert section.page_width > section.page_height
    assert round(section.page_width.mm) == 297 and round(section.page_height.mm) == 210
    assert section._sectPr.find(qn("w:pgBorders")) is not None


def test_attendance_list_grouped_by_unit_in_official_name_order(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    built(ws)
    doc = Document(str(ws / OUT / "danh-sach-hoc-vien.docx"))
    rows = roster_rows(doc)
    first_cells = [row.cells[1].text for row in rows]
    # Units in the announcement's order; inside each unit given name first: An < Ánh < Bình,
    # Đào < Yến (đ sorts after d, as in the Vietnamese alphabet).
    assert first_cells == [
        "I. Sở Tư pháp (03 học viên)", "Lê Văn An", "Nguyễn Thị Ánh", "Trần Thị Bình",
        "II. Sở Y tế (02 học viên)", "Đỗ Thị Đào", "Phạm Thị Yến",
        "III. Sở Tài chính & Kế hoạch (01 học viên)", "Võ Thị Chi",
    ]
    numbers = [row.cells[0].text for row in rows if row.cells[0].text.isdigit()]
    assert numbers == [str(i) for i in range(1, len(ROWS) + 1)]
    # The year goes in the Nam or Nữ column.
    an = next(row for row in rows if row.cells[1].text == "Lê Văn An")
    assert (an.cells[2].text, an.cells[3].text) == ("1979", "")
    path = ws / OUT / "danh-sach-hoc-vien.docx"
    assert "Danh sách có 06 học viên (05 nữ, 01 nam) của 03 đơn vị./." in paragraphs_in_order(path)


def test_attendance_header_rows_repeat_and_rows_never_split(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    built(ws)
    table = roster_table(Document(str(ws / OUT / "danh-sach-hoc-vien.docx")))
    flags = []
    for row in table.rows:
        tr_pr = row._tr.trPr
        flags.append((tr_pr is not None and tr_pr.find(qn("w:tblHeader")) is not None,
                      tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None))
    assert [h for h, _ in flags] == [True, True] + [False] * (len(flags) - 2)
    assert all(c for _, c in flags)
    group = table.rows[2]._tr.tc_lst[0]
    assert group.tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "7"


def test_nd30_documents_of_the_course_pass_the_checker(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    built(ws)
    out = ws / OUT
    for path in [out / "thong-bao.docx", out / "giay-moi-tong-hop.docx",
                 *sorted((out / "giay-moi").glob("*.docx"))]:
        report = check_docx(path)
        assert report.errors == [], (path.name, [f.render() for f in report.errors])


def test_announcement_body_has_quota_and_agenda_tables(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    built(ws)
    doc = Document(str(ws / OUT / "thong-bao.docx"))
    assert "THÔNG BÁO" in [p.text for p in doc.paragraphs]
    quota = next(t for t in doc.tables if t.rows[0].cells[1].text == "Đơn vị")
    assert [r.cells[2].text for r in quota.rows[1:]] == ["03", "02", "02", "07"]
    assert quota.rows[-1].cells[1].paragraphs[0].runs[0].bold
    paras = [p.text for p in doc.paragraphs]
    assert "- Số lượng: 07 (bảy) học viên, phân bổ cho các đơn vị như sau:" in paras
    assert any(p.startswith("5. Đăng ký và liên hệ") for p in paras)
    assert any("trước ngày 25/5/2017" in p for p in paras)


def test_combined_file_has_every_item_each_in_its_own_numbered_section(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    built(ws)
    combined = ws / OUT / "giay-chung-nhan-tong-hop.docx"
    singles = sorted((ws / OUT / "giay-chung-nhan").glob("*.docx"))
    expected = [t for s in singles for t in paragraphs_in_order(s) if t]
    assert [t for t in paragraphs_in_order(combined) if t] == expected
    with zipfile.ZipFile(combined) as zf:
        xml = zf.read("word/document.xml").decode()
    assert xml.count("<w:sectPr") == len(singles)
    assert xml.count('w:type w:val="nextPage"') == len(singles) - 1
    assert xml.count('<w:pgNumType w:start="1"/>') == len(singles)


def test_removed_participant_loses_the_old_certificate(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    built(ws)
    folder = ws / OUT / "giay-chung-nhan"
    assert len(list(folder.glob("*.docx"))) == 5
    from coursefix import write_roster

    write_roster(ws / "content/tap-huan/_du-lieu/hoc-vien.xlsx", ROWS[:3])
    built(ws)
    assert sorted(p.name for p in folder.glob("*.docx")) == ["001-le-van-an.docx", "002-tran-thi-binh.docx"]


@pytest.mark.parametrize("fmt", ["csv", "yaml"])
def test_other_list_formats_build_the_same_package(course_ws, fmt: str) -> None:  # noqa: ANN001
    ws = course_ws(fmt=fmt, name=f"ws-{fmt}")
    built(ws)
    certificates = sorted(p.name for p in (ws / OUT / "giay-chung-nhan").glob("*.docx"))
    assert len(certificates) == len(COMPLETERS)
    assert certificates[0] == "001-le-van-an.docx"


def test_course_without_a_list_builds_announcement_and_unit_invitations(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    path = ws / "content/tap-huan/lop.yaml"
    built(ws)  # a first run with the list made the attendance list and certificates
    assert (ws / OUT / "danh-sach-hoc-vien.docx").exists()
    (ws / OUT / "ghi-chu-cua-van-thu.docx").write_bytes(b"not gendoc's")
    path.write_text(path.read_text(encoding="utf-8").replace("  danh_sach: _du-lieu/hoc-vien.xlsx\n", ""),
                    encoding="utf-8")
    report = built(ws)
    assert (ws / OUT / "ghi-chu-cua-van-thu.docx").read_bytes() == b"not gendoc's"
    assert not (ws / OUT / "giay-chung-nhan").exists()
    assert not (ws / OUT / "danh-sach-hoc-vien.docx").exists()
    assert len(list((ws / OUT / "giay-moi").glob("*.docx"))) == 3
    assert any("chưa có danh sách học viên" in w for _, w in report.warnings)
    body = "\n".join(texts(ws / OUT / "giay-moi/02-so-y-te.docx"))
    assert "cử 02 (hai) học viên tham dự và gửi danh sách về Sở Nội vụ trước ngày 25/5/2017" in body


def test_the_example_course_in_content(example_ws: Path) -> None:
    """The repository's example: 40 participants from 10 units, completers marked in the list."""
    from openpyxl import load_workbook

    ws = load_workspace(example_ws)
    report = build(ws, [example_ws / "content" / "tap-huan"])
    assert report.ok, [e.format_message() for _, e in report.failures]
    sheet = load_workbook(example_ws / "content/tap-huan/_du-lieu/hoc-vien.xlsx").active
    rows = [r for r in sheet.iter_rows(min_row=4, values_only=True) if r[1]]
    units = {r[5] for r in rows}
    done = [r for r in rows if r[8]]
    assert len(rows) == 40 and len(units) == 10
    out = example_ws / "output/tap-huan/lop-nu-lanh-dao-2017"
    assert len(list((out / "giay-moi").glob("*.docx"))) == 10
    assert len(list((out / "giay-chung-nhan").glob("*.docx"))) == len(done)


def test_bad_tap_huan_setting_names_the_line_in_gendoc_yaml(course_ws, cli) -> None:  # noqa: ANN001
    ws = course_ws()
    cfg = ws / "gendoc.yaml"
    text = cfg.read_text(encoding="utf-8").replace("giay_moi_theo: don_vi", "giay_moi_theo: ca_nhan")
    cfg.write_text(text, encoding="utf-8")
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "giay_moi_theo" in t)
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert f"gendoc.yaml, dòng {line}: trường 'tap_huan.giay_moi_theo'" in result.stderr


def test_more_than_the_quota_is_a_warning(course_ws, cli) -> None:  # noqa: ANN001
    rows = [*ROWS, ["Hồ Thị Giang", "Nữ", 1986, "", "Sở Tài chính & Kế hoạch", "", "", "", ""],
            ["Lý Thị Hà", "Nữ", 1987, "", "Sở Tài chính & Kế hoạch", "", "", "", ""]]
    ws = course_ws(rows=rows)
    result = cli("build", ws=ws)
    assert result.exit_code == 0
    assert "Sở Tài chính & Kế hoạch cử 3 học viên, vượt chỉ tiêu 2" in result.stderr


def test_a_single_certificate_by_hand(make_ws, cli) -> None:  # noqa: ANN001
    graded = SINGLE_CERTIFICATE.replace("don_vi: Sở Y tế}", "don_vi: Sở Y tế, xep_loai: Giỏi}")
    assert graded != SINGLE_CERTIFICATE
    ws = make_ws({"content/gcn.yaml": graded})
    result = cli("build", "--check", ws=ws)
    assert result.exit_code == 0, result.stderr  # not an ND30 document: --check leaves it alone
    doc = Document(str(ws / "output/gcn.docx"))
    assert doc.sections[0].page_width > doc.sections[0].page_height
    body = "\n".join(texts(ws / "output/gcn.docx"))
    for line in ("Bà: TRẦN THỊ BÌNH", "Đã hoàn thành chương trình lớp tập huấn bình đẳng giới",
                 "Thời gian: từ ngày 05/6/2017 đến ngày 06/6/2017, tại Hội trường Sở Nội vụ.",
                 "Xếp loại: Giỏi.", "Số vào sổ: 012/GCN", "Kiên Giang, ngày 09 tháng 6 năm 2017"):
        assert line in body


def test_one_sign_in_sheet_per_course_day(course_ws) -> None:  # noqa: ANN001
    ws = course_ws()
    path = ws / "content/tap-huan/lop.yaml"
    text = path.read_text(encoding="utf-8").replace("  danh_sach:", "  ky_ten_theo_ngay: true\n  danh_sach:")
    path.write_text(text, encoding="utf-8")
    built(ws)
    doc = Document(str(ws / OUT / "danh-sach-hoc-vien.docx"))
    days = [p.text for p in doc.paragraphs if p.text.startswith("(Ngày học:")]
    assert days == ["(Ngày học: thứ Hai, ngày 05 tháng 6 năm 2017, tại Hội trường Sở Nội vụ)",
                    "(Ngày học: thứ Ba, ngày 06 tháng 6 năm 2017, tại Hội trường Sở Nội vụ)"]
    sheets = [t for t in doc.tables if t.rows[0].cells[1].text == "Họ và tên"]
    assert len(sheets) == 2
    assert [r.cells[1].text for r in sheets[0].rows] == [r.cells[1].text for r in sheets[1].rows]


def test_a_single_invitation_by_hand_passes_the_checker(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/gm.yaml": """\
        loai: giay_moi
        co_quan: so-noi-vu
        so: 15
        ngay: 2017-05-29
        trich_yeu: Dự hội nghị triển khai công tác bình đẳng giới năm 2017
        kinh_moi: Lãnh đạo các sở, ban, ngành tỉnh
        toi_du: Hội nghị triển khai công tác bình đẳng giới năm 2017
        chu_tri: Ông Nguyễn Văn Minh, Phó Giám đốc Sở Nội vụ
        thoi_gian: 8 giờ 00 phút, thứ Năm, ngày 01 tháng 6 năm 2017
        dia_diem: Hội trường Sở Nội vụ
        ghi_chu: Đề nghị đại biểu dự đúng thành phần, đúng giờ.
        nguoi_ky: {quyen_han: KT. GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn Văn Minh}
        noi_nhan: [Như trên]
        """})
    result = cli("build", "--check", ws=ws)
    assert result.exit_code == 0, result.stderr
    body = texts(ws / "output/gm.docx")
    assert "Số: 15/GM-SNV" in "\n".join(body) and "GIẤY MỜI" in body
    assert "Sở Nội vụ trân trọng kính mời: Lãnh đạo các sở, ban, ngành tỉnh" in body
    assert "Chủ trì: Ông Nguyễn Văn Minh, Phó Giám đốc Sở Nội vụ." in body
    assert "Đề nghị đại biểu dự đúng thành phần, đúng giờ./." in body


def test_certificate_that_may_not_fit_one_page_is_warned(course_ws, cli) -> None:  # noqa: ANN001
    long_title = "Phó Trưởng phòng Quản lý ngân sách kiêm Trưởng bộ phận tiếp nhận " * 3
    rows = [list(r) for r in ROWS]
    rows[3][3] = long_title.strip()  # Phạm Thị Yến: three lines with the unit
    ws = course_ws(rows=rows)
    course = ws / "content/tap-huan/lop.yaml"
    text = course.read_text(encoding="utf-8").replace(
        "dia_diem: Hội trường Sở Nội vụ",
        "dia_diem: Hội trường Trường Chính trị tỉnh Kiên Giang, số 12 đường Lê Lợi, phường Vĩnh Thanh"
        " Vân, thành phố Rạch Giá, tỉnh Kiên Giang (cổng phụ đường Nguyễn Trung Trực, phòng 204)").replace(
        "ten: Lớp tập huấn kỹ năng lãnh đạo cho nữ cán bộ năm 2017",
        "ten: Lớp tập huấn kỹ năng lãnh đạo, quản lý cho nữ cán bộ, công chức, viên chức trong diện quy"
        " hoạch năm 2017")
    course.write_text(text, encoding="utf-8")
    result = cli("build", ws=ws)
    assert result.exit_code == 0
    assert "giấy chứng nhận của Phạm Thị Yến có thể tràn sang trang thứ hai" in result.stderr
    assert "Võ Thị Chi" not in result.stderr  # two lines of title and unit still fit
