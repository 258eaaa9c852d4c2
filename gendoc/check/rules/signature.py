"""Chữ ký: quyền hạn (TM., KT., TL., TUQ., Q.), chức vụ và họ tên người ký (ô 7a, 7b)."""

from __future__ import annotations

from collections.abc import Iterator

from gendoc import nd30
from gendoc.check.context import Context
from gendoc.check.document import Para
from gendoc.check.registry import Hit, rule, undetermined
from gendoc.check.rules.header import style_problems
from gendoc.check.text import clean, is_upper, norm

_PREFIX_KEYS = {q.rstrip(".").upper(): q for q in nd30.QUYEN_HAN}


def is_name_placeholder(text: str) -> bool:
    """The sample's «Họ và tên» (Phụ lục III) left where the signer's name goes."""
    return norm(text).strip(" .…") in ("họ và tên", "họ tên", "họ, tên")


def split_signature(ctx: Context) -> tuple[list[Para], Para | None]:
    """Title lines (upper case, before the blank space left for the signature) and the signer's
    name (the last line). '(Đã ký)' / '(Chữ ký …)' notes count as blank."""
    lines: list[Para | None] = []
    for p in ctx.a.signature:
        t = clean(p.text).strip("[] ")
        lines.append(None if not t or t.startswith("(") else p)
    titles: list[Para] = []
    i = 0
    while i < len(lines) and lines[i] is None and not titles:
        i += 1
    while i < len(lines) and (line := lines[i]) is not None and is_upper(line.shown_text()):
        titles.append(line)
        i += 1
    rest = [p for p in lines[i:] if p is not None]
    return titles, (rest[-1] if rest else None)


@rule(
    "signature.capacity", "loi", group="Chữ ký",
    title="Quyền hạn viết tắt đúng «" + "», «".join(nd30.QUYEN_HAN) + f"» (nếu có); quyền hạn, "
    f"chức vụ in hoa, đậm, cỡ {nd30.CHUC_VU_SIZE_PT} pt.",
    reason="Quyền hạn ký (thay mặt, ký thay, thừa lệnh …) quyết định thẩm quyền của văn bản.",
    source="Phụ lục I, Phần I, Mục II.7b–c",
)
def capacity(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex:
        return
    if a.closing_table is None:
        if a.quoc_hieu is not None:
            yield undetermined("Cuối văn bản", "khối chữ ký (không thấy bảng Nơi nhận – chữ ký)")
        return
    titles, signer = split_signature(ctx)
    if not titles:
        where = ctx.loc(signer) if signer else "Cuối văn bản, ô phải (chữ ký)"
        yield Hit(where, "thiếu quyền hạn, chức vụ người ký (in hoa, đậm) ở ô chữ ký.")
        return
    first = titles[0]
    token = clean(first.text).split()[0]
    key = token.replace(".", "").replace("/", "").upper()
    if key in _PREFIX_KEYS and token != _PREFIX_KEYS[key]:
        yield Hit(ctx.loc(first), f"quyền hạn viết «{token}», phải viết «{_PREFIX_KEYS[key]}» "
                  "(in hoa, có dấu chấm).")
    for p in titles:
        probs = style_problems(p, nd30.CHUC_VU_SIZE_PT, bold=True, upper=True)
        if probs:
            yield Hit(ctx.loc(p), "quyền hạn, chức vụ " + "; ".join(probs) + ".")


@rule(
    "signature.name", "loi", group="Chữ ký",
    title=f"Họ tên người ký chữ thường (viết hoa chữ đầu), đậm, cỡ {nd30.NGUOI_KY_SIZE_PT} pt.",
    reason="Họ tên người ký rõ ràng, dưới chữ ký, để xác định người chịu trách nhiệm.",
    source="Phụ lục I, Phần I, Mục II.7c",
)
def name(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex or a.closing_table is None:
        return
    titles, signer = split_signature(ctx)
    if not titles:
        return  # reported by signature.capacity
    if signer is None:
        yield Hit(ctx.loc(titles[-1]), "thiếu họ tên người ký dưới chức vụ.")
        return
    if is_name_placeholder(signer.text):
        return  # a draft: reported by draft.placeholder
    probs = style_problems(signer, nd30.NGUOI_KY_SIZE_PT, bold=True, upper=False)
    if probs:
        yield Hit(ctx.loc(signer), "họ tên người ký " + "; ".join(probs) + ".")
