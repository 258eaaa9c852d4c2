"""Xem trước: the document's pages as images beside its ND30 check, and writing its outputs.

Page images are made in the worker pool (LibreOffice takes seconds); the page polls the job.
"Xuất văn bản" writes the outputs into output/ with `api.render_to` (manifest kept), like
`gendoc render`.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import FileResponse, RedirectResponse, Response
from starlette.routing import Route

from gendoc import api
from gendoc.output import recorded_outputs
from gendoc.serve.jobs import Job, writing_output
from gendoc.serve.pages_edit import content_path, shown
from gendoc.serve.preview import make_preview, page_file
from gendoc.serve.security import posted
from gendoc.serve.views import page


def _outputs(ws: api.Workspace, relative: str) -> list[str]:
    made = recorded_outputs(ws).get(relative, [])
    return [o for o in made if (ws.root / o).is_file()]


async def preview(request: Request) -> Response:
    """The page; its images are asked for by the page itself (htmx, on load), so opening it
    costs nothing until a browser shows it."""
    ws = request.app.state.ws
    path = content_path(ws, request.query_params.get("path", ""))
    relative = shown(ws, path)
    doc = await run_in_threadpool(api.load_document, ws, path)  # a broken file: the CLI's message
    return page(request, "preview.html", path=relative, doc=doc, outputs=_outputs(ws, relative))


async def preview_start(request: Request) -> Response:
    """Start making the page images (worker pool) and return the polling fragment."""
    ws = request.app.state.ws
    path = content_path(ws, request.query_params.get("path", ""))

    def work(job: Job) -> object:
        job.progress(0, 1, "LibreOffice đang chuyển văn bản sang PDF")
        return make_preview(ws, path)

    job = request.app.state.jobs.submit(f"Xem trước {shown(ws, path)}", work)
    return page(request, "preview_fragment.html", job=job)


async def preview_job(request: Request) -> Response:
    job = request.app.state.jobs.get(request.path_params["job"])
    if job is None:
        return page(request, "error.html", 404, message="Không còn việc xem trước này.")
    return page(request, "preview_fragment.html", job=job)


async def page_image(request: Request) -> Response:
    path = page_file(request.app.state.ws, request.path_params["key"], request.path_params["name"])
    if path is None:
        return page(request, "error.html", 404, message="Không có ảnh trang này.")
    return FileResponse(path, media_type="image/png")


async def render_outputs(request: Request) -> Response:
    form = await posted(request)
    ws = request.app.state.ws
    path = content_path(ws, str(form.get("path", "")))
    result = await run_in_threadpool(writing_output, api.render_to, ws, path)
    request.session["flash"] = ("Đã xuất: " + ", ".join(p.name for p in result.outputs)
                                if result.outputs else "Văn bản không tạo tệp nào.")
    return RedirectResponse(f"/preview?path={quote(shown(ws, path))}", status_code=303)


ROUTES = [
    Route("/preview", preview),
    Route("/preview/start", preview_start),
    Route("/preview/job/{job}", preview_job),
    Route("/preview/page/{key}/{name}", page_image),
    Route("/render", render_outputs, methods=["POST"]),
]
