"""The figures of a unit report (`so_lieu:`) as a pydantic schema built from the catalogue.

Why the arithmetic checks live here: a clerk types dozens of numbers, and the errors that matter
are the ones a spreadsheet would not catch — more women than people, a total that is not the
sum of its rows, more leaders than staff. Each check names the field (so the YAML line or the
Excel cell is found), both numbers, and how to fix it; every violation of a file is reported in
one pass. The checks raise `ValidationError`s with the exact location of the offending number, so
`gendoc.validation` translates them like any type error.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, create_model
from pydantic import model_validator as _model_validator
from pydantic_core import InitErrorDetails, PydanticCustomError

from gendoc.reports.indicators import (
    BOUNDS,
    FIELD_LABELS,
    GROUPS,
    KEY_LEADERS,
    PAIRED,
    TOTAL,
    Group,
    group,
)
from gendoc.vi.formats import so_vn

MAX_COUNT = 10_000_000  # more people than a province has: a typing slip, not a figure
_THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


def _count(value: Any) -> int:
    """A head count: a whole number ≥ 0. Accepts 12, 12.0 (Excel), "12", "1.200" (Vietnamese)."""
    if type(value) is int and 0 <= value <= MAX_COUNT:  # the common case, checked first
        return value
    if value is None or (isinstance(value, str) and not value.strip()):
        raise ValueError("chưa điền số liệu — điền số (0 nếu không có)")
    if isinstance(value, bool):
        raise ValueError(f"phải là số nguyên, nhận được '{value}'")
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(f"phải là số nguyên (số người, số cuộc), nhận được {so_vn(value)} — "
                             "nếu đã viết dấu chấm ngăn nghìn (1.250) thì viết liền: 1250")
        value = int(value)
    if isinstance(value, str):
        text = value.strip().replace(" ", "")
        if _THOUSANDS.fullmatch(text):
            text = text.replace(".", "")
        if not re.fullmatch(r"-?\d+", text):
            raise ValueError(f"phải là số nguyên, nhận được '{value.strip()}'")
        value = int(text)
    if not isinstance(value, int):
        raise ValueError(f"phải là số nguyên, nhận được '{value}'")
    if value < 0:
        raise ValueError(f"không được âm, nhận được {so_vn(value)}")
    if value > MAX_COUNT:
        raise ValueError(f"số {so_vn(value)} quá lớn — kiểm tra lại (có gõ thừa chữ số?)")
    return value


Count = Annotated[int, BeforeValidator(_count)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _problem(loc: tuple[str | int, ...], message: str, value: Any) -> InitErrorDetails:
    return InitErrorDetails(type=PydanticCustomError("value_error", message, {"error": message}),
                            loc=loc, input=value)


class Pair(_Strict):
    """People counted by sex: `tong` (everyone) and `nu` (women among them)."""

    tong: Count = Field(description="tổng số (nam và nữ)")
    nu: Count = Field(description="trong đó nữ")

    @_model_validator(mode="after")
    def _women_within_total(self) -> Pair:
        if self.nu > self.tong:
            raise ValidationError.from_exception_data("Pair", [_problem(
                ("nu",), f"số nữ ({so_vn(self.nu)}) lớn hơn tổng số ({so_vn(self.tong)}) — "
                         "số nữ là một phần của tổng số, kiểm tra lại hai số này", self.nu)])
        return self

    def __add__(self, other: Pair) -> Pair:
        return Pair.model_construct(tong=self.tong + other.tong, nu=self.nu + other.nu)

    @property
    def ty_le(self) -> float | None:
        """Share of women in percent; None when there is nobody to divide by."""
        return 100.0 * self.nu / self.tong if self.tong else None


ZERO = Pair.model_construct(tong=0, nu=0)


def pair_sum(pairs: Iterable[Pair]) -> Pair:
    """The sum of `pairs` as one Pair (`sum(pairs, ZERO)` would build a Pair per term)."""
    tong = nu = 0
    for pair in pairs:
        tong += pair.tong
        nu += pair.nu
    return Pair.model_construct(tong=tong, nu=nu)


def _sum_check(self: BaseModel) -> BaseModel:
    """A group's `tong:` row, when given, must equal the sum of its rows (both fields)."""
    given = getattr(self, TOTAL)
    if given is None:
        return self
    spec = group(self.__class__.__name__.removeprefix("_G_"))
    parts = [getattr(self, r.key) for r in spec.rows]
    computed = pair_sum(parts)
    problems = []
    for name in ("tong", "nu"):
        want, got = getattr(computed, name), getattr(given, name)
        if want != got:
            terms = " + ".join(so_vn(getattr(p, name)) for p in parts)
            problems.append(_problem(
                (TOTAL, name),
                f"{FIELD_LABELS[name]} ở dòng tổng ({so_vn(got)}) khác tổng các dòng "
                f"({terms} = {so_vn(want)}) — sửa dòng tổng hoặc bỏ dòng 'tong:' để gendoc tự cộng",
                got))
    if problems:
        raise ValidationError.from_exception_data(spec.key, problems)
    return self


