"""A kind's pydantic schema as form fields: labels and help from the Vietnamese descriptions.

`fields_of(model)` lists one `FieldSpec` per schema field with the widget that edits it; nested
models (the signer, annexes) are groups, lists of models (numbered items, tasks) are repeatable
groups, rendered recursively by the template. The form only edits; the schema validates.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

# Fields a clerk writes sentences into: a text area rather than one line.
LONG_TEXT = ("trich_yeu", "tieu_de", "noi_dung", "mo_ta", "tom_tat", "loi_dan")
# Unit codes from the registry (gendoc.yaml co_quan): a picker.
UNIT_FIELDS = ("co_quan", "don_vi", "ma_don_vi")
HIDDEN = ("loai",)
# Labels for fields whose schema gives no description (a nested group is described by its model).
LABELS = {"nguoi_ky": "người ký (ô 7a, 7b, 7c)", "phan_cong": "bảng phân công nhiệm vụ",
          "so_lieu": "số liệu", "template": "tên mẫu riêng trong templates/"}


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    widget: str  # text textarea lines rows pairs numbers number check select unit date group
    #              items (a list of groups) keyed (a mapping of codes to groups)
    required: bool
    choices: tuple[str, ...] = ()
    model: type[BaseModel] | None = None  # for group / items / keyed
    default: Any = None  # the schema's default of an optional field (a plain value only)


def _unwrap_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation


def _is_model(annotation: Any) -> bool:
    return isinstance(annotation, type) and issubclass(annotation, BaseModel)


def _list_widget(item: Any) -> tuple[str, type[BaseModel] | None]:
    item = _unwrap_optional(item)
    if _is_model(item):
        return "items", item
    if typing.get_origin(item) is list:
        return "rows", None
    if item in (int, float):
        return "numbers", None
    return "lines", None


def widget_for(name: str, annotation: Any) -> tuple[str, tuple[str, ...], type[BaseModel] | None]:
    """The widget editing a field of this name and type, its choices, its nested model."""
    annotation = _unwrap_optional(annotation)
    origin = typing.get_origin(annotation)
    if name in HIDDEN:
        return "hidden", (), None
    if name in UNIT_FIELDS and annotation is str:
        return "unit", (), None
    if origin is Literal:
        return "select", tuple(str(a) for a in typing.get_args(annotation)), None
    if origin is list:
        args = typing.get_args(annotation)
        widget, model = _list_widget(args[0] if args else str)
        return widget, (), model
    if origin is dict:
        args = typing.get_args(annotation)
        value: Any = _unwrap_optional(args[1]) if len(args) == 2 else str
        if _is_model(value):
            return "keyed", (), typing.cast(type[BaseModel], value)
        return "pairs", (), None
    if _is_model(annotation):
        return "group", (), annotation
    if annotation is bool:
        return "check", (), None
    if annotation in (int, float):
        return "number", (), None
    if "ngay" in name.split("_") or annotation is dt.date:
        return "date", (), None
    return ("textarea" if name in LONG_TEXT else "text"), (), None


@functools.cache
def fields_of(model: type[BaseModel]) -> tuple[FieldSpec, ...]:
    specs = []
    for name, info in model.model_fields.items():
        widget, choices, sub = widget_for(name, info.annotation)
        label = info.description or LABELS.get(name) or name.replace("_", " ")
        default = info.default if isinstance(info.default, (bool, int, float, str)) else None
        specs.append(FieldSpec(name=name, label=label[:1].upper() + label[1:], widget=widget,
                               required=info.is_required(), choices=choices, model=sub,
                               default=default))
    return tuple(specs)


_ISO = re.compile(r"(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def date_for_form(value: Any) -> str:
    """2017-01-16 → 16/01/2017; 2016-12 → 12/2016 (what a clerk writes); anything else as is."""
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    text = "" if value is None else str(value).strip()
    found = _ISO.fullmatch(text)
    if not found:
        return text
    year, month, day = found.groups()
    if day:
        return f"{int(day):02d}/{int(month):02d}/{year}"
    return f"{int(month):02d}/{year}" if month else year


def display(spec: FieldSpec, value: Any) -> str:
    """A field's value as the form shows it."""
    if value is None:
        return ""
    if spec.widget == "date":
        return date_for_form(value)
    if spec.widget == "lines":
        return "\n".join(str(v) for v in value) if isinstance(value, list) else str(value)
    if spec.widget == "rows":
        rows = value if isinstance(value, list) else []
        return "\n".join(" | ".join("" if c is None else str(c) for c in row)
                         if isinstance(row, list) else str(row) for row in rows)
    if spec.widget == "pairs":
        return "\n".join(f"{k}: {v}" for k, v in value.items()) if isinstance(value, dict) else str(value)
    if spec.widget == "numbers":
        return ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
    return str(value)


