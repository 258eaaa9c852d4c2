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


def _not_nd30(path: Path, force: bool) -> bool:
    """Whether `path` is a document ND30's format does not apply to (and `--force` is not set)."""
    if force:
        return False
    from gendoc.check.marks import classify

    if path.suffix.lower() == ".pdf":
        twin = path.with_suffix(".docx")
        return not classify(twin if twin.is_file() else path, _pdf_lines(path)).nd30
    if path.suffix.lower() != ".docx" or not path.is_file():
        return False
    return not classify(path, _docx_lines(path)).nd30


def _docx_lines(path: Path) -> list[str]:
    from gendoc.check.document import Document
    from gendoc.check.ooxml import load_package

    try:
        doc = Document(load_package(path))
    except Exception:  # noqa: BLE001 - an unreadable file is reported by the format check
        return []
    return [p.text for p in doc.all_paras[:40]]


def _pdf_lines(path: Path) -> list[str]:
    from gendoc.check.pdfpages import read_pdf

    try:
        pages = read_pdf(path)
    except ValueError:
        return []
    return [ln.text for ln in pages[0].lines] if pages else []


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
@click.option("--layout", is_flag=True,
              help="Kiểm tra cả trang in: tệp .pdf đọc trực tiếp, tệp .docx chuyển sang PDF bằng "
                   "LibreOffice (trang chỉ có chữ ký, đề mục cuối trang, trang trắng, chữ ngoài lề).")
@click.option("--force", is_flag=True,
              help="Kiểm tra thể thức cả những tệp không phải văn bản hành chính (giấy chứng nhận, "
                   "danh sách học viên, kịch bản …).")
@click.pass_context
def check_cmd(ctx: click.Context, files: tuple[str, ...], as_json: bool, strict: bool,
              list_rules: bool, layout: bool, force: bool) -> None:
    """Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020/NĐ-CP.

    Báo từng vi phạm với mã quy tắc, mức độ (lỗi / cảnh báo / thông tin), vị trí trong văn bản
    và yêu cầu của Nghị định. Có thể truyền nhiều tệp hoặc một thư mục. Không chỉ tệp nào thì
    kiểm tra cả thư mục làm việc: mọi văn bản trong output/ và các quy tắc giữa các văn bản
    (trích dẫn văn bản cấp trên, thời hạn, năm báo cáo, học viên đúng đối tượng).

    Giấy chứng nhận, danh sách học viên, kịch bản, tin bài không phải văn bản hành chính: được
    ghi chú và không kiểm tra thể thức (trừ khi có --force).

    Tệp .pdf: phiên bản PDF, chuẩn PDF/A, phông nhúng, khổ giấy, lề và từng chữ ký số (người
    ký, thời gian, nguyên vẹn, hợp lệ, tin cậy, vị trí theo Phụ lục I); thêm --layout để kiểm
    tra cả trang in (trang trắng, khối chữ ký lẻ trang, đề mục cuối trang, chữ ra ngoài lề).

    Mã thoát: 0 không có lỗi; 1 có lỗi; 2 có tệp không đọc được (không phải .docx, hỏng).
    """
    if list_rules:
        _print_rules(as_json)
        return
    if not files:
        _check_workspace(ctx, as_json=as_json, strict=strict, layout=layout, force=force)
        return
    paths = _expand(files)
    if not paths:
        click.secho("Lỗi: không có tệp .docx nào trong thư mục đã chỉ.", err=True, fg="red")
        raise SystemExit(EXIT_UNUSABLE)
    reports, unusable, skipped = run_checks(paths, layout=layout, force=force)
    report_and_exit(reports, unusable, skipped, total=len(paths), as_json=as_json, strict=strict)


