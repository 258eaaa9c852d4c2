"""Vietnamese language layer (numbers in words, ND30 dates, formats, collation, encodings).

The functions most templates and scripts need, importable from one place. The same functions are
the Jinja filters (`gendoc.vi.filters.FILTERS`) and back the `gendoc vi` commands. File
conversion (`gendoc.vi.convert`) is not imported here: it pulls in python-docx and openpyxl.
"""

from gendoc.vi.collate import khoa_chu, khoa_ten, sap_xep, sap_xep_ten
from gendoc.vi.dates import PartialDate, dia_danh_ngay, ngay_thang_nam, parse_date
from gendoc.vi.formats import phan_tram, point_letter, roman, so_van_ban, so_vn
from gendoc.vi.numwords import so_thanh_chu, tien_bang_chu
from gendoc.vi.periods import cung_ky, ky_bao_cao, thu, thu_ngay
from gendoc.vi.text import bo_trung, doi_dau, khoa_so_khop, nfc, viet_hoa_don_vi, viet_hoa_ten

__all__ = [
    "PartialDate", "bo_trung", "cung_ky", "dia_danh_ngay", "doi_dau", "khoa_chu", "khoa_so_khop",
    "khoa_ten", "ky_bao_cao", "ngay_thang_nam", "nfc", "parse_date", "phan_tram", "point_letter",
    "roman", "sap_xep", "sap_xep_ten", "so_thanh_chu", "so_van_ban", "so_vn", "thu", "thu_ngay",
    "tien_bang_chu", "viet_hoa_don_vi", "viet_hoa_ten",
]  # fmt: skip
