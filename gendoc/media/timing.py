"""Reading time of Vietnamese text, in syllables, for radio items and television narration.

Vietnamese writes one syllable per word, so a script is timed by counting words — but figures
and abbreviations are read aloud longer than they look: "2017" is "hai nghìn không trăm mười
bảy" (6 syllables), "35,5%" is "ba mươi lăm phẩy năm phần trăm", "UBND" is spelled or expanded.
Counting what the reader says (through gendoc.vi's number words) keeps a 30-second segment from
turning into 40 seconds on air.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from gendoc.vi.numwords import so_thanh_chu

# Numbers Vietnamese-style (1.234.567 / 12,5 / 31/3/2016 split on "/"), or letter words.
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|%")
# How abbreviations common in provincial news are read aloud (syllables).
ABBREVIATIONS = {
    "UBND": 4, "HĐND": 4, "MTTQ": 4, "LHPN": 4, "BCH": 3, "CNH": 4, "HĐH": 4, "TP": 3,
    "TX": 2, "CB": 2, "CCVC": 6, "KT": 2, "XH": 2, "BĐG": 3, "VSTBPN": 7,
}


def _number_syllables(text: str) -> int:
    try:
        return len(so_thanh_chu(text).split())
    except (ValueError, OverflowError):
        return len(re.sub(r"\D", "", text))  # read digit by digit


def syllables(text: str) -> int:
    """Syllables a reader says for `text` (words, numbers read out, % and abbreviations)."""
    count = 0
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text or "")):
        if token[0].isdigit():
            count += _number_syllables(token)
        elif token == "%":
            count += 2  # phần trăm
        elif token.isupper() and len(token) > 1:
            count += ABBREVIATIONS.get(token, len(token))  # spelled letter by letter
        else:
            count += 1
    return count


def reading_seconds(text: str, per_minute: float) -> float:
    """Seconds to read `text` aloud at `per_minute` syllables per minute."""
    if per_minute <= 0:
        raise ValueError("tốc độ đọc phải lớn hơn 0 âm tiết/phút")
    return syllables(text) * 60.0 / per_minute


_CLOCK = re.compile(r"^(?:(\d+):)?(\d+):(\d{1,2})$")
_WORDS = re.compile(r"^(?:(\d+)\s*(?:phút|ph|p|'))?\s*(?:(\d+)\s*(?:giây|gi|s|\"|''))?$")


def parse_duration(value: object) -> int:
    """Seconds from 90, "90", "1:30", "01:30", "0:01:30", "1 phút 30 giây", "1'30\"".

    Raises ValueError in Vietnamese naming the accepted forms.
    """
    if isinstance(value, bool):
        raise ValueError("thời lượng phải là số giây hoặc dạng phút:giây, ví dụ 90 hoặc 1:30")
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, float) and value >= 0 and value.is_integer():
        return int(value)
    text = str(value).strip().lower()
    if text.isdigit():
        return int(text)
    m = _CLOCK.match(text)
    if m and int(m.group(3)) < 60:
        hours = int(m.group(1)) if m.group(1) else 0
        if m.group(1) and int(m.group(2)) >= 60:
            raise ValueError(f"'{value}': số phút phải nhỏ hơn 60 khi có giờ")
        return hours * 3600 + int(m.group(2)) * 60 + int(m.group(3))
    m = _WORDS.match(text)
    if text and m and (m.group(1) or m.group(2)):
        return int(m.group(1) or 0) * 60 + int(m.group(2) or 0)
    raise ValueError(f"'{value}' không phải thời lượng — ghi số giây (90) hoặc phút:giây (1:30)")


def clock(seconds: float) -> str:
    """1:05, 12:30, 1:02:03 — how a running order shows times (rounded to the second)."""
    total = int(math.floor(seconds + 0.5))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def spoken(seconds: float) -> str:
    """"1 phút 5 giây", "45 giây", "2 phút" — durations in a sentence."""
    total = int(math.floor(seconds + 0.5))
    minutes, secs = divmod(total, 60)
    if minutes and secs:
        return f"{minutes} phút {secs} giây"
    return f"{minutes} phút" if minutes else f"{secs} giây"


@dataclass(frozen=True)
class SegmentTiming:
    """One script segment: its slot, what its narration needs, and whether it fits."""

    index: int  # 1-based
    start: int  # seconds from the top of the piece
    duration: int
    syllables: int
    needed: float  # seconds to read the narration

    @property
    def fits(self) -> bool:
        return self.needed <= self.duration + 0.5

    @property
    def capacity(self) -> int:
        """Syllables that fit the segment at the same reading speed."""
        return int(self.duration * self.syllables / self.needed) if self.needed else 0


def time_segments(durations: list[int], texts: list[str], per_minute: float) -> list[SegmentTiming]:
    """Start times and reading needs of consecutive segments."""
    out = []
    start = 0
    for index, (duration, text) in enumerate(zip(durations, texts, strict=True), start=1):
        count = syllables(text)
        out.append(SegmentTiming(index, start, duration, count, count * 60.0 / per_minute))
        start += duration
    return out
