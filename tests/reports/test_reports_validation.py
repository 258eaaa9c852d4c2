"""Each figure check of a unit report: the error names the file, the line, the field, both numbers."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gendoc.document import load_document
from gendoc.exceptions import ContentError
from gendoc.reports.model import MAX_COUNT, _count
from gendoc.vi import so_vn
from gendoc.workspace import load_workspace
from tests.reports.conftest import random_figures, report_yaml


def _load(report_ws, figures, **kw):  # noqa: ANN001, ANN202
    ws = report_ws({"2017/so-y-te.yaml": report_yaml("so-y-te", 2017, figures, **kw)})
    path = ws / "content/bao-cao/2017/so-y-te.yaml"
    return load_document(load_workspace(ws), path), path


def _errors(report_ws, figures) -> list:  # noqa: ANN001
    with pytest.raises(ContentError) as info:
        _load(report_ws, figures)
    return info.value.problems, info.value.format_message()


def _line_of(path, needle: str) -> int:  # noqa: ANN001
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


def test_valid_report_loads(report_ws) -> None:  # noqa: ANN001
    figures = random_figures(random.Random(1))
    doc, _ = _load(report_ws, figures)
    assert doc.data.so_lieu.nhan_su.cong_chuc.tong == figures["nhan_su"]["cong_chuc"]["tong"]


def test_women_above_total(report_ws, tmp_path) -> None:  # noqa: ANN001
    figures = random_figures(random.Random(2))
    figures["nhan_su"]["cong_chuc"] = {"tong": 40, "nu": 45}
    problems, message = _errors(report_ws, figures)
    (p,) = problems
    assert p.field == "so_lieu.nhan_su.cong_chuc.nu"
    assert "45" in p.message and "40" in p.message
    path = tmp_path / "ws/content/bao-cao/2017/so-y-te.yaml"
    assert p.where == _line_of(path, "cong_chuc:")
    assert "content/bao-cao/2017/so-y-te.yaml" in message


def test_negative_and_fraction_and_blank_reported_together(report_ws) -> None:  # noqa: ANN001
    figures = random_figures(random.Random(3))
    figures["hoat_dong"]["kiem_tra"] = -2
    figures["hoat_dong"]["tap_huan"] = 1.5
    figures["dao_tao"]["sau_dai_hoc"] = {"tong": "", "nu": 1}
    problems, _ = _errors(report_ws, figures)
    by_field = {p.field: p.message for p in problems}
    assert "không được âm" in by_field["so_lieu.hoat_dong.kiem_tra"]
    assert "số nguyên" in by_field["so_lieu.hoat_dong.tap_huan"]
    assert "chưa điền" in by_field["so_lieu.dao_tao.sau_dai_hoc.tong"]
    assert len(problems) == 3


def test_total_row_must_equal_its_parts(report_ws) -> None:  # noqa: ANN001
    figures = random_figures(random.Random(4))
    rows = figures["lanh_dao"]
    real = sum(v["tong"] for v in rows.values())
    women = sum(v["nu"] for v in rows.values())
    figures["lanh_dao"] = {**rows, "tong": {"tong": real + 1, "nu": women}}
    problems, _ = _errors(report_ws, figures)
    (p,) = problems
    assert p.field == "so_lieu.lanh_dao.tong.tong"
    assert f"({real + 1})" in p.message and f"= {real})" in p.message


def test_correct_total_row_is_accepted(report_ws) -> None:  # noqa: ANN001
    figures = random_figures(random.Random(5))
    rows = figures["quy_hoach"]
    figures["quy_hoach"] = {**rows, "tong": {"tong": sum(v["tong"] for v in rows.values()),
                                             "nu": sum(v["nu"] for v in rows.values())}}
    doc, _ = _load(report_ws, figures)
    assert doc.data.so_lieu.quy_hoach.tong is not None


def test_more_leaders_than_staff(report_ws) -> None:  # noqa: ANN001
    figures = random_figures(random.Random(6))
    figures["nhan_su"] = {k: {"tong": 1, "nu": 0} for k in ("can_bo", "cong_chuc", "vien_chuc")}
    problems, _ = _errors(report_ws, figures)
    fields = {p.field for p in problems}
    assert "so_lieu.lanh_dao.don_vi_truong.tong" in fields
    message = next(p.message for p in problems if p.field.endswith("don_vi_truong.tong"))
    assert "lãnh đạo, quản lý" in message and "(3)" in message


def test_vietnamese_thousands_in_text_are_read(report_ws) -> None:  # noqa: ANN001
    figures = random_figures(random.Random(7))
    figures["nhan_su"]["vien_chuc"] = {"tong": '"1.200"', "nu": 700}
    doc, _ = _load(report_ws, figures)
    assert doc.data.so_lieu.nhan_su.vien_chuc.tong == 1200


def test_unknown_period_code(report_ws) -> None:  # noqa: ANN001
    figures = random_figures(random.Random(8))
    ws = report_ws({"2017/x.yaml": report_yaml("so-y-te", 2017, figures, extra="ky: nam_2017\n")})
    with pytest.raises(ContentError) as info:
        load_document(load_workspace(ws), ws / "content/bao-cao/2017/x.yaml")
    assert info.value.problems[0].field == "ky"



@given(st.integers(0, MAX_COUNT))
def test_a_count_reads_the_same_however_it_is_written(n: int) -> None:
    for written in (n, float(n), str(n), f" {n} ", so_vn(n)):
        assert _count(written) == n


@given(st.one_of(st.integers(max_value=-1), st.integers(min_value=MAX_COUNT + 1),
                 st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer()),
                 st.text(alphabet="abcđ ,;-", min_size=1).filter(lambda t: t.strip())))
def test_anything_else_is_refused_in_vietnamese(value: object) -> None:
    with pytest.raises(ValueError) as info:
        _count(value)
    message = str(info.value)
    assert any(word in message for word in ("âm", "số nguyên", "quá lớn", "chưa điền"))
