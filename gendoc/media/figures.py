"""Figures quoted by media briefs, computed from the units' reports (gendoc.reports).

A press release on a year's results must quote the same percentages as the consolidated report
Sở Nội vụ sends to the province, so it does not copy them: `tong_hop: {nam: 2017, chi_tieu: […]}`
in the content file makes gendoc consolidate content/bao-cao/<year>/ at build time, fill the
figures table, and offer the values to the text as `{{ tong_hop.lanh_dao.ty_le }}` (formatted the
way the reports format them: "38,6%", "tăng 2,5 điểm %"). The placeholders are filled by a
regular expression (`gendoc.media.placeholders`), never by a template engine.
"""

from __future__ import annotations

from typing import Any

from pydantic import Field, field_validator

from gendoc.document import rel
from gendoc.exceptions import ContentError, FieldProblem
from gendoc.kinds.official import Strict
from gendoc.media.placeholders import UnknownName, fill, flatten
from gendoc.reports import consolidate
from gendoc.reports.indicators import BY_KEY, PAIRED, TOTAL, group
from gendoc.reports.wording import phan_tram_vn, so, thay_doi
from gendoc.validation import field_name

DEFAULT_GROUPS = ["lanh_dao", "quy_hoach", "bo_nhiem", "dao_tao"]


class TongHop(Strict):
    """Which year's consolidation to quote, and which figures (group or group.row keys)."""

    nam: int = Field(ge=2000, le=2100, description="năm báo cáo, ví dụ 2017")
    chi_tieu: list[str] = Field(default_factory=lambda: list(DEFAULT_GROUPS),
                                description="nhóm số liệu: lanh_dao, quy_hoach, bo_nhiem, dao_tao …")

    @field_validator("chi_tieu")
    @classmethod
    def _known(cls, keys: list[str]) -> list[str]:
        paired = {g.key for g in PAIRED}
        for key in keys:
            group, _, row = key.partition(".")
            if group not in paired:
                raise ValueError(f"không có nhóm số liệu '{group}' — dùng một trong "
                                 f"{', '.join(sorted(paired))}")
            if row and row not in {r.key for r in BY_KEY[group].rows}:
                rows = ", ".join(r.key for r in BY_KEY[group].rows)
                raise ValueError(f"nhóm '{group}' không có dòng '{row}' — các dòng: {rows}")
        return keys


def consolidated(ws: Any, spec: TongHop) -> tuple[list[dict[str, str]], dict[str, Any]]:
    """Rows for the figures table and the `tong_hop` template variable."""
    cons = consolidate(ws, spec.nam)
    rows: list[dict[str, str]] = []
    values: dict[str, Any] = {
        "nam": spec.nam, "so_don_vi": len(cons.reports), "so_don_vi_thieu": len(cons.missing),
        "ty_le_don_vi_co_lanh_dao_nu": phan_tram_vn(cons.ty_le_don_vi_co_lanh_dao_nu),
    }
    for key in spec.chi_tieu:
        group_key, _, row_key = key.partition(".")
        row_key = row_key or TOTAL
        spec_group = group(group_key)
        label = spec_group.title if row_key == TOTAL else spec_group.row(row_key).label
        pair = cons.total(group_key, row_key)
        before = cons.previous.ty_le(group_key, row_key) if cons.previous else None
        entry = {
            "chi_tieu": f"{label} — tỷ lệ nữ", "gia_tri": phan_tram_vn(pair.ty_le),
            "so_sanh": phan_tram_vn(before), "nhan_so_sanh": f"Năm {spec.nam - 1}",
            "thay_doi": thay_doi(cons.change(group_key, row_key)),
        }
        rows.append(entry)
        view = {"ty_le": entry["gia_tri"], "tong": so(pair.tong), "nu": so(pair.nu),
                "nam_truoc": entry["so_sanh"], "thay_doi": entry["thay_doi"], "ten": label}
        slot = values.setdefault(group_key, {})
        if row_key == TOTAL:
            slot.update(view)
        else:
            slot[row_key] = view
    return rows, values


def fill_text(ws: Any, doc: Any, text: str, values: dict[str, Any], loc: tuple, *,
              name: str = "tong_hop") -> str:
    """Replace `{{ tong_hop.… }}` placeholders in one content string (`gendoc.media.placeholders`).

    `name` is the namespace the values are offered under (a decision offers its list counts as
    `danh_sach`). An unknown name is a ContentError naming the file, line and field.
    """
    try:
        return fill(text, flatten({name: values}), (name,))
    except UnknownName as exc:
        line = token_line(doc.path, exc.token, doc.line(*loc))
        raise ContentError(rel(ws, doc.path), [FieldProblem(
            field_name(loc), str(exc), where=line)]) from None


def token_line(path: Any, token: str, start: int | None, reach: int = 60) -> int | None:
    """The line where `token` is written, searching from the field's own line (a paragraph
    folded over several lines starts above its placeholder); the field's line otherwise."""
    if start is None:
        return None
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError, AttributeError):
        return start
    for number in range(start, min(start + reach, len(lines)) + 1):
        if token in lines[number - 1]:
            return number
    return start


class Filler:
    """`{{ tong_hop.… }}` filling for one document: the figures computed once, then any field."""

    def __init__(self, ws: Any, source: Any, spec: TongHop | None) -> None:
        self.ws, self.source = ws, source
        self.rows, self.values = consolidated(ws, spec) if spec else ([], {})
        if spec and not self.values["so_don_vi"]:
            raise ContentError(rel(ws, source.path), [FieldProblem(
                "tong_hop.nam", f"chưa có báo cáo nào của năm {spec.nam} để lấy số liệu",
                where=source.line("tong_hop", "nam"),
                hint="kiểm tra năm, hoặc đặt báo cáo của các đơn vị vào thư mục báo cáo "
                     "(mục bao_cao của gendoc.yaml)")])

    def __call__(self, text: str, *loc: str | int) -> str:
        return fill_text(self.ws, self.source, text, self.values, loc)
