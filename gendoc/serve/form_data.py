"""Posted form fields back into content: the nested mapping a content file holds.

Inputs are named by their path (`f.noi_dung.0.muc.2.tieu_de`). Values are kept as typed: a
number that is not one stays text, so the schema's validation reports it with the CLI's message.
Dates typed as dd/mm/yyyy are written as the ISO dates content files use.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from gendoc.serve.schema_form import Entries, FieldSpec, fields_of

PREFIX = "f."
KEY_FIELD = "_ma"  # the code of an entry of a mapping of groups (no schema field starts with _)
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MY = re.compile(r"(\d{1,2})/(\d{4})")
_INT = re.compile(r"-?\d+")
_FLOAT = re.compile(r"-?\d+\.\d+")
# Items and entries are decoded as deep as the form posts them (the form shows every level a
# file has; leaving one out would delete it on save). Deeper than this is refused, not dropped.
MAX_NESTING = 40
TOO_DEEP = "các mục lồng nhau quá nhiều tầng để sửa bằng biểu mẫu — sửa trong tệp YAML"


def date_from_form(text: str) -> str:
    """16/01/2017 → 2017-01-16, 12/2016 → 2016-12; anything else unchanged (the schema judges)."""
    found = _DMY.fullmatch(text)
    if found:
        day, month, year = found.groups()
        return f"{year}-{int(month):02d}-{int(day):02d}"
    found = _MY.fullmatch(text)
    if found:
        month, year = found.groups()
        return f"{year}-{int(month):02d}"
    return text


def _number(text: str) -> Any:
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    return text


def _scalar(spec: FieldSpec, raw: str) -> Any:
    text = raw.replace("\r\n", "\n").strip()
    if spec.widget == "lines":
        return [line.strip() for line in text.split("\n") if line.strip()] or None
    if spec.widget == "rows":
        rows = [[cell.strip() for cell in line.split("|")] for line in text.split("\n")
                if line.strip()]
        return rows or None
    if spec.widget == "numbers":
        return [_number(v.strip()) for v in text.split(",") if v.strip()] or None
    if spec.widget == "check":  # unticked: false, or left out where false is the default
        return True if text else (None if spec.default is False else False)
    if not text:
        return None
    if spec.widget == "number":
        return _number(text)
    if spec.widget == "date":
        return date_from_form(text)
    return text


def _cells(spec: FieldSpec, form: Mapping[str, str], key: str) -> Any:
    """A list edited one box per item (`<key>.<i>`) or per cell (`<key>.<row>.<col>`): each
    box's text is taken as it is (line breaks and '|' included), only trimmed."""
    def text(name: str) -> str:
        return form.get(PREFIX + name, "").replace("\r\n", "\n").strip()

    if spec.widget == "lines":
        items = [text(f"{key}.{i}") for i in _indices(form, key)]
        return [item for item in items if item] or None
    rows = [[text(f"{key}.{r}.{c}") for c in _indices(form, f"{key}.{r}")]
            for r in _indices(form, key)]
    return [row for row in rows if any(row)] or None


def _indices(form: Mapping[str, str], key: str) -> list[int]:
    found = set()
    start = f"{PREFIX}{key}."
    for name in form:
        if name.startswith(start):
            head = name[len(start):].split(".", 1)[0]
            if head.isdigit():
                found.add(int(head))
    return sorted(found)


@dataclass(frozen=True)
class FormProblem:
    """Something the posted fields cannot be turned into without losing what the clerk typed
    (a code repeated or missing in a mapping of groups, a name repeated in 'name: value' lines).

    `name` is the form's name of the field or entry (`don_vi.0.ket_qua.2`), where the form shows
    the message; `field` the CLI's name (`don_vi[1].ket_qua`), what the message at the top names.
    Below the top level both are relative to the group being decoded."""

    name: str
    field: str
    message: str

    def within(self, name: str, field: str) -> FormProblem:
        """The problem as the enclosing group names it (`name`: its form step, `field`: its
        CLI step, e.g. `3` and `[4]` for the fourth item, `2` and `KL-01` for an entry)."""
        tail = self.field if not self.field or self.field.startswith("[") else "." + self.field
        return FormProblem(f"{name}.{self.name}" if self.name else name, field + tail,
                           self.message)


class FormProblems(ValueError):
    """Raised by `decode` when the form cannot be saved without losing an entry."""

    def __init__(self, problems: list[FormProblem], data: dict[str, Any]) -> None:
        super().__init__("; ".join(f"{p.field}: {p.message}" for p in problems))
        self.problems, self.data = problems, data


