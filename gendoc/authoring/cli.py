"""`gendoc templates`, `gendoc template check|new`, `gendoc schema`: thin Click commands."""

from __future__ import annotations

import json
from pathlib import Path

import click

from gendoc.exceptions import ConfigError, GendocError, UnusableInputError


def _workspace(ctx: click.Context, *, required: bool = True):  # noqa: ANN202 - Workspace
    """The workspace; outside one, checks still work against the built-in example."""
    from gendoc.commands import workspace_from
    from gendoc.workspace import example_dir, load_workspace

    try:
        return workspace_from(ctx)
    except ConfigError:
        if required:
            raise
        return load_workspace(example_dir())


def _echo_json(data: object) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.command(name="templates")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.pass_context
def templates_cmd(ctx: click.Context, as_json: bool) -> None:
    """Liệt kê mọi mẫu văn bản (có sẵn và mẫu riêng trong templates/), loại văn bản dùng mẫu
    và mẫu nào đang được dùng."""
    from gendoc.authoring.listing import list_templates, render_table

    ws = _workspace(ctx)
    entries = list_templates(ws)
    if as_json:
        _echo_json([e.to_json() for e in entries])
        return
    click.echo("Mẫu văn bản (mẫu riêng trong templates/ thay mẫu có sẵn cùng tên):")
    click.echo(render_table(ws, entries))
    click.echo("Lấy mẫu có sẵn để sửa: gendoc template new LOẠI; kiểm tra: gendoc template check TỆP")


@click.group(name="template")
def template_group() -> None:
    """Soạn mẫu văn bản an toàn: kiểm tra (check) và tạo mẫu mới để sửa (new)."""


@template_group.command(name="check")
@click.argument("files", nargs=-1, metavar="[TỆP]...")
@click.option("--kind", "kind_name", metavar="LOẠI",
              help="Loại văn bản dùng mẫu (mặc định: theo tên mẫu, hoặc theo tệp nội dung chọn mẫu).")
@click.option("--fix", is_flag=True,
              help="Ghi bản sao đã sửa các thẻ bị Word tách/làm hỏng (tệp gốc giữ nguyên).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tệp ghi bản đã sửa (mặc định: TÊN-da-sua.docx cạnh tệp gốc; chỉ với một TỆP).")
@click.option("--strict", is_flag=True, help="Coi cảnh báo như lỗi (mã thoát 1).")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.pass_context
def check_cmd(ctx: click.Context, files: tuple[str, ...], kind_name: str | None, fix: bool,
              output: Path | None, strict: bool, as_json: bool) -> None:
    """Kiểm tra mẫu (.docx hoặc trang web .html.j2) trước khi dựng: thẻ bị Word tách, lỗi cú pháp
    (chỉ rõ đoạn văn), biến sai tên so với dữ liệu của loại văn bản.

    TỆP là đường dẫn, hoặc tên mẫu trong templates/ (ví dụ: ke_hoach.docx). Không ghi TỆP:
    kiểm tra mọi mẫu riêng trong templates/ của thư mục làm việc. Mã thoát 1 khi có mẫu lỗi.
    """
    from gendoc.authoring.listing import is_template
    from gendoc.kinds import get_kind

    ws = _workspace(ctx, required=not files)
    if output is not None and len(files) != 1:
        raise GendocError("-o chỉ dùng được khi kiểm tra một tệp mẫu.")
    if files:
        paths = [_template_path(ws, f) for f in files]
    else:
        folder = ws.templates_dir
        paths = sorted(p for p in folder.iterdir() if is_template(p)) if folder.is_dir() else []
        if not paths:
            click.echo("Thư mục templates/ chưa có mẫu riêng — lấy mẫu có sẵn để sửa: "
                       "gendoc template new LOẠI")
            return
    kind = get_kind(kind_name) if kind_name else None
    results = [_check_one(ws, path, kind, fix, output, as_json, strict) for path in paths]
    if as_json:
        data = [r[1] for r in results]
        _echo_json(data[0] if files and len(files) == 1 else data)
    elif len(results) > 1:
        bad = sum(1 for ok, _ in results if not ok)
        click.echo(f"\nĐã kiểm tra {len(results)} mẫu: {bad} mẫu có lỗi.")
    if not all(ok for ok, _ in results):
        ctx.exit(1)


