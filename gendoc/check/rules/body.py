"""Font and paragraph format of the text (Phụ lục I, Mục I.4 and II.6e).

Font name and colour apply to every visible run (body, tables, header, closing); size,
alignment, indent and spacing apply to the body paragraphs (ô 6), where ND30 fixes them.
Centred headings (Phần, Chương, enacting words) are not body text and are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

from gendoc import nd30
from gendoc.check.context import Context
from gendoc.check.document import Para
from gendoc.check.ooxml import W_P
from gendoc.check.registry import Hit, rule
from gendoc.check.text import fmt_pt

INDENT_TOLERANCE_CM = 0.05
TWIPS_PER_CM = 1440 / 2.54
SINGLE_LINE_FACTOR = 1.15  # Times New Roman: one 'single' line ≈ 1.15 × the font size
AUTO_SPACING_PT = 14
ONE_LINE_CHARS = 80  # a paragraph this short fits on one line: its alignment cannot be seen  # what Word uses for "auto" spacing before/after
_BLACK = {"000000", "auto"}
_INVISIBLE = {"ffffff"}  # white text (e.g. a hidden "(Đã ký)" note) is not printed


def _is_heading(p: Para) -> bool:
    """Centred paragraphs are headings, labels, captions or enacting words («QUYẾT ĐỊNH:»), not
    justified body text; body text is never centred on purpose."""
    return p.centered


def _text_paras(ctx: Context) -> list[Para]:
    return [p for p in ctx.a.body if not _is_heading(p)]


def _header_part_paras(ctx: Context) -> Iterator[tuple[str, Para]]:
    seen = set()
    for sec in ctx.doc.sections:
        for kind, root in sec.headers.items():
            if root is None or id(root) in seen:
                continue
            seen.add(id(root))
            name = "Đầu trang (header)" + ("" if kind == "default" else " trang đầu" if kind ==
                                           "first" else " trang chẵn")
            for p in root.iter(W_P):
                yield f"{name} của phần {sec.number}", ctx.doc.make_para(p, sec.number - 1)


def _wrong_fonts(p: Para) -> list[str]:
    """Fonts other than Times New Roman (its face names such as "Times New Roman Bold" pass)."""
    want = nd30.FONT_NAME.lower()
    fonts = {name for _, f in p.visible_runs for name in (f.font, f.font_ascii) if name}
    return sorted(name for name in fonts if not name.lower().startswith(want))


@rule(
    "font.name", "loi", group="Phông chữ", template_ok=True,
    title=f"Phông chữ {nd30.FONT_NAME} (Unicode TCVN 6909:2001).",
    reason="Một phông chữ Unicode thống nhất để văn bản hiển thị, in và trao đổi đúng.",
    source="Phụ lục I, Phần I, Mục I.4",
)
def font_name(ctx: Context) -> Iterator[Hit]:
    for p in ctx.doc.all_paras:
        bad = _wrong_fonts(p)
        if bad:
            yield Hit(ctx.loc(p), f"dùng phông {', '.join(bad)}; ND30 yêu cầu {nd30.FONT_NAME}.")
    for where, p in _header_part_paras(ctx):
        bad = _wrong_fonts(p)
        if bad:
            yield Hit(where, f"dùng phông {', '.join(bad)}; ND30 yêu cầu {nd30.FONT_NAME}.")


@rule(
    "font.color", "loi", group="Phông chữ", template_ok=True,
    title="Chữ màu đen.",
    reason="Văn bản in và lưu trữ bằng mực đen; chữ màu không được công nhận là thể thức.",
    source="Phụ lục I, Phần I, Mục I.4",
)
def font_color(ctx: Context) -> Iterator[Hit]:
    for p in ctx.doc.all_paras:
        bad = sorted({f.color for _, f in p.visible_runs if f.color and f.color.lower() not in _BLACK | _INVISIBLE})
        if bad:
            yield Hit(ctx.loc(p), f"chữ màu #{', #'.join(bad)}; ND30 yêu cầu chữ màu đen.")


@rule(
    "font.body_size", "loi", group="Phông chữ",
    title=f"Cỡ chữ phần nội dung {nd30.BODY_SIZE_PT} pt.",
    reason="Cỡ chữ nội dung thống nhất, đủ lớn để đọc.",
    source="Phụ lục I, Phần I, Mục V (nội dung văn bản)",
)
def body_size(ctx: Context) -> Iterator[Hit]:
    for p in ctx.a.body:
        bad = sorted(s for s in p.sizes() if s not in nd30.BODY_SIZE_PT)
        if bad:
            sizes = ", ".join(fmt_pt(s) for s in bad)
            yield Hit(ctx.loc(p), f"cỡ chữ {sizes}; ND30 yêu cầu {nd30.BODY_SIZE_PT} pt.")


@rule(
    "para.align", "loi", group="Đoạn văn",
    title="Nội dung canh đều hai lề (Justify).",
    reason="Canh đều hai lề là kỹ thuật trình bày bắt buộc của phần nội dung.",
    source="Phụ lục I, Phần I, Mục II.6e",
)
def para_align(ctx: Context) -> Iterator[Hit]:
    names = {"left": "trái", "start": "trái", "right": "phải", "end": "phải", "center": "giữa"}
    for p in _text_paras(ctx):
        if len(p.stripped) <= ONE_LINE_CHARS:
            continue
        if p.jc not in ("both", "distribute", "justify"):
            yield Hit(
                ctx.loc(p),
                f"đoạn canh {names.get(p.jc, p.jc)}; ND30 yêu cầu canh đều hai lề (Justify).",
            )


@rule(
    "para.indent", "loi", group="Đoạn văn",
    title="Lùi đầu dòng " + " hoặc ".join(f"{v:g}".replace(".", ",") for v in
                                          nd30.FIRST_LINE_INDENT_CM) + " cm.",
    reason="Dòng đầu mỗi đoạn lùi vào để phân đoạn rõ ràng.",
    source="Phụ lục I, Phần I, Mục II.6e",
)
def para_indent(ctx: Context) -> Iterator[Hit]:
    allowed = [v * TWIPS_PER_CM for v in nd30.FIRST_LINE_INDENT_CM]
    tol = INDENT_TOLERANCE_CM * TWIPS_PER_CM
    want = " hoặc ".join(f"{v:g}".replace(".", ",") for v in nd30.FIRST_LINE_INDENT_CM)
    for p in _text_paras(ctx):
        if p.ppr.get("first_chars"):
            continue
        first = p.ppr.get("first", 0.0)
        if first == 0 and p.text.startswith("\t"):
            first = ctx.doc.default_tab  # indented with a tab key press
        if any(abs(first - a) <= tol for a in allowed):
            continue
        cm = f"{first / TWIPS_PER_CM:.2f}".replace(".", ",")
        yield Hit(ctx.loc(p), f"lùi đầu dòng {cm} cm; ND30 yêu cầu {want} cm.")


def _space(p: Para, side: str) -> float:
    if p.ppr.get(side + "_auto"):
        return AUTO_SPACING_PT * 20
    return p.ppr.get(side, 0.0)


@rule(
    "para.spacing", "loi", group="Đoạn văn",
    title=f"Khoảng cách giữa các đoạn tối thiểu {nd30.PARAGRAPH_SPACING_MIN_PT} pt.",
    reason="Khoảng cách giữa các đoạn giúp phân biệt đoạn khi đọc.",
    source="Phụ lục I, Phần I, Mục II.6e",
)
def para_spacing(ctx: Context) -> Iterator[Hit]:
    body = ctx.a.body
    doc = ctx.doc
    for prev, nxt in zip(body, body[1:], strict=False):
        if doc.index(nxt) - doc.index(prev) != 1 or _is_heading(prev) or _is_heading(nxt):
            continue  # an empty line or a table lies between them, or a heading is involved
        same = prev.ppr.get("_pstyle") == nxt.ppr.get("_pstyle")
        after = 0.0 if same and prev.ppr.get("contextual") else _space(prev, "after")
        before = 0.0 if same and nxt.ppr.get("contextual") else _space(nxt, "before")
        gap = (after + before) / 20
        if gap + 1e-6 < nd30.PARAGRAPH_SPACING_MIN_PT:
            yield Hit(
                ctx.loc(nxt),
                f"khoảng cách với đoạn trước {fmt_pt(gap)}; ND30 yêu cầu tối thiểu "
                f"{nd30.PARAGRAPH_SPACING_MIN_PT} pt.",
            )


def line_multiple(p: Para) -> float | None:
    """Line spacing as a multiple of single spacing (None when it cannot be judged)."""
    line = p.ppr.get("line")
    rule_ = (p.ppr.get("line_rule") or "auto").lower()
    if line is None:
        return 1.0
    if rule_ == "auto":
        return line / 240
    sizes = p.sizes()
    if not sizes:
        return None
    single = max(sizes) * SINGLE_LINE_FACTOR
    multiple = line / 20 / single
    if rule_ == "atleast":
        return max(1.0, multiple)
    return multiple


@rule(
    "para.line_spacing", "loi", group="Đoạn văn",
    title=f"Giãn dòng từ dòng đơn đến 1,5 dòng ({nd30.LINE_SPACING}).",
    reason="Giãn dòng vừa phải để văn bản dễ đọc mà không kéo dài số trang.",
    source="Phụ lục I, Phần I, Mục II.6e",
)
def para_line_spacing(ctx: Context) -> Iterator[Hit]:
    low, high = nd30.LINE_SPACING.low - 0.1, nd30.LINE_SPACING.high + 0.02
    for p in _text_paras(ctx):
        m = line_multiple(p)
        if m is not None and not (low <= m <= high):
            shown = f"{m:.2f}".replace(".", ",")
            yield Hit(ctx.loc(p), f"giãn dòng ≈ {shown} dòng; ND30 yêu cầu {nd30.LINE_SPACING} dòng.")
