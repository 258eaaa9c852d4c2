"""Kế hoạch (KH): the provincial plan and the units' own implementation plans.

A plan may carry an assignment table (`phan_cong`: nội dung, đơn vị chủ trì, đơn vị phối hợp,
thời gian thực hiện, sản phẩm/kết quả), rendered as a real table either at the end of the body or
as an annex (`Phụ lục … (Kèm theo Kế hoạch số …)`), and a link to the higher-level plan it
implements (`thuc_hien_ke_hoach`), which `gendoc status` uses to track submissions.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import Field, field_validator

from gendoc.body import Blocks, Table, close_body, number_items, plain_paragraphs
from gendoc.document import BuildContext, Document
from gendoc.docx_templates import van_ban_co_ten_loai
from gendoc.kinds import Kind, register
from gendoc.kinds.official import Strict, VanBanCoTenLoai, annex_blocks, official_context
from gendoc.plans.new import scaffold
from gendoc.workspace import Workspace

TEN_LOAI = "KẾ HOẠCH"
# What the Phụ lục III samples print where the signer's name goes; a draft whose `ho_ten` is still
# blank shows it (and the build warns), so the draft is complete in form and the gap is visible.

# The assignment table's columns: header text, relative width, alignment.
PHAN_CONG_COLUMNS = (
    ("TT", 1.1, "giua"),
    ("Nội dung", 5.1, "trai"),
    ("Đơn vị chủ trì", 2.7, "trai"),
    ("Đơn vị phối hợp", 2.8, "trai"),
    ("Thời gian thực hiện", 2.3, "giua"),
    ("Sản phẩm/kết quả", 3.0, "trai"),
)
PHAN_CONG_SIZE_PT = 12  # six columns on a portrait page: one point below the usual table size
PHAN_CONG_TITLE = "PHÂN CÔNG NHIỆM VỤ THỰC HIỆN KẾ HOẠCH"


class NhiemVu(Strict):
    """One row of the assignment table."""

    noi_dung: str = Field(min_length=1, description="nội dung công việc")
    chu_tri: str = Field(min_length=1, description="đơn vị chủ trì")
    phoi_hop: str = Field("", description="đơn vị phối hợp (để trống nếu không có)")
    thoi_gian: str = Field(min_length=1, description="thời gian thực hiện, ví dụ 'Hằng năm'")
    san_pham: str = Field("", description="sản phẩm/kết quả")

    @field_validator("thoi_gian", "phoi_hop", "san_pham", mode="before")
    @classmethod
    def _text(cls, v: Any) -> Any:
        if v is None:
            return ""
        return str(v) if isinstance(v, int | float) and not isinstance(v, bool) else v


class PhanCong(Strict):
    """The assignment table and where it goes."""

    tieu_de: str = Field(PHAN_CONG_TITLE, description="tên bảng / tên phụ lục")
    dat_tai: Literal["phu_luc", "noi_dung"] = Field(
        "phu_luc", description="phu_luc: in thành phụ lục sau chữ ký; noi_dung: in cuối phần nội dung")
    nhiem_vu: list[NhiemVu] = Field(min_length=1, description="các nhiệm vụ, mỗi nhiệm vụ một dòng")


class KeHoach(VanBanCoTenLoai):
    """A plan: sections (I. II. III.) of items (1. 2.) and points (a) b) …)."""

    thuc_hien_ke_hoach: str | None = Field(
        None, description="tệp kế hoạch cấp trên mà kế hoạch này triển khai, ví dụ content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml")
    phan_cong: PhanCong | None = Field(None, description="bảng phân công nhiệm vụ")


def assignment_table(plan: PhanCong, *, titled: bool) -> Table:
    """The table itself: numbered rows, header repeated on each page, rows never split."""
    rows = [[str(i), t.noi_dung, t.chu_tri, t.phoi_hop, t.thoi_gian, t.san_pham]
            for i, t in enumerate(plan.nhiem_vu, 1)]
    return Table(header=[c[0] for c in PHAN_CONG_COLUMNS], rows=rows,
                 widths=[c[1] for c in PHAN_CONG_COLUMNS], align=[c[2] for c in PHAN_CONG_COLUMNS],
                 title=plan.tieu_de.upper() if titled else None, size=PHAN_CONG_SIZE_PT)


def body(doc: KeHoach) -> Blocks:
    """Căn cứ, mở đầu, numbered items, [assignment table], đoạn kết — closed with `./.`."""
    main = plain_paragraphs(doc.can_cu, role="can_cu", italic=True)
    main += plain_paragraphs(doc.mo_dau)
    main += number_items(doc.noi_dung, start=doc.danh_so_tu)
    tail = plain_paragraphs(doc.ket_thuc)
    table = doc.phan_cong is not None and doc.phan_cong.dat_tai == "noi_dung"
    if tail:
        close_body(tail)
    else:
        close_body(main)
    blocks = Blocks(main)
    if table and doc.phan_cong is not None:
        blocks.append(assignment_table(doc.phan_cong, titled=True))
    blocks.extend(tail)
    return blocks


def context(document: Document, bctx: BuildContext) -> dict[str, Any]:
    doc: KeHoach = document.data
    ctx = official_context(doc, bctx.ws, TEN_LOAI)
    ctx["noi_dung"] = body(doc)
    extra = []
    if doc.phan_cong is not None and doc.phan_cong.dat_tai == "phu_luc":
        extra.append((doc.phan_cong.tieu_de, Blocks([assignment_table(doc.phan_cong, titled=False)])))
    ctx["phu_luc"] = annex_blocks(doc.phu_luc, ctx, extra)
    return ctx


def _scaffold(ws: Workspace, options: Any) -> list:
    return scaffold(ws, options)


KIND = register(Kind(
    name="ke_hoach",
    title="Kế hoạch",
    schema=KeHoach,
    template="ke_hoach.docx",
    context=context,
    ten_loai=TEN_LOAI,
    make_template=van_ban_co_ten_loai,
    scaffold=_scaffold,
))
