"""Validate parsed YAML against a pydantic schema and explain every problem in Vietnamese.

pydantic reports all errors at once with their location; we translate each into a
`FieldProblem` naming the field, the YAML line, what is wrong and how to fix it, so a clerk fixes
the whole file in one pass instead of one error per run.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any, TypeVar

from pydantic import BaseModel, BeforeValidator, ValidationError

from gendoc.exceptions import ContentError, FieldProblem
from gendoc.yamlio import (
    CONTROL_CHARS,  # one definition of what XML cannot carry
    CONTROL_NAMES,
    line_of,
    plain,
    text_leaves,
)

M = TypeVar("M", bound=BaseModel)

# Text length limits, in one place. A whole report section is a few thousand characters; 20,000
# in one field is a paste gone wrong (or an attack on memory and layout). A trích yếu or a name
# is a line or two on paper.
MAX_TEXT = 20_000
TEXT_LIMITS: dict[str, int] = {"trich_yeu": 500, "ten": 500, "tieu_de": 500, "ho_ten": 100}
MAX_CELL = 4_000  # one spreadsheet cell of a participant list or an inspection form answer
# A unit report's longest cell (several paragraphs of "Kết quả khác") is a few thousand
# characters; Excel allows 32,767.
MAX_REPORT_CELL = 10_000


def field_name(loc: Sequence[str | int]) -> str:
    """`('noi_dung', 2, 'muc')` → `noi_dung[3].muc` (list positions counted from 1, as people do)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + str(part)
    return out


