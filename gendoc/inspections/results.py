"""The findings of every biên bản, per checklist item: who met it, who must correct what.

The Báo cáo kết quả and the Thông báo kết luận both quote this, so they never disagree with the
biên bản or with each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gendoc.body import Table
from gendoc.document import BuildContext, Document
from gendoc.inspections import blocks
from gendoc.inspections.minutes import minutes
from gendoc.inspections.model import NoiDungKiemTra
from gendoc.inspections.sources import minutes_of, plan_of


@dataclass
class ItemResult:
    item: NoiDungKiemTra
    met: list[str] = field(default_factory=list)  # unit names
    not_met: list[tuple[str, str, str]] = field(default_factory=list)  # (unit, remark, fix)


@dataclass
class Results:
    plan: Any  # the KeHoachKiemTra
    units: list[str]  # names, in the order of the biên bản
    items: list[ItemResult]

    def fixes_of(self, unit: str) -> list[str]:
        return [fix for r in self.items for name, _, fix in r.not_met if name == unit]


def results(document: Document, bctx: BuildContext) -> Results:
    """The consolidated findings of the biên bản a report or notice names (`bien_ban:`)."""
    source = minutes_of(document, bctx)
    found = minutes(source, bctx)
    units = [blocks.unit_name(bctx.ws, m.entry.don_vi) for m in found]
    items = [ItemResult(item) for item in (found[0].items if found else [])]
    for name, unit in zip(units, found, strict=True):
        for result in items:
            finding = unit.entry.ket_qua[result.item.ma]
            if finding.dat:
                result.met.append(name)
            else:
                result.not_met.append((name, finding.nhan_xet, str(finding.khac_phuc)))
    return Results(plan_of(source, bctx).data, units, items)


def summary_table(res: Results) -> Table:
    """TT | Nội dung kiểm tra | Đơn vị đạt | Đơn vị chưa đạt."""
    rows = [[str(i), r.item.noi_dung, "; ".join(r.met) or "-",
             "; ".join(name for name, _, _ in r.not_met) or "-"]
            for i, r in enumerate(res.items, 1)]
    return Table(header=["TT", "Nội dung kiểm tra", "Đơn vị đạt", "Đơn vị chưa đạt"], rows=rows,
                 widths=[1, 7, 4, 4], align=["giua", "trai", "trai", "trai"])


def corrections_table(res: Results, deadline: str) -> Table:
    """TT | Đơn vị | Nội dung phải khắc phục | Thời hạn."""
    rows = [[str(i), unit, "; ".join(res.fixes_of(unit)), deadline]
            for i, unit in enumerate([u for u in res.units if res.fixes_of(u)], 1)]
    return Table(header=["TT", "Đơn vị", "Nội dung phải khắc phục", "Thời hạn"], rows=rows,
                 widths=[1, 4, 8.5, 2.5], align=["giua", "trai", "trai", "giua"])


def period(res: Results) -> str:
    days = [x.ngay for x in res.plan.lich]
    return f"từ ngày {blocks.day_text(min(days))} đến ngày {blocks.day_text(max(days))}"
