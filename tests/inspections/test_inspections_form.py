"""The Excel self-assessment form: locked labels, checked inputs, read back with cell errors."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gendoc.exceptions import ContentError
from gendoc.inspections.form import SHEET, read_form, write_form
from gendoc.inspections.model import NoiDungKiemTra
from gendoc.workspace import load_workspace

REPO = Path(__file__).resolve().parents[2]
# What a cell can hold (Excel refuses control characters, so does openpyxl).
CELL_TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=20)
ITEMS = [NoiDungKiemTra(ma="1", noi_dung="Tuyên truyền"), NoiDungKiemTra(ma="2", noi_dung="Quy hoạch"),
         NoiDungKiemTra(ma="3", noi_dung="Báo cáo")]


@pytest.fixture
def blank(tmp_path: Path) -> Path:
    unit = load_workspace(REPO).unit("so-tu-phap")
    path = tmp_path / "so-tu-phap.xlsx"
    path.write_bytes(write_form(unit, 2017, ITEMS))
    return path


def fill(path: Path, rows: dict[int, tuple[str | None, str | None, str | None]]) -> Path:
    book = openpyxl.load_workbook(path)
    for row, values in rows.items():
        for col, value in zip("CDE", values, strict=True):
            book[SHEET][f"{col}{row}"] = value
    book.save(path)
    return path


def test_labels_are_locked_and_inputs_checked(blank: Path) -> None:
    book = openpyxl.load_workbook(blank)
    sheet = book[SHEET]
    assert sheet.protection.sheet is True
    assert sheet["B5"].value == "Tuyên truyền" and sheet["B5"].protection.locked is True
    assert all(sheet[f"{c}{r}"].protection.locked is False for c in "CDE" for r in (5, 6, 7))
    rules = sheet.data_validations.dataValidation
    verdict = next(v for v in rules if v.type == "list")
    assert verdict.formula1 == '"Đạt,Chưa đạt"' and str(verdict.sqref) == "C5 C6 C7"
    assert book["_gendoc"].sheet_state == "veryHidden"


def test_filled_form_reads_back(blank: Path) -> None:
    fill(blank, {5: ("Đạt", "02 cuộc", None), 6: ("chưa đạt", None, "Quy hoạch chưa phê duyệt"),
                 7: (" Đạt ", None, None)})
    answers = read_form(blank, "f.xlsx", "so-tu-phap", ITEMS)
    assert [answers[c].dat for c in "123"] == [True, False, True]
    assert answers["1"].ket_qua == "02 cuộc" and answers["2"].han_che == "Quy hoạch chưa phê duyệt"


def test_every_problem_is_named_by_its_cell(blank: Path) -> None:
    fill(blank, {5: ("Dat roi", None, None), 6: ("Chưa đạt", None, None), 7: (None, None, None)})
    with pytest.raises(ContentError) as caught:
        read_form(blank, "f.xlsx", "so-tu-phap", ITEMS)
    where = [(p.where, p.message) for p in caught.value.problems]
    assert where == [("Tự đánh giá!C5", "nội dung 1: ghi «Dat roi»"),
                     ("Tự đánh giá!E6", "nội dung 2 tự đánh giá «Chưa đạt» nhưng chưa ghi tồn "
                                         "tại, hạn chế"),
                     ("Tự đánh giá!C7", "nội dung 3: chưa tự đánh giá")]
    assert "ô Tự đánh giá!C5" in caught.value.format_message()


def test_a_form_of_another_unit_or_an_old_checklist_is_refused(blank: Path) -> None:
    with pytest.raises(ContentError, match="của đơn vị 'so-tu-phap'"):
        read_form(blank, "f.xlsx", "so-tai-chinh", ITEMS)
    with pytest.raises(ContentError, match="không khớp kế hoạch kiểm tra"):
        read_form(blank, "f.xlsx", "so-tu-phap", ITEMS[:2])
    other = blank.with_name("plain.xlsx")
    openpyxl.Workbook().save(other)
    with pytest.raises(ContentError, match="không phải Biểu tự đánh giá"):
        read_form(other, "plain.xlsx", "so-tu-phap", ITEMS)


def test_a_bad_returned_form_fails_its_minutes_naming_the_cell(example_ws: Path) -> None:
    from gendoc.build import build

    form = example_ws / "content" / "kiem-tra" / "_tu-danh-gia" / "so-tu-phap.xlsx"
    book = openpyxl.load_workbook(form)
    book[SHEET]["C7"] = "Tốt"
    book.save(form)
    folder = example_ws / "content" / "kiem-tra"
    report = build(load_workspace(example_ws), [folder / "bien-ban-kiem-tra-2018.yaml"])
    [(path, error)] = report.failures
    assert path.name == "bien-ban-kiem-tra-2018.yaml"
    message = error.format_message()
    assert "_tu-danh-gia/so-tu-phap.xlsx" in message and "ô Tự đánh giá!C7" in message
    assert not (example_ws / "output" / "kiem-tra" / "bien-ban-kiem-tra-2018").exists()


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.none(), CELL_TEXT, st.sampled_from(["Đạt", " chưa đạt ", "CHƯA ĐẠT"])),
                min_size=3, max_size=3),
       st.lists(st.one_of(st.none(), CELL_TEXT), min_size=3, max_size=3))
def test_any_typed_answer_reads_back_or_names_its_cells(blank: Path, verdicts: list, limits: list) -> None:  # noqa: E501
    """Whatever a clerk types, the reader returns every answer or a problem per bad cell — never
    a crash, never an answer silently dropped."""
    form = blank.with_name("copy.xlsx")
    form.write_bytes(blank.read_bytes())
    fill(form, {5 + i: (verdicts[i], None, limits[i]) for i in range(3)})
    try:
        answers = read_form(form, "f.xlsx", "so-tu-phap", ITEMS)
    except ContentError as exc:
        assert exc.problems and all(p.where.startswith("Tự đánh giá!") for p in exc.problems)
        return
    assert sorted(answers) == ["1", "2", "3"]
    for i, code in enumerate("123"):
        assert answers[code].dat == (str(verdicts[i]).strip().lower() == "đạt")
