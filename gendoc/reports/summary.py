"""The body of the consolidated report: sentences, tables and charts built from a Consolidation.

Wording follows the reports Sở Nội vụ actually sends: the reporting situation first (who
reported, who was late, who did not report), then each indicator with the province figure, its
share of women and its change against the previous year, a table with one row per unit and a
total row, then the target comparison ("Đạt" / "Chưa đạt") and the charts.
"""

from __future__ import annotations

from pathlib import Path

from gendoc.body import Image, Muc, Para, Span, Table
from gendoc.reports.body import Holder
from gendoc.reports.consolidation import Consolidation
from gendoc.reports.indicators import HOAT_DONG, LANH_DAO, PAIRED, Group
from gendoc.reports.model import has_key_woman_leader, totals
from gendoc.reports.wording import cap, chenh_lech, phan_tram_vn, so, thay_doi, ty_le
from gendoc.vi.dates import ngay_thang_nam


def _name(unit) -> str:  # noqa: ANN001 - CoQuan
    return unit.ten_day_du or unit.ma


def situation(cons: Consolidation) -> list[str]:
    """Who reported, who was late (with the date received), who did not report."""
    expected = len(cons.expected)
    reported = cons.so_da_bao_cao
    deadline = ngay_thang_nam(cons.deadline)
    lines = [f"Đến nay, Sở Nội vụ đã nhận báo cáo của {so(reported)}/{so(expected)} cơ quan, "
             f"đơn vị, địa phương phải báo cáo (đạt {phan_tram_vn(cons.ty_le_bao_cao)})."
             if expected else f"Sở Nội vụ đã nhận báo cáo của {so(len(cons.reports))} cơ quan, "
                              "đơn vị, địa phương."]
    if cons.late:
        items = "; ".join(f"{_name(r.unit)} (nhận {r.submitted:%d/%m/%Y}, chậm {so(r.days_late)} ngày)"
                          for r in cons.late)
        lines.append(f"Báo cáo gửi sau hạn {deadline}: {items}.")
    else:
        lines.append(f"Các báo cáo đều gửi đúng hạn {deadline}.")
    if cons.undated:
        lines.append("Chưa xác định được ngày gửi (báo cáo chưa ghi đủ ngày, tháng): "
                     + "; ".join(_name(r.unit) for r in cons.undated) + ".")
    if cons.missing:
        lines.append(f"Chưa gửi báo cáo ({so(len(cons.missing))} cơ quan, đơn vị): "
                     + "; ".join(_name(u) for u in cons.missing) + ".")
    return lines


def _trend(cons: Consolidation, group: str) -> str:
    delta = cons.change(group)
    if delta is None or cons.previous is None:
        return ""
    return f", {thay_doi(delta)} so với năm {cons.previous.year}"


def indicator_sentence(cons: Consolidation, spec: Group) -> str:
    total = cons.total(spec.key)
    return f"{cap(total, 'Toàn tỉnh có ' + spec.short)}{_trend(cons, spec.key)}."


def unit_table(cons: Consolidation, spec: Group) -> Table:
    """One row per reporting unit and a bold total row; leaders get the key-leadership column."""
    leaders = spec.key == LANH_DAO.key
    header = ["STT", "Cơ quan, đơn vị", "Tổng số (người)", "Trong đó nữ (người)", "Tỷ lệ nữ (%)"]
    widths = [1.2, 7.2, 2.4, 2.4, 2.0]
    if leaders:
        header.append("Lãnh đạo đơn vị có nữ")
        widths = [1.2, 5.6, 2.2, 2.2, 1.9, 2.1]
    rows = []
    for index, report in enumerate(cons.reports, start=1):
        pair = totals(report.so_lieu, spec.key)
        row = [str(index), _name(report.unit), so(pair.tong), so(pair.nu), ty_le(pair.ty_le)]
        if leaders:
            row.append("Có" if has_key_woman_leader(report.so_lieu) else "Không")
        rows.append(row)
    total = cons.total(spec.key)
    last = ["", "Tổng cộng", so(total.tong), so(total.nu), ty_le(total.ty_le)]
    if leaders:
        with_woman = sum(1 for r in cons.reports if has_key_woman_leader(r.so_lieu))
        last.append(f"{so(with_woman)}/{so(len(cons.reports))}")
    rows.append(last)
    align = ["giua", "trai", "phai", "phai", "phai"] + (["giua"] if leaders else [])
    return Table(header=header, rows=rows, widths=widths, align=align, bold_last_row=True)


