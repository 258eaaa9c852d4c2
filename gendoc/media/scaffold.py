"""`gendoc new tin_bai` (and the other media kinds, and the commendation decision).

The new content file reads like the kind's worked example (same fields, comments, a sentence or
two to replace) but every fact in it is the workspace's own — province, portal, press contact,
broadcaster, period and law — see `gendoc.media.skeletons`. It builds as soon as it is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from gendoc.exceptions import GendocError
from gendoc.media.skeletons import skeleton
from gendoc.province import Province
from gendoc.workspace import Workspace
from gendoc.writer import atomic_write

FOLDER = Path("content") / "truyen-thong"


def example_scaffold(kind: str, example: str | None = None) -> Callable[[Workspace, Any], list[Path]]:
    """The scaffold of `kind`; `example` (the worked example's name) is kept for the callers'
    signature and documentation only: nothing is copied from it."""
    del example

    def scaffold(ws: Workspace, opts: Any) -> list[Path]:
        name = f"{kind.replace('_', '-')}-moi.yaml"
        target = Path(opts.output) if opts.output else ws.root / FOLDER / name
        if target.is_dir():
            target = target / name
        if target.suffix.lower() not in (".yaml", ".yml"):
            raise GendocError(f"tệp '{target}' phải có đuôi .yaml.")
        if target.exists() and not opts.force:
            raise GendocError(f"'{target}' đã có — thêm --force để ghi đè, "
                              "hoặc chọn tên khác bằng -o.")
        day = dt.date.today()
        if getattr(opts, "year", None):
            day = dt.date(opts.year, 1, 15)
        text = skeleton(kind, Province(ws), day)
        root = ws.root if ws.root in target.resolve().parents else None
        return [atomic_write(target, text.encode("utf-8"), root=root)]

    return scaffold
