"""Text hygiene: NFC, old/new tone placement, matching keys, capitalisation of names.

Unikey's "Unicode tổ hợp" writes NFD (a + combining marks); files from districts mix "hoà" and
"hòa", "thuỷ" and "thủy". They look the same to a clerk but compare different to a computer, so
names must be matched on a normalised key — while the author's own spelling is kept in output.

Tone placement: the traditional style (used by ND30 itself: "CỘNG HÒA", "Ủy ban") puts the tone
of an open "oa", "oe", "uy" syllable on the first vowel (hòa, khỏe, thủy); the "new" style puts
it on the second (hoà, khoẻ, thuỷ). Only those three open rhymes differ, and "qu" + y ("quý") is
not one of them.
"""

from __future__ import annotations

import re
import unicodedata

# The five tone marks as combining characters, in the traditional order after ngang.
TONE_MARKS = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# huyền, hỏi, ngã, sắc, nặng  (ngang = 0: no mark)

_WORD = re.compile(r"[^\W\d_]+")
_OPEN_RHYME = re.compile(r"(?P<init>[bcdđghklmnprstvx]*)(?P<rhyme>oa|oe|uy)", re.IGNORECASE)


def nfc(text: str) -> str:
    """Unicode NFC, the form TCVN 6909:2001 and Word expect; NFD input becomes precomposed."""
    return unicodedata.normalize("NFC", text)


def split_tone(syllable: str) -> tuple[str, int]:
    """("hòa" → "hoa", 1): the syllable without its tone mark (NFC) and the tone number 0–5."""
    tone = 0
    kept = []
    for ch in unicodedata.normalize("NFD", syllable):
        if ch in TONE_MARKS:
            tone = TONE_MARKS[ch]
        else:
            kept.append(ch)
    return nfc("".join(kept)), tone


_MARK_OF = {v: k for k, v in TONE_MARKS.items()}


def _replace_tone(word: str, style: str) -> str:
    base, tone = split_tone(word)
    if not tone:
        return word
    m = _OPEN_RHYME.fullmatch(base)
    if not m or base[:2].lower() == "qu":
        return word
    pos = m.start("rhyme") + (0 if style == "cu" else 1)
    return nfc(base[: pos + 1] + _MARK_OF[tone] + base[pos + 1 :])


def doi_dau(text: str, kieu: str = "cu") -> str:
    """Move tone marks of open oa/oe/uy syllables: `kieu="cu"` → hòa, thủy; `"moi"` → hoà, thuỷ.

    Everything else is returned unchanged (NFC).
    """
    if kieu not in ("cu", "moi"):
        raise ValueError(f"Kiểu bỏ dấu không hợp lệ: {kieu!r} (chỉ nhận 'cu' hoặc 'moi').")
    return _WORD.sub(lambda m: _replace_tone(m.group(0), kieu), nfc(text))


def khoa_so_khop(text: str) -> str:
    """The key two spellings of the same text share: NFC, traditional tone placement, lower
    case, single spaces. "Nguyễn Thị  Hoà" and "nguyễn thị hòa" (even in NFD) match."""
    return " ".join(doi_dau(text, "cu").casefold().split())


def bo_trung(items: list[str]) -> list[str]:
    """Drop items that match an earlier one by `khoa_so_khop`, keeping the first spelling."""
    seen: set[str] = set()
    out = []
    for item in items:
        key = khoa_so_khop(item)
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


# ---------------------------------------------------------------------------------------------
# Capitalisation
# ---------------------------------------------------------------------------------------------
def _cap(word: str) -> str:
    return word[:1].upper() + word[1:].lower()


def viet_hoa_ten(name: str) -> str:
    """A personal or place name: every syllable capitalised ("nguyễn văn AN" → "Nguyễn Văn An").

    Hyphenated parts are capitalised too ("ê-đê" → "Ê-Đê"); input is normalised to NFC.
    """
    words = nfc(name).split()
    return " ".join("-".join(_cap(p) for p in w.split("-")) for w in words)


# Administrative-unit words written in lower case before a proper name (ND30 Phụ lục II).
_ADMIN = ("thành phố", "thị xã", "thị trấn", "tỉnh", "huyện", "quận", "xã", "phường", "ấp",
          "khu phố", "tổ dân phố")  # fmt: skip
