"""Bad participant lists (.xlsx, .csv): each fails its course alone, naming the course file and
its `lop_hoc.danh_sach` line, then the list's file, cell (or line) and column field."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from openpyxl import Workbook

from gendoc.exceptions import ContentError
from gendoc.training.roster import read_roster
from tests.core.test_core_errors import GOOD
from tests.hardening.badfiles import add_bomb, add_many_parts, rewrite_zip, sparse, with_dtd
from tests.hardening.catalogue import fails_alone, run_limited
from tests.training.coursefix import COURSE, HEADING, ROWS, write_course

COURSE_FILE = "content/tap-huan/lop.yaml"
LIST_DIR = "content/tap-huan/_du-lieu"
UNITS = ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính & Kế hoạch"]
LINE = next(n for n, text in enumerate(COURSE.splitlines(), 1) if "danh_sach:" in text)


def course(root: Path, fmt: str, rows: list[list[object]] | None = None) -> tuple[Path, Path]:
    """A workspace with one course (its list written from `rows`) and content/good.yaml."""
    ws = root / "ws"
    roster = write_course(ws, rows if rows is not None else ROWS, fmt=fmt)
    (ws / "content" / "good.yaml").write_text(GOOD, encoding="utf-8")
    return ws, roster


def one_cell(column: int, value: object) -> list[list[object]]:
    """ROWS with the second participant's cell `column` (0 = Họ và tên) replaced."""
    rows = [list(r) for r in ROWS]
    rows[1][column] = value
    return rows


# Second participant: spreadsheet row 4 (title row, heading row, first participant).
# name → (column index in ROWS, value, cell, field, words)
XLSX_CELLS: dict[str, tuple[int, object, str, str, tuple[str, ...]]] = {
    "escaped_vertical_tab": (0, "Lê Văn_x000B_An", "B4", "ho_ten", ("ngắt dòng của Word",)),
    "escaped_nul": (4, "Sở Tư_x0000_pháp", "F4", "don_vi", ("ký tự rỗng",)),
    "escaped_bell": (3, "Phó_x0007_Trưởng phòng", "E4", "chuc_vu", ("U+0007",)),
    "escaped_form_feed": (8, "Khá_x000C_", "J4", "xep_loai", ("ngắt trang",)),
    "escaped_escape": (5, "0913_x001B_111222", "G4", "dien_thoai", ("U+001B",)),
    "escaped_del": (0, "Lê_x007F_ Văn An", "B4", "ho_ten", ("DEL",)),
    "huge_cell": (3, "Chuyên viên " * 500, "E4", "chuc_vu", ("vượt giới hạn 4000 ký tự",)),
}


@pytest.mark.parametrize("name", sorted(XLSX_CELLS))
def test_bad_xlsx_cell_fails_its_course_alone(name: str, tmp_path: Path, cli) -> None:  # noqa: ANN001
    column, value, cell, field, words = XLSX_CELLS[name]
    ws, _ = course(tmp_path, "xlsx", one_cell(column, value))
    message = fails_alone(cli("build", ws=ws), ws, COURSE_FILE, where=f"dòng {LINE}",
                          words=("lop_hoc.danh_sach", *words), bad_outputs=("output/tap-huan",))
    assert f"{LIST_DIR}/hoc-vien.xlsx, ô Học viên!{cell}: trường '{field}'" in message, message


def _bomb(path: Path) -> None:
    add_bomb(path, 80)  # the list may inflate to 64 MB


def _dtd_sheet(path: Path) -> None:
    rewrite_zip(path, with_dtd("xl/worksheets/sheet1.xml"))


def _dtd_strings(path: Path) -> None:
    rewrite_zip(path, with_dtd("xl/workbook.xml"))


def _not_a_zip(path: Path) -> None:
    path.write_bytes(b"Ho va ten;Gioi tinh\nnot a spreadsheet\n")


def _huge_file(path: Path) -> None:
    sparse(path, 21)


