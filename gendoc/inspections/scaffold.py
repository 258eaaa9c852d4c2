"""`gendoc new kiem_tra_…`: start an inspection from the workspace.

- `gendoc new kiem_tra_ke_hoach [--year 2017] [--unit MÃ …] [--from KẾ-HOẠCH-TỈNH]` writes a plan
  whose units are proposed from the workspace (or the ones given), with the reasons, a schedule
  of one working day per unit to adjust, the checklist derived from the provincial plan and a
  team to fill in.
- `gendoc new kiem_tra_bien_ban [--from KẾ-HOẠCH-KIỂM-TRA]` writes a biên bản with every
  scheduled unit and checklist item, the plan and report items pre-judged from the workspace.
- The other kinds start from the worked example of content/kiem-tra/ (comments included); with
  --from, the copy names the given plan (or biên bản) instead.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gendoc.document import BuildContext, discover, load_document, new_content_path
from gendoc.exceptions import GendocError
from gendoc.inspections.derive import (
    PLAN_ITEM,
    REPORT_ITEM,
    plan_reasons,
    propose_units,
    report_reasons,
)
from gendoc.inspections.sources import checklist
from gendoc.plans.status import find_source, raw_mapping
from gendoc.plans.yamlout import Comment, dump
from gendoc.workspace import Workspace, example_dir
from gendoc.writer import atomic_write

FOLDER = Path("content") / "kiem-tra"
PROPOSED = 4  # units proposed when none is given
ISSUER = "so-noi-vu"  # Kế hoạch III.2.d: Sở Nội vụ inspects


def _target(ws: Workspace, opts: Any, name: str) -> Path:
    return new_content_path(ws.root / FOLDER, name, opts.output, opts.force)


def working_days(start: dt.date, count: int) -> list[dt.date]:
    days: list[dt.date] = []
    day = start
    while len(days) < count:
        if day.weekday() < 5:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def plan_data(ws: Workspace, year: int, units: list[str], source: Path | None) -> dict[str, Any]:
    """The content of a new inspection plan (see the module docstring)."""
    plan = find_source(ws, source)
    issuer = ISSUER if ISSUER in {u.ma for u in ws.config.co_quan} else ws.config.co_quan[0].ma
    found = propose_units(ws, year, len(units) or PROPOSED, exclude=(issuer,), source=plan)
    why = {c.unit.ma: c.reasons for c in found}
    chosen = units or [c.unit.ma for c in found]
    if not chosen:
        raise GendocError(f"không có đơn vị nào để đề xuất kiểm tra năm {year} — chỉ rõ bằng --unit.")
    days = working_days(dt.date(year + 1, 10, 1), len(chosen))
    return {
        "loai": "kiem_tra_ke_hoach", "co_quan": issuer, "so": None, "ngay": f"{year + 1}-09",
        "trich_yeu": "Kiểm tra việc thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán "
                     f"bộ, công chức, viên chức năm {year}",
        "nam": year,
        "muc_dich": ["Đánh giá kết quả thực hiện Kế hoạch của Ủy ban nhân dân tỉnh tại các cơ "
                     "quan, đơn vị; kịp thời chấn chỉnh những hạn chế, thiếu sót."],
        "ke_hoach_goc": plan.resolve().relative_to(ws.root.resolve()).as_posix(),
        "lich": [Comment("Đơn vị đề xuất từ số liệu của thư mục (gendoc status, báo cáo năm); "
                         "sửa ngày, buổi, địa điểm theo lịch thực tế.")]
        + [{"don_vi": code, "ngay": day.isoformat(), "buoi": "Sáng",
            **({"ly_do": why[code]} if why.get(code) else {})}
           for code, day in zip(chosen, days, strict=True)],
        "doan": [Comment("Ghi họ tên, chức vụ thật của các thành viên Đoàn.")]
        + [{"ho_ten": "Họ và tên", "chuc_vu": "Chức vụ, đơn vị", "vai_tro": role}
           for role in ("truong_doan", "thanh_vien", "thu_ky")],
        "han_bao_cao": (days[0] - dt.timedelta(days=7)).isoformat(),
        "nguoi_ky": {"quyen_han": [], "chuc_vu": "GIÁM ĐỐC", "ho_ten": None},
        "noi_nhan": ["Ủy ban nhân dân tỉnh (b/c)", "Các đơn vị được kiểm tra",
                     "Thành viên Đoàn kiểm tra"],
        "luu": "VT, CCVC",
    }


def plan_scaffold(ws: Workspace, opts: Any) -> list[Path]:
    year = opts.year or dt.date.today().year - 1
    data = plan_data(ws, year, list(opts.units), opts.source)
    target = _target(ws, opts, f"ke-hoach-kiem-tra-{year + 1}.yaml")
    text = dump(data, ["Kế hoạch kiểm tra do 'gendoc new kiem_tra_ke_hoach' dựng từ thư mục làm "
                       "việc.", "Danh mục nội dung kiểm tra lấy từ kế hoạch gốc (ke_hoach_goc)."])
    return [atomic_write(target, text.encode("utf-8"))]


def _relative(target: Path, source: Path) -> str:
    """`source` as a content file names it: relative to the folder of `target`."""
    return Path(os.path.relpath(source.resolve(), target.resolve().parent)).as_posix()


def find_plan(ws: Workspace, given: Path | None) -> Path:
    """The Kế hoạch kiểm tra: as given (--from), or the only one in content/."""
    if given is not None:
        path = given if given.is_absolute() else Path.cwd() / given
        if not path.is_file():
            raise GendocError(f"không tìm thấy kế hoạch kiểm tra '{given}'.")
        return path
    found = [p for p in discover(ws)
             if (raw_mapping(p) or {}).get("loai") == "kiem_tra_ke_hoach"]
    if len(found) != 1:
        raise GendocError(f"có {len(found)} kế hoạch kiểm tra trong content/ — chỉ rõ bằng --from, "
                          "ví dụ --from content/kiem-tra/ke-hoach-kiem-tra-2018.yaml.")
    return found[0]


def minutes_data(ws: Workspace, plan_path: Path, target: Path) -> dict[str, Any]:
    """A biên bản with every scheduled unit and every checklist item; the plan and report
    items are pre-judged from the workspace (`gendoc status`, the year's reports)."""
    plan_doc = load_document(ws, plan_path)
    if plan_doc.kind.name != "kiem_tra_ke_hoach":
        raise GendocError(f"'{plan_path.name}' là '{plan_doc.kind.name}', cần một kế hoạch kiểm tra.")
    plan = plan_doc.data
    items = checklist(plan_doc, BuildContext(ws))
    by_plan = plan_reasons(ws, (ws.root / plan.ke_hoach_goc) if plan.ke_hoach_goc else None)
    by_report = report_reasons(ws, plan.nam)[1]
    units = []
    for visit in plan.lich:
        known = {PLAN_ITEM: by_plan.get(visit.don_vi, []),
                 REPORT_ITEM: [r for r in by_report.get(visit.don_vi, []) if "báo cáo" in r]}
        results: dict[str, Any] = {}
        for item in items:
            shortfall = known.get(item.noi_dung)
            results[item.ma] = ({"dat": False, "nhan_xet": f"Đơn vị {'; '.join(shortfall)}.",
                                 "khac_phuc": "Ghi việc đơn vị phải khắc phục"} if shortfall
                                else {"dat": True, "nhan_xet": "Ghi nhận xét của Đoàn kiểm tra."})
        head = ws.unit(visit.don_vi).chuc_vu_thu_truong or "THỦ TRƯỞNG ĐƠN VỊ"
        units.append({"don_vi": visit.don_vi,
                      "dai_dien": [{"ho_ten": "Họ và tên", "chuc_vu": "Chức vụ"}],
                      "nguoi_ky": {"quyen_han": [], "chuc_vu": head, "ho_ten": None},
                      "ket_qua": results})
    return {"loai": "kiem_tra_bien_ban", "co_quan": plan.co_quan,
            "ke_hoach_kiem_tra": _relative(target, plan_path), "don_vi": units}


def minutes_scaffold(ws: Workspace, opts: Any) -> list[Path]:
    """`gendoc new kiem_tra_bien_ban [--from KẾ-HOẠCH-KIỂM-TRA]`."""
    plan_path = find_plan(ws, opts.source)
    target = _target(ws, opts, f"bien-ban-{plan_path.stem.removeprefix('ke-hoach-')}.yaml")
    text = dump(minutes_data(ws, plan_path, target),
                ["Biên bản kiểm tra do 'gendoc new kiem_tra_bien_ban' dựng từ kế hoạch kiểm tra.",
                 "Mỗi đơn vị: ghi đại diện, người ký và kết quả từng nội dung (mã theo kế hoạch);",
                 "nội dung kế hoạch triển khai và báo cáo đã đánh giá sẵn theo số liệu của thư mục."])
    return [atomic_write(target, text.encode("utf-8"))]


def example_scaffold(kind: str, example: str,
                     link: str = "ke_hoach_kiem_tra") -> Callable[[Workspace, Any], list[Path]]:
    """Copy the worked example `content/kiem-tra/<example>.yaml` under a new name; with --from,
    its `link:` line names the given file instead."""

    def scaffold(ws: Workspace, opts: Any) -> list[Path]:
        source = example_dir() / FOLDER / f"{example}.yaml"
        target = _target(ws, opts, f"{kind.replace('_', '-')}-moi.yaml")
        text = source.read_text(encoding="utf-8")
        if opts.source is not None:
            given = opts.source if opts.source.is_absolute() else Path.cwd() / opts.source
            if not given.is_file():
                raise GendocError(f"không tìm thấy tệp '{opts.source}'.")
            text = re.sub(rf"^{link}:.*$", f"{link}: {_relative(target, given)}", text,
                          flags=re.MULTILINE)
        return [atomic_write(target, text.encode("utf-8"))]

    return scaffold
