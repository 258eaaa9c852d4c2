"""Content fields shared by media kinds: photos, sections with subheads, the press contact."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import Field, field_validator, model_validator

from gendoc.body import Para, Span
from gendoc.kinds.official import Strict
from gendoc.media.blocks import Photo, plain, text
from gendoc.media.render import Images

PAGE_NAMES = ["noi_dung", "tieu_de", "mo_ta", "dau_trang", "css"]  # what every layout receives


def own_template(value: str | None) -> str | None:
    """`template:` of a media file: a page frame (.html.j2) or a Word template (.docx).

    Checked when the file is loaded, so an old Markdown template gets its migration message
    (with the line) before anything tries to use it.
    """
    if value is None or value.endswith((".html.j2", ".docx")):
        return value
    if value.endswith(".md.j2"):
        raise ValueError(
            f"mẫu Markdown '{value}' không còn được dùng — nội dung được in nguyên văn, bố cục "
            "tin, bài do gendoc dựng. Xoá dòng này, hoặc ghi một mẫu khung trang web .html.j2 "
            "(chép từ truyen_thong.html.j2 của gendoc) hay một mẫu Word .docx")
    raise ValueError(f"'{value}' không phải mẫu dùng được — ghi tên một mẫu khung trang web "
                     ".html.j2 hoặc một mẫu Word .docx trong templates/")


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


def photo(images: Images, anh: Anh | None, loc: tuple, *, default_caption: str = "",
          max_width_cm: float | None = None) -> Photo | None:
    """The photo block: checked file, its page reference, caption and credit as written."""
    if anh is None:
        return None
    width = anh.rong_cm if max_width_cm is None else min(anh.rong_cm, max_width_cm)
    caption = anh.chu_thich or default_caption
    ref = images.add(anh.tep, (*loc, "tep"))
    return Photo(images.by_ref[ref], width_cm=width, caption=caption or None, ref=ref,
                 credit=anh.tac_gia or "", alt=caption)


def sections(items: list[Phan], fill: Callable[..., str], field: str, *,
             numbered_heads: bool = False) -> list[Any]:
    """Blocks of the article body: subheads (as written) and paragraphs (inline marks apply).

    `fill(text, *loc)` replaces figure placeholders; `numbered_heads` prints "1. Tiêu đề" in
    bold as a paragraph (the ND30 body of a press release) instead of a web subhead.
    """
    out: list[Any] = []
    for i, part in enumerate(items):
        if part.tieu_de:
            head = fill(part.tieu_de, field, i, "tieu_de")
            out.append(Para([Span(f"{i + 1}. {head}", bold=True)]) if numbered_heads
                       else plain(head, "tieu_de_muc"))
        out.extend(text(fill(t, field, i, "doan", j)) for j, t in enumerate(part.doan))
    return out
