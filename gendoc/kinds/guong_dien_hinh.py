"""Gương điển hình: profiles of exemplary women, one page each, in one collection (plan III.3.d).

Each profile has a photo, name, title, unit, achievements and a short story; the collection is
a Word file (a page per person, for the editorial desk and print) and a web page. The same
content file feeds the commendation decision (`quyet_dinh` with `danh_sach_tu:`), so the names
and achievements commended are exactly those profiled.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from gendoc.body import PageBreak, Para, Span
from gendoc.document import Document
from gendoc.kinds.official import Strict
from gendoc.media.blocks import Group, marked, plain, plain_text, text
from gendoc.media.brief import Brief, media_kind, produce
from gendoc.media.render import Images
from gendoc.media.schema import PAGE_NAMES, Anh, own_template, photo
from gendoc.province import from_context
from gendoc.workspace import Workspace


def _list(v: Any) -> Any:
    return [v] if isinstance(v, str) else ([] if v is None else v)


class NguoiDienHinh(Strict):
    ho_ten: str = Field(min_length=1, description="họ và tên")
    anh: Anh | None = Field(None, description="ảnh chân dung")
    nam_sinh: int | None = Field(None, ge=1900, le=2100, description="năm sinh")
    chuc_vu: str = Field(min_length=1, description="chức vụ, chức danh")
    don_vi: str = Field(min_length=1, description="cơ quan, đơn vị công tác")
    thanh_tich: list[str] = Field(min_length=1, description="các thành tích tiêu biểu")
    cau_chuyen: list[str] = Field(default_factory=list, description="các đoạn giới thiệu")
    trich_dan: str | None = Field(None, description="một câu nói của người được giới thiệu")

    @field_validator("thanh_tich", "cau_chuyen", mode="before")
    @classmethod
    def _many(cls, v: Any) -> Any:
        return _list(v)


class GuongDienHinh(Strict):
    loai: str
    don_vi: str = Field("", description="đơn vị thực hiện tập gương điển hình (bỏ trống: sở phụ "
                                         "trách báo chí của tỉnh trong gendoc.yaml)")
    tieu_de: str = Field(min_length=1, description="tên tập, ví dụ 'Gương phụ nữ tiêu biểu 2017'")
    gioi_thieu: list[str] = Field(default_factory=list, description="đoạn giới thiệu đầu tập")
    nguoi: list[NguoiDienHinh] = Field(min_length=1, description="những người được giới thiệu")
    template: str | None = None

    @model_validator(mode="after")
    def _producer(self, info: ValidationInfo) -> GuongDienHinh:
        """No `don_vi`: the workspace's own (never another province's)."""
        if not self.don_vi:
            self.don_vi = from_context(info, "press_department")
        return self

    @field_validator("gioi_thieu", mode="before")
    @classmethod
    def _many(cls, v: Any) -> Any:
        return _list(v)

    @field_validator("template")
    @classmethod
    def _own_template(cls, v: str | None) -> str | None:
        return own_template(v)


def profile(images: Images, person: NguoiDienHinh, index: int) -> Group:
    """One person's page: name, portrait, title and unit, achievements, story, quote."""
    facts = [Span("Chức vụ:", bold=True), Span(f" {person.chuc_vu}")]
    if person.nam_sinh:
        facts += [Span(" · "), Span("Năm sinh:", bold=True), Span(f" {person.nam_sinh}")]
    blocks: list[Any] = [
        plain(person.ho_ten, "ten"),
        photo(images, person.anh, ("nguoi", index, "anh"), default_caption=person.ho_ten,
              max_width_cm=6),
        Para(facts, role="nho"),
        Para([Span("Đơn vị:", bold=True), Span(f" {person.don_vi}")], role="nho"),
        plain("Thành tích tiêu biểu", "tieu_de_nho"),
        *(text(t, "muc") for t in person.thanh_tich),
        *(text(t) for t in person.cau_chuyen)]
    if person.trich_dan:
        blocks.append(Para([Span("“"), *marked(person.trich_dan), Span("”")], role="trich_dan"))
    return Group("ho-so", [b for b in blocks if b is not None])


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    data: GuongDienHinh = doc.data
    images = Images(ws, doc)
    body: list[Any] = [plain(data.tieu_de, "tieu_de"), *(text(t) for t in data.gioi_thieu)]
    for index, person in enumerate(data.nguoi):
        body += [PageBreak(), profile(images, person, index)]  # one person per printed page
    intro = " ".join(plain_text(marked(t)) for t in data.gioi_thieu)
    brief = Brief(title=data.tieu_de, web=body, description=intro[:300] or None,
                  site=data.don_vi, formats=(".docx", ".html"))
    return produce(ws, doc, images, brief)


# Variables its Word template (truyen_thong.docx) and page frame (truyen_thong.html.j2) get.
CONTEXT_NAMES = PAGE_NAMES


KIND = media_kind("guong_dien_hinh", "Gương điển hình (tập giới thiệu)", GuongDienHinh, build_outputs,
                  formats=("docx", "html"), context_names=CONTEXT_NAMES,
                  example="guong-phu-nu-tieu-bieu-2017")
