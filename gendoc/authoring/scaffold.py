"""`gendoc template new KIND`: a workspace copy of a kind's built-in template, ready to edit.

The copy is the built-in file itself (or, when the kind only has a generator, what the generator
draws), so the clerk starts from a template that renders and passes `gendoc check`.
"""

from __future__ import annotations

import io
from pathlib import Path

from gendoc.exceptions import GendocError
from gendoc.kinds import Kind
from gendoc.workspace import Workspace, builtin_templates_dir
from gendoc.writer import atomic_write


def builtin_bytes(kind: Kind) -> bytes:
    source = builtin_templates_dir() / kind.template
    if source.is_file():
        return source.read_bytes()
    make = kind.make_template
    if make is None:
        raise GendocError(f"loại '{kind.name}' không có mẫu có sẵn '{kind.template}' để sao chép.")
    buf = io.BytesIO()
    make().save(buf)
    return buf.getvalue()


def new_template(ws: Workspace, kind: Kind, output: Path | None, *, force: bool = False) -> Path:
    target = output or ws.templates_dir / kind.template
    suffix = "".join(Path(kind.template).suffixes[-2:]) if kind.template.endswith(".j2") \
        else Path(kind.template).suffix
    if not target.name.endswith(suffix):
        raise GendocError(f"tệp '{target}' phải có đuôi {suffix} như mẫu có sẵn '{kind.template}'.")
    if target.exists() and not force:
        raise GendocError(f"'{target}' đã có — thêm --force để ghi đè, hoặc chọn tên khác bằng -o.")
    return atomic_write(target, builtin_bytes(kind))