def _too_many_rows(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", *HEADING[1:]])
    for index in range(20_100):
        sheet.append([index, "Lê Văn An"])
    book.save(path)


# name → (how the .xlsx is spoilt, words of the message)
XLSX_FILES: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "zip_bomb": (_bomb, ("bung ra 80 MB, vượt giới hạn 64 MB",)),
    "dtd_in_sheet": (_dtd_sheet, ("xl/worksheets/sheet1.xml", "DOCTYPE")),
    "dtd_in_workbook": (_dtd_strings, ("xl/workbook.xml", "DOCTYPE")),
    "too_many_parts": (add_many_parts, ("thành phần, vượt giới hạn 5000",)),
    "not_a_zip": (_not_a_zip, ("không phải tệp Office hợp lệ",)),
    "huge_file": (_huge_file, ("tệp quá lớn (trên 20 MB)",)),
    "too_many_rows": (_too_many_rows, ("quá dài (hơn 20000 dòng)",)),
}


@pytest.mark.parametrize("name", sorted(XLSX_FILES))
def test_bad_xlsx_file_fails_its_course_alone(name: str, tmp_path: Path, cli) -> None:  # noqa: ANN001
    spoil, words = XLSX_FILES[name]
    ws, roster = course(tmp_path, "xlsx")
    spoil(roster)
    message = fails_alone(cli("build", ws=ws), ws, COURSE_FILE, where=f"dòng {LINE}",
                          words=("lop_hoc.danh_sach", f"{LIST_DIR}/hoc-vien.xlsx: ", *words),
                          bad_outputs=("output/tap-huan",))
    assert "BadZipFile" not in message, message


def _csv(path: Path, body: str) -> None:
    path.write_text(",".join(HEADING) + "\n" + body, encoding="utf-8")


PERSON = "1,Lê Văn An,Nam,1979,Chuyên viên,Sở Tư pháp,,,x,\n"


# name → (CSV text after the heading row, line, words)
CSV_CASES: dict[str, tuple[str, int, tuple[str, ...]]] = {
    "vertical_tab": (PERSON + "2,Trần\vThị Bình,Nữ,1980,,Sở Y tế,,,,\n", 3,
                     ("trường 'ho_ten'", "ngắt dòng của Word")),
    "form_feed": (PERSON + "2,Trần Thị Bình,Nữ,1980,Chuyên\fviên,Sở Y tế,,,,\n", 3,
                  ("trường 'chuc_vu'", "ngắt trang")),
    "nul": (PERSON + "2,Trần Thị Bình,Nữ,1980,,Sở\0Y tế,,,,\n", 3,
            ("trường 'don_vi'", "ký tự rỗng")),
    "escape_char": (PERSON + "2,Trần Thị Bình,Nữ,1980,,Sở Y tế,,,,Giỏi\x1b\n", 3,
                    ("trường 'xep_loai'", "U+001B")),
    "long_cell": (PERSON + "2,Trần Thị Bình,Nữ,1980," + "x" * 5000 + ",Sở Y tế,,,,\n", 3,
                  ("trường 'chuc_vu'", "vượt giới hạn 4000 ký tự")),
    "long_line": (PERSON + "2,Trần Thị Bình," + "y" * 70_000 + "\n", 3,
                  ("dòng dài 70016 ký tự, vượt giới hạn 64000",)),
    "quoted_cell_over_csv_limit": (PERSON + '2,"' + ("z" * 60_000 + "\n") * 3 + '",Nữ\n', 3,
                                   ("dài quá giới hạn 4000 ký tự", "ngoặc kép")),
    "quoted_multiline_cell": (PERSON + '2,"Trần Thị\n' + "Bình " * 900 + '",Nữ,1980,,Sở Y tế\n',
                              3, ("trường 'ho_ten'", "vượt giới hạn 4000 ký tự")),
}


