"""The work folders of PDF conversions: one per LibreOffice process, named after the gendoc
process that made it (`<temp>/gendoc-pdf-<pid>-<random>/`), so that the next conversion can
remove those whose gendoc is gone (a build killed with kill -9 leaves its folder behind).
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
import time
from pathlib import Path

WORK_PREFIX = "gendoc-pdf-"
WORK_NAME = re.compile(r"gendoc-pdf-(?:(\d+)-)?[A-Za-z0-9_]+")
LEGACY_AGE_S = 24 * 3600  # a work folder without a pid (older gendoc): stale after a day


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def sweep_stale_work(temp_dir: Path | None = None) -> list[Path]:
    """Remove the work folders of conversions whose gendoc process is gone (killed builds)."""
    folder = Path(temp_dir or tempfile.gettempdir())
    swept: list[Path] = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return swept
    for entry in entries:
        match = WORK_NAME.fullmatch(entry.name)
        if match is None or entry.is_symlink() or not entry.is_dir():
            continue
        try:
            info = entry.stat()
        except OSError:
            continue
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            continue  # another user's conversion
        pid = match.group(1)
        stale = not _alive(int(pid)) if pid else time.time() - info.st_mtime > LEGACY_AGE_S
        if stale:
            shutil.rmtree(entry, ignore_errors=True)
            swept.append(entry)
    return swept


def work_folder() -> Path:
    """A new work folder named after this gendoc process, so a later run can tell it is stale."""
    return Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))
