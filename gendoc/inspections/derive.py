"""What the workspace proposes for an inspection: the checklist and the units to inspect.

- The checklist comes from the provincial plan: each task of "NHIỆM VỤ VÀ GIẢI PHÁP" is one item
  (its points are what the unit reports on), then the two duties "TỔ CHỨC THỰC HIỆN" gives every
  department and district — write and send an implementation plan, report every year.
- The units come from the same data as `gendoc status` and the consolidation: a plan not issued
  or issued late, a report missing or late, a target of gendoc.yaml the unit's own figures do not
  meet. Units with the most reasons come first (ties: the order of gendoc.yaml).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gendoc.exceptions import GendocError
from gendoc.inspections.model import NoiDungKiemTra
from gendoc.plans.derive import load_source
from gendoc.plans.status import CHUA_CO, DU_THAO, TEP_LOI, collect, find_source
from gendoc.plans.tasks import REPORT_WHEN, SUBMISSION, first_text
from gendoc.reports.config import report_settings
from gendoc.reports.consolidation import consolidate
from gendoc.reports.indicators import TOTAL
from gendoc.reports.model import has_key_woman_leader, value
from gendoc.reports.wording import phan_tram_vn
from gendoc.units import CoQuan
from gendoc.workspace import Workspace

_TASKS = re.compile(r"nhiệm vụ", re.IGNORECASE)
_ORG = re.compile(r"tổ chức thực hiện", re.IGNORECASE)
PLAN_ITEM = "Xây dựng, ban hành và gửi kế hoạch triển khai thực hiện"
REPORT_ITEM = "Thực hiện chế độ thông tin, báo cáo"


def checklist_from_plan(ws: Workspace, path: Path) -> list[NoiDungKiemTra]:
    """Checklist items, numbered 1, 2 … in the plan's order (see the module docstring)."""
    source = load_source(ws, path)
    items: list[NoiDungKiemTra] = []
    org = None
    for section in source.data.noi_dung:
        title = section.tieu_de or ""
        if _ORG.search(title):
            org = section
        elif _TASKS.search(title):
            for task in section.muc:
                items.append(NoiDungKiemTra(ma=str(len(items) + 1), noi_dung=first_text(task),
                                            cau_hoi=[first_text(p) for p in task.muc]))
    duties = [first_text(d) for item in (org.muc if org else []) for d in [item, *item.muc]]
    plan_duty = next((d for d in duties if SUBMISSION.search(d)), None)
    report_duty = next((d for d in duties if REPORT_WHEN.search(d) and "báo cáo" in d.lower()),
                       None)
    for title, duty in ((PLAN_ITEM, plan_duty), (REPORT_ITEM, report_duty)):
        if duty is not None:
            items.append(NoiDungKiemTra(ma=str(len(items) + 1), noi_dung=title, cau_hoi=[duty]))
    if not items:
        raise GendocError(f"không tìm thấy nhiệm vụ nào trong '{source.rel}' (mục «NHIỆM VỤ VÀ "
                          "GIẢI PHÁP») — ghi danh mục 'noi_dung_kiem_tra' trong kế hoạch kiểm tra.")
    return items


@dataclass
class Candidate:
    unit: CoQuan
    reasons: list[str] = field(default_factory=list)


def plan_reasons(ws: Workspace, source: Path | None) -> dict[str, list[str]]:
    """Unit code → why its implementation plan calls for an inspection (`gendoc status`)."""
    try:
        report = collect(ws, find_source(ws, source), None)
    except GendocError:
        return {}
    wording = {CHUA_CO: "chưa ban hành kế hoạch triển khai thực hiện",
               DU_THAO: "kế hoạch triển khai thực hiện còn là dự thảo (chưa số, ngày)",
               TEP_LOI: "kế hoạch triển khai thực hiện có lỗi, chưa hoàn chỉnh"}
    out: dict[str, list[str]] = {}
    for row in report.rows:
        if row.tinh_trang in wording:
            out[row.unit.ma] = [wording[row.tinh_trang]]
        elif row.han.startswith("Trễ"):
            out[row.unit.ma] = [f"ban hành kế hoạch triển khai thực hiện trễ hạn "
                                f"{row.han.removeprefix('Trễ ')}"]
    return out


def report_reasons(ws: Workspace, year: int) -> tuple[list[CoQuan], dict[str, list[str]]]:
    """The units that must report, and why each one's report of `year` calls for an inspection."""
    cons = consolidate(ws, year, with_previous=False)
    targets = report_settings(ws).muc_tieu.values()
    out: dict[str, list[str]] = {u.ma: [f"chưa gửi báo cáo năm {year}"] for u in cons.missing}
    for report in cons.reports:
        reasons = out.setdefault(report.unit.ma, [])
        if report.late:
            reasons.append(f"gửi báo cáo năm {year} trễ {report.days_late} ngày")
        for target in targets:
            value = unit_metric(report.so_lieu, target.chi_so)
            if target.met(value) is False:
                reasons.append(f"{target.ten[:1].lower()}{target.ten[1:]} đạt "
                               f"{phan_tram_vn(value)}, chưa đạt chỉ tiêu "
                               f"{phan_tram_vn(target.chi_tieu).replace(',0%', '%')}")
    return cons.expected, out


def unit_metric(so_lieu: Any, metric: str) -> float | None:
    """A target's metric for one unit: its share of women, or 100/0 for a woman leader."""
    if metric == "don_vi_co_lanh_dao_nu":
        return 100.0 if has_key_woman_leader(so_lieu) else 0.0
    parts = metric.split(".")
    return value(so_lieu, parts[1], parts[2] if len(parts) > 2 else TOTAL).ty_le


def propose_units(ws: Workspace, year: int, count: int, *, exclude: tuple[str, ...] = (),
                  source: Path | None = None) -> list[Candidate]:
    """The `count` units with the most reasons to be inspected about `year`."""
    expected, by_report = report_reasons(ws, year)
    by_plan = plan_reasons(ws, source)
    order = {u.ma: i for i, u in enumerate(ws.config.co_quan)}
    found = [Candidate(u, by_plan.get(u.ma, []) + by_report.get(u.ma, []))
             for u in expected if u.ma not in exclude]
    found = [c for c in found if c.reasons]
    found.sort(key=lambda c: (-len(c.reasons), order[c.unit.ma]))
    return found[:count]
