"""Body numbering: Phần/Chương (Roman), Mục/Điều/khoản (Arabic), điểm (a, b, c, d, đ, e, g …).

ND30 orders points by the Vietnamese alphabet: no f, j, w, z, and đ after d. Word's automatic
"a) b) c)" list uses the English alphabet and prints e) where đ) belongs, so automatic
numbering is expanded to the labels Word shows and checked like typed labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from gendoc import nd30
from gendoc.check.anatomy import type_key
from gendoc.check.context import Context
from gendoc.check.document import Para
from gendoc.check.ooxml import w, wattr
from gendoc.check.registry import Hit, rule
from gendoc.check.styles import to_twips
from gendoc.check.text import norm

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_PATTERNS = [
    ("phan", re.compile(r"^Phần\s+([IVXLC]+)\b")),
    ("chuong", re.compile(r"^Chương\s+([IVXLC]+)\b")),
    ("tieu_muc", re.compile(r"^Tiểu mục\s+(\d+)\b")),
    ("muc", re.compile(r"^Mục\s+(\d+)\b")),
    ("dieu", re.compile(r"^Điều\s+(\d+)\s*\.")),
    ("la_ma", re.compile(r"^([IVXLC]+)\s*\.\s")),
    ("khoan", re.compile(r"^(\d+)\s*\.(?!\d)\s*")),
    ("diem", re.compile(r"^([a-zđ])\s*\)\s")),
]
_POINT_DOT = re.compile(r"^([a-zđ])\.\s")  # "a. …" typed where ND30 writes "a) …"
_RANK = {"phan": 0, "chuong": 1, "muc": 2, "tieu_muc": 3, "la_ma": 3.5, "dieu": 4, "khoan": 5,
         "diem": 6}
_CONTINUOUS = {"phan", "chuong", "dieu"}  # numbered through the whole document
_NAMES = {"phan": "Phần", "chuong": "Chương", "muc": "Mục", "tieu_muc": "Tiểu mục",
          "la_ma": "mục số La Mã", "dieu": "Điều", "khoan": "khoản", "diem": "điểm"}
LETTERS = nd30.POINT_LETTERS
_TYPE_KEYS = {type_key(t) for t in (*nd30.TYPE_ABBREVIATIONS, *nd30.VBQPPL_TYPES, "TÊN LOẠI VĂN BẢN")}


def roman(s: str) -> int:
    total = 0
    for i, c in enumerate(s):
        v = _ROMAN[c]
        total += -v if i + 1 < len(s) and _ROMAN[s[i + 1]] > v else v
    return total


def to_roman(n: int) -> str:
    out = ""
    for v, s in ((100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"),
                 (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + s, n - v
    return out


def label_of(text: str) -> tuple[str, str] | None:
    for level, pat in _PATTERNS:
        m = pat.match(text)
        if m:
            return level, m.group(1)
    return None


def _show(level: str, n: int) -> str:
    if level in ("phan", "chuong", "la_ma"):
        return to_roman(n)
    if level == "diem":
        return LETTERS[n - 1] if 0 < n <= len(LETTERS) else "?"
    return str(n)


class AutoNumbers:
    """The labels Word prints for automatically numbered paragraphs (numPr)."""

    _FORMATS: dict[str, Callable[[int], str]] = {
        "decimal": str,
        "lowerLetter": lambda n: "abcdefghijklmnopqrstuvwxyz"[(n - 1) % 26],
        "upperLetter": lambda n: "ABCDEFGHIJKLMNOPQRSTUVWXYZ"[(n - 1) % 26],
        "upperRoman": to_roman,
        "lowerRoman": lambda n: to_roman(n).lower(),
    }

    def __init__(self, numbering):  # noqa: ANN001 - lxml element or None
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, list[int]] = {}
        if numbering is None:
            return
        abstract = {wattr(an, "abstractNumId"): an for an in numbering.iter(w("abstractNum"))}
        for num in numbering.iter(w("num")):
            ref = num.find(w("abstractNumId"))
            an = abstract.get(wattr(ref, "val")) if ref is not None else None
            if an is None:
                continue
            for lvl in an.iter(w("lvl")):
                ilvl = int(wattr(lvl, "ilvl") or 0)
                fmt = lvl.find(w("numFmt"))
                text = lvl.find(w("lvlText"))
                start = lvl.find(w("start"))
                self.levels[(wattr(num, "numId"), ilvl)] = (
                    wattr(fmt, "val") if fmt is not None else "decimal",
                    wattr(text, "val") if text is not None else "",
                    int(to_twips(wattr(start, "val")) or 1) if start is not None else 1,
                )

    def label(self, p: Para) -> str | None:
        num_id, ilvl = str(p.ppr.get("num_id")), int(p.ppr.get("ilvl", 0))
        spec = self.levels.get((num_id, ilvl))
        if not spec or spec[0] not in self._FORMATS:
            return None
        counts = self.counters.setdefault(num_id, [0] * 9)
        ilvl = max(0, min(ilvl, 8))
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else spec[2]
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        out = spec[1]
        for k in range(ilvl + 1):
            lvl_spec = self.levels.get((num_id, k), ("decimal", "", 1))
            fmt = self._FORMATS.get(lvl_spec[0], str)
            out = out.replace(f"%{k + 1}", fmt(counts[k] or lvl_spec[2]))
        return out


def _starts_document(text: str) -> bool:
    key = type_key(text)
    return key in _TYPE_KEYS or norm(text).startswith(("phụ lục", "mẫu "))


@rule(
    "numbering.order", "loi", group="Đánh số",
    title="Phần, Chương, mục số La Mã; Mục, Điều, khoản số Ả Rập; điểm «a)», «b)» … «d)», «đ)», "
    "«e)», «g)» … (không có f, j, w, z); liên tục, không nhảy, không lặp.",
    reason="Số thứ tự đúng và liên tục để viện dẫn chính xác điều, khoản, điểm.",
    source="Phụ lục I, Phần I, Mục II.6c–đ",
)
def numbering_order(ctx: Context) -> Iterator[Hit]:
    auto = AutoNumbers(ctx.doc.pkg.numbering)
    last: dict[str, int] = {}
    for p in ctx.a.body:
        text = p.stripped
        is_auto = False
        if p.ppr.get("num_id") not in (None, "0"):
            lab = auto.label(p)
            if lab:
                text, is_auto = f"{lab} {text}", True
        dot = _POINT_DOT.match(text)
        if dot:
            yield Hit(ctx.loc(p), f"điểm viết «{dot.group(1)}.»; ND30 viết chữ cái và dấu ngoặc đơn "
                      f"«{dot.group(1)})».")
            text = f"{dot.group(1)}) {text[dot.end():]}"
        found = label_of(text)
        if found is None:
            if _starts_document(text):
                last.clear()  # a new document or annex in the same file numbers afresh
            continue
        level, raw = found
        for other in list(last):  # a higher label restarts the lower lists
            if _RANK[other] > _RANK[level] and other not in _CONTINUOUS:
                del last[other]
        prev = last.get(level, 0)
        where = ctx.loc(p)
        note = " (đánh số tự động của Word)" if is_auto else ""
        if level == "diem":
            if raw not in LETTERS:
                yield Hit(where, f"điểm «{raw})» không dùng{note}: ND30 đánh điểm theo bảng chữ cái "
                          f"tiếng Việt ({', '.join(LETTERS[:8])} …), không có f, j, w, z.")
                last[level] = prev + 1
                continue
            n = LETTERS.index(raw) + 1
        elif level in ("phan", "chuong", "la_ma"):
            n = roman(raw)
        else:
            n = int(raw)
        if n != prev + 1:
            want = _show(level, prev + 1)
            kind = "lặp lại" if n == prev else "bắt đầu không đúng" if prev == 0 else "không liên tục"
            sep = ")" if level == "diem" else "."
            yield Hit(where, f"{_NAMES[level]} «{raw}{sep}» {kind}{note}: sau "
                      f"{'đầu danh sách' if prev == 0 else '«' + _show(level, prev) + sep + '»'} "
                      f"phải là «{want}{sep}».")
        last[level] = n
