"""Sổ đăng ký: list and export the outgoing register, and issue a number after a confirmation
that names the number to be given.

Issuing is `gendoc.register.issue.issue` (the code of `gendoc issue`): allocation in one
transaction, number and date written back into the content file, the document rendered and
recorded. The confirmation reads the register's counter for the document's issuer, year and
series; if another clerk takes that number in between, the page asks again with the new one.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gendoc import api
from gendoc.serve.jobs import writing_output
from gendoc.serve.pages_edit import content_path, shown
from gendoc.serve.security import posted
from gendoc.serve.views import page
from gendoc.vi.dates import parse_date

STATUS_LABELS = {"allocated": "đã cấp số, chưa dựng", "issued": "đã ban hành",
                 "replaced": "đã được thay thế"}


def _year(text: str | None) -> int | None:
    return int(text) if text and text.isdigit() and 1900 < int(text) < 2200 else None


async def register_list(request: Request) -> Response:
    from gendoc.register.issue import register_for  # the register loads SQLAlchemy: on use

    ws = request.app.state.ws
    year = _year(request.query_params.get("nam"))
    reg, _ = register_for(ws)
    with reg:
        rows = reg.entries(year=year)
    years = sorted({e.doc_date.year for e in rows}, reverse=True)
    return page(request, "register.html", rows=rows, year=year, years=years,
                labels=STATUS_LABELS)


async def register_export(request: Request) -> Response:
    """The year's register as the Phụ lục IV workbook (`gendoc register export`)."""
    from gendoc.register.export import export_xlsx  # the register loads SQLAlchemy: on use
    from gendoc.register.issue import register_for

    ws = request.app.state.ws
    year = _year(request.query_params.get("nam")) or dt.date.today().year
    reg, _ = register_for(ws)
    with reg:
        rows = reg.entries(year=year)
    with tempfile.TemporaryDirectory(prefix="gendoc-serve-") as folder:
        out = export_xlsx(rows, Path(folder) / f"so-van-ban-di-{year}.xlsx", year=year)
        data = out.read_bytes()
    return Response(data, media_type="application/vnd.openxmlformats-officedocument."
                                      "spreadsheetml.sheet",
                    headers={"content-disposition":
                             f'attachment; filename="so-van-ban-di-{year}.xlsx"'})


def next_number(ws: api.Workspace, path: Path, day: dt.date) -> tuple[str, Any]:
    """The full symbol the next issue of `path` would get (e.g. 06/KH-SNV), and the document."""
    from gendoc.register.issue import facts_from_document, register_for  # on use
    from gendoc.register.numbering import format_number

    doc = api.load_document(ws, path)
    facts, abbr = facts_from_document(ws, doc, path)
    reg, settings = register_for(ws)
    series = settings.series_for(abbr, facts.kind)
    with reg:
        last = reg.last_number(facts.issuer, day.year, series)
    return f"{format_number(last + 1)}/{facts.symbol}", doc


def issue_day(ws: api.Workspace, path: Path, text: str | None) -> tuple[dt.date, str]:
    """The issue date the clerk chose (dd/mm/yyyy, or yyyy-mm-dd from the date picker; today
    when none) and what is wrong with it ("" when nothing): `api.issue_date_problem`."""
    today = dt.date.today()
    text = (text or "").strip()
    if not text:
        return today, ""
    try:
        found = parse_date(text)
    except ValueError:
        found = None
    if found is None or not found.is_complete:
        return today, (f"Ngày ban hành '{text}' không đọc được — chọn ngày trên lịch hoặc viết "
                       "ngày/tháng/năm, ví dụ 20/01/2017.")
    day = found.to_date()
    problem = api.issue_date_problem(api.load_document(ws, path), day, today)
    return day, f"Không cấp số được: {problem}" if problem else ""


def _confirmation(request: Request, path: Path, day: dt.date, problem: str, status: int = 200,
                  changed: bool = False) -> Response:
    ws = request.app.state.ws
    symbol, doc = next_number(ws, path, day)
    return page(request, "issue.html", status, path=shown(ws, path), symbol=symbol, doc=doc,
                day=day.strftime("%d/%m/%Y"), iso=day.isoformat(), changed=changed,
                problem=problem)


async def issue_confirm(request: Request) -> Response:
    ws = request.app.state.ws
    path = content_path(ws, request.query_params.get("path", ""))
    day, problem = await run_in_threadpool(issue_day, ws, path, request.query_params.get("ngay"))
    return await run_in_threadpool(_confirmation, request, path, day, problem,
                                   422 if problem else 200)


async def issue_submit(request: Request) -> Response:
    from gendoc.register.issue import issue  # the register loads SQLAlchemy: on use

    form = await posted(request)
    ws = request.app.state.ws
    path = content_path(ws, str(form.get("path", "")))
    day, problem = await run_in_threadpool(issue_day, ws, path, str(form.get("ngay", "")))
    if problem:
        return await run_in_threadpool(_confirmation, request, path, day, problem, 422)
    symbol, _ = await run_in_threadpool(next_number, ws, path, day)
    if symbol != form.get("symbol"):  # someone took the confirmed number meanwhile: ask again
        return await run_in_threadpool(_confirmation, request, path, day, "", 409, True)
    outcome = await run_in_threadpool(writing_output, issue, ws, path, date=day,
                                      render=api.render_to)
    request.session["flash"] = (f"Đã cấp số {outcome.entry.full_symbol} ngày "
                                f"{outcome.entry.doc_date:%d/%m/%Y} và dựng văn bản "
                                f"{outcome.entry.output_path}.")
    return RedirectResponse(f"/preview?path={quote(shown(ws, path))}", status_code=303)


ROUTES = [
    Route("/register", register_list),
    Route("/register/export", register_export),
    Route("/register/issue", issue_confirm),
    Route("/register/issue", issue_submit, methods=["POST"]),
]
