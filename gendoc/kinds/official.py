"""Fields and context shared by every ND30 administrative document.

The header (issuing body, `Số:`, place and date), the signature block and `Nơi nhận:` are the
same components in every document type, so they are defined once here; a kind adds its own body
fields and context on top.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from gendoc import nd30
from gendoc.body import (
    MAX_LEVELS,
    SCHEME_LABELS,
    SCHEMES,
    Blocks,
    Muc,
    Para,
    Span,
    Table,
    close_body,
    number_items,
    parse_inline,
    plain_paragraphs,
)
from gendoc.units import CoQuan
from gendoc.vi.dates import PartialDate, ngay_thang_nam, parse_date
from gendoc.vi.formats import roman, so_van_ban
from gendoc.workspace import Workspace

# What a draft shows where the signer's name goes (as the Phụ lục III sample layouts do).
HO_TEN_MAU = "Họ và tên"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class NguoiKy(Strict):
    """Signature block (ô 7a/7b): capacity lines, title, name."""

    quyen_han: list[str] = Field(
        default_factory=list,
        description="dòng thẩm quyền ký, ví dụ 'TM. ỦY BAN NHÂN DÂN' hoặc 'KT. GIÁM ĐỐC'",
    )
    chuc_vu: str = Field(min_length=1, description="chức vụ người ký, ví dụ 'CHỦ TỊCH'")
    ho_ten: str | None = Field(None, description="họ và tên người ký (để trống nếu chưa có)")

    @field_validator("quyen_han", mode="before")
    @classmethod
    def _one_or_many(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)

    @field_validator("quyen_han")
    @classmethod
    def _prefix(cls, lines: list[str]) -> list[str]:
        for line in lines:
            if line.split(" ", 1)[0] not in nd30.QUYEN_HAN:
                raise ValueError(
                    f"dòng '{line}' phải bắt đầu bằng một trong {', '.join(nd30.QUYEN_HAN)} "
                    "(ví dụ 'TM. ỦY BAN NHÂN DÂN', 'KT. GIÁM ĐỐC')"
                )
        return lines


class VanBan(Strict):
    """Components every administrative document has (Điều 8, ND30)."""

    loai: str = Field(description="loại văn bản, ví dụ ke_hoach")
    co_quan: str = Field(description="mã cơ quan ban hành trong gendoc.yaml, ví dụ ubnd-tinh")
    so: int | None = Field(None, ge=1, le=nd30.MAX_DOCUMENT_NUMBER,
                           description="số văn bản; để trống khi chưa cấp số")
    ngay: Any = Field(None, description="ngày ban hành: 2017-01-20, hoặc 2016-12 khi chưa có ngày")
    ky_hieu: str | None = Field(None, description="ký hiệu thay cho mặc định, ví dụ 'UBND-VX'")
    dia_danh: str | None = Field(None, description="địa danh thay cho địa danh của cơ quan")
    trich_yeu: str = Field(min_length=1, description="trích yếu nội dung")
    kinh_gui: list[str] = Field(default_factory=list, description="nơi nhận ở dòng 'Kính gửi:'")
    nguoi_ky: NguoiKy
    noi_nhan: list[str] = Field(min_length=1, description="các nơi nhận, mỗi dòng một nơi")
    luu: str = Field("VT", description="dòng lưu, ví dụ 'VT, bntam'")
    so_ban: int | None = Field(None, ge=1, description="số lượng bản phát hành")
    template: str | None = Field(None, description="tên mẫu riêng trong templates/")

    @field_validator("ngay", mode="before")
    @classmethod
    def _date(cls, v: Any) -> PartialDate | None:
        if isinstance(v, PartialDate):
            return v
        if isinstance(v, dt.datetime):
            v = v.date()
        date = parse_date(v)
        if date is not None and date.year not in nd30.DOCUMENT_YEARS:
            raise ValueError(f"năm {date.year} nằm ngoài khoảng {nd30.DOCUMENT_YEARS} của văn bản "
                             "hành chính — kiểm tra lại năm (viết đủ bốn chữ số, ví dụ 2017-01-20)")
        return date

    @field_validator("kinh_gui", mode="before")
    @classmethod
    def _kg(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)


ALIGNMENTS = ("trai", "giua", "phai", "deu")


def _cell(v: Any) -> Any:
    """Cells may be written as numbers in YAML; a blank cell is an empty string, never 'None'."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return v
    return str(v) if isinstance(v, int | float) else v


