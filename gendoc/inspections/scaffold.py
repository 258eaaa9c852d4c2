"""`gendoc new kiem_tra_…`: start an inspection from the workspace.

- `gendoc new kiem_tra_ke_hoach [--year 2017] [--unit MÃ …] [--from KẾ-HOẠCH-TỈNH]` writes a plan
  whose units are proposed from the workspace (or the ones given), with the reasons, a schedule
  of one working day per unit to adjust, the checklist derived from the provincial plan and a
  team to fill in.
- The other kinds start from the worked example of content/kiem-tra/ (comments included), which
  names the plan it builds on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gendoc.exceptions import GendocError
from gendoc.workspace import Workspace, example_dir
from gendoc.writer import atomic_write

FOLDER = Path("content") / "kiem-tra"
PROPOSED = 4  # units proposed when none is given
ISSUER = "so-noi-vu"  # Kế hoạch III.2.d: Sở Nội vụ inspects


def _target(ws: Workspace, opts: Any, name: str) -> Path:
    target = Path(opts.output) if opts.output else ws.root / FOLDER / name
    if target.is_dir():
        target = target / name
    if target.suffix.lower() not in (".yaml", ".yml"):
        raise GendocError(f"tệp '{target}' phải có đuôi .yaml.")
    if target.exists() and not opts.force:
        raise GendocError(f"'{target}' đã có — thêm --force để ghi đè, hoặc chọn tên khác bằng -o.")
    return target


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
    from gendoc.inspections.derive import propose_units
    from gendoc.plans.status import find_source
    from gendoc.plans.yamlout import Comment

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
    from gendoc.plans.yamlout import dump

    year = opts.year or dt.date.today().year - 1
    data = plan_data(ws, year, list(opts.units), opts.source)
    target = _target(ws, opts, f"ke-hoach-kiem-tra-{year + 1}.yaml")
    text = dump(data, ["Kế hoạch kiểm tra do 'gendoc new kiem_tra_ke_hoach' dựng từ thư mục làm "
                       "việc.", "Danh mục nội dung kiểm tra lấy từ kế hoạch gốc (ke_hoach_goc)."])
    return [atomic_write(target, text.encode("utf-8"))]


def example_scaffold(kind: str, example: str) -> Callable[[Workspace, Any], list[Path]]:
    """Copy the worked example `content/kiem-tra/<example>.yaml` under a new name."""

    def scaffold(ws: Workspace, opts: Any) -> list[Path]:
        source = example_dir() / FOLDER / f"{example}.yaml"
        target = _target(ws, opts, f"{kind.replace('_', '-')}-moi.yaml")
        return [atomic_write(target, source.read_bytes())]

    return scaffold
