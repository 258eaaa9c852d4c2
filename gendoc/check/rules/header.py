"""Header block: Quốc hiệu, Tiêu ngữ and its rule, issuing and parent body (ô 1 and 2)."""

from __future__ import annotations

from collections.abc import Iterator

from gendoc import nd30
from gendoc.check.anatomy import rule_below
from gendoc.check.context import Context
from gendoc.check.document import Para
from gendoc.check.model import THONG_TIN
from gendoc.check.registry import Hit, rule, undetermined
from gendoc.check.text import clean, fmt_pt, is_upper, norm

ANNEX_NOTE = (
    "văn bản là phụ lục kèm theo văn bản chính (bắt đầu bằng «Phụ lục …»); phần đầu, số, ngày, "
    "tên loại, chữ ký và nơi nhận nằm ở văn bản chính nên không kiểm tra."
)


def style_problems(p: Para, size, *, bold: bool | None, upper: bool | None) -> list[str]:  # noqa: ANN001
    """What is wrong with a component's case, weight, slant and size (Vietnamese phrases)."""
    out = []
    shown = p.shown_text()
    if upper is True and not is_upper(shown):
        out.append("chưa viết in hoa")
    if upper is False and is_upper(shown) and len(shown.strip()) > 3:
        out.append("không được viết in hoa toàn bộ")
    if bold is True and not p.all_bold():
        out.append("chưa in đậm")
    if bold is False and p.any_bold():
        out.append("không được in đậm")
    if any(f.italic for _, f in p.letter_runs):
        out.append("không được in nghiêng")
    bad = sorted(s for s in p.sizes() if s not in size) if not isinstance(size, (int, float)) else (
        sorted(s for s in p.sizes() if abs(s - size) > 1e-6)
    )
    if bad:
        out.append(f"cỡ chữ {', '.join(fmt_pt(s) for s in bad)} (cần {size} pt)")
    return out


