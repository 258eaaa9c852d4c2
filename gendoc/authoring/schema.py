"""A kind's content schema as a clerk reads it: field, type, required, description, example.

The pydantic models are the single source: `gendoc schema KIND` prints them, docs/schema.md is
generated from them (`python -m gendoc.authoring.schema`), and a test fails when the committed
file is out of date. Example values come from the field itself (`examples=`, or the
"ví dụ …" in its Vietnamese description), never from a hand-kept list.
"""

from __future__ import annotations

import re
import sys
import types
import typing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from gendoc.kinds import Kind, all_kinds
from gendoc.yamlio import load_yaml

EXAMPLE_RE = re.compile(r"ví dụ:?\s*(?:'([^']+)'|\"([^\"]+)\"|(\[[^\]]*\])|([^\s,;()]+))", re.I)
SCALARS = {str: "chữ", int: "số nguyên", float: "số", bool: "có/không (true/false)",
           Any: "tùy ý", type(None): "để trống"}
DEFAULT_EXAMPLES = {str: "…", int: 1, float: 1.5, bool: True}


@dataclass(frozen=True)
class FieldRow:
    path: str  # nguoi_ky.ho_ten, noi_dung[].tieu_de
    depth: int
    type: str
    required: bool
    description: str
    example: str


def _args(tp: Any) -> tuple[Any, ...]:
    return typing.get_args(tp)


def _is_union(tp: Any) -> bool:
    return typing.get_origin(tp) in (typing.Union, types.UnionType)


def _model_in(tp: Any) -> type[BaseModel] | None:
    """The pydantic model a field holds (directly, in a list, or optional)."""
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return tp
    for arg in _args(tp):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def type_label(tp: Any) -> str:
    """Vietnamese name of a field type: 'danh sách chữ', 'nhóm trường NguoiKy' …"""
    if _is_union(tp):
        parts = [a for a in _args(tp) if a is not type(None)]
        return " hoặc ".join(type_label(a) for a in parts) or "để trống"
    origin = typing.get_origin(tp)
    if origin is typing.Literal:
        return "một trong: " + ", ".join(str(a) for a in _args(tp))
    if origin in (list, tuple, set):
        inner = _args(tp)[0] if _args(tp) else Any
        return "danh sách " + ("mục" if _model_in(inner) else type_label(inner))
    if origin is dict:
        return "nhóm tên: giá trị"
    if isinstance(tp, type) and issubclass(tp, BaseModel):
        return "nhóm trường"
    if tp in SCALARS:
        return SCALARS[tp]
    return getattr(tp, "__name__", str(tp))


def example_of(name: str, info: FieldInfo, kind: Kind | None = None, *,
               declared_only: bool = False) -> Any:
    """An example value for a field: declared examples, the description's 'ví dụ', a default."""
    if name == "loai" and kind is not None:
        return kind.name
    if info.examples:
        return info.examples[0]
    m = EXAMPLE_RE.search(info.description or "")
    tp = info.annotation
    if m:
        text = next(g for g in m.groups() if g)
        if text.startswith("["):
            return text
        return [text] if typing.get_origin(_strip_optional(tp)) is list else text
    if declared_only:
        return None
    if info.default not in (None, PydanticUndefined) and not callable(info.default):
        return info.default
    base = _strip_optional(tp)
    if typing.get_origin(base) is typing.Literal:
        return _args(base)[0]
    if typing.get_origin(base) is list:
        inner = _args(base)[0] if _args(base) else str
        return [] if _model_in(inner) else [DEFAULT_EXAMPLES.get(inner, "…")]
    return DEFAULT_EXAMPLES.get(base)


def _strip_optional(tp: Any) -> Any:
    if _is_union(tp):
        parts = [a for a in _args(tp) if a is not type(None)]
        return parts[0] if len(parts) == 1 else tp
    return tp


def _shown(value: Any) -> str:
    if value is None or value == "…" or value == ["…"]:
        return ""
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def rows(schema: type[BaseModel], kind: Kind | None = None, prefix: str = "",
         depth: int = 0, seen: tuple[type, ...] = (),
         samples: dict[str, Any] | None = None) -> list[FieldRow]:
    """Every field, nested models included (a recursive model is expanded once).

    Examples are the field's own declaration (`examples=`, "ví dụ …" in its description), else
    the value in `samples` (a real document's wording, see `example_values`).
    """
    samples = samples or {}
    out: list[FieldRow] = []
    for name, info in schema.model_fields.items():
        path = f"{prefix}{name}"
        model = _model_in(info.annotation)
        example = None if model else example_of(name, info, kind, declared_only=True)
        if example is None and not model:
            example = samples.get(path, example_of(name, info, kind))
        out.append(FieldRow(path, depth, type_label(info.annotation), info.is_required(),
                            (info.description or "").strip(),
                            "" if model else _shown(example)))
        if model is not None and model not in seen:
            many = typing.get_origin(_strip_optional(info.annotation)) is list
            out += rows(model, kind, f"{path}{'[]' if many else ''}.", depth + 1,
                        (*seen, schema, model), samples)
    return out


