"""Bad Excel self-assessment forms (Biểu tự đánh giá) of an inspection: each fails the minutes
alone, naming the minutes' `tu_danh_gia` field and line, then the form's sheet!cell."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.core.test_core_errors import GOOD
from tests.hardening.badfiles import add_bomb, add_many_parts, rewrite_zip, sparse, with_dtd
from tests.hardening.catalogue import fails_alone

MINUTES = "content/kiem-tra/bien-ban-kiem-tra-2018.yaml"
FORM = "content/kiem-tra/_tu-danh-gia/so-tu-phap.xlsx"
LINE = 17  # tu_danh_gia: _tu-danh-gia/so-tu-phap.xlsx
OUT = ("output/kiem-tra/bien-ban-kiem-tra-2018",)


def build(cli, ws: Path):  # noqa: ANN001, ANN201
    (ws / "content" / "good.yaml").write_text(GOOD, encoding="utf-8")
    return cli("build", str(ws / MINUTES), str(ws / "content" / "good.yaml"), ws=ws)


def set_cell(path: Path, ref: str, value: str) -> None:
    book = openpyxl.load_workbook(path)
    book["Tự đánh giá"][ref] = value
    book.save(path)


# name → (cell, value, words); row 5 is checklist item 1, row 7 item 3 (Chưa đạt in the example)
CELLS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "escaped_vertical_tab": ("D5", "02 cuộc_x000B_tuyên truyền", ("ngắt dòng của Word",)),
    "escaped_nul": ("E7", "Tỷ lệ nữ_x0000_thấp", ("ký tự rỗng",)),
    "escaped_bell": ("C6", "Đạt_x0007_", ("U+0007",)),
    "escaped_unit_separator": ("D6", "Quy hoạch_x001F_", ("U+001F",)),
    "huge_answer": ("D5", "Tuyên truyền. " * 400, ("vượt giới hạn 4000 ký tự",)),
}


@pytest.mark.parametrize("name", sorted(CELLS))
def test_bad_form_cell_fails_the_minutes_alone(name: str, example_ws: Path, cli) -> None:  # noqa: ANN001
    ref, value, words = CELLS[name]
    set_cell(example_ws / FORM, ref, value)
    message = fails_alone(build(cli, example_ws), example_ws, MINUTES, where=f"dòng {LINE}",
                          words=("tu_danh_gia", *words), bad_outputs=OUT)
    assert f"{FORM}, ô Tự đánh giá!{ref}: trường 'tu_danh_gia[" in message, message


def test_escaped_verdict_is_decoded(example_ws: Path, cli) -> None:  # noqa: ANN001
    """`Đ_x0061_t` is Excel's escape of "Đat"… and `_x0110_ạt` of "Đạt": read as the verdict."""
    set_cell(example_ws / FORM, "C5", "_x0110_ạt")
    result = build(cli, example_ws)
    assert result.exit_code == 0, result.stderr
    assert (example_ws / OUT[0]).is_dir()


# name → (how the form is spoilt, words)
FILES: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "zip_bomb": (lambda p: add_bomb(p, 40), ("bung ra", "vượt giới hạn 32 MB")),
    "dtd_in_sheet": (lambda p: rewrite_zip(p, with_dtd("xl/worksheets/sheet1.xml")),
                     ("xl/worksheets/sheet1.xml", "DOCTYPE")),
    "dtd_in_rels": (lambda p: rewrite_zip(p, with_dtd("_rels/.rels")), ("_rels/.rels", "DOCTYPE")),
    "too_many_parts": (add_many_parts, ("thành phần, vượt giới hạn 5000",)),
    "not_a_zip": (lambda p: p.write_bytes(b"PK\x03\x04garbage" * 20), ("không phải tệp Office",)),
    "huge_file": (lambda p: sparse(p, 21), ("tệp quá lớn (21 MB, tối đa 20 MB)",)),
    "broken_sheet_xml": (lambda p: rewrite_zip(p, lambda n, d: b"<worksheet><<" if n.endswith(
        "sheet1.xml") else None), ("không mở được tệp Excel",)),
    "sheet_renamed": (lambda p: rewrite_zip(p, lambda n, d: d.replace(
        "Tự đánh giá".encode(), b"Sheet1") if n == "xl/workbook.xml" else None),
        ("không phải Biểu tự đánh giá của gendoc",)),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_bad_form_file_fails_the_minutes_alone(name: str, example_ws: Path, cli) -> None:  # noqa: ANN001
    spoil, words = FILES[name]
    spoil(example_ws / FORM)
    message = fails_alone(build(cli, example_ws), example_ws, MINUTES, where=f"dòng {LINE}",
                          words=("tu_danh_gia", f"{FORM}: ", *words), bad_outputs=OUT)
    assert "Error" not in message, message
