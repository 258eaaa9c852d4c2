"""Legacy Vietnamese 8-bit encodings: TCVN3 (ABC, `.VnTime` fonts) and VNI (`VNI-Times`).

Before Unicode (TCVN 6909:2001), Vietnamese text was typed in fonts that drew Vietnamese glyphs
in place of Latin-1 characters. Word stores such text as those Latin-1 characters, so "Cộng hòa"
typed in .VnTime is saved as "Céng hoµ", and in VNI-Times as "Coäng hoøa". Converting means
mapping those characters back, which needs the font to know which table applies.

TCVN3 (TCVN 5712:1993, VN3): one byte a letter; lower-case letters with diacritics and the seven
upper-case Ă Â Ê Ô Ơ Ư Đ only. Upper case with a tone was typed in the companion "H" fonts
(`.VnTimeH`, `.VnArialH` …), whose glyphs at the *lower-case* positions are capitals: text in an
H font is decoded as lower case and then upper-cased.

VNI (VNI for Windows): a base ASCII letter followed by one Latin-1 character carrying the
diacritics ("a" + "ù" = "á", "a" + "ê" = "ă", "ô" alone = "ơ"); upper case uses the upper-case
Latin-1 characters. The tables are built from the rows below and proven by round-trip tests over
all 134 precomposed Vietnamese letters.
"""

from __future__ import annotations

import re
import unicodedata

# Tone order used in the rows below: ngang, sắc, huyền, hỏi, ngã, nặng.
_ROWS = ["a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y"]
_TONED = {
    "a": "aáàảãạ", "ă": "ăắằẳẵặ", "â": "âấầẩẫậ", "e": "eéèẻẽẹ", "ê": "êếềểễệ", "i": "iíìỉĩị",
    "o": "oóòỏõọ", "ô": "ôốồổỗộ", "ơ": "ơớờởỡợ", "u": "uúùủũụ", "ư": "ưứừửữự", "y": "yýỳỷỹỵ",
}  # fmt: skip

# Every precomposed Vietnamese letter that is not plain ASCII: 67 lower + 67 upper = 134.
LOWER_LETTERS = "".join(_TONED[r] for r in _ROWS).translate({ord(c): None for c in "aeiouy"}) + "đ"
VIETNAMESE_LETTERS = LOWER_LETTERS + LOWER_LETTERS.upper()

# ---------------------------------------------------------------------------------------------
# TCVN3
# ---------------------------------------------------------------------------------------------
_TCVN3_ROWS = {
    "a": "a¸µ¶·¹", "ă": "¨¾»¼½Æ", "â": "©ÊÇÈÉË", "e": "eÐÌÎÏÑ", "ê": "ªÕÒÓÔÖ", "i": "iÝ×ØÜÞ",
    "o": "oãßáâä", "ô": "«èåæçé", "ơ": "¬íêëìî", "u": "uóïñòô", "ư": "\xadøõö÷ù", "y": "yýúûüþ",
}  # fmt: skip
_TCVN3_EXTRA = {"đ": "®", "Ă": "¡", "Â": "¢", "Ê": "£", "Ô": "¤", "Ơ": "¥", "Ư": "¦", "Đ": "§"}

TCVN3_ENCODE: dict[str, str] = dict(_TCVN3_EXTRA)
for _row in _ROWS:
    TCVN3_ENCODE.update(zip(_TONED[_row], _TCVN3_ROWS[_row], strict=True))
TCVN3_ENCODE = {u: t for u, t in TCVN3_ENCODE.items() if u not in "aeiouy"}  # ý stays ý (0xFD)
TCVN3_DECODE = {t: u for u, t in TCVN3_ENCODE.items()}
_TCVN3_TRANS = str.maketrans(TCVN3_DECODE)


def decode_tcvn3(text: str, upper_font: bool = False) -> str:
    """TCVN3 text (as Latin-1 characters) → Unicode NFC; `upper_font` for .VnTimeH-type fonts."""
    out = text.translate(_TCVN3_TRANS)
    return out.upper() if upper_font else out


def encode_tcvn3(text: str, upper_font: bool = False) -> str:
    """Unicode → TCVN3. Upper case with a tone exists only in the H fonts: pass `upper_font=True`
    (the text is then written with the lower-case codes the H font draws as capitals)."""
    text = unicodedata.normalize("NFC", text)
    if upper_font:
        text = text.lower()
    out = []
    for ch in text:
        if ch in TCVN3_ENCODE:
            out.append(TCVN3_ENCODE[ch])
        elif ch in VIETNAMESE_LETTERS:
            raise ValueError(
                f"Chữ '{ch}' không có trong bảng mã TCVN3 thường: chữ hoa có dấu phải dùng phông "
                "chữ hoa (.VnTimeH)."
            )
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# VNI
# ---------------------------------------------------------------------------------------------
_VNI_TONES = "ùøûõï"  # sắc huyền hỏi ngã nặng
_VNI_SHAPE = {"â": "âáàåãä", "ê": "âáàåãä", "ô": "âáàåãä", "ă": "êéèúüë"}  # ngang..nặng
_VNI_BASE = {"a": "a", "e": "e", "o": "o", "u": "u", "y": "y", "ơ": "ô", "ư": "ö"}
_VNI_SINGLE = {"í": "í", "ì": "ì", "ỉ": "æ", "ĩ": "ó", "ị": "ò", "ỵ": "î", "đ": "ñ"}


