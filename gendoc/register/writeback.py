"""Write the allocated number and date back into the content file, touching nothing else.

Why line edits: a content file is the clerk's own text, with comments, quoting, list style and
an order of fields they chose. Re-serialising it (even with a round-trip YAML library) can
change unrelated lines — an item written `- null` comes back as `-`. So the parser is used only
to find where `so:` and `ngay:` are; those lines are edited in place (their comments kept), and
a missing `so:` is inserted after `co_quan:` (where it sits on the page), `ngay:` after `so:`.
The file is replaced atomically, so a crash leaves either the old or the new file.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from gendoc.exceptions import ContentError, FieldProblem
from gendoc.writer import atomic_write
from gendoc.yamlio import load_yaml, read_text

#: Keys after which a missing `so:` is inserted, in order of preference.
_ANCHORS = ("co_quan", "loai")


def write_number(path: Path, number: int, date: dt.date) -> None:
    """Set `so: <number>` and `ngay: <date>` at the top level of the YAML file `path`.

    The file is parsed once (parsing is most of this function's time): existing lines are
    replaced in place, which keeps every line index valid, then missing keys are inserted.
    """
    text = read_text(path)
    data = _mapping(path, text)
    lines = text.splitlines(keepends=True)
    values = {"so": str(number), "ngay": date.isoformat()}
    for key, value in values.items():
        if key in data:
            index = data.lc.key(key)[0]
            lines[index] = _replace_value(path, lines[index], key, value, index + 1)
    missing = [f"{key}: {value}\n" for key, value in values.items() if key not in data]
    if missing:
        # Only `ngay:` missing: right under `so:`; else under `co_quan:`, as on the page.
        index = data.lc.key("so")[0] + 1 if "so" in data else _insert_at(data, lines, _ANCHORS)
        if index > 0 and not lines[index - 1].endswith("\n"):
            lines[index - 1] += "\n"
        lines[index:index] = missing
    atomic_write(path, "".join(lines).encode("utf-8"), root=path.parent)


def _mapping(path: Path, text: str) -> CommentedMap:
    data = load_yaml(path, text=text)  # syntax errors reported with their line, in Vietnamese
    if not isinstance(data, CommentedMap):
        raise ContentError(path, "tệp nội dung phải là một bảng 'trường: giá trị' ở cấp ngoài "
                           "cùng — không ghi được số và ngày vào tệp.")
    return data


def _replace_value(path: Path, line: str, key: str, value: str, number: int) -> str:
    """`so:   # chưa cấp số` → `so: 7  # chưa cấp số` (the comment stays)."""
    match = re.match(rf"^{key}:(?P<val>[^#\r\n]*?)(?P<gap>[ \t]*)(?P<comment>#[^\r\n]*)?(?P<eol>\r?\n)?$",
                     line)
    old = match.group("val").strip() if match else ""
    if match is None or old.startswith(("[", "{", "|", ">", "&", "*", "!")):
        raise ContentError(path, [FieldProblem(
            key, "giá trị phải viết trên một dòng (một số hoặc một ngày)", where=number,
            hint=f"sửa thành '{key}: …' trên một dòng rồi chạy lại")])
    head = f"{key}: {value}"
    comment = match.group("comment")
    if comment:  # keep the comment in its column (at least two spaces after the value)
        head += " " * max(match.start("comment") - len(head), 2) + comment
    return head + (match.group("eol") or "")


def _insert_at(data: CommentedMap, lines: list[str], after: tuple[str, ...]) -> int:
    """Index of the line just after the first anchor key's entry (or the first key)."""
    keys = list(data.keys())
    anchor = next((a for a in after if a in data), None)
    if anchor is None:
        return data.lc.key(keys[0])[0] if keys else len(lines)
    position = keys.index(anchor)
    key_line, _ = data.lc.key(anchor)
    value_line = data.lc.value(anchor)[0] if not isinstance(data[anchor], (dict, list)) else None
    if value_line == key_line:
        return key_line + 1
    if position + 1 < len(keys):
        return data.lc.key(keys[position + 1])[0]
    return len(lines)
