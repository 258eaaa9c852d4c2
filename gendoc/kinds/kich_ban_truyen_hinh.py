"""Kịch bản phóng sự truyền hình: the two-column television script (plan III.3.d).

Hình ảnh (picture and shot type) on the left, lời bình / phỏng vấn (narration or interview) on
the right, each segment with its duration. gendoc times the narration at the station's reading
speed (syllables per minute, `truyen_thong.toc_do_doc.truyen_hinh` in gendoc.yaml): a narration
that cannot be read within its segment, or a running time that misses the slot, is reported at
build time with the difference in seconds — before the editor finds out in the cutting room.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, ValidationInfo, field_validator, model_validator

from gendoc.build import Document
from gendoc.kinds.official import Strict
from gendoc.media.brief import Brief, media_kind, produce, template_name
from gendoc.media.config import media_config
from gendoc.media.render import Images
from gendoc.media.timing import clock, parse_duration, spoken, time_segments
from gendoc.vi.dates import parse_date
from gendoc.workspace import Workspace
from gendoc.yamlio import line_of


def _seconds(v: Any) -> int:
    return parse_duration(v)


class PhongVan(Strict):
    nguoi: str = Field(min_length=1, description="họ tên người được phỏng vấn")
    chuc_vu: str | None = Field(None, description="chức vụ, đơn vị (hiện trên màn hình)")
    loi: str = Field(min_length=1, description="nội dung trả lời (băng ghi)")


class PhanDoan(Strict):
    """One segment: the picture, what is heard, how long it lasts."""

    hinh_anh: str = Field(min_length=1, description="mô tả hình ảnh")
    co_canh: str | None = Field(None, description="cỡ cảnh: toàn, trung, cận, đặc tả, flycam …")
    loi_binh: str | None = Field(None, description="lời bình (phát thanh viên đọc)")
    phong_van: PhongVan | None = Field(None, description="phỏng vấn (nguoi, chuc_vu, loi)")
    am_thanh: str | None = Field(None, description="tiếng động hiện trường, nhạc")
    thoi_luong: int = Field(description="thời lượng đoạn: số giây hoặc phút:giây (0:20)")

    @field_validator("thoi_luong", mode="before")
    @classmethod
    def _dur(cls, v: Any) -> int:
        seconds = _seconds(v)
        if seconds <= 0:
            raise ValueError("thời lượng đoạn phải lớn hơn 0 giây")
        return seconds

    @model_validator(mode="after")
    def _something_heard(self) -> PhanDoan:
        if not (self.loi_binh or self.phong_van or self.am_thanh):
            raise ValueError("đoạn cần lời bình (loi_binh), phỏng vấn (phong_van) "
                             "hoặc âm thanh (am_thanh)")
        return self


class KichBan(Strict):
    loai: str
    don_vi: str = Field("", description="đơn vị sản xuất (bỏ trống: đài phát thanh, truyền hình của tỉnh "
                                         "trong gendoc.yaml)")
    chuong_trinh: str = Field(min_length=1, description="chương trình / chuyên mục phát sóng")
    tieu_de: str = Field(min_length=1, description="tên phóng sự")
    thoi_luong: int = Field(description="khung phát: số giây hoặc phút:giây, ví dụ 5:00")
    ngay_phat: Any = Field(None, description="ngày phát sóng dự kiến")
    toc_do_doc: float | None = Field(None, gt=60, le=400,
                                     description="tốc độ đọc riêng (âm tiết/phút)")
    thuc_hien: dict[str, str] = Field(default_factory=dict,
                                      description="ê-kíp: bien_tap, quay_phim, dung_phim, doc …")
    phan_doan: list[PhanDoan] = Field(min_length=1, description="các đoạn của kịch bản")
    template: str | None = None

    @model_validator(mode="after")
    def _producer(self, info: ValidationInfo) -> KichBan:
        """No `don_vi`: the workspace's own (never another province's)."""
        if not self.don_vi:
            from gendoc.province import from_context

            self.don_vi = from_context(info, "broadcaster")
        return self

    @field_validator("thoi_luong", mode="before")
    @classmethod
    def _dur(cls, v: Any) -> int:
        return _seconds(v)

    @field_validator("ngay_phat", mode="before")
    @classmethod
    def _date(cls, v: Any) -> Any:
        return parse_date(v) if v is not None else None


CREW_LABELS = {"bien_tap": "Biên tập", "quay_phim": "Quay phim", "dung_phim": "Dựng phim",
               "doc": "Đọc lời bình", "phong_vien": "Phóng viên", "dan_chuong_trinh": "Dẫn chương trình"}


def timing(ws: Workspace, doc: Document) -> tuple[list[dict[str, Any]], list[str], float]:
    """Segment views for the template and the timing warnings (naming the YAML lines)."""
    data: KichBan = doc.data
    cfg = media_config(ws)
    speed = data.toc_do_doc or cfg.toc_do_doc.truyen_hinh
    times = time_segments([p.thoi_luong for p in data.phan_doan],
                          [p.loi_binh or "" for p in data.phan_doan], speed)
    warnings: list[str] = []
    views = []
    for seg, t in zip(data.phan_doan, times, strict=True):
        over = t.needed - t.duration
        note = ""
        if not t.fits:
            line = line_of(doc.raw, ("phan_doan", t.index - 1, "loi_binh"))
            where = f"dòng {line}, " if line else ""
            warnings.append(
                f"{where}đoạn {t.index}: lời bình {t.syllables} âm tiết cần khoảng "
                f"{spoken(t.needed)} ở tốc độ {speed:g} âm tiết/phút, dài hơn thời lượng đoạn "
                f"({spoken(t.duration)}) {round(over)} giây — rút gọn còn khoảng {t.capacity} "
                "âm tiết hoặc tăng thời lượng đoạn.")
            note = f"Lời bình dài hơn đoạn {round(over)} giây"
        views.append({
            "so": t.index, "bat_dau": clock(t.start), "ket_thuc": clock(t.start + t.duration),
            "thoi_luong": clock(t.duration), "hinh_anh": seg.hinh_anh, "co_canh": seg.co_canh or "",
            "loi_binh": seg.loi_binh or "", "am_thanh": seg.am_thanh or "",
            "phong_van": seg.phong_van.model_dump() if seg.phong_van else None,
            "am_tiet": t.syllables, "can_doc": clock(t.needed), "canh_bao": note,
        })
    total = sum(t.duration for t in times)
    diff = total - data.thoi_luong
    if abs(diff) > cfg.sai_lech_cho_phep:
        warnings.append(
            f"dòng {line_of(doc.raw, ('thoi_luong',))}, trường thoi_luong: tổng thời lượng các "
            f"đoạn {clock(total)} {'dài' if diff > 0 else 'ngắn'} hơn khung phát "
            f"{clock(data.thoi_luong)} {abs(diff)} giây — "
            f"{'cắt bớt' if diff > 0 else 'bổ sung'} đoạn hoặc sửa thời lượng.")
    return views, warnings, speed


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    data: KichBan = doc.data
    images = Images(ws, doc)
    views, warnings, speed = timing(ws, doc)
    doc.warnings.extend(warnings)
    total = sum(p.thoi_luong for p in data.phan_doan)
    narration = sum(v["am_tiet"] for v in views)
    ctx = {
        "don_vi": data.don_vi, "chuong_trinh": data.chuong_trinh, "tieu_de": data.tieu_de,
        "khung_phat": clock(data.thoi_luong), "tong_thoi_luong": clock(total),
        "lech": total - data.thoi_luong, "ngay_phat": data.ngay_phat, "toc_do": f"{speed:g}",
        "am_tiet_loi_binh": narration, "doc_loi_binh": clock(narration * 60 / speed),
        "thuc_hien": [{"vai_tro": CREW_LABELS.get(k, k.replace("_", " ").capitalize()),
                       "ho_ten": v} for k, v in data.thuc_hien.items()],
        "phan_doan": views,
    }
    brief = Brief(template=template_name(doc, "kich_ban_truyen_hinh.md.j2"), context=ctx,
                  title=f"Kịch bản: {data.tieu_de}", site=f"{data.don_vi} · {data.chuong_trinh}",
                  formats=(".docx", ".html"), docx_separate=True)
    return produce(ws, doc, images, brief)


# Variables its .md.j2 template receives (and `noi_dung`, the body of truyen_thong.docx).
CONTEXT_NAMES = ["don_vi", "chuong_trinh", "tieu_de", "khung_phat", "tong_thoi_luong", "lech", "ngay_phat", "toc_do", "am_tiet_loi_binh", "doc_loi_binh", "thuc_hien", "phan_doan", "kenh", "noi_dung"]


KIND = media_kind("kich_ban_truyen_hinh", "Kịch bản phóng sự truyền hình", KichBan, build_outputs,
                  formats=("docx", "html"), context_names=CONTEXT_NAMES,
                  example="phong-su-nu-can-bo-tieu-bieu")