# Organisation-type words (first letter capitalised), then the field of activity, whose first
# syllable (and the first after "và", "," or "-") is capitalised.
_ORG = ("ủy ban nhân dân", "hội đồng nhân dân", "ủy ban mặt trận tổ quốc việt nam", "văn phòng",
        "sở", "phòng", "ban", "trung tâm", "chi cục", "cục", "tổng cục", "bộ",
        "thanh tra", "công an", "kho bạc nhà nước", "bảo hiểm xã hội", "trường", "bệnh viện",
        "đài", "hội", "đoàn", "liên đoàn", "viện", "chi nhánh", "ban chỉ huy quân sự",
        "bộ chỉ huy quân sự", "tòa án nhân dân", "viện kiểm sát nhân dân")  # fmt: skip
_FIXED = {"ủy ban nhân dân": "Ủy ban nhân dân", "hội đồng nhân dân": "Hội đồng nhân dân",
          "ủy ban mặt trận tổ quốc việt nam": "Ủy ban Mặt trận Tổ quốc Việt Nam",
          "kho bạc nhà nước": "Kho bạc Nhà nước", "bảo hiểm xã hội": "Bảo hiểm xã hội",
          "ban chỉ huy quân sự": "Ban Chỉ huy Quân sự", "bộ chỉ huy quân sự": "Bộ Chỉ huy Quân sự",
          "tòa án nhân dân": "Tòa án nhân dân", "viện kiểm sát nhân dân": "Viện kiểm sát nhân dân",
          "thành phố hồ chí minh": "Thành phố Hồ Chí Minh",
          "thủ đô hà nội": "Thủ đô Hà Nội"}  # fmt: skip


def _match_phrase(words: list[str], i: int, phrases) -> str | None:
    """The longest phrase starting at words[i] (compared by matching key)."""
    best = None
    for phrase in phrases:
        parts = phrase.split()
        if [khoa_so_khop(w) for w in words[i : i + len(parts)]] == parts and (
            best is None or len(parts) > len(best.split())
        ):
            best = phrase
    return best


def viet_hoa_don_vi(name: str) -> str:
    """Capitalise the name of a unit the ND30 way (Phụ lục II, "tên cơ quan, tổ chức").

    "ủy ban nhân dân tỉnh kiên giang" → "Ủy ban nhân dân tỉnh Kiên Giang";
    "sở tài nguyên và môi trường" → "Sở Tài nguyên và Môi trường";
    "phòng tài chính - kế hoạch huyện châu thành" → "Phòng Tài chính - Kế hoạch huyện Châu Thành".
    A practical rule set (organisation types, fields, administrative units, a few fixed names),
    not a full grammar: check unusual names by eye.
    """
    words = nfc(name).split()
    out: list[str] = []
    i = 0
    mode = "field"  # "field": capitalise the next word only; "place": capitalise every word
    cap_next = True
    while i < len(words):
        fixed = _match_phrase(words, i, _FIXED)
        if fixed:
            out += _FIXED[fixed].split()
            i += len(fixed.split())
            mode = "place"  # a fixed name is followed by its place: "Kho bạc Nhà nước Kiên Giang"
            continue
        after_joiner = bool(out) and (out[-1] in ("và", "-", "–") or out[-1].endswith(","))
        admin = _match_phrase(words, i, _ADMIN)
        if admin and i > 0 and not after_joiner:
            out += admin.split()
            i += len(admin.split())
            mode = "place"
            continue
        org = _match_phrase(words, i, _ORG)
        if org and (i == 0 or mode == "place" or after_joiner):
            first, *rest = org.split()
            out += [_cap(first), *rest]
            i += 1 + len(rest)
            mode, cap_next = "field", True
            continue
        word = words[i]
        if mode == "place":
            out.append("-".join(_cap(p) for p in word.split("-")))
        elif cap_next:
            out.append(_cap(word))
            cap_next = False
        else:
            low = word.lower()
            out.append(low)
            if low in ("và", "-", "–") or low.endswith(","):
                cap_next = True
        i += 1
    return " ".join(out)
