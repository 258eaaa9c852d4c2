"""Every inspection output opened with python-docx: text, tables, signatures, annex; and the
ND30 check passing on each."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from gendoc.check import check_docx

UNITS = ["so-tu-phap", "so-lao-dong-thuong-binh-va-xa-hoi", "so-tai-chinh",
         "so-giao-duc-va-dao-tao"]


def text_of(path: Path) -> str:
    return "\n".join(p.text for p in Document(str(path)).paragraphs)


def table_with(path: Path, first_cell: str) -> list[list[str]]:
    for table in Document(str(path)).tables:
        rows = [[c.text for c in r.cells] for r in table.rows]
        if rows and rows[0][0] == first_cell and len(rows[0]) > 2:
            return rows
    raise AssertionError(f"no table starting with {first_cell!r} in {path.name}")


def test_every_output_is_made_and_passes_the_nd30_check(built) -> None:  # noqa: ANN001
    root, report = built
    docx = sorted(p for r in report.results for p in r.outputs if p.suffix == ".docx")
    names = sorted(p.relative_to(root / "output" / "kiem-tra").as_posix() for p in docx)
    assert names == sorted(["bao-cao-ket-qua-kiem-tra-2018.docx", "de-cuong-bao-cao-2018.docx",
                            "ke-hoach-kiem-tra-2018.docx", "quyet-dinh-doan-kiem-tra-2018.docx",
                            "thong-bao-ket-luan-kiem-tra-2018.docx",
                            *[f"bien-ban-kiem-tra-2018/{u}.docx" for u in UNITS]])
    for path in docx:
        result = check_docx(path)
        assert result.errors == [], (path.name, [f.render() for f in result.errors])
        assert result.warnings == [], (path.name, [f.render() for f in result.warnings])
        assert {f.rule for f in result.infos} <= {"draft.placeholder"}


def test_plan_lists_checklist_from_the_provincial_tasks_schedule_and_team(out: Path) -> None:
    path = out / "ke-hoach-kiem-tra-2018.docx"
    text = text_of(path)
    for heading in ("I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG KIỂM TRA", "V. TỔ CHỨC THỰC HIỆN"):
        assert heading in text
    assert "1. Nâng cao nhận thức, tăng cường trách nhiệm của người đứng đầu" in text
    assert "7. Thực hiện chế độ thông tin, báo cáo." in text
    schedule = table_with(path, "TT")
    assert schedule[0] == ["TT", "Đơn vị được kiểm tra", "Thời gian", "Địa điểm"]
    assert [r[1] for r in schedule[1:]] == ["Sở Tư pháp", "Sở Lao động - Thương binh và Xã hội",
                                            "Sở Tài chính", "Sở Giáo dục và Đào tạo"]
    assert schedule[1][2] == "Sáng ngày 09/10/2018"
    assert schedule[4][3] == "Phòng họp Sở Giáo dục và Đào tạo"
    assert "- Sở Tài chính: chưa ban hành kế hoạch triển khai thực hiện; chưa gửi báo cáo năm 2017." in text
    assert "- Lê Văn Thành, Phó Giám đốc Sở Nội vụ — Trưởng đoàn;" in text
    assert "trước ngày 01/10/2018" in text


def test_decision_has_three_articles_and_the_team_annex_with_roles(out: Path) -> None:
    path = out / "quyet-dinh-doan-kiem-tra-2018.docx"
    doc = Document(str(path))
    text = text_of(path)
    assert "GIÁM ĐỐC SỞ NỘI VỤ" in text and "QUYẾT ĐỊNH:" in text
    articles = [p.text for p in doc.paragraphs if p.text.startswith("Điều ")]
    assert [a.split(".")[0] for a in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    assert "Sở Tư pháp, Sở Lao động - Thương binh và Xã hội, Sở Tài chính, Sở Giáo dục và Đào "\
           "tạo, từ ngày 09/10/2018 đến ngày 12/10/2018" in articles[1]
    label = next(p for p in doc.paragraphs if p.text == "Phụ lục")
    assert label.style.name == "ND30 Phu luc"
    assert "DANH SÁCH THÀNH VIÊN ĐOÀN KIỂM TRA" in text
    assert "(Kèm theo Quyết định số" in text and "/QĐ-SNV" in text
    team = table_with(path, "TT")
    assert [(r[1], r[3]) for r in team[1:]] == [
        ("Lê Văn Thành", "Trưởng đoàn"), ("Nguyễn Thị Mỹ Hạnh", "Phó Trưởng đoàn"),
        ("Trần Quốc Bảo", "Thành viên"), ("Phạm Thị Thu Trang", "Thư ký")]


def test_outline_asks_the_checklist_and_comes_with_one_form_per_unit(out: Path) -> None:
    text = text_of(out / "de-cuong-bao-cao-2018.docx")
    assert "HƯỚNG DẪN" in text and "ĐỀ CƯƠNG BÁO CÁO" in text
    assert "- Xây dựng và phê duyệt quy hoạch nguồn nữ cán bộ" in text  # a point of task 2
    assert "Biểu tự đánh giá (tệp Excel gửi kèm) gửi về Sở Nội vụ trước ngày 01/10/2018" in text
    forms = sorted(p.stem for p in (out / "de-cuong-bao-cao-2018-tu-danh-gia").glob("*.xlsx"))
    assert forms == sorted(UNITS)


@pytest.mark.parametrize("unit", UNITS)
def test_minutes_per_unit_findings_figures_and_two_signatures(out: Path, unit: str) -> None:
    path = out / "bien-ban-kiem-tra-2018" / f"{unit}.docx"
    doc = Document(str(path))
    text = text_of(path)
    assert "BIÊN BẢN" in text and "/BB-SNV" in doc.tables[0].rows[0].cells[0].text
    findings = table_with(path, "TT")
    assert findings[0][1] == "Nội dung kiểm tra" and len(findings) == 8
    verdicts = [r[-2] for r in findings[1:]]
    assert set(verdicts) <= {"Đạt", "Chưa đạt"} and verdicts[5] == "Chưa đạt"  # no unit plan
    [row] = doc.tables[-1].rows  # one row: the block never breaks across pages
    assert row._tr.trPr is not None and row._tr.trPr.find(qn("w:cantSplit")) is not None
    left, right = ([p.text for p in c.paragraphs] for c in row.cells)
    assert left[:3] == ["ĐẠI DIỆN ĐƠN VỊ ĐƯỢC KIỂM TRA", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
    assert right[0] == "TRƯỞNG ĐOÀN KIỂM TRA" and right[-1] == "Lê Văn Thành"
    unit_signer = left.index("Nơi nhận:") - 1
    assert left[unit_signer] not in ("", "Họ và tên")
    assert unit_signer == len(right) - 1  # the two names on the same line
    assert left[-1] == "- Lưu: VT, Đoàn KT."


def test_minutes_quote_the_unit_report_and_its_self_assessment(out: Path) -> None:
    justice = out / "bien-ban-kiem-tra-2018" / "so-tu-phap.docx"
    text = text_of(justice)
    assert "Theo báo cáo năm 2017 của đơn vị (nhận ngày 13/11/2017, đúng hạn)" in text
    figures = table_with(justice, "STT")
    assert figures[1][1:] == ["Số lượng cán bộ, công chức, viên chức", "60", "26", "43,3"]
    findings = table_with(justice, "TT")
    assert findings[0][2] == "Đơn vị tự đánh giá"
    assert [r[2] for r in findings[1:]] == ["Đạt", "Đạt", "Chưa đạt", "Đạt", "Đạt", "Chưa đạt",
                                            "Đạt"]
    finance = out / "bien-ban-kiem-tra-2018" / "so-tai-chinh.docx"
    assert "Đơn vị chưa gửi báo cáo năm 2017 về Sở Nội vụ." in text_of(finance)
    assert "Đơn vị tự đánh giá" not in [c.text for c in Document(str(finance)).tables[1].rows[0].cells]


def test_report_and_conclusions_consolidate_the_minutes(out: Path) -> None:
    report = out / "bao-cao-ket-qua-kiem-tra-2018.docx"
    summary = table_with(report, "TT")
    assert summary[0] == ["TT", "Nội dung kiểm tra", "Đơn vị đạt", "Đơn vị chưa đạt"]
    assert summary[6][2] == "-" and summary[6][3].count(";") == 3  # nobody had issued a plan
    assert summary[7][3] == "Sở Tài chính" and summary[5][2].count(";") == 3
    assert "tại 4 cơ quan, đơn vị" in text_of(report)
    notice = out / "thong-bao-ket-luan-kiem-tra-2018.docx"
    text = text_of(notice)
    assert "1. Ưu điểm" in text and "Các đơn vị được kiểm tra đều thực hiện đạt các nội dung: " \
        "Nâng cao nhận thức" in text
    fixes = table_with(notice, "TT")
    assert fixes[0] == ["TT", "Đơn vị", "Nội dung phải khắc phục", "Thời hạn"]
    finance = next(r for r in fixes if r[1] == "Sở Tài chính")
    assert "Gửi báo cáo năm 2017 kèm biểu số liệu về Sở Nội vụ" in finance[2]
    assert {r[3] for r in fixes[1:]} == {"31/12/2018"}
    assert "báo cáo kết quả về Sở Nội vụ trước ngày 10/01/2019" in text


def test_same_inputs_give_the_same_bytes(example_ws: Path) -> None:
    import hashlib

    from gendoc.build import build
    from gendoc.workspace import load_workspace

    folder = example_ws / "content" / "kiem-tra"

    def digests() -> dict[str, str]:
        report = build(load_workspace(example_ws), [folder])
        assert report.ok
        return {p.relative_to(example_ws).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
                for r in report.results for p in r.outputs}

    first = digests()
    assert len(first) == 13 and any(name.endswith(".xlsx") for name in first)
    assert digests() == first


def test_content_is_printed_literally(example_ws: Path) -> None:
    """Text from a content file is data: template syntax, `&`, `<` and quotes come out as typed."""
    from gendoc.build import build
    from gendoc.workspace import load_workspace

    path = example_ws / "content" / "kiem-tra" / "bien-ban-kiem-tra-2018.yaml"
    odd = '{{ 7*7 }} & <b>in đậm</b> "trích" {% if x %}'
    text = path.read_text(encoding="utf-8").replace(
        '"Tổ chức 02 cuộc tuyên truyền, lồng ghép trong sinh hoạt cơ quan."',
        "'" + odd.replace("'", "''") + "'", 1)
    path.write_text(text, encoding="utf-8")
    report = build(load_workspace(example_ws), [path])
    assert report.ok, [e.format_message() for _, e in report.failures]
    findings = table_with(example_ws / "output/kiem-tra/bien-ban-kiem-tra-2018/so-tu-phap.docx",
                          "TT")
    assert findings[1][-1] == odd
