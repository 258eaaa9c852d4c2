"""The body of a course announcement (Thông báo), written from the `lop_hoc:` section.

Clerks fill in facts (units and quotas, dates, agenda rows); the wording and numbering of the
five standard parts is the same in every course announcement, so gendoc writes it. The clerk's
own `noi_dung` items (funding, duties of units …) follow as parts 6, 7 …, numbered in the same
sequence; `can_cu`, `mo_dau` and `ket_thuc` keep their usual places.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gendoc.body import Blocks, Muc, Para, Table, close_body, number_items, plain_paragraphs
from gendoc.training.certificate import ngay_ngan
from gendoc.training.model import LopHoc
from gendoc.vi import so_thanh_chu, thu_ngay
from gendoc.workspace import Workspace

_TABLE = "@@GD-TABLE:{}@@"


def so_luong(n: int) -> str:
    """04 (bốn): quantities in official writing, padded below 10 and spelt out."""
    return f"{n:02d} ({so_thanh_chu(n)})"


def quota_table(lop: LopHoc) -> Table:
    rows = [[str(i), unit.ten, f"{unit.so_luong:02d}"] for i, unit in enumerate(lop.don_vi, 1)]
    rows.append(["", "Tổng cộng", f"{lop.tong_so:02d}"])
    return Table(header=["STT", "Đơn vị", "Số lượng học viên"], rows=rows, widths=[1.2, 9, 3.5],
                 align=["giua", "trai", "giua"], bold_last_row=True)


def agenda_table(lop: LopHoc) -> Table:
    rows = [[row.thoi_gian, row.noi_dung, row.bao_cao_vien or ""] for row in lop.chuong_trinh]
    return Table(header=["Thời gian", "Nội dung", "Báo cáo viên"], rows=rows, widths=[3, 7.5, 4.5],
                 align=["giua", "trai", "trai"])


def opening(lop: LopHoc) -> str:
    """`7 giờ 30 phút, thứ Hai, ngày 05 tháng 6 năm 2017` (time only when given)."""
    day = thu_ngay(lop.tu_ngay)
    return f"{lop.gio_khai_giang}, {day}" if lop.gio_khai_giang else day[:1].upper() + day[1:]


def contact_line(lop: LopHoc, unit_name: str) -> str:
    person = lop.lien_he
    parts = [person.ho_ten + (f", {person.chuc_vu}" if person.chuc_vu else ""),
             unit_name]
    if person.dien_thoai:
        parts.append(f"điện thoại: {person.dien_thoai}")
    if person.email:
        parts.append(f"thư điện tử: {person.email}")
    return "Chi tiết xin liên hệ: " + "; ".join(parts) + "."


def registration_line(lop: LopHoc, unit_name: str, deadline: dt.date) -> str:
    return (f"Các đơn vị gửi danh sách học viên (họ và tên, giới tính, năm sinh, chức vụ, đơn vị, "
            f"điện thoại, thư điện tử) về {unit_name} trước ngày {ngay_ngan(deadline)}; "
            "quá thời hạn trên, đơn vị không gửi danh sách được xem như không cử học viên.")


def course_sections(lop: LopHoc, unit_name: str) -> list[Muc]:
    """The five standard parts; tables are marked and swapped in by `course_body`."""
    time = (f"- Thời gian: {so_luong(lop.so_ngay)} ngày, khai giảng lúc {opening(lop)}; "
            f"bế giảng ngày {ngay_ngan(lop.den_ngay)}.")
    sections = [
        Muc(tieu_de="Mục đích, yêu cầu", doan=[f"- {t.rstrip('.;')}." for t in lop.muc_dich])
        if lop.muc_dich else None,
        Muc(tieu_de="Đối tượng, số lượng học viên",
            doan=[f"- Đối tượng: {lop.doi_tuong.rstrip('.')}.",
                  f"- Số lượng: {so_luong(lop.tong_so)} học viên, phân bổ cho các đơn vị như sau:",
                  _TABLE.format("quota")]),
        Muc(tieu_de="Thời gian, địa điểm",
            doan=[time, f"- Địa điểm: {lop.dia_diem.rstrip('.')}."]),
        Muc(tieu_de="Nội dung, chương trình", doan=[_TABLE.format("agenda")])
        if lop.chuong_trinh else None,
        Muc(tieu_de="Đăng ký và liên hệ",
            doan=[registration_line(lop, unit_name, lop.han_dang_ky), contact_line(lop, unit_name)]),
    ]
    return [s for s in sections if s is not None]


def course_body(doc: Any, ws: Workspace) -> Blocks:
    """Blocks of the announcement body: căn cứ, mở đầu, the numbered parts, kết thúc."""
    lop: LopHoc = doc.lop_hoc
    unit_name = ws.unit(doc.co_quan).full_name
    paras = plain_paragraphs(doc.can_cu, role="can_cu", italic=True)
    paras += plain_paragraphs(doc.mo_dau)
    paras += number_items(course_sections(lop, unit_name) + list(doc.noi_dung), start=doc.danh_so_tu)
    paras += plain_paragraphs(doc.ket_thuc)
    tables = {"quota": quota_table(lop), "agenda": agenda_table(lop)}
    blocks: list[Para | Table] = []
    for para in close_body(paras):
        marker = para.text.strip()
        key = next((k for k in tables if marker == _TABLE.format(k)), None)
        blocks.append(tables[key] if key else para)
    return Blocks(blocks)
