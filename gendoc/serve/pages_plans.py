"""Kế hoạch đơn vị: derive every unit's plan from the provincial one with one action, and the
status of submissions against the deadline (`gendoc new ke_hoach --all-units`, `gendoc status`).

Deriving never overwrites a unit's existing plan (the CLI's default without --force).
"""

from __future__ import annotations

from types import SimpleNamespace

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gendoc.plans.new import scaffold
from gendoc.plans.status import collect, find_source
from gendoc.serve.security import posted
from gendoc.serve.views import page


def _status(request: Request):  # noqa: ANN202 - a StatusReport

    ws = request.app.state.ws
    return collect(ws, find_source(ws, None), None, None)


def _relative(request: Request, paths: list) -> list[str]:  # noqa: ANN001
    root = request.app.state.ws.root.resolve()
    return [p.resolve().relative_to(root).as_posix() for p in paths]


async def plans(request: Request) -> Response:
    report = _status(request)
    rows = [(row, _relative(request, row.files)) for row in report.rows]
    return page(request, "plans.html", report=report, rows=rows, derived=None, told=[])


async def derive_all(request: Request) -> Response:
    """`gendoc new ke_hoach --all-units`: what it prints (the source, a note per derived plan
    that needs a look, the plans kept) is shown on the page."""
    await posted(request)
    ws = request.app.state.ws
    options = SimpleNamespace(units=[], all_units=True, source=None, year=None, xlsx=False,
                              output=None, force=False)
    told: list[tuple[str, bool]] = []
    written = await run_in_threadpool(scaffold, ws, options,
                                      lambda text, warning: told.append((text.strip(), warning)))
    report = _status(request)
    rows = [(row, _relative(request, row.files)) for row in report.rows]
    return page(request, "plans.html", report=report, rows=rows,
                derived=_relative(request, written), told=told)


ROUTES = [
    Route("/plans", plans),
    Route("/plans/derive", derive_all, methods=["POST"]),
]
