"""Giấy mời (GM): an invitation in the form of Phụ lục III, mẫu 1.7.

The form has no `Kính gửi:` line: the body opens with "<issuing body> trân trọng kính mời:
<who>", then "Tới dự <what>", `Chủ trì:`, `Thời gian:`, `Địa điểm:` and closing paragraphs. The
same context code serves a single invitation written by hand and the batch of invitations of a
training course (`gendoc.training.invitations`), where `kinh_moi` and the per-recipient
paragraph are filled per unit or per participant.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocxDocument
from pydantic import Field, field_validator

from gendoc.body import Blocks, Para, Span, close_body, parse_inline
from gendoc.document import BuildContext, Document
from gendoc.docx_templates import (
    add_para,
    base_document,
    body_block,
    closing_block,
    header_block,
    title_block,
)
from gendoc.kinds import Kind, register
from gendoc.kinds.official import VanBan, official_context
from gendoc.workspace import Workspace

TEN_LOAI = "GIẤY MỜI"


class GiayMoi(VanBan):
    """An invitation: who is invited to what, chaired by whom, when and where."""

    kinh_moi: str = Field(min_length=1, description="người, đơn vị được mời")
    toi_du: str = Field(min_length=1, description="sự kiện: 'Tới dự …'")
    chu_tri: str | None = Field(None, description="người chủ trì")
    thoi_gian: str = Field(min_length=1, description="thời gian, ví dụ '7 giờ 30 phút, thứ Hai, ngày 05/6/2017'")
    dia_diem: str = Field(min_length=1, description="địa điểm")
    ghi_chu: list[str] = Field(default_factory=list, description="các đoạn thêm ở cuối")

    @field_validator("ghi_chu", mode="before")
    @classmethod
    def _lines(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)


def _line(label: str, text: str) -> Para:
    return Para([Span(label), *parse_inline(text)])


def body(doc: GiayMoi, issuer: str) -> Blocks:
    paras = [Para([Span(f"{issuer} trân trọng kính mời: "), *parse_inline(doc.kinh_moi, bold=True)]),
             _line("Tới dự ", doc.toi_du.rstrip(".") + ".")]
    if doc.chu_tri:
        paras.append(_line("Chủ trì: ", doc.chu_tri.rstrip(".") + "."))
    paras.append(_line("Thời gian: ", doc.thoi_gian.rstrip(".") + "."))
    paras.append(_line("Địa điểm: ", doc.dia_diem.rstrip(".") + "."))
    paras += [Para(parse_inline(text)) for text in doc.ghi_chu]
    return Blocks(close_body(paras))


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    return invitation_context(document.data, bctx.ws)


def invitation_context(doc: GiayMoi, ws: Workspace) -> dict[str, Any]:
    """Template variables of a Giấy mời (also filled per recipient for a course's invitations)."""
    ctx = official_context(doc, ws, TEN_LOAI)
    ctx["noi_dung"] = body(doc, ctx["co_quan_ten_day_du"])
    return ctx


def make_template() -> DocxDocument:
    """Phụ lục III mẫu 1.7: header, GIẤY MỜI and the event's trích yếu with its rule, body, closing."""
    doc = base_document()
    header_block(doc)
    title_block(doc)
    body_block(doc)
    closing_block(doc)
    add_para(doc, "")
    return doc


KIND = register(Kind(
    name="giay_moi",
    title="Giấy mời",
    schema=GiayMoi,
    template="giay_moi.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make_template=make_template,
))
