"""YAML reading that remembers line numbers, so every error can name the line a clerk must fix.

Two readers share one set of refusals (control characters, aliases, absurd nesting):
- `read_yaml` — plain data for reading documents, parsed by libyaml (`gendoc.yamlfast`) when it
  is sure to mean the same, with a locator that runs the round-trip parser only when a message
  needs a line;
- `load_yaml` — ruamel.yaml's round-trip tree, which keeps the position of every key and list
  item (`.lc`) and the comments; the register and the web form write into it without disturbing
  a content file's layout.

A build reads the same file several times (a plan is read by the build, by the derived plans'
status and by the province); parses are remembered per process, keyed by the path and checked
against the file's current text — not its mtime, which two quick edits of the same size can share.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    MappingEndEvent,
    MappingStartEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

from gendoc.exceptions import ContentError, FieldProblem
from gendoc.yamlfast import Defer, fast_load

MAX_CONTENT_BYTES = 5 * 1024 * 1024  # a content file is a few KB; refuse anything absurd
# Nested lists and groups deeper than this are no document (ND30 numbering has five levels, each
# two YAML levels deep); 10,000 nested '[' would otherwise exhaust the parser's stack.
MAX_NESTING = 40
# C0 controls other than tab and newline, DEL, and the non-characters XML cannot carry: a file
# with one would print as a broken .docx or lose text silently.
CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
CONTROL_NAMES = {"\x0b": "ngắt dòng của Word (\\v)", "\x0c": "ngắt trang (\\f)",
                  "\x00": "ký tự rỗng (\\0)", "\x7f": "DEL"}
_FAST_FLOW_DEPTH = 20  # deeper '[' / '{' go to the canonical reader (libyaml recurses in C)
_REMEMBERED = 2048  # parses kept per process: a province's workspace has a few hundred files

Locate = Callable[[Sequence[str | int]], "int | None"]
_parses: OrderedDict[tuple[str, str], tuple[str, Any]] = OrderedDict()


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


def _remembered(reader: str, path: Path, text: str, parse: Callable[[], Any]) -> Any:
    """`parse()` once per process for this path and text (a failed parse is not kept)."""
    key = (reader, str(path))
    hit = _parses.get(key)
    if hit is not None and hit[0] == text:
        _parses.move_to_end(key)
        return hit[1]
    value = parse()
    _parses[key] = (text, value)
    if len(_parses) > _REMEMBERED:
        _parses.popitem(last=False)
    return value


def forget_parses() -> None:
    """Drop every remembered parse (a benchmark measuring a cold build; a long-lived server)."""
    _parses.clear()


def read_yaml(path: Path, *, text: str | None = None) -> tuple[Any, Locate]:
    """Plain data (dict/list/str/int/float/bool/None, dates as text) and a locator of fields.

    The result is shared by every reader of the same file in this process: do not modify it.
    """
    if text is None:
        text = read_text(path)
    return _remembered("plain", path, text, lambda: _read_plain(path, text))


def _read_plain(path: Path, text: str) -> tuple[Any, Locate]:
    _refuse_control_characters(path, text)
    tree: list[Any] = []

    def locate(loc: Sequence[str | int]) -> int | None:
        if not tree:  # the round-trip parse, only when a message asks for a line
            tree.append(_load_round_trip(path, text))
        return line_of(tree[0], loc)

    if _brackets(text) <= _FAST_FLOW_DEPTH or _flow_depth(text)[0] <= _FAST_FLOW_DEPTH:
        try:
            data = fast_load(text)
        except Defer:
            pass
        else:
            if _depth(data) <= MAX_NESTING:  # deeper: the canonical reader says where
                _refuse_control_in_values(path, data, locate)
                return data, locate
    tree.append(_load_round_trip(path, text))
    return plain(tree[0]), locate


def _depth(data: Any) -> int:
    deepest, level, stack = 0, 0, [(data, 1)]
    while stack:
        node, level = stack.pop()
        if isinstance(node, dict | list):
            deepest = max(deepest, level)
            stack.extend((child, level + 1) for child in
                         (node.values() if isinstance(node, dict) else node))
    return deepest


def load_yaml(path: Path, *, text: str | None = None) -> Any:
    """Parse a YAML file into ruamel's commented containers (which carry line numbers).

    Before building anything, the text is checked for characters a document cannot carry, and
    its events for aliases (`*name`: an 850-byte alias bomb expands to gigabytes) and absurd
    nesting — each refused with its line, in bounded time and memory. A tree read from the file
    (no `text`) is shared with other readers of it: callers that modify a tree pass `text`.
    """
    if text is None:
        text = read_text(path)
        return _remembered("round-trip", path, text, lambda: _load_round_trip(path, text))
    return _load_round_trip(path, text)


def _load_round_trip(path: Path, text: str) -> Any:
    _refuse_control_characters(path, text)
    try:
        _check_events(path, text)
        data = _yaml().load(text)
        _refuse_control_in_values(path, data, lambda loc: line_of(data, loc))
        return data
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        column = f" ở cột {mark.column + 1}" if mark is not None else ""
        problem = _vietnamese(f"{exc.context or ''} {exc.problem or ''}")
        raise ContentError(
            path,
            [
                FieldProblem(
                    "",
                    f"lỗi cú pháp YAML{column}: {problem}",
                    where=line,
                    hint="kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu ':' sau tên "
                    "trường, và đặt văn bản có dấu ':' hoặc '#' trong ngoặc kép.",
                )
            ],
        ) from exc
    except YAMLError as exc:
        raise ContentError(path, f"lỗi cú pháp YAML: {_vietnamese(str(exc))}") from exc


# The parser's English problems, in the words a clerk can act on (first match wins).
_PROBLEMS = (
    ("duplicate key", "tên trường bị lặp lại trong cùng một nhóm"),
    ("mapping values are not allowed", "dấu ':' không đúng chỗ — văn bản có dấu ':' phải đặt "
                                       "trong ngoặc kép"),
    ("could not find expected ':'", "thiếu dấu ':' sau tên trường"),
    ("cannot start any token", "có ký tự không được đứng đầu (thường là dấu Tab, '@', '`' hoặc "
                               "'%') — đặt văn bản đó trong ngoặc kép"),
    ("expected a single document", "tệp chỉ được chứa một văn bản — bỏ dòng '---' và phần sau "
                                   "nó, hoặc tách thành tệp riêng"),
    ("expected <block end>", "thụt lề không thẳng hàng với các dòng cùng cấp"),
    ("did not find expected key", "thụt lề không thẳng hàng với các dòng cùng cấp"),
    ("did not find expected '-'", "mục của danh sách thụt lề sai"),
    ("did not find expected ',' or ']'", "thiếu dấu ']' đóng danh sách hoặc dấu ',' giữa các mục"),
    ("flow sequence", "thiếu dấu ']' đóng danh sách hoặc dấu ',' giữa các mục"),
    ("flow mapping", "thiếu dấu '}' đóng nhóm hoặc dấu ',' giữa các mục"),
    ("did not find expected ',' or '}'", "thiếu dấu '}' đóng nhóm hoặc dấu ',' giữa các mục"),
    ("quoted scalar", "ngoặc kép chưa được đóng"),
    ("end of stream", "tệp kết thúc khi còn dấu ngoặc hoặc ngoặc kép chưa đóng"),
    ("anchor", "dấu '&' hoặc '*' ở đầu giá trị — đặt văn bản trong ngoặc kép"),
    ("tag", "dấu '!' ở đầu giá trị — đặt văn bản trong ngoặc kép"),
)


def _vietnamese(problem: str) -> str:
    for english, vietnamese in _PROBLEMS:
        if english in problem:
            return vietnamese
    return "cú pháp không hợp lệ"


def _refuse_control_characters(path: Path, text: str) -> None:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):  # splitlines() splits on \v too
        found = CONTROL_CHARS.search(line)
        if found is None:
            continue
        char = found.group()
        name = CONTROL_NAMES.get(char, f"mã U+{ord(char):04X}")
        problems.append(FieldProblem(
            "", f"có ký tự điều khiển không in được ({name}) ở cột {found.start() + 1}",
            where=number, hint="thường do dán từ Word hoặc Excel: xóa ký tự đó, gõ lại dấu cách "
                               "hoặc xuống dòng bằng một mục mới trong danh sách"))
        if len(problems) >= 20:
            break
    if problems:
        raise ContentError(path, problems)


def text_leaves(data: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """Every text value in parsed data, with its path of keys and indexes (depth-first order).

    A stack rather than recursion, and numbers skipped before a path is made for them: a unit
    report holds about ninety values, and a consolidation walks 700 reports."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [(loc, data)]
    while stack:
        where, node = stack.pop()
        if isinstance(node, str):
            yield where, node
        elif isinstance(node, dict):
            stack.extend([((*where, str(key)), value) for key, value in reversed(list(node.items()))
                          if isinstance(value, str | dict | list)])
        elif isinstance(node, list):
            stack.extend([((*where, index), node[index]) for index in range(len(node) - 1, -1, -1)
                          if isinstance(node[index], str | dict | list)])


