"""Page setup: A4, portrait, margins (Phụ lục I, Mục I.1–I.3)."""

from __future__ import annotations

from collections.abc import Iterator

from gendoc import nd30
from gendoc.check.context import Context
from gendoc.check.model import CANH_BAO
from gendoc.check.registry import Hit, rule
from gendoc.check.text import fmt_mm

SIZE_TOLERANCE_MM = 1.0  # Word stores A4 as 11906×16838 or 11907×16840 twips
MARGIN_TOLERANCE_MM = 0.1  # rounding of mm → twips


def _mm(twips: float) -> float:
    return twips / nd30.TWIPS_PER_MM


@rule(
    "page.size", "loi", group="Trang", template_ok=True,
    title=f"Khổ giấy A4 ({nd30.PAGE_WIDTH_MM} × {nd30.PAGE_HEIGHT_MM} mm).",
    reason="Văn bản hành chính in trên khổ A4 để lưu trữ, đóng tập thống nhất.",
    source="Phụ lục I, Phần I, Mục I.1",
)
def page_size(ctx: Context) -> Iterator[Hit]:
    for sec in ctx.doc.sections:
        w, h = sec.measure("pgSz", "w"), sec.measure("pgSz", "h")
        if w is None or h is None:
            continue
        short, long_ = sorted((_mm(w), _mm(h)))
        if abs(short - nd30.PAGE_WIDTH_MM) > SIZE_TOLERANCE_MM or abs(
            long_ - nd30.PAGE_HEIGHT_MM
        ) > SIZE_TOLERANCE_MM:
            yield Hit(
                ctx.doc.section_name(sec.number),
                f"khổ giấy {fmt_mm(short)} × {fmt_mm(long_)}; ND30 yêu cầu khổ A4 "
                f"({nd30.PAGE_WIDTH_MM} × {nd30.PAGE_HEIGHT_MM} mm).",
            )


@rule(
    "page.orientation", "loi", group="Trang", template_ok=True,
    title="Trình bày theo chiều dài khổ A4 (đứng); khổ ngang chỉ khi có bảng, biểu.",
    reason="Văn bản đọc theo chiều đứng; chiều ngang chỉ dành cho trang có bảng rộng.",
    source="Phụ lục I, Phần I, Mục I.2",
)
def page_orientation(ctx: Context) -> Iterator[Hit]:
    for sec in ctx.doc.sections:
        w, h = sec.measure("pgSz", "w"), sec.measure("pgSz", "h")
        if w is None or h is None or w <= h:
            continue
        where = ctx.doc.section_name(sec.number)
        frame = (ctx.a.header_table, ctx.a.closing_table)  # layout tables are not "bảng, biểu"
        if any(t.section == sec.number - 1 and all(t is not f for f in frame) for t in ctx.doc.tables):
            yield Hit(
                where,
                "trang nằm ngang; ND30 chỉ cho phép khi nội dung có bảng, biểu — hãy xác nhận "
                "phần này là bảng, biểu.",
                CANH_BAO,
            )
        else:
            yield Hit(where, "trang nằm ngang nhưng không có bảng, biểu; ND30 yêu cầu khổ đứng.")


_MARGINS = (
    ("top", "trên", nd30.MARGIN_TOP_MM),
    ("bottom", "dưới", nd30.MARGIN_BOTTOM_MM),
    ("left", "trái", nd30.MARGIN_LEFT_MM),
    ("right", "phải", nd30.MARGIN_RIGHT_MM),
)


@rule(
    "page.margins", "loi", group="Trang", template_ok=True,
    title=f"Lề trên, dưới {nd30.MARGIN_TOP_MM} mm; lề trái {nd30.MARGIN_LEFT_MM} mm; "
    f"lề phải {nd30.MARGIN_RIGHT_MM} mm.",
    reason="Lề trái rộng để đóng tập, các lề khác thống nhất giữa các cơ quan.",
    source="Phụ lục I, Phần I, Mục I.3",
)
def page_margins(ctx: Context) -> Iterator[Hit]:
    for sec in ctx.doc.sections:
        bad = []
        for attr, name, allowed in _MARGINS:
            tw = sec.measure("pgMar", attr)
            if tw is None:
                continue
            mm = abs(_mm(tw))
            if not (allowed.low - MARGIN_TOLERANCE_MM <= mm <= allowed.high + MARGIN_TOLERANCE_MM):
                bad.append(f"lề {name} {fmt_mm(mm)} (cần {allowed} mm)")
        if bad:
            yield Hit(ctx.doc.section_name(sec.number), "; ".join(bad) + ".")
