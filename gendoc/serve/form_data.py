"""Posted form fields back into content: the nested mapping a content file holds.

Inputs are named by their path (`f.noi_dung.0.muc.2.tieu_de`). Values are kept as typed: a
number that is not one stays text, so the schema's validation reports it with the CLI's message.
Dates typed as dd/mm/yyyy are written as the ISO dates content files use.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from gendoc.serve.schema_form import MAX_DEPTH, FieldSpec, fields_of

PREFIX = "f."
KEY_FIELD = "_ma"  # the code of an entry of a mapping of groups (no schema field starts with _)
_DMY = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})")
_MY = re.compile(r"(\d{1,2})/(\d{4})")
_INT = re.compile(r"-?\d+")
_FLOAT = re.compile(r"-?\d+\.\d+")


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
    if spec.widget == "pairs":
        pairs = [line.split(":", 1) for line in text.split("\n") if line.strip()]
        return {k.strip(): (v[0].strip() if v else "") for k, *v in pairs} or None
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


def decode(model: type[BaseModel], form: Mapping[str, str], prefix: str = "",
           depth: int = 0) -> dict[str, Any]:
    """The mapping the form's fields under `prefix` describe (empty fields left out)."""
    out: dict[str, Any] = {}
    for spec in fields_of(model):
        key = prefix + spec.name
        value: Any
        if spec.widget == "group" and spec.model is not None:
            value = decode(spec.model, form, key + ".", depth) or None
        elif spec.widget == "items" and spec.model is not None:
            if depth >= MAX_DEPTH:
                continue
            items = [decode(spec.model, form, f"{key}.{i}.", depth + 1)
                     for i in _indices(form, key)]
            value = [item for item in items if item] or None
        elif spec.widget == "keyed" and spec.model is not None:
            value = _decode_keyed(spec.model, form, key, depth + 1) or None
        elif spec.widget in ("lines", "rows") and PREFIX + key not in form:
            value = _cells(spec, form, key)
        else:
            value = _scalar(spec, form.get(PREFIX + key, ""))
        if value is not None:
            out[spec.name] = value
    return out


def _decode_keyed(model: type[BaseModel], form: Mapping[str, str], key: str,
                  depth: int) -> dict[str, Any]:
    """A mapping of groups: entry i has its code in `<key>.<i>._ma` and its fields below."""
    out: dict[str, Any] = {}
    for i in _indices(form, key):
        code = form.get(f"{PREFIX}{key}.{i}.{KEY_FIELD}", "").strip()
        entry = decode(model, form, f"{key}.{i}.", depth)
        if code or entry:
            out.setdefault(code, entry)  # a repeated code: the first entry (validation names it)
    return out


def _next_code(entries: dict[str, Any]) -> str:
    """A free code for a new entry of a mapping: the next number after the numeric ones."""
    numbers = [int(k) for k in map(str, entries) if k.isdigit()]
    return str(max(numbers, default=0) + 1)


def _walk(data: dict[str, Any], path: str) -> tuple[Any, str]:
    """The container holding the last step of `path` (a dotted path), and that step."""
    steps = path.split(".")
    node: Any = data
    for step in steps[:-1]:
        if isinstance(node, list) and step.isdigit() and int(step) < len(node):
            node = node[int(step)]
        elif isinstance(node, dict) and step.isdigit():  # an entry of a mapping, by position
            values = list(node.values())
            if int(step) >= len(values):
                raise KeyError(path)
            node = values[int(step)]
        elif isinstance(node, dict):
            node = node.setdefault(step, [] if steps[-1].isdigit() else {})
        else:
            raise KeyError(path)
    return node, steps[-1]


def apply_action(data: dict[str, Any], action: str) -> None:
    """`add:noi_dung.0.muc` appends an empty entry; `remove:noi_dung.0.muc.2` deletes one.
    `add=:don_vi.0.ket_qua` adds an entry to a mapping of groups, under the next free code."""
    verb, _, path = action.partition(":")
    keyed = verb == "add="
    verb = "add" if keyed else verb
    try:
        if verb == "add":
            node, last = _walk(data, path)
            if isinstance(node, dict):
                entries = node.get(last)
                if isinstance(entries, dict) or (entries is None and keyed):
                    entries = node[last] = entries or {}
                    entries[_next_code(entries)] = {}
                    return
                if not isinstance(entries, list):
                    entries = node[last] = []
                entries.append({})
        elif verb == "remove":
            node, last = _walk(data, path)
            if isinstance(node, list) and last.isdigit() and int(last) < len(node):
                del node[int(last)]
            elif isinstance(node, dict) and last.isdigit() and int(last) < len(node):
                del node[list(node)[int(last)]]
    except KeyError:
        return
