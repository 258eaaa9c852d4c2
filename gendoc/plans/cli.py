"""`gendoc units` (the registry of units) and `gendoc status` (who has sent their plan)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from gendoc.exceptions import GendocError
from gendoc.levels import TIERS

LEVELS = tuple(TIERS)


@click.command(name="units")
@click.option("--cap", "level", type=click.Choice(LEVELS), default=None,
              help="Chỉ liệt kê một cấp: tinh (UBND tỉnh), so_ban_nganh (sở, ban, ngành), cap_xa "
                   "(UBND xã, phường, đặc khu), cap_huyen (cấp huyện, trước 01/7/2025), khac.")
@click.option("--chi-tiet", "details", is_flag=True,
              help="Thêm ký hiệu, cấp, chức vụ người đứng đầu, địa danh (và loại đơn vị hành "
                   "chính, mã định danh, thời hạn khi gendoc.yaml có ghi).")
@click.pass_context
def units_cmd(ctx: click.Context, level: str | None, details: bool) -> None:
    """Liệt kê các cơ quan, đơn vị trong gendoc.yaml: MÃ <tab> TÊN [<tab> MÃ ĐỊNH DANH].

    Mã dùng cho 'co_quan:' trong tệp nội dung và cho 'gendoc new ke_hoach --unit MÃ'. Cấp xã gồm
    xã, phường, đặc khu (trường 'cap: cap_xa'; loại đọc từ tên hoặc trường 'loai_dvhc').
    Mã định danh điện tử (Quyết định 20/2020/QĐ-TTg) in thêm khi gendoc.yaml có ghi.
    """
    from gendoc.commands import workspace_from

    ws = workspace_from(ctx)
    shown = [u for u in ws.config.co_quan if level is None or u.cap == level]
    with_ids = any(u.ma_dinh_danh for u in ws.config.co_quan)
    with_time = any(u.hieu_luc_tu or u.hieu_luc_den or u.ten_cu for u in ws.config.co_quan)
    try:
        for unit in shown:
            line = f"{unit.ma}\t{unit.full_name}"
            if with_ids:
                line += f"\t{unit.ma_dinh_danh or ''}"
            if details:
                line += f"\t{unit.ky_hieu}\t{unit.cap}\t{unit.chuc_vu_thu_truong or ''}\t{unit.dia_danh}"
                if unit.form is not None and (unit.cap == "cap_xa" or unit.loai_dvhc):
                    line += f"\t{unit.form.word}"
                if with_time:
                    line += f"\t{_lifetime(unit)}"
            click.echo(line)
    except BrokenPipeError:  # `gendoc units | head`: the reader has what it wanted
        return
    click.echo(f"{len(shown)} cơ quan, đơn vị.", err=True)


def _lifetime(unit) -> str:  # noqa: ANN001 - gendoc.units.CoQuan
    parts = []
    if unit.hieu_luc_tu:
        parts.append(f"từ {unit.hieu_luc_tu:%d/%m/%Y}")
    if unit.hieu_luc_den:
        parts.append(f"đến {unit.hieu_luc_den:%d/%m/%Y}")
    for old in unit.ten_cu:
        parts.append(f"tên cũ «{old.ten_day_du or old.ten or ''}» đến {old.den_ngay:%d/%m/%Y}")
    return "; ".join(parts)


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    from gendoc.plans.tasks import deadline_of

    found = deadline_of(value)
    if found is None:
        raise click.BadParameter(f"'{value}' không phải ngày đầy đủ — viết dd/mm/yyyy, ví dụ 25/01/2017.")
    return found


@click.command(name="status")
@click.option("--from", "source", type=click.Path(dir_okay=False, path_type=Path),
              help="Kế hoạch gốc (mặc định: kế hoạch mà các kế hoạch đơn vị ghi ở thuc_hien_ke_hoach).")
@click.option("--han", "deadline", metavar="dd/mm/yyyy",
              help="Hạn gửi kế hoạch (mặc định: đọc từ câu '… trước ngày …' của kế hoạch gốc).")
@click.option("--ngay-xem", "as_of", metavar="dd/mm/yyyy",
              help="Xem tình hình tính đến ngày này (mặc định: hôm nay).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Tệp Excel kết quả (mặc định: output/<kế hoạch gốc>-tinh-hinh-gui.xlsx).")
@click.pass_context
def status_cmd(ctx: click.Context, source: Path | None, deadline: str | None, as_of: str | None,
               output: Path | None) -> None:
    """Tình hình gửi kế hoạch của từng sở, ban, ngành và UBND cấp xã (cấp huyện nếu có).

    Mỗi đơn vị: đã có kế hoạch chưa, đã có số và ngày (đã ban hành) chưa, ban hành trước hay sau
    hạn gửi. Ghi kèm bảng Excel cho Sở Nội vụ.
    """
    from gendoc.commands import workspace_from
    from gendoc.document import default_output, rel
    from gendoc.plans.sheet import write_xlsx
    from gendoc.plans.status import CHUA_CO, DA_BAN_HANH, DU_THAO, TEP_LOI, collect, find_source

    ws = workspace_from(ctx)
    path = find_source(ws, source)
    report = collect(ws, path, _date(deadline), _date(as_of))
    width = max((len(r.unit.ma) for r in report.rows), default=10)
    click.echo(f"Kế hoạch gốc: {report.source_rel} — hạn gửi {report.deadline:%d/%m/%Y}")
    for row in report.rows:
        ngay = f"{row.ngay:%d/%m/%Y}" if row.ngay else ""
        line = (f"  {row.unit.ma:<{width}}  {row.tinh_trang:<24} {row.so_ky_hieu:<16} {ngay:<10} "
                f"{row.han}").rstrip()
        colour = "red" if row.late or row.tinh_trang == TEP_LOI else None
        click.secho(line, fg=colour)
        if row.tinh_trang == TEP_LOI:
            click.secho(f"      {row.ghi_chu}", fg="red", err=True)
    target = output or default_output(ws, path, ".xlsx").with_name(f"{path.stem}-tinh-hinh-gui.xlsx")
    try:
        written = write_xlsx(report, target, root=None if output else ws.output_dir)
    except OSError as exc:
        raise GendocError(f"không ghi được '{target}' ({exc.strerror}) — tệp có đang mở trong Excel?") from exc
    issued = report.count(lambda r: r.tinh_trang == DA_BAN_HANH)
    late = report.count(lambda r: r.han.startswith("Trễ"))
    click.echo(f"{len(report.rows)} đơn vị: {issued} đã ban hành ({late} trễ hạn), "
               f"{report.count(lambda r: r.tinh_trang == DU_THAO)} dự thảo, "
               f"{report.count(lambda r: r.tinh_trang == CHUA_CO)} chưa có"
               + (f", {report.count(lambda r: r.tinh_trang == TEP_LOI)} tệp lỗi" if
                  report.count(lambda r: r.tinh_trang == TEP_LOI) else "") + ".")
    click.echo(f"Bảng Excel: {rel(ws, written)}")
