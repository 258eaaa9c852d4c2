"""Tên loại và trích yếu (ô 5a), công văn's `V/v …` (ô 5b) (Phụ lục I, Mục II.5)."""

from __future__ import annotations

from collections.abc import Iterator

from gendoc import nd30
from gendoc.check.context import Context
from gendoc.check.model import THONG_TIN
from gendoc.check.registry import Hit, rule, undetermined
from gendoc.check.rules.header import style_problems
from gendoc.check.text import clean

_KNOWN = ", ".join(list(nd30.TYPE_ABBREVIATIONS)[:6]) + " …"


@rule(
    "title.ten_loai", "loi", group="Tên loại, trích yếu",
    title=f"Tên loại là một loại trong Phụ lục III ({_KNOWN}), in hoa, đậm, cỡ "
    f"{nd30.TEN_LOAI_SIZE_PT} pt, canh giữa.",
    reason="Tên loại cho biết hiệu lực và cách xử lý văn bản; chỉ dùng các loại ND30 quy định.",
    source="Điều 7; Phụ lục I, Phần I, Mục II.5; Phụ lục III, Mục I",
)
def ten_loai(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex or a.kind == "cong_van":
        return
    p = a.ten_loai
    if p is None:
        if a.quoc_hieu is not None:
            yield Hit("Sau phần đầu", "không thấy tên loại văn bản (ví dụ «KẾ HOẠCH») canh giữa "
                      "dưới phần đầu; nếu là công văn thì cần dòng «V/v …» dưới số, ký hiệu.")
        else:
            yield undetermined("Đầu văn bản", "tên loại văn bản")
        return
    where = ctx.loc(p)
    if a.vbqppl:
        yield Hit(where, f"«{a.type_name}» là văn bản quy phạm pháp luật, thể thức theo Luật Ban "
                  "hành văn bản QPPL; chỉ kiểm tra các quy tắc chung.", THONG_TIN)
        return
    probs = []
    if a.type_name is None:
        probs.append(f"«{clean(p.text)}» không phải tên loại văn bản hành chính trong Phụ lục III")
    probs += style_problems(p, nd30.TEN_LOAI_SIZE_PT, bold=True, upper=True)
    if not p.centered:
        probs.append("phải canh giữa")
    if probs:
        yield Hit(where, "tên loại " + "; ".join(probs) + ".")


@rule(
    "title.trich_yeu", "loi", group="Tên loại, trích yếu",
    title=f"Trích yếu ngay dưới tên loại, chữ thường, đậm, cỡ {nd30.TRICH_YEU_SIZE_PT} pt, canh "
    f"giữa; công văn: «V/v …» cỡ {nd30.CONG_VAN_VV_SIZE_PT} pt, không đậm.",
    reason="Trích yếu tóm tắt nội dung để người nhận và văn thư nắm ngay vấn đề.",
    source="Phụ lục I, Phần I, Mục II.5b",
)
def trich_yeu(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex or a.vbqppl:
        return
    if a.kind == "cong_van":
        if a.vv is None:
            if a.so is not None:
                yield Hit(ctx.loc(a.so), "công văn thiếu trích yếu «V/v …» dưới số, ký hiệu.")
            return
        probs = style_problems(a.vv, nd30.CONG_VAN_VV_SIZE_PT, bold=False, upper=False)
        if probs:
            yield Hit(ctx.loc(a.vv), "trích yếu công văn " + "; ".join(probs) + ".")
        return
    if a.ten_loai is None:
        return
    if not a.trich_yeu:
        yield Hit(ctx.loc(a.ten_loai), "thiếu trích yếu nội dung ngay dưới tên loại.")
        return
    for p in a.trich_yeu:
        probs = style_problems(p, nd30.TRICH_YEU_SIZE_PT, bold=True, upper=False)
        if not p.centered:
            probs.append("phải canh giữa")
        if probs:
            yield Hit(ctx.loc(p), "trích yếu " + "; ".join(probs) + ".")


@rule(
    "title.trich_yeu_rule", "loi", group="Tên loại, trích yếu",
    title="Dưới trích yếu có đường kẻ ngang nét liền (1/3–1/2 dòng chữ), canh giữa.",
    reason="Đường kẻ tách phần tên loại, trích yếu với nội dung văn bản theo mẫu ND30.",
    source="Phụ lục I, Phần I, Mục II.5b",
)
def trich_yeu_rule(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex or a.kind == "cong_van" or not a.trich_yeu or a.title_rule:
        return
    yield Hit(ctx.loc(a.trich_yeu[-1]), "thiếu đường kẻ ngang dưới trích yếu (viền dưới đoạn, "
              "đường kẻ vẽ hoặc dòng gạch).")
