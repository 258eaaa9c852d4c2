"""Zip-based inputs (.xlsx, .docx) opened with bounded inflation and no DTDs.

A 1.5 MB Excel form can inflate to gigabytes (a zip bomb), and an XML part may carry a DTD
whose entities expand without end. Every reader of a clerk's Office file opens it here first:
the sizes the archive declares are checked before anything is inflated, and each XML part's
head is looked at for `<!DOCTYPE` (Office never writes one) before a parser sees it.
The declared sizes cannot be trusted alone, so `read_member` also stops inflating at the limit.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from gendoc.exceptions import UnusableInputError

MAX_INFLATED_BYTES = 256 * 1024 * 1024  # the biggest real form or template is a few MB
MAX_MEMBERS = 5_000  # a .docx/.xlsx has tens of parts; thousands mean something is wrong
_HEAD = 4096  # the XML declaration and root start fit well within this


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB"


def open_zip(source: Path | bytes, shown: str | Path, *, limit: int = MAX_INFLATED_BYTES,
             ) -> zipfile.ZipFile:
    """The archive at `source`, after its declared sizes and XML heads are checked.

    `shown` is the name the clerk knows the file by (workspace-relative path).
    Raises UnusableInputError (exit code 2) naming the file and saying what to do.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(source) if isinstance(source, bytes) else source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise UnusableInputError(
            f"{shown}: không phải tệp Office hợp lệ (tệp nén hỏng hoặc không phải .docx/.xlsx) "
            "— mở lại bằng Word/Excel rồi lưu đúng định dạng.") from exc
    try:
        check_archive(archive, shown, limit=limit)
    except BaseException:
        archive.close()
        raise
    return archive


def check_archive(archive: zipfile.ZipFile, shown: str | Path, *,
                  limit: int = MAX_INFLATED_BYTES) -> None:
    """Refuse too many parts, too much declared inflation, and XML parts with a DTD."""
    members = archive.infolist()
    if len(members) > MAX_MEMBERS:
        raise UnusableInputError(
            f"{shown}: tệp có {len(members)} thành phần, vượt giới hạn {MAX_MEMBERS} — đây không "
            "phải một tệp Office bình thường; lưu lại bằng Word/Excel.")
    total = sum(info.file_size for info in members)
    if total > limit:
        raise UnusableInputError(
            f"{shown}: tệp bung ra {_mb(total)}, vượt giới hạn {_mb(limit)} — tệp bất thường "
            "(có thể là 'bom nén'); lưu lại tệp gốc bằng Word/Excel, bỏ ảnh và dữ liệu thừa.")
    for info in members:
        if info.filename.endswith((".xml", ".rels", ".vml")) and _has_dtd(archive, info, limit):
            raise UnusableInputError(
                f"{shown}: phần '{info.filename}' khai báo DOCTYPE (DTD) — Word/Excel không bao giờ "
                "ghi như vậy; tệp đã bị sửa bằng công cụ khác. Lưu lại bằng Word/Excel.")


def _has_dtd(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bool:
    head = read_member(archive, info.filename, shown="", limit=limit, size=_HEAD)
    return b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper()


def read_member(archive: zipfile.ZipFile, name: str, shown: str | Path, *,
                limit: int = MAX_INFLATED_BYTES, size: int | None = None) -> bytes:
    """The member's bytes (or its first `size` bytes), never inflating more than `limit`.

    A forged header can under-declare a member's size; reading in chunks with a running count
    stops a bomb whatever the header says.
    """
    wanted = limit + 1 if size is None else min(size, limit + 1)
    chunks: list[bytes] = []
    count = 0
    with archive.open(name) as stream:
        while count < wanted:
            chunk = stream.read(min(1 << 20, wanted - count))
            if not chunk:
                break
            chunks.append(chunk)
            count += len(chunk)
    if size is None and count > limit:
        raise UnusableInputError(
            f"{shown}: phần '{name}' bung ra hơn {_mb(limit)} — tệp bất thường; lưu lại bằng "
            "Word/Excel.")
    return b"".join(chunks)
