"""Vietnamese text helpers for matching components regardless of typing habits.

Clerks type `HOÀ` or `HÒA`, non-breaking spaces, en dashes; the decree's own files do too.
Matching goes through `norm()`; rules that judge the exact spelling compare the raw text.
"""

from __future__ import annotations

import re
import unicodedata

# Old tone placement on open syllables (hoà, thoả, uỷ) -> the new one (hòa, thỏa, ủy).
_OLD_TONES = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_OLD_TONE_RE = re.compile("(" + "|".join(_OLD_TONES) + r")(?![a-zà-ỹđ])")
_WS_RE = re.compile(r"\s+")
RULE_CHARS = set("_-‐‑‒–—―‾=.·…")


def norm(text: str) -> str:
    """Lower case, NFC, new-style tone placement, single spaces: for finding components."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").lower()
    text = _OLD_TONE_RE.sub(lambda m: _OLD_TONES[m.group(1)], text)
    return _WS_RE.sub(" ", text).strip()


def norm_upper(text: str) -> str:
    """Like norm() but upper case, for comparing with the type names in nd30.py."""
    return norm(text).upper()


def clean(text: str) -> str:
    """NFC with non-breaking spaces as spaces and line breaks as spaces, stripped."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ").replace("\n", " ")
    return text.strip()


def snippet(text: str, words: int = 8, chars: int = 60) -> str:
    """The first words of a paragraph, as a clerk would search for them."""
    text = _WS_RE.sub(" ", clean(text))
    parts = text.split(" ")
    out = " ".join(parts[:words])
    if len(out) > chars:
        out = out[:chars].rstrip()
    return out + ("…" if out != text else "")


def is_upper(text: str) -> bool:
    """True when every letter is upper case (and there is at least one letter)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(not c.islower() for c in letters)


def has_letters(text: str) -> bool:
    return any(c.isalpha() for c in text)


def is_rule_text(text: str) -> bool:
    """A typed rule line: only underscores, dashes and the like (at least 3 of them)."""
    stripped = text.replace(" ", "").replace("\t", "").replace("\u00a0", "")
    underscores = len(stripped) >= 3 and "_" in stripped and all(c in RULE_CHARS for c in stripped)
    dashes = len(stripped) >= 5 and all(c in "-‐‑‒–—―" for c in stripped)
    return underscores or dashes


def is_placeholder(token: str) -> bool:
    """A blank left for the văn thư: empty, spaces, dots, ellipses or underscores."""
    return not token.strip() or all(c in " .…_\u00a0\t" for c in token)


def fmt_pt(value: float | None) -> str:
    if value is None:
        return "không rõ"
    return f"{value:g}".replace(".", ",") + " pt"


def fmt_mm(value: float) -> str:
    return f"{value:.1f}".replace(".", ",").replace(",0", "") + " mm"
