"""`gendoc new ke_hoach --unit/--all-units --from`: the derived drafts, as files and as documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from tests.plans.conftest import PROVINCIAL, fresh_ws, invoke, norm, registry, target_codes

DEPT = Path("content/ke-hoach/so-y-te-bdg-2016-2020.yaml")
DISTRICT = Path("content/ke-hoach/ubnd-huyen-hon-dat-bdg-2016-2020.yaml")


@pytest.fixture(scope="module")
def derived(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One workspace where a department, a district and two named departments were derived and
    rendered."""
    ws = fresh_ws(tmp_path_factory.mktemp("derive") / "ws")
    result = invoke(ws, "new", "ke_hoach", "--from", str(ws / PROVINCIAL), "--unit", "so-y-te",
                    "--unit", "ubnd-huyen-hon-dat", "--unit", "so-noi-vu", "--unit", "so-tai-chinh",
                    "--unit", "ubnd-huyen-kien-hai")
    assert result.exit_code == 0, result.output
    built = invoke(ws, "build", "--check", str(ws / "content" / "ke-hoach"))
    assert built.exit_code == 0, built.output + built.stderr
    return ws


def docx_of(ws: Path, content: Path) -> Document:
    out = ws / "output" / content.relative_to("content").with_suffix(".docx")
    return Document(str(out))


def body_text(doc: Document) -> str:
    return norm(" ".join(p.text for p in doc.paragraphs))


def header_cells(doc: Document) -> tuple[list[str], list[str]]:
    left, right = doc.tables[0].rows[0].cells
    return ([p.text for p in left.paragraphs if p.text.strip()],
            [p.text for p in right.paragraphs if p.text.strip()])


def signature(doc: Document) -> list[str]:
    closing = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    return [p.text for p in closing.rows[0].cells[1].paragraphs if p.text.strip()]


def recipients(doc: Document) -> list[str]:
    closing = next(t for t in doc.tables if t.rows[0].cells[0].text.startswith("Nơi nhận"))
    return [p.text for p in closing.rows[0].cells[0].paragraphs if p.text.startswith("- ")]


def assignment_table(doc: Document):  # noqa: ANN201
    return next(t for t in doc.tables if t.rows[0].cells[0].text == "TT")


# -- department ----------------------------------------------------------------------------------

def test_department_header_symbol_and_signer(derived: Path) -> None:
    doc = docx_of(derived, DEPT)
    left, right = header_cells(doc)
    assert left[:2] == ["UBND TỈNH KIÊN GIANG", "SỞ Y TẾ"]
    assert norm(left[-1]) == "Số: /KH-SYT"
    assert right[-1].startswith("Kiên Giang, ngày")
    assert signature(doc) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Họ và tên"]


def test_department_basis_paragraph_cites_the_provincial_plan(derived: Path) -> None:
    text = body_text(docx_of(derived, DEPT))
    assert ("Thực hiện Kế hoạch số /KH-UBND ngày tháng 12 năm 2016 của Ủy ban nhân dân tỉnh Kiên "
            "Giang về triển khai thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, công "
            "chức, viên chức tỉnh Kiên Giang giai đoạn 2016-2020, Sở Y tế xây dựng Kế hoạch") in text
    assert ("KẾ HOẠCH Triển khai thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, "
            "công chức, viên chức Sở Y tế giai đoạn 2016-2020") in text


def test_department_tasks_are_reworded_to_its_scope(derived: Path) -> None:
    text = body_text(docx_of(derived, DEPT))
    assert "bố trí và sử dụng tại Sở và các đơn vị trực thuộc" in text
    assert "phối hợp chặt chẽ giữa các phòng, đơn vị trực thuộc Sở" in text
    assert "của Sở và các đơn vị trực thuộc đến năm 2020" in text
    assert "địa phương trên địa bàn tỉnh" not in text
    # III.1's duties became the unit's own (writing this plan and the yearly report excepted)
    assert "6. Thực hiện các nhiệm vụ được giao tại Kế hoạch của Ủy ban nhân dân tỉnh" in text
    assert "d) Chỉ đạo, hướng dẫn, kiểm tra việc thực hiện các biện pháp bình đẳng giới" in text
    # reporting duty and submission deadline in its own organisation section
    assert ("Định kỳ báo cáo kết quả thực hiện nhiệm vụ thuộc trách nhiệm của Sở Y tế trước ngày "
            "15 tháng 11 hàng năm gửi về Sở Nội vụ") in text
    assert "gửi Kế hoạch này về Ủy ban nhân dân tỉnh (qua Sở Nội vụ) trước ngày 25/01/2017" in text
    assert "(chi tiết tại Phụ lục kèm theo)" in text


