"""Writing outputs safely: atomically, and never outside the folder they belong in.

An interrupted build must never leave a truncated .docx that a clerk could print by mistake, so
every file is written to a temporary name in the same folder and renamed over the target (an
atomic operation on one filesystem). Output paths are resolved and refused if they would escape
their root (`output/`), whatever a content file or template name contains.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

from gendoc.exceptions import OutputError


def _file_mode() -> int:
    """0666 minus the umask. Reading the umask means setting it, which is not thread-safe, so it
    is read once here, at import, before any batch starts writing in threads."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()

# Temporary files are named `.<stem>.gendoc-<random><suffix>.tmp`: a build killed mid-write
# leaves them behind, and the next build recognises (and sweeps) exactly these.
TEMP_MARK = ".gendoc-"
TEMP_PATTERN = re.compile(r"\..*\.gendoc-[A-Za-z0-9_]{6,}(\.[A-Za-z0-9]+)?\.tmp")


def ensure_inside(path: Path, root: Path) -> Path:
    """Return `path` resolved, or refuse it if it is not inside `root`."""
    resolved = path.resolve()
    root_resolved = root.resolve()
    if resolved != root_resolved and root_resolved not in resolved.parents:
        raise OutputError(
            f"đường dẫn đầu ra '{path}' nằm ngoài thư mục '{root}' — "
            "gendoc chỉ ghi vào thư mục đầu ra; kiểm tra lại tên tệp hoặc tùy chọn -o."
        )
    return resolved


@contextlib.contextmanager
def atomic_path(path: Path, *, root: Path | None = None) -> Iterator[Path]:
    """Yield a temporary path next to `path`; rename it over `path` only if the block succeeds."""
    if root is not None:
        path = ensure_inside(path, root)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.stem}{TEMP_MARK}", suffix=path.suffix + ".tmp",
                                    dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, _FILE_MODE)  # mkstemp creates 0600; outputs are ordinary files
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def atomic_write(path: Path, data: bytes, *, root: Path | None = None) -> Path:
    """Write bytes atomically (temp file in the same folder + rename)."""
    with atomic_path(path, root=root) as tmp, open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    return path


def atomic_save(path: Path, save: Callable[[Path], None], *, root: Path | None = None) -> Path:
    """Let `save(tmp_path)` write the file (e.g. `Document.save`), then move it into place."""
    with atomic_path(path, root=root) as tmp:
        save(tmp)
    return path


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in blocks (outputs, content files, signed PDFs)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
