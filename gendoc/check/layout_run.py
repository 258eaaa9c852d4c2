"""Running the layout rules on files: PDFs read directly, .docx rendered by LibreOffice first.

A .docx whose PDF sits next to it and is not older (what `gendoc build --pdf` leaves) is judged on
that PDF; the others are rendered together, in one LibreOffice run, into a temporary folder.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

from gendoc.check.layout import check_pdf, render_pdfs
from gendoc.check.marks import read_mark
from gendoc.check.model import LOI, Finding, Report
from gendoc.pdf import PdfError


def _fresh_pdf(docx: Path) -> Path | None:
    pdf = docx.with_suffix(".pdf")
    if pdf.is_file() and pdf.stat().st_mtime >= docx.stat().st_mtime:
        return pdf
    return None


def layout_reports(paths: Iterable[Path], timeout: float = 300
                   ) -> list[tuple[str, Report | None, str | None]]:
    """(file name, layout report, None) per file, or (name, None, problem) when it cannot be
    read or rendered (LibreOffice missing, damaged PDF)."""
    out: list[tuple[str, Report | None, str | None]] = []
    pdf_for: dict[Path, Path] = {}
    to_render: list[Path] = []
    for path in paths:
        if path.suffix.lower() == ".pdf":
            pdf_for[path] = path
        elif (fresh := _fresh_pdf(path)) is not None:
            pdf_for[path] = fresh
        else:
            to_render.append(path)
    work = None
    try:
        if to_render:
            try:
                made, work = render_pdfs(to_render, timeout)
            except PdfError as exc:
                out += [(str(p), None, exc.message) for p in to_render]
                made = {}
            pdf_for.update(made)
            out += [(str(p), None, "LibreOffice không chuyển được tệp này sang PDF — mở tệp bằng "
                     "Word/LibreOffice để xem tệp có hỏng không.")
                    for p in to_render if p not in made and work is not None]
        for path, pdf in pdf_for.items():
            try:
                out.append((str(path), check_pdf(pdf, str(path)), None))
            except ValueError as exc:
                out.append((str(path), None, f"{path.name}: {exc} — kiểm tra lại tệp PDF."))
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    return out


def built_pdf_reports(pdfs: Iterable[Path]) -> list[Report]:
    """`gendoc build --check --pdf`: the layout rules on the PDF of each ND30 document (the
    kind mark of its .docx says which are); a PDF that cannot be read is an error finding."""
    reports = []
    for pdf in pdfs:
        kind = read_mark(pdf.with_suffix(".docx"))
        if kind is not None and not kind.nd30:
            continue
        try:
            reports.append(check_pdf(pdf, str(pdf)))
        except ValueError as exc:
            reports.append(Report(path=str(pdf), findings=[
                Finding("layout.unreadable", LOI, "tệp PDF", str(exc))]))
    return reports