def _vni_lower() -> dict[str, str]:
    table = dict(_VNI_SINGLE)
    for row, base in _VNI_BASE.items():
        for letter, mark in zip(_TONED[row][1:], _VNI_TONES, strict=True):
            table.setdefault(letter, base + mark)
        if base != row:
            table[row] = base  # ơ = "ô", ư = "ö"
    for row, marks in _VNI_SHAPE.items():
        base = {"â": "a", "ê": "e", "ô": "o", "ă": "a"}[row]
        for letter, mark in zip(_TONED[row], marks, strict=True):
            table[letter] = base + mark
    return table


VNI_ENCODE: dict[str, str] = _vni_lower()
VNI_ENCODE.update({u.upper(): v.upper() for u, v in list(VNI_ENCODE.items())})
VNI_DECODE: dict[str, str] = {v: u for u, v in VNI_ENCODE.items()}
# Mixed case (base and mark typed with different Shift states) reads as the base's case.
for _seq, _letter in list(VNI_DECODE.items()):
    if len(_seq) == 2:
        VNI_DECODE.setdefault(_seq[0] + _seq[1].swapcase(), _letter)
_VNI_RE = re.compile("|".join(re.escape(s) for s in sorted(VNI_DECODE, key=len, reverse=True)))


def decode_vni(text: str) -> str:
    """VNI text (as Latin-1 characters) → Unicode NFC."""
    return _VNI_RE.sub(lambda m: VNI_DECODE[m.group(0)], text)


def encode_vni(text: str) -> str:
    """Unicode → VNI (used by the round-trip tests and to make fixtures)."""
    text = unicodedata.normalize("NFC", text)
    return "".join(VNI_ENCODE.get(ch, ch) for ch in text)


# ---------------------------------------------------------------------------------------------
# Fonts and detection
# ---------------------------------------------------------------------------------------------
TCVN3 = "tcvn3"
VNI = "vni"


def font_encoding(font: str | None) -> tuple[str, bool] | None:
    """(encoding, upper_font) of a legacy font name, or None for a Unicode font.

    ".VnTime", ".VnArial Narrow" → TCVN3; ".VnTimeH", ".VnArialH" → TCVN3 capitals;
    "VNI-Times", "VNI-Helve" → VNI.
    """
    if not font:
        return None
    name = font.strip()
    low = name.lower()
    if low.startswith(".vn"):
        return TCVN3, name.endswith("H")
    if low.startswith("vni-") or low.startswith("vni "):
        return VNI, False
    return None


def decode(text: str, encoding: str, upper_font: bool = False) -> str:
    """Decode legacy text; text that already holds Unicode Vietnamese is returned as NFC."""
    if is_unicode(text):
        return unicodedata.normalize("NFC", text)
    if encoding == TCVN3:
        return decode_tcvn3(text, upper_font)
    if encoding == VNI:
        return decode_vni(text)
    raise ValueError(f"Bảng mã không hỗ trợ: {encoding!r} (chỉ nhận tcvn3 hoặc vni).")


def is_unicode(text: str) -> bool:
    """True when the text holds characters no 8-bit legacy text can (ă, ơ, ư, đ, ạ …)."""
    return any(ord(ch) > 0xFF for ch in text)


_LATIN1_VIETNAMESE = {ch for ch in VIETNAMESE_LETTERS if ord(ch) <= 0xFF}
_VNI_SINGLES = {v for v in VNI_DECODE if len(v) == 1 and ord(v) > 0x7F}


def guess_encoding(text: str) -> str | None:
    """Guess TCVN3 or VNI for 8-bit text without fonts (plain .txt); None if nothing to convert.

    TCVN3 maps almost every high Latin-1 character to a letter, so decoding alone cannot tell
    them apart. VNI has a signature instead: its diacritic characters follow a base vowel
    ("oä", "aø"). If most high characters that are not VNI one-character letters sit in such
    pairs, the text is VNI; otherwise TCVN3.
    """
    if is_unicode(text):
        return None
    if all(ch in _LATIN1_VIETNAMESE for ch in text if ord(ch) >= 0x80):
        return None  # "Tôi là ai": Unicode that happens to need only Latin-1 letters
    high = [ch for ch in text if 0x80 <= ord(ch) <= 0xFF and ch not in _VNI_SINGLES]
    if not high:
        has_singles = any(ch in _VNI_SINGLES for ch in text)
        return TCVN3 if has_singles else None
    in_pairs = sum(1 for m in _VNI_RE.finditer(text) if len(m.group(0)) == 2)
    return VNI if in_pairs >= 0.5 * len(high) else TCVN3
