"""Write the allocated number and date back into the content file, keeping its comments.

Why round-trip: a content file is the clerk's own text, with comments and an order of fields
they chose. ruamel.yaml's round-trip mode changes only the two values; a missing `so:` is
inserted after `co_quan:` (where it sits on the page) and `ngay:` after `so:`. The file is
replaced atomically, so a crash leaves either the old or the new file, never half of one.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.util import load_yaml_guess_indent

from gendoc.exceptions import ContentError
from gendoc.writer import atomic_write
from gendoc.yamlio import load_yaml, read_text

#: Keys after which a missing `so:` is inserted, in order of preference.
_ANCHORS = ("co_quan", "loai")


def write_number(path: Path, number: int, date: dt.date) -> None:
    """Set `so: <number>` and `ngay: <date>` at the top level of the YAML file `path`."""
    text = read_text(path)
    load_yaml(path, text=text)  # syntax errors reported with their line, in Vietnamese
    _, seq_indent, seq_offset = load_yaml_guess_indent(text)
    yaml = _yaml(seq_indent, seq_offset)
    data = yaml.load(text)
    if not isinstance(data, CommentedMap):
        raise ContentError(path, "tệp nội dung phải là một bảng 'trường: giá trị' ở cấp ngoài "
                           "cùng — không ghi được số và ngày vào tệp.")
    _set(data, "so", number, after=_ANCHORS)
    _set(data, "ngay", date, after=("so",))
    buf = io.StringIO()
    yaml.dump(data, buf)
    atomic_write(path, buf.getvalue().encode("utf-8"), root=path.parent)


def _yaml(seq_indent: int | None, seq_offset: int | None) -> YAML:
    """A round-trip YAML with the file's own list style (`  - item` or `- item`), so lists stay
    where the clerk put them; mappings use two spaces, the style of every gendoc example."""
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    offset = seq_offset or 0
    yaml.indent(mapping=2, sequence=max(seq_indent or 2, offset + 2), offset=offset)
    return yaml


def _set(data: CommentedMap, key: str, value: object, *, after: tuple[str, ...]) -> None:
    if key in data:
        data[key] = value  # keeps the key's position and its comment
        return
    keys = list(data.keys())
    for anchor in after:
        if anchor in data:
            data.insert(keys.index(anchor) + 1, key, value)
            return
    data.insert(0, key, value)
