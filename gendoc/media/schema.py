"""Content fields shared by media kinds: photos, sections with subheads, the press contact."""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator, model_validator

from gendoc.kinds.official import Strict
from gendoc.media.render import Images


def _paragraphs(v: Any) -> Any:
    return [v] if isinstance(v, str) else ([] if v is None else v)


class Anh(Strict):
    """A photo: file (relative to the content file), caption, credit."""

    tep: str = Field(min_length=1, description="tệp ảnh .png/.jpg, tính từ thư mục tệp nội dung")
    chu_thich: str | None = Field(None, description="chú thích ảnh")
    tac_gia: str | None = Field(None, description="tác giả / nguồn ảnh, ví dụ 'Ảnh: Minh Anh'")
    rong_cm: float = Field(12, gt=1, le=17, description="chiều rộng ảnh trong bản Word (cm)")


class Phan(Strict):
    """A section of an article: optional subhead and its paragraphs."""

    tieu_de: str | None = Field(None, description="tiêu đề phụ (subhead)")
    doan: list[str] = Field(default_factory=list, description="các đoạn văn")

    @model_validator(mode="before")
    @classmethod
    def _shorthand(cls, v: Any) -> Any:
        return {"doan": [v]} if isinstance(v, str) else v

    @field_validator("doan", mode="before")
    @classmethod
    def _one(cls, v: Any) -> Any:
        return _paragraphs(v)


class LienHe(Strict):
    ho_ten: str | None = None
    chuc_vu: str | None = None
    don_vi: str | None = None
    dien_thoai: str | None = None
    email: str | None = None

    def has_any(self) -> bool:
        return any(getattr(self, k) for k in type(self).model_fields)


def photo(images: Images, anh: Anh | None, loc: tuple) -> dict[str, Any] | None:
    """Template view of a photo: `src` (a reference the page fills in), caption, credit, width."""
    if anh is None:
        return None
    return {"src": images.add(anh.tep, (*loc, "tep")), "chu_thich": anh.chu_thich or "",
            "tac_gia": anh.tac_gia or "", "rong_cm": anh.rong_cm}


def sections(items: list[Phan]) -> list[dict[str, Any]]:
    return [{"tieu_de": p.tieu_de or "", "doan": list(p.doan)} for p in items]
