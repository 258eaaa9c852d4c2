"""Page numbers: a PAGE field centred in the header, not shown on page 1 (Phụ lục I, Mục I.7)."""

from __future__ import annotations

from collections.abc import Iterator

from gendoc import nd30
from gendoc.check.context import Context
from gendoc.check.ooxml import W_P, has_field, w, wattr
from gendoc.check.registry import Hit, rule
from gendoc.check.text import fmt_pt


def _frame_centred(p) -> bool:  # noqa: ANN001 - a Para
    """Word's page-number text frames centre with framePr xAlign="center"."""
    frame = p.el.find(f"{w('pPr')}/{w('framePr')}")
    return frame is not None and wattr(frame, "xAlign") == "center"


def _page_paras(ctx: Context, root):  # noqa: ANN001, ANN202 - lxml element
    return [ctx.doc.make_para(p, 0) for p in root.iter(W_P) if has_field(p, "PAGE")]


@rule(
    "page_number.field", "loi", group="Số trang", template_ok=True,
    title=f"Số trang (trường PAGE) canh giữa ở đầu trang (header), cỡ {nd30.PAGE_NUMBER_SIZE_PT} pt.",
    reason="Số trang giúp kiểm đếm và trích dẫn văn bản nhiều trang.",
    source="Phụ lục I, Phần I, Mục I.7",
)
def page_field(ctx: Context) -> Iterator[Hit]:
    doc = ctx.doc
    sec = doc.sections[0]
    where = f"Đầu trang (header) của phần {sec.number}"
    header = sec.headers.get("default")
    footers_have = any(has_field(r, "PAGE") for r in doc.pkg.headers.values()) and (
        header is None or not has_field(header, "PAGE")
    )
    if header is None or not has_field(header, "PAGE"):
        if doc.estimated_pages <= 1 and not footers_have:
            return  # a one-page document has no page 2 to number
        extra = " (đang đặt ở chân trang)" if footers_have else ""
        yield Hit(where, f"không có số trang ở đầu trang{extra}; ND30 yêu cầu số trang canh giữa "
                  "ở lề trên, từ trang 2.")
        return
    for p in _page_paras(ctx, header):
        probs = []
        if not (p.centered or _frame_centred(p)):
            probs.append("số trang phải canh giữa")
        runs = [f for _, f in p.runs] or []
        sizes = {f.size for f in runs if f.size is not None}
        bad = sorted(s for s in sizes if s not in nd30.PAGE_NUMBER_SIZE_PT)
        if bad and p.runs:
            probs.append(f"cỡ chữ {', '.join(fmt_pt(s) for s in bad)} (cần "
                         f"{nd30.PAGE_NUMBER_SIZE_PT} pt)")
        if probs:
            yield Hit(where, "; ".join(probs) + ".")


@rule(
    "page_number.first_page", "loi", group="Số trang", template_ok=True,
    title="Không hiện số trang ở trang đầu (chọn «Different First Page»).",
    reason="Trang 1 mang phần đầu văn bản; ND30 đánh số từ trang thứ hai.",
    source="Phụ lục I, Phần I, Mục I.7",
)
def first_page(ctx: Context) -> Iterator[Hit]:
    sec = ctx.doc.sections[0]
    header = sec.headers.get("default")
    if header is None or not has_field(header, "PAGE"):
        return
    where = f"Đầu trang (header) của phần {sec.number}"
    if not sec.title_pg:
        yield Hit(where, "số trang hiện cả ở trang 1; bật «Trang đầu khác» (Different First Page) "
                  "để ẩn số ở trang đầu.")
        return
    first = sec.headers.get("first")
    if first is not None and has_field(first, "PAGE"):
        yield Hit(f"Đầu trang (header) trang đầu của phần {sec.number}",
                  "đầu trang của trang 1 có số trang; ND30 không hiện số trang ở trang 1.")
