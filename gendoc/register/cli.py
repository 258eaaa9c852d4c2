"""`gendoc issue` and `gendoc register list|export|verify` (thin: parse, load, call, print)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from gendoc.exceptions import GendocError

STATUS_LABELS = {
    "allocated": "đã cấp số, chưa dựng",
    "issued": "đã ban hành",
    "replaced": "đã được thay thế",
}


def _workspace(ctx: click.Context):  # noqa: ANN202 - Workspace, imported lazily
    from gendoc.workspace import load_workspace

    return load_workspace((ctx.obj or {}).get("workspace"))


def _parse_date(_ctx: click.Context, _param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(
            f"'{value}' không phải ngày dạng NĂM-THÁNG-NGÀY, ví dụ 2026-03-05."
        ) from None


@click.command(name="issue")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--date", "date", callback=_parse_date, metavar="YYYY-MM-DD",
              help="Ngày ban hành (mặc định: hôm nay). Số được đếm lại từ 01 mỗi năm.")
@click.option("--force", is_flag=True,
              help="Cấp số mới cho văn bản đã có số (ban hành lại bản sửa); số cũ vẫn giữ trong "
                   "sổ, ghi chú là đã được thay thế.")
@click.pass_context
def issue_cmd(ctx: click.Context, file: Path, date: dt.date | None, force: bool) -> None:
    """Cấp số, ghi ngày vào tệp nội dung, dựng văn bản và vào sổ đăng ký văn bản đi.

    Số được cấp tự động theo cơ quan ban hành, năm và sổ (mặc định mỗi cơ quan một sổ; cấu hình
    sổ riêng theo loại văn bản ở mục so_dang_ky.so_rieng của gendoc.yaml), không trùng, không
    bỏ sót kể cả khi nhiều người cùng cấp số.
    """
    from gendoc.api import render_to
    from gendoc.register.issue import issue

    ws = _workspace(ctx)
    outcome = issue(ws, file, date=date, force=force, render=render_to)
    entry = outcome.entry
    if outcome.resumed:
        click.echo(f"Dựng tiếp văn bản với số đã cấp trước ({entry.doc_date:%d/%m/%Y}).")
    if outcome.replaced is not None:
        click.echo(f"Số cũ {outcome.replaced.full_symbol} được ghi là đã được thay thế.")
    click.echo(f"Số: {entry.full_symbol}")
    click.echo(f"Ngày: {entry.doc_date:%d/%m/%Y} — văn bản: {entry.output_path}")
    from gendoc.sign.registry import record_after_issue  # a signed PDF of this number, if any

    signed = record_after_issue(ws, entry)
    if signed is not None:
        click.echo(f"Văn bản điện tử đã ký: {signed.output_path} (đã ghi mã băm vào sổ).")


@click.group(name="register")
def register() -> None:
    """Sổ đăng ký văn bản đi: xem, xuất ra Excel, kiểm tra văn bản đã ban hành."""


@register.command(name="list")
@click.option("--year", type=int, help="Chỉ hiện văn bản của năm này.")
@click.option("--issuer", metavar="MA", help="Chỉ hiện văn bản của cơ quan có mã này.")
@click.pass_context
def list_cmd(ctx: click.Context, year: int | None, issuer: str | None) -> None:
    """Liệt kê các số đã cấp (kể cả số đã cấp nhưng chưa dựng văn bản)."""
    from gendoc.register.issue import register_for

    ws = _workspace(ctx)
    reg, _settings = register_for(ws)
    with reg:
        rows = reg.entries(year=year, issuer=issuer)
    if not rows:
        click.echo("Sổ đăng ký chưa có văn bản nào" + (" phù hợp." if year or issuer else "."))
        return
    for e in rows:
        series = f" [sổ {e.series}]" if e.series else ""
        line = (f"{e.full_symbol:<16} {e.doc_date:%d/%m/%Y}  {e.issuer}{series}  "
                f"{STATUS_LABELS.get(e.status, e.status):<20}  {e.summary}")
        if e.note:
            line += f"  ({e.note})"
        click.echo(line)
    pending = sum(1 for e in rows if e.status == "allocated")
    summary = f"Tổng: {len(rows)} số"
    if pending:
        summary += (f", {pending} số đã cấp nhưng chưa dựng văn bản — chạy lại "
                    "'gendoc issue TỆP' để dựng tiếp.")
    click.echo(summary + ("" if pending else "."))


@register.command(name="export")
@click.option("--year", type=int, required=True, help="Năm của sổ cần xuất.")
@click.option("--issuer", metavar="MA", help="Chỉ xuất văn bản của cơ quan có mã này.")
@click.option("-o", "--output", "out", required=True,
              type=click.Path(dir_okay=False, path_type=Path), help="Tệp .xlsx cần ghi.")
@click.pass_context
def export_cmd(ctx: click.Context, year: int, issuer: str | None, out: Path) -> None:
    """Xuất sổ đăng ký văn bản đi của một năm ra Excel (mẫu Phụ lục IV, NĐ 30/2020/NĐ-CP)."""
    from gendoc.register.export import export_xlsx
    from gendoc.register.issue import register_for

    if out.suffix.lower() != ".xlsx":
        raise GendocError(f"{out}: tệp xuất phải có đuôi .xlsx (ví dụ so-van-ban-di-{year}.xlsx).")
    ws = _workspace(ctx)
    reg, _settings = register_for(ws)
    with reg:
        rows = reg.entries(year=year, issuer=issuer)
    label = ""
    if issuer:
        try:
            label = ws.unit(issuer).ten.replace("\n", " ")
        except GendocError:
            label = issuer
    try:
        export_xlsx(rows, out, year=year, issuer_label=label)
    except OSError as exc:
        raise GendocError(f"{out}: không ghi được tệp ({exc.strerror}) — tệp có đang mở trong "
                          "Excel không? Đóng tệp hoặc chọn tên khác.") from exc
    click.echo(f"Đã xuất {len(rows)} dòng của sổ năm {year} ra {out}")


@register.command(name="verify")
@click.option("--year", type=int, help="Chỉ kiểm tra văn bản của năm này.")
@click.pass_context
def verify_cmd(ctx: click.Context, year: int | None) -> None:
    """Tính lại mã băm các văn bản đã ban hành và báo những tệp bị sửa sau khi ban hành."""
    from gendoc.register.issue import register_for, workspace_key_for
    from gendoc.register.verify import verify

    ws = _workspace(ctx)
    reg, settings = register_for(ws)
    with reg:
        report = verify(reg, ws.root, workspace_key_for(ws, reg, settings), year=year)
    for finding in report.findings:
        click.echo(f"  - {finding.render()}", err=True)
    if report.findings:
        raise GendocError(
            f"{len(report.findings)} tệp không khớp với sổ đăng ký (đã kiểm tra {report.checked} "
            "văn bản). Văn bản đã ban hành không được sửa: nếu cần sửa, ban hành lại bằng "
            "'gendoc issue --force TỆP'."
        )
    click.echo(f"Đã kiểm tra {report.checked} văn bản: tất cả khớp với sổ đăng ký.")
