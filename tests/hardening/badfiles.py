"""Bad files made on the fly for the readers' catalogue: Office zips with a bomb, a DTD or too
many parts, PNGs that claim huge sizes or carry garbage, sparse oversized files."""

from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

DTD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
       b'<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n')


def rewrite_zip(path: Path, change: Callable[[str, bytes], bytes | None] | None = None,
                extra: dict[str, bytes] | None = None) -> None:
    """Rewrite the Office file at `path`: `change(name, data)` returns new bytes (None: keep);
    `extra` parts are added (deflated)."""
    with zipfile.ZipFile(path) as source:
        parts = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts:
            new = change(name, data) if change else None
            target.writestr(name, data if new is None else new)
        for name, data in (extra or {}).items():
            target.writestr(name, data)


def with_dtd(part: str) -> Callable[[str, bytes], bytes | None]:
    """A change that puts a DOCTYPE with entities in front of `part`'s root element."""
    def change(name: str, data: bytes) -> bytes | None:
        if name != part:
            return None
        body = data.split(b"?>", 1)[1] if data.startswith(b"<?xml") else data
        return DTD + body.lstrip()
    return change


def add_bomb(path: Path, megabytes: int) -> None:
    """Add a part of `megabytes` MB of zeros (a few hundred KB compressed)."""
    block = b"\0" * (1 << 20)
    with (zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as archive,
          archive.open("xl/media/bomb.bin", "w", force_zip64=True) as stream):
        for _ in range(megabytes):
            stream.write(block)


def add_many_parts(path: Path, count: int = 5_100) -> None:
    with zipfile.ZipFile(path, "a", zipfile.ZIP_STORED) as archive:
        for index in range(count):
            archive.writestr(f"customXml/p{index}.txt", b"")


def sparse(path: Path, megabytes: int) -> None:
    """A file whose size (not its disk use) is `megabytes` MB: a zip signature, then holes."""
    with path.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(megabytes * 1024 * 1024)


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def png(width: int, height: int, *, rows: int | None = None) -> bytes:
    """A greyscale PNG that claims `width`×`height`; only `rows` rows of pixel data are stored
    (all of them by default), so a huge claimed size costs a few bytes."""
    stored = height if rows is None else rows
    raw = zlib.compress(b"\0" * ((width + 1) * stored), 9)
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", raw)
            + _chunk(b"IEND", b""))


def corrupt_png() -> bytes:
    """A real PNG header followed by pixel data that does not inflate."""
    header = struct.pack(">IIBBBBB", 40, 40, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", header) + _chunk(b"IDAT", b"not zlib data" * 5)
            + _chunk(b"IEND", b""))
