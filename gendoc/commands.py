"""`gendoc init`, `gendoc build`, `gendoc render`: parse options, call the core, print results."""

from __future__ import annotations

import os
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
@click.option("--mau", "sample", type=click.Choice(["kien-giang-2016", "an-giang-2025"]),
              default="kien-giang-2016", show_default=True,
              help="Mẫu: kien-giang-2016 (Kiên Giang 2016-2020, có cấp huyện; ví dụ gốc) hoặc "
                   "an-giang-2025 (An Giang từ 01/7/2025, chính quyền hai cấp: sở; xã, phường, "
                   "đặc khu).")
def init_cmd(folder: Path, force: bool, sample: str) -> None:
    """Tạo thư mục làm việc mới (gendoc.yaml, content/, templates/, output/) kèm một mẫu.

    Mặc định là ví dụ Kiên Giang 2016-2020; --mau an-giang-2025 cho cơ cấu hai cấp hiện nay
    (xem docs/workspace.md). Dựng được ngay: cd THƯ_MỤC && gendoc build
    """
    from gendoc.workspace import CONFIG_NAME, sample_dir

    if (folder / CONFIG_NAME).exists() and not force:
        raise ConfigError(f"'{folder}' đã là thư mục làm việc (có {CONFIG_NAME}) — "
                          "chọn thư mục khác hoặc thêm --force.")
    source = sample_dir(sample)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source / CONFIG_NAME, folder / CONFIG_NAME)
    shutil.copytree(source / "content", folder / "content", dirs_exist_ok=True)
    (folder / "templates").mkdir(exist_ok=True)
    (folder / "templates" / "README.txt").write_text(
        "Đặt mẫu riêng (.docx, .html.j2) vào đây: mẫu cùng tên sẽ thay mẫu có sẵn của gendoc.\n"
        "Lấy mẫu có sẵn để sửa: gendoc template new LOẠI\n", encoding="utf-8")
    (folder / "output").mkdir(exist_ok=True)
    (folder / ".gitignore").write_text("output/\n.gendoc/\n", encoding="utf-8")
    click.echo(f"Đã tạo thư mục làm việc '{folder}'. Tiếp theo: cd {folder} && gendoc build")


@click.command(name="build")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--check", "run_check", is_flag=True,
              help="Kiểm tra thể thức (gendoc check) mọi văn bản vừa dựng; có lỗi thì báo thất bại.")
@click.option("--pdf", "make_pdf", is_flag=True,
              help="Chuyển các tệp vừa dựng sang PDF bằng LibreOffice "
                   "(tối đa một LibreOffice mỗi nhân máy).")
@click.option("--pdf-timeout", type=click.FloatRange(min=1), default=300, show_default=True,
              metavar="GIÂY", help="Thời gian chờ tối đa cho mỗi tiến trình LibreOffice.")
@click.option("--force", is_flag=True,
              help="Dựng lại mọi văn bản, kể cả văn bản không có gì thay đổi từ lần dựng trước.")
@click.option("-j", "--jobs", type=click.IntRange(min=0, max=64), default=0, metavar="N",
              help="Số tiến trình dựng song song, cũng là số LibreOffice tối đa khi có --pdf "
                   "(mặc định: số nhân của máy, hoặc GENDOC_JOBS).")
@click.pass_context
def build_cmd(ctx: click.Context, paths: tuple[Path, ...], run_check: bool, make_pdf: bool,
              pdf_timeout: float, force: bool, jobs: int) -> None:
    """Dựng mọi văn bản trong content/ (hoặc các tệp/thư mục PATHS) ra output/.

    content/a/b.yaml → output/a/b.docx. Văn bản lỗi không được ghi; các văn bản khác vẫn được dựng.
    Với --pdf, mỗi tệp .docx có thêm bản .pdf cùng tên. Văn bản không có gì thay đổi (tệp nội
    dung, dữ liệu, mẫu, gendoc.yaml) từ lần dựng trước thì được giữ nguyên, trừ khi có --force.
    Tệp do gendoc tạo trước đây mà nay không còn được tạo (tệp nội dung đã xóa, PDF cũ) được dọn
    đi; tệp khác trong output/ không bị đụng tới.
    """
    from gendoc import api
    from gendoc.progress import TerminalProgress

    ws = workspace_from(ctx)
    progress = TerminalProgress(lambda path: rel(ws, path))
    outcome = api.build(ws, paths or None, check=run_check, pdf=make_pdf,
                        pdf_timeout=pdf_timeout, force=force, jobs=jobs, progress=progress,
                        pdf_progress=lambda folder, n: click.echo(
                            f"  … PDF: {rel(ws, folder)}/ ({n} tệp)", err=True))
    progress.finish()
    report = outcome.report
    for result in report.results:
        mark = "=" if result.skipped else "✓"
        click.echo(f"  {mark} {rel(ws, result.document.path)} → {_outputs_line(ws, result.outputs)}"
                   + (" (không đổi)" if result.skipped else ""))
    for path, message in report.warnings:
        click.secho(f"  ! {rel(ws, path)}: cảnh báo: {message}", fg="yellow", err=True)
    for _path, exc in report.failures:
        click.secho(f"  ✗ {exc.format_message()}", fg="red", err=True)
        trace = getattr(exc, "trace", None)
        if (ctx.obj or {}).get("verbose") and trace:
            click.echo(trace, err=True)
    if report.removed:
        click.echo(f"  − đã xóa {len(report.removed)} tệp cũ không còn được tạo: "
                   f"{', '.join(report.removed[:5])}{' …' if len(report.removed) > 5 else ''}")
    if run_check:
        _print_check(ws, outcome)
    if make_pdf:
        if not outcome.pdf_errors or outcome.pdfs:
            click.echo(f"  ✓ PDF: {len(outcome.pdfs)} tệp")
        for exc in outcome.pdf_errors:
            click.secho(f"  ✗ PDF: {exc.format_message()}", fg="red", err=True)
    click.echo(_summary(ws, outcome) + ".")
    if not outcome.ok:
        ctx.exit(1)


