"""The Vietnamese Jinja filters, registered in every template environment (DOCX and Markdown).

One implementation: templates, the Python API and `gendoc vi` all call the functions below, so a
date line or an amount in words cannot differ between a .docx and its Markdown twin.
"""

from __future__ import annotations

from collections.abc import Callable

from gendoc.vi.dates import dia_danh_ngay, ngay_thang_nam
from gendoc.vi.formats import phan_tram, point_letter, roman, so_van_ban, so_vn
from gendoc.vi.numwords import so_thanh_chu, tien_bang_chu

FILTERS: dict[str, Callable] = {
    # dates (ND30)
    "ngay_thang_nam": ngay_thang_nam,
    "dia_danh_ngay": dia_danh_ngay,
    # numbering
    "so_la_ma": roman,
    "chu_cai_diem": point_letter,
    "so_van_ban": so_van_ban,
    # numbers in words
    "so_thanh_chu": so_thanh_chu,
    "tien_bang_chu": tien_bang_chu,
    # number formats
    "so_vn": so_vn,
    "phan_tram": phan_tram,
}
