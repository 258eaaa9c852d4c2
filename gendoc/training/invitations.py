"""The invitations (Giấy mời, mẫu 1.7) of a course: one per unit or one per participant.

All invitations of a course are one Giấy mời (same number, date, signer) addressed to many
recipients, so the template is rendered once through the `giay_moi` kind with tokens for the
recipient line and the recipient's own paragraph, and filled per recipient.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from gendoc.kinds.giay_moi import GiayMoi, invitation_context
from gendoc.templates import find_template
from gendoc.training.announcement import contact_line, opening, so_luong
from gendoc.training.batch import BatchTemplate, token
from gendoc.training.certificate import ngay_ngan
from gendoc.training.model import LopHoc
from gendoc.training.roster import HocVien
from gendoc.vi import sap_xep_ten
from gendoc.workspace import Workspace

FIELDS = ("kinh_moi", "rieng")


def invitation(doc: Any, ws: Workspace) -> GiayMoi:
    """The shared Giấy mời of the course (recipient fields are tokens)."""
    lop: LopHoc = doc.lop_hoc
    cfg = lop.giay_moi
    unit = ws.unit(doc.co_quan)
    issuer = unit.full_name
    ten = lop.ten[:1].lower() + lop.ten[1:]
    signer = cfg.nguoi_ky or doc.nguoi_ky
    return GiayMoi(
        loai="giay_moi", co_quan=doc.co_quan, so=cfg.so, ngay=cfg.ngay or doc.ngay,
        dia_danh=doc.dia_danh, trich_yeu=cfg.trich_yeu or f"Tham dự {ten}", nguoi_ky=signer,
        noi_nhan=["Như trên", *cfg.noi_nhan], luu=doc.luu,
        kinh_moi=token("kinh_moi"),
        toi_du=f"lễ khai giảng và học tập {ten} (từ ngày {ngay_ngan(lop.tu_ngay)} "
               f"đến ngày {ngay_ngan(lop.den_ngay)})",
        chu_tri=cfg.chu_tri, thoi_gian=opening(lop), dia_diem=lop.dia_diem,
        ghi_chu=[token("rieng"), *cfg.ghi_chu, contact_line(lop, issuer)],
    )


def template(doc: Any, ws: Workspace) -> BatchTemplate:
    """The course's Giấy mời rendered once, its properties dated by its own date (if whole)."""
    data = invitation(doc, ws)
    path = find_template(ws, "giay_moi.docx")
    date = data.ngay if isinstance(data.ngay, dt.date) else None
    return BatchTemplate.from_template(path, invitation_context(data, ws), FIELDS, ws, date=date)


def _person(p: HocVien) -> str:
    return ", ".join(x for x in (f"{p.xung_ho} {p.ho_ten}", p.chuc_vu, p.don_vi) if x)


def per_unit(lop: LopHoc, issuer: str, people: Sequence[HocVien] | None) -> list[tuple[str, dict[str, str]]]:
    """(unit name, values) for each participating unit, in the announcement's order."""
    jobs = []
    for unit in lop.don_vi:
        sent = sap_xep_ten([p for p in people or () if p.don_vi == unit.ten], "ho_ten")
        if sent:
            names = "; ".join(_person(p).rsplit(", ", 1)[0] for p in sent)
            text = (f"Đề nghị {unit.ten} cử {so_luong(len(sent))} học viên có tên sau tham dự đầy đủ "
                    f"thời gian lớp học: {names}.")
        else:
            text = (f"Đề nghị {unit.ten} cử {so_luong(unit.so_luong)} học viên tham dự và gửi danh sách "
                    f"về {issuer} trước ngày {ngay_ngan(lop.han_dang_ky)}.")
        jobs.append((unit.ten, {"kinh_moi": unit.ten, "rieng": text}))
    return jobs


def per_person(people: Sequence[HocVien]) -> list[tuple[str, dict[str, str]]]:
    """(name, values) for each participant, grouped as the attendance list is."""
    jobs = []
    for p in people:
        text = (f"Đề nghị {p.xung_ho.lower()} sắp xếp công việc, tham dự đầy đủ thời gian lớp học "
                f"và mang theo giấy mời này khi đến đăng ký.")
        jobs.append((p.ho_ten, {"kinh_moi": _person(p), "rieng": text}))
    return jobs
