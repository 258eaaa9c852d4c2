"""Đăng nhập: off loopback, a clerk enters the token `gendoc serve` printed at start.

The token stays valid while the server runs (several clerks log in with it, each in their own
session); a restart prints a new one. A wrong token costs a second, so guessing is slow.
"""

from __future__ import annotations

import asyncio
import secrets

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gendoc.serve.security import posted
from gendoc.serve.views import page


async def login_form(request: Request) -> Response:
    return page(request, "login.html", problem="")


async def login_submit(request: Request) -> Response:
    form = await posted(request)
    expected = request.app.state.login_token
    given = str(form.get("token", "")).strip()
    if not expected or not secrets.compare_digest(given.encode(), expected.encode()):
        await asyncio.sleep(1)
        return page(request, "login.html", 403,
                    problem="Mã đăng nhập không đúng — dùng mã 'gendoc serve' in ra khi khởi động.")
    request.session.clear()
    request.session["user"] = str(form.get("name", "")).strip()[:60] or "văn thư"
    return RedirectResponse("/", status_code=303)


async def logout(request: Request) -> Response:
    await posted(request)
    request.session.clear()
    return RedirectResponse("/login" if request.app.state.login_required else "/", status_code=303)


ROUTES = [
    Route("/login", login_form),
    Route("/login", login_submit, methods=["POST"]),
    Route("/logout", logout, methods=["POST"]),
]
