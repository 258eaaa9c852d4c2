"""Shared test data of the training area: a small course and a participant list writer.

A module with its own name (not conftest) so tests import it reliably when the whole suite is
collected (several conftest.py files share that module name)."""

from __future__ import annotations

import csv
import textwrap
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from ruamel.yaml import YAML

REPO = Path(__file__).resolve().parents[2]
HEADING = ["STT", "Họ và tên", "Giới tính", "Năm sinh", "Chức vụ", "Đơn vị", "Điện thoại", "Email",
           "Hoàn thành", "Xếp loại"]

COURSE = """\
loai: thong_bao
co_quan: so-noi-vu
ngay: 2017-05-08
trich_yeu: Về việc tổ chức lớp tập huấn kỹ năng lãnh đạo cho nữ cán bộ
mo_dau: "Sở Nội vụ thông báo tổ chức lớp tập huấn như sau:"
lop_hoc:
  ten: Lớp tập huấn kỹ năng lãnh đạo cho nữ cán bộ năm 2017
  muc_dich: Nâng cao kỹ năng lãnh đạo, quản lý
  doi_tuong: Nữ cán bộ trong diện quy hoạch
  tu_ngay: 2017-06-05
  den_ngay: 2017-06-06
  gio_khai_giang: 7 giờ 30 phút
  dia_diem: Hội trường Sở Nội vụ
  don_vi:
    - {{ten: Sở Tư pháp, so_luong: 3}}
    - {{ten: Sở Y tế, so_luong: 2}}
    - {{ten: Sở Tài chính & Kế hoạch, so_luong: 2}}
  chuong_trinh:
    - {{thoi_gian: Sáng 05/6/2017, noi_dung: Khai giảng; chuyên đề 1, bao_cao_vien: Lãnh đạo Sở}}
  lien_he: {{ho_ten: Bà Trần Thị Hạnh, dien_thoai: 0297 3862 123}}
  han_dang_ky: 2017-05-25
  danh_sach: {danh_sach}
  giay_moi: {{gui_theo: {gui_theo}}}
  chung_nhan: {{ky_hieu: GCN-SNV}}
nguoi_ky: {{quyen_han: KT. GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn Văn Minh}}
noi_nhan: [Các đơn vị có tên tại mục 2]
"""

# (name, sex, year, title, unit, phone, email, done, rank) — names chosen so that the official
# order (given name, then middle, then family name) differs from the order of the rows.
ROWS: list[list[object]] = [
    ["Trần Thị Bình", "Nữ", 1980, "Trưởng phòng", "Sở Tư pháp", "0913 111 222", "", "x", "Giỏi"],
    ["Lê Văn An", "Nam", 1979, "Phó Trưởng phòng", "Sở Tư pháp", "", "", "x", ""],
    ["Nguyễn Thị Ánh", "Nữ", 1985, "Chuyên viên", "Sở Tư pháp", "", "anh@kg.gov.vn", "", ""],
    ["Phạm Thị Yến", "Nữ", 1982, "Phó Chánh Văn phòng", "Sở Y tế", "", "", "x", "Khá"],
    ["Đỗ Thị Đào", "Nữ", 1990, 'Chuyên viên "A" & <B>', "Sở Y tế", "", "", "có", ""],
    ["Võ Thị Chi", "Nữ", 1984, "Phó Trưởng phòng Quản lý ngân sách, kiêm Trưởng bộ phận tiếp nhận và "
     "trả kết quả, Ủy viên Ban Chấp hành Công đoàn cơ sở", "Sở Tài chính & Kế hoạch", "", "", "x",
     "Xuất sắc"],
]


def write_course(ws: Path, rows: Sequence[Sequence[object]], *, fmt: str = "xlsx",
                 gui_theo: str = "don_vi") -> Path:
    """A workspace at `ws` (the example gendoc.yaml) with one course whose participant list is
    written from `rows`; returns the list's path."""
    (ws / "content" / "tap-huan").mkdir(parents=True)
    (ws / "gendoc.yaml").write_bytes((REPO / "gendoc.yaml").read_bytes())
    roster = write_roster(ws / "content" / "tap-huan" / "_du-lieu" / f"hoc-vien.{fmt}", rows)
    text = COURSE.format(danh_sach=f"_du-lieu/hoc-vien.{fmt}", gui_theo=gui_theo)
    (ws / "content" / "tap-huan" / "lop.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    return roster


def write_roster(path: Path, rows: Sequence[Sequence[object]]) -> Path:
    """Write a participant list as .xlsx (with a title row above the heading), .csv or .yaml."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".xlsx":
        book = Workbook()
        sheet = book.active
        sheet.title = "Học viên"
        sheet.append(["DANH SÁCH HỌC VIÊN"])
        sheet.append(HEADING)
        for i, row in enumerate(rows, start=1):
            sheet.append([i, *row])
        book.save(path)
    elif path.suffix == ".csv":
        with path.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(HEADING)
            for i, row in enumerate(rows, start=1):
                writer.writerow([i, *row])
    else:
        keys = ["ho_ten", "gioi_tinh", "nam_sinh", "chuc_vu", "don_vi", "dien_thoai", "email",
                "hoan_thanh", "xep_loai"]
        items = [{k: v for k, v in zip(keys, row, strict=True) if v != ""} for row in rows]
        with path.open("w", encoding="utf-8") as fh:
            YAML().dump({"hoc_vien": items}, fh)
    return path


#: One certificate written by hand (`loai: giay_chung_nhan`), not from a course.
SINGLE_CERTIFICATE = """\
loai: giay_chung_nhan
co_quan: so-noi-vu
ngay: 2017-06-09
nguoi_ky: {quyen_han: KT. GIÁM ĐỐC, chuc_vu: PHÓ GIÁM ĐỐC, ho_ten: Nguyễn Văn Minh}
lop_hoc: {ten: Lớp tập huấn bình đẳng giới, tu_ngay: 2017-06-05, den_ngay: 2017-06-06,
          dia_diem: Hội trường Sở Nội vụ}
hoc_vien: {ho_ten: Trần Thị Bình, gioi_tinh: Nữ, nam_sinh: 1980, don_vi: Sở Y tế}
so_vao_so: 12
"""