def needs_cells(spec: FieldSpec, value: Any) -> bool:
    """Whether a list cannot be edited in one text box without changing it: an item with a line
    break ("one item a line"), a table cell with '|' or a line break ("cells split by |")."""
    if not isinstance(value, list):
        return False
    if spec.widget == "lines":
        return any("\n" in str(v) for v in value)
    if spec.widget == "rows":
        return any(isinstance(row, list) and any(c is not None and ("|" in str(c) or "\n" in str(c))
                                                 for c in row) for row in value)
    return False


def cells_of(spec: FieldSpec, value: Any) -> list[list[str]]:
    """A list edited one box per item (lines: one column) or per cell (rows), with an empty
    last row to add one."""
    rows: list[list[str]] = []
    for item in value if isinstance(value, list) else ([] if value is None else [value]):
        if spec.widget == "rows" and isinstance(item, list):
            rows.append(["" if c is None else str(c) for c in item])
        else:
            rows.append([str(item)])
    width = max((len(r) for r in rows), default=1)
    return [r + [""] * (width - len(r)) for r in rows] + [[""] * width]


def items_of(value: Any) -> list[dict[str, Any]]:
    """The entries of a repeatable group, as mappings (a Muc written as plain text is one
    paragraph: the schema's own shorthand)."""
    if not isinstance(value, list):
        return []
    return [v if isinstance(v, dict) else {"doan": [v]} for v in value]


class Entries(list[tuple[str, dict[str, Any]]]):
    """The entries of a mapping of groups as a form posted them, in order, when their codes do
    not make a mapping (a code repeated or missing): every entry kept, for the form to show
    again with the problem beside it; never saved as such."""


def entries_of(value: Any) -> list[tuple[str, dict[str, Any]]]:
    """The entries of a mapping of groups (`ket_qua: {1: {dat: true, …}}`) as (code, mapping),
    in the file's order."""
    if isinstance(value, Entries):
        return list(value)
    if not isinstance(value, dict):
        return []
    return [(str(k), v if isinstance(v, dict) else {}) for k, v in value.items()]


def form_name(field: str) -> str:
    """A field as the CLI names it (`noi_dung[3].muc`) → the form's input name (`noi_dung.2.muc`)."""
    return re.sub(r"\[(\d+)\]", lambda m: f".{int(m.group(1)) - 1}", field)


def form_path(model: type[BaseModel], data: Any, name: str) -> str:
    """A form name with the CLI's codes of mapped groups (`don_vi.0.ket_qua.3`) → the form's
    input name, where each entry of a mapping is numbered in the file's order (`ket_qua.2`)."""
    steps, out = name.split("."), []
    current: type[BaseModel] | None = model
    node = data
    i = 0
    while i < len(steps) and current is not None:
        spec = next((s for s in fields_of(current) if s.name == steps[i]), None)
        if spec is None:
            break
        out.append(steps[i])
        value = node.get(steps[i]) if isinstance(node, dict) else None
        entries: list[tuple[str, Any]] = []
        if spec.widget == "items" and i + 1 < len(steps) and steps[i + 1].isdigit():
            entries = [(str(n), item) for n, item in enumerate(items_of(value))]
        elif spec.widget == "keyed":
            entries = entries_of(value)
        elif spec.widget == "group":
            current, node, i = spec.model, value, i + 1
            continue
        keys = [k for k, _ in entries]
        if i + 1 >= len(steps) or steps[i + 1] not in keys:
            i += 1
            break
        at = keys.index(steps[i + 1])
        out.append(str(at))
        current, node, i = spec.model, entries[at][1], i + 2
    return ".".join(out + steps[i:])
