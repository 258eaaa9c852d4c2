"""The Vietnamese Jinja filters, registered in every template environment (DOCX and Markdown).

One implementation: templates, the Python API and `gendoc vi` all call the functions below, so a
date line or an amount in words cannot differ between a .docx and its Markdown twin. Filter names
are unaccented Vietnamese, like content keys; `docs/vi.md` shows each with an example.
"""

from __future__ import annotations

from collections.abc import Callable

from gendoc.vi.collate import sap_xep, sap_xep_ten
from gendoc.vi.dates import dia_danh_ngay, ngay_thang_nam
from gendoc.vi.formats import phan_tram, point_letter, roman, so_van_ban, so_vn
from gendoc.vi.numwords import so_thanh_chu, tien_bang_chu, viet_hoa_dau
from gendoc.vi.periods import cung_ky, ky_bao_cao, quy, thu, thu_ngay
from gendoc.vi.text import doi_dau, nfc, viet_hoa_don_vi, viet_hoa_ten

FILTERS: dict[str, Callable] = {
    # dates (ND30) and periods
    "ngay_thang_nam": ngay_thang_nam,
    "dia_danh_ngay": dia_danh_ngay,
    "thu": thu,
    "thu_ngay": thu_ngay,
    "ky_bao_cao": ky_bao_cao,
    "cung_ky": cung_ky,
    "quy": quy,
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
    # names and text
    "sap_xep_ten": sap_xep_ten,
    "sap_xep_vn": sap_xep,
    "nfc": nfc,
    "viet_hoa_ten": viet_hoa_ten,
    "viet_hoa_don_vi": viet_hoa_don_vi,
    "viet_hoa_dau": viet_hoa_dau,
    "doi_dau": doi_dau,
}