def test_department_recipients(derived: Path) -> None:
    lines = recipients(docx_of(derived, DEPT))
    assert lines[:3] == ["- UBND tỉnh (qua Sở Nội vụ);", "- Sở Nội vụ;", "- Ban Giám đốc Sở;"]
    assert "- Phòng Tổ chức cán bộ;" in lines  # its own divisions, from the registry
    assert lines[-1] == "- Lưu: VT."


def test_assignment_table_as_annex(derived: Path) -> None:
    doc = docx_of(derived, DEPT)
    paragraphs = [p for p in doc.paragraphs if p.text.strip()]
    label = next(i for i, p in enumerate(paragraphs) if p.text == "Phụ lục")
    assert paragraphs[label].style.paragraph_format.page_break_before
    assert paragraphs[label + 1].text == "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH"
    assert norm(paragraphs[label + 2].text) == (
        "(Kèm theo Kế hoạch số /KH-SYT ngày tháng 01 năm 2017 của Sở Y tế)")
    table = assignment_table(doc)
    assert [c.text for c in table.rows[0].cells] == [
        "TT", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian thực hiện",
        "Sản phẩm/kết quả"]
    rows = table.rows[1:]
    assert [r.cells[0].text for r in rows] == [str(i) for i in range(1, len(rows) + 1)]
    # pre-filled from the provincial tasks: the five of section II, the duties, the report
    assert rows[0].cells[1].text.startswith("Nâng cao nhận thức, tăng cường trách nhiệm")
    assert rows[-1].cells[1].text == "Báo cáo kết quả thực hiện Kế hoạch"
    assert rows[-1].cells[4].text == "Trước ngày 15 tháng 11 hàng năm"
    assert {r.cells[2].text for r in rows} <= {"Văn phòng Sở", "Phòng Tổ chức cán bộ", "Thanh tra Sở"}


def test_table_header_repeats_rows_never_split_and_widths_fit(derived: Path) -> None:
    doc = docx_of(derived, DEPT)
    table = assignment_table(doc)
    header_pr = table.rows[0]._tr.trPr
    assert header_pr.find(qn("w:tblHeader")) is not None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in table.rows)
    assert all(r._tr.trPr.find(qn("w:tblHeader")) is None for r in table.rows[1:])
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    section = doc.sections[0]
    text_width = section.page_width - section.left_margin - section.right_margin
    total = sum(col.width for col in table.columns)
    assert abs(total - text_width) < 360 * 5  # within 0.05 mm of the ND30 text width


# -- district ------------------------------------------------------------------------------------

def test_district_header_symbol_and_signer(derived: Path) -> None:
    doc = docx_of(derived, DISTRICT)
    left, _ = header_cells(doc)
    assert left[:2] == ["ỦY BAN NHÂN DÂN", "HUYỆN HÒN ĐẤT"]  # no parent line for a UBND
    assert norm(left[-1]) == "Số: /KH-UBND"
    assert header_cells(doc)[1][-1].startswith("Hòn Đất, ngày")
    assert signature(doc)[:3] == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_district_wording(derived: Path) -> None:
    text = body_text(docx_of(derived, DISTRICT))
    assert "viên chức huyện Hòn Đất giai đoạn 2016-2020" in text
    assert "bố trí và sử dụng tại các cơ quan, đơn vị, địa phương trên địa bàn huyện" in text
    assert "đội ngũ nữ cán bộ, công chức, viên chức của huyện" in text
    assert "Phòng Nội vụ huyện là cơ quan thường trực" in text
    assert "Các phòng, ban, ngành huyện và Ủy ban nhân dân các xã, thị trấn" in text
    assert "Sở và các đơn vị trực thuộc" not in text
    assert "trên địa bàn huyện trên địa bàn huyện" not in text
    lines = recipients(docx_of(derived, DISTRICT))
    assert "- TT. Huyện ủy, TT. HĐND huyện;" in lines and "- UBND các xã, thị trấn;" in lines
    table = assignment_table(docx_of(derived, DISTRICT))
    assert {r.cells[2].text for r in table.rows[1:]} <= {"Phòng Nội vụ", "Phòng Văn hóa và Thông tin"}


