"""`gendoc consolidate NĂM`: the consolidation at a glance, before writing the report.

Sở Nội vụ asks "who has not reported yet, and where do we stand against the targets?" many
times between 15 November and the report; this answers in the terminal from the same
`consolidate()` the report uses, and can write the .xlsx annex on its own (`-o`).
"""

from __future__ import annotations

from pathlib import Path

import click


@click.command(name="consolidate")
@click.argument("nam", type=int, metavar="NĂM")
@click.option("--thu-muc", "folder", metavar="THƯ_MỤC",
              help="Thư mục báo cáo các đơn vị trong content/ (mặc định: bao_cao.thu_muc).")
@click.option("--ky", default="nam", show_default=True, metavar="KỲ", help="Kỳ báo cáo: nam, 6_thang …")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Ghi biểu tổng hợp Excel (.xlsx) vào tệp này.")
@click.pass_context
def consolidate_cmd(ctx: click.Context, nam: int, folder: str | None, ky: str,
                    output: Path | None) -> None:
    """Tổng hợp nhanh báo cáo năm NĂM của các đơn vị: ai đã gửi, gửi chậm, chưa gửi; tỷ lệ nữ
    và so sánh với chỉ tiêu. Báo cáo đơn vị có lỗi thì báo lỗi, không tổng hợp."""
    from gendoc.commands import workspace_from
    from gendoc.document import rel
    from gendoc.exceptions import GendocError
    from gendoc.reports.consolidation import consolidate
    from gendoc.reports.indicators import PAIRED
    from gendoc.reports.wording import phan_tram_vn, so, thay_doi

    ws = workspace_from(ctx)
    if output is not None and output.suffix.lower() != ".xlsx":
        raise GendocError(f"tệp '{output}' phải có đuôi .xlsx.")
    cons = consolidate(ws, nam, folder, ky=ky)
    expected = len(cons.expected)
    done = cons.so_da_bao_cao
    click.echo(f"Năm {nam}: {so(len(cons.reports))} báo cáo; {so(done)}/{so(expected)} đơn vị phải "
               f"báo cáo đã gửi ({phan_tram_vn(cons.ty_le_bao_cao)}); hạn {cons.deadline:%d/%m/%Y}.")
    for report in cons.late:
        click.echo(f"  chậm {so(report.days_late)} ngày: {report.unit.ten_day_du} "
                   f"({rel(ws, report.path)})")
    for report in cons.undated:
        click.echo(f"  chưa rõ ngày gửi: {report.unit.ten_day_du} ({rel(ws, report.path)})")
    for unit in cons.missing:
        click.echo(f"  chưa gửi: {unit.ten_day_du} ({unit.ma})")
    click.echo("Tỷ lệ nữ toàn tỉnh:")
    for spec in PAIRED:
        total = cons.total(spec.key)
        change = cons.change(spec.key)
        trend = f", {thay_doi(change)} so với năm {nam - 1}" if change is not None else ""
        click.echo(f"  {spec.title}: {so(total.nu)}/{so(total.tong)} "
                   f"({phan_tram_vn(total.ty_le)}){trend}")
    if cons.targets:
        click.echo("Chỉ tiêu:")
    for result in cons.targets:
        verdict = {True: "ĐẠT", False: "CHƯA ĐẠT", None: "chưa có số liệu"}[result.met]
        sign = "≥" if result.target.so_sanh == ">=" else "≤"
        click.echo(f"  {result.target.ten}: {phan_tram_vn(result.value)} "
                   f"(chỉ tiêu {sign} {phan_tram_vn(result.target.chi_tieu)}) — {verdict}")
    if output is not None:
        from gendoc.reports.annex import write_annex

        write_annex(cons, output)
        click.echo(f"Đã ghi biểu tổng hợp: {output}")