def province_table(cons: Consolidation) -> Table:
    """Every indicator row for the province, with last year's share and the change."""
    prev = cons.previous
    header = ["STT", "Chỉ tiêu", "Tổng số", "Nữ", "Tỷ lệ nữ (%)"]
    widths = [1.4, 6.4, 2.0, 2.0, 1.8]
    if prev is not None:
        header += [f"Tỷ lệ nữ năm {prev.year} (%)", "Tăng/giảm (điểm %)"]
        widths = [1.4, 4.8, 1.8, 1.6, 1.6, 1.8, 1.8]
    rows = []
    for index, spec in enumerate(PAIRED, start=1):
        for row_key, label, number in [("tong", f"**{spec.title}**", f"**{index}**"),
                                       *[(r.key, f"- {r.label}", "") for r in spec.rows]]:
            pair = cons.total(spec.key, row_key)
            bold = row_key == "tong"
            cells = [so(pair.tong), so(pair.nu), ty_le(pair.ty_le)]
            if prev is not None:
                cells += [ty_le(prev.ty_le(spec.key, row_key)), chenh_lech(cons.change(spec.key, row_key))]
            rows.append([number, label, *(f"**{c}**" if bold else c for c in cells)])
    align = ["giua", "trai"] + ["phai"] * (len(header) - 2)
    return Table(header=header, rows=rows, widths=widths, align=align)


def targets_table(cons: Consolidation) -> Table | None:
    if not cons.targets:
        return None
    rows = []
    for index, result in enumerate(cons.targets, start=1):
        t = result.target
        wanted = ("≥ " if t.so_sanh == ">=" else "≤ ") + ty_le(t.chi_tieu)
        verdict = {True: "Đạt", False: "Chưa đạt", None: "Chưa có số liệu"}[result.met]
        name = t.ten + (f" (đến năm {t.nam})" if t.nam else "")
        rows.append([str(index), name, wanted, ty_le(result.value), verdict])
    return Table(header=["STT", "Chỉ tiêu", "Chỉ tiêu (%)", "Kết quả (%)", "Đánh giá"],
                 rows=rows, widths=[1.2, 7.4, 2.2, 2.2, 2.2],
                 align=["giua", "trai", "giua", "giua", "giua"])


def activities_sentence(cons: Consolidation) -> str:
    t = {row.key: cons.total(HOAT_DONG.key, row.key) for row in HOAT_DONG.rows}
    return (f"Trong năm {cons.year}, các cơ quan, đơn vị, địa phương đã tổ chức "
            f"{so(t['tuyen_truyen'])} cuộc tuyên truyền, phổ biến về bình đẳng giới với "
            f"{so(t['luot_tuyen_truyen'])} lượt người tham dự; {so(t['tap_huan'])} lớp tập huấn, "
            f"bồi dưỡng với {so(t['luot_tap_huan'])} lượt người; {so(t['kiem_tra'])} cuộc kiểm tra, "
            "giám sát việc thực hiện công tác cán bộ nữ.")


def target_sentence(cons: Consolidation) -> str:
    met = sum(1 for r in cons.targets if r.met)
    return (f"So với các chỉ tiêu của Kế hoạch, có {so(met)}/{so(len(cons.targets))} chỉ tiêu "
            "đạt, cụ thể như sau:")


def _pictures(holder: Holder, chart: tuple[Path, str] | None) -> list[str]:
    """A chart and its caption (a centred body paragraph, not Image.caption, so it keeps ND30
    paragraph spacing before the next item)."""
    if chart is None:
        return []
    path, caption = chart
    return [holder.mark(Image(path=path, width_cm=16.0)),
            holder.mark(Para([Span(caption, italic=True)], role="tieu_de_giua"))]


def annex_title(spec: Group) -> str:
    return f"{spec.title} theo cơ quan, đơn vị"


def results(cons: Consolidation, holder: Holder, charts: dict[str, tuple[Path, str]],
            annexes: dict[str, str] | None = None) -> list[Muc]:
    """Section "Kết quả thực hiện": activities, the province overview (with chart 1), an item
    per indicator (chart 2 after the planning pool), the targets.

    `annexes` maps a group to its annex label ("Phụ lục II") when the per-unit tables are
    printed as annexes after the signature; otherwise they stand in the body."""
    items = [Muc(tieu_de="Công tác tuyên truyền, tập huấn, kiểm tra",
                 doan=[activities_sentence(cons)])]
    overview = ["Tổng hợp số liệu nữ cán bộ, công chức, viên chức toàn tỉnh"
                + (f" và so sánh với năm {cons.previous.year}" if cons.previous else "") + ":",
                holder.mark(province_table(cons)), *_pictures(holder, charts.get("tong_hop"))]
    items.append(Muc(tieu_de="Tổng hợp chung", doan=overview))
    for spec in PAIRED:
        if annexes:
            sentence = indicator_sentence(cons, spec)[:-1] + f" (chi tiết tại {annexes[spec.key]})."
            doan = [sentence]
        else:
            doan = [indicator_sentence(cons, spec), holder.mark(unit_table(cons, spec))]
        doan += _pictures(holder, charts.get(spec.key))
        items.append(Muc(tieu_de=spec.title, doan=doan))
    table = targets_table(cons)
    if table is not None:
        items.append(Muc(tieu_de="Kết quả so với chỉ tiêu",
                         doan=[target_sentence(cons), holder.mark(table)]))
    return items
