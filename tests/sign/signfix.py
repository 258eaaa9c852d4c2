"""Shared sign-test helpers: the example plan's paths, the seal size, a workspace with `ky_so`."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.sign.certs import Pki

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PLAN = "content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml"
PLAN_PDF = "output/ke-hoach/ubnd-tinh-bdg-2016-2020.pdf"
SEAL_MM = 36


def write_workspace(ws: Path, pki: Pki | None, roots: list[Path] | None = None) -> Path:
    """The example workspace with a `ky_so` section (seal size, trusted roots)."""
    ws.mkdir(parents=True, exist_ok=True)
    config = (REPO / "gendoc.yaml").read_text(encoding="utf-8")
    if pki is not None:
        roots = roots if roots is not None else [pki.root_pem]
        listed = "".join(f"\n    - {p}" for p in roots)
        config += (f"\nky_so:\n  duong_kinh_dau_mm: {SEAL_MM}\n  chung_thu_goc:{listed}\n"
                   "  ten_co_quan_sao: Văn phòng Ủy ban nhân dân tỉnh Kiên Giang\n")
    (ws / "gendoc.yaml").write_text(config, encoding="utf-8")
    if not (ws / "content").exists():
        shutil.copytree(REPO / "content", ws / "content")
    return ws