def run_checks(paths: list[Path], *, layout: bool, force: bool
               ) -> tuple[list[Report], list[tuple[str, str]], list[str]]:
    """Format (and layout) reports for `paths`; files that cannot be read; files not ND30."""
    from gendoc.check.api import check_docx
    from gendoc.cli import show_cause  # the group's module imports this one
    from gendoc.exceptions import UnusableInputError

    reports: list[Report] = []
    unusable: list[tuple[str, str]] = []
    skipped: list[str] = []
    todo: list[Path] = []
    for path in paths:
        if _not_nd30(path, force):
            skipped.append(str(path))
            continue
        todo.append(path)
        try:
            if path.suffix.lower() == ".pdf":  # PDF facts and signatures (gendoc/sign)
                from gendoc.sign.cli import check_pdf_path

                reports.append(check_pdf_path(path))
                continue
            reports.append(check_docx(path))
        except UnusableInputError as exc:
            unusable.append((str(path), exc.message))
            show_cause(exc)
    # The printed page on request (--layout): a PDF's own facts and signatures are checked above;
    # a scanned copy has pages without text that are not blank.
    targets = [p for p in todo if layout and str(p) not in dict(unusable)]
    if targets:
        from gendoc.check.layout_run import layout_reports

        done = {r.path: r for r in reports}
        for name, found, problem in layout_reports(targets):
            if problem or found is None:
                unusable.append((name, problem or "không kiểm tra được trang in."))
            elif name in done:
                done[name].findings.extend(found.findings)
            else:
                reports.append(found)
    return reports, unusable, skipped


def report_and_exit(reports: list[Report], unusable: list[tuple[str, str]], skipped: list[str],
                    *, total: int, as_json: bool, strict: bool, extra_failed: int = 0) -> None:
    from gendoc.check.marks import NOT_ND30_NOTE

    failed = [r for r in reports if r.failed(strict)]
    if as_json:
        rows = [row for r in reports for row in r.to_dicts()]
        rows += [{"file": f, "rule": "input.unusable", "severity": "loi",
                  "severity_label": SEVERITY_LABELS["loi"], "location": "Toàn tệp", "message": m}
                 for f, m in unusable]
        rows += [{"file": name, "rule": "kind.not_nd30", "severity": "thong_tin",
                  "severity_label": SEVERITY_LABELS["thong_tin"], "location": "Toàn tệp",
                  "message": NOT_ND30_NOTE} for name in skipped]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for name in skipped:
            click.echo(f"{name}: {NOT_ND30_NOTE}.")
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
        f"Đã kiểm tra {total} tệp: {len(reports) - len(failed)} đạt, {len(failed)} không đạt"
        + (f", {len(skipped)} không phải văn bản hành chính" if skipped else "")
        + (f", {len(unusable)} không đọc được" if unusable else "")
        + f" — tổng {n_err} lỗi, {n_warn} cảnh báo, {n_info} thông tin"
        + (" (--strict: cảnh báo tính là lỗi)." if strict else ".")
    )
    click.echo(summary, err=as_json)
    if unusable:
        raise SystemExit(EXIT_UNUSABLE)
    raise SystemExit(EXIT_ERRORS if failed or extra_failed else EXIT_OK)


def _check_workspace(ctx: click.Context, *, as_json: bool, strict: bool, layout: bool,
                        force: bool) -> None:
    from gendoc.check.workspace_rules import cross_findings
    from gendoc.exceptions import GendocError
    from gendoc.workspace import load_workspace

    try:
        ws = load_workspace((ctx.obj or {}).get("workspace"))
    except GendocError:
        click.secho("Lỗi: chưa chỉ tệp cần kiểm tra và thư mục hiện tại không phải thư mục làm việc "
                    "(không có gendoc.yaml). Ví dụ: gendoc check output/ke-hoach.docx",
                    err=True, fg="red")
        raise SystemExit(2) from None
    paths = _expand((str(ws.output_dir),)) if ws.output_dir.is_dir() else []
    reports, unusable, skipped = run_checks(paths, layout=layout, force=force)
    cross = Report(path="Các văn bản trong content/ (quy tắc giữa các văn bản)",
                   findings=cross_findings(ws))
    reports.append(cross)
    report_and_exit(reports, unusable, skipped, total=len(paths) + 1, as_json=as_json,
                    strict=strict)