def _refuse_control_in_values(path: Path, data: Any, locate: Locate) -> None:
    """The same characters written as escapes ("\\b", "\\x0b" in double quotes) in a value."""
    problems: list[FieldProblem] = []
    for loc, text in text_leaves(data):
        found = CONTROL_CHARS.search(text)
        if found is None:
            continue
        char = found.group()
        name = CONTROL_NAMES.get(char, f"mã U+{ord(char):04X}")
        dotted = ".".join(str(p) if isinstance(p, str) else f"[{p + 1}]" for p in loc)
        problems.append(FieldProblem(
            dotted.replace(".[", "["), f"có ký tự điều khiển không in được ({name})",
            where=locate(loc), hint="xóa ký tự đó (thường là mã thoát '\\' trong ngoặc kép)"))
        if len(problems) >= 20:
            break
    if problems:
        raise ContentError(path, problems)


def _brackets(text: str) -> int:
    """How many '[' and '{' the text holds: a bound on its flow depth, found in C (most content
    files have a handful, and the character scan of `_flow_depth` is then not needed)."""
    return text.count("[") + text.count("{")


_FLOW_CHARS = re.compile(r"""[\n'"#\[\]{}]""")


def _flow_depth(text: str) -> tuple[int, int]:
    """The deepest run of '[' / '{' outside quotes and comments, and its line: a linear pre-scan,
    because the parser takes seconds on 10,000 nested brackets before it reports any event."""
    depth = deepest = 0
    line = deepest_line = 1
    quote = ""
    comment = False
    for char in _FLOW_CHARS.findall(text):  # every other character changes nothing below
        if char == "\n":
            line, comment = line + 1, False
        elif comment:
            continue
        elif quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest, deepest_line = depth, line
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest, deepest_line


def _too_deep(path: Path, line: int | None) -> ContentError:
    return ContentError(path, [FieldProblem(
        "", f"lồng nhau quá sâu (hơn {MAX_NESTING} cấp)", where=line,
        hint="văn bản theo Nghị định 30 chỉ có vài cấp mục; kiểm tra thụt lề và các dấu "
             "'[' '{' thừa")])


def _check_events(path: Path, text: str) -> None:
    """Refuse aliases and absurd nesting from the parser's events, before composing nodes."""
    flow, flow_line = _flow_depth(text)
    if flow > MAX_NESTING:
        raise _too_deep(path, flow_line)
    depth = 0
    for event in _yaml().parse(text):
        if isinstance(event, AliasEvent):
            line = event.start_mark.line + 1 if event.start_mark else None
            raise ContentError(path, [FieldProblem(
                "", f"tệp dùng bí danh YAML (*{event.anchor}), gendoc không nhận", where=line,
                hint="viết lại nội dung đầy đủ thay cho '*tên' và bỏ '&tên'")])
        if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            depth += 1
            if depth > MAX_NESTING:
                raise _too_deep(path, event.start_mark.line + 1 if event.start_mark else None)
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            depth -= 1


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