def test_district_without_towns_names_only_its_communes(derived: Path) -> None:
    text = body_text(docx_of(derived, Path("content/ke-hoach/ubnd-huyen-kien-hai-bdg-2016-2020.yaml")))
    assert "Ủy ban nhân dân các xã căn cứ" in text
    assert "thị trấn" not in text


def test_named_department_gets_its_own_tasks(derived: Path) -> None:
    text = body_text(docx_of(derived, Path("content/ke-hoach/so-noi-vu-bdg-2016-2020.yaml")))
    assert "Rà soát thể chế, chính sách liên quan đến quy hoạch" in text  # III.2.a
    assert "Làm đầu mối phối hợp với Bộ Nội vụ" in text  # III.2.đ
    assert "Phối hợp với Sở Nội vụ trong việc" not in text  # not its own duty
    assert "- Sở Nội vụ;" not in recipients(docx_of(derived, Path(
        "content/ke-hoach/so-noi-vu-bdg-2016-2020.yaml")))
    finance = body_text(docx_of(derived, Path("content/ke-hoach/so-tai-chinh-bdg-2016-2020.yaml")))
    assert "Chịu trách nhiệm bố trí kinh phí để triển khai thực hiện Kế hoạch" in finance


def test_derived_drafts_pass_the_nd30_checker(derived: Path) -> None:
    from gendoc.check import check_docx

    for out in sorted((derived / "output" / "ke-hoach").glob("*.docx")):
        report = check_docx(out)
        assert not report.errors, (out.name, [f.message for f in report.errors])


def test_derived_file_links_the_provincial_plan(derived: Path) -> None:
    text = (derived / DEPT).read_text(encoding="utf-8")
    assert f"thuc_hien_ke_hoach: {PROVINCIAL.as_posix()}" in text
    assert "ho_ten:  # điền họ tên người ký" in text
    assert "so:  # văn thư cấp số khi ban hành" in text


# -- all units, overwriting, errors --------------------------------------------------------------

def test_all_units_writes_one_plan_per_registry_unit_and_never_overwrites(plan_ws: Path) -> None:
    from gendoc.document import load_document
    from gendoc.workspace import load_workspace

    result = invoke(plan_ws, "new", "ke_hoach", "--all-units", "--from", str(plan_ws / PROVINCIAL))
    assert result.exit_code == 0, result.output
    written = sorted((plan_ws / "content" / "ke-hoach").glob("*.yaml"))
    written = [p for p in written if p.name != PROVINCIAL.name]
    codes = target_codes()
    assert len(written) == len(codes) == 39  # 24 provincial bodies + 15 district-level
    assert sum(1 for u in registry() if u.get("cap") == "cap_huyen") == 15
    assert f"Đã tạo {len(codes)} tệp." in result.output
    ws = load_workspace(plan_ws)
    for path in written:  # every draft is a valid plan of its own unit
        doc = load_document(ws, path)
        assert path.name.startswith(doc.data.co_quan + "-")

    finished = written[0]
    finished.write_text(finished.read_text(encoding="utf-8") + "# đã sửa tay\n", encoding="utf-8")
    again = invoke(plan_ws, "new", "ke_hoach", "--all-units", "--from", str(plan_ws / PROVINCIAL))
    assert again.exit_code == 0
    assert f"0 kế hoạch mới, {len(codes)} đã có" in again.output
    assert finished.read_text(encoding="utf-8").endswith("# đã sửa tay\n")


