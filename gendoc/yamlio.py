"""YAML reading that remembers line numbers, so every error can name the line a clerk must fix.

ruamel.yaml's round-trip loader keeps the position of every key and list item (`.lc`) and the
comments; the document register relies on the latter to write numbers back into a content file
without disturbing its layout.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from gendoc.exceptions import ContentError, FieldProblem

MAX_CONTENT_BYTES = 5 * 1024 * 1024  # a content file is a few KB; refuse anything absurd


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    # Keep dates as text: gendoc validates them itself (with the line number and a Vietnamese
    # message) instead of letting the parser crash on 2017-02-30.
    yaml.constructor.add_constructor(
        "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))
    return yaml


def read_text(path: Path, limit: int = MAX_CONTENT_BYTES) -> str:
    """Read a UTF-8 text file, refusing oversized or undecodable input with a clear message."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ContentError(path, f"không đọc được tệp ({exc.strerror}).") from exc
    if size > limit:
        raise ContentError(
            path,
            f"tệp quá lớn ({size // 1024} KB, tối đa {limit // 1024} KB) — "
            "tệp nội dung chỉ nên chứa vài trang chữ; kiểm tra lại có chọn nhầm tệp không.",
        )
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ContentError(
            path,
            f"tệp không phải văn bản UTF-8 (byte lạ ở vị trí {exc.start}) — "
            "lưu lại tệp với bảng mã UTF-8 (Unicode).",
        ) from exc


def load_yaml(path: Path, *, text: str | None = None) -> Any:
    """Parse a YAML file into ruamel's commented containers (which carry line numbers)."""
    if text is None:
        text = read_text(path)
    try:
        return _yaml().load(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        problem = exc.problem or exc.context or "cú pháp không hợp lệ"
        raise ContentError(
            path,
            [
                FieldProblem(
                    "",
                    f"lỗi cú pháp YAML ({problem})",
                    where=line,
                    hint="kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu ':' sau tên "
                    "trường, và đặt văn bản có dấu ':' hoặc '#' trong ngoặc kép.",
                )
            ],
        ) from exc
    except YAMLError as exc:
        raise ContentError(path, f"lỗi cú pháp YAML: {exc}") from exc


def line_of(data: Any, loc: Sequence[str | int]) -> int | None:
    """1-based line of the deepest node along `loc` that the YAML still has (best effort)."""
    node = data
    line: int | None = None
    for key in loc:
        if isinstance(node, CommentedMap) and key in node:
            pos = node.lc.key(key)
            line = pos[0] + 1
            node = node[key]
        elif isinstance(node, CommentedSeq) and isinstance(key, int) and 0 <= key < len(node):
            pos = node.lc.item(key)
            line = pos[0] + 1
            node = node[key]
        else:
            break
    if line is None and isinstance(data, CommentedMap) and data.lc.line is not None:
        return data.lc.line + 1
    return line


def plain(data: Any) -> Any:
    """Turn ruamel containers and scalars into plain Python values for validation."""
    if isinstance(data, dict):
        return {str(k): plain(v) for k, v in data.items()}
    if isinstance(data, list):
        return [plain(v) for v in data]
    if isinstance(data, str):
        return str(data)
    if isinstance(data, bool):
        return bool(data)
    if isinstance(data, int):
        return int(data)
    if isinstance(data, float):
        return float(data)
    if isinstance(data, dt.datetime):
        return data
    if isinstance(data, dt.date):
        return dt.date(data.year, data.month, data.day)
    return data


def dump_yaml(data: Any) -> str:
    """Serialise round-trip data back to text, keeping comments and layout."""
    buf = io.StringIO()
    _yaml().dump(data, buf)
    return buf.getvalue()
