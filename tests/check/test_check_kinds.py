"""The checker knows what it checks: gendoc's kind mark, the title of foreign files, and the
note (exit 0) for documents that are not ND30 administrative documents."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from docx import Document

from gendoc.check.marks import NOT_ND30_NOTE, classify, read_mark
from gendoc.docx_builtin import template_marks
from gendoc.kinds import all_kinds

REPO = Path(__file__).resolve().parents[2]


def test_every_builtin_template_carries_its_kinds_mark() -> None:
    kinds = all_kinds()
    for name, (names, official) in template_marks().items():
        if not name.endswith(".docx"):
            continue
        mark = read_mark(REPO / "templates" / name)
        assert mark is not None and mark.source == "mark", name
        assert mark.name == names and mark.nd30 == official, name
        assert official == all(kinds[k].official for k in names.split("+"))
    assert read_mark(REPO / "templates" / "giay_chung_nhan.docx").nd30 is False
    assert read_mark(REPO / "templates" / "ke_hoach.docx").nd30 is True


def _plain(tmp_path: Path, *lines: str) -> Path:
    doc = Document()
    for text in lines:
        doc.add_paragraph(text)
    path = tmp_path / f"{len(lines)}-{abs(hash(lines))}.docx"
    doc.save(str(path))
    return path


def test_a_foreign_file_is_recognised_by_its_title(tmp_path: Path) -> None:
    cert = _plain(tmp_path, "UBND TỈNH AN GIANG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY CHỨNG NHẬN",
                  "Chứng nhận bà Nguyễn Thị A đã hoàn thành khóa học.")
    plan = _plain(tmp_path, "UBND TỈNH AN GIANG", "KẾ HOẠCH", "Danh sách học viên được cử đi học")
    assert read_mark(cert) is None
    assert classify(cert, ["GIẤY CHỨNG NHẬN"]).nd30 is False
    assert classify(plan, ["UBND TỈNH AN GIANG", "KẾ HOẠCH", "DANH SÁCH HỌC VIÊN"]).nd30 is True


def test_certificates_and_the_attendance_list_are_noted_not_failed(example_ws: Path, cli) -> None:  # noqa: ANN001
    assert cli("build", str(example_ws / "content/tap-huan"), ws=example_ws).exit_code == 0
    out = example_ws / "output/tap-huan/lop-nu-lanh-dao-2017"
    cert = sorted((out / "giay-chung-nhan").glob("*.docx"))[0]
    sheet = out / "danh-sach-hoc-vien.docx"
    assert read_mark(cert).nd30 is False and read_mark(sheet).name == "danh_sach_hoc_vien"
    assert read_mark(out / "thong-bao.docx").nd30 is True
    with zipfile.ZipFile(sheet) as zf:  # one valid element: Word refuses stray ones
        assert zf.read("docProps/core.xml").decode().count("category") == 2  # <cp:category>…</cp:category>

    result = cli("check", str(cert), str(sheet))
    assert result.exit_code == 0, result.output
    assert f"{cert}: {NOT_ND30_NOTE}." in result.output
    assert f"{sheet}: {NOT_ND30_NOTE}." in result.output
    assert "2 không phải văn bản hành chính" in result.output

    forced = cli("check", "--force", str(cert))  # the ND30 rules on a certificate: it fails them
    assert forced.exit_code == 1 and "KHÔNG ĐẠT" in forced.output

    rows = json.loads(cli("check", "--json", str(cert)).stdout)
    assert rows == [{"file": str(cert), "rule": "kind.not_nd30", "severity": "thong_tin",
                     "severity_label": "thông tin", "location": "Toàn tệp", "message": NOT_ND30_NOTE}]
