"""The findings of a Biên bản kiểm tra, checked against its plan, and each unit's figures.

`minutes(document, bctx)` checks every unit of a biên bản file against the Kế hoạch kiểm tra it
names (the unit is on the schedule, every checklist item has exactly one finding) and reads back
the self-assessment form a unit returned; the Biên bản, the Báo cáo kết quả and the Thông báo
kết luận all read the findings through it. `unit_figures` quotes the unit's annual report from the
build's consolidation (the same cached object the Báo cáo tổng hợp uses).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gendoc.body import Para, Span, parse_inline
from gendoc.document import BuildContext, Document, rel
from gendoc.exceptions import ContentError, FieldProblem
from gendoc.inspections import blocks
from gendoc.inspections.form import TuDanhGia, read_form
from gendoc.inspections.model import LichKiemTra, NoiDungKiemTra
from gendoc.inspections.sources import checklist, plan_of
from gendoc.reports.body import figures_table
from gendoc.reports.consolidation import consolidate


@dataclass
class UnitMinutes:
    """One unit's checked findings, as the Báo cáo and Thông báo consolidate them."""

    entry: Any  # gendoc.kinds.kiem_tra_bien_ban.BienBanDonVi
    visit: LichKiemTra
    items: list[NoiDungKiemTra]
    self_check: dict[str, TuDanhGia]


def _problem(document: Document, loc: tuple[Any, ...], message: str, hint: str) -> ContentError:
    field = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
    return ContentError(document.shown, [FieldProblem(field, message, where=document.line(*loc),
                                                      hint=hint)])


def minutes(document: Document, bctx: BuildContext) -> list[UnitMinutes]:
    """Every unit's findings, checked against the plan's schedule and checklist."""
    plan_doc = plan_of(document, bctx)
    items = checklist(plan_doc, bctx)
    visits = {x.don_vi: x for x in plan_doc.data.lich}
    codes = [i.ma for i in items]
    out = []
    for n, entry in enumerate(document.data.don_vi):
        if entry.don_vi not in visits:
            raise _problem(document, ("don_vi", n, "don_vi"), f"đơn vị '{entry.don_vi}' không có "
                           "trong lịch của kế hoạch kiểm tra", f"các đơn vị: {', '.join(visits)}")
        missing = [c for c in codes if c not in entry.ket_qua]
        unknown = [c for c in entry.ket_qua if c not in codes]
        if missing or unknown:
            what = (f"thiếu kết quả nội dung {', '.join(missing)}" if missing else
                    f"không có nội dung mã {', '.join(unknown)}")
            raise _problem(document, ("don_vi", n, "ket_qua"), what,
                           f"mã các nội dung kiểm tra: {', '.join(codes)}")
        answers: dict[str, TuDanhGia] = {}
        if entry.tu_danh_gia:
            path = (document.path.parent / entry.tu_danh_gia).resolve()
            if not path.is_file():
                raise _problem(document, ("don_vi", n, "tu_danh_gia"), f"không tìm thấy tệp "
                               f"'{entry.tu_danh_gia}'", "đường dẫn tính từ thư mục của biên bản")
            try:
                answers = read_form(path, rel(bctx.ws, path), entry.don_vi, items)
            except ContentError as exc:  # name the minutes' field that points to the form
                raise _problem(document, ("don_vi", n, "tu_danh_gia"), "biểu tự đánh giá có "
                               "lỗi:\n    " + exc.format_message().replace("\n", "\n    "),
                               "sửa biểu của đơn vị rồi dựng lại") from exc
        out.append(UnitMinutes(entry, visits[entry.don_vi], items, answers))
    return out


def unit_figures(bctx: BuildContext, year: int, code: str) -> list[Any]:
    # kinds.bao_cao loads python-docx: only when figures are quoted
    from gendoc.kinds.bao_cao import figures_sentence

    cons = bctx.memo(("consolidation", year, None, "nam"),
                     lambda: consolidate(bctx.ws, year, None, ky="nam"))
    report = next((r for r in cons.reports if r.unit.ma == code), None)
    if report is None:
        return [Para([Span(f"Đơn vị chưa gửi báo cáo năm {year} về Sở Nội vụ.")])]
    when = (f"nhận ngày {blocks.day_text(report.submitted)}" if report.submitted else "chưa ghi "
            "ngày nhận") + (f", trễ {report.days_late} ngày" if report.late else ", đúng hạn")
    return [Para(parse_inline(f"Theo báo cáo năm {year} của đơn vị ({when}): "
                              f"{figures_sentence(report.data)}")), figures_table(report.so_lieu)]