class Bang(Strict):
    """A table in an annex: header cells, rows, optional relative widths and alignments."""

    tieu_de: str | None = Field(None, description="tên bảng (in đậm, căn giữa, phía trên bảng)")
    cot: list[str] = Field(min_length=1, description="tên các cột (dòng tiêu đề, lặp lại mỗi trang)")
    dong: list[list[str]] = Field(default_factory=list, description="các dòng, mỗi dòng một danh sách ô")
    do_rong: list[float] | None = Field(None, description="độ rộng tương đối của các cột, ví dụ [1, 6, 3]")
    can_le: list[str] | None = Field(None, description="căn lề từng cột: trai, giua, phai hoặc deu")
    dong_tong: bool = Field(False, description="dòng cuối là dòng tổng cộng (in đậm)")

    @field_validator("dong", mode="before")
    @classmethod
    def _cells(cls, v: Any) -> Any:
        if isinstance(v, list):
            return [[_cell(c) for c in row] if isinstance(row, list) else row for row in v]
        return v

    @field_validator("do_rong")
    @classmethod
    def _positive(cls, v: list[float] | None) -> list[float] | None:
        if v is not None and any(w <= 0 for w in v):
            raise ValueError("độ rộng cột phải là số dương, ví dụ [1, 6, 3]")
        return v

    @field_validator("can_le")
    @classmethod
    def _align(cls, v: list[str] | None) -> list[str] | None:
        bad = [a for a in v or [] if a not in ALIGNMENTS]
        if bad:
            raise ValueError(f"căn lề '{bad[0]}' không hợp lệ — chỉ nhận {', '.join(ALIGNMENTS)}")
        return v

    @model_validator(mode="after")
    def _shape(self) -> Bang:
        n = len(self.cot)
        for i, row in enumerate(self.dong, 1):
            if len(row) != n:
                raise ValueError(f"dòng {i} của bảng có {len(row)} ô, bảng có {n} cột — "
                                 "thêm hoặc bớt ô cho khớp (ô trống ghi \"\")")
        for name, values in (("do_rong", self.do_rong), ("can_le", self.can_le)):
            if values is not None and len(values) != n:
                raise ValueError(f"'{name}' có {len(values)} giá trị, bảng có {n} cột")
        return self

    def block(self) -> Table:
        return Table(header=list(self.cot), rows=[list(r) for r in self.dong],
                     widths=self.do_rong, align=self.can_le, title=self.tieu_de,
                     bold_last_row=self.dong_tong)


class PhuLuc(Strict):
    """An annex printed after the signature: heading, `(Kèm theo …)`, paragraphs, items, tables."""

    tieu_de: str = Field(min_length=1, description="tên phụ lục (in hoa, đậm)")
    doan: list[str] = Field(default_factory=list, description="các đoạn văn đầu phụ lục")
    noi_dung: list[Muc] = Field(default_factory=list, description="các mục đánh số (1., a) …)")
    bang: list[Bang] = Field(default_factory=list, description="các bảng")

    @field_validator("doan", mode="before")
    @classmethod
    def _paragraphs(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)

    @model_validator(mode="after")
    def _not_empty(self) -> PhuLuc:
        if not (self.doan or self.noi_dung or self.bang):
            raise ValueError("phụ lục trống: cần ít nhất 'doan', 'noi_dung' hoặc 'bang'")
        return self


class VanBanCoTenLoai(VanBan):
    """A document with a named type and a free text body (Phụ lục III, mẫu 1.4)."""

    can_cu: list[str] = Field(default_factory=list, description="các căn cứ (in nghiêng)")
    mo_dau: list[str] = Field(default_factory=list, description="đoạn mở đầu")
    # before noi_dung: its validator reads where numbering starts
    danh_so_tu: str = Field("la_ma", description="cấp đánh số đầu tiên: la_ma, so hoặc chu")
    noi_dung: list[Muc] = Field(default_factory=list, description="các phần, mục, điểm")
    ket_thuc: list[str] = Field(default_factory=list, description="đoạn kết")
    phu_luc: list[PhuLuc] = Field(default_factory=list, description="các phụ lục kèm theo")

    @field_validator("can_cu", "mo_dau", "ket_thuc", mode="before")
    @classmethod
    def _paragraphs(cls, v: Any) -> Any:
        return [v] if isinstance(v, str) else ([] if v is None else v)

    @field_validator("danh_so_tu")
    @classmethod
    def _scheme(cls, v: str) -> str:
        if v not in ("la_ma", "so", "chu"):
            raise ValueError("chỉ nhận la_ma (I.), so (1.) hoặc chu (a))")
        return v

    @field_validator("noi_dung")
    @classmethod
    def _levels_left(cls, v: list[Muc], info: ValidationInfo) -> list[Muc]:
        """Numbering from «1.» or «a)» leaves fewer ND30 levels than from «I.»."""
        start = info.data.get("danh_so_tu", "la_ma")
        available = MAX_LEVELS - SCHEMES.index(start) if start in SCHEMES else MAX_LEVELS
        deepest = max((item.levels() for item in v), default=0)
        if deepest > available:
            labels = " → ".join(SCHEME_LABELS.split(" → ")[SCHEMES.index(start):])
            raise ValueError(f"các mục lồng nhau {deepest} cấp, nhưng đánh số từ "
                             f"'{start}' chỉ còn {available} cấp ({labels}) — bớt cấp mục, hoặc "
                             "đánh số từ cấp cao hơn (danh_so_tu: la_ma)")
        return v


def body_blocks(doc: VanBanCoTenLoai) -> Blocks:
    paras = plain_paragraphs(doc.can_cu, role="can_cu", italic=True)
    paras += plain_paragraphs(doc.mo_dau)
    paras += number_items(doc.noi_dung, start=doc.danh_so_tu)
    paras += plain_paragraphs(doc.ket_thuc)
    return Blocks(close_body(paras))