def _check_one(ws, path: Path, kind, fix: bool, output: Path | None,  # noqa: ANN001
               as_json: bool, strict: bool = False) -> tuple[bool, dict[str, object]]:
    """Check (and with --fix repair a copy of) one template; print unless JSON."""
    from gendoc.authoring.check import check_template, fix_template
    from gendoc.document import rel
    from gendoc.kinds import get_kind

    shown = rel(ws, path)
    report = check_template(path, kind, ws, shown=shown)
    data = report.to_json()
    if not as_json:
        _print(report)
    if not fix:
        return report.ok and not (strict and report.warnings), data
    if path.suffix.lower() != ".docx":
        raise GendocError(f"'{shown}': --fix chỉ sửa được mẫu .docx; mẫu chữ hãy sửa trực tiếp.")
    target = output or path.with_name(f"{path.stem}-da-sua{path.suffix}")
    count = fix_template(path, target)
    if kind is None and report.kind and "," not in report.kind:
        kind = get_kind(report.kind)  # the copy is named after the original, not the kind
    fixed = check_template(target, kind, ws, shown=rel(ws, target))
    if not as_json:
        click.echo(f"\nĐã sửa {count} thẻ, ghi bản sao: {rel(ws, target)}")
        _print(fixed)
        if fixed.ok:
            click.echo(f"Dùng bản đã sửa: đổi tên '{rel(ws, target)}' thành '{path.name}' "
                       "(sau khi mở bằng Word xem lại).")
    return fixed.ok and not (strict and fixed.warnings), {**data, "da_sua": count, "tep_da_sua": str(target),
                      "sau_khi_sua": fixed.to_json()}


def _template_path(ws, file: str) -> Path:  # noqa: ANN001
    from gendoc.templates import find_template

    path = Path(file)
    if path.exists():
        if path.is_dir():
            raise UnusableInputError(f"'{file}' là thư mục — ghi tên một tệp mẫu.")
        return path
    if len(path.parts) == 1:
        return find_template(ws, file)
    raise UnusableInputError(f"không tìm thấy tệp mẫu '{file}'.")


def _print(report) -> None:  # noqa: ANN001
    head = f"Mẫu {report.template}"
    if report.kind:
        head += f" — loại {report.kind}"
    if report.known_from:
        head += f" (tên biến lấy từ: {report.known_from})"
    click.echo(head)
    for finding in report.findings:
        color = "red" if finding.severity == "loi" else "yellow"
        click.secho(f"  {finding.render()}", fg=color)
    if report.variables:
        click.echo(f"  Biến mẫu dùng: {', '.join(report.variables)}")
    click.echo(report.summary())


@template_group.command(name="new")
@click.argument("kind_name", metavar="LOẠI")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tệp mẫu ghi ra (mặc định: templates/<mẫu của loại>).")
@click.option("--force", is_flag=True, help="Ghi đè tệp đã có.")
@click.pass_context
def new_cmd(ctx: click.Context, kind_name: str, output: Path | None, force: bool) -> None:
    """Tạo mẫu riêng cho loại văn bản LOẠI (bản sao mẫu có sẵn) trong templates/ để mở bằng Word sửa."""
    from gendoc.authoring.scaffold import new_template
    from gendoc.document import rel
    from gendoc.kinds import get_kind

    ws = _workspace(ctx)
    kind = get_kind(kind_name)
    target = new_template(ws, kind, output, force=force)
    click.echo(f"Đã tạo mẫu {rel(ws, target)} (bản sao mẫu có sẵn '{kind.template}').")
    if target.parent.resolve() == ws.templates_dir.resolve() and target.name == kind.template:
        click.echo(f"Mẫu này thay mẫu có sẵn cho mọi văn bản loại {kind.name}.")
    else:
        click.echo(f"Để văn bản dùng mẫu này, thêm vào tệp nội dung: template: {target.name}"
                   + ("" if target.parent.resolve() == ws.templates_dir.resolve()
                      else " (và đặt tệp vào templates/)"))
    click.echo(f"Xem các trường: gendoc schema {kind.name}; sau khi sửa bằng Word, kiểm tra: "
               f"gendoc template check {rel(ws, target)} --kind {kind.name}")


@click.command(name="schema")
@click.argument("kind_name", metavar="[LOẠI]", required=False)
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON.")
@click.pass_context
def schema_cmd(ctx: click.Context, kind_name: str | None, as_json: bool) -> None:
    """In các trường của loại văn bản LOẠI: kiểu, bắt buộc hay không, mô tả, giá trị ví dụ.
    Không ghi LOẠI: liệt kê các loại văn bản."""
    from gendoc.authoring.schema import example_values, render_text, rows
    from gendoc.kinds import all_kinds, get_kind

    if kind_name is None:
        for kind in all_kinds().values():
            click.echo(f"  {kind.name}: {kind.title} (mẫu {kind.template})")
        click.echo("Xem các trường của một loại: gendoc schema LOẠI")
        return
    kind = get_kind(kind_name)
    content = _workspace(ctx, required=False).content_dir  # examples in the clerk's own wording
    if as_json:
        samples = example_values(kind, content)
        _echo_json({"loai": kind.name, "ten": kind.title, "mau": kind.template,
                    "truong": [{"truong": r.path, "cap": r.depth, "kieu": r.type,
                                "bat_buoc": r.required, "mo_ta": r.description,
                                "vi_du": r.example}
                               for r in rows(kind.schema, kind, samples=samples)]})
        return
    click.echo(render_text(kind, content), nl=False)
