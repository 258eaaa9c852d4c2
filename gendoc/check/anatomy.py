"""Locating ND30 components (ô số 1–9) in any document: gendoc's layout first, then fallbacks.

gendoc writes a borderless 1×2 header table and a 1×2 closing table; documents typed by hand
vary (two-row headers, tabs, text in the annex files). Each component is searched for by its
text; what cannot be found stays None and the rules report it as "không xác định được".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from gendoc import nd30
from gendoc.check.document import Document, Para, Table
from gendoc.check.ooxml import W_NS, w
from gendoc.check.text import is_rule_text, is_upper, norm, norm_upper

_ADMIN_TYPES = {norm_upper(k): k for k in nd30.TYPE_ABBREVIATIONS}
_ADMIN_TYPES.update({norm_upper(k): k for k in nd30.TYPES_WITHOUT_ABBREVIATION})
_VBQPPL = {norm_upper(k) for k in nd30.VBQPPL_TYPES}
_STAMPS = {norm_upper(k) for k in nd30.DO_MAT + nd30.DO_KHAN}
_SO_RE = re.compile(r"^số\s*[:.]|^số\s+\S*\d")
_DATE_RE = re.compile(r"ngày.*tháng.*năm")
_FOOTNOTE_TAIL = re.compile(r"[\s\d*]+$")
_NUMBERED = re.compile(r"^([IVXLC]+|\d+|[a-zđ])\s*[.)]\s|^(Điều|Chương|Phần|Mục)\s")
QH_NORM = norm(nd30.QUOC_HIEU)
W_U = w("u")


def type_key(text: str) -> str:
    """The tên loại as a lookup key: upper case, tone-normalised, footnote digits removed."""
    return _FOOTNOTE_TAIL.sub("", norm_upper(text)).strip()


def is_quoc_hieu(p: Para) -> bool:
    t = norm(p.text)
    return len(t) < 60 and (t.startswith("cộng hòa") or "chủ nghĩa việt nam" in t)


def is_tieu_ngu(p: Para) -> bool:
    t = norm(p.text)
    return len(t) < 60 and "độc lập" in t and ("tự do" in t or "hạnh phúc" in t)


def is_so(p: Para) -> bool:
    return bool(_SO_RE.match(norm(p.text)))


def is_rule_para(p: Para) -> bool:
    """A paragraph that is only a rule line: typed underscores, a drawn shape with no text, or
    underlined spaces/tabs."""
    if is_rule_text(p.text) or (p.empty and (p.has_drawing or p.ppr.get("border_bottom"))):
        return True
    return bool(p.empty and p.text and _UNDERLINED_BLANK(p.el))


def _UNDERLINED_BLANK(el) -> bool:  # noqa: N802, ANN001 - small predicate on the raw XML
    for u in el.iter(W_U):
        val = u.get(f"{{{W_NS}}}val", "single")
        if val not in ("none", "0", "false"):
            return True
    return False


def rule_below(paras: list[Para], idx: int, stop: Para | None = None) -> bool:
    """Whether paras[idx] is followed by a rule line: its bottom border, a shape anchored in it,
    a rule paragraph (or a top border) right below it, or a floating shape anchored in any
    paragraph down to `stop` (the next component: Word anchors shapes loosely)."""
    p = paras[idx]
    if p.last_line and (p.ppr.get("border_bottom") or p.has_drawing):
        return True
    for q in paras[idx + 1 : idx + 3]:
        if is_rule_para(q) or q.ppr.get("border_top") or (q.empty and q.ppr.get("border_bottom")):
            return True
        if not q.empty:
            break
    if stop is not None:
        for q in paras[idx + 1 :]:
            if q.has_drawing:
                return True
            if q is stop:
                break
    return False


@dataclass
class Anatomy:
    """Where each component is; None/empty when it could not be located."""

    kind: str = "van_ban"  # van_ban | cong_van | phu_luc
    header_table: Table | None = None
    left: list[Para] = field(default_factory=list)
    right: list[Para] = field(default_factory=list)
    header_paras: list[Para] = field(default_factory=list)
    quoc_hieu: Para | None = None
    tieu_ngu: Para | None = None
    date: Para | None = None
    so: Para | None = None
    vv: Para | None = None
    chu_quan: list[Para] = field(default_factory=list)
    co_quan: list[Para] = field(default_factory=list)
    ten_loai: Para | None = None
    type_name: str | None = None  # key of nd30.TYPE_ABBREVIATIONS (or VBQPPL/thư công name)
    vbqppl: bool = False
    trich_yeu: list[Para] = field(default_factory=list)
    title_rule: bool = False  # a rule line under the trích yếu
    kinh_gui: list[Para] = field(default_factory=list)
    body: list[Para] = field(default_factory=list)
    body_tables: list[Table] = field(default_factory=list)
    closing_table: Table | None = None
    noi_nhan: list[Para] = field(default_factory=list)
    signature: list[Para] = field(default_factory=list)
    roles: dict[int, str] = field(default_factory=dict)

    def locate(self, doc: Document, p: Para) -> str:
        return doc.locate(p, self.roles.get(id(p.el)))


def analyse(doc: Document) -> Anatomy:
    a = Anatomy()
    if _is_annex(doc):
        a.kind = "phu_luc"
        start = _annex_body_start(doc)
        _find_body(doc, a, start, len(doc.blocks))
        return a
    start = _find_header(doc, a)
    start = _find_title(doc, a, start)
    end = _find_closing(doc, a, start)
    _find_body(doc, a, start, end)
    return a


# -- header -----------------------------------------------------------------------------------
def _find_header(doc: Document, a: Anatomy) -> int:
    """Find the header block; return the block index where the title may start."""
    for i, b in enumerate(doc.blocks[:40]):
        if isinstance(b, Table):
            cell_paras = b.paragraphs
            if any(is_quoc_hieu(p) or is_tieu_ngu(p) or is_so(p) for p in cell_paras):
                a.header_table = b
                _split_columns(a, b)
                a.header_paras = _expand(cell_paras)
                _header_components(a)
                return i + 1
        elif len(b.stripped) > 200 or type_key(b.text) in _ADMIN_TYPES:
            break
    # No header table: the paragraphs before the tên loại (or the first long paragraph).
    paras: list[Para] = []
    stop = 0
    for i, b in enumerate(doc.blocks[:40]):
        stop = i
        if isinstance(b, Table):
            break
        key = type_key(b.text)
        if key in _ADMIN_TYPES or key in _VBQPPL or len(b.stripped) > 200:
            break
        paras.append(b)
    else:
        stop = min(len(doc.blocks), 40)
    lines = _expand(paras)
    if any(is_quoc_hieu(s) for p in lines for s in p.segments()):
        _split_tabbed(a, lines)
        _header_components(a)
        return stop
    return 0


def _split_tabbed(a: Anatomy, lines: list[Para]) -> None:
    """A header typed with tabs: «UBND TỈNH …⇥⇥CỘNG HÒA …» on each line. The piece before the
    tabs is the left block, the piece after them the right block."""
    right_words = ("độc lập", "ngày")
    for line in lines:
        segs = line.segments()
        if len(segs) >= 2:
            a.left.append(segs[0])
            a.right.append(segs[-1])
        elif segs:
            t = norm(segs[0].text)
            tabbed_in = line.text.lstrip(" ").startswith("\t")  # «⇥⇥____» sits under the right
            right = tabbed_in or is_quoc_hieu(segs[0]) or any(w_ in t for w_ in right_words)
            (a.right if right else a.left).append(segs[0])
    a.header_paras = a.left + a.right


def _split_columns(a: Anatomy, table: Table) -> None:
    left: list[Para] = []
    right: list[Para] = []
    for row in table.cells:
        for c_i, cell in enumerate(row):
            (left if c_i == 0 else right).extend(_expand(cell))
    if not right:  # one column: the blocks may be typed side by side with tabs
        _split_tabbed(a, left)
        return
    if any(is_quoc_hieu(p) for p in left) and not any(is_quoc_hieu(p) for p in right):
        left, right = right, left
    a.left, a.right = left, right
    for p in left:
        a.roles[id(p.el)] = "Đầu trang, ô trái"
    for p in right:
        a.roles[id(p.el)] = "Đầu trang, ô phải"


def _header_components(a: Anatomy) -> None:
    a.quoc_hieu = next((p for p in a.right if is_quoc_hieu(p)), None)
    after = a.right[a.right.index(a.quoc_hieu) + 1 :] if a.quoc_hieu else a.right
    a.tieu_ngu = next((p for p in after if is_tieu_ngu(p)), None)
    a.so = next((p for p in a.left if is_so(p)), None) or next(
        (p for p in a.header_paras if is_so(p)), None
    )
    a.date = next(
        (p for p in a.right if _DATE_RE.search(norm(p.text)) and p is not a.so), None
    ) or next((p for p in a.header_paras if _DATE_RE.search(norm(p.text)) and p is not a.so), None)
    a.vv = next((p for p in a.left if norm(p.text).startswith("v/v")), None)
    names: list[Para] = []
    for p in a.left:
        stop = p is a.so or p is a.vv or is_rule_para(p) or (names and p.empty)
        if stop:
            break
        if not p.empty:
            names.append(p)
        if _para_has_bottom_rule(p):
            break
    bold = [p.all_bold() for p in names]
    if any(bold):
        first = bold.index(True)
        a.chu_quan, a.co_quan = names[:first], names[first:]
    elif len(names) >= 2:
        a.chu_quan, a.co_quan = names[:-1], names[-1:]
    else:
        a.co_quan = names


def _para_has_bottom_rule(p: Para) -> bool:
    return p.last_line and (bool(p.ppr.get("border_bottom")) or (p.has_drawing and not p.empty))


# -- title ------------------------------------------------------------------------------------
def _find_title(doc: Document, a: Anatomy, start: int) -> int:
    blocks = doc.blocks
    i = start
    while i < len(blocks):
        b = blocks[i]
        if isinstance(b, Table):
            if any(norm(p.text).startswith("nơi nhận") for p in b.paragraphs):
                return i
            i += 1
            continue
        if b.empty or is_rule_para(b) or type_key(b.text) in _STAMPS:
            i += 1
            continue
        break
    found = blocks[i] if i < len(blocks) else None
    if not isinstance(found, Para):  # the loop stops only on a paragraph; past the end: none
        return start
    cand_lines = [line for line in found.lines() if not line.empty]
    cand = cand_lines[0]  # "KẾ HOẠCH" may share a paragraph with the trích yếu (Shift+Enter)
    key = type_key(cand.text)
    known = key in _ADMIN_TYPES or key in _VBQPPL
    looks = (is_upper(cand.shown_text()) and len(key.split()) <= 6 and cand.centered
             and not key.endswith(":"))
    if not (known or looks):
        if a.vv is not None or norm(cand.text).startswith("kính gửi"):
            a.kind = "cong_van"
        return i
    a.ten_loai = cand
    a.type_name = _ADMIN_TYPES.get(key) or (key if key in _VBQPPL else None)
    a.vbqppl = key in _VBQPPL and (key not in _ADMIN_TYPES or _so_has_year(a))
    if a.vbqppl:
        a.type_name = key
    a.trich_yeu.extend(cand_lines[1:3])
    j = i + 1
    if a.trich_yeu and a.trich_yeu[-1].ppr.get("border_bottom"):
        a.title_rule = True
        return j
    while j < len(blocks) and len(a.trich_yeu) < 3:
        b = blocks[j]
        if isinstance(b, Table) or b.empty or is_rule_para(b) or is_upper(b.shown_text()):
            break
        if a.trich_yeu and not b.centered or _NUMBERED.match(b.stripped) or len(b.stripped) > 300:
            break  # the trích yếu's second line is centred too; numbered text is the body
        a.trich_yeu.append(b)
        j += 1
        if b.ppr.get("border_bottom"):
            a.title_rule = True
            return j
    def para_at(index: int) -> Para | None:
        block = blocks[index] if index < len(blocks) else None
        return block if isinstance(block, Para) else None

    k = j
    while (p := para_at(k)) is not None and p.empty and not is_rule_para(p):
        k += 1
    rule = para_at(k)
    if rule is not None and is_rule_para(rule) and k - j <= 1:
        a.title_rule = True
        return k + 1
    return j


def _so_has_year(a: Anatomy) -> bool:
    return bool(a.so and re.search(r"/\s*(19|20)\d\d\s*/", a.so.text))


# -- closing ----------------------------------------------------------------------------------
def _find_closing(doc: Document, a: Anatomy, start: int) -> int:
    """Find the Nơi nhận / signature block; return the block index where the body ends."""
    blocks = doc.blocks
    for i in range(len(blocks) - 1, start - 1, -1):
        b = blocks[i]
        if not isinstance(b, Table) or b is a.header_table:
            continue
        label = next((p for p in b.paragraphs if norm(p.text).startswith("nơi nhận")), None)
        if label is None:
            continue
        a.closing_table = b
        for row in b.cells:
            for cell in row:
                if label in cell:
                    a.noi_nhan = _expand(cell[cell.index(label) :])
                else:
                    a.signature.extend(_expand(cell))
        for p in a.noi_nhan:
            a.roles[id(p.el)] = "Cuối văn bản, ô trái (Nơi nhận)"
        for p in a.signature:
            a.roles[id(p.el)] = "Cuối văn bản, ô phải (chữ ký)"
        return i
    for i in range(start, len(blocks)):
        b = blocks[i]
        if isinstance(b, Para) and norm(b.text).startswith("nơi nhận"):
            items = [b]
            for nxt in blocks[i + 1 :]:
                if isinstance(nxt, Table) or nxt.empty:
                    break
                items.append(nxt)
            a.noi_nhan = items
            return i
    return len(blocks)


def _expand(paras: list[Para]) -> list[Para]:
    """Paragraphs split at manual line breaks (a Nơi nhận list typed with Shift+Enter)."""
    return [line for p in paras for line in p.lines()]


# -- body -------------------------------------------------------------------------------------
def _find_body(doc: Document, a: Anatomy, start: int, end: int) -> None:
    in_kinh_gui = False
    for b in doc.blocks[start:end]:
        if isinstance(b, Table):
            a.body_tables.append(b)
            continue
        if b.empty or is_rule_para(b):
            in_kinh_gui = False
            continue
        t = norm(b.text)
        if t.startswith("kính gửi"):
            in_kinh_gui = True
            a.kinh_gui.append(b)
            continue
        if in_kinh_gui and t.startswith(("-", "–")):
            a.kinh_gui.append(b)
            continue
        in_kinh_gui = False
        a.body.append(b)


def _is_annex(doc: Document) -> bool:
    first = next((p for p in doc.body_paras if not p.empty), None)
    return first is not None and norm(first.text).startswith("phụ lục")


def _annex_body_start(doc: Document) -> int:
    for i, b in enumerate(doc.blocks[:15]):
        if isinstance(b, Para) and (is_rule_para(b) or b.ppr.get("border_bottom")):
            return i + 1
    for i, b in enumerate(doc.blocks[:15]):
        if isinstance(b, Para) and norm(b.text).endswith(")"):
            return i + 1
    return 1