@rule(
    "header.quoc_hieu", "loi", group="Phần đầu",
    title=f"Có Quốc hiệu «{nd30.QUOC_HIEU}», in hoa, đậm, cỡ {nd30.QUOC_HIEU_SIZE_PT} pt.",
    reason="Quốc hiệu là thành phần bắt buộc thứ nhất của mọi văn bản hành chính.",
    source="Điều 8; Phụ lục I, Phần I, Mục II.1a",
)
def quoc_hieu(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex:
        yield Hit("Đầu văn bản", ANNEX_NOTE, THONG_TIN)
        return
    p = a.quoc_hieu
    if p is None:
        yield Hit("Đầu văn bản", f"không thấy Quốc hiệu «{nd30.QUOC_HIEU}» ở phần đầu văn bản.")
        return
    probs = []
    if norm(clean(p.text)) != norm(nd30.QUOC_HIEU):
        probs.append(f"viết «{clean(p.text)}», phải là «{nd30.QUOC_HIEU}»")
    probs += style_problems(p, nd30.QUOC_HIEU_SIZE_PT, bold=True, upper=True)
    if probs:
        yield Hit(ctx.loc(p), "Quốc hiệu " + "; ".join(probs) + ".")


@rule(
    "header.tieu_ngu", "loi", group="Phần đầu",
    title=f"Có Tiêu ngữ «{nd30.TIEU_NGU}» (gạch nối có cách chữ), đậm, cỡ {nd30.TIEU_NGU_SIZE_PT} pt.",
    reason="Tiêu ngữ là một phần của Quốc hiệu và Tiêu ngữ, viết đúng từng chữ.",
    source="Phụ lục I, Phần I, Mục II.1b",
)
def tieu_ngu(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex:
        return
    p = a.tieu_ngu
    if p is None and a.quoc_hieu is None:
        return  # no header block at all: header.quoc_hieu says so once
    if p is None:
        yield Hit(
            ctx.loc(a.quoc_hieu) if a.quoc_hieu else "Đầu văn bản",
            f"không thấy Tiêu ngữ «{nd30.TIEU_NGU}» dưới Quốc hiệu.",
        )
        return
    probs = []
    text = " ".join(clean(p.shown_text()).split())
    if text != nd30.TIEU_NGU:
        hint = " (dùng gạch nối «-», có cách chữ hai bên)" if any(c in text for c in "–—") or (
            "-" in text.replace(" - ", "")
        ) else ""
        probs.append(f"viết «{text}», phải là «{nd30.TIEU_NGU}»{hint}")
    probs += style_problems(p, nd30.TIEU_NGU_SIZE_PT, bold=True, upper=None)
    if probs:
        yield Hit(ctx.loc(p), "Tiêu ngữ " + "; ".join(probs) + ".")


@rule(
    "header.tieu_ngu_rule", "loi", group="Phần đầu",
    title="Dưới Tiêu ngữ có đường kẻ ngang nét liền, dài bằng dòng Tiêu ngữ.",
    reason="Đường kẻ dưới Tiêu ngữ là một phần của thể thức Quốc hiệu và Tiêu ngữ.",
    source="Phụ lục I, Phần I, Mục II.1c",
)
def tieu_ngu_rule(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex or a.tieu_ngu is None:
        return
    paras = a.right
    idx = paras.index(a.tieu_ngu) if a.tieu_ngu in paras else -1
    if idx < 0:
        paras = a.header_paras
        idx = paras.index(a.tieu_ngu)
    if not rule_below(paras, idx, stop=a.date):
        yield Hit(ctx.loc(a.tieu_ngu), "thiếu đường kẻ ngang dưới Tiêu ngữ (viền dưới đoạn, "
                  "đường kẻ vẽ hoặc dòng gạch).")


@rule(
    "header.co_quan", "loi", group="Phần đầu",
    title=f"Tên cơ quan ban hành in hoa, đậm, cỡ {nd30.CO_QUAN_SIZE_PT} pt.",
    reason="Tên cơ quan ban hành cho biết ai chịu trách nhiệm văn bản; trình bày thống nhất.",
    source="Phụ lục I, Phần I, Mục II.2b",
)
def co_quan(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex:
        return
    if not a.co_quan:
        if a.quoc_hieu is not None:
            yield undetermined("Đầu trang, ô trái", "tên cơ quan ban hành (không thấy bảng phần đầu "
                               "hai cột)")
        return
    for p in a.co_quan:
        probs = style_problems(p, nd30.CO_QUAN_SIZE_PT, bold=True, upper=True)
        if probs:
            yield Hit(ctx.loc(p), "tên cơ quan ban hành " + "; ".join(probs) + ".")


@rule(
    "header.chu_quan", "loi", group="Phần đầu",
    title=f"Tên cơ quan chủ quản (nếu có) in hoa, không đậm, cỡ {nd30.CO_QUAN_SIZE_PT} pt.",
    reason="Phân biệt cơ quan chủ quản (chữ thường nét) với cơ quan ban hành (chữ đậm).",
    source="Phụ lục I, Phần I, Mục II.2b",
)
def chu_quan(ctx: Context) -> Iterator[Hit]:
    if ctx.is_annex:
        return
    for p in ctx.a.chu_quan:
        probs = style_problems(p, nd30.CO_QUAN_SIZE_PT, bold=False, upper=True)
        if probs:
            yield Hit(ctx.loc(p), "tên cơ quan chủ quản " + "; ".join(probs) + ".")


@rule(
    "header.co_quan_rule", "loi", group="Phần đầu",
    title="Dưới tên cơ quan ban hành có đường kẻ ngang nét liền (1/3–1/2 dòng chữ).",
    reason="Đường kẻ ngăn tên cơ quan với số, ký hiệu theo mẫu ND30.",
    source="Phụ lục I, Phần I, Mục II.2b",
)
def co_quan_rule(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex or not a.co_quan:
        return
    last = a.co_quan[-1]
    idx = next(i for i, p in enumerate(a.left) if p is last)
    if not rule_below(a.left, idx, stop=a.so):
        yield Hit(ctx.loc(last), "thiếu đường kẻ ngang dưới tên cơ quan ban hành.")
