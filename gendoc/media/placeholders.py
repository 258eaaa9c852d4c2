"""Named figures in content text: `{{ tong_hop.lanh_dao.ty_le }}` and nothing else.

Content is data: a news paragraph is never a template. The only thing gendoc replaces in it is
a placeholder of exactly this form (a regular expression, not Jinja):

    {{ name.name… }}    two braces, optional spaces, a dotted name of two or more parts,
                        each part lower-case ASCII letters, digits or `_`, then two braces.

Every such placeholder must name a figure the document offers (`tong_hop.…` for figures
consolidated from the units' reports, `danh_sach.…` for a decision's list counts); an unknown
name (a typo included) is an error naming the file, line and field and listing the names that
exist. Everything else — `{{ 7*7 }}`,
`{% if %}`, a lone `{{`, filters — is printed exactly as written. A `{{ … }}` that starts with an
offered namespace but is not a plain dotted name (`{{ tong_hop.lanh_dao.ty_le|upper }}`, which
Jinja once accepted) is refused with a migration message instead of printing half a formula.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

PLACEHOLDER = re.compile(r"\{\{[ \t]*([a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+)[ \t]*\}\}")
_BRACES = re.compile(r"\{\{(.*?)\}\}", re.S)


def flatten(values: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    """`{"tong_hop": {"lanh_dao": {"ty_le": "38,6%"}}}` → `{"tong_hop.lanh_dao.ty_le": "38,6%"}`."""
    out: dict[str, str] = {}
    for key, value in values.items():
        name = f"{prefix}.{key}" if prefix else str(key)
        if isinstance(value, Mapping):
            out.update(flatten(value, name))
        elif value is not None:
            out[name] = str(value)
    return out


class UnknownName(ValueError):
    """A placeholder names a figure the document does not offer (message in Vietnamese).

    `token` is the placeholder as written, so the caller can point at its own line.
    """

    def __init__(self, message: str, token: str) -> None:
        super().__init__(message)
        self.token = token


def fill(text: str, names: Mapping[str, str], namespaces: tuple[str, ...]) -> str:
    """Replace each placeholder by its value; raise UnknownName for a name not in `names`.

    `namespaces` are the first parts whose old Jinja forms (filters, expressions) are refused
    with a migration message; any other text that is not a placeholder stays as written.
    """
    if "{{" not in text:
        return text
    _refuse_old_forms(text, namespaces)

    def value(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in names:
            raise UnknownName(unknown_message(name, names), match.group(0))
        return names[name]

    return PLACEHOLDER.sub(value, text)


def unknown_message(name: str, names: Mapping[str, str]) -> str:
    shown = ", ".join(sorted(names)) if names else "(không có — khai báo mục tong_hop để lấy số liệu)"
    return f"không điền được số liệu: không có tên '{name}'. Các tên dùng được: {shown}"


def _refuse_old_forms(text: str, namespaces: tuple[str, ...]) -> None:
    for match in _BRACES.finditer(text):
        inner = match.group(1).strip()
        first = re.match(r"[a-z_][a-z0-9_]*", inner)
        if first and first.group(0) in namespaces and not PLACEHOLDER.fullmatch(match.group(0)):
            raise UnknownName(
                f"không điền được số liệu: '{match.group(0)}' không phải một tên số liệu — "
                "từ nay chỉ viết tên, ví dụ {{ tong_hop.lanh_dao.ty_le }} (không dùng bộ lọc "
                "'|', phép tính hay lệnh {% … %})", match.group(0))
