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

from gendoc.body import Para, Span, Table
from gendoc.document import Document
from gendoc.kinds.official import Strict
from gendoc.media.blocks import marked, plain
from gendoc.media.brief import Brief, media_kind, produce
from gendoc.media.config import media_config
from gendoc.media.render import Images
from gendoc.media.schema import PAGE_NAMES, own_template
from gendoc.media.timing import clock, parse_duration, spoken, time_segments
from gendoc.province import from_context
from gendoc.vi.dates import ngay_thang_nam, parse_date
from gendoc.workspace import Workspace


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

    @field_validator("template")
    @classmethod
    def _own_template(cls, v: str | None) -> str | None:
        return own_template(v)


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
            line = doc.line("phan_doan", t.index - 1, "loi_binh")
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
            f"dòng {doc.line('thoi_luong')}, trường thoi_luong: tổng thời lượng các "
            f"đoạn {clock(total)} {'dài' if diff > 0 else 'ngắn'} hơn khung phát "
            f"{clock(data.thoi_luong)} {abs(diff)} giây — "
            f"{'cắt bớt' if diff > 0 else 'bổ sung'} đoạn hoặc sửa thời lượng.")
    return views, warnings, speed


def _sound(view: dict[str, Any]) -> list[Span]:
    """The right-hand cell: narration, interview, ambient sound, timing warning."""
    parts: list[list[Span]] = []
    if view["loi_binh"]:
        parts.append([Span("Lời bình:", bold=True), Span(" "), *marked(view["loi_binh"])])
    interview = view["phong_van"]
    if interview:
        who = [Span(f"Phỏng vấn {interview['nguoi']}", bold=True)]
        if interview.get("chuc_vu"):
            who.append(Span(f" ({interview['chuc_vu']})"))
        parts.append([*who, Span(": "), Span("“", italic=True),
                      *marked(interview["loi"], italic=True), Span("”", italic=True)])
    if view["am_thanh"]:
        parts.append([Span("[Âm thanh: ", italic=True), *marked(view["am_thanh"], italic=True),
                      Span("]", italic=True)])
    if view["canh_bao"]:
        parts.append([Span(f"⚠ {view['canh_bao']}", bold=True)])
    out: list[Span] = []
    for part in parts:
        out += ([Span("\n")] if out else []) + part
    return out


def script_table(views: list[dict[str, Any]]) -> Table:
    rows: list[list[str | list[Span]]] = []
    for v in views:
        time = [Span(str(v["so"]), bold=True), Span(f"\n{v['bat_dau']}–{v['ket_thuc']}"),
                Span(f"\n({v['thoi_luong']})")]
        picture = ([Span(f"{v['co_canh']}:", bold=True), Span(" ")] if v["co_canh"] else []) \
            + marked(v["hinh_anh"])
        rows.append([time, picture, _sound(v)])
    return Table(header=["Thời gian", "Hình ảnh", "Lời bình / phỏng vấn"], rows=rows,
                 widths=[2.4, 6, 8.1], align=["giua", "trai", "deu"])


def script_blocks(data: KichBan, views: list[dict[str, Any]], speed: float) -> list[Any]:
    total = sum(p.thoi_luong for p in data.phan_doan)
    narration = sum(v["am_tiet"] for v in views)
    off = total - data.thoi_luong
    frame = [Span("Khung phát: "), Span(clock(data.thoi_luong), bold=True),
             Span(" · Tổng thời lượng các đoạn: "), Span(clock(total), bold=True)]
    if off:
        frame.append(Span(f" (lệch {off} giây)"))
    if data.ngay_phat:
        frame.append(Span(f" · Phát sóng: {ngay_thang_nam(data.ngay_phat)}"))
    out: list[Any] = [
        plain(f"KỊCH BẢN PHÓNG SỰ: {data.tieu_de.upper()}", "tieu_de"), Para(frame),
        plain(f"Lời bình: {narration} âm tiết, đọc khoảng {clock(narration * 60 / speed)} ở tốc "
              f"độ {speed:g} âm tiết/phút.", "noi_dung")]
    crew = [f"{CREW_LABELS.get(k, k.replace('_', ' ').capitalize())}: {v}"
            for k, v in data.thuc_hien.items()]
    if crew:
        out.append(plain(" · ".join(crew), "nho"))
    out.append(script_table(views))
    return out


def build_outputs(ws: Workspace, doc: Document) -> dict[str, bytes]:
    data: KichBan = doc.data
    images = Images(ws, doc)
    views, warnings, speed = timing(ws, doc)
    doc.warnings.extend(warnings)
    web = script_blocks(data, views, speed)
    # The Word copy (for the cutting room) names the station and programme above the title.
    van_ban = [plain(f"{data.don_vi.upper()} · {data.chuong_trinh}", "giua"), *web]
    brief = Brief(title=f"Kịch bản: {data.tieu_de}", web=web, van_ban=van_ban,
                  site=f"{data.don_vi} · {data.chuong_trinh}", formats=(".docx", ".html"))
    return produce(ws, doc, images, brief)


# Variables its Word template (truyen_thong.docx) and page frame (truyen_thong.html.j2) get.
CONTEXT_NAMES = PAGE_NAMES


KIND = media_kind("kich_ban_truyen_hinh", "Kịch bản phóng sự truyền hình", KichBan, build_outputs,
                  formats=("docx", "html"), context_names=CONTEXT_NAMES,
                  example="phong-su-nu-can-bo-tieu-bieu")
