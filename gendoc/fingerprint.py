"""What a document's outputs depend on, as one hash: an unchanged hash means nothing to rebuild.

A document's fingerprint covers its content file, `gendoc.yaml`, the workspace's templates, the
data files under content/ (names starting with `_`: participant lists, pictures, figures), the
gendoc code that renders it, and — for kinds that read other documents (the consolidated report
reads the units' reports, news figures read the consolidation) — every content file. It errs on
the side of rebuilding: a change anywhere it cannot rule out rebuilds the document.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from gendoc import __version__
from gendoc.document import DOCUMENT_SUFFIXES, is_data_path
from gendoc.workspace import Workspace, builtin_templates_dir
from gendoc.writer import file_sha256 as _file_digest

PACKAGE_DIR = Path(__file__).resolve().parent


def _tree_digest(folder: Path, *, content: bool, keep: object = None) -> str:
    """Hash of a folder's files: their bytes (`content`), or name, size and mtime (cheaper, for
    gendoc's own code, which changes only by installing or editing it)."""
    digest = hashlib.sha256()
    if not folder.is_dir():
        return digest.hexdigest()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        relative = path.relative_to(folder)
        if keep is not None and not keep(relative):  # type: ignore[operator]
            continue
        if "__pycache__" in relative.parts:
            continue
        digest.update(relative.as_posix().encode() + b"\0")
        if content:
            digest.update(_file_digest(path).encode())
        else:
            stat = path.stat()
            digest.update(f"{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


@dataclass
class Fingerprints:
    """Computed once per build; `of(path, reads_workspace)` per document."""

    ws: Workspace
    _shared: str = ""
    _all_content: str = ""
    _files: dict[Path, str] = field(default_factory=dict)

    def shared(self) -> str:
        """What every document depends on."""
        if not self._shared:
            parts = [
                __version__,
                _tree_digest(PACKAGE_DIR, content=False),
                _tree_digest(builtin_templates_dir(), content=False),
                _file_digest(self.ws.config_path),
                _tree_digest(self.ws.templates_dir, content=True),
                _tree_digest(self.ws.content_dir, content=True,
                             keep=lambda rel: is_data_path(rel.parts)),
            ]
            self._shared = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return self._shared

    def all_content(self) -> str:
        """Every content file: for kinds that read other documents."""
        if not self._all_content:
            self._all_content = _tree_digest(
                self.ws.content_dir, content=True,
                keep=lambda rel: rel.suffix.lower() in (*DOCUMENT_SUFFIXES, ".xlsx", ".csv"))
        return self._all_content

    def of(self, path: Path, *, reads_workspace: bool) -> str:
        path = Path(path).resolve()
        if path not in self._files:
            self._files[path] = _file_digest(path)
        parts = [self.shared(), path.as_posix(), self._files[path]]
        if reads_workspace:
            parts.append(self.all_content())
        return hashlib.sha256("\n".join(parts).encode()).hexdigest()
