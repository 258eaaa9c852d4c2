"""Page images of a rendered document, its ND30 check and the layout check of its printed pages,
cached by the .docx's content hash.

The document is rendered in memory (`api.render`, reproducible bytes), so its SHA-256 names what
is printed: the same content never goes through LibreOffice twice. The cache lives in
`.gendoc/serve-cache/<hash>/` (doc.docx, doc.pdf, page-N.png, check.json) and is bounded: after
each new entry, entries unused for MAX_AGE_DAYS and unfinished ones older than an hour are
removed, then the least recently used (check.json's mtime, touched on every use) until at most
MAX_ENTRIES entries and MAX_BYTES remain. Only folders named by a hash are ever removed.
"""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gendoc import api
from gendoc.exceptions import GendocError
from gendoc.pdf import convert_batch
from gendoc.writer import atomic_write

if TYPE_CHECKING:
    from gendoc.check.model import Report

RESOLUTION_DPI = 60  # an A4 page ≈ 500 px wide: readable beside the check results
PAGE_NAME = re.compile(r"page-\d{1,4}\.png")
HASH = re.compile(r"[0-9a-f]{64}")
MAX_ENTRIES = 200  # documents of a busy week
MAX_BYTES = 300 * 1024 * 1024  # a page image is ~40 KB, a document's folder well under 1 MB
MAX_AGE_DAYS = 30
UNFINISHED_SECONDS = 3600  # a conversion that died: no check.json after an hour


@dataclass
class Preview:
    hash: str
    pages: list[str]
    findings: list[dict[str, str]]
    checked: bool  # False: not an ND30 administrative document (certificate, form …)
    layout: list[dict[str, str]] = field(default_factory=list)  # printed-page findings
    layout_error: str = ""  # why the printed pages could not be checked


def cache_root(ws: api.Workspace) -> Path:
    return ws.root / ".gendoc" / "serve-cache"


def _rows(report: Report) -> list[dict[str, str]]:
    return [{"severity": f.severity_label, "rule": f.rule, "location": f.location,
             "message": f.message} for f in report.findings]


def _check(docx: Path, nd30: bool) -> list[dict[str, str]]:
    return _rows(api.check(docx)) if nd30 else []


def _layout(pdf: Path, nd30: bool) -> tuple[list[dict[str, str]], str]:
    """The layout check of the printed pages (`gendoc check --layout`), ND30 documents only."""
    if not nd30:
        return [], ""
    try:
        return _rows(api.check_layout(pdf)), ""
    except ValueError as exc:
        return [], f"không đọc được tệp PDF để kiểm tra bố cục trang in: {exc}"


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


def _saved(folder: Path, key: str) -> Preview | None:
    done = folder / "check.json"
    if not done.is_file():
        return None
    saved = json.loads(done.read_text(encoding="utf-8"))
    if "layout" not in saved:  # made before the layout check was shown
        return None
    done.touch()  # recently used: kept by the cache's bound
    return Preview(key, saved["pages"], saved["findings"], saved["checked"], saved["layout"],
                   saved.get("layout_error", ""))


def make_preview(ws: api.Workspace, path: Path, timeout: float = 180.0) -> Preview:
    """Render `path`, convert its first .docx to page images and check it (cached)."""
    artifacts = [a for a in api.render(ws, path) if a.suffix == ".docx"]
    if not artifacts:
        raise GendocError("văn bản này không tạo tệp .docx nên không có trang in để xem trước.")
    item = artifacts[0]
    key = hashlib.sha256(item.data).hexdigest()
    folder = cache_root(ws) / key
    found = _saved(folder, key)
    if found is not None:
        return found
    folder.mkdir(parents=True, exist_ok=True)
    docx = atomic_write(folder / "doc.docx", item.data, root=folder)
    if not (folder / "doc.pdf").is_file():
        report = convert_batch([docx], root=folder, timeout=timeout)
        if report.errors:
            raise report.errors[0]
    pages = _pages(folder / "doc.pdf", folder, timeout)
    made = Preview(key, pages, _check(docx, item.nd30), item.nd30,
                   *_layout(folder / "doc.pdf", item.nd30))
    atomic_write(folder / "check.json", json.dumps(
        {"pages": made.pages, "findings": made.findings, "checked": made.checked,
         "layout": made.layout, "layout_error": made.layout_error},
        ensure_ascii=False).encode("utf-8"), root=folder)
    prune(cache_root(ws), keep=key)
    return made


def _entry(folder: Path) -> tuple[float, int, bool]:
    """(last use, bytes, finished) of one cache entry."""
    files = [p for p in folder.iterdir() if p.is_file()]
    done = folder / "check.json"
    used = max([done.stat().st_mtime] if done.is_file() else
               [folder.stat().st_mtime, *(p.stat().st_mtime for p in files)])
    return used, sum(p.stat().st_size for p in files), done.is_file()


def prune(root: Path, keep: str = "", now: float | None = None, max_entries: int = MAX_ENTRIES,
          max_bytes: int = MAX_BYTES) -> list[str]:
    """Bound the cache (see the module docstring); returns the hashes removed."""
    now = time.time() if now is None else now
    entries = []
    for folder in root.iterdir() if root.is_dir() else []:
        if folder.is_dir() and not folder.is_symlink() and HASH.fullmatch(folder.name):
            try:
                entries.append((folder, *_entry(folder)))
            except FileNotFoundError:  # removed meanwhile by another job
                continue
    entries.sort(key=lambda e: e[1], reverse=True)  # most recently used first
    removed, count, total = [], 0, 0
    for folder, used, size, finished in entries:
        stale = now - used > (MAX_AGE_DAYS * 86400 if finished else UNFINISHED_SECONDS)
        over = count + 1 > max_entries or total + size > max_bytes
        if folder.name != keep and (stale or over):
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder.name)
            continue
        count, total = count + 1, total + size
    return removed


def page_file(ws: api.Workspace, key: str, name: str) -> Path | None:
    """A cached page image, only by names this module makes."""
    if not HASH.fullmatch(key) or not PAGE_NAME.fullmatch(name):
        return None
    path = cache_root(ws) / key / name
    return path if path.is_file() else None
