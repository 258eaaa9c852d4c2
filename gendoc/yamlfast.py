"""A fast read of content files: libyaml (C), the same YAML 1.2 meaning as the canonical reader.

ruamel's round-trip parser costs ~15 ms a file (it keeps comments and positions, which only error
messages and write-backs need), libyaml well under 1 ms. So
`fast_load` parses with PyYAML's C loader, resolving plain scalars with ruamel's own YAML 1.2
table (so `yes`, `on`, `010`, `1:20` mean what `gendoc build` reads), dates kept as text like
`gendoc.yamlio`. Whenever the meaning could differ — a duplicate key, a merge key, a `%YAML`
directive, an int or float not in plain decimal form, any tag or construct it does not know — or
the input could hurt the C parser or needs a message — an anchor or alias, deep nesting — it
raises `Defer` and the caller uses the canonical `gendoc.yamlio` path, which refuses what must be
refused with its line. `gendoc.yamlio.read_yaml` is the one caller that reads documents.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from ruamel.yaml.resolver import implicit_resolvers

_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")
_FLOAT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\.[0-9]+")
# An explicit tag (`!!str 5`, `!x`) starts a token — at the start of a line or after a space or
# one of `[]{},:?-`: ruamel keeps it (TaggedScalar), PyYAML not.
_TAG = (re.compile("!"), "[]{},:?-")
# An anchor (`&a`) or alias (`*a`) may start a token — at the start of a line or after a space
# or one of `[{,`; plain text such as "a * b" defers too, which only costs the slower path.
_ANCHOR = (re.compile(r"[&*]\S"), "[{,")
# libyaml composes nested nodes recursively in C: a line indented or dashed this deep is left to the
# canonical reader, which refuses deep nesting from its events. (Deep flow nesting, `[[[…`, is
# measured by the caller's linear pre-scan, `gendoc.yamlio.flow_depth`.)
_DEEP = re.compile(r"^[ \t-]{120}", re.MULTILINE)


class Defer(Exception):
    """The fast path is not sure to read this file as ruamel would: use the canonical path."""


class _Resolver(yaml.resolver.Resolver):
    yaml_implicit_resolvers: dict[Any, Any] = {}


for _versions, _tag, _regexp, _first in implicit_resolvers:
    if (1, 2) in _versions:
        _Resolver.add_implicit_resolver(_tag, re.compile(_regexp.pattern, _regexp.flags),
                                        _first or [None])  # type: ignore[list-item]


#: libyaml's safe loader when PyYAML has it (also what `register.writeback` composes with).
LIBYAML_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(LIBYAML_LOADER):
    """libyaml parser, PyYAML safe constructor, ruamel's 1.2 resolution; unsure → Defer."""

    yaml_implicit_resolvers = _Resolver.yaml_implicit_resolvers

    def construct_mapping(self, node: Any, deep: bool = False) -> dict[Any, Any]:
        if not isinstance(node, yaml.MappingNode):
            raise Defer("not a mapping")
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise Defer("merge key")
            key = self.construct_object(key_node, deep=deep)
            if not isinstance(key, (str, int, bool)):
                raise Defer("unusual key")
            key = str(key)  # as `gendoc.yamlio.plain` names fields: `1:` is the field "1"
            if key in mapping:
                raise Defer("duplicate key")
            mapping[key] = self.construct_object(value_node, deep=deep)
        return mapping


def _int(loader: Any, node: Any) -> int:
    text = loader.construct_scalar(node)
    if not _INT.fullmatch(text):
        raise Defer("int not in plain decimal form")
    return int(text)


def _float(loader: Any, node: Any) -> float:
    text = loader.construct_scalar(node)
    if not _FLOAT.fullmatch(text):
        raise Defer("float not in plain decimal form")
    return float(text)


def _unknown(loader: Any, node: Any) -> Any:
    raise Defer(f"tag {node.tag}")


_Loader.yaml_constructors = {
    "tag:yaml.org,2002:null": yaml.constructor.SafeConstructor.construct_yaml_null,
    "tag:yaml.org,2002:bool": yaml.constructor.SafeConstructor.construct_yaml_bool,
    "tag:yaml.org,2002:int": _int,
    "tag:yaml.org,2002:float": _float,
    "tag:yaml.org,2002:timestamp": lambda loader, node: loader.construct_scalar(node),
    "tag:yaml.org,2002:str": yaml.constructor.SafeConstructor.construct_yaml_str,
    "tag:yaml.org,2002:seq": yaml.constructor.SafeConstructor.construct_yaml_seq,
    "tag:yaml.org,2002:map": yaml.constructor.SafeConstructor.construct_yaml_map,
    None: _unknown,
}


def _starts_token(text: str, mark: re.Pattern[str], after: str) -> bool:
    """Whether `mark` occurs where a token may start: at the start of a line, after white space
    (what `\\s` matches: `str.isspace`) or after one of the characters `after`. The marks are
    found by a pattern without a leading alternative, which the regular-expression engine
    scans for quickly; the character before each is then looked at (a leading `(?:^|[…])`
    made the engine try every position of the file: milliseconds a content file)."""
    for found in mark.finditer(text):
        start = found.start()
        if start == 0 or text[start - 1].isspace() or text[start - 1] in after:
            return True
    return False


def fast_load(text: str) -> Any:
    """Plain Python data (dict/list/str/int/float/bool/None) as `yamlio.plain(load_yaml(...))`
    gives for the same text; raises `Defer` when that is not certain."""
    if "%YAML" in text or "%TAG" in text or _starts_token(text, *_TAG):
        raise Defer("directive or explicit tag")
    if _starts_token(text, *_ANCHOR) or _DEEP.search(text):
        raise Defer("anchor, alias or deep nesting")
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a safe loader (SafeConstructor)
    except Defer:
        raise
    except yaml.YAMLError as exc:  # a syntax error: the canonical path words the message
        raise Defer(str(exc)) from None
