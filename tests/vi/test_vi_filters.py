"""The filters are the same functions in every Jinja environment."""

from __future__ import annotations

import datetime as dt

from jinja2 import StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from gendoc.vi import dates, formats
from gendoc.vi.filters import FILTERS


def _env() -> SandboxedEnvironment:
    env = SandboxedEnvironment(undefined=StrictUndefined)
    env.filters.update(FILTERS)
    return env


def test_filters_are_the_api_functions():
    assert FILTERS["ngay_thang_nam"] is dates.ngay_thang_nam
    assert FILTERS["dia_danh_ngay"] is dates.dia_danh_ngay
    assert FILTERS["so_la_ma"] is formats.roman
    assert FILTERS["chu_cai_diem"] is formats.point_letter
    assert FILTERS["so_van_ban"] is formats.so_van_ban


def test_filters_in_a_sandboxed_template():
    tpl = _env().from_string(
        "Số: {{ so | so_van_ban }}/KH-UBND | {{ 'Kiên Giang' | dia_danh_ngay(ngay) }} | "
        "Phần {{ 2 | so_la_ma }} | điểm {{ 5 | chu_cai_diem }}) | {{ ngay | ngay_thang_nam }}"
    )
    out = tpl.render(so=5, ngay=dt.date(2020, 3, 5))
    assert out == (
        "Số: 05/KH-UBND | Kiên Giang, ngày 05 tháng 3 năm 2020 | Phần II | điểm đ) | "
        "ngày 05 tháng 3 năm 2020"
    )
