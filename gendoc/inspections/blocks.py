"""Body blocks the inspection documents share: team list, schedule, checklist, citations.

Each returns `gendoc.body` blocks (paragraphs, tables) or plain text, so any kind can place them
in its body or an annex; the two-column signature block is drawn by
`gendoc.inspections.templates` and filled by `signatures()`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from gendoc import nd30
from gendoc.body import Para, Span, Table, parse_inline
from gendoc.inspections.model import VAI_TRO, LichKiemTra, NoiDungKiemTra, ThanhVien
from gendoc.kinds.official import HO_TEN_MAU, symbol
from gendoc.vi.dates import ngay_thang_nam
from gendoc.vi.formats import roman, so_van_ban
from gendoc.workspace import Workspace

DAT, CHUA_DAT = "Đạt", "Chưa đạt"
ROLE_ORDER = tuple(VAI_TRO)


def ordered_team(doan: list[ThanhVien]) -> list[ThanhVien]:
    """Head first, then deputies, members, secretary (each group in the order written)."""
    return sorted(doan, key=lambda m: ROLE_ORDER.index(m.vai_tro))


def head_of(doan: list[ThanhVien]) -> ThanhVien:
    return ordered_team(doan)[0]


def team_table(doan: list[ThanhVien], title: str | None = None) -> Table:
    """TT | Họ và tên | Chức vụ, đơn vị công tác | Nhiệm vụ trong Đoàn."""
    rows = [[str(i), m.ho_ten, m.chuc_vu, VAI_TRO[m.vai_tro]]
            for i, m in enumerate(ordered_team(doan), 1)]
    return Table(header=["TT", "Họ và tên", "Chức vụ, đơn vị công tác", "Nhiệm vụ trong Đoàn"],
                 rows=rows, widths=[1, 4.2, 7, 3.3], align=["giua", "trai", "trai", "trai"],
                 title=title)


def team_lines(doan: list[ThanhVien]) -> list[Para]:
    """"- Ông (bà) …" lines: name, position — role."""
    return [Para([Span(f"- {m.ho_ten}, {m.chuc_vu} — {VAI_TRO[m.vai_tro]};")])
            for m in ordered_team(doan)]


def unit_name(ws: Workspace, code: str) -> str:
    unit = ws.unit(code)
    return unit.full_name


def place_of(ws: Workspace, item: LichKiemTra) -> str:
    return item.dia_diem or f"Trụ sở {unit_name(ws, item.don_vi)}"


def day_text(value: dt.date) -> str:
    return f"{value.day:02d}/{value.month:02d}/{value.year}"


def schedule_table(ws: Workspace, lich: list[LichKiemTra]) -> Table:
    """TT | Đơn vị được kiểm tra | Thời gian | Địa điểm."""
    rows = [[str(i), unit_name(ws, x.don_vi), f"{x.buoi} ngày {day_text(x.ngay)}",
             place_of(ws, x)] for i, x in enumerate(lich, 1)]
    return Table(header=["TT", "Đơn vị được kiểm tra", "Thời gian", "Địa điểm"], rows=rows,
                 widths=[1, 6, 4, 5], align=["giua", "trai", "giua", "trai"])


def checklist_paras(items: list[NoiDungKiemTra], *, points: bool = True) -> list[Para]:
    """"1. <item>" then "- <point>" lines: the inspection content, or the report outline."""
    paras: list[Para] = []
    for i, item in enumerate(items, 1):
        paras.append(Para([Span(f"{i}. "), *parse_inline(item.noi_dung.rstrip(".") + ".")]))
        if points:
            paras.extend(Para([Span("- "), *parse_inline(p)]) for p in item.cau_hoi)
    return paras


def findings_table(rows: list[list[str]], with_self: bool) -> Table:
    """TT | Nội dung kiểm tra | [Đơn vị tự đánh giá] | Kết quả | Nhận xét."""
    header = ["TT", "Nội dung kiểm tra", "Kết quả", "Nhận xét của Đoàn kiểm tra"]
    widths, align = [1, 6, 2.2, 6.8], ["giua", "trai", "giua", "trai"]
    if with_self:
        header.insert(2, "Đơn vị tự đánh giá")
        widths, align = [1, 5, 2.2, 2.2, 5.6], ["giua", "trai", "giua", "giua", "trai"]
    return Table(header=header, rows=rows, widths=widths, align=align)


def citation(data: Any, ws: Workspace, ten_loai: str, viet_tat: str) -> str:
    """"Kế hoạch số 15/KH-SNV ngày 20 tháng 9 năm 2018 của Sở Nội vụ" (blanks stay blank)."""
    unit = ws.unit(data.co_quan)
    number = so_van_ban(data.so) if data.so else nd30.PLACEHOLDER
    ngay = ngay_thang_nam(data.ngay, nd30.PLACEHOLDER)
    issuer = unit.full_name
    return f"{ten_loai} số {number}/{symbol(data, unit, viet_tat)} {ngay} của {issuer}"


def signatures(left: tuple[list[str], str, str | None],
               right: tuple[list[str], str, str | None]) -> dict[str, Any]:
    """Template variables of the two signature columns: (capacity lines, title, name) each."""
    ctx: dict[str, Any] = {}
    tallest = max(len(left[0]), len(right[0]))
    for side, (lines, title, name) in (("trai", left), ("phai", right)):
        ctx[f"ky_{side}_quyen_han"] = [line.upper() for line in lines]
        ctx[f"ky_{side}_chuc_vu"] = title.upper()
        ctx[f"ky_{side}_dem"] = [""] * (tallest - len(lines))  # names level with each other
        ctx[f"ky_{side}_ho_ten"] = name or HO_TEN_MAU
    return ctx


def heading(number: int, title: str) -> Para:
    """A generated section heading: "II. NỘI DUNG KIỂM TRA" (bold, roman numeral)."""
    return Para([Span(f"{roman(number)}. {title.upper()}", bold=True)])
