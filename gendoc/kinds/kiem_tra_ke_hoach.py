"""Kế hoạch kiểm tra (KH): the plan of one inspection (Kế hoạch của tỉnh, II.5 and III.2.d).

The file names the units and their schedule (`gendoc new kiem_tra_ke_hoach` proposes them from
the workspace: late or missing plans and reports, targets not met), the team, and either the
checklist itself or the provincial plan it is derived from (`ke_hoach_goc`). The body is
generated: I. purpose, II. checklist, III. units, time and place, IV. the team, V. organisation
and reporting. The other inspection documents build on this file (`ke_hoach_kiem_tra:`).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from gendoc.body import Blocks, Muc, Para, Span, close_body, number_items, plain_paragraphs
from gendoc.document import BuildContext, Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.inspections import blocks
from gendoc.inspections.model import (
    LichKiemTra,
    NoiDungKiemTra,
    ThanhVien,
    full_date,
    team_problems,
)
from gendoc.inspections.scaffold import plan_scaffold
from gendoc.inspections.sources import checklist
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBanCoTenLoai, official_context

TEN_LOAI = "KẾ HOẠCH"


class KeHoachKiemTra(VanBanCoTenLoai):
    """An inspection plan (see docs/inspections.md)."""

    nam: int = Field(ge=2000, le=2100, description="năm được kiểm tra (năm của số liệu), "
                                                   "ví dụ 2017")
    muc_dich: list[str] = Field(min_length=1, description="mục đích, yêu cầu (mỗi ý một dòng)")
    ke_hoach_goc: str | None = Field(None, description="kế hoạch của tỉnh để lấy danh mục nội "
                                     "dung kiểm tra, ví dụ content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml")
    noi_dung_kiem_tra: list[NoiDungKiemTra] = Field(
        default_factory=list, description="danh mục nội dung kiểm tra; để trống thì lấy các "
                                          "nhiệm vụ của kế hoạch gốc")
    lich: list[LichKiemTra] = Field(min_length=1, description="đơn vị được kiểm tra, thời gian, "
                                                              "địa điểm")
    doan: list[ThanhVien] = Field(min_length=1, description="thành phần đoàn kiểm tra")
    han_bao_cao: Any = Field(description="hạn đơn vị gửi báo cáo tự kiểm tra, ví dụ 2018-10-01")
    han_bao_cao_ket_qua: Any = Field(None, description="hạn Đoàn báo cáo kết quả, ví dụ 2018-11-15")
    to_chuc_thuc_hien: list[Muc] = Field(default_factory=list,
                                         description="các ý thêm ở mục tổ chức thực hiện")

    _dates = field_validator("han_bao_cao", "han_bao_cao_ket_qua", mode="before")(
        lambda v: full_date(v))

    @field_validator("muc_dich", mode="before")
    @classmethod
    def _lines(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @model_validator(mode="after")
    def _whole(self) -> KeHoachKiemTra:
        problem = team_problems(self.doan)
        if problem:
            raise ValueError(problem)
        if self.noi_dung:
            raise ValueError("kế hoạch kiểm tra không dùng 'noi_dung' (các mục do gendoc dựng) — "
                             "ghi ý thêm vào 'muc_dich' hoặc 'to_chuc_thuc_hien'")
        if not self.noi_dung_kiem_tra and not self.ke_hoach_goc:
            raise ValueError("cần 'noi_dung_kiem_tra' (danh mục nội dung) hoặc 'ke_hoach_goc' "
                             "(kế hoạch của tỉnh để lấy danh mục)")
        codes = [d.don_vi for d in self.lich]
        twice = sorted({c for c in codes if codes.count(c) > 1})
        if twice:
            raise ValueError(f"đơn vị {', '.join(twice)} có hai lịch kiểm tra — mỗi đơn vị một dòng")
        return self


def reasons(doc: KeHoachKiemTra, ws: Any) -> list[Para]:
    """Why each unit was chosen, when the file says (gendoc new writes it from the workspace)."""
    lines = [Para([Span(f"- {blocks.unit_name(ws, x.don_vi)}: {'; '.join(x.ly_do)}.")])
             for x in doc.lich if x.ly_do]
    return [Para([Span("Lý do lựa chọn đơn vị kiểm tra:")]), *lines] if lines else []


def organisation(doc: KeHoachKiemTra, issuer: str) -> list[Muc]:
    due = f" trước ngày {blocks.day_text(doc.han_bao_cao_ket_qua)}" if doc.han_bao_cao_ket_qua else ""
    return [Muc(tieu_de=None, doan=[f"Các cơ quan, đơn vị được kiểm tra xây dựng báo cáo theo đề cương, điền "
                      f"Biểu tự đánh giá và gửi về {issuer} trước ngày "
                      f"{blocks.day_text(doc.han_bao_cao)}; chuẩn bị hồ sơ, tài liệu và bố trí "
                      "thành phần làm việc với Đoàn kiểm tra."]),
            Muc(tieu_de=None, doan=["Đoàn kiểm tra lập biên bản kiểm tra tại từng đơn vị; tổng hợp, báo cáo "
                      f"kết quả và dự thảo thông báo kết luận kiểm tra{due}."]),
            *doc.to_chuc_thuc_hien]


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: KeHoachKiemTra = document.data
    ws = bctx.ws
    ctx = official_context(doc, ws, TEN_LOAI)
    body = Blocks(plain_paragraphs(doc.can_cu, role="can_cu", italic=True))
    body += plain_paragraphs(doc.mo_dau)
    body.append(blocks.heading(1, "Mục đích, yêu cầu"))
    body += number_items([Muc(tieu_de=None, doan=[t]) for t in doc.muc_dich], start="so")
    body.append(blocks.heading(2, "Nội dung kiểm tra"))
    body += blocks.checklist_paras(checklist(document, bctx))
    body.append(blocks.heading(3, "Đơn vị, thời gian, địa điểm kiểm tra"))
    body.append(blocks.schedule_table(ws, doc.lich))
    body += reasons(doc, ws)
    body.append(blocks.heading(4, "Thành phần Đoàn kiểm tra"))
    body += blocks.team_lines(doc.doan)
    body.append(blocks.heading(5, "Tổ chức thực hiện"))
    tail = number_items(organisation(doc, ctx["co_quan_ten_day_du"]), start="so")
    tail += plain_paragraphs(doc.ket_thuc)
    body += close_body(tail)
    ctx["noi_dung"] = body
    return ctx


def _scaffold(ws: Any, options: Any) -> list:
    return plan_scaffold(ws, options)


KIND = register(Kind(
    name="kiem_tra_ke_hoach",
    title="Kế hoạch kiểm tra",
    schema=KeHoachKiemTra,
    template="kiem_tra_ke_hoach.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make_template=van_ban_co_ten_loai,
    scaffold=_scaffold,
))
