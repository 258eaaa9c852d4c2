"""Quyết định thành lập Đoàn kiểm tra (QĐ, Phụ lục III mẫu 1.2) of one inspection.

Căn cứ, `QUYẾT ĐỊNH:`, Điều 1 (the team is set up, its members listed in the annex), Điều 2 (its
task: the content and units of the Kế hoạch kiểm tra, and when it reports), Điều 3 (who carries
out the decision). The team — roles trưởng đoàn, phó trưởng đoàn, thành viên, thư ký — comes from
the Kế hoạch kiểm tra the file names, so plan and decision never disagree.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from gendoc.body import Blocks, Para, Span, close_body, parse_inline
from gendoc.document import BuildContext, Document
from gendoc.inspections import blocks
from gendoc.inspections.scaffold import example_scaffold
from gendoc.inspections.sources import plan_of
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBan, annex_blocks, official_context
from gendoc.kinds.quyet_dinh import make_template

TEN_LOAI = "QUYẾT ĐỊNH"
ANNEX_TITLE = "Danh sách thành viên Đoàn kiểm tra"


class QuyetDinhThanhLapDoan(VanBan):
    """The decision setting up the inspection team (see docs/inspections.md)."""

    ke_hoach_kiem_tra: str = Field(min_length=1, description="tệp kế hoạch kiểm tra (tính từ "
                                   "thư mục của tệp này), ví dụ ke-hoach-kiem-tra-2018.yaml")
    tham_quyen: str | None = Field(None, description="dòng thẩm quyền, mặc định 'GIÁM ĐỐC SỞ NỘI VỤ'")
    can_cu: list[str] = Field(min_length=1, description="các căn cứ ban hành (in nghiêng)")
    nhiem_vu: list[str] = Field(default_factory=list, description="thêm vào Điều 2 (nhiệm vụ "
                                                                  "của Đoàn)")
    thi_hanh: str = Field(min_length=1, description="Điều 3: những người chịu trách nhiệm thi "
                          "hành, ví dụ 'Chánh Văn phòng Sở, … và các ông (bà) có tên tại Điều 1'")

    @field_validator("can_cu", "nhiem_vu", mode="before")
    @classmethod
    def _lines(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)


def articles(doc: QuyetDinhThanhLapDoan, plan: Any, ws: Any, cite: str) -> list[Para]:
    units = ", ".join(blocks.unit_name(ws, x.don_vi) for x in plan.lich)
    first, last = min(x.ngay for x in plan.lich), max(x.ngay for x in plan.lich)
    due = (f" trước ngày {blocks.day_text(plan.han_bao_cao_ket_qua)}"
           if plan.han_bao_cao_ket_qua else "")
    texts = [
        f"Thành lập Đoàn kiểm tra việc thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán "
        f"bộ, công chức, viên chức năm {plan.nam} (sau đây gọi là Đoàn kiểm tra), gồm các ông "
        f"(bà) có tên trong danh sách kèm theo Quyết định này.",
        f"Đoàn kiểm tra có nhiệm vụ kiểm tra theo nội dung {cite} tại {units}, từ ngày "
        f"{blocks.day_text(first)} đến ngày {blocks.day_text(last)}; lập biên bản kiểm tra tại "
        f"từng đơn vị, tổng hợp và báo cáo kết quả{due}. Đoàn kiểm tra tự giải thể sau khi hoàn "
        "thành nhiệm vụ.",
        f"{doc.thi_hanh.rstrip('.')} chịu trách nhiệm thi hành Quyết định này.",
    ]
    paras = [Para([Span(f"Điều {i}. ", bold=True), *parse_inline(t)]) for i, t in
             enumerate(texts, 1)]
    paras[2:2] = [Para(parse_inline(t)) for t in doc.nhiem_vu]  # Điều 2 goes on
    return paras


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: QuyetDinhThanhLapDoan = document.data
    ws = bctx.ws
    plan = plan_of(document, bctx).data
    ctx = official_context(doc, ws, TEN_LOAI)
    unit = ws.unit(doc.co_quan)
    authority = doc.tham_quyen or f"{unit.chuc_vu_thu_truong or ''} {unit.ten_day_du or ''}"
    ctx["tham_quyen"] = authority.strip().upper()
    cite = blocks.citation(plan, ws, "Kế hoạch", "KH")
    paras = [Para(parse_inline(c, italic=True), role="can_cu") for c in doc.can_cu]
    paras.append(Para([Span(f"{TEN_LOAI}:", bold=True)], role="tieu_de_giua"))
    paras += articles(doc, plan, ws, cite)
    ctx["noi_dung"] = Blocks(close_body(paras))
    ctx["phu_luc"] = annex_blocks([], ctx, [(ANNEX_TITLE, Blocks([blocks.team_table(plan.doan)]))])
    return ctx


KIND = register(Kind(
    name="kiem_tra_quyet_dinh",
    title="Quyết định thành lập Đoàn kiểm tra",
    schema=QuyetDinhThanhLapDoan,
    template="kiem_tra_quyet_dinh.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make_template=make_template,
    scaffold=example_scaffold("kiem_tra_quyet_dinh", "quyet-dinh-doan-kiem-tra-2018"),
))
