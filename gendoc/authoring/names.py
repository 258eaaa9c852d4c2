"""Every variable path a template uses, checked against what the kind really provides.

`jinja2.meta.find_undeclared_variables` stops at top-level names and knows nothing of loops.
Here the AST is walked with scopes: `{% for dong in noi_nhan %}` binds `dong` to an item of
`noi_nhan` inside that loop only, `set`/`with`/macro arguments bind where Jinja binds them, and
`a.b[“c”]` chains are followed into the shape of the example context (dicts, pydantic models,
lists, dataclasses), so `nguoi_ky.ho_tn` is caught as well as `ho_tn`.
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import jinja2
from jinja2 import nodes
from pydantic import BaseModel

# Filters that keep the items of a sequence (so a loop over `x|sort` still knows its items).
SEQ_FILTERS = {"sort", "reverse", "list", "unique", "select", "reject", "selectattr",
               "rejectattr", "batch", "slice", "dictsort"}


class Shape:
    """What the example context holds at a path; ANY when it cannot be known."""

    obj: Any = None

    def attr(self, name: str) -> Shape | None:
        return ANY

    def item(self) -> Shape:
        return ANY

    def keys(self) -> list[str]:
        return []


ANY = Shape()


@dataclass
class MapShape(Shape):
    fields: dict[str, Shape]
    obj: Any = None

    def attr(self, name: str) -> Shape | None:
        if name in self.fields:
            return self.fields[name]
        if self.obj is not None and not name.startswith("_") and hasattr(self.obj, name):
            return ANY  # a method or property (e.g. dict.items, PartialDate.year)
        return None

    def keys(self) -> list[str]:
        return list(self.fields)


@dataclass
class SeqShape(Shape):
    of: Shape = ANY
    obj: Any = None

    def attr(self, name: str) -> Shape | None:
        return ANY if not name.startswith("_") and hasattr(self.obj or [], name) else None

    def item(self) -> Shape:
        return self.of


@dataclass
class LeafShape(Shape):
    obj: Any = None

    def attr(self, name: str) -> Shape | None:
        return ANY if not name.startswith("_") and hasattr(self.obj, name) else None


def shape_of(value: Any, depth: int = 0) -> Shape:
    """The shape of an example context value (bounded depth; None is unknown)."""
    if value is None or depth > 8:
        return ANY
    if isinstance(value, dict):
        return MapShape({str(k): shape_of(v, depth + 1) for k, v in value.items()}, value)
    if isinstance(value, BaseModel):
        return MapShape({name: shape_of(getattr(value, name, None), depth + 1)
                         for name in type(value).model_fields}, value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return MapShape({f.name: shape_of(getattr(value, f.name), depth + 1)
                         for f in dataclasses.fields(value)}, value)
    if isinstance(value, (list, tuple)):
        items = [shape_of(v, depth + 1) for v in value]
        return SeqShape(_merge(items), value)
    return LeafShape(value)


def _merge(shapes: list[Shape]) -> Shape:
    maps = [s for s in shapes if isinstance(s, MapShape)]
    if maps and len(maps) == len(shapes):
        merged: dict[str, Shape] = {}
        for s in maps:
            for key, sub in s.fields.items():
                if merged.get(key) in (None, ANY):
                    merged[key] = sub
        return MapShape(merged, maps[0].obj)
    return shapes[0] if shapes else ANY


@dataclass
class Problem:
    code: str
    message: str
    lineno: int | None
    name: str  # the name to mark in the paragraph
    hint: str | None = None


@dataclass
class Usage:
    """Result of a walk: paths used (dotted, `[]` for items), root names, problems."""

    paths: set[str] = field(default_factory=set)
    roots: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)


class Walker:
    def __init__(self, root: MapShape, env: jinja2.Environment, *, field_hint: Mapping[str, str],
                 permissive: bool = False):
        self.root = root
        self.permissive = permissive  # accept every top-level name (kind unknown)
        self.env = env
        self.field_hint = field_hint  # schema field not in the context → what to use instead
        self.usage = Usage()
        self.scopes: list[dict[str, tuple[Shape, tuple[str, ...]]]] = [{}]
        self.loop_vars: dict[str, int] = {}
        self.guarded: set[str] = set()

    # -- entry -------------------------------------------------------------------------------
    def walk(self, tree: nodes.Template) -> Usage:
        for loop in tree.find_all(nodes.For):
            for name in _target_names(loop.target):
                self.loop_vars.setdefault(name, loop.lineno)
        # `x is defined` / `x|default(…)`: the template guards itself against a missing x
        for test in tree.find_all(nodes.Test):
            if test.name in ("defined", "undefined") and isinstance(test.node, nodes.Name):
                self.guarded.add(test.node.name)
        for flt in tree.find_all(nodes.Filter):
            if flt.name in ("default", "d") and isinstance(flt.node, nodes.Name):
                self.guarded.add(flt.node.name)
        self.visit(tree)
        return self.usage

    def visit(self, node: nodes.Node) -> None:
        method = getattr(self, f"visit_{type(node).__name__}", None)
        if method is not None:
            method(node)
        elif isinstance(node, nodes.Expr):
            self.resolve(node)
        else:
            self.visit_children(node)

    def visit_children(self, node: nodes.Node) -> None:
        for child in node.iter_child_nodes():
            self.visit(child)

    # -- scopes ------------------------------------------------------------------------------
    def bind(self, target: nodes.Node, shape: Shape, origin: tuple[str, ...]) -> None:
        names = _target_names(target)
        for name in names:
            self.scopes[-1][name] = (shape if len(names) == 1 else ANY, origin)

    def scoped(self, bindings: Iterator[tuple[nodes.Node, Shape, tuple[str, ...]]],
               body: list[nodes.Node]) -> None:
        self.scopes.append({})
        for target, shape, origin in bindings:
            self.bind(target, shape, origin)
        for child in body:
            self.visit(child)
        self.scopes.pop()

    def visit_For(self, node: nodes.For) -> None:
        shape, path = self.resolve(node.iter)
        origin = (path or ("…",)) + ("[]",)
        self.scopes.append({"loop": (ANY, ("loop",))})
        self.bind(node.target, shape.item() if shape else ANY, origin)
        if node.test is not None:
            self.visit(node.test)
        for child in node.body:
            self.visit(child)
        self.scopes.pop()
        for child in node.else_:
            self.visit(child)

    def visit_Assign(self, node: nodes.Assign) -> None:
        shape, path = self.resolve(node.node)
        self.bind(node.target, shape or ANY, path or ("…",))

    def visit_AssignBlock(self, node: nodes.AssignBlock) -> None:
        for child in node.body:
            self.visit(child)
        self.bind(node.target, ANY, ("…",))

    def visit_Macro(self, node: nodes.Macro) -> None:
        for default in node.defaults:
            self.visit(default)
        self.scoped(((a, ANY, (a.name,)) for a in node.args), node.body)
        self.scopes[-1][node.name] = (ANY, (node.name,))

    def visit_CallBlock(self, node: nodes.CallBlock) -> None:
        self.visit(node.call)
        caller = nodes.Name("caller", "store")
        self.scoped(((a, ANY, (a.name,)) for a in [*node.args, caller]), node.body)

    def visit_With(self, node: nodes.With) -> None:
        values = [self.resolve(v) for v in node.values]
        self.scoped(((t, s or ANY, p or ("…",)) for t, (s, p) in zip(node.targets, values, strict=False)),
                    node.body)

    def visit_FilterBlock(self, node: nodes.FilterBlock) -> None:
        self._check_filter(node.filter)
        for child in [*node.filter.args, *(k.value for k in node.filter.kwargs), *node.body]:
            self.visit(child)

    def visit_Include(self, node: nodes.Include | nodes.Extends) -> None:
        self.visit(node.template)

    visit_Extends = visit_Include

    def visit_Import(self, node: nodes.Import) -> None:
        self.scopes[0][node.target] = (ANY, (node.target,))

    def visit_FromImport(self, node: nodes.FromImport) -> None:
        for name in node.names:
            self.scopes[0][name[1] if isinstance(name, tuple) else name] = (ANY, ("…",))

    # -- expressions -------------------------------------------------------------------------
    def resolve(self, node: nodes.Node) -> tuple[Shape | None, tuple[str, ...] | None]:
        """Shape and context path of an expression; None where a problem was reported."""
        if isinstance(node, nodes.Name):
            return self._name(node)
        if isinstance(node, nodes.Getattr):
            return self._member(node, node.node, node.attr)
        if isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            if isinstance(node.arg.value, str):
                return self._member(node, node.node, node.arg.value)
            shape, path = self.resolve(node.node)
            return (shape.item() if shape else None), (path + ("[]",) if path else None)
        if isinstance(node, nodes.Filter):
            self._check_filter(node)
            shape, path = (self.resolve(node.node) if node.node is not None else (ANY, None))
            for child in [*node.args, *(k.value for k in node.kwargs)]:
                self.visit(child)
            return (shape if node.name in SEQ_FILTERS else ANY), None
        if isinstance(node, nodes.Test) and node.name not in self.env.tests:
            self.usage.problems.append(Problem(
                "phep-thu-la", f"không có phép thử '{node.name}'", node.lineno, node.name,
                _closest(node.name, list(self.env.tests))))
        self.visit_children(node)
        return ANY, None

    def _name(self, node: nodes.Name) -> tuple[Shape | None, tuple[str, ...] | None]:
        name = node.name
        for scope in reversed(self.scopes):
            if name in scope:
                shape, origin = scope[name]
                return shape, origin
        if name in self.env.globals:
            return ANY, None
        if name in self.root.fields or self.permissive or name in self.guarded:
            self.usage.roots.add(name)
            self.usage.paths.add(name)
            return self.root.fields.get(name, ANY), (name,)
        self.usage.problems.append(self._unknown_root(node))
        return None, None

    def _unknown_root(self, node: nodes.Name) -> Problem:
        name = node.name
        if name in self.loop_vars:
            return Problem("bien-ngoai-vong-lap",
                           f"biến '{name}' chỉ có bên trong vòng lặp "
                           f"{{% for {name} in … %}} nhưng ở đây lại nằm ngoài vòng lặp đó",
                           node.lineno, name,
                           "đưa thẻ vào giữa {%p for … %} và {%p endfor %}, hoặc dùng biến "
                           "của văn bản")
        if name in self.field_hint:
            return Problem("truong-khong-vao-mau",
                           f"'{name}' là trường của tệp nội dung nhưng mẫu không nhận trực tiếp",
                           node.lineno, name, self.field_hint[name])
        lowered = name[:1].lower() + name[1:]
        hint = (f"Word đã tự viết hoa chữ đầu (AutoCorrect) — sửa lại thành '{lowered}'"
                if lowered != name and lowered in self.root.fields
                else _closest(name, self.root.keys()))
        return Problem("bien-la", f"biến '{name}' không có trong dữ liệu của loại văn bản này",
                       node.lineno, name, hint)

    def _member(self, node: nodes.Node, base: nodes.Node,
                attr: str) -> tuple[Shape | None, tuple[str, ...] | None]:
        shape, path = self.resolve(base)
        if shape is None:
            return None, None
        full = (path or ("…",)) + (attr,)
        if attr.startswith("_"):
            self.usage.problems.append(Problem(
                "thuoc-tinh-cam", f"mẫu không được phép dùng thành phần ẩn '{attr}' "
                "(tên bắt đầu bằng '_')", node.lineno, attr,
                "mẫu chỉ được dùng biến và bộ lọc của gendoc"))
            return None, None
        found = shape.attr(attr)
        if found is None:
            shown = ".".join(full).replace(".[]", "[]")
            self.usage.problems.append(Problem(
                "thuoc-tinh-la", f"'{shown}' không có: '{'.'.join(full[:-1]).replace('.[]', '[]')}'"
                f" không có thành phần '{attr}'", node.lineno, attr,
                _closest(attr, shape.keys())))
            return None, None
        if path and (path[0] in self.root.fields or self.permissive):
            self.usage.paths.add(".".join(full).replace(".[]", "[]"))
        return found, full

    def _check_filter(self, node: nodes.Filter) -> None:
        if node.name not in self.env.filters:
            self.usage.problems.append(Problem(
                "bo-loc-la", f"không có bộ lọc '|{node.name}'", node.lineno, node.name,
                _closest(node.name, list(self.env.filters))))


def _target_names(target: nodes.Node) -> list[str]:
    if isinstance(target, nodes.Name):
        return [target.name]
    if isinstance(target, nodes.Tuple):
        return [n for item in target.items for n in _target_names(item)]
    return []


def _closest(name: str, candidates: list[str]) -> str | None:
    close = difflib.get_close_matches(name, candidates, n=1, cutoff=0.6)
    return f"có phải ý là '{close[0]}'?" if close else None
