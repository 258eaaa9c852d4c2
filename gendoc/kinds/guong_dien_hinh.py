"""Gương điển hình: profiles of exemplary women, one page each, in one collection (plan III.3.d).

Each profile has a photo, name, title, unit, achievements and a short story; the collection is
a Word file (a page per person, for the editorial desk and print) and a web page. The same
content file feeds the commendation decision (`quyet_dinh` with `danh_sach_tu:`), so the names
and achievements commended are exactly those profiled.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from gendoc.build import Document
from gendoc.kinds.official import Strict
from gendoc.media.brief import Brief, media_kind, produce, template_name
from gendoc.media.render import Images
from gendoc.media.schema import Anh, photo
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
            from gendoc.province import from_context

            self.don_vi = from_context(info, "press_department")
        return self

    @field_validator("gioi_thieu", mode="before")
    @classmethod
    def _many(cls, v: Any) -> Any:
        return _list(v)


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    data: GuongDienHinh = doc.data
    images = Images(ws, doc)
    people = []
    for index, person in enumerate(data.nguoi):
        view = person.model_dump(exclude={"anh"})
        view["anh"] = photo(images, person.anh, ("nguoi", index, "anh"))
        people.append(view)
    ctx = {"don_vi": data.don_vi, "tieu_de": data.tieu_de, "gioi_thieu": data.gioi_thieu,
           "nguoi": people}
    brief = Brief(template=template_name(doc, "guong_dien_hinh.md.j2"), context=ctx,
                  title=data.tieu_de, description=" ".join(data.gioi_thieu)[:300] or None,
                  site=data.don_vi, formats=(".docx", ".html"))
    return produce(ws, doc, images, brief)


# Variables its .md.j2 template receives (and `noi_dung`, the body of truyen_thong.docx).
CONTEXT_NAMES = ["don_vi", "tieu_de", "gioi_thieu", "nguoi", "kenh", "noi_dung"]


KIND = media_kind("guong_dien_hinh", "Gương điển hình (tập giới thiệu)", GuongDienHinh, build_outputs,
                  formats=("docx", "html"), context_names=CONTEXT_NAMES,
                  example="guong-phu-nu-tieu-bieu-2017")
