"""Nơi nhận (ô 9b): label 12 pt bold italic; items 11 pt `- …;`; last `- Lưu: VT, ….`."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gendoc import nd30
from gendoc.check.context import Context
from gendoc.check.document import Para
from gendoc.check.registry import Hit, rule
from gendoc.check.text import clean, fmt_pt

_LUU_RE = re.compile(r"^-\s*" + re.escape(nd30.LUU_PREFIX) + r"\s*VT(\s*,\s*.+)?\.$")
_DASHES = ("-", "–", "—", "+", "•")


def _items(ctx: Context) -> list[list[Para]]:
    """Nơi nhận items; a line not starting with '-' continues the item above (wrapped names)."""
    items: list[list[Para]] = []
    for p in ctx.a.noi_nhan[1:]:
        if p.empty:
            continue
        t = clean(p.text)
        if t.startswith(_DASHES) or not items or items[-1] and clean(items[-1][-1].text).endswith(
            (";", ".")
        ):
            items.append([p])
        else:
            items[-1].append(p)
    return items


@rule(
    "noi_nhan.label", "loi", group="Nơi nhận",
    title=f"Có «{nd30.NOI_NHAN_LABEL}» cỡ {nd30.NOI_NHAN_LABEL_SIZE_PT} pt, đậm, nghiêng.",
    reason="Nơi nhận cho biết văn bản gửi ai để thi hành, biết, lưu — thành phần bắt buộc.",
    source="Điều 8; Phụ lục I, Phần I, Mục II.9",
)
def label(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex:
        return
    if not a.noi_nhan:
        if a.quoc_hieu is not None:
            yield Hit("Cuối văn bản", f"không thấy «{nd30.NOI_NHAN_LABEL}» ở cuối văn bản.")
        return
    p = a.noi_nhan[0]
    probs = []
    text = clean(p.text)
    if text != nd30.NOI_NHAN_LABEL:
        probs.append(f"viết «{text}», phải là «{nd30.NOI_NHAN_LABEL}»")
    if not p.all_bold():
        probs.append("chưa in đậm")
    if not p.all_italic():
        probs.append("chưa in nghiêng")
    bad = sorted(s for s in p.sizes() if abs(s - nd30.NOI_NHAN_LABEL_SIZE_PT) > 1e-6)
    if bad:
        probs.append(f"cỡ chữ {', '.join(fmt_pt(s) for s in bad)} (cần "
                     f"{nd30.NOI_NHAN_LABEL_SIZE_PT} pt)")
    if probs:
        yield Hit(ctx.loc(p), "; ".join(probs) + ".")


@rule(
    "noi_nhan.items", "loi", group="Nơi nhận",
    title=f"Mỗi nơi nhận một dòng, bắt đầu bằng «-», kết thúc «;», cỡ {nd30.NOI_NHAN_ITEM_SIZE_PT}"
    " pt, chữ đứng.",
    reason="Danh sách nơi nhận trình bày thống nhất để văn thư phát hành đúng, đủ.",
    source="Phụ lục I, Phần I, Mục II.9d",
)
def items(ctx: Context) -> Iterator[Hit]:
    if ctx.is_annex or not ctx.a.noi_nhan:
        return
    groups = _items(ctx)
    if not groups:
        yield Hit(ctx.loc(ctx.a.noi_nhan[0]), "danh sách nơi nhận trống.")
        return
    for n, group in enumerate(groups):
        head = group[0]
        text = clean(" ".join(p.text for p in group))
        probs = []
        if not text.startswith("-"):
            probs.append("phải bắt đầu bằng dấu gạch ngang «-»")
        if n < len(groups) - 1 and not text.endswith(";"):
            probs.append("phải kết thúc bằng dấu chấm phẩy «;»")
        sizes = sorted({s for p in group for s in p.sizes()
                        if abs(s - nd30.NOI_NHAN_ITEM_SIZE_PT) > 1e-6})
        if sizes:
            probs.append(f"cỡ chữ {', '.join(fmt_pt(s) for s in sizes)} (cần "
                         f"{nd30.NOI_NHAN_ITEM_SIZE_PT} pt)")
        if any(f.italic for p in group for _, f in p.letter_runs):
            probs.append("không in nghiêng")
        if probs:
            yield Hit(ctx.loc(head), "nơi nhận " + "; ".join(probs) + ".")


@rule(
    "noi_nhan.luu", "loi", group="Nơi nhận",
    title="Dòng cuối «- Lưu: VT, <đơn vị soạn thảo>.» kết thúc bằng dấu chấm.",
    reason="Văn thư và đơn vị soạn thảo giữ bản lưu; dòng Lưu khép lại danh sách nơi nhận.",
    source="Phụ lục I, Phần I, Mục II.9d",
)
def luu(ctx: Context) -> Iterator[Hit]:
    if ctx.is_annex or not ctx.a.noi_nhan:
        return
    groups = _items(ctx)
    if not groups:
        return
    last = groups[-1]
    text = clean(" ".join(p.text for p in last))
    if not _LUU_RE.match(text):
        yield Hit(ctx.loc(last[0]), f"dòng cuối là «{text}»; phải là «- Lưu: VT, <đơn vị soạn "
                  "thảo>.» và kết thúc bằng dấu chấm.")
