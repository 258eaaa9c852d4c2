"""Editing a content file from a form: round-trip merge, the CLI's validation, a safe save.

The form's values are merged into the file's ruamel tree, so every comment, key order and text
style (`>-` folded paragraphs) the form did not change stays as it was. The result is validated
by `gendoc.api.load_document` (the CLI's messages, lines of the text to be saved) and written
atomically — only if the file is still what the form was loaded from (its SHA-256); otherwise
the clerk gets a conflict and both versions, and nothing is overwritten.
"""

from __future__ import annotations

import hashlib
import io
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.representer import RoundTripRepresenter
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.util import load_yaml_guess_indent

from gendoc import api
from gendoc.exceptions import ContentError, FieldProblem
from gendoc.serve.schema_form import fields_of
from gendoc.writer import atomic_write
from gendoc.yamlio import load_yaml, plain

_SAVE_LOCK = threading.Lock()  # check-then-write of one process is one step
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class _Date(str):
    """A date kept as text (gendoc reads dates as text), written unquoted as a YAML date."""


RoundTripRepresenter.add_representer(
    _Date, lambda rep, value: rep.represent_scalar("tag:yaml.org,2002:timestamp", str(value)))


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class Loaded:
    text: str
    digest: str  # "" when the file does not exist yet
    data: dict[str, Any]


class Conflict(Exception):
    """The file changed since the form was loaded."""


@dataclass
class Checked:
    text: str
    problems: list[FieldProblem] = field(default_factory=list)
    message: str = ""  # the whole error as the CLI prints it
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.message


def load_for_edit(path: Path) -> Loaded:
    if not path.exists():
        return Loaded("", "", {})
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    tree = load_yaml(path, text=text)
    return Loaded(text, digest(raw), plain(tree) if isinstance(tree, dict) else {})


def _styled(old: Any, new: Any) -> Any:
    """A changed text keeps the old one's block style (folded `>-`, literal `|`)."""
    if isinstance(new, str):
        if isinstance(old, FoldedScalarString):
            return FoldedScalarString(new)
        if isinstance(old, LiteralScalarString):
            return LiteralScalarString(new)
    return new


def _same(old: Any, new: Any) -> bool:
    """Equal as content, counting the schema's shorthands (a text for a one-line list, a text
    for an item with one paragraph)."""
    old = plain(old)
    if old == new:
        return True
    if isinstance(old, str):
        return new == [old] or new == {"doan": [old]}
    if isinstance(old, dict) and isinstance(old.get("doan"), str):
        return {**old, "doan": [old["doan"]]} == new
    return False


def _shorthand(old: Any, new: Any) -> Any:
    """Keep the way the file wrote a value: a one-element list as a text, a one-paragraph item
    as its text, when the old value was written that way."""
    if isinstance(old, str):
        if isinstance(new, list) and len(new) == 1 and isinstance(new[0], str):
            return _styled(old, new[0])
        if isinstance(new, dict) and list(new) == ["doan"] and len(new["doan"]) == 1:
            return _styled(old, new["doan"][0])
    return _styled(old, new)


def merge_value(old: Any, new: Any, model: type[BaseModel] | None) -> Any:
    if _same(old, new):
        return old
    if isinstance(old, CommentedMap) and isinstance(new, dict) and model is not None:
        merge_map(old, new, model)
        return old
    if isinstance(old, CommentedSeq) and isinstance(new, list):
        for i, item in enumerate(new):
            if i < len(old):
                old[i] = merge_value(old[i], item, model)
            else:
                old.append(item)
        del old[len(new):]
        return old
    return _shorthand(old, new)


def merge_keyed(old: Any, new: dict[str, Any], model: type[BaseModel]) -> Any:
    """A mapping of groups (`ket_qua: {1: …}`): entries matched by code as text (the file may
    write the codes as numbers), kept in the file's order, new codes appended, removed ones
    dropped. A new code is written as a number only when it reads back as the same text (`8`,
    not `08`, which would be 8 and replace that entry)."""
    if not isinstance(old, CommentedMap):
        return new
    numeric = all(isinstance(k, int) for k in old)
    by_code = {str(k): k for k in old}
    for code, value in new.items():
        if code in by_code:
            old[by_code[code]] = merge_value(old[by_code[code]], value, model)
        else:
            as_number = numeric and code.isascii() and code.isdigit() and str(int(code)) == code
            old[int(code) if as_number else code] = value
    for code, key in by_code.items():
        if code not in new:
            del old[key]
    return old


def merge_map(target: CommentedMap, new: dict[str, Any], model: type[BaseModel]) -> None:
    """Merge the form's mapping into the file's: fields the form shows and left empty are
    removed, keys the schema does not know are kept (the validation names them); a field the
    file does not write is not added with the schema's own default (an unticked box)."""
    for spec in fields_of(model):
        if spec.widget == "hidden":
            continue
        if spec.name in new:
            if spec.name in target:
                if spec.widget == "keyed" and spec.model is not None:
                    target[spec.name] = merge_keyed(target[spec.name], new[spec.name],
                                                    spec.model)
                else:
                    target[spec.name] = merge_value(target[spec.name], new[spec.name],
                                                    spec.model)
            elif spec.required or new[spec.name] != spec.default:
                target[spec.name] = new[spec.name]
        elif spec.name in target and plain(target[spec.name]) not in (None, "", [], {}):
            del target[spec.name]  # left empty in the form (an empty `so:` line stays)


def _dates_unquoted(node: Any) -> Any:
    """Plain-text dates (2017-01-16, as gendoc reads them) stay unquoted when written back."""
    if isinstance(node, dict):
        for key, value in node.items():
            node[key] = _dates_unquoted(value)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            node[i] = _dates_unquoted(value)
    elif type(node) is str and _FULL_DATE.fullmatch(node):
        return _Date(node)
    return node


def dump(tree: CommentedMap, original: str) -> str:
    """The tree as YAML with the original's indentation (gendoc's own: `  - item`)."""

    sequence, offset = 4, 2
    if original.strip():
        _, guessed, block = load_yaml_guess_indent(original)
        if guessed is not None and block is not None:
            sequence, offset = guessed, block
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=sequence, offset=offset)
    buffer = io.StringIO()
    yaml.dump(_dates_unquoted(tree), buffer)
    return buffer.getvalue()


def updated_text(current: str, new: dict[str, Any], kind: str,
                 model: type[BaseModel]) -> str:
    """The content file's text with the form's values merged in (a new file when empty)."""
    tree = load_yaml(Path("form.yaml"), text=current) if current.strip() else None
    if not isinstance(tree, CommentedMap):
        tree = CommentedMap()
        tree["loai"] = kind
    merge_map(tree, new, model)
    return dump(tree, current)


def check_text(ws: api.Workspace, path: Path, text: str) -> Checked:
    """Validate `text` as the content of `path`, with the CLI's code and messages."""
    try:
        doc = api.load_document(ws, path, text=text)
    except ContentError as exc:
        return Checked(text, exc.problems, exc.format_message())
    return Checked(text, warnings=list(doc.warnings))


def save(path: Path, root: Path, base_digest: str, text: str) -> str:
    """Write `text` atomically if the file is still the one the form was loaded from; returns
    the new digest. Raises Conflict (nothing written) otherwise."""
    data = text.encode("utf-8")
    with _SAVE_LOCK:
        now = digest(path.read_bytes()) if path.exists() else ""
        if now != base_digest:
            raise Conflict(str(path))
        atomic_write(path, data, root=root)
    return digest(data)
