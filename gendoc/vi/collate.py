"""Vietnamese alphabetical order and the order of names in official lists.

Letters: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y (f j w z, which only occur
in foreign words, take their Latin places). Tones are compared only when the letters are equal,
in the order ngang, huyền, hỏi, ngã, sắc, nặng — so An < Anh < Ánh < Ân < Bình < Dũng < Đức < Ý,
where code-point order puts "Đ" after "Y" and UCA puts "Ân" before "Ánh".

Names in official lists sort by given name (last word), then middle names, then family name;
each part is compared completely (letters, then tones) before the next, so every "An" comes
before every "Án". Upper before lower case is decided last, then the NFC text itself, so the
order is total and identical for NFC and NFD input. ICU's `vi` collation would do the letter part
but PyICU is not a dependency and is hard to install on clerks' Windows machines.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from gendoc.vi.text import nfc, split_tone

ALPHABET = [
    "a",
    "ă",
    "â",
    "b",
    "c",
    "d",
    "đ",
    "e",
    "ê",
    "f",
    "g",
    "h",
    "i",
    "j",
    "k",
    "l",
    "m",
    "n",
    "o",
    "ô",
    "ơ",
    "p",
    "q",
    "r",
    "s",
    "t",
    "u",
    "ư",
    "v",
    "w",
    "x",
    "y",
    "z",
]
_RANK = {letter: 100 + i for i, letter in enumerate(ALPHABET)}
_RANK.update({str(d): 10 + d for d in range(10)})


def _char_rank(ch: str) -> int:
    return _RANK.get(ch, 1000 + ord(ch))


def _word_levels(words: list[str]) -> tuple[tuple, tuple, tuple]:
    """(letters, tones, case) of a list of words; each level is compared in full before the next."""
    letters, tones, case = [], [], []
    for word in words:
        base, tone = split_tone(word)
        letters.append(tuple(_char_rank(c) for c in base.lower()))
        tones.append(tone)
        case.append(tuple(c.isupper() for c in base))
    return tuple(letters), tuple(tones), tuple(case)


def khoa_chu(text: str) -> tuple:
    """Sort key for Vietnamese alphabetical order of any text (word by word)."""
    text = nfc(str(text))
    letters, tones, case = _word_levels(text.split())
    return letters, tones, case, text


def khoa_ten(name: str) -> tuple:
    """Sort key for a person's full name in an official list (given, middle, family)."""
    name = nfc(str(name))
    words = name.split()
    given, middle, family = words[-1:], words[1:-1], words[:-1][:1]
    parts = [_word_levels(p) for p in (given, middle, family)]
    return (
        tuple((p[0], p[1]) for p in parts),  # letters then tones, part by part
        tuple(p[2] for p in parts),  # case last
        name,
    )


def _getter(attribute: str | None) -> Callable[[Any], str]:
    if attribute is None:
        return lambda item: item

    def get(item: Any) -> str:
        if isinstance(item, Mapping):
            return item[attribute]
        return getattr(item, attribute)

    return get


def sap_xep_ten(items: Iterable[Any], attribute: str | None = None, reverse: bool = False) -> list:
    """Names in official order; `attribute` picks the name out of dicts/objects ("ho_ten")."""
    get = _getter(attribute)
    return sorted(items, key=lambda item: khoa_ten(get(item)), reverse=reverse)


def sap_xep(items: Iterable[Any], attribute: str | None = None, reverse: bool = False) -> list:
    """Plain Vietnamese alphabetical order of texts (unit names, places, titles)."""
    get = _getter(attribute)
    return sorted(items, key=lambda item: khoa_chu(get(item)), reverse=reverse)
