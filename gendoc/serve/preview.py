"""Page images of a rendered document and its ND30 check, cached by the .docx's content hash.

The document is rendered in memory (`api.render`, reproducible bytes), so its SHA-256 names what
is printed: the same content never goes through LibreOffice twice. The cache lives in
`.gendoc/serve-cache/<hash>/` (doc.docx, doc.pdf, page-N.png, check.json).
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from gendoc import api
from gendoc.exceptions import GendocError
from gendoc.pdf import convert_batch
from gendoc.writer import atomic_write

RESOLUTION_DPI = 60  # an A4 page ≈ 500 px wide: readable beside the check results
PAGE_NAME = re.compile(r"page-\d{1,4}\.png")
HASH = re.compile(r"[0-9a-f]{64}")


@dataclass
class Preview:
    hash: str
    pages: list[str]
    findings: list[dict[str, str]]
    checked: bool  # False: not an ND30 administrative document (certificate, form …)


def cache_root(ws: api.Workspace) -> Path:
    return ws.root / ".gendoc" / "serve-cache"


def _check(docx: Path, nd30: bool) -> list[dict[str, str]]:
    if not nd30:
        return []
    report = api.check(docx)
    return [{"severity": f.severity_label, "rule": f.rule, "location": f.location,
             "message": f.message} for f in report.findings]


def _pages(pdf: Path, folder: Path, timeout: float) -> list[str]:
    tool = shutil.which("pdftoppm")
    if tool is None:
        raise GendocError("chưa cài pdftoppm (gói poppler-utils) nên chưa xem được trang in — "
                          "cài bằng: apt-get install poppler-utils")
    subprocess.run([tool, "-r", str(RESOLUTION_DPI), "-png", str(pdf), str(folder / "page")],
                   check=True, capture_output=True, timeout=timeout)
    names = sorted((p.name for p in folder.glob("page-*.png")),
                   key=lambda n: int(n[5:-4]))
    return names


def make_preview(ws: api.Workspace, path: Path, timeout: float = 180.0) -> Preview:
    """Render `path`, convert its first .docx to page images and check it (cached)."""
    artifacts = [a for a in api.render(ws, path) if a.suffix == ".docx"]
    if not artifacts:
        raise GendocError("văn bản này không tạo tệp .docx nên không có trang in để xem trước.")
    item = artifacts[0]
    key = hashlib.sha256(item.data).hexdigest()
    folder = cache_root(ws) / key
    done = folder / "check.json"
    if done.is_file():
        saved = json.loads(done.read_text(encoding="utf-8"))
        return Preview(key, saved["pages"], saved["findings"], saved["checked"])
    folder.mkdir(parents=True, exist_ok=True)
    docx = atomic_write(folder / "doc.docx", item.data, root=folder)
    report = convert_batch([docx], root=folder, timeout=timeout)
    if report.errors:
        raise report.errors[0]
    pages = _pages(folder / "doc.pdf", folder, timeout)
    findings = _check(docx, item.nd30)
    atomic_write(done, json.dumps({"pages": pages, "findings": findings, "checked": item.nd30},
                                  ensure_ascii=False).encode("utf-8"), root=folder)
    return Preview(key, pages, findings, item.nd30)


def page_file(ws: api.Workspace, key: str, name: str) -> Path | None:
    """A cached page image, only by names this module makes."""
    if not HASH.fullmatch(key) or not PAGE_NAME.fullmatch(name):
        return None
    path = cache_root(ws) / key / name
    return path if path.is_file() else None