def _group_model(spec: Group) -> type[BaseModel]:
    fields: dict[str, Any] = {}
    for row in spec.rows:
        kind = Pair if spec.paired else Count
        fields[row.key] = (kind, Field(description=row.label))
    validators = {}
    if spec.paired:
        fields[TOTAL] = (Pair | None, Field(None, description="dòng tổng (không bắt buộc)"))
        validators["_sum"] = _model_validator(mode="after")(_sum_check)
    # pydantic's stubs type __validators__ as plain callables; decorated validators work at run time.
    model = create_model(f"_G_{spec.key}", __base__=_Strict,
                         __validators__=validators, **fields)  # type: ignore[arg-type]
    model.__doc__ = spec.title
    return model


GROUP_MODELS: dict[str, type[BaseModel]] = {g.key: _group_model(g) for g in GROUPS}


def _bounds_check(self: BaseModel) -> BaseModel:
    """Totals across groups: leaders and the planning pool within staff, appointments within
    leaders; reported at the smaller group's total (its `tong` row, or its first row)."""
    problems = []
    for small, big in BOUNDS:
        part, whole = totals(self, small), totals(self, big)
        for name in ("tong", "nu"):
            a, b = getattr(part, name), getattr(whole, name)
            if a > b:
                where = (small, TOTAL, name) if getattr(getattr(self, small), TOTAL) is not None \
                    else (small, group(small).rows[0].key, name)
                problems.append(_problem(
                    where,
                    f"{FIELD_LABELS[name]} {group(small).short} ({so_vn(a)}) lớn hơn "
                    f"{FIELD_LABELS[name]} {group(big).short} ({so_vn(b)}) — kiểm tra lại hai biểu",
                    a))
    if problems:
        raise ValidationError.from_exception_data("so_lieu", problems)
    return self


SoLieu: type[BaseModel] = create_model(  # type: ignore[call-overload]  # see _group_model
    "SoLieu", __base__=_Strict,
    __validators__={"_bounds": _model_validator(mode="after")(_bounds_check)},
    **{g.key: (GROUP_MODELS[g.key], Field(description=g.title)) for g in GROUPS},
)
SoLieu.__doc__ = "Số liệu báo cáo của một cơ quan, đơn vị."


def totals(so_lieu: BaseModel, key: str) -> Pair:
    """The total of a paired group: the sum of its rows (equal to its `tong:` row if given)."""
    spec = group(key)
    values = getattr(so_lieu, key)
    return pair_sum(getattr(values, r.key) for r in spec.rows)


def value(so_lieu: BaseModel, key: str, row: str) -> Any:
    """One figure (a Pair, or an int for activities); `row == "tong"` gives the group total."""
    if row == TOTAL:
        return totals(so_lieu, key)
    return getattr(getattr(so_lieu, key), row)


def has_key_woman_leader(so_lieu: BaseModel) -> bool:
    """The unit's own leadership (cấp trưởng or cấp phó of the unit) includes a woman."""
    leaders = getattr(so_lieu, "lanh_dao")  # noqa: B009 - a field made by create_model
    return any(getattr(leaders, k).nu > 0 for k in KEY_LEADERS)


def blank_figures() -> dict[str, Any]:
    """A `so_lieu:` mapping with every figure empty (what `gendoc new bao_cao` writes)."""
    out: dict[str, Any] = {}
    for spec in GROUPS:
        out[spec.key] = {r.key: ({"tong": None, "nu": None} if spec.paired else None)
                         for r in spec.rows}
    return out


__all__ = ["Count", "GROUP_MODELS", "PAIRED", "Pair", "SoLieu", "ZERO", "blank_figures",
           "has_key_woman_leader", "pair_sum", "totals", "value"]
