"""The `bao_cao:` and `muc_tieu:` sections of gendoc.yaml, validated when reports need them.

`WorkspaceConfig` keeps feature sections as free-form dicts (so a typo in one feature's section
never stops another feature's build); this module is their schema. Errors name gendoc.yaml, the
line and the field like any content error.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from gendoc.exceptions import ConfigError, ContentError, FieldProblem
from gendoc.levels import REPORTING_TIERS
from gendoc.reports.indicators import BY_KEY, PAIRED, TOTAL
from gendoc.validation import validate
from gendoc.workspace import CONFIG_NAME, Workspace


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


def _deadline(value: Any) -> tuple[int, int]:
    """"15/11" (day/month, as clerks write it) → (11, 15)."""
    m = re.fullmatch(r"\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*", str(value))
    if not m:
        raise ValueError(f"hạn nộp '{value}' phải viết dạng NGÀY/THÁNG, ví dụ 15/11")
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        raise ValueError(f"hạn nộp '{value}' không phải ngày có thật")
    return month, day


class BaoCaoConfig(_Strict):
    """Settings of the annual reporting cycle."""

    han_nop: str = Field("15/11", description="hạn gửi báo cáo năm (NGÀY/THÁNG), Kế hoạch III.1.e")
    thu_muc: str = Field("bao-cao", description="thư mục trong content/ chứa báo cáo các đơn vị")
    don_vi: list[str] | None = Field(
        None, description="mã các đơn vị phải báo cáo; bỏ trống = mọi sở, ban, ngành, cấp xã (và cấp huyện)")

    @field_validator("han_nop", mode="before")
    @classmethod
    def _han(cls, v: Any) -> str:
        _deadline(v)
        return str(v).strip()

    @field_validator("thu_muc")
    @classmethod
    def _folder(cls, v: str) -> str:
        if v.startswith(("/", "\\")) or ".." in re.split(r"[/\\]", v):
            raise ValueError("thư mục phải nằm trong content/, ví dụ 'bao-cao'")
        return v

    @property
    def deadline(self) -> tuple[int, int]:
        return _deadline(self.han_nop)


def _metric_ok(metric: str) -> str:
    """`ty_le_nu.GROUP[.ROW]` or `don_vi_co_lanh_dao_nu` (see docs/reports.md)."""
    if metric == "don_vi_co_lanh_dao_nu":
        return metric
    parts = metric.split(".")
    paired = {g.key for g in PAIRED}
    rows_ok = len(parts) == 2 or (len(parts) == 3 and parts[1] in paired and (
        parts[2] == TOTAL or parts[2] in {r.key for r in BY_KEY[parts[1]].rows}))
    if parts[0] == "ty_le_nu" and parts[1:2] and parts[1] in paired and rows_ok:
        return metric
    raise ValueError(
        f"chỉ số '{metric}' không có — dùng 'ty_le_nu.NHÓM' (NHÓM là {', '.join(sorted(paired))}), "
        "'ty_le_nu.NHÓM.DÒNG' hoặc 'don_vi_co_lanh_dao_nu'")


class MucTieu(_Strict):
    """One target compared in the consolidated report (đạt / chưa đạt)."""

    ten: str = Field(min_length=1, description="tên chỉ tiêu như in trong báo cáo")
    chi_so: str = Field(description="cách tính, ví dụ ty_le_nu.quy_hoach")
    chi_tieu: float = Field(ge=0, le=100, description="chỉ tiêu (%)")
    so_sanh: Literal[">=", "<="] = Field(">=", description="đạt khi kết quả >= (hoặc <=) chỉ tiêu")
    nam: int | None = Field(None, description="năm phải đạt (để ghi chú), ví dụ 2020")

    @field_validator("chi_so")
    @classmethod
    def _metric(cls, v: str) -> str:
        return _metric_ok(v)

    def met(self, value: float | None) -> bool | None:
        if value is None:
            return None
        return value >= self.chi_tieu if self.so_sanh == ">=" else value <= self.chi_tieu


class ReportSettings(_Strict):
    bao_cao: BaoCaoConfig = Field(default_factory=BaoCaoConfig)
    muc_tieu: dict[str, MucTieu] = Field(default_factory=dict)


def report_settings(ws: Workspace) -> ReportSettings:
    """The validated sections; a problem is a ConfigError naming gendoc.yaml and the line."""
    raw = ws.raw_config
    data = {k: raw[k] for k in ("bao_cao", "muc_tieu") if raw.get(k) is not None}

    def where(loc: Any) -> Any:
        return ws.config_line(*loc)

    try:
        settings = validate(ReportSettings, data, ws.root / CONFIG_NAME, where=where)
    except ContentError as exc:
        raise ConfigError(exc.message) from None
    unknown = [FieldProblem(f"bao_cao.don_vi[{i + 1}]", e.problems[0].message,
                            where=ws.config_line("bao_cao", "don_vi", i), hint=e.problems[0].hint)
               for i, e in _unit_errors(ws, settings.bao_cao.don_vi or [])]
    if unknown:  # a misspelt code would silently never be expected to report
        raise ConfigError(ContentError(ws.root / CONFIG_NAME, unknown).message)
    return settings


def _unit_errors(ws: Workspace, codes: list[str]) -> list[tuple[int, ContentError]]:
    errors = []
    for index, code in enumerate(codes):
        try:
            ws.unit(code)
        except ContentError as exc:
            errors.append((index, exc))
    return errors


def expected_units(ws: Workspace, settings: ReportSettings) -> list[str]:
    """Codes of the units that must report, in registry order (checked at load)."""
    if settings.bao_cao.don_vi is not None:
        return list(dict.fromkeys(settings.bao_cao.don_vi))

    return [u.ma for u in ws.config.co_quan if u.cap in REPORTING_TIERS]
