"""Participant lists: every bad cell reported at once with its sheet!cell (or line), nothing built."""

from __future__ import annotations

from pathlib import Path

import pytest
from coursefix import ROWS, write_roster
from hypothesis import given, settings
from hypothesis import strategies as st

from gendoc.exceptions import ContentError
from gendoc.training.roster import read_roster

UNITS = ["Sở Tư pháp", "Sở Y tế", "Sở Tài chính & Kế hoạch"]


def bad_rows() -> list[list[object]]:
    rows = [list(r) for r in ROWS]
    rows[1][1] = "Khác"        # sex   → C4 (title row 1, heading row 2, data from row 3)
    rows[1][2] = "19x9"        # year  → D4
    rows[3][4] = "Sở Y Tê"     # unit, close to "Sở Y tế" → F6
    rows[4][5] = "12ab"        # phone → G7
    return rows


def test_xlsx_errors_name_sheet_and_cell(tmp_path: Path) -> None:
    path = write_roster(tmp_path / "hv.xlsx", bad_rows())
    with pytest.raises(ContentError) as err:
        read_roster(path, UNITS, shown="hv.xlsx")
    message = err.value.format_message()
    where = {p.where for p in err.value.problems}
    assert where == {"Học viên!C4", "Học viên!D4", "Học viên!F6", "Học viên!G7"}
    assert "hv.xlsx: 4 lỗi" in message
    assert "ô Học viên!D4: trường 'nam_sinh'" in message and "'19x9' không phải năm sinh" in message
    assert "có phải ý là 'Sở Y tế'?" in message


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    path = write_roster(tmp_path / "hv.csv", bad_rows())
    with pytest.raises(ContentError) as err:
        read_roster(path, UNITS)
    assert {p.where for p in err.value.problems} == {3, 5, 6}  # heading on line 1


def test_yaml_errors_name_the_line(tmp_path: Path) -> None:
    path = write_roster(tmp_path / "hv.yaml", bad_rows())
    with pytest.raises(ContentError) as err:
        read_roster(path, UNITS)
    lines = path.read_text(encoding="utf-8").splitlines()
    for problem in err.value.problems:
        assert problem.field.split(".")[-1] in lines[problem.where - 1], problem


def test_valid_list_in_each_format_gives_the_same_people(tmp_path: Path) -> None:
    people = [read_roster(write_roster(tmp_path / f"hv.{fmt}", ROWS), UNITS).hoc_vien
              for fmt in ("xlsx", "csv", "yaml")]
    assert people[0] == people[1] == people[2]
    assert [p.hoan_thanh for p in people[0]] == [bool(r[7]) for r in ROWS]
    assert people[0][0].dien_thoai == "0913 111 222"


def test_duplicate_person_and_missing_column(tmp_path: Path) -> None:
    path = write_roster(tmp_path / "hv.xlsx", [*ROWS, ROWS[0]])
    with pytest.raises(ContentError) as err:
        read_roster(path, UNITS)
    assert "bị ghi hai lần" in err.value.format_message() and "Học viên!B3" in err.value.format_message()

    csv = tmp_path / "thieu.csv"
    csv.write_text("Họ và tên,Giới tính,Đơn vị\nTrần Thị Bình,Nữ,Sở Y tế\n", encoding="utf-8")
    with pytest.raises(ContentError, match="thiếu cột: nam_sinh"):
        read_roster(csv, UNITS)


def test_headings_are_matched_without_accents_or_case(tmp_path: Path) -> None:
    csv = tmp_path / "hv.csv"
    csv.write_text("HỌ TÊN;NAM/NỮ;năm sinh;Don vi cong tac;Hoàn thành\n"
                   "Trần Thị Bình;nữ;01/02/1980;sở y tế;Đã hoàn thành\n", encoding="utf-8")
    (person,) = read_roster(csv, UNITS).hoc_vien
    assert (person.gioi_tinh, person.nam_sinh, person.don_vi, person.hoan_thanh) == \
        ("Nữ", 1980, "Sở Y tế", True)


def test_not_a_spreadsheet(tmp_path: Path) -> None:
    fake = tmp_path / "hv.xlsx"
    fake.write_bytes(b"not a zip")
    with pytest.raises(ContentError, match="không phải tệp Office hợp lệ"):
        read_roster(fake, UNITS)


def test_bad_list_fails_the_build_and_writes_nothing(course_ws, cli) -> None:  # noqa: ANN001
    ws = course_ws(rows=bad_rows())
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert "Học viên!D4" in result.stderr and "Traceback" not in result.stderr
    assert not (ws / "output" / "tap-huan").exists()


SYLLABLES = ["Nguyễn", "Trần", "Lê", "Thị", "Văn", "Ngọc", "Ánh", "Đào", "Hương", "Yến", "Ý", "Ưng",
             "Châu", "Quỳnh", "Thuỷ", "Thủy", "An", "Bình", "Đức", "Hòa", "Hoà"]
name_st = st.lists(st.sampled_from(SYLLABLES), min_size=2, max_size=4).map(" ".join)
title_st = st.text(alphabet="aăâbcdđeêghiklmnoôơ ,;\"'&<>-()", max_size=30)


@settings(max_examples=30, deadline=None)
@given(people=st.lists(st.tuples(name_st, st.sampled_from(["Nam", "Nữ", "nữ", "NAM"]),
                                  st.integers(1960, 2000), title_st, st.booleans()),
                       min_size=1, max_size=8, unique_by=lambda p: p[0]))
def test_any_valid_csv_list_reads_back_exactly(tmp_path_factory, people) -> None:  # noqa: ANN001
    rows = [[n, sex, year, title, "Sở Y tế", "", "", "x" if done else "", ""]
            for n, sex, year, title, done in people]
    path = write_roster(tmp_path_factory.mktemp("csv") / "hv.csv", rows)
    read = read_roster(path, UNITS).hoc_vien
    assert [p.ho_ten for p in read] == [n for n, *_ in people]
    assert [p.gioi_tinh for p in read] == ["Nam" if s.lower() == "nam" else "Nữ" for _, s, *_ in people]
    assert [p.chuc_vu for p in read] == [" ".join(t.split()) or None for *_, t, _ in people]
    assert [p.hoan_thanh for p in read] == [d for *_, d in people]


def test_names_typed_in_capitals_or_lower_case_are_written_properly(tmp_path: Path) -> None:
    rows = [["TRẦN THỊ BÌNH", "Nữ", 1980, "", "Sở Y tế", "", "", "", ""],
            ["lê văn an", "Nam", 1979, "", "Sở Y tế", "", "", "", ""]]
    people = read_roster(write_roster(tmp_path / "hv.xlsx", rows), UNITS).hoc_vien
    assert [p.ho_ten for p in people] == ["Trần Thị Bình", "Lê Văn An"]


def test_missing_list_file_points_at_the_field(course_ws, cli) -> None:  # noqa: ANN001
    ws = course_ws()
    path = ws / "content/tap-huan/lop.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("hoc-vien.xlsx", "hoc-vien-2.xlsx"),
                    encoding="utf-8")
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                if "danh_sach:" in t)
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert f"lop.yaml, dòng {line}: trường 'lop_hoc.danh_sach': không tìm thấy tệp" in result.stderr
