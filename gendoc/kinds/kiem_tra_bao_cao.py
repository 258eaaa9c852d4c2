"""Báo cáo kết quả kiểm tra (BC): the team's report consolidating every biên bản.

I. the inspection (plan, units, dates); II. results — a table of which units met each checklist
item, then what each item's shortfalls were; III. limits the team found; IV. proposals (written by
the team). Every finding is read from the Biên bản kiểm tra the file names (`bien_ban:`).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field

from gendoc.body import Blocks, Muc, close_body, number_items, plain_paragraphs
from gendoc.document import BuildContext, Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.inspections import blocks
from gendoc.inspections.results import period, results, summary_table
from gendoc.inspections.scaffold import example_scaffold
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBanCoTenLoai, official_context

TEN_LOAI = "BÁO CÁO"


class BaoCaoKetQuaKiemTra(VanBanCoTenLoai):
    """The inspection report (see docs/inspections.md)."""

    bien_ban: str = Field(min_length=1, description="tệp biên bản kiểm tra (tính từ thư mục của "
                                                    "tệp này), ví dụ bien-ban-kiem-tra-2018.yaml")
    danh_gia_chung: list[str] = Field(default_factory=list, description="đánh giá chung (mục II)")
    kien_nghi: list[Muc] = Field(min_length=1, description="kiến nghị, đề xuất (mục IV)")


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: BaoCaoKetQuaKiemTra = document.data
    res = results(document, bctx)
    ctx = official_context(doc, bctx.ws, TEN_LOAI)
    cite = blocks.citation(res.plan, bctx.ws, "Kế hoạch", "KH")
    opening = doc.mo_dau or [f"Thực hiện {cite}, {period(res)}, Đoàn kiểm tra đã kiểm tra việc "
                             f"thực hiện biện pháp bảo đảm bình đẳng giới năm {res.plan.nam} tại "
                             f"{len(res.units)} cơ quan, đơn vị: {', '.join(res.units)}. Kết quả "
                             "như sau:"]
    body = Blocks(plain_paragraphs(doc.can_cu, role="can_cu", italic=True))
    body += plain_paragraphs(opening)
    body.append(blocks.heading(1, "Kết quả kiểm tra theo từng nội dung"))
    body.append(summary_table(res))
    body += plain_paragraphs(doc.danh_gia_chung)
    body.append(blocks.heading(2, "Tồn tại, hạn chế"))
    limits = [Muc(tieu_de=r.item.noi_dung, muc=[Muc(tieu_de=None, doan=[f"{unit}: {remark}"])
                                                for unit, remark, _ in r.not_met])
              for r in res.items if r.not_met]
    body += number_items(limits, start="so") or plain_paragraphs(
        ["Các đơn vị được kiểm tra thực hiện đạt tất cả các nội dung kiểm tra."])
    body.append(blocks.heading(3, "Kiến nghị, đề xuất"))
    tail = number_items(doc.kien_nghi, start="so") + plain_paragraphs(doc.ket_thuc)
    body += close_body(tail)
    ctx["noi_dung"] = body
    return ctx


KIND = register(Kind(
    name="kiem_tra_bao_cao",
    title="Báo cáo kết quả kiểm tra",
    schema=BaoCaoKetQuaKiemTra,
    template="kiem_tra_bao_cao.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make_template=van_ban_co_ten_loai,
    scaffold=example_scaffold("kiem_tra_bao_cao", "bao-cao-ket-qua-kiem-tra-2018",
                              link="bien_ban"),
))
