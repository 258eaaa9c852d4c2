"""gendoc's public Python API: the functions the command line, a web app and tests call.

```python
from gendoc import api

ws = api.load_workspace("path/to/workspace")
outcome = api.build(ws, check=True)          # every document of content/ → output/
artifacts = api.render(ws, "content/a.yaml")  # one document, in memory, nothing written
report = api.check("output/a.docx")           # the ND30 format check of any .docx
```

The CLI only parses options and prints what these return; nothing here prints.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from gendoc.artifacts import Artifact
from gendoc.authoring.gate import template_gate
from gendoc.build import BuildReport, DocumentResult, Progress, record_outputs, render_file
from gendoc.build import build as _build
from gendoc.document import BuildContext, Document, load_document
from gendoc.pdf import PdfError, convert
from gendoc.render import render_document
from gendoc.workspace import Workspace, load_workspace

if TYPE_CHECKING:
    from gendoc.check.model import Report
    from gendoc.pdf import PdfError

__all__ = ["BuildOutcome", "Document", "DocumentResult", "Workspace", "build", "check",
           "check_layout", "issue_date_problem", "load_document", "load_workspace", "render",
           "render_to"]



@dataclass
class CheckedFile:
    path: Path
    report: Report
    layout: bool = False  # the printed page (a PDF), not the .docx format


@dataclass
class BuildOutcome:
    """A build's report plus, when asked for, the ND30 check and the PDF conversion."""

    report: BuildReport
    checked: list[CheckedFile] = field(default_factory=list)
    not_checked: int = 0  # outputs that are not ND30 administrative documents
    pdfs: list[Path] = field(default_factory=list)
    pdf_errors: list[PdfError] = field(default_factory=list)

    @property
    def failed_check(self) -> list[Path]:
        return [c.path for c in self.checked if c.report.errors]

    @property
    def ok(self) -> bool:
        return self.report.ok and not self.failed_check and not self.pdf_errors


def default_jobs() -> int:
    """GENDOC_JOBS if set, else the number of cores this process may use."""
    configured = os.environ.get("GENDOC_JOBS", "").strip()
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def gate_for(ws: Workspace) -> Callable[[Document], None]:
    """The template gate: a broken workspace template fails its documents, by name."""
    return template_gate(ws)


def build(ws: Workspace, paths: Iterable[Path] | None = None, *, check: bool = False,
          pdf: bool = False, pdf_timeout: float = 300.0, force: bool = False, jobs: int = 0,
          progress: Progress | None = None,
          pdf_progress: Callable[[Path, int], None] | None = None) -> BuildOutcome:
    """Build the workspace (or `paths`); optionally check every ND30 output and make PDFs.

    Documents whose inputs did not change since the last build are skipped unless `force`.
    `jobs`: worker processes, and LibreOffice processes for PDFs (0: GENDOC_JOBS, else the
    machine's cores). `progress(done, total,
    path)` is told as each rendered document is written.
    """
    jobs = jobs or default_jobs()
    report = _build(ws, paths, gate_factory=gate_for, progress=progress, force=force, jobs=jobs)
    outcome = BuildOutcome(report=report)
    if check:
        _check_outputs(outcome)
    if pdf:
        _make_pdfs(ws, outcome, pdf_timeout, pdf_progress, jobs)
        if check:  # the printed page too: `gendoc check --layout` on each ND30 PDF
            # lxml: only when PDFs were asked for with --layout
            from gendoc.check.layout_run import built_pdf_reports

            outcome.checked += [CheckedFile(Path(r.path), r, layout=True)
                                for r in built_pdf_reports(outcome.pdfs)]
    return outcome


def render(ws: Workspace, path: Path | str) -> list[Artifact]:
    """Every output of one content file, in memory (reproducible bytes); nothing is written."""
    doc = load_document(ws, Path(path))
    gate_for(ws)(doc)
    return render_document(doc, BuildContext(ws))


def render_to(ws: Workspace, path: Path | str, out: Path | None = None) -> DocumentResult:
    """Render one content file and write it: into output/ (manifest kept), or to `out`."""
    return render_file(ws, Path(path), out, gate=gate_for(ws))


def check(path: Path | str) -> Report:
    """The ND30 format check of one .docx (see docs/check-rules.md)."""
    # lxml: only when a .docx is checked
    from gendoc.check import check_docx

    return check_docx(path)


def _check_outputs(outcome: BuildOutcome) -> None:
    # lxml: only when a build is asked to check its outputs
    from gendoc.check import check_docx

    for result in outcome.report.results:
        not_nd30 = set(result.not_nd30)
        for out in result.outputs:
            if out.suffix != ".docx":
                continue
            if out in not_nd30:
                outcome.not_checked += 1
                continue
            outcome.checked.append(CheckedFile(out, check_docx(out)))


def _make_pdfs(ws: Workspace, outcome: BuildOutcome, timeout: float,
               progress: Callable[[Path, int], None] | None, jobs: int) -> None:
    # A skipped document keeps its PDF when it has one: its .docx did not change.
    written = [p for r in outcome.report.results for p in r.outputs
               if not (r.skipped and p.with_suffix(".pdf") in r.outputs)]
    try:
        made = convert(written, root=ws.output_dir, timeout=timeout, progress=progress, jobs=jobs)
    except PdfError as exc:
        outcome.pdf_errors = [exc]
        return
    outcome.pdfs, outcome.pdf_errors = made.written, made.errors
    done = set(made.written)
    record_outputs(ws, {r.document.path: [p.with_suffix(".pdf") for p in r.outputs
                                          if p.with_suffix(".pdf") in done]
                        for r in outcome.report.results})


def issue_date_problem(doc: Document, day: dt.date, today: dt.date | None = None) -> str | None:
    """Why `day` cannot be the issue date of `doc`, in Vietnamese (None when it can); the rule
    `gendoc issue --date` applies (see gendoc.register.issue.issue_date_problem)."""
    from gendoc.register.issue import issue_date_problem  # the register: on use

    return issue_date_problem(doc, day, today)


def check_layout(pdf: Path | str) -> Report:
    """The layout check of a printed document (its PDF): lone signature, blank pages, page
    breaks (`gendoc check --layout`; see docs/check-rules.md)."""
    # lxml and the PDF reader: only when a layout is checked
    from gendoc.check.layout import check_pdf

    return check_pdf(Path(pdf), str(pdf))
