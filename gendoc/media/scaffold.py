"""`gendoc new tin_bai` (and the other media kinds): start from the kind's worked example.

A newsroom file is easier to adapt than to write from a field list, so the new content file is
the example shipped with gendoc (content/truyen-thong/…), comments included, under a new name.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from gendoc.exceptions import GendocError
from gendoc.workspace import Workspace, example_dir
from gendoc.writer import atomic_write

FOLDER = Path("content") / "truyen-thong"


def example_scaffold(kind: str, example: str) -> Callable[[Workspace, Any], list[Path]]:
    def scaffold(ws: Workspace, opts: Any) -> list[Path]:
        source = example_dir() / FOLDER / f"{example}.yaml"
        name = f"{kind.replace('_', '-')}-moi.yaml"
        target = Path(opts.output) if opts.output else ws.root / FOLDER / name
        if target.is_dir():
            target = target / name
        if target.suffix.lower() not in (".yaml", ".yml"):
            raise GendocError(f"tệp '{target}' phải có đuôi .yaml.")
        if target.exists() and not opts.force:
            raise GendocError(f"'{target}' đã có — thêm --force để ghi đè, "
                              "hoặc chọn tên khác bằng -o.")
        return [atomic_write(target, source.read_bytes())]

    return scaffold
