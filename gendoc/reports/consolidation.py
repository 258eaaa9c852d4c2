"""The province-wide consolidation of the units' annual reports (Kế hoạch III.2.b).

`consolidate(ws, year)` is the one public entry point: it reads every unit report of that year
(YAML or Excel form) under content/<bao_cao.thu_muc>/, validates each exactly as `gendoc build`
does, and returns a `Consolidation` with the totals, the shares of women, the target comparison,
the change against the previous year, and who reported late or not at all. The documents, the
charts, the .xlsx annex and any press material quote this object, so they never disagree.

Fail loud, lose nothing: if any report of the year is invalid, or a unit sent two, nothing is
consolidated and the error lists every such file — a total silently missing one unit is worse than
no total. Work is linear in the number of reports (one parse and one pass each).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gendoc.document import read_content, rel
from gendoc.exceptions import ContentError, FieldProblem, GendocError
from gendoc.reports.config import MucTieu, ReportSettings, expected_units, report_settings
from gendoc.reports.indicators import HOAT_DONG, PAIRED, TOTAL
from gendoc.reports.model import Pair, has_key_woman_leader, pair_sum, totals
from gendoc.units import CoQuan
from gendoc.validation import validate
from gendoc.workspace import Workspace

SUFFIXES = (".yaml", ".yml", ".xlsx")


@dataclass
class UnitReport:
    """One unit's validated report as the consolidation uses it."""

    unit: CoQuan
    path: Path
    data: Any  # gendoc.kinds.bao_cao.BaoCao
    submitted: dt.date | None = None
    days_late: int = 0

    @property
    def so_lieu(self) -> Any:
        return self.data.so_lieu

    @property
    def late(self) -> bool:
        return self.days_late > 0


@dataclass
class TargetResult:
    key: str
    target: MucTieu
    value: float | None

    @property
    def met(self) -> bool | None:
        return self.target.met(self.value)


@dataclass
class Consolidation:
    """Totals and ratios of one year. Shares are percentages (0–100), None when undefined."""

    year: int
    deadline: dt.date
    reports: list[UnitReport]
    expected: list[CoQuan]
    missing: list[CoQuan]
    targets: list[TargetResult] = field(default_factory=list)
    previous: Consolidation | None = None
    _totals: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)

    @property
    def late(self) -> list[UnitReport]:
        return [r for r in self.reports if r.late]

    @property
    def undated(self) -> list[UnitReport]:
        return [r for r in self.reports if r.submitted is None]

    def total(self, group: str, row: str = TOTAL) -> Any:
        """Province total of one figure: a Pair (tong, nu), or an int for activities."""
        return self._totals[(group, row)]

    def ty_le(self, group: str, row: str = TOTAL) -> float | None:
        """Share of women in percent for one figure of the province."""
        return self.total(group, row).ty_le

    def change(self, group: str, row: str = TOTAL) -> float | None:
        """Change of the share of women against the previous year, in percentage points."""
        if self.previous is None:
            return None
        now, before = self.ty_le(group, row), self.previous.ty_le(group, row)
        return None if now is None or before is None else now - before

    @property
    def ty_le_don_vi_co_lanh_dao_nu(self) -> float | None:
        """Share (%) of reporting units whose own leadership includes a woman."""
        if not self.reports:
            return None
        with_woman = sum(1 for r in self.reports if has_key_woman_leader(r.so_lieu))
        return 100.0 * with_woman / len(self.reports)

    @property
    def so_da_bao_cao(self) -> int:
        """How many of the expected units reported (set lookups: linear in the units)."""
        codes = {r.unit.ma for r in self.reports}
        return sum(1 for u in self.expected if u.ma in codes)

    @property
    def ty_le_bao_cao(self) -> float | None:
        """Share (%) of the expected units that reported."""
        if not self.expected:
            return None
        return 100.0 * self.so_da_bao_cao / len(self.expected)

    def metric(self, name: str) -> float | None:
        """A target's metric: `ty_le_nu.GROUP[.ROW]` or `don_vi_co_lanh_dao_nu`."""
        if name == "don_vi_co_lanh_dao_nu":
            return self.ty_le_don_vi_co_lanh_dao_nu
        parts = name.split(".")
        return self.ty_le(parts[1], parts[2] if len(parts) > 2 else TOTAL)


