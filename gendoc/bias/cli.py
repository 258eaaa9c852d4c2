"""`gendoc bias FILE…`: report gender-stereotyped wording with line, reason and alternative."""

from __future__ import annotations

import json
from pathlib import Path

import click

from gendoc.exceptions import ConfigError, GendocError


def _extra_list(option: Path | None, ctx: click.Context) -> Path | None:
    """The workspace's own phrase list (truyen_thong.dinh_kien_bo_sung), or --danh-muc."""
    if option is not None:
        return option
    try:
        from gendoc.workspace import load_workspace

        ws = load_workspace((ctx.obj or {}).get("workspace"))
    except ConfigError:
        return None  # checking a file outside any workspace is fine
    from gendoc.media.config import media_config

    return media_config(ws).dinh_kien_bo_sung_path(ws)


SUFFIXES = (".md", ".txt", ".html", ".htm", ".docx")


def _expand(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; a folder stands for every .md/.txt/.html/.docx file inside it."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out += sorted(p for p in path.rglob("*") if p.is_file()
                          and p.suffix.lower() in SUFFIXES and not p.name.startswith((".", "~$")))
        else:
            out.append(path)
    return out


def _list_data(phrases: list) -> None:  # noqa: ANN001 - list[Phrase]
    """Print what the checker really uses: the detector's categories, word sets, markers, and the
    curated phrase list (built-in plus the workspace's own)."""
    from gendoc.bias.lexicon import MARKER_LISTS, load_lexicon
    from gendoc.bias.phrases import GROUPS

    lexicon = load_lexicon()
    click.echo(f"Nhóm định kiến (bộ dò theo cấu trúc câu, {len(lexicon.categories)} nhóm):")
    for cat in lexicon.categories:
        rules = "; ".join(" + ".join(rule) for rule in cat.rules)
        unless = f" (không báo khi câu có: {', '.join(cat.unless)})" if cat.unless else ""
        click.echo(f"- {cat.key} [{cat.label}]: {rules}{unless} — {cat.reason} → {cat.alternative}")
    click.echo("Nhóm từ:")
    for ws in lexicon.sets.values():
        click.echo(f"- {ws.name} [{ws.label}, {ws.kind}]: {', '.join(p.text for p in ws.patterns)}")
    click.echo("Dấu hiệu trong câu:")
    for name in MARKER_LISTS:
        click.echo(f"- {name}: {', '.join(p.text for p in lexicon.markers[name])}")
    click.echo(f"Danh mục cụm từ ({len(phrases)} mục):")
    for p in phrases:
        click.echo(f"- {p.text} [{GROUPS.get(p.group, p.group)}]: {p.reason} → {p.alternative}")
    click.echo(f"Tổng cộng {len(lexicon.categories)} nhóm định kiến, {len(phrases)} cụm từ.")


def _as_json(results: list) -> str:  # noqa: ANN001 - [(path, findings, unit)]
    return json.dumps([
        {"tep": str(path), "don_vi": unit, "phat_hien": [
            {"dong": f.line, "cum_tu": f.phrase, "muc": f.entry.text, "nhom": f.category,
             "ten_nhom": f.category_label, "tu_kich_hoat": list(f.triggers),
             "muc_do": "ghi_chu" if f.note else "canh_bao",
             "ly_do": f.entry.reason, "thay_the": f.entry.alternative} for f in findings]}
        for path, findings, unit in results], ensure_ascii=False, indent=2)


@click.command(name="bias")
@click.argument("files", nargs=-1, type=click.Path(path_type=Path))
@click.option("--danh-muc", "extra", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Danh mục cụm từ bổ sung (YAML cùng dạng danh mục có sẵn).")
@click.option("--json", "as_json", is_flag=True, help="In kết quả dạng JSON (cho công cụ khác).")
@click.option("--liet-ke", is_flag=True,
              help="In các nhóm định kiến, nhóm từ và danh mục cụm từ đang dùng rồi thoát.")
@click.pass_context
def bias_cmd(ctx: click.Context, files: tuple[Path, ...], extra: Path | None, as_json: bool,
             liet_ke: bool) -> None:
    """Tìm từ ngữ, câu mang định kiến giới trong tệp .md, .txt, .html, .docx (hoặc mọi tệp đó
    trong thư mục).

    Mỗi phát hiện ghi dòng (hoặc đoạn với .docx), cụm từ, nhóm định kiến, từ gợi ý, lý do và cách
    viết trung tính. Câu trích định kiến để phản bác chỉ được ghi chú. Mã thoát 1 khi có phát hiện
    (không tính ghi chú), 2 khi không đọc được tệp, 0 khi không có gì.
    """
    from gendoc.bias.check import check_file
    from gendoc.bias.phrases import load_phrases

    try:
        phrases = load_phrases(_extra_list(extra, ctx))
    except (ValueError, OSError) as exc:
        raise GendocError(f"danh mục cụm từ không hợp lệ: {exc}") from None
    if liet_ke:
        _list_data(phrases)
        return
    if not files:
        raise click.UsageError("cần ít nhất một tệp, ví dụ: gendoc bias output/truyen-thong/tin.html")
    results = []
    unusable = 0
    for path in _expand(files):
        try:
            findings, unit = check_file(path, phrases)
        except GendocError as exc:
            unusable += 1
            click.secho(f"Lỗi: {exc.format_message()}", fg="red", err=True)
            continue
        results.append((path, findings, unit))
    total = sum(1 for _, findings, _ in results for f in findings if not f.note)
    notes = sum(1 for _, findings, _ in results for f in findings if f.note)
    if as_json:
        click.echo(_as_json(results))
    else:
        _print_text(results, total, notes)
    if unusable:
        ctx.exit(2)
    if total:
        ctx.exit(1)


def _print_text(results: list, total: int, notes: int) -> None:  # noqa: ANN001
    for path, findings, unit in results:
        for f in findings:
            click.echo(f"{path}: {f.message(unit)}")
    checked = len(results)
    noted = f" và {notes} ghi chú (câu trích để phản bác)" if notes else ""
    if total:
        click.secho(f"Có {total} chỗ cần xem lại{noted} trong {checked} tệp.", fg="yellow",
                    err=True)
    elif notes:
        click.echo(f"Không có từ ngữ định kiến giới cần sửa; có {notes} ghi chú (câu trích để "
                   f"phản bác) trong {checked} tệp.")
    elif checked:
        click.echo(f"Không thấy từ ngữ định kiến giới trong {checked} tệp.")