def _known_fields(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """Field names allowed at the parent of `loc`, for 'did you mean' hints."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = getattr(current, "model_fields", {})
        if part not in fields:
            return []
        annotation = fields[part].annotation
        current = _first_model(annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _first_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _first_model(arg)
        if found is not None:
            return found
    return None


def _describe(err: dict[str, Any], model: type[BaseModel]) -> tuple[str, str | None]:
    """Vietnamese message and hint for one pydantic error."""
    kind = err["type"]
    loc = err["loc"]
    ctx = err.get("ctx") or {}
    name = str(loc[-1]) if loc else ""
    if kind == "missing":
        return "thiếu trường bắt buộc", f"thêm dòng '{name}: …' (xem tài liệu docs/schema.md)"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(name, _known_fields(model, loc), n=1, cutoff=0.6)
        hint = f"có phải ý là '{close[0]}'?" if close else "xóa trường này hoặc sửa tên cho đúng"
        return "trường không có trong mẫu văn bản này", hint
    if kind in ("string_type",):
        return "phải là chữ (một đoạn văn bản)", "viết nội dung sau dấu ':'; đặt trong ngoặc kép nếu cần"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"phải là số nguyên, nhận được '{err.get('input')}'", None
    if kind in ("float_type", "float_parsing"):
        return f"phải là số, nhận được '{err.get('input')}'", "dùng dấu chấm cho phần thập phân (12.5)"
    if kind in ("bool_type", "bool_parsing"):
        return "phải là có/không", "viết true hoặc false"
    if kind in ("list_type", "tuple_type"):
        return "phải là danh sách", "mỗi mục một dòng, bắt đầu bằng '- '"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "phải là một nhóm trường", "viết các trường con ở các dòng bên dưới, thụt vào 2 dấu cách"
    if kind in ("date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"):
        return f"ngày không hợp lệ: '{err.get('input')}'", "viết theo dạng NĂM-THÁNG-NGÀY, ví dụ 2017-01-25"
    if kind in ("literal_error", "enum"):
        expected = str(ctx.get("expected", "")).replace(" or ", " hoặc ")  # pydantic's English
        return f"giá trị '{err.get('input')}' không hợp lệ", f"chọn một trong: {expected}"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        bound = next(iter(ctx.values()), "")
        sign = {"greater_than_equal": "≥", "greater_than": ">", "less_than_equal": "≤",
                "less_than": "<"}[kind]
        return f"phải {sign} {bound}, nhận được {err.get('input')}", None
    if kind in ("string_too_long", "too_long"):
        limit = ctx.get("max_length", "")
        return f"quá dài (tối đa {limit})", "rút gọn nội dung"
    if kind in ("string_too_short", "too_short"):
        return "không được để trống", "điền nội dung cho trường này"
    if kind == "value_error":
        msg = str(ctx.get("error", err["msg"]))
        return msg, None
    return err["msg"], None


def problems_from(exc: ValidationError, model: type[BaseModel], data: Any,
                  where: Callable[[Sequence[str | int]], Any] | None = None) -> list[FieldProblem]:
    """Translate a ValidationError into FieldProblems located in the source (line or cell)."""
    problems = []
    for err in exc.errors():
        loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and "[" in p))
        message, hint = _describe(dict(err), model)
        position = where(loc) if where else line_of(data, loc)
        problems.append(FieldProblem(field_name(loc), message, where=position, hint=hint))
    return problems


def validate(model: type[M], data: Any, path: Path | str | None, *,
             context: dict[str, Any] | None = None,
             where: Callable[[Sequence[str | int]], Any] | None = None,
             already_plain: bool = False) -> M:
    """Validate parsed `data` against `model`; raise ContentError listing every problem.

    `where(loc)` locates a field in the source (a YAML line by default, a sheet!cell for Excel).
    `already_plain`: `data` holds plain Python values (what `document.read_content` returns), so
    the copy that turns ruamel's containers and scalars into plain ones is skipped.
    """
    if not isinstance(data, dict):
        raise ContentError(
            path,
            "tệp phải bắt đầu bằng các dòng 'tên_trường: giá trị' (một nhóm trường), "
            "không phải danh sách hay một dòng chữ.",
        )
    too_long = length_problems(data, where)
    if too_long:
        raise ContentError(path, too_long)
    try:
        return model.model_validate(data if already_plain else plain(data), context=context)
    except ValidationError as exc:
        raise ContentError(path, problems_from(exc, model, data, where)) from exc


def length_problems(data: Any, where: Callable[[Sequence[str | int]], Any] | None = None,
                    ) -> list[FieldProblem]:
    """Text fields longer than their limit (TEXT_LIMITS by field name, else MAX_TEXT)."""
    problems: list[FieldProblem] = []
    for loc, text in text_leaves(data):
        name = next((p for p in reversed(loc) if isinstance(p, str)), "")
        limit = TEXT_LIMITS.get(name, MAX_TEXT)
        if len(text) > limit:
            problems.append(FieldProblem(
                field_name(loc), f"dài {len(text)} ký tự, vượt giới hạn {limit} ký tự",
                where=where(loc) if where else line_of(data, loc),
                hint="rút gọn nội dung; đoạn dài chia thành nhiều mục"))
            if len(problems) >= 20:
                break
    return problems


def cell_problem(value: Any, name: str, where: str | int | None) -> FieldProblem | None:
    """A spreadsheet cell's text (Excel escapes already decoded) that cannot be printed: a
    control character XML cannot carry (refused, as in YAML content) or a text over MAX_CELL."""
    if not isinstance(value, str):
        return None
    if len(value) > MAX_CELL:
        return FieldProblem(name, f"ô dài {len(value)} ký tự, vượt giới hạn {MAX_CELL} ký tự",
                            where=where, hint="rút gọn nội dung ô; có thể đã dán nhầm cả văn bản")
    found = CONTROL_CHARS.search(value)
    if found is None:
        return None
    char = found.group()
    shown = CONTROL_NAMES.get(char, f"mã U+{ord(char):04X}")
    return FieldProblem(name, f"có ký tự điều khiển không in được ({shown})", where=where,
                        hint="thường do dán từ Word: xóa ký tự đó trong ô rồi gõ lại dấu cách "
                             "(xuống dòng trong ô: Alt+Enter)")


_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")


def email_address(value: Any) -> str | None:
    """An e-mail address as a clerk types it (blank: none). It is printed on letters and
    announcements, so a typo caught here is a reply not lost."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if "…" in text:  # a gap `gendoc new` left to fill: printed as written, like any other field
        return text
    if not _EMAIL.fullmatch(text):
        raise ValueError(f"'{text}' không phải địa chỉ thư điện tử (dạng ten@co-quan.gov.vn)")
    return text


#: A contact's e-mail field: checked for form wherever one is given (gendoc.yaml, content files,
#: participant lists).
Email = Annotated[str | None, BeforeValidator(email_address)]
