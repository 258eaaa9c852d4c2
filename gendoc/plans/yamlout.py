"""Write a derived content file the way a clerk would write it by hand.

Long paragraphs become folded blocks (`>-`) wrapped at ~96 columns, short values stay plain,
and a few comments tell the clerk what to finish. Whatever is written is read back and compared
with the intended data: a value the simple layout cannot carry exactly is written double-quoted
instead, so the file always says precisely what was derived.
"""

from __future__ import annotations

import json
import re
import textwrap
from pathlib import Path
from typing import Any

from gendoc.exceptions import GendocError
from gendoc.yamlio import load_yaml, plain

WIDTH = 96


class Comment(str):
    """A comment line placed before a key (or a list item)."""


class Commented:
    """A value with a trailing comment: `so:   # chưa cấp số`."""

    def __init__(self, value: Any, comment: str) -> None:
        self.value = value
        self.comment = comment


def _scalar(value: Any, safe: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    if text and not safe and _plain_ok(text):
        return text
    return _quoted(text)


# Characters YAML does not allow (or reads as line breaks) inside a double-quoted scalar, beyond
# the C0 controls JSON already escapes.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")


def _quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escapes are YAML's, plus a few YAML-only ones)."""
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", json.dumps(text, ensure_ascii=False))


def _plain_ok(text: str) -> bool:
    """Does `k: text` read back as exactly `text` (a string)?"""
    if text != text.strip() or "\n" in text or "#" in text or ": " in text or text.endswith(":"):
        return False
    if text[0] in "-?:,[]{}&*!|>'\"%@`":
        return False
    try:
        back = load_yaml(Path("<text>"), text=f"k: {text}\n")
    except GendocError:
        return False
    return isinstance(back, dict) and back.get("k") == text


def _folded(text: str, indent: int) -> list[str] | None:
    pad = " " * indent
    lines = textwrap.wrap(text, width=max(WIDTH - indent, 40), break_long_words=False,
                          break_on_hyphens=False)
    if not lines or " ".join(lines) != text or any(line[:1] in " #" for line in lines):
        return None
    return [pad + line for line in lines]


def _value(value: Any, indent: int, key_prefix: str, safe: bool) -> list[str]:
    """Lines for `key_prefix` (e.g. `noi_dung:` or `-`) followed by `value`."""
    pad = " " * indent
    comment = ""
    if isinstance(value, Commented):
        comment = f"  # {value.comment}"
        value = value.value
    if isinstance(value, dict) and not value:
        return [f"{pad}{key_prefix} {{}}{comment}"]
    if isinstance(value, dict):
        body = _mapping(value, indent + 2, safe)
        if key_prefix == "-":
            return [f"{pad}- {body[0].lstrip()}"] + body[1:]
        return [f"{pad}{key_prefix}{comment}"] + body
    if isinstance(value, list):
        if not value:
            return [f"{pad}{key_prefix} []{comment}"]
        lines = [f"{pad}{key_prefix}{comment}"]
        for item in value:
            if isinstance(item, Comment):
                lines.append(f"{pad}  # {item}")
            else:
                lines += _value(item, indent + 2, "-", safe)
        return lines
    if isinstance(value, str) and not safe and len(value) + indent + len(key_prefix) + 1 > WIDTH:
        folded = _folded(value, indent + 2)
        if folded:
            return [f"{pad}{key_prefix} >-{comment}"] + folded
    return [f"{pad}{key_prefix} {_scalar(value, safe)}".rstrip() + comment]


def _mapping(data: dict[str, Any], indent: int, safe: bool) -> list[str]:
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, Comment):
            lines += [" " * indent + f"# {line}".rstrip() for line in value.splitlines()]
            continue
        lines += _value(value, indent, f"{key}:", safe)
    return lines


def strip_markers(data: Any) -> Any:
    """The data without comments, as the reader should see it."""
    if isinstance(data, Commented):
        return strip_markers(data.value)
    if isinstance(data, dict):
        return {k: strip_markers(v) for k, v in data.items() if not isinstance(v, Comment)}
    if isinstance(data, list):
        return [strip_markers(v) for v in data if not isinstance(v, Comment)]
    return data


def dump(data: dict[str, Any], header: list[str] | None = None) -> str:
    """YAML text for `data` that reads back exactly as `data` (comments aside)."""
    head = [f"# {line}".rstrip() for line in header or []]
    for safe in (False, True):
        text = "\n".join(head + _mapping(data, 0, safe)) + "\n"
        try:
            if plain(load_yaml(Path("<text>"), text=text)) == strip_markers(data):
                return text
        except GendocError:
            continue
    raise GendocError("không ghi được tệp nội dung dẫn xuất (dữ liệu không biểu diễn được "
                      "bằng YAML) — báo cho nhóm phát triển.")