def _sum(reports: list[UnitReport]) -> dict[tuple[str, str], Any]:
    out: dict[tuple[str, str], Any] = {}
    for spec in PAIRED:
        for row in spec.rows:
            out[(spec.key, row.key)] = pair_sum(
                getattr(getattr(r.so_lieu, spec.key), row.key) for r in reports)
        out[(spec.key, TOTAL)] = pair_sum(out[(spec.key, row.key)] for row in spec.rows)
    for row in HOAT_DONG.rows:
        out[(HOAT_DONG.key, row.key)] = sum(getattr(r.so_lieu.hoat_dong, row.key) for r in reports)
    return out


def report_folder(ws: Workspace, settings: ReportSettings, folder: str | Path | None) -> Path:
    path = Path(folder) if folder is not None else Path(settings.bao_cao.thu_muc)
    return path if path.is_absolute() else ws.content_dir / path


def _candidates(folder: Path) -> list[Path]:
    """Report files under `folder`; like `gendoc build`, names starting with `_` (set aside),
    `.` (hidden) or `~$` (Excel's lock file) are not reports."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*")
                  if p.suffix.lower() in SUFFIXES and p.is_file()
                  and not any(part.startswith((".", "~$", "_")) for part in p.relative_to(folder).parts))


def _period(raw: dict) -> str:
    return str(raw.get("ky") or "nam").strip().lower()


def _read_report(ws: Workspace, path: Path, shown: str, years: set[int], ky: str) -> Any:
    """The validated report in `path`, or None when it is not a report of `years` and `ky`.

    `read_content` parses a YAML report once (libyaml when it means the same) and locates a
    field's line only when a message needs it; an Excel form names its cells."""
    # kinds.bao_cao loads python-docx: only when reports are read
    from gendoc.kinds.bao_cao import BaoCao

    parsed = read_content(path)
    if parsed is None:
        return None
    raw, locate = parsed
    if not isinstance(raw, dict) or raw.get("loai") != "bao_cao" \
            or raw.get("nam") not in years or _period(raw) != ky:
        return None
    return validate(BaoCao, raw, shown, context={"workspace": ws, "path": path}, where=locate,
                    already_plain=True)


def scan(ws: Workspace, folder: Path, years: set[int], ky: str = "nam") -> dict[int, list[UnitReport]]:
    """Validate every unit report of `years` and period `ky` under `folder`; all problems
    raised together. Reports of other periods (a 6-month report) are not part of it."""
    units = {u.ma: u for u in ws.config.co_quan}
    found: dict[int, list[UnitReport]] = {y: [] for y in years}
    errors: list[str] = []
    seen: dict[tuple[int, str], Path] = {}
    for path in _candidates(folder):
        shown = rel(ws, path)
        try:
            data = _read_report(ws, path, shown, years, ky)
            if data is None:
                continue
            unit = units.get(data.co_quan)
            if unit is None:
                raise ContentError(shown, [FieldProblem(
                    "co_quan", f"không có cơ quan mã '{data.co_quan}' trong gendoc.yaml",
                    where=_line(path, ("co_quan",)), hint="xem danh sách bằng lệnh 'gendoc units'")])
        except GendocError as exc:
            errors.append(exc.format_message())
            continue
        key = (data.nam, data.co_quan)
        if key in seen:
            errors.append(f"{shown}: {unit.ten_day_du or unit.ma} đã có báo cáo năm {data.nam} ở "
                          f"'{rel(ws, seen[key])}' — mỗi đơn vị chỉ một báo cáo mỗi năm; "
                          "xóa hoặc chuyển bản thừa vào thư mục bắt đầu bằng '_'.")
            continue
        seen[key] = path
        found[data.nam].append(UnitReport(unit=unit, path=path, data=data,
                                          submitted=data.submitted))
    if errors:
        raise GendocError(
            f"không tổng hợp được: {len(errors)} báo cáo đơn vị có lỗi (sửa rồi dựng lại; "
            "số liệu tổng hợp không được thiếu đơn vị nào):\n" + "\n".join(f"  • {e}" for e in errors))
    return found


