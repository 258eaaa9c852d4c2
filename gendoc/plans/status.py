"""Submission tracking: which units have written, numbered, dated and sent their plan in time.

A unit's plan is a `ke_hoach` content file issued by that unit whose `thuc_hien_ke_hoach` points
at the provincial plan. Its number and date are read from the content file itself (`so`, `ngay`):
that is where `gendoc issue` writes them back, and where a clerk types them when the văn thư
numbers the paper copy. The deadline is read from the provincial text ("… gửi về Ủy ban nhân dân
tỉnh (qua Sở Nội vụ) trước ngày 25/01/2017") unless given on the command line.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from gendoc.document import discover, load_document, rel
from gendoc.exceptions import GendocError
from gendoc.plans.derive import in_force_on, load_source
from gendoc.plans.scope import TARGET_LEVELS, is_target
from gendoc.plans.tasks import deadline_of, submission
from gendoc.units import CoQuan
from gendoc.vi.formats import so_van_ban
from gendoc.workspace import Workspace
from gendoc.yamlio import read_yaml

CHUA_CO = "Chưa có kế hoạch"
DU_THAO = "Dự thảo (chưa số, ngày)"
DA_BAN_HANH = "Đã ban hành"
TEP_LOI = "Tệp nội dung lỗi"


@dataclass
class UnitStatus:
    unit: CoQuan
    files: list[Path] = field(default_factory=list)
    so_ky_hieu: str = ""
    ngay: dt.date | None = None
    tinh_trang: str = CHUA_CO
    han: str = ""  # "Đúng hạn", "Trễ 14 ngày", "Quá hạn", ""
    ghi_chu: str = ""

    @property
    def issued(self) -> bool:
        return self.tinh_trang == DA_BAN_HANH

    @property
    def late(self) -> bool:
        return self.han.startswith(("Trễ", "Quá"))


@dataclass
class StatusReport:
    source: Path
    source_rel: str
    deadline: dt.date
    as_of: dt.date
    rows: list[UnitStatus]
    citation: str = ""  # "Kế hoạch số …/KH-UBND ngày … của Ủy ban nhân dân tỉnh Kiên Giang"

    def count(self, predicate) -> int:  # noqa: ANN001 - a small lambda
        return sum(1 for row in self.rows if predicate(row))


def find_source(ws: Workspace, given: Path | None) -> Path:
    """The provincial plan: as given, or the one plan other plans say they implement."""
    if given is not None:
        path = given if given.is_absolute() else Path.cwd() / given
        if not path.is_file():
            raise GendocError(f"không tìm thấy kế hoạch gốc '{given}'.")
        return path
    referenced: set[Path] = set()
    for path in discover(ws):
        raw = raw_mapping(path)
        ref = raw.get("thuc_hien_ke_hoach") if raw else None
        if isinstance(ref, str) and ref.strip():
            referenced.add((ws.root / ref.strip()).resolve())
    if len(referenced) == 1:
        return referenced.pop()
    if not referenced:
        raise GendocError("chưa có kế hoạch đơn vị nào ghi 'thuc_hien_ke_hoach' — chỉ rõ kế hoạch gốc "
                          "bằng --from, ví dụ --from content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml.")
    names = ", ".join(sorted(str(p.relative_to(ws.root)) for p in referenced))
    raise GendocError(f"có nhiều kế hoạch gốc ({names}) — chọn một bằng --from.")


def raw_mapping(path: Path) -> dict | None:
    """A YAML content file's top-level mapping, cheaply (no validation); None if unreadable."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        return None
    try:
        raw, _ = read_yaml(path)
    except GendocError:
        return None
    return raw if isinstance(raw, dict) else None


def collect(ws: Workspace, source: Path, deadline: dt.date | None,
            as_of: dt.date | None = None) -> StatusReport:
    """The status of every department and local committee (communes included) for the plan."""
    src = load_source(ws, source)
    if deadline is None:
        org = next((s for s in src.data.noi_dung if "tổ chức thực hiện" in (s.tieu_de or "").lower()), None)
        deadline = deadline_of(submission(org)[1])
    if deadline is None:
        raise GendocError(f"không tìm thấy hạn gửi kế hoạch trong '{src.rel}' (câu '… trước ngày "
                          "dd/mm/yyyy') — ghi hạn bằng --han, ví dụ --han 25/01/2017.")
    wanted = source.resolve()
    on = in_force_on(src)  # units created or abolished outside the plan's date are not expected
    rows = {u.ma: UnitStatus(u) for u in ws.config.co_quan
            if is_target(u) and u.ma != src.data.co_quan and (on is None or u.in_force(*on))}
    for path in discover(ws):
        raw = raw_mapping(path)
        if not raw or raw.get("loai") != "ke_hoach" or not isinstance(raw.get("thuc_hien_ke_hoach"), str):
            continue
        if (ws.root / raw["thuc_hien_ke_hoach"].strip()).resolve() != wanted:
            continue
        row = rows.get(str(raw.get("co_quan")))
        if row is None:
            continue
        row.files.append(path)
        try:
            doc = load_document(ws, path)
        except GendocError as exc:
            if row.tinh_trang == CHUA_CO:
                row.tinh_trang, row.ghi_chu = TEP_LOI, " ".join(
                    line.strip() for line in exc.format_message().splitlines())
            continue
        _update(row, doc, deadline, rel(ws, path))
    as_of = as_of or dt.date.today()
    for row in rows.values():
        if not row.issued and as_of > deadline:
            row.han = "Quá hạn"
        if len(row.files) > 1:
            row.ghi_chu = (row.ghi_chu + "; " if row.ghi_chu else "") + \
                f"{len(row.files)} tệp kế hoạch cho cùng đơn vị"
    ordered = sorted(rows.values(), key=lambda r: list(TARGET_LEVELS).index(r.unit.cap))
    return StatusReport(source=source, source_rel=src.rel, deadline=deadline, as_of=as_of,
                        rows=ordered, citation=" ".join(src.citation.split()))


def _update(row: UnitStatus, doc, deadline: dt.date, shown: str) -> None:  # noqa: ANN001
    """Keep the most advanced state when a unit has several files (an issued one wins)."""
    data = doc.data
    issued = bool(data.so) and data.ngay is not None and data.ngay.is_complete
    if row.issued and not issued:
        return
    row.so_ky_hieu = f"{so_van_ban(data.so)}/{doc.ky_hieu}" if data.so else f"…/{doc.ky_hieu}"
    if not issued:
        row.tinh_trang = DU_THAO
        row.ghi_chu = f"tệp {shown}"
        return
    row.ngay = data.ngay.to_date()
    row.tinh_trang = DA_BAN_HANH
    late = (row.ngay - deadline).days
    row.han = "Đúng hạn" if late <= 0 else f"Trễ {late} ngày"
    row.ghi_chu = f"tệp {shown}"
