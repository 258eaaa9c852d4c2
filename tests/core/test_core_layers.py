"""The package's layers: imports go down, never up, and no module imports itself in a cycle.

Function-level imports are kept for what is heavy or deliberately late (docxtpl, openpyxl,
matplotlib, pyHanko, a module above the importer's layer …); each says why in a comment, on its
line or on the line above its group, so a light import hidden in a function is caught here. The
command-line modules are exempt: they import lazily so `gendoc --help` stays fast.

Every `import gendoc…` counts — at module level or inside a function (a function-level import
hides a dependency, it does not remove it) — except under `if TYPE_CHECKING:`. Plug-in points
that name modules as strings (kinds in `gendoc.kinds._MODULES`, content readers in
`gendoc.document.CONTENT_READERS`, gendoc.yaml sections in `gendoc.workspace.SECTION_CHECKS`, CLI
commands in `gendoc.cli._COMMANDS`) are how a lower layer reaches features without importing them.
"""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Lowest first. A module belongs to the layer of its longest matching name; names ending in "."
# match a package's sub-modules only; ".cli" (every feature's CLI module) wins over the rest.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("gendoc", "gendoc.exceptions", "gendoc.nd30", "gendoc.vi", "gendoc.yamlio",
              "gendoc.writer", "gendoc.textwidth", "gendoc.artifacts", "gendoc.validation",
              "gendoc.progress", "gendoc.xlsx_text", "gendoc.levels", "gendoc.safezip",
              "gendoc.yamlfast", "gendoc.docx_slim")),
    ("workspace", ("gendoc.units", "gendoc.workspace", "gendoc.templates")),
    ("kind contract", ("gendoc.kinds",)),
    ("shared models", ("gendoc.body", "gendoc.kinds.official", "gendoc.kinds.annex_pages",
                       "gendoc.docx_templates", "gendoc.docx_blocks", "gendoc.docx_render",
                       "gendoc.docx_meta", "gendoc.check.marks", "gendoc.docx_builtin",
                       "gendoc.docx_trim", "gendoc.docx_compiled", "gendoc.docx_xml")),
    ("documents", ("gendoc.document",)),
    ("pipeline", ("gendoc.render", "gendoc.output", "gendoc.pdf", "gendoc.pdf_split", "gendoc.pdf_work",
                  "gendoc.fingerprint",
                  "gendoc.parallel")),
    ("features", ("gendoc.kinds.", "gendoc.plans", "gendoc.reports", "gendoc.training",
                  "gendoc.media", "gendoc.bias", "gendoc.register", "gendoc.check",
                  "gendoc.authoring", "gendoc.sign", "gendoc.inspections", "gendoc.province")),
    ("build", ("gendoc.build",)),
    ("api", ("gendoc.api",)),
    ("web", ("gendoc.serve",)),
    ("command line", ("gendoc.cli", "gendoc.commands", "gendoc.cli_i18n", "gendoc.scaffold",
                      "gendoc.__main__", ".cli")),
]


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted((REPO / "gendoc").rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    hidden: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            hidden |= {id(sub) for sub in ast.walk(node)}
    return hidden


def imports(known: dict[str, Path]) -> dict[str, dict[str, int]]:
    """module → {imported gendoc module: line}."""

    def resolve(name: str) -> str | None:
        while name and name not in known:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, dict[str, int]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        hidden = _type_checking_nodes(tree)
        edges = graph.setdefault(name, {})
        for node in ast.walk(tree):
            if id(node) in hidden:
                continue
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                targets = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            else:
                continue
            for target in targets:
                resolved = resolve(target) if target.startswith("gendoc") else None
                if resolved and resolved != name:
                    edges.setdefault(resolved, node.lineno)
    return graph


def layer_of(module: str) -> int:
    best, best_len = -1, -1
    for index, (_, names) in enumerate(LAYERS):
        for pattern in names:
            if pattern.startswith("."):  # a feature's CLI module: always the command line
                if module.endswith(pattern):
                    return index
                continue
            if pattern.endswith("."):
                hit = module.startswith(pattern)
            else:
                hit = module == pattern or module.startswith(pattern + ".")
            if hit and len(pattern) > best_len:
                best, best_len = index, len(pattern)
    return best


def cycles(graph: dict[str, dict[str, int]]) -> list[list[str]]:
    """One example cycle through each strongly connected group (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                top = stack.pop()
                on_stack.discard(top)
                group.append(top)
                if top == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_every_module_has_a_layer() -> None:
    unplaced = [m for m in modules() if layer_of(m) < 0]
    assert not unplaced, f"add these modules to LAYERS: {unplaced}"


def test_imports_never_go_up_a_layer() -> None:
    known = modules()
    upward = []
    for module, edges in imports(known).items():
        for target, line in edges.items():
            if layer_of(target) > layer_of(module):
                upward.append(f"{known[module].relative_to(REPO)}:{line} {module} "
                              f"({LAYERS[layer_of(module)][0]}) → {target} "
                              f"({LAYERS[layer_of(target)][0]})")
    assert not upward, "imports against the layering:\n" + "\n".join(sorted(upward))


def test_no_import_cycles() -> None:
    found = cycles(imports(modules()))
    assert not found, f"import cycles: {found}"


def test_the_checks_see_what_they_claim() -> None:
    """The walk finds function-level imports and ignores TYPE_CHECKING ones."""
    graph = imports(modules())
    assert "gendoc.docx_render" in graph["gendoc.render"]  # imported inside docx_artifact()
    assert "gendoc.document" not in graph["gendoc.kinds"]  # only for type checking
    assert layer_of("gendoc.kinds.ke_hoach") > layer_of("gendoc.kinds.official")
    assert layer_of("gendoc.plans.cli") == len(LAYERS) - 1
    assert cycles({"a": {"b": 1}, "b": {"c": 1}, "c": {"a": 1}, "d": {"a": 1}}) == [["a", "b", "c"]]


def uncommented_function_imports(source: str) -> list[int]:
    """Lines of function-level imports without a comment saying why: one on an import line of
    the group of consecutive import lines, or on the line just above the group."""
    tree = ast.parse(source)
    comments = {tok.start[0] for tok in tokenize.generate_tokens(io.StringIO(source).readline)
                if tok.type == tokenize.COMMENT}
    code = source.splitlines()
    inner = sorted({id(node): node for fn in ast.walk(tree)
                    if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
                    for node in ast.walk(fn)
                    if isinstance(node, (ast.Import, ast.ImportFrom))}.values(),
                   key=lambda node: node.lineno)
    import_lines = {line for node in ast.walk(tree) if isinstance(node, (ast.Import, ast.ImportFrom))
                    for line in range(node.lineno, (node.end_lineno or node.lineno) + 1)}
    missing = []
    for node in inner:
        first, last = node.lineno, node.end_lineno or node.lineno
        while first - 1 in import_lines:
            first -= 1
        while last + 1 in import_lines:
            last += 1
        above = code[first - 2].strip() if first >= 2 else ""
        if not (comments & set(range(first, last + 1)) or above.startswith("#")):
            missing.append(node.lineno)
    return missing


def test_function_level_imports_say_why() -> None:
    command_line = len(LAYERS) - 1
    bare = []
    for module, path in modules().items():
        if layer_of(module) == command_line:
            continue
        for line in uncommented_function_imports(path.read_text(encoding="utf-8")):
            bare.append(f"{path.relative_to(REPO)}:{line}")
    assert not bare, ("function-level imports without a comment saying why (move light ones to "
                      "module level):\n" + "\n".join(sorted(bare)))


def test_the_comment_check_can_fail() -> None:
    source = (
        "import os\n"
        "def quiet():\n"
        "    import json\n"
        "    return json\n"
        "def heavy():\n"
        "    # heavy: only when a workbook is written\n"
        "    import openpyxl\n"
        "    from openpyxl.styles import Font\n"
        "    return openpyxl, Font\n"
        "def trailing():\n"
        "    from docx import Document  # heavy: python-docx\n"
        "    x = 1\n"
        "    import csv\n"
        "    return Document, x, csv\n"
    )
    assert uncommented_function_imports(source) == [3, 13]
