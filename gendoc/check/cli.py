"""`gendoc check TỆP.docx…`: report ND30 violations per file, with a summary line.

Exit codes: 0 no error; 1 an error (or a warning with --strict); 2 a file that cannot be read
as a .docx (missing, not a zip, corrupt) — that file is reported, the others still checked.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from gendoc.check.model import SEVERITY_LABELS, Report

EXIT_OK, EXIT_ERRORS, EXIT_UNUSABLE = 0, 1, 2


def _expand(paths: tuple[str, ...]) -> list[Path]:
    """Files as given; a folder stands for the .docx files inside it (Word lock files skipped)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*.docx") if not f.name.startswith("~$")))
        else:
            out.append(p)
    return out


def _count(report: Report) -> str:
    parts = [f"{len(report.errors)} lỗi", f"{len(report.warnings)} cảnh báo"]
    if report.infos:
        parts.append(f"{len(report.infos)} thông tin")
    return ", ".join(parts)


def _print_rules(as_json: bool) -> None:
    from gendoc.check.registry import RULES

    if as_json:
        rows = [{"rule": r.id, "severity": r.severity, "severity_label": SEVERITY_LABELS[r.severity],
                 "group": r.group, "requires": r.title, "reason": r.reason, "source": r.source}
                for r in RULES.values()]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in RULES.values():
        click.echo(f"{r.id} [{SEVERITY_LABELS[r.severity]}] — {r.title}")
        click.echo(f"    Lý do: {r.reason} Nguồn: {r.source}.")


@click.command(name="check")
@click.argument("files", nargs=-1, metavar="TỆP.docx|TỆP.pdf…")
@click.option("--json", "as_json", is_flag=True,
              help="In kết quả dạng JSON (danh sách phát hiện: rule, severity, location, message).")
@click.option("--strict", is_flag=True, help="Coi cảnh báo là lỗi (mã thoát 1 nếu có cảnh báo).")
@click.option("--rules", "list_rules", is_flag=True,
              help="Liệt kê các quy tắc (mã, mức độ, yêu cầu, lý do, nguồn trong ND30) rồi thoát.")
def check_cmd(files: tuple[str, ...], as_json: bool, strict: bool, list_rules: bool) -> None:
    """Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020/NĐ-CP.

    Báo từng vi phạm với mã quy tắc, mức độ (lỗi / cảnh báo / thông tin), vị trí trong văn bản
    và yêu cầu của Nghị định. Có thể truyền nhiều tệp hoặc một thư mục.

    Tệp .pdf: phiên bản PDF, chuẩn PDF/A, phông nhúng, khổ giấy, lề và từng chữ ký số (người
    ký, thời gian, nguyên vẹn, hợp lệ, tin cậy, vị trí theo Phụ lục I).

    Mã thoát: 0 không có lỗi; 1 có lỗi; 2 có tệp không đọc được (không phải .docx, hỏng).
    """
    from gendoc.check.api import check_docx
    from gendoc.exceptions import UnusableInputError

    if list_rules:
        _print_rules(as_json)
        return
    if not files:
        click.secho("Lỗi: chưa chỉ tệp cần kiểm tra. Ví dụ: gendoc check output/ke-hoach.docx",
                    err=True, fg="red")
        raise SystemExit(EXIT_UNUSABLE)
    paths = _expand(files)
    if not paths:
        click.secho("Lỗi: không có tệp .docx nào trong thư mục đã chỉ.", err=True, fg="red")
        raise SystemExit(EXIT_UNUSABLE)
    reports: list[Report] = []
    unusable: list[tuple[str, str]] = []
    for path in paths:
        try:
            if path.suffix.lower() == ".pdf":  # PDF facts and signatures (gendoc/sign)
                from gendoc.sign.cli import check_pdf_path

                reports.append(check_pdf_path(path))
                continue
            reports.append(check_docx(path))
        except UnusableInputError as exc:
            unusable.append((str(path), exc.message))
    failed = [r for r in reports if r.failed(strict)]
    if as_json:
        rows = [row for r in reports for row in r.to_dicts()]
        rows += [{"file": f, "rule": "input.unusable", "severity": "loi",
                  "severity_label": SEVERITY_LABELS["loi"], "location": "Toàn tệp", "message": m}
                 for f, m in unusable]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for r in reports:
            status = "KHÔNG ĐẠT" if r.failed(strict) else "ĐẠT"
            click.secho(f"{r.path}: {status} — {_count(r)}", bold=True,
                        fg="red" if r.failed(strict) else "green")
            for f in r.sorted():
                click.echo(f"  {f.render()}")
    for _path, m in unusable:
        click.secho(f"Lỗi: {m}", err=True, fg="red")
    n_err = sum(len(r.errors) for r in reports)
    n_warn = sum(len(r.warnings) for r in reports)
    n_info = sum(len(r.infos) for r in reports)
    summary = (
        f"Đã kiểm tra {len(paths)} tệp: {len(reports) - len(failed)} đạt, {len(failed)} không đạt"
        + (f", {len(unusable)} không đọc được" if unusable else "")
        + f" — tổng {n_err} lỗi, {n_warn} cảnh báo, {n_info} thông tin"
        + (" (--strict: cảnh báo tính là lỗi)." if strict else ".")
    )
    click.echo(summary, err=as_json)
    if unusable:
        raise SystemExit(EXIT_UNUSABLE)
    raise SystemExit(EXIT_ERRORS if failed else EXIT_OK)
