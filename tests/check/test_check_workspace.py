"""`gendoc check` with no file: the whole workspace, and each rule across documents.

Every rule is shown firing on the example workspace with one planted fault, and quiet on the
example as shipped (which `gendoc check` must pass with nothing to report)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import load_workbook

from gendoc.check import crossdoc
from gendoc.check.workspace_rules import cross_findings, load_docs
from gendoc.workspace import load_workspace

PROVINCE = "content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml"
SYT = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
HON_DAT = "content/ke-hoach/ubnd-huyen-hon-dat-bdg-2016-2020.yaml"


def edit(ws: Path, name: str, old: str, new: str) -> None:
    path = ws / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def found(ws: Path) -> list[tuple[str, str, str, str]]:
    return [(f.rule, f.severity, f.location, f.message) for f in cross_findings(load_workspace(ws))]


def test_the_example_workspace_reports_nothing(example_ws: Path, cli) -> None:  # noqa: ANN001
    assert cli("build", ws=example_ws).exit_code == 0
    result = cli("check", ws=example_ws)
    assert result.exit_code == 0, result.output
    problems = [ln for ln in result.output.splitlines() if "[lỗi]" in ln or "[cảnh báo]" in ln]
    assert problems == []
    # every output was looked at: the ND30 ones checked, the others noted
    assert re.search(r"Đã kiểm tra (\d+) tệp: (\d+) đạt, 0 không đạt, (\d+) không phải văn bản", result.output)
    assert "giay-chung-nhan/001-" in result.output and "không kiểm tra thể thức" in result.output
    assert "(quy tắc giữa các văn bản): ĐẠT" in result.output


def test_an_issued_parent_must_be_cited_with_its_number_and_date(example_ws: Path) -> None:
    edit(example_ws, PROVINCE, 'so:              # chưa cấp số: in "Số:      /KH-UBND"', "so: 125")
    edit(example_ws, PROVINCE, "ngay: 2016-12    #", "ngay: 2016-12-20    #")
    hits = [f for f in found(example_ws) if f[0] == "xref.parent_citation"]
    cited = {f[2] for f in hits}
    assert cited == {SYT, HON_DAT, "content/ke-hoach/ubnd-thanh-pho-rach-gia-bdg-2016-2020.yaml"}
    assert all(f[1] == "loi" for f in hits)
    assert any("125/KH-UBND" in f[3] for f in hits) and any("20/12/2016" in f[3] for f in hits)
    # the văn thư fills in the citation: that plan is quiet
    edit(example_ws, SYT, "Kế hoạch số       /KH-UBND ngày        tháng 12 năm 2016",
         "Kế hoạch số 125/KH-UBND ngày 20 tháng 12 năm 2016")
    assert SYT not in {f[2] for f in found(example_ws) if f[0] == "xref.parent_citation"}


def test_an_unissued_parent_may_be_cited_with_blanks(example_ws: Path) -> None:
    assert [f for f in found(example_ws) if f[0] == "xref.parent_citation"] == []


def test_the_register_says_when_the_parent_is_issued(example_ws: Path) -> None:
    ws = load_workspace(example_ws)
    docs = load_docs(ws)
    by_path = {d.shown: d for d in docs}

    def register(doc):  # noqa: ANN001, ANN202
        return (7, dt.date(2016, 12, 28)) if doc.shown == PROVINCE else None

    hits = list(crossdoc.parent_citation(docs, by_path, lambda d: "KH-UBND", register))
    assert {shown for shown, *_ in hits} >= {SYT, HON_DAT}
    assert any("07/KH-UBND" in message for _, message, _ in hits)


def test_a_unit_plan_dated_after_the_parents_deadline(example_ws: Path) -> None:
    edit(example_ws, SYT, "ngay: 2017-01-16", "ngay: 2017-02-03")
    hits = [f for f in found(example_ws) if f[0] == "xref.deadline"]
    late = [f for f in hits if f[1] == "canh_bao"]
    assert [f[2] for f in late] == [SYT]
    assert PROVINCE in late[0][3] and "25/01/2017" in late[0][3] and "03/02/2017" in late[0][3]
    # its own text still sends it «trước ngày 25/01/2017»: a contradiction, an error
    assert [f[2] for f in hits if f[1] == "loi"] == [SYT]


def test_a_document_sending_itself_before_its_own_date(example_ws: Path) -> None:
    edit(example_ws, HON_DAT, "ngay sau khi\n        ban hành, kèm văn bản giải trình lý do gửi chậm so với thời hạn 25/01/2017.",
         "trước ngày\n        25/01/2017.")
    hits = [f for f in found(example_ws) if f[0] == "xref.deadline"]
    assert ("xref.deadline", "loi", HON_DAT) in {f[:3] for f in hits}
    assert ("xref.deadline", "canh_bao", HON_DAT) in {f[:3] for f in hits}  # no explanation now


def test_a_report_dated_outside_its_year(example_ws: Path) -> None:
    report = "content/bao-cao/2017/so-y-te.yaml"
    edit(example_ws, report, "ngay: 2017-11-08", "ngay: 2016-11-08")
    hits = [f for f in found(example_ws) if f[0] == "xref.report_year"]
    assert [(f[1], f[2]) for f in hits] == [("loi", report)]
    assert "năm 2017" in hits[0][3] and "năm 2016" in hits[0][3]


def test_a_man_in_a_course_for_women(example_ws: Path) -> None:
    path = example_ws / "content/tap-huan/_du-lieu/hoc-vien.xlsx"
    book = load_workbook(path)
    sheet = book.active
    for row in sheet.iter_rows(min_row=4):
        if row[1].value == "Châu Thị Hồng":
            row[1].value, row[2].value = "Châu Văn Hùng", "Nam"
    book.save(path)
    hits = [f for f in found(example_ws) if f[0] == "xref.course_target"]
    assert len(hits) == 1 and hits[0][1] == "loi"
    assert "Châu Văn Hùng" in hits[0][3] and "giấy chứng nhận" in hits[0][3]


def test_a_unit_named_by_a_name_it_did_not_bear_that_day(tmp_path) -> None:  # noqa: ANN001
    """«thành phố Hà Tiên» in a 2017 document: Hà Tiên was a thị xã until 2018."""
    import shutil

    from tests.conftest import REPO

    ws_root = tmp_path / "ws"
    ws_root.mkdir()
    config = (REPO / "gendoc.yaml").read_text(encoding="utf-8")
    # Hà Tiên as a workspace kept up to date would record it: a city now, a thị xã until 2018.
    history = (
        '    ten: "ỦY BAN NHÂN DÂN\\nTHÀNH PHỐ HÀ TIÊN"\n'
        "    ten_day_du: Ủy ban nhân dân thành phố Hà Tiên\n"
        "    ten_cu:\n"
        "      - den_ngay: 2018-09-30\n"
        '        ten: "ỦY BAN NHÂN DÂN\\nTHỊ XÃ HÀ TIÊN"\n'
        "        ten_day_du: Ủy ban nhân dân thị xã Hà Tiên\n")
    old = ('    ten: "ỦY BAN NHÂN DÂN\\nTHỊ XÃ HÀ TIÊN"\n'
           "    ten_day_du: Ủy ban nhân dân thị xã Hà Tiên\n")
    assert old in config
    (ws_root / "gendoc.yaml").write_text(config.replace(old, history), encoding="utf-8")
    shutil.copytree(REPO / "content", ws_root / "content")
    from gendoc.workspace import load_workspace

    same = [f for f in cross_findings(load_workspace(ws_root)) if f.rule == "xref.unit_name"]
    assert same == []  # the example names every unit as it was then
    course = ws_root / "content" / "tap-huan" / "lop-nu-lanh-dao-2017.yaml"
    course.write_text(course.read_text(encoding="utf-8").replace(
        "Ủy ban nhân dân thị xã Hà Tiên", "Ủy ban nhân dân thành phố Hà Tiên"), encoding="utf-8")
    findings = [f for f in cross_findings(load_workspace(ws_root)) if f.rule == "xref.unit_name"]
    assert len(findings) == 1
    assert findings[0].location == "content/tap-huan/lop-nu-lanh-dao-2017.yaml"
    assert "«Ủy ban nhân dân thành phố Hà Tiên»" in findings[0].message
    assert "«Ủy ban nhân dân thị xã Hà Tiên»" in findings[0].message
