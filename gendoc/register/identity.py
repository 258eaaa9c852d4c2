"""Which workspace an entry belongs to — an identity that survives moving or copying the folder.

A shared register holds several clerks' workspaces, and their content files may have the same
relative names, so every entry records its workspace. Earlier versions recorded
"host:/absolute/root": moving or copying the workspace changed it, and `register verify` then
checked nothing. Now the workspace carries its own identity, a random id in
`.gendoc/workspace-id`, created on first use; it moves and copies with the folder, and entry
paths are stored relative to the workspace root (migration 0003 converts old absolute ones).

Entries written before the id existed ("host:/root" keys) are adopted once, when the id file is
created: those recorded for this folder's current location — and, in the workspace's own
SQLite register (the default, inside `.gendoc/`), every entry, since only this workspace writes
there.
"""

from __future__ import annotations

import contextlib
import os
import socket
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from gendoc.register.errors import RegisterError

if TYPE_CHECKING:  # imported for annotations only; store imports SQLAlchemy
    from gendoc.register.store import Register

ID_FILE = Path(".gendoc") / "workspace-id"
PREFIX = "ws-"


def legacy_workspace_key(root: Path) -> str:
    """The key versions before 0003 recorded: "host:/absolute/root"."""
    return f"{socket.gethostname()}:{root.resolve()}"


def read_workspace_key(root: Path) -> str | None:
    """The workspace's id from `.gendoc/workspace-id`, or None if it has none yet."""
    try:
        value = (root / ID_FILE).read_text(encoding="utf-8").strip()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise RegisterError(f"{root / ID_FILE}: không đọc được mã thư mục làm việc "
                            f"({exc.strerror}) — kiểm tra quyền đọc tệp rồi chạy lại.") from exc
    if not value.startswith(PREFIX) or len(value) > 64 or not value[len(PREFIX):].isalnum():
        raise RegisterError(f"{root / ID_FILE}: mã thư mục làm việc '{value[:40]}' không hợp lệ — "
                            "tệp này do gendoc tạo, đừng sửa tay; khôi phục bản cũ của tệp.")
    return value


def create_workspace_key(root: Path) -> tuple[str, bool]:
    """Return the workspace's id, creating the file if needed; `True` if this call created it.

    The file is written completely under a temporary name and then hard-linked into place, which
    fails if another process created it first — so concurrent first uses agree on one id.
    """
    existing = read_workspace_key(root)
    if existing is not None:
        return existing, False
    target = root / ID_FILE
    key = PREFIX + uuid.uuid4().hex
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_text(key + "\n", encoding="utf-8")
        try:
            os.link(tmp, target)
        except FileExistsError:
            return read_workspace_key(root) or key, False
    except OSError as exc:
        raise RegisterError(f"{target}: không tạo được mã thư mục làm việc ({exc.strerror}) — "
                            "kiểm tra quyền ghi thư mục .gendoc rồi chạy lại.") from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return key, True


def workspace_key(register: Register, root: Path, *, private: bool) -> str:
    """The key entries of this workspace are recorded under (adopting legacy entries once).

    `private`: the register is the workspace's own database (default SQLite in `.gendoc/`).
    """
    key, created = create_workspace_key(root)
    if created:
        register.adopt_entries(key, legacy_workspace_key(root), every_other=private)
    return key