def example_values(kind: Kind, folder: Path) -> dict[str, Any]:
    """field path → value, from the first document of this kind under `folder` (content/)."""
    pattern = re.compile(rf"^loai:\s*['\"]?{re.escape(kind.name)}\b", re.M)
    for path in sorted(folder.rglob("*.y*ml")) if folder.is_dir() else []:
        if any(part.startswith(("_", ".")) for part in path.relative_to(folder).parts):
            continue
        try:
            if not pattern.search(path.read_text(encoding="utf-8")):
                continue
            raw = load_yaml(path)
        except Exception:  # noqa: BLE001 - an example that does not load gives no examples
            continue
        found: dict[str, Any] = {}
        _flatten(raw, "", found)
        return found
    return {}


def _flatten(value: Any, path: str, out: dict[str, Any]) -> None:
    if isinstance(value, dict):
        for key, sub in value.items():
            _flatten(sub, f"{path}.{key}" if path else str(key), out)
    elif isinstance(value, list):
        if value and all(isinstance(v, dict) for v in value):
            for item in value:
                _flatten(item, f"{path}[]", out)
        elif value and path not in out:
            out[path] = [_short(v) for v in value[:2]] + (["…"] if len(value) > 2 else [])
    elif value is not None and path not in out:
        out[path] = _short(value)


def _short(value: Any, width: int = 60) -> Any:
    if isinstance(value, list):
        return "[…]"
    text = " ".join(str(value).split())
    return text if len(text) <= width else text[:width - 1].rstrip() + "…"


def example_data(schema: type[BaseModel], kind: Kind | None = None,
                 ws_unit: str | None = None) -> dict[str, Any]:
    """A minimal content mapping for a schema: required fields, with example values."""
    data: dict[str, Any] = {}
    for name, info in schema.model_fields.items():
        if not info.is_required() and name not in ("nguoi_ky",):
            continue
        model = _model_in(info.annotation)
        if name == "co_quan" and ws_unit:
            data[name] = ws_unit
        elif model is not None:
            sub = example_data(model, kind, ws_unit)
            many = typing.get_origin(_strip_optional(info.annotation)) is list
            data[name] = [sub] if many else sub
        else:
            data[name] = example_of(name, info, kind)
    return data


def render_text(kind: Kind, content: Path | None = None) -> str:
    """`gendoc schema KIND` output: an indented field list a template author works from.

    With `content` (the workspace's content/), fields without a declared example show the
    wording of the workspace's own document of that kind.
    """
    samples = example_values(kind, content) if content is not None else {}
    lines = [f"{kind.title} (loai: {kind.name}) — mẫu mặc định: {kind.template}",
             f"Lược đồ: {kind.schema.__name__}. (*) = bắt buộc.", ""]
    for row in rows(kind.schema, kind, samples=samples):
        pad = "  " * (row.depth + 1)
        star = " (*)" if row.required else ""
        lines.append(f"{pad}{row.path}{star}: {row.type}")
        if row.description:
            lines.append(f"{pad}    {row.description}")
        if row.example:
            lines.append(f"{pad}    ví dụ: {row.example}")
    return "\n".join(lines) + "\n"


def render_markdown(kinds: dict[str, Kind] | None = None) -> str:
    """docs/schema.md: one table per kind, generated — edit the pydantic Field descriptions.

    Only declared examples are used, so the file changes when a schema changes, not when
    someone edits the example content.
    """
    kinds = kinds if kinds is not None else all_kinds()
    out = ["# Lược đồ nội dung (content schema)", "",
           "<!-- Tệp sinh tự động — không sửa tay. Sinh lại: python -m gendoc.authoring.schema -->",
           "",
           "Các trường của tệp nội dung YAML cho từng loại văn bản. Trường đánh dấu **có** là bắt "
           "buộc. Xem bằng lệnh: `gendoc schema LOẠI`. Biến dùng trong mẫu: "
           "`gendoc template check MẪU --kind LOẠI` (xem docs/templates.md).", ""]
    for kind in kinds.values():
        out += [f"## {kind.title} (`loai: {kind.name}`)", "",
                f"Mẫu mặc định: `{kind.template}`. Lược đồ: `{kind.schema.__name__}`.", "",
                "| Trường | Kiểu | Bắt buộc | Mô tả | Ví dụ |", "|---|---|---|---|---|"]
        for row in rows(kind.schema, kind):
            cells = [f"`{row.path}`", row.type, "có" if row.required else "",
                     row.description, f"`{row.example}`" if row.example else ""]
            out.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
        out.append("")
    return "\n".join(out)


def schema_doc_path() -> Path:
    return Path(__file__).resolve().parent.parent.parent / "docs" / "schema.md"


if __name__ == "__main__":  # python -m gendoc.authoring.schema [FILE]
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else schema_doc_path()
    target.write_text(render_markdown(), encoding="utf-8")
    print(target)