def recipients(doc: VanBan) -> list[str]:
    """`Nơi nhận:` lines: `- X;` for each, last `- Lưu: VT, ….`."""
    lines = [f"- {item.rstrip(';.').strip()};" for item in doc.noi_nhan]
    luu = doc.luu.strip().rstrip(".")
    lines.append(f"- {nd30.LUU_PREFIX} {luu}.")
    return lines


def symbol(doc: VanBan, unit: CoQuan, viet_tat: str | None) -> str:
    """The part of `Số:` after the slash: KH-UBND, or the công văn form UBND-VX."""
    if doc.ky_hieu:
        return doc.ky_hieu
    return f"{viet_tat}-{unit.ky_hieu}" if viet_tat else unit.ky_hieu


# Annex paragraph styles drawn by gendoc.docx_templates (a template without them falls back to
# its Normal style, so a clerk's own template still renders).
ANNEX_LABEL_STYLE = "ND30 Phu luc"
ANNEX_TITLE_STYLE = "ND30 Phu luc tieu de"
ANNEX_NOTE_STYLE = "ND30 Phu luc kem theo"
PHU_LUC_LABEL = "Phụ lục"


def annex_labels(count: int) -> list[str]:
    """ND30 (Phụ lục I, Mục III.1): one annex is `Phụ lục`; two or more are `Phụ lục I, II …`."""
    if count == 1:
        return [PHU_LUC_LABEL]
    return [f"{PHU_LUC_LABEL} {roman(i)}" for i in range(1, count + 1)]


def kem_theo(ctx: dict[str, Any]) -> str:
    """`(Kèm theo Kế hoạch số 05/KH-SYT ngày 16 tháng 01 năm 2017 của Sở Y tế)`; blanks stay blank
    (the văn thư fills them in by hand, as on the document itself)."""
    loai = ctx["ten_loai"][:1] + ctx["ten_loai"][1:].lower() if ctx["ten_loai"] else "Văn bản"
    ngay = ngay_thang_nam(ctx["ngay"], nd30.PLACEHOLDER)
    return f"(Kèm theo {loai} số {ctx['so']}/{ctx['ky_hieu']} {ngay} của {ctx['co_quan_ten_day_du']})"


def annex_blocks(annexes: list[PhuLuc], ctx: dict[str, Any],
                 extra: list[tuple[str, Blocks]] | None = None) -> Blocks:
    """Every annex as body blocks: label, title, `(Kèm theo …)`, then its content.

    `extra` lets a kind add generated annexes (title, blocks), e.g. a plan's assignment table;
    they are numbered after the ones written in `phu_luc`.
    """
    parts: list[tuple[str, list]] = []
    for annex in annexes:
        content: list = plain_paragraphs(annex.doan)
        content += number_items(annex.noi_dung, start="so")
        content += [table.block() for table in annex.bang]
        parts.append((annex.tieu_de, content))
    parts += [(title, list(blocks)) for title, blocks in extra or []]
    note = kem_theo(ctx)
    out = Blocks()
    for label, (title, content) in zip(annex_labels(len(parts)), parts, strict=True):
        out.append(Para([Span(label, bold=True)], role=ANNEX_LABEL_STYLE))
        out.append(Para(parse_inline(title.upper(), bold=True), role=ANNEX_TITLE_STYLE))
        out.append(Para([Span(note, italic=True)], role=ANNEX_NOTE_STYLE))
        out.extend(content)
    return out


def official_context(doc: VanBan, ws: Workspace, ten_loai: str | None) -> dict[str, Any]:
    """Template variables for the header, the signature block and the recipients."""
    unit = ws.unit_on(doc.co_quan, doc.ngay)  # a former name for an older document
    viet_tat = nd30.TYPE_ABBREVIATIONS.get(ten_loai or "")
    ngay = doc.ngay
    ctx = {
        "co_quan_chu_quan": (unit.co_quan_chu_quan or "").upper(),
        "co_quan_ten": [line.upper() for line in unit.header_lines],
        "co_quan_ten_day_du": unit.full_name,
        "so": so_van_ban(doc.so) if doc.so else nd30.PLACEHOLDER,
        "ky_hieu": symbol(doc, unit, viet_tat),
        "dia_danh": doc.dia_danh or unit.dia_danh,
        "ngay": ngay,
        "ten_loai": ten_loai or "",
        "trich_yeu": doc.trich_yeu,
        "kinh_gui": doc.kinh_gui,
        "quyen_han": [line.upper() for line in doc.nguoi_ky.quyen_han],
        "chuc_vu": doc.nguoi_ky.chuc_vu.upper(),
        "ho_ten": doc.nguoi_ky.ho_ten or HO_TEN_MAU,
        "noi_nhan": recipients(doc),
    }
    annexes = getattr(doc, "phu_luc", None)  # a kind may reuse the key for something else
    ctx["phu_luc"] = annex_blocks(annexes if isinstance(annexes, list) else [], ctx)
    return ctx
