"""The curated phrase list (`cum_tu.yaml`) and how a phrase is compared with running text.

Clerks and journalists type Vietnamese in every way there is: NFC or NFD (Unikey's "Unicode tổ
hợp"), old or new tone placement (hòa/hoà), and sometimes no diacritics at all (chat, SMS, quick
notes). A phrase therefore matches tone-insensitively — a syllable written without marks, or
without its tone mark, still matches — but a syllable whose marks *contradict* the phrase does
not: "phải yêu" (must love) is not "phái yếu", although both fold to "phai yeu". That rule keeps
false alarms on ordinary official prose near zero while still catching unaccented text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from gendoc.bias.text import words
from gendoc.vi.text import TONE_MARKS, split_tone

DATA = Path(__file__).with_name("cum_tu.yaml")
GAP = "*"
MAX_GAP = 3  # words a `*` may stand for
# Words that, inside a `*` gap, turn a stereotype into its negation or a shared duty
# ("phụ nữ không phải lo việc nhà", "vợ và chồng cùng lo việc nhà").
GAP_BREAKERS = frozenset({"khong", "chang", "chua", "dung", "bot", "cung", "voi", "va", "hay"})
GROUPS = {
    "goi_ten": "cách gọi", "nang_luc": "định kiến về năng lực", "viec_nha": "gán việc nhà cho phụ nữ",
    "lanh_dao": "gán lãnh đạo cho nam giới", "ngoai_hinh": "đánh giá qua ngoại hình",
    "thanh_ngu": "thành ngữ, tục ngữ", "nam_gioi": "định kiến về nam giới",
}


def fold(word: str) -> str:
    """Lower case with every diacritic removed and đ → d: the loosest key."""
    base = "".join(ch for ch in unicodedata.normalize("NFD", word.casefold())
                   if not unicodedata.combining(ch))
    return base.replace("đ", "d")


def shape(word: str) -> str:
    """Lower case NFC without the tone mark, vowel shapes kept (ă â ê ô ơ ư đ)."""
    no_tone = "".join(ch for ch in unicodedata.normalize("NFD", word.casefold())
                      if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", no_tone)


@dataclass(frozen=True)
class Syllable:
    """A phrase syllable with its three keys precomputed."""

    folded: str
    shaped: str
    tone: int

    @classmethod
    def of(cls, word: str) -> Syllable:
        return _syllable(word)

    def matches(self, word: Syllable) -> bool:
        """Does a word of the text (as a Syllable) spell this phrase syllable?"""
        if word.folded != self.folded:
            return False
        # Vowel shapes (ă â ê ô ơ ư đ) as in the phrase, or none typed at all.
        shape_ok = word.shaped in (self.shaped, word.folded)
        # Tone as in the phrase (wherever it sits: hòa/hoà), or no tone typed.
        return shape_ok and word.tone in (0, self.tone)


@lru_cache(maxsize=65536)
def _syllable(word: str) -> Syllable:
    """Keys of a word; cached because running text repeats a few thousand words endlessly."""
    return Syllable(fold(word), shape(word), split_tone(word.casefold())[1])


@dataclass(frozen=True)
class Phrase:
    """One curated entry: its spellings, why it is a problem and what to write instead."""

    forms: tuple[tuple[Syllable | None, ...], ...]  # None = a `*` gap
    text: str  # the main spelling, shown to the user
    group: str
    reason: str
    alternative: str


def compile_form(form: str) -> tuple[Syllable | None, ...]:
    out: list[Syllable | None] = []
    for token in form.split():
        if token == GAP:
            out.append(None)
        else:
            out.extend(Syllable.of(w) for w in words(token))
    if not out or out[0] is None or out[-1] is None:
        raise ValueError(f"cụm từ '{form}' không được bắt đầu hay kết thúc bằng '*'")
    return tuple(out)


def parse_entries(data: object, source: str) -> list[Phrase]:
    """Validate the YAML list; a broken entry names its position and what is missing."""
    if not isinstance(data, list):
        raise ValueError(f"{source}: danh mục phải là một danh sách các mục '- cum_tu: …'")
    phrases = []
    for index, entry in enumerate(data, start=1):
        where = f"{source}, mục {index}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where}: mỗi mục phải có cum_tu, ly_do, thay_the")
        forms = entry.get("cum_tu")
        if isinstance(forms, str):
            forms = [forms]
        missing = [k for k in ("ly_do", "thay_the") if not str(entry.get(k) or "").strip()]
        if not forms or missing:
            raise ValueError(f"{where}: thiếu {', '.join(missing or ['cum_tu'])}")
        group = str(entry.get("nhom") or "khac")
        phrases.append(Phrase(
            forms=tuple(compile_form(str(f)) for f in forms),
            text=unicodedata.normalize("NFC", str(forms[0])),
            group=group,
            reason=" ".join(str(entry["ly_do"]).split()),
            alternative=" ".join(str(entry["thay_the"]).split()),
        ))
    return phrases


def load_phrases(extra: Path | None = None) -> list[Phrase]:
    """The built-in list, plus a workspace's own list in the same format."""
    phrases = list(_builtin())
    if extra is not None:
        from gendoc.yamlio import read_yaml  # YAML readers: `gendoc --help` loads gendoc.bias

        phrases += parse_entries(read_yaml(extra)[0], str(extra))
    return phrases


@cache
def _builtin() -> tuple[Phrase, ...]:
    from gendoc.yamlio import read_yaml  # YAML readers: `gendoc --help` loads gendoc.bias

    return tuple(parse_entries(read_yaml(DATA)[0], DATA.name))
