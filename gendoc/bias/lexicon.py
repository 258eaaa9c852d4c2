"""The compositional detector's data (`khung.yaml`): word sets, categories and their rules.

Everything the detector knows lives in the YAML file next to this module; this module only reads
it, checks it, and compiles each spelling into syllables matched the same tone-aware way as the
curated phrase list (`gendoc.bias.phrases.Syllable`). A spelling may name another word set in
angle brackets — "phải là <nam>" stands for "phải là đàn ông", "phải là nam giới", … — and may contain
`*`, a gap of at most three words. A spelling with "không" also stands for "chẳng" and "chả".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from gendoc.bias.phrases import GAP, MAX_GAP, Syllable
from gendoc.bias.text import words

DATA = Path(__file__).with_name("khung.yaml")
KINDS = ("chu_the", "boi_canh", "khung")  # subject, context (neither is negated), frame
MARKER_LISTS = ("phu_dinh", "ngat_menh", "ngoai_tru", "phan_bac", "chia_se", "thong_ke",
                "cam_doan")
_REF = re.compile(r"<(\w+)>")

Form = tuple[Syllable | None, ...]


@dataclass(frozen=True)
class Pattern:
    text: str  # the spelling, references expanded
    form: Form


@dataclass(frozen=True)
class WordSet:
    name: str
    kind: str
    label: str
    patterns: tuple[Pattern, ...]


@dataclass(frozen=True)
class Category:
    key: str
    label: str
    reason: str
    alternative: str
    rules: tuple[tuple[str, ...], ...]  # each rule: word sets that must all occur in the clause
    unless: tuple[str, ...]  # sentence markers that cancel this category (chia_se, thong_ke …)


@dataclass(frozen=True)
class Lexicon:
    sets: dict[str, WordSet]
    markers: dict[str, tuple[Pattern, ...]]
    categories: tuple[Category, ...]


def compile_text(text: str) -> Form:
    out: list[Syllable | None] = []
    for token in text.split():
        if token == GAP:
            out.append(None)
        else:
            out.extend(Syllable.of(w) for w in words(token))
    if not out or out[0] is None or out[-1] is None:
        raise ValueError(f"'{text}': không được rỗng, bắt đầu hay kết thúc bằng '*'")
    return tuple(out)


def _spellings(raw: object, where: str) -> list[str]:
    if not isinstance(raw, list) or not raw or not all(isinstance(x, str) for x in raw):
        raise ValueError(f"{where}: phải là danh sách cụm từ")
    return [unicodedata.normalize("NFC", " ".join(x.split())) for x in raw]


def _expand(texts: Iterable[str], plain_sets: dict[str, list[str]], where: str) -> list[str]:
    """Replace every <set> reference by each spelling of that set (one level, no nesting)."""
    out: list[str] = []
    for text in texts:
        names = _REF.findall(text)
        if not names:
            out.append(text)
            continue
        name = names[0]
        if name not in plain_sets:
            raise ValueError(f"{where}: '{text}' nhắc tới nhóm từ chưa khai báo '{name}'")
        out += _expand([text.replace(f"<{name}>", s, 1) for s in plain_sets[name]],
                       plain_sets, where)
    return out


NEGATIONS = ("không", "chẳng", "chả")  # "không hợp" is also written "chẳng hợp", "chả hợp"


def _with_negation_variants(texts: Iterable[str]) -> list[str]:
    out: list[str] = []
    for text in texts:
        out.append(text)
        words = text.split()
        if NEGATIONS[0] in words:
            at = words.index(NEGATIONS[0])
            out += [" ".join([*words[:at], neg, *words[at + 1:]]) for neg in NEGATIONS[1:]]
    return out


def _patterns(texts: Iterable[str]) -> tuple[Pattern, ...]:
    seen: dict[str, Pattern] = {}
    for text in _with_negation_variants(texts):
        seen.setdefault(text, Pattern(text, compile_text(text)))
    return tuple(seen.values())


def _word_sets(raw: object) -> dict[str, WordSet]:
    if not isinstance(raw, dict) or not raw:
        raise ValueError("tu: phải là bảng các nhóm từ")
    plain_sets: dict[str, list[str]] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict) or entry.get("loai") not in KINDS:
            raise ValueError(f"tu.{name}: cần 'loai' là một trong {', '.join(KINDS)}")
        plain_sets[name] = _spellings(entry.get("cum_tu"), f"tu.{name}.cum_tu")
    return {
        name: WordSet(name, entry["loai"], str(entry.get("ten") or name),
                      _patterns(_expand(plain_sets[name], plain_sets, f"tu.{name}")))
        for name, entry in raw.items()
    }


def _categories(raw: object, sets: dict[str, WordSet]) -> tuple[Category, ...]:
    if not isinstance(raw, dict) or not raw:
        raise ValueError("nhom: phải là bảng các nhóm định kiến")
    out = []
    for key, entry in raw.items():
        where = f"nhom.{key}"
        missing = [k for k in ("ten", "ly_do", "thay_the", "luat") if not entry.get(k)]
        if missing:
            raise ValueError(f"{where}: thiếu {', '.join(missing)}")
        rules = tuple(tuple(rule) for rule in entry["luat"])
        for rule in rules:
            unknown = [name for name in rule if name not in sets]
            if unknown or not rule:
                raise ValueError(f"{where}: luật {list(rule)} nhắc tới nhóm từ chưa khai báo")
        unless = tuple(entry.get("tru_khi") or ())
        if any(u not in MARKER_LISTS for u in unless):
            raise ValueError(f"{where}: tru_khi chỉ gồm {', '.join(MARKER_LISTS)}")
        out.append(Category(key, str(entry["ten"]), " ".join(str(entry["ly_do"]).split()),
                            " ".join(str(entry["thay_the"]).split()), rules, unless))
    return tuple(out)


def parse_lexicon(data: object) -> Lexicon:
    if not isinstance(data, dict):
        raise ValueError("khung.yaml: phải là một bảng")
    sets = _word_sets(data.get("tu"))
    plain_sets = {name: [p.text for p in ws.patterns] for name, ws in sets.items()}
    markers = {name: _patterns(_expand(_spellings(data.get(name), name), plain_sets, name))
               for name in MARKER_LISTS}
    return Lexicon(sets, markers, _categories(data.get("nhom"), sets))


@cache
def load_lexicon() -> Lexicon:
    from gendoc.yamlio import read_yaml  # YAML readers: `gendoc --help` loads gendoc.bias

    return parse_lexicon(read_yaml(DATA)[0])


# --- matching ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Hit:
    start: int  # token index, inclusive
    end: int  # exclusive
    text: str  # the pattern that matched


def strictness(keys: list[Syllable]) -> tuple[bool, bool]:
    """Does this text type tone marks, vowel shapes (ă â ê ô ơ ư đ)? Then it means them.

    The phrase list forgives a missing mark in any text. The detector, whose frame words are short
    and common, forgives missing marks only in text typed without them: in accented text "con"
    (child) is not "còn" (still), and "phai" is a typing slip, not "phải".
    """
    return any(k.tone for k in keys), any(k.shaped != k.folded for k in keys)


def _fits(item: Syllable, key: Syllable, strict: tuple[bool, bool]) -> bool:
    if not item.matches(key):
        return False
    return (not strict[0] or key.tone == item.tone) and \
        (not strict[1] or key.shaped == item.shaped)


def match_end(form: Form, keys: list[Syllable], soft: list[bool], i: int, hi: int,
              strict: tuple[bool, bool] = (False, False)) -> int | None:
    """End index if `form` matches keys[i:] without passing `hi`; a gap stays inside a clause."""
    t = i
    for f, item in enumerate(form):
        if item is None:
            for skip in range(MAX_GAP + 1):
                land = t + skip
                if land >= hi or soft[land]:
                    return None
                end = match_end(form[f + 1:], keys, soft, land, hi, strict)
                if end is not None:
                    return end
            return None
        if t >= hi or not _fits(item, keys[t], strict):
            return None
        t += 1
    return t


class Index:
    """Patterns of many sets, looked up by their first syllable."""

    def __init__(self, groups: dict[str, tuple[Pattern, ...]]) -> None:
        self.by_first: dict[str, list[tuple[str, Pattern]]] = {}
        for name, patterns in groups.items():
            for p in patterns:
                first = p.form[0]
                assert first is not None
                self.by_first.setdefault(first.folded, []).append((name, p))

    def scan(self, keys: list[Syllable], soft: list[bool], lo: int, hi: int) -> dict[str, list[Hit]]:
        """Every hit of every set in keys[lo:hi], by set name."""
        hits: dict[str, list[Hit]] = {}
        strict = strictness(keys[lo:hi])
        for i in range(lo, hi):
            for name, p in self.by_first.get(keys[i].folded, ()):
                end = match_end(p.form, keys, soft, i, hi, strict)
                if end is not None:
                    hits.setdefault(name, []).append(Hit(i, end, p.text))
        return hits
