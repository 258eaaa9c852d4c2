"""`gendoc new bao_cao --unit MÃ --year 2017 [--xlsx]`: a blank report for each unit.

Without --xlsx it writes a YAML skeleton whose figures are empty (`{tong: , nu: }`), so a unit
that forgets one gets "chưa điền số liệu" at that line instead of a silent zero; with --xlsx the
Excel form (`gendoc.reports.form`). Both are prefilled with what gendoc already knows about the
unit (name, signer's title, the usual recipients). Files go to content/<thu_muc>/<năm>/<mã>.*.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from gendoc.exceptions import GendocError
from gendoc.province import Province
from gendoc.reports.config import expected_units, report_settings
from gendoc.reports.indicators import GROUPS
from gendoc.units import CoQuan
from gendoc.workspace import Workspace
from gendoc.writer import atomic_write


def default_title(year: int) -> str:
    return ("Kết quả thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, công chức, "
            f"viên chức năm {year}")


def addressee(ws: Workspace | None) -> str:
    """Where reports go: the workspace's Sở Nội vụ of its province ("Sở Nội vụ tỉnh An Giang")."""
    if ws is None:
        return "Sở Nội vụ"

    province = Province(ws)
    home = province.home_affairs
    name = home.full_name if home else "Sở Nội vụ"
    return name if province.name is None or province.name in name else f"{name} {province.of()}"


def prefill(unit: CoQuan, year: int, ws: Workspace | None = None) -> dict[tuple[str, ...], Any]:
    """What the form/skeleton starts with; the unit edits what differs."""
    quyen_han = [f"TM. {unit.tap_the}"] if unit.tap_the else []
    return {
        ("co_quan",): unit.ma,
        ("nam",): year,
        ("ky",): "nam",
        ("trich_yeu",): default_title(year),
        ("kinh_gui",): addressee(ws),
        ("nguoi_ky", "quyen_han"): "\n".join(quyen_han) or None,
        ("nguoi_ky", "chuc_vu"): unit.chuc_vu_thu_truong,
        ("noi_nhan",): "Như trên",
        ("luu",): "VT",
    }


def _q(text: Any) -> str:
    """A YAML double-quoted scalar (safe for any text a registry holds)."""
    return '"' + str(text).replace("\\", "\\\\").replace('"', '\\"') + '"'


def yaml_skeleton(unit: CoQuan, year: int, ws: Workspace | None = None) -> str:
    values = prefill(unit, year, ws)
    lines = [
        f"# Báo cáo năm {year} của {unit.ten_day_du or unit.ma} — điền số liệu và nội dung rồi chạy",
        "# 'gendoc build'. Số liệu để trống sẽ bị báo lỗi 'chưa điền số liệu' (không có thì ghi 0).",
        "loai: bao_cao",
        f"co_quan: {unit.ma}",
        "so:               # số văn bản (để trống nếu chưa cấp)",
        f"ngay:             # ngày ký, ví dụ {year}-11-10",
        f"nam: {year}",
        "ky: nam",
        f"trich_yeu: {_q(values[('trich_yeu',)])}",
        f"kinh_gui: {_q(values[('kinh_gui',)])}",
        "mo_dau: >-",
        "  (Đoạn mở đầu: căn cứ, mục đích của báo cáo.)",
        "",
        "so_lieu:",
    ]
    for spec in GROUPS:
        lines.append(f"  {spec.key}:    # {spec.title}" + (f" ({spec.unit})" if spec.unit else ""))
        for row in spec.rows:
            value = "{tong: , nu: }" if spec.paired else ""
            lines.append(f"    {row.key}: {value}    # {row.label}")
    lines += [
        "",
        "ket_qua:          # kết quả khác (mỗi ý một dòng bắt đầu bằng '- ')",
        "han_che:          # hạn chế và nguyên nhân",
        "kien_nghi:",
        "de_xuat:",
        "",
        "nguoi_ky:",
    ]
    quyen_han = values[("nguoi_ky", "quyen_han")]
    lines.append(f"  quyen_han: {_q(quyen_han)}" if quyen_han else "  quyen_han: []")
    lines += [
        f"  chuc_vu: {_q(values[('nguoi_ky', 'chuc_vu')] or 'GIÁM ĐỐC')}",
        "  ho_ten:",
        "noi_nhan:",
        "  - Như trên",
        "luu: VT",
        "",
    ]
    return "\n".join(lines)


def scaffold(ws: Workspace, options: Any) -> list[Path]:
    """Write one blank report per requested unit; refuses to overwrite without --force."""
    settings = report_settings(ws)
    year = options.year or dt.date.today().year
    codes = list(options.units) or (expected_units(ws, settings) if options.all_units else [])
    if not codes:
        raise GendocError("chưa chọn đơn vị — thêm --unit MÃ (xem 'gendoc units') hoặc --all-units.")
    units = [ws.unit(code) for code in codes]
    suffix = ".xlsx" if options.xlsx else ".yaml"
    folder = ws.content_dir / settings.bao_cao.thu_muc / str(year)
    targets = []
    for unit in units:
        target = folder / f"{unit.ma}{suffix}"
        if options.output is not None:
            out = Path(options.output)
            target = out / target.name if (len(units) > 1 or out.is_dir()) else out
        if target.exists() and not options.force:
            raise GendocError(f"tệp '{target}' đã có — thêm --force để ghi đè.")
        targets.append((unit, target))
    written = []
    for unit, target in targets:
        if options.xlsx:
            # form_style imports openpyxl: only when a form is written
            from gendoc.reports.form_style import write_form

            write_form(target, unit=unit, year=year, prefill=prefill(unit, year, ws))
        else:
            atomic_write(target, yaml_skeleton(unit, year, ws).encode("utf-8"))
        written.append(target)
    return written