def same_code(code: str) -> str:
    """What two codes are compared by: trimmed and NFC (Vietnamese typed with a decomposed-accent
    keyboard is the same code). Letter case counts, as in the file and for the CLI, which looks
    codes up exactly; a code is stored as typed, only trimmed."""
    return unicodedata.normalize("NFC", code).strip()


def read_form(model: type[BaseModel], form: Mapping[str, str], *,
              keep_blank: bool = False) -> tuple[dict[str, Any], list[FormProblem]]:
    """The mapping the form's fields describe, and what keeps it from being saved as it is
    (the mapping then holds `Entries` and raw text so the form can show everything again).

    Items and entries left blank are left out (that is how one is cleared), unless
    `keep_blank`: an action (`remove:noi_dung.2`) names an entry by its place in the form as
    shown, which leaving out an earlier blank one would give to the next entry."""
    return _decode(model, form, "", 0, keep_blank)


def decode(model: type[BaseModel], form: Mapping[str, str]) -> dict[str, Any]:
    """The mapping the form's fields describe; FormProblems when something would be lost."""
    data, problems = read_form(model, form)
    if problems:
        raise FormProblems(problems, data)
    return data


def _decode(model: type[BaseModel], form: Mapping[str, str], prefix: str, depth: int,
            keep_blank: bool) -> tuple[dict[str, Any], list[FormProblem]]:
    """The mapping the form's fields under `prefix` describe (empty fields left out)."""
    out: dict[str, Any] = {}
    problems: list[FormProblem] = []
    if depth > MAX_NESTING:
        return out, [FormProblem("", "", TOO_DEEP)]
    for spec in fields_of(model):
        key = prefix + spec.name
        value: Any
        found: list[FormProblem] = []
        if spec.widget == "group" and spec.model is not None:
            value, found = _decode(spec.model, form, key + ".", depth, keep_blank)
            value = value or None
        elif spec.widget == "items" and spec.model is not None:
            value, found = _items(spec.model, form, key, depth + 1, keep_blank)
        elif spec.widget == "keyed" and spec.model is not None:
            value, found = _keyed(spec.model, form, key, depth + 1, keep_blank)
        elif spec.widget in ("lines", "rows") and PREFIX + key not in form:
            value = _cells(spec, form, key)
        elif spec.widget == "pairs":
            value, found = _pairs(form.get(PREFIX + key, ""))
        else:
            value = _scalar(spec, form.get(PREFIX + key, ""))
        problems += [p.within(spec.name, spec.name) for p in found]
        if value is not None:
            out[spec.name] = value
    return out, problems


def _items(model: type[BaseModel], form: Mapping[str, str], key: str, depth: int,
           keep_blank: bool) -> tuple[Any, list[FormProblem]]:
    """A list of groups: item i's fields are named `<key>.<i>.…`; empty items are left out."""
    items: list[dict[str, Any]] = []
    problems: list[FormProblem] = []
    for i in _indices(form, key):
        item, found = _decode(model, form, f"{key}.{i}.", depth, keep_blank)
        if item or found or keep_blank:
            problems += [p.within(str(len(items)), f"[{len(items) + 1}]") for p in found]
            items.append(item)
    return items or None, problems


def _typed(form: Mapping[str, str], prefix: str) -> bool:
    """Whether the clerk typed (or ticked) anything in the fields named `prefix…`, the entry's
    own code apart."""
    own_code = PREFIX + prefix + KEY_FIELD
    return any(name.startswith(PREFIX + prefix) and name != own_code
               and isinstance(value, str) and value.strip() for name, value in form.items())


def _keyed(model: type[BaseModel], form: Mapping[str, str], key: str, depth: int,
           keep_blank: bool) -> tuple[Any, list[FormProblem]]:
    """A mapping of groups: entry i has its code in `<key>.<i>._ma` and its fields below. An
    entry with neither a code nor anything typed is left out (that is how one is cleared)."""
    entries = Entries()
    problems: list[FormProblem] = []
    for i in _indices(form, key):
        code = form.get(f"{PREFIX}{key}.{i}.{KEY_FIELD}", "").strip()
        entry, found = _decode(model, form, f"{key}.{i}.", depth, keep_blank)
        if code or keep_blank or _typed(form, f"{key}.{i}."):
            problems += [p.within(str(len(entries)), code) for p in found]
            entries.append((code, entry))
    clashes = _code_problems([code for code, _ in entries])
    if not entries:
        return None, problems
    return (entries if clashes else dict(entries)), clashes + problems


