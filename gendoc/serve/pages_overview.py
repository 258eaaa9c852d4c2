"""Tổng quan: the workspace's documents by kind and unit, their state, outputs to download.

Every document is read with `api.load_document` (the CLI's validation); the outputs listed are
the ones the build manifest records for it. A build runs as a job in the worker pool.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from gendoc import api
from gendoc.document import NotADocument, discover
from gendoc.exceptions import GendocError
from gendoc.output import recorded_outputs
from gendoc.register.numbering import format_number
from gendoc.serve.jobs import OUTPUT_LOCK, Job
from gendoc.serve.schema_form import date_for_form
from gendoc.serve.security import PathRefused, inside, posted
from gendoc.serve.views import page


@dataclass
class Row:
    path: str  # relative to the workspace, with '/'
    kind: str = ""
    unit: str = ""
    title: str = ""
    number: str = ""  # "5/KH-SYT" once issued
    date: str = ""
    warnings: list[str] = field(default_factory=list)
    error: str = ""
    outputs: list[str] = field(default_factory=list)


def _row(ws: api.Workspace, path: Path, made: dict[str, list[str]]) -> Row | None:
    key = path.resolve().relative_to(ws.root.resolve()).as_posix()
    row = Row(path=key, outputs=[o for o in made.get(key, []) if (ws.root / o).is_file()])
    try:
        doc = api.load_document(ws, path)
    except NotADocument:
        return None
    except GendocError as exc:
        row.error = exc.format_message()
        return row
    data = doc.data
    row.kind = doc.kind.title
    code = getattr(data, "co_quan", None)
    row.unit = ws.unit(code).ten_day_du or code if code else ""
    row.title = str(getattr(data, "trich_yeu", "") or getattr(data, "tieu_de", "") or "")
    so = getattr(data, "so", None)
    if so is not None:
        row.number = f"{format_number(so)}/{doc.ky_hieu}" if doc.ky_hieu else str(so)
    ngay = getattr(data, "ngay", None)
    row.date = date_for_form(str(ngay)) if ngay is not None else ""
    row.warnings = list(doc.warnings)
    return row


def document_rows(ws: api.Workspace) -> dict[str, dict[str, list[Row]]]:
    """kind → unit → rows (documents that fail validation are grouped under 'Có lỗi')."""
    made = recorded_outputs(ws)
    grouped: dict[str, dict[str, list[Row]]] = {}
    for path in discover(ws):
        row = _row(ws, path, made)
        if row is None:
            continue
        kind = row.kind or "Có lỗi"
        grouped.setdefault(kind, {}).setdefault(row.unit or "—", []).append(row)
    return dict(sorted(grouped.items()))


async def overview(request: Request) -> Response:
    ws = request.app.state.ws
    return page(request, "overview.html", groups=await run_in_threadpool(document_rows, ws))


async def download(request: Request) -> Response:
    """A file of output/ (only there), as an attachment."""
    ws = request.app.state.ws
    try:
        path = inside(ws.output_dir, request.query_params.get("path", "").removeprefix("output/"))
    except PathRefused:
        return page(request, "error.html", 404, message="Không có tệp này trong thư mục output/.")
    if not path.is_file():
        return page(request, "error.html", 404, message="Không có tệp này trong thư mục output/.")
    return FileResponse(path, filename=path.name)


def _build_job(ws: api.Workspace) -> Any:
    def work(job: Job) -> dict[str, Any]:
        with OUTPUT_LOCK:
            outcome = api.build(ws, check=True, progress=lambda done, total, path:
                                job.progress(done, total, path.name))
        report = outcome.report
        job.progress(len(report.results) + len(report.failures),
                     len(report.results) + len(report.failures))
        return {"written": sum(len(r.outputs) for r in report.results),
                "failures": [e.format_message() for _, e in report.failures],
                "failed_check": [str(p.relative_to(ws.root)) for p in outcome.failed_check]}
    return work


async def build(request: Request) -> Response:
    await posted(request)
    job = request.app.state.jobs.submit("Dựng tất cả văn bản", _build_job(request.app.state.ws))
    return RedirectResponse(f"/jobs/{job.id}", status_code=303)


async def job_status(request: Request) -> Response:
    job = request.app.state.jobs.get(request.path_params["job"])
    if job is None:
        return page(request, "error.html", 404, message="Không còn việc này (máy chủ đã khởi "
                                                        "động lại hoặc việc đã quá cũ).")
    fragment = request.headers.get("hx-request") == "true"
    response: HTMLResponse = page(request, "job_fragment.html" if fragment else "job.html",
                                  job=job)
    return response


ROUTES = [
    Route("/", overview),
    Route("/download", download),
    Route("/build", build, methods=["POST"]),
    Route("/jobs/{job}", job_status),
]
