"""`gendoc new KIND …`: write a ready-to-edit content file (or form) for a kind.

Each kind that can be scaffolded provides `Kind.scaffold(ws, NewOptions) -> list[Path]`;
this module only parses options, dispatches, and reports what was written. Existing files are
never overwritten without `--force`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from gendoc.exceptions import GendocError


@dataclass
class NewOptions:
    units: list[str] = field(default_factory=list)
    all_units: bool = False
    source: Path | None = None
    year: int | None = None
    xlsx: bool = False
    output: Path | None = None
    force: bool = False


@click.command(name="new")
@click.argument("kind", metavar="LOẠI")
@click.option("--unit", "units", multiple=True, metavar="MÃ",
              help="Mã cơ quan/đơn vị trong gendoc.yaml (dùng nhiều lần được).")
@click.option("--all-units", is_flag=True, help="Tạo cho mọi đơn vị trong danh sách.")
@click.option("--from", "source", type=click.Path(dir_okay=False, path_type=Path),
              help="Văn bản gốc để dẫn xuất (ví dụ kế hoạch của tỉnh).")
@click.option("--year", type=int, help="Năm báo cáo.")
@click.option("--xlsx", is_flag=True, help="Tạo biểu mẫu Excel để đơn vị điền.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Tệp hoặc thư mục ghi kết quả.")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.pass_context
def new_cmd(ctx: click.Context, kind: str, **options: Any) -> None:
    """Tạo tệp nội dung mới cho loại văn bản LOẠI (ví dụ: ke_hoach, bao_cao)."""
    from gendoc.commands import workspace_from
    from gendoc.document import rel
    from gendoc.kinds import get_kind

    ws = workspace_from(ctx)
    found = get_kind(kind)
    scaffold = found.scaffold
    if scaffold is None:
        raise GendocError(f"loại '{kind}' chưa có chức năng tạo mới — "
                          f"sao chép một tệp mẫu trong content/ rồi sửa.")
    values: dict[str, Any] = dict(options)
    values["units"] = list(values.get("units") or ())
    opts = NewOptions(**values)
    written = scaffold(ws, opts)
    for path in written:
        click.echo(f"  + {rel(ws, path)}")
    click.echo(f"Đã tạo {len(written)} tệp.")