def _code_problems(codes: list[str]) -> list[FormProblem]:
    """Each entry whose code is missing or repeats an earlier entry's, named by its position."""
    problems: list[FormProblem] = []
    first: dict[str, int] = {}  # a code as compared → the position of its first entry
    for at, code in enumerate(codes):
        if not code:
            message = (f"mục thứ {at + 1} có nội dung nhưng chưa có mã — ghi mã cho mục thứ "
                       f"{at + 1} (hoặc xóa mục đó)")
        elif same_code(code) in first:
            message = (f"mục thứ {at + 1} trùng mã '{code}' với mục thứ "
                       f"{first[same_code(code)] + 1} — "
                       f"đổi mã của mục thứ {at + 1} (mỗi mã chỉ dùng cho một mục) hoặc xóa "
                       "mục thừa")
        else:
            first[same_code(code)] = at
            continue
        problems.append(FormProblem(str(at), "", message))
    return problems


def _pairs(raw: str) -> tuple[Any, list[FormProblem]]:
    """'name: value' lines as a mapping; a name written twice keeps the text as typed and is
    reported (a mapping would keep only one of the two lines)."""
    text = raw.replace("\r\n", "\n").strip()
    out: dict[str, str] = {}
    lines: dict[str, int] = {}
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        name, *value = line.split(":", 1)
        if same_code(name) in lines:
            return text, [FormProblem("", "", f"dòng {number} lặp lại tên '{name.strip()}' của "
                                              f"dòng {lines[same_code(name)]} — mỗi tên chỉ ghi "
                                              "một dòng: gộp hai dòng hoặc đổi tên")]
        lines[same_code(name)] = number
        out[name.strip()] = value[0].strip() if value else ""
    return out or None, []


def _next_code(codes: list[str]) -> str:
    """A free code for a new entry of a mapping: the next number after the numeric ones."""
    numbers = [int(k) for k in codes if k.isdigit()]
    return str(max(numbers, default=0) + 1)


def _walk(data: dict[str, Any], path: str) -> tuple[Any, str]:
    """The container holding the last step of `path` (a dotted path), and that step. KeyError
    when a step names nothing (an entry that is no longer there): the action is not done."""
    steps = path.split(".")
    node: Any = data
    for step in steps[:-1]:
        at = int(step) if step.isdigit() else -1
        if isinstance(node, Entries) and 0 <= at < len(node):
            node = node[at][1]
        elif isinstance(node, list) and not isinstance(node, Entries) and 0 <= at < len(node):
            node = node[at]
        elif isinstance(node, dict) and at >= 0:  # an entry of a mapping, by position
            values = list(node.values())
            if at >= len(values):
                raise KeyError(path)
            node = values[at]
        elif isinstance(node, dict):
            node = node.setdefault(step, [] if steps[-1].isdigit() else {})
        else:
            raise KeyError(path)
    return node, steps[-1]


def _add(data: dict[str, Any], path: str, keyed: bool) -> None:
    node, last = _walk(data, path)
    if not isinstance(node, dict):
        raise KeyError(path)
    entries = node.get(last)
    if isinstance(entries, Entries):
        entries.append((_next_code([code for code, _ in entries]), {}))
    elif isinstance(entries, dict) or (entries is None and keyed):
        entries = node[last] = entries or {}
        entries[_next_code(list(map(str, entries)))] = {}
    elif isinstance(entries, list):
        entries.append({})
    elif entries is None:
        node[last] = [{}]
    else:  # a value that is not a list: replacing it would lose it
        raise KeyError(path)


def apply_action(data: dict[str, Any], action: str) -> None:
    """`add:noi_dung.0.muc` appends an empty entry; `remove:noi_dung.0.muc.2` deletes one.
    `add=:don_vi.0.ket_qua` adds an entry to a mapping of groups, under the next free code.
    An action naming nothing that is there changes nothing."""
    verb, _, path = action.partition(":")
    try:
        if verb in ("add", "add="):
            _add(data, path, keyed=verb == "add=")
        elif verb == "remove":
            node, last = _walk(data, path)
            if isinstance(node, list) and last.isdigit() and int(last) < len(node):
                del node[int(last)]  # a list of groups, or Entries
            elif isinstance(node, dict) and last.isdigit() and int(last) < len(node):
                del node[list(node)[int(last)]]
    except KeyError:
        return
