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
from dataclasses import dataclass
from pathlib import Path

import yaml
from ruamel.yaml.comments import CommentedMap

from gendoc.exceptions import ContentError, FieldProblem
from gendoc.writer import atomic_write
from gendoc.yamlfast import LIBYAML_LOADER
from gendoc.yamlio import load_yaml, read_text

#: Keys after which a missing `so:` is inserted, in order of preference.
_ANCHORS = ("co_quan", "loai")
_STR = "tag:yaml.org,2002:str"


def write_number(path: Path, number: int, date: dt.date) -> None:
    """Set `so: <number>` and `ngay: <date>` at the top level of the YAML file `path`.

    The file is parsed once (parsing is most of this function's time): existing lines are
    replaced in place, which keeps every line index valid, then missing keys are inserted.
    """
    text = read_text(path)
    keys = _key_lines(path, text)
    lines = text.splitlines(keepends=True)
    values = {"so": str(number), "ngay": date.isoformat()}
    for key, value in values.items():
        if key in keys:
            index = keys[key].key_line
            lines[index] = _replace_value(path, lines[index], key, value, index + 1)
    missing = [f"{key}: {value}\n" for key, value in values.items() if key not in keys]
    if missing:
        # Only `ngay:` missing: right under `so:`; else under `co_quan:`, as on the page.
        index = keys["so"].key_line + 1 if "so" in keys else _insert_at(keys, lines, _ANCHORS)
        if index > 0 and not lines[index - 1].endswith("\n"):
            lines[index - 1] += "\n"
        lines[index:index] = missing
    atomic_write(path, "".join(lines).encode("utf-8"), root=path.parent)


@dataclass(frozen=True)
class _Entry:
    """Where a top-level key sits (0-based line) and whether its value starts on that line
    (a value; an empty value or a list or mapping below does not)."""

    key_line: int
    inline: bool


def _key_lines(path: Path, text: str) -> dict[str, _Entry]:
    """Each top-level key's lines, in file order: from libyaml's composed nodes (no Python
    objects built: a few milliseconds), else — anchors, tags, anything libyaml reads otherwise —
    from the round-trip reader, which also words the errors."""
    if not any(mark in text for mark in ("&", "*", "!", "%", "<<")):
        try:
            root = yaml.compose(text, Loader=LIBYAML_LOADER)
        except yaml.YAMLError:
            root = None
        if isinstance(root, yaml.MappingNode) and all(
                isinstance(k, yaml.ScalarNode) and k.tag == _STR for k, _ in root.value):
            keys = [k.value for k, _ in root.value]
            if len(set(keys)) == len(keys):  # duplicates: the round-trip reader refuses them
                return {k.value: _Entry(k.start_mark.line, _inline(k, v)) for k, v in root.value}
    data = _mapping(path, text)
    return {key: _Entry(data.lc.key(key)[0], not isinstance(data[key], (dict, list))
                        and data.lc.value(key)[0] == data.lc.key(key)[0]) for key in data}


def _inline(key: yaml.Node, value: yaml.Node) -> bool:
    """An empty value counts as on its key's line: nothing below belongs to it."""
    return isinstance(value, yaml.ScalarNode) and value.start_mark.line == key.start_mark.line


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


def _insert_at(keys: dict[str, _Entry], lines: list[str], after: tuple[str, ...]) -> int:
    """Index of the line just after the first anchor key's entry (or the first key)."""
    order = list(keys)
    anchor = next((a for a in after if a in keys), None)
    if anchor is None:
        return keys[order[0]].key_line if order else len(lines)
    position = order.index(anchor)
    entry = keys[anchor]
    if entry.inline:
        return entry.key_line + 1
    if position + 1 < len(order):
        return keys[order[position + 1]].key_line
    return len(lines)
