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

from gendoc.document import new_content_path
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
        target = new_content_path(ws.root / FOLDER, name, opts.output, opts.force)
        day = dt.date.today()
        if getattr(opts, "year", None):
            day = dt.date(opts.year, 1, 15)
        text = skeleton(kind, Province(ws), day)
        root = ws.root if ws.root in target.resolve().parents else None
        return [atomic_write(target, text.encode("utf-8"), root=root)]

    return scaffold
