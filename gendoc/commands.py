"""`gendoc init`, `gendoc build`, `gendoc render`: parse options, call the core, print results."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from gendoc.exceptions import ConfigError, GendocError


def workspace_from(ctx: click.Context):  # noqa: ANN201 - returns gendoc.workspace.Workspace
    from gendoc.workspace import load_workspace

    return load_workspace((ctx.obj or {}).get("workspace"))


@click.command(name="init")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path))
@click.option("--force", is_flag=True, help="Ghi vào thư mục đã có tệp (không xóa tệp cũ).")
def init_cmd(folder: Path, force: bool) -> None:
    """Tạo thư mục làm việc mới (gendoc.yaml, content/, templates/, output/) kèm ví dụ Kiên Giang.

    Dựng được ngay: cd THƯ_MỤC && gendoc build
    """
    from gendoc.workspace import CONFIG_NAME, example_dir

    if (folder / CONFIG_NAME).exists() and not force:
        raise ConfigError(f"'{folder}' đã là thư mục làm việc (có {CONFIG_NAME}) — "
                          "chọn thư mục khác hoặc thêm --force.")
    source = example_dir()
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / CONFIG_NAME, folder / CONFIG_NAME)
    shutil.copytree(source / "content", folder / "content", dirs_exist_ok=True)
    (folder / "templates").mkdir(exist_ok=True)
    (folder / "templates" / "README.txt").write_text(
        "Đặt mẫu riêng (.docx, .md.j2) vào đây: mẫu cùng tên sẽ thay mẫu có sẵn của gendoc.\n"
        "Lấy mẫu có sẵn để sửa: gendoc template new LOẠI\n", encoding="utf-8")
    (folder / "output").mkdir(exist_ok=True)
    (folder / ".gitignore").write_text("output/\n.gendoc/\n", encoding="utf-8")
    click.echo(f"Đã tạo thư mục làm việc '{folder}'. Tiếp theo: cd {folder} && gendoc build")


@click.command(name="build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", "run_check", is_flag=True,
              help="Kiểm tra thể thức (gendoc check) mọi văn bản vừa dựng; có lỗi thì báo thất bại.")
@click.option("--pdf", "make_pdf", is_flag=True,
              help="Chuyển các tệp vừa dựng sang PDF bằng LibreOffice (mỗi thư mục một lần chạy).")
@click.option("--pdf-timeout", type=click.FloatRange(min=1), default=300, show_default=True,
              metavar="GIÂY", help="Thời gian chờ tối đa cho mỗi lần chạy LibreOffice.")
@click.pass_context
def build_cmd(ctx: click.Context, paths: tuple[Path, ...], run_check: bool, make_pdf: bool,
              pdf_timeout: float) -> None:
    """Dựng mọi văn bản trong content/ (hoặc các tệp/thư mục PATHS) ra output/.

    content/a/b.yaml → output/a/b.docx. Văn bản lỗi không được ghi; các văn bản khác vẫn được dựng.
    Với --pdf, mỗi tệp .docx có thêm bản .pdf cùng tên.
    """
    import dataclasses
    import os

    from gendoc.build import build, rel

    ws = workspace_from(ctx)
    report = build(ws, paths or None)
    for result in report.results:
        outs = ", ".join(rel(ws, p) for p in result.outputs)
        if len(result.outputs) > 4:  # a batch (a course): its folder and the number of files
            folder = Path(os.path.commonpath([p.parent for p in result.outputs]))
            outs = f"{rel(ws, folder)}/ ({len(result.outputs)} tệp)"
        click.echo(f"  ✓ {rel(ws, result.document.path)} → {outs}")
    for path, message in report.warnings:
        click.secho(f"  ! {rel(ws, path)}: cảnh báo: {message}", fg="yellow", err=True)
    for _path, exc in report.failures:
        click.secho(f"  ✗ {exc.format_message()}", fg="red", err=True)
    failed_check = []
    if run_check:
        # Outputs a renderer marks as not ND30 documents (certificates, attendance forms, combined
        # print files: `not_nd30`) are not held to the ND30 format.
        checked = dataclasses.replace(report, results=[
            dataclasses.replace(r, outputs=[p for p in r.outputs if p not in getattr(r, "not_nd30", ())])
            for r in report.results])
        failed_check = _check_outputs(ws, checked)
    pdf_errors = []
    if make_pdf:
        from gendoc.pdf import PdfError, convert

        try:
            pdfs = convert([p for r in report.results for p in r.outputs], root=ws.output_dir,
                           timeout=pdf_timeout, progress=lambda folder, n: click.echo(
                               f"  … PDF: {rel(ws, folder)}/ ({n} tệp)", err=True))
        except PdfError as exc:
            pdf_errors = [exc]
        else:
            pdf_errors = pdfs.errors
            click.echo(f"  ✓ PDF: {len(pdfs.written)} tệp")
            if run_check:  # the printed page too: `gendoc check --layout` on each ND30 PDF
                from gendoc.check.layout_run import check_built_pdfs

                failed_check += check_built_pdfs(ws, pdfs.written)
        for exc in pdf_errors:
            click.secho(f"  ✗ PDF: {exc.format_message()}", fg="red", err=True)
    total = len(report.results) + len(report.failures)
    summary = f"Đã dựng {len(report.results)}/{total} văn bản"
    if report.failures:
        names = ", ".join(rel(ws, p) for p, _ in report.failures)
        summary += f"; {len(report.failures)} văn bản lỗi, không được ghi: {names}"
    if failed_check:
        summary += f"; {len(failed_check)} văn bản sai thể thức: {', '.join(failed_check)}"
    if pdf_errors:
        summary += f"; {len(pdf_errors)} lỗi khi chuyển sang PDF"
    click.echo(summary + ".")
    if report.failures or failed_check or pdf_errors:
        ctx.exit(1)


def _check_outputs(ws, report) -> list[str]:  # noqa: ANN001
    from gendoc.build import rel
    from gendoc.check import check_docx

    failed = []
    for result in report.results:
        if not result.document.kind.official:
            continue
        for out in result.outputs:
            if out.suffix != ".docx":
                continue
            findings = check_docx(out)
            for f in findings.errors:
                click.secho(f"  ✗ {rel(ws, out)}: [{f.rule}] {f.location}: {f.message}",
                            fg="red", err=True)
            if findings.errors:
                failed.append(rel(ws, out))
    return failed


@click.command(name="render")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tệp kết quả. Mặc định: output/ theo đường dẫn trong content/.")
@click.pass_context
def render_cmd(ctx: click.Context, file: Path, output: Path | None) -> None:
    """Dựng một văn bản từ tệp nội dung FILE."""
    from gendoc.authoring.gate import template_gate
    from gendoc.build import load_document, rel, render_document

    ws = workspace_from(ctx)
    if not file.exists():
        raise GendocError(f"không tìm thấy tệp '{file}'.")
    doc = load_document(ws, file)
    template_gate(ws)(doc)  # a broken workspace template is refused by name, as in build
    result = render_document(ws, doc, output)
    for warning in result.document.warnings:
        click.secho(f"  ! {rel(ws, file)}: cảnh báo: {warning}", fg="yellow", err=True)
    click.echo(", ".join(rel(ws, p) for p in result.outputs))
