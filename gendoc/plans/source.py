"""Which plan is the province's own: the one the unit plans are derived from by default."""

from __future__ import annotations

from pathlib import Path

from gendoc.document import discover, rel
from gendoc.exceptions import GendocError
from gendoc.plans.status import raw_mapping
from gendoc.workspace import Workspace


def _mentions_plan(path: Path) -> bool:
    """Whether the file's bytes could hold `loai: ke_hoach` at all (a cheap pre-filter)."""
    try:
        return b"ke_hoach" in path.read_bytes()
    except OSError:
        return True  # let the reader word the problem


def provincial_plan(ws: Workspace) -> Path:
    """Without --from: the one province-level plan in content/ that implements no other plan."""
    levels = {u.ma: u.cap for u in ws.config.co_quan}
    found = []
    for path in discover(ws):
        if not _mentions_plan(path):
            continue  # content/ holds every unit report: most files cannot be a plan
        raw = raw_mapping(path)
        if raw and raw.get("loai") == "ke_hoach" and not raw.get("thuc_hien_ke_hoach") \
                and levels.get(str(raw.get("co_quan"))) == "tinh":
            found.append(path)
    if len(found) == 1:
        return found[0]
    listed = ", ".join(rel(ws, p) for p in found) or "không có"
    raise GendocError(f"chỉ rõ kế hoạch gốc bằng --from TỆP (kế hoạch cấp tỉnh trong content/: "
                      f"{listed}).")
