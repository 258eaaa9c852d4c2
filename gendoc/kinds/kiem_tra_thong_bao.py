"""Thông báo kết luận kiểm tra (TB): what the inspection concluded, sent to the units.

1. strengths — the items every unit met; 2. shortfalls — per item, the units that did not meet
it; 3. what each unit must correct and by when (a table), and when it reports back. Every finding
is read from the Biên bản kiểm tra the file names (`bien_ban:`).
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from gendoc.body import Blocks, Para, Span, close_body, parse_inline, plain_paragraphs
from gendoc.document import BuildContext, Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.inspections import blocks
from gendoc.inspections.model import full_date
from gendoc.inspections.results import corrections_table, period, results
from gendoc.inspections.scaffold import example_scaffold
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBanCoTenLoai, official_context

TEN_LOAI = "THÔNG BÁO"


class ThongBaoKetLuan(VanBanCoTenLoai):
    """The inspection conclusions (see docs/inspections.md)."""

    bien_ban: str = Field(min_length=1, description="tệp biên bản kiểm tra (tính từ thư mục của "
                                                    "tệp này), ví dụ bien-ban-kiem-tra-2018.yaml")
    uu_diem: list[str] = Field(default_factory=list, description="ưu điểm thêm (mục 1)")
    han_khac_phuc: Any = Field(description="hạn khắc phục, ví dụ 2018-12-31")
    han_bao_cao_khac_phuc: Any = Field(None, description="hạn báo cáo kết quả khắc phục, "
                                                         "ví dụ 2019-01-10")

    _dates = field_validator("han_khac_phuc", "han_bao_cao_khac_phuc", mode="before")(
        lambda v: full_date(v))


def _line(text: str) -> Para:
    return Para(parse_inline(text))


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: ThongBaoKetLuan = document.data
    res = results(document, bctx)
    ctx = official_context(doc, bctx.ws, TEN_LOAI)
    issuer = ctx["co_quan_ten_day_du"]
    cite = blocks.citation(res.plan, bctx.ws, "Kế hoạch", "KH")
    deadline = blocks.day_text(doc.han_khac_phuc)
    body = Blocks(plain_paragraphs(doc.can_cu, role="can_cu", italic=True))
    body += plain_paragraphs(doc.mo_dau or [
        f"Thực hiện {cite}, {period(res)}, Đoàn kiểm tra đã kiểm tra tại {', '.join(res.units)}. "
        f"Trên cơ sở biên bản kiểm tra và báo cáo của Đoàn, {issuer} thông báo kết luận như sau:"])
    everyone = [r.item.noi_dung for r in res.items if not r.not_met]
    body.append(Para([Span("1. Ưu điểm", bold=True)]))
    if everyone:
        body.append(_line("Các đơn vị được kiểm tra đều thực hiện đạt các nội dung: "
                          + "; ".join(everyone) + "."))
    body += plain_paragraphs(doc.uu_diem)
    body.append(Para([Span("2. Tồn tại, hạn chế", bold=True)]))
    body += [_line(f"- {r.item.noi_dung}: {', '.join(u for u, _, _ in r.not_met)} chưa đạt.")
             for r in res.items if r.not_met] or [_line("Không có nội dung chưa đạt.")]
    body.append(Para([Span("3. Yêu cầu khắc phục", bold=True)]))
    body.append(_line(f"Đề nghị các đơn vị khắc phục các nội dung sau trước ngày {deadline}:"))
    body.append(corrections_table(res, deadline))
    report = (f" và báo cáo kết quả về {issuer} trước ngày "
              f"{blocks.day_text(doc.han_bao_cao_khac_phuc)}" if doc.han_bao_cao_khac_phuc else "")
    body += close_body(plain_paragraphs([f"Thủ trưởng các đơn vị được kiểm tra chỉ đạo khắc phục "
                                         f"đúng thời hạn{report}.", *doc.ket_thuc]))
    ctx["noi_dung"] = body
    return ctx


KIND = register(Kind(
    name="kiem_tra_thong_bao",
    title="Thông báo kết luận kiểm tra",
    schema=ThongBaoKetLuan,
    template="kiem_tra_thong_bao.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make_template=van_ban_co_ten_loai,
    scaffold=example_scaffold("kiem_tra_thong_bao", "thong-bao-ket-luan-kiem-tra-2018",
                              link="bien_ban"),
))