@pytest.mark.parametrize("name", sorted(CSV_CASES))
def test_bad_csv_fails_its_course_alone(name: str, tmp_path: Path, cli) -> None:  # noqa: ANN001
    body, line, words = CSV_CASES[name]
    ws, roster = course(tmp_path, "csv")
    _csv(roster, body)
    message = fails_alone(cli("build", ws=ws), ws, COURSE_FILE, where=f"dòng {LINE}",
                          words=("lop_hoc.danh_sach", *words), bad_outputs=("output/tap-huan",))
    assert f"{LIST_DIR}/hoc-vien.csv, dòng {line}" in message, message
    assert "field larger than field limit" not in message and "Error" not in message, message


@pytest.mark.parametrize("name,spoil,words", [
    ("too_many_lines", lambda p: _csv(p, PERSON * 20_100), ("tệp CSV quá dài",)),
    ("huge_file", lambda p: sparse(p, 21), ("tệp quá lớn (trên 20 MB)",)),
    ("not_utf8", lambda p: p.write_bytes(b"STT,H\xf5 v\xe0 t\xean,Gi\xf5i t\xednh\n"),
     ("không phải mã UTF-8",)),
])
def test_bad_csv_file_fails_its_course_alone(name: str, spoil, words, tmp_path: Path,  # noqa: ANN001
                                             cli) -> None:  # noqa: ANN001
    ws, roster = course(tmp_path, "csv")
    spoil(roster)
    fails_alone(cli("build", ws=ws), ws, COURSE_FILE, where=f"dòng {LINE}",
                words=("lop_hoc.danh_sach", f"{LIST_DIR}/hoc-vien.csv: ", *words),
                bad_outputs=("output/tap-huan",))


def test_excel_escapes_are_decoded_in_good_cells(tmp_path: Path) -> None:
    """`_x0042_` is Excel's way of writing "B"; `_x005F_` a literal underscore."""
    rows = one_cell(0, "Lê Văn _x0042_ình")
    rows[1][3] = "Chuyên viên_x005F_x0041_"
    _, roster = course(tmp_path, "xlsx", rows)
    people = read_roster(roster, UNITS).hoc_vien
    assert [p.ho_ten for p in people][1] == "Lê Văn Bình"
    assert people[1].chuc_vu == "Chuyên viên_x0041_"


def test_a_zip_bomb_list_is_refused_within_a_memory_limit(tmp_path: Path) -> None:
    """1 GiB address space: an 80 MB-inflating list (and a 1 GB one) are refused, not read."""
    _, roster = course(tmp_path, "xlsx")
    add_bomb(roster, 1024)
    result = run_limited(f"""
        from pathlib import Path
        from gendoc.exceptions import ContentError
        from gendoc.training.roster import read_roster
        try:
            read_roster(Path({str(roster)!r}), ["Sở Tư pháp"], shown="hv.xlsx")
        except ContentError as exc:
            print(exc.format_message())
    """)
    assert result.returncode == 0, result.stderr
    assert "hv.xlsx: tệp bung ra 1024 MB, vượt giới hạn 64 MB" in result.stdout, result.stdout


@hsettings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=60))
def test_any_cell_text_gives_a_list_or_a_clear_error(tmp_path: Path, text: str) -> None:
    """Whatever a unit types in a name cell of a CSV list: a validated list (names printable)
    or a ContentError naming line and field; no control character ever printed — never another exception."""
    path = tmp_path / "hv.csv"
    quoted = '"' + text.replace('"', '""') + '"'
    path.write_text(",".join(HEADING) + f"\n1,{quoted},Nam,1979,,Sở Tư pháp,,,x,\n",
                    encoding="utf-8", newline="")
    try:
        people = read_roster(path, UNITS, shown="hv.csv").hoc_vien
    except ContentError as exc:
        message = exc.format_message()
        assert message.startswith("hv.csv") and "Traceback" not in message, message
        assert any(p.where is not None or not p.field for p in exc.problems), message
        return
    assert not [ch for ch in people[0].ho_ten if unicodedata.category(ch) in ("Cc", "Cs")]
