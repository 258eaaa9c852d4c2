"""Đăng nhập: off loopback, a clerk logs in with their account (name and password, see
`gendoc.serve.users`) or with the token `gendoc serve` printed at start.

The token stays valid while the server runs (several clerks log in with it, each in their own
session); a restart prints a new one. A wrong secret costs a second, so guessing is slow.
"""

from __future__ import annotations

import asyncio
import secrets

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gendoc.serve.security import posted
from gendoc.serve.users import load_accounts, verify_password
from gendoc.serve.views import page


async def login_form(request: Request) -> Response:
    return page(request, "login.html", problem="")


async def login_submit(request: Request) -> Response:
    form = await posted(request)
    expected = request.app.state.login_token
    name = str(form.get("name", "")).strip()[:60]
    given = str(form.get("token", "")).strip()
    accounts = load_accounts(request.app.state.ws.root)
    account = accounts.get(name)
    if account is not None:
        ok = await run_in_threadpool(verify_password, given, account.hash)
    else:
        ok = bool(expected) and secrets.compare_digest(given.encode(), expected.encode())
    if not ok:
        await asyncio.sleep(1)
        return page(request, "login.html", 403,
                    problem="Tên, mật khẩu hoặc mã đăng nhập không đúng — dùng mật khẩu của tài "
                            "khoản, hoặc mã 'gendoc serve' in ra khi khởi động.")
    request.session.clear()
    request.session["user"] = name or "văn thư"
    if account is not None:  # an account's session ends when it is removed or its password changes
        request.session["stamp"] = account.stamp
        request.session["admin"] = account.admin
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
