"""Báo cáo (BC) of one unit: results of the gender-equality plan in a year, with its figures.

Kế hoạch III.1.e: every sở, ban, ngành and UBND cấp huyện reports before 15 November to Sở Nội
vụ. The content is a YAML file or the Excel form (`gendoc new bao_cao --xlsx`); both give the same
fields. The body is generated in the order clerks expect — I. Kết quả (activities, the figures
table, the unit's own results), II. Hạn chế và nguyên nhân, III. Kiến nghị, đề xuất — so a unit
only writes its narrative and numbers.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import Field, field_validator

from gendoc.body import Muc, plain_paragraphs
from gendoc.document import BuildContext, Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBanCoTenLoai, official_context
from gendoc.reports.body import Holder, assemble, figures_table, section
from gendoc.reports.indicators import LANH_DAO, NHAN_SU, QUY_HOACH
from gendoc.reports.model import SoLieu, totals
from gendoc.reports.scaffold import scaffold
from gendoc.reports.wording import cap, so
from gendoc.vi.dates import PartialDate, parse_date
from gendoc.vi.periods import ky_bao_cao, ten_ky
from gendoc.workspace import Workspace

TEN_LOAI = "BÁO CÁO"


class BaoCaoBase(VanBanCoTenLoai):
    """Fields every báo cáo of the reporting cycle has (unit report and consolidation)."""

    nam: int = Field(ge=2000, le=2100, description="năm báo cáo, ví dụ 2017")
    ky: str = Field("nam", description="kỳ báo cáo: nam, 6_thang, quy_1 …")
    ket_qua: list[Muc] = Field(default_factory=list, description="kết quả khác (mục I)")
    han_che: list[Muc] = Field(default_factory=list, description="hạn chế và nguyên nhân (mục II)")
    kien_nghi: list[Muc] = Field(default_factory=list, description="kiến nghị (mục III)")
    de_xuat: list[Muc] = Field(default_factory=list, description="đề xuất (mục III)")

    @field_validator("ket_qua", "han_che", "kien_nghi", "de_xuat", mode="before")
    @classmethod
    def _items(cls, v: Any) -> Any:
        return [] if v is None else ([v] if isinstance(v, str) else v)

    @field_validator("ky")
    @classmethod
    def _period(cls, v: str) -> str:
        ten_ky(v)  # raises the Vietnamese list of codes
        return v

    @property
    def ky_text(self) -> str:
        return ky_bao_cao(self.ky, self.nam)


class BaoCao(BaoCaoBase):
    """A unit's annual report with its figures (`so_lieu:`, see docs/reports.md)."""

    so_lieu: SoLieu  # a model made with create_model from the indicators
    ngay_nhan: Any = Field(None, description="ngày Sở Nội vụ nhận báo cáo (xét nộp đúng hạn); "
                                             "mặc định là ngày của báo cáo")

    @field_validator("ngay_nhan", mode="before")
    @classmethod
    def _received(cls, v: Any) -> PartialDate | None:
        if isinstance(v, dt.datetime):
            v = v.date()
        found = parse_date(v)
        if found is not None and not found.is_complete:
            raise ValueError("ngày nhận phải đủ ngày, tháng, năm, ví dụ 2017-11-14")
        return found

    @property
    def submitted(self) -> dt.date | None:
        """When the report reached Sở Nội vụ: `ngay_nhan`, else the report's own full date."""
        for candidate in (self.ngay_nhan, self.ngay):
            if isinstance(candidate, PartialDate) and candidate.is_complete:
                return candidate.to_date()
        return None


def proposals(doc: BaoCaoBase) -> list[Muc]:
    """Section III: kiến nghị and đề xuất, as two headed items when both are given."""
    if doc.kien_nghi and doc.de_xuat:
        return [Muc(tieu_de="Kiến nghị", muc=doc.kien_nghi),
                Muc(tieu_de="Đề xuất", muc=doc.de_xuat)]
    return list(doc.kien_nghi or doc.de_xuat)


def activities_sentence(doc: BaoCao, noun: str = "đơn vị") -> str:
    h: Any = getattr(doc.so_lieu, "hoat_dong")  # noqa: B009 - fields made by create_model
    return (f"Trong {doc.ky_text}, {noun} đã tổ chức {so(h.tuyen_truyen)} cuộc tuyên truyền, phổ "
            f"biến về bình đẳng giới với {so(h.luot_tuyen_truyen)} lượt người tham dự; "
            f"{so(h.tap_huan)} lớp tập huấn, bồi dưỡng với {so(h.luot_tap_huan)} lượt người tham "
            f"dự; {so(h.kiem_tra)} cuộc kiểm tra, giám sát việc thực hiện công tác cán bộ nữ.")


def figures_sentence(doc: BaoCao) -> str:
    s = doc.so_lieu
    return (f"{cap(totals(s, NHAN_SU.key), 'Tổng số cán bộ, công chức, viên chức là')}; "
            f"{cap(totals(s, LANH_DAO.key), 'lãnh đạo, quản lý các cấp')}; "
            f"{cap(totals(s, QUY_HOACH.key), 'quy hoạch lãnh đạo, quản lý')}. "
            "Chi tiết như bảng sau:")


def body(doc: BaoCao, noun: str = "đơn vị") -> Any:
    """`noun`: how the report calls its author ("địa phương" for a UBND, else "đơn vị")."""
    holder = Holder()
    results = [
        Muc(tieu_de="Công tác tuyên truyền, tập huấn, kiểm tra",
            doan=[activities_sentence(doc, noun)]),
        Muc(tieu_de="Số liệu nữ cán bộ, công chức, viên chức",
            doan=[figures_sentence(doc), holder.mark(figures_table(doc.so_lieu))]),
        *doc.ket_qua,
    ]
    head = plain_paragraphs(doc.can_cu, role="can_cu", italic=True) + plain_paragraphs(doc.mo_dau)
    sections = [
        section("Kết quả thực hiện", results),
        section("Hạn chế và nguyên nhân", doc.han_che),
        section("Kiến nghị, đề xuất", proposals(doc)),
        *doc.noi_dung,
    ]
    return assemble(head, sections, plain_paragraphs(doc.ket_thuc), holder)


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: BaoCao = document.data
    ws = bctx.ws
    ctx = official_context(doc, ws, TEN_LOAI)
    local = ws.unit(doc.co_quan).cap in ("tinh", "cap_huyen", "cap_xa")
    ctx["noi_dung"] = body(doc, "địa phương" if local else "đơn vị")
    return ctx


def _scaffold(ws: Workspace, options: Any) -> list:
    return scaffold(ws, options)


KIND = register(Kind(
    name="bao_cao",
    title="Báo cáo (của đơn vị)",
    schema=BaoCao,
    template="bao_cao.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make_template=van_ban_co_ten_loai,
    scaffold=_scaffold,
))
