"""`gendoc new thong_bao`: the skeleton builds at once, and the form it writes is read back."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook


def test_new_course_builds_and_its_form_feeds_the_certificates(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws()
    result = cli("new", "thong_bao", "--unit", "ubnd-tinh", "--unit", "so-noi-vu", ws=ws)
    assert result.exit_code == 0, result.output + result.stderr
    course = ws / "content/tap-huan/lop-moi.yaml"
    form = ws / "content/tap-huan/_du-lieu/lop-moi-hoc-vien.xlsx"
    assert course.is_file() and form.is_file()

    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.stderr
    out = ws / "output/tap-huan/lop-moi"
    assert sorted(p.name for p in (out / "giay-moi").glob("*.docx")) == [
        "01-uy-ban-nhan-dan-tinh-kien-giang.docx", "02-so-noi-vu.docx"]
    assert not (out / "giay-chung-nhan").exists()

    # A unit fills the form; the clerk enables danh_sach and rebuilds.
    book = load_workbook(form)
    sheet = book["Học viên"]
    assert [c.value for c in sheet[2]][:4] == ["STT", "Họ và tên", "Giới tính", "Năm sinh"]
    sheet.append([1, "Trần Thị Bình", "Nữ", 1980, "Trưởng phòng", "Sở Nội vụ", "", "", "x", "Giỏi"])
    sheet.append([2, "Lê Văn An", "Nam", 1979, "", "Ủy ban nhân dân tỉnh Kiên Giang", "", "", "", ""])
    book.save(form)
    text = course.read_text(encoding="utf-8").replace("  # danh_sach:", "  danh_sach:")
    course.write_text(text, encoding="utf-8")
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in (out / "giay-chung-nhan").glob("*.docx")] == ["001-tran-thi-binh.docx"]


def test_new_course_never_overwrites_without_force(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws()
    assert cli("new", "thong_bao", ws=ws).exit_code == 0
    course = Path(ws) / "content/tap-huan/lop-moi.yaml"
    course.write_text("# sửa tay\n" + course.read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("new", "thong_bao", ws=ws)
    assert result.exit_code == 1 and "--force" in result.stderr
    assert course.read_text(encoding="utf-8").startswith("# sửa tay")
