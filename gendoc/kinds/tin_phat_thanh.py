"""Tin phát thanh: a radio item with its estimated reading time (plan III.3.a, III.3.c).

The reader's copy shows, before each paragraph, the time at which it starts on air, and the
whole item's reading time at the station's pace (`truyen_thong.toc_do_doc.phat_thanh`). When
the item has a target length, a text that runs longer or shorter than the slot (beyond
`truyen_thong.sai_lech_cho_phep`) is reported at build time with the difference in seconds.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from gendoc.body import Para, Span
from gendoc.document import Document
from gendoc.kinds.official import Strict
from gendoc.media.blocks import marked, plain
from gendoc.media.brief import Brief, media_kind, produce
from gendoc.media.config import media_config
from gendoc.media.figures import Filler, TongHop
from gendoc.media.render import Images
from gendoc.media.schema import PAGE_NAMES, own_template
from gendoc.media.timing import clock, parse_duration, reading_seconds, spoken, syllables
from gendoc.province import from_context
from gendoc.vi.dates import ngay_thang_nam, parse_date
from gendoc.vi.numwords import viet_hoa_dau
from gendoc.workspace import Workspace


class TinPhatThanh(Strict):
    loai: str
    don_vi: str = Field("", description="đơn vị phát (bỏ trống: đài phát thanh, truyền hình của tỉnh "
                                         "trong gendoc.yaml)")
    chuong_trinh: str = Field(min_length=1, description="chương trình, ví dụ 'Thời sự 18 giờ'")
    tieu_de: str = Field(min_length=1, description="tiêu đề tin")
    ngay_phat: Any = Field(None, description="ngày phát")
    thoi_luong: int | None = Field(None, description="thời lượng dành cho tin (giây hoặc 1:30)")
    toc_do_doc: float | None = Field(None, gt=60, le=400, description="âm tiết/phút (riêng tin này)")
    noi_dung: list[str] = Field(min_length=1, description="các đoạn phát thanh viên đọc")
    bien_tap: str | None = Field(None, description="người viết / biên tập")
    nguon: str | None = Field(None, description="nguồn tin")
    tong_hop: TongHop | None = Field(None, description="lấy số liệu từ báo cáo tổng hợp của năm")
    template: str | None = None

    @model_validator(mode="after")
    def _producer(self, info: ValidationInfo) -> TinPhatThanh:
        """No `don_vi`: the workspace's own (never another province's)."""
        if not self.don_vi:
            self.don_vi = from_context(info, "broadcaster")
        return self

    @field_validator("thoi_luong", mode="before")
    @classmethod
    def _dur(cls, v: Any) -> int | None:
        return None if v is None else parse_duration(v)

    @field_validator("ngay_phat", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        return parse_date(v) if v is not None else None

    @field_validator("noi_dung", mode="before")
    @classmethod
    def _one(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else v

    @field_validator("template")
    @classmethod
    def _own_template(cls, v: str | None) -> str | None:
        return own_template(v)


def estimate(ws: Workspace, doc: Document) -> tuple[list[dict[str, Any]], float, float, list[str]]:
    """Paragraph views (start time, syllables), total seconds, speed, and timing warnings."""
    data: TinPhatThanh = doc.data
    cfg = media_config(ws)
    speed = data.toc_do_doc or cfg.toc_do_doc.phat_thanh
    fill = Filler(ws, doc, data.tong_hop)
    views = []
    start = 0.0
    for index, raw in enumerate(data.noi_dung):
        text = fill(raw, "noi_dung", index)
        seconds = reading_seconds(text, speed)
        views.append({"bat_dau": clock(start), "doan": text, "am_tiet": syllables(text)})
        start += seconds
    warnings = []
    if data.thoi_luong is not None:
        diff = round(start - data.thoi_luong)
        if abs(start - data.thoi_luong) > cfg.sai_lech_cho_phep:
            line = doc.line("thoi_luong")
            warnings.append(
                f"dòng {line}, trường thoi_luong: tin đọc khoảng {spoken(start)} ở tốc độ "
                f"{speed:g} âm tiết/phút, {'dài' if diff > 0 else 'ngắn'} hơn thời lượng "
                f"{spoken(data.thoi_luong)} {abs(diff)} giây — "
                f"{'rút gọn' if diff > 0 else 'bổ sung'} khoảng "
                f"{round(abs(start - data.thoi_luong) * speed / 60)} âm tiết.")
    return views, start, speed, warnings


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    data: TinPhatThanh = doc.data
    views, total, speed, warnings = estimate(ws, doc)
    doc.warnings.extend(warnings)
    syllable_count = sum(v["am_tiet"] for v in views)
    top = f"{data.don_vi} · {data.chuong_trinh}"
    if data.ngay_phat:
        top += f" · {viet_hoa_dau(ngay_thang_nam(data.ngay_phat))}"
    slot = f"; thời lượng dành cho tin: {clock(data.thoi_luong)}" if data.thoi_luong is not None \
        else ""
    body: list[Any] = [
        plain(top, "nho"), plain(data.tieu_de, "tieu_de"),
        Para([Span(f"Thời lượng đọc ước tính: {spoken(total)}", bold=True),
              Span(f" ({clock(total)}{slot}) — {syllable_count} âm tiết, tốc độ {speed:g} "
                   "âm tiết/phút.")]),
        *(Para([Span(f"[{v['bat_dau']}] "), *marked(v["doan"])]) for v in views)]
    credit = " — ".join(x for x in (data.bien_tap, f"Nguồn: {data.nguon}" if data.nguon else "")
                        if x)
    if credit:
        body.append(plain(credit, "tac_gia"))
    brief = Brief(title=data.tieu_de, web=body, site=f"{data.don_vi} · {data.chuong_trinh}",
                  formats=(".txt", ".html", ".docx"))
    return produce(ws, doc, Images(ws, doc), brief)


# Variables its Word template (truyen_thong.docx) and page frame (truyen_thong.html.j2) get.
CONTEXT_NAMES = PAGE_NAMES


KIND = media_kind("tin_phat_thanh", "Tin phát thanh", TinPhatThanh, build_outputs,
                  formats=("txt", "html", "docx"), context_names=CONTEXT_NAMES,
                  example="tin-phat-thanh-so-ket-2017")