def _line(path: Path, loc: tuple[str, ...]) -> Any:
    """Where a field is in the file (line or cell), read the canonical way: errors only."""
    parsed = read_content(path)
    return parsed[1](loc) if parsed is not None else None


def _build(ws: Workspace, settings: ReportSettings, year: int, reports: list[UnitReport],
           previous: Consolidation | None) -> Consolidation:
    month, day = settings.bao_cao.deadline
    deadline = dt.date(year, month, day)
    order = {u.ma: i for i, u in enumerate(ws.config.co_quan)}
    for report in reports:
        if report.submitted is not None:
            report.days_late = max((report.submitted - deadline).days, 0)
    reports.sort(key=lambda r: order[r.unit.ma])
    for report in reports:  # units named as they were that year (a thị xã later made a city)
        report.unit = report.unit.name_on(deadline)
    units = {u.ma: u for u in ws.config.co_quan}  # a dict: ws.unit() scans the list each time
    expected = [(units.get(code) or ws.unit(code)).name_on(deadline)
                for code in expected_units(ws, settings)]
    codes = {r.unit.ma for r in reports}
    cons = Consolidation(year=year, deadline=deadline, reports=reports, expected=expected,
                         missing=[u for u in expected if u.ma not in codes], previous=previous,
                         _totals=_sum(reports))
    cons.targets = [TargetResult(key, target, cons.metric(target.chi_so))
                    for key, target in settings.muc_tieu.items()]
    return cons


def consolidation_key(ws: Workspace, year: int, folder: str | Path | None = None, *,
                      with_previous: bool = True, ky: str = "nam") -> tuple[Any, ...]:
    """What a consolidation depends on within one build: the workspace, the folder read, the
    year, the period and whether the previous year is included. (Files do not change during a
    build; a cache must not outlive it.)"""
    source = report_folder(ws, report_settings(ws), folder)
    return (str(ws.root.resolve()), str(source.resolve()), year, ky, with_previous)


def consolidate(ws: Workspace, year: int, folder: str | Path | None = None, *,
                with_previous: bool = True, ky: str = "nam",
                cache: MutableMapping[Any, Any] | None = None
                ) -> Consolidation:
    """Consolidate every unit report of `year` (and the year before, for the comparison).

    `folder` defaults to content/<bao_cao.thu_muc> of gendoc.yaml. Raises GendocError listing
    every invalid or duplicate report (a failure is not cached).

    `cache`: a mapping that lives for one build (a plain dict is enough). Every caller that
    passes the same mapping — the consolidated report, its context, press material quoting the
    figures — gets the same `Consolidation` object, computed once; treat it as read-only.
    """
    key = consolidation_key(ws, year, folder, with_previous=with_previous, ky=ky)
    if cache is not None and key in cache:
        return cache[key]
    settings = report_settings(ws)
    source = report_folder(ws, settings, folder)
    years = {year, year - 1} if with_previous else {year}
    found = scan(ws, source, years, ky)
    previous = None
    if with_previous and found[year - 1]:
        previous = _build(ws, settings, year - 1, found[year - 1], None)
    result = _build(ws, settings, year, found[year], previous)
    if cache is not None:
        cache[key] = result
    return result


def unit_share(report: UnitReport, group: str) -> float | None:
    return totals(report.so_lieu, group).ty_le


__all__ = ["Consolidation", "Pair", "TargetResult", "UnitReport", "consolidate", "consolidation_key"]