def test_single_unit_refuses_to_overwrite_without_force(plan_ws: Path) -> None:
    args = ("new", "ke_hoach", "--unit", "so-y-te", "--from", str(plan_ws / PROVINCIAL))
    assert invoke(plan_ws, *args).exit_code == 0
    target = plan_ws / DEPT
    target.write_text("# bản đơn vị đã sửa\n", encoding="utf-8")
    refused = invoke(plan_ws, *args)
    assert refused.exit_code == 1
    assert "đã có — không ghi đè" in refused.stderr and "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == "# bản đơn vị đã sửa\n"
    forced = invoke(plan_ws, *args, "--force")
    assert forced.exit_code == 0
    assert "loai: ke_hoach" in target.read_text(encoding="utf-8")


def test_unknown_unit_lists_close_matches(plan_ws: Path) -> None:
    result = invoke(plan_ws, "new", "ke_hoach", "--unit", "so-y-tê", "--from", str(plan_ws / PROVINCIAL))
    assert result.exit_code == 1
    assert "không có cơ quan mã 'so-y-tê'" in result.stderr
    assert "so-y-te" in result.stderr.split("có phải ý là:")[1]
    assert "Traceback" not in result.output + result.stderr
    assert not list((plan_ws / "content" / "ke-hoach").glob("so-*.yaml"))


def test_output_option_file_and_folder(plan_ws: Path) -> None:
    one = invoke(plan_ws, "new", "ke_hoach", "--unit", "so-y-te", "--from", str(plan_ws / PROVINCIAL),
                 "-o", str(plan_ws / "content" / "don-vi" / "syt.yaml"))
    assert one.exit_code == 0 and (plan_ws / "content" / "don-vi" / "syt.yaml").is_file()
    many = invoke(plan_ws, "new", "ke_hoach", "--unit", "so-y-te", "--unit", "so-tu-phap",
                  "--from", str(plan_ws / PROVINCIAL), "-o", str(plan_ws / "content" / "nhap"))
    assert many.exit_code == 0
    assert sorted(p.name for p in (plan_ws / "content" / "nhap").iterdir()) == [
        "so-tu-phap-bdg-2016-2020.yaml", "so-y-te-bdg-2016-2020.yaml"]


@pytest.mark.parametrize("args, message", [
    (("--from", "content/khong-co.yaml", "--unit", "so-y-te"), "không tìm thấy kế hoạch gốc"),
    (("--from", str(PROVINCIAL)), "chọn đơn vị"),
    (("--from", str(PROVINCIAL), "--unit", "ubnd-tinh"), "cơ quan ban hành kế hoạch gốc"),
    (("--from", str(PROVINCIAL), "--unit", "so-y-te", "-o", "/tmp/ngoai.yaml"), "nằm ngoài thư mục"),
    (("--from", str(PROVINCIAL), "--all-units", "-o", "content/a.yaml"), "phải là một thư mục"),
    (("--from", str(PROVINCIAL), "--all-units", "--unit", "so-y-te"), "không dùng cả hai"),
    (("--from", str(PROVINCIAL), "--unit", "so-y-te", "--xlsx"), "--xlsx không dùng cho kế hoạch"),
])
def test_bad_options_are_clear_errors(plan_ws: Path, monkeypatch: pytest.MonkeyPatch,
                                      args: tuple[str, ...], message: str) -> None:
    monkeypatch.chdir(plan_ws)
    result = invoke(plan_ws, "new", "ke_hoach", *args)
    assert result.exit_code == 1
    assert message in result.stderr
    assert not Path("/tmp/ngoai.yaml").exists()


def test_from_defaults_to_the_one_provincial_plan(plan_ws: Path) -> None:
    result = invoke(plan_ws, "new", "ke_hoach", "--unit", "so-y-te")
    assert result.exit_code == 0, result.output
    assert f"Kế hoạch gốc: {PROVINCIAL.as_posix()}" in result.stdout
    (plan_ws / "content" / "ke-hoach" / "khac.yaml").write_text(
        (plan_ws / PROVINCIAL).read_text(encoding="utf-8"), encoding="utf-8")
    ambiguous = invoke(plan_ws, "new", "ke_hoach", "--unit", "so-tu-phap")
    assert ambiguous.exit_code == 1
    assert "--from" in ambiguous.stderr and "khac.yaml" in ambiguous.stderr