def rel(ws, path: Path) -> str:  # noqa: ANN001
    from gendoc.document import rel as relative

    return relative(ws, path)


def _outputs_line(ws, outputs: list[Path]) -> str:  # noqa: ANN001
    if len(outputs) > 4:  # a batch (a course): its folder and the number of files
        folder = Path(os.path.commonpath([p.parent for p in outputs]))
        return f"{rel(ws, folder)}/ ({len(outputs)} tệp)"
    return ", ".join(rel(ws, p) for p in outputs)


def _summary(ws, outcome) -> str:  # noqa: ANN001
    report = outcome.report
    total = len(report.results) + len(report.failures)
    summary = f"Đã dựng {len(report.results)}/{total} văn bản"
    skipped = sum(1 for r in report.results if r.skipped)
    if skipped:
        summary += f" ({skipped} văn bản không đổi, giữ nguyên)"
    if report.failures:
        names = ", ".join(rel(ws, p) for p, _ in report.failures)
        summary += f"; {len(report.failures)} văn bản lỗi, không được ghi: {names}"
    if outcome.failed_check:
        names = ", ".join(rel(ws, p) for p in outcome.failed_check)
        summary += f"; {len(outcome.failed_check)} văn bản sai thể thức: {names}"
    if outcome.pdf_errors:
        summary += f"; {len(outcome.pdf_errors)} lỗi khi chuyển sang PDF"
    return summary


def _print_check(ws, outcome) -> None:  # noqa: ANN001
    """Every error found, then always a closing line: a clerk can tell the check ran."""
    errors = warnings = 0
    for checked in outcome.checked:
        errors += len(checked.report.errors)
        warnings += len(checked.report.warnings)
        for f in checked.report.errors:
            click.secho(f"  ✗ {rel(ws, checked.path)}: [{f.rule}] {f.location}: {f.message}",
                        fg="red", err=True)
    documents = [c for c in outcome.checked if not c.layout]
    pages = [c for c in outcome.checked if c.layout]
    failed = sum(1 for c in documents if c.report.errors)
    line = (f"Kiểm tra thể thức: {len(documents)} văn bản — "
            f"{len(documents) - failed} đạt, {failed} có lỗi; "
            f"tổng {errors} lỗi, {warnings} cảnh báo")
    if pages:
        bad_pages = sum(1 for c in pages if c.report.errors)
        line += f"; trang in: {len(pages)} tệp PDF, {bad_pages} có lỗi dàn trang"
    if outcome.not_checked:
        line += f" (không kiểm tra {outcome.not_checked} tệp không phải văn bản hành chính)"
    click.secho(line + ".", fg="red" if failed else "green")


@click.command(name="render")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tệp kết quả. Mặc định: output/ theo đường dẫn trong content/.")
@click.pass_context
def render_cmd(ctx: click.Context, file: Path, output: Path | None) -> None:
    """Dựng một văn bản từ tệp nội dung FILE."""
    from gendoc import api

    ws = workspace_from(ctx)
    if not file.exists():
        raise GendocError(f"không tìm thấy tệp '{file}'.")
    result = api.render_to(ws, file, output)
    for warning in result.document.warnings:
        click.secho(f"  ! {rel(ws, file)}: cảnh báo: {warning}", fg="yellow", err=True)
    click.echo(", ".join(rel(ws, p) for p in result.outputs))
