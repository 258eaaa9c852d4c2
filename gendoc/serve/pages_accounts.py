"""Tài khoản: the accounts of the login mode (see `gendoc.serve.users`, the same functions as
`gendoc serve --add-user / --remove-user / --password`).

An administrator (or anyone on the server's own machine, where no login is asked) sees every
account, removes one (never the last administrator) and sets a new password; a clerk logged in
with an account changes their own password, giving the current one. A removed account's sessions,
and the other sessions of an account whose password changed, end at their next request.
"""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gendoc.exceptions import ConfigError
from gendoc.serve.security import posted
from gendoc.serve.users import load_accounts, remove_user, set_password, verify_password
from gendoc.serve.views import page


def _manager(request: Request) -> bool:
    return not request.app.state.login_required or bool(request.session.get("admin"))


def _own(request: Request) -> str | None:
    """The account this session logged in with (None: the start-up token, or no login)."""
    return request.session.get("user") if request.session.get("stamp") else None


def _show(request: Request, status: int = 200, problem: str = "", done: str = "") -> Response:
    accounts = load_accounts(request.app.state.ws.root)
    manager = _manager(request)
    shown = sorted(accounts.items()) if manager else [
        (name, a) for name, a in accounts.items() if name == _own(request)]
    return page(request, "accounts.html", status, accounts=shown, manager=manager,
                own=_own(request), problem=problem, done=done)


async def accounts(request: Request) -> Response:
    return _show(request)


async def _change(request: Request, form: Any) -> str:
    """Apply the posted action; returns what was done (ConfigError when refused)."""
    root = request.app.state.ws.root
    action, name = str(form.get("action", "")), str(form.get("name", "")).strip()
    own = name == _own(request)
    if not (_manager(request) or (own and action == "password")):
        raise ConfigError("chỉ quản trị viên mới quản lý tài khoản của người khác.")
    if action == "remove":
        await run_in_threadpool(remove_user, root, name)
        if own:
            request.session.clear()
        return f"Đã xóa tài khoản '{name}'; các phiên đăng nhập của tài khoản này đã kết thúc."
    if action != "password":
        raise ConfigError("thao tác không hợp lệ.")
    new, again = str(form.get("new", "")), str(form.get("again", ""))
    if new != again:
        raise ConfigError("hai lần nhập mật khẩu mới không giống nhau.")
    account = load_accounts(root).get(name)
    if own and not _manager(request) and (account is None or not await run_in_threadpool(
            verify_password, str(form.get("current", "")), account.hash)):
        raise ConfigError("mật khẩu hiện tại không đúng.")
    await run_in_threadpool(set_password, root, name, new)
    if own:  # this session goes on; the account's other sessions end
        request.session["stamp"] = load_accounts(root)[name].stamp
    return f"Đã đổi mật khẩu của '{name}'; các phiên đăng nhập khác của tài khoản này đã kết thúc."


async def accounts_submit(request: Request) -> Response:
    form = await posted(request)
    try:
        done = await _change(request, form)
    except ConfigError as exc:
        return _show(request, 400, problem=exc.format_message())
    if not request.session.get("user") and request.app.state.login_required:
        return RedirectResponse("/login", status_code=303)
    return _show(request, done=done)


ROUTES = [
    Route("/accounts", accounts),
    Route("/accounts", accounts_submit, methods=["POST"]),
]
