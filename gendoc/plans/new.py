"""`gendoc new ke_hoach --unit CODE|--all-units --from PLAN.yaml [-o PATH] [--force]`.

Without --unit, --all-units and --from: a blank plan of the province (`gendoc.plans.blank`).

Writes one content file per unit, atomically, never over an existing file without `--force`;
every file is checked to load as a valid plan before it is written. With several units an
existing file is skipped (and reported) while the others are still written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from gendoc.document import rel
from gendoc.exceptions import GendocError
from gendoc.kinds import get_kind
from gendoc.plans.blank import blank_plan, target_of
from gendoc.plans.derive import default_target, derive, in_force_on, load_source, targets
from gendoc.plans.source import provincial_plan  # noqa: F401 - part of this module's API
from gendoc.validation import validate
from gendoc.workspace import Workspace
from gendoc.writer import atomic_write, ensure_inside
from gendoc.yamlio import line_of, load_yaml


def _resolve(ws: Workspace, path: Path) -> Path:
    return path if path.is_absolute() else (Path.cwd() / path)


def _target(ws: Workspace, src: Any, unit: Any, output: Path | None, many: bool) -> Path:
    if output is None:
        return default_target(ws, src, unit)
    output = _resolve(ws, output)
    if many and output.suffix.lower() in (".yaml", ".yml"):
        raise GendocError(f"tạo cho nhiều đơn vị thì -o phải là một thư mục, không phải tệp "
                          f"'{output.name}' — ví dụ -o content/ke-hoach/don-vi.")
    if many or output.is_dir() or output.suffix.lower() not in (".yaml", ".yml"):
        return output / default_target(ws, src, unit).name
    return output


def _validate(ws: Workspace, text: str, shown: str) -> None:
    """The derived text must load as a valid plan (a bug here must not reach a clerk's folder)."""
    raw = load_yaml(Path(shown), text=text)
    validate(get_kind("ke_hoach").schema, raw, shown, where=lambda loc: line_of(raw, loc))


def _print(text: str, warning: bool) -> None:
    if warning:
        click.secho(text, fg="yellow", err=True)
    else:
        click.echo(text)


def scaffold(ws: Workspace, options: Any,
             say: Callable[[str, bool], None] = _print) -> list[Path]:
    """The `ke_hoach` scaffold for `gendoc new` (see gendoc.scaffold.NewOptions).

    `say(text, warning)` is told what a clerk should read (the CLI prints it; the web app shows
    it on the page)."""
    unused = [flag for flag, value in (("--xlsx", getattr(options, "xlsx", False)),
                                       ("--year", getattr(options, "year", None))) if value]
    if unused:
        raise GendocError(f"{', '.join(unused)} không dùng cho kế hoạch — kế hoạch đơn vị dẫn xuất "
                          "từ kế hoạch gốc (--from) cho --unit MÃ hoặc --all-units.")
    if options.all_units and options.units:
        raise GendocError("dùng --unit hoặc --all-units, không dùng cả hai.")
    if not (options.units or options.all_units or options.source):
        return [_blank(ws, options)]
    source = _resolve(ws, options.source) if options.source else provincial_plan(ws)
    src = load_source(ws, source)
    if options.source is None:
        say(f"Kế hoạch gốc: {rel(ws, source)}", False)
    units = targets(ws, list(options.units), options.all_units, in_force_on(src))
    many = len(units) > 1
    plans = []
    for unit in units:
        if unit.ma == src.data.co_quan:
            if not options.all_units:
                raise GendocError(f"'{unit.ma}' là cơ quan ban hành kế hoạch gốc — chọn đơn vị khác.")
            continue
        target = ensure_inside(_target(ws, src, unit, options.output, many), ws.root)
        plans.append((unit, target))
    written, skipped = [], []
    for unit, target in plans:
        if target.exists() and not options.force:
            if not many:
                raise GendocError(f"tệp '{rel(ws, target)}' đã có — không ghi đè. Thêm --force để "
                                  "ghi đè (mất phần đơn vị đã sửa) hoặc chọn tệp khác bằng -o.")
            skipped.append(target)
            continue
        derived = derive(ws, src, unit)
        _validate(ws, derived.text, rel(ws, target))
        atomic_write(target, derived.text.encode("utf-8"), root=ws.root)
        written.append(target)
        for note in derived.notes:
            say(f"  ! {rel(ws, target)}: {note}", True)
    for target in skipped:
        say(f"  = {rel(ws, target)}: đã có, giữ nguyên (thêm --force để ghi đè).", True)
    if many:
        say(f"{len(written)} kế hoạch mới, {len(skipped)} đã có "
            f"(trên {len(plans)} đơn vị trong gendoc.yaml).", False)
    return written


def _blank(ws: Workspace, options: Any) -> Path:
    """No unit and no --from: the province's own blank plan."""
    stem, text = blank_plan(ws, dt.date.today())
    target = ensure_inside(target_of(ws, stem, options.output), ws.root)
    if target.exists() and not options.force:
        raise GendocError(f"tệp '{rel(ws, target)}' đã có — không ghi đè. Thêm --force để ghi đè "
                          "hoặc chọn tệp khác bằng -o.")
    _validate(ws, text, rel(ws, target))
    return atomic_write(target, text.encode("utf-8"), root=ws.root)
