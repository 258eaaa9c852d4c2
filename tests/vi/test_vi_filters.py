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


def test_every_filter_renders_in_a_template():
    env = _env()
    cases = {
        "{{ 1050000 | so_thanh_chu }}": "một triệu không trăm năm mươi nghìn",
        "Bằng chữ: {{ 1250000 | tien_bang_chu }}.": (
            "Bằng chữ: Một triệu hai trăm năm mươi nghìn đồng."
        ),
        "{{ 1234567.5 | so_vn }}": "1.234.567,5",
        "{{ 12.5 | phan_tram }}": "12,5%",
        "{{ 'quy_2' | ky_bao_cao(2017) }}": "quý II năm 2017",
        "{{ 2017 | cung_ky }}": "so với cùng kỳ năm 2016",
        "{{ '2024-05-10' | quy }}": "II",
        "{{ '2024-02-05' | thu }}": "thứ Hai",
        "{{ '2024-02-05' | thu_ngay }}": "thứ Hai, ngày 05 tháng 02 năm 2024",
        "{{ names | sap_xep_ten | join(', ') }}": "Trần Văn An, Lê Thị Ánh, Nguyễn Văn Đức",
        "{{ ['Vũ', 'Đỗ', 'Dương'] | sap_xep_vn | join(' ') }}": "Dương Đỗ Vũ",
        "{{ 'nguyễn văn an' | viet_hoa_ten }}": "Nguyễn Văn An",
        "{{ 'ủy ban nhân dân tỉnh kiên giang' | viet_hoa_don_vi }}": (
            "Ủy ban nhân dân tỉnh Kiên Giang"
        ),
        "{{ 'hoà' | doi_dau }}": "hòa",
        "{{ 'về việc' | viet_hoa_dau }}": "Về việc",
        "{{ nfd | nfc }}": "Kiên Giang",
    }
    ctx = {
        "names": ["Nguyễn Văn Đức", "Lê Thị Ánh", "Trần Văn An"],
        "nfd": "Kie\u0302n Giang",
    }
    for source, expected in cases.items():
        assert env.from_string(source).render(**ctx) == expected, source
    assert set(FILTERS) >= {
        "ngay_thang_nam", "dia_danh_ngay", "so_la_ma", "chu_cai_diem", "so_van_ban",
        "so_thanh_chu", "tien_bang_chu", "so_vn", "phan_tram", "thu", "ky_bao_cao",
        "sap_xep_ten", "nfc", "viet_hoa_ten",
    }  # fmt: skip


def test_the_foundation_environment_uses_these_functions():
    from gendoc.templates import make_env

    env = make_env(None, loader=False)
    for name, func in FILTERS.items():
        assert env.filters[name] is func, name
    line = env.from_string("{{ dia_danh|dia_danh_ngay(ngay) }}").render(
        dia_danh="Kiên Giang", ngay=dates.PartialDate(2020, 2)
    )
    assert line == "Kiên Giang, ngày        tháng 02 năm 2020"
