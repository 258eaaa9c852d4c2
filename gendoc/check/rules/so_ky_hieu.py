"""Số, ký hiệu (ô 3): `Số: 07/KH-UBND`, công văn `Số: 12/UBND-VX` (Phụ lục I, Mục II.3).

A number left blank (`Số:      /KH-UBND`) is the official form of a draft awaiting the văn thư,
which gendoc writes before issue: it is reported as information by `draft.placeholder`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from gendoc import nd30
from gendoc.check.context import Context
from gendoc.check.model import THONG_TIN
from gendoc.check.registry import Hit, rule
from gendoc.check.rules.date import parse_date
from gendoc.check.rules.header import style_problems
from gendoc.check.rules.signature import is_name_placeholder, split_signature
from gendoc.check.text import clean, is_placeholder

_SO_RE = re.compile(r"^(?P<label>[^\s:/]+)\s*(?P<colon>:?)\s*(?P<num>[^/]*?)\s*/\s*(?P<sym>.*?)\s*$")
_TEMPLATE = re.compile(r"…|\.\.\.")
TYPE_CODES = set(nd30.TYPE_ABBREVIATIONS.values()) | set(nd30.COPY_ABBREVIATIONS.values())
_MIXED_CASE_CODES = {c for c in TYPE_CODES if not c.isupper()}


@dataclass
class SoParts:
    label: str
    colon: bool
    num: str
    sym: str

    @property
    def groups(self) -> list[str]:
        return self.sym.split("-")

    @property
    def blank(self) -> bool:
        return is_placeholder(self.num)

    @property
    def template(self) -> bool:
        return bool(_TEMPLATE.search(self.sym))


def parse_so(text: str) -> SoParts | None:
    m = _SO_RE.match(clean(text).replace("\n", " "))
    if not m:
        return None
    return SoParts(m["label"], bool(m["colon"]), m["num"], m["sym"].strip())


@rule(
    "so.format", "loi", group="Số, ký hiệu",
    title="«Số: NN/KÝ-HIỆU»: số dưới 10 có số 0 đứng trước, ký hiệu in hoa nối bằng gạch nối, "
    "không ghi năm; cỡ chữ 13.",
    reason="Số, ký hiệu là căn cứ đăng ký, tra cứu văn bản; phải đúng một dạng thống nhất.",
    source="Phụ lục I, Phần I, Mục II.3",
)
def so_format(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex:
        return
    p = a.so
    if p is None:
        if a.quoc_hieu is not None:
            yield Hit("Đầu trang, ô trái", "không thấy dòng «Số: …/…» dưới tên cơ quan ban hành.")
        return
    where = ctx.loc(p)
    parts = parse_so(p.text)
    if parts is None:
        yield Hit(where, "số, ký hiệu phải có dạng «Số: 07/KH-UBND» (số, dấu gạch chéo, ký hiệu).")
        return
    if a.vbqppl:
        yield Hit(where, "văn bản quy phạm pháp luật: số, ký hiệu theo Luật Ban hành văn bản QPPL "
                  "(có năm), không kiểm tra theo ND30.", THONG_TIN)
        return
    probs = []
    if parts.label != "Số" or not parts.colon:
        probs.append(f"viết «{parts.label}{':' if parts.colon else ''}», phải là «Số:»")
    num = parts.num
    if not parts.blank and not _TEMPLATE.search(num):
        if not num.isdigit() or int(num) == 0:
            probs.append(f"số «{num}» không phải số thứ tự")
        elif int(num) < nd30.SO_PAD_BELOW and len(num) != 2:
            probs.append(f"số «{num}» nhỏ hơn 10 phải viết {int(num):02d}")
        elif int(num) >= nd30.SO_PAD_BELOW and num.startswith("0"):
            probs.append(f"số «{num}» không thêm số 0 đứng trước (viết {int(num)})")
    sym = parts.sym
    if re.match(r"^(19|20)\d\d\s*/", sym):
        probs.append("văn bản hành chính không ghi năm trong số, ký hiệu")
        sym = sym.split("/", 1)[1].strip()
    if not parts.template:
        if " " in sym:
            probs.append(f"ký hiệu «{sym}» không có dấu cách; các nhóm chữ nối bằng gạch nối")
        lower = [g for g in sym.replace(" ", "").split("-") if g and g not in _MIXED_CASE_CODES
                 and not g.isupper() and any(c.isalpha() for c in g)]
        if lower:
            probs.append(f"ký hiệu «{'-'.join(lower)}» phải viết in hoa")
    probs += style_problems(p, nd30.SO_KY_HIEU_SIZE_PT, bold=None, upper=None)
    if probs:
        yield Hit(where, "; ".join(probs) + ".")


@rule(
    "so.type", "loi", group="Số, ký hiệu",
    title="Ký hiệu bắt đầu bằng chữ viết tắt đúng tên loại (KẾ HOẠCH ↔ KH, BÁO CÁO ↔ BC …); "
    "công văn không có chữ viết tắt tên loại.",
    reason="Chữ viết tắt tên loại theo Phụ lục III giúp nhận ra loại văn bản từ số, ký hiệu.",
    source="Phụ lục III, Mục I; Phụ lục I, Phần I, Mục II.3b",
)
def so_type(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex or a.so is None or a.vbqppl:
        return
    parts = parse_so(a.so.text)
    if parts is None or not parts.sym or parts.template:
        return
    groups = [g.strip() for g in re.sub(r"^(19|20)\d\d\s*/", "", parts.sym).split("-")]
    first = groups[0]
    where = ctx.loc(a.so)
    if a.type_name in nd30.TYPE_ABBREVIATIONS:
        want = nd30.TYPE_ABBREVIATIONS[a.type_name]
        if first != want:
            yield Hit(where, f"tên loại «{a.type_name}» phải có ký hiệu «{want}-…» "
                      f"(đang là «{parts.sym}»), theo Phụ lục III.")
        elif len(groups) < 2 or not groups[1]:
            yield Hit(where, f"sau «{want}-» phải có chữ viết tắt tên cơ quan ban hành.")
    elif a.kind == "cong_van" and a.ten_loai is None:
        if first in TYPE_CODES:
            yield Hit(where, f"công văn không ghi chữ viết tắt tên loại («{first}»); dạng đúng "
                      "«Số: 12/UBND-VX» (cơ quan - đơn vị soạn thảo).")
        elif len(groups) < 2:
            yield Hit(where, "công văn ghi «chữ viết tắt cơ quan - đơn vị soạn thảo hoặc lĩnh vực», "
                      "ví dụ «Số: 12/UBND-VX».")


@rule(
    "draft.placeholder", "thong_tin", group="Dự thảo",
    title="Số hoặc ngày, tháng để trống cho văn thư điền khi ban hành (dự thảo) được chấp nhận; "
    "họ tên người ký còn là «Họ và tên» thì được nhắc.",
    reason="Văn bản giấy được lấy số sau khi ký; bản dự thảo để trống đúng chỗ là hợp lệ.",
    source="Điều 15; Phụ lục III (các mẫu «Số:      /…», «ngày …»)",
)
def draft_placeholder(ctx: Context) -> Iterator[Hit]:
    a = ctx.a
    if ctx.is_annex:
        return
    if a.so is not None:
        parts = parse_so(a.so.text)
        if parts is not None and (parts.blank or _TEMPLATE.search(parts.num)):
            yield Hit(ctx.loc(a.so), "số văn bản để trống — bản dự thảo, văn thư sẽ ghi số khi "
                      "ban hành.")
    if a.date is not None:
        d = parse_date(a.date.text)
        if d is not None and (d.blank_day or d.blank_month or d.blank_year):
            blanks = [n for n, b in (("ngày", d.blank_day), ("tháng", d.blank_month),
                                     ("năm", d.blank_year)) if b]
            yield Hit(ctx.loc(a.date), f"{', '.join(blanks)} để trống — bản dự thảo, văn thư sẽ "
                      "ghi khi ban hành.")

    _, signer = split_signature(ctx)
    if signer is not None and is_name_placeholder(signer.text):
        yield Hit(ctx.loc(signer), "họ tên người ký chưa điền («Họ và tên») — điền trước khi trình ký.")
