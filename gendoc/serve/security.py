"""What keeps the web app safe: headers, body size, CSRF, login, and paths inside the workspace.

- every response carries a strict Content-Security-Policy (scripts and styles only from the app's
  own static files: no inline script, nothing from elsewhere) and anti-framing headers;
- request bodies are capped before they are read (uploads included);
- every POST carries the session's CSRF token (form field or htmx header);
- off loopback, every page but the login page needs a logged-in session;
- a path from a request is resolved and refused unless it lies inside the folder it belongs in.
"""

from __future__ import annotations

import ipaddress
import secrets
from pathlib import Path
from typing import Any

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from gendoc.exceptions import ConfigError
from gendoc.serve.users import session_valid

MAX_BODY_BYTES = 8 * 1024 * 1024  # a content form is a few KB; an Excel report form under 1 MB
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]
CSRF_FIELD = "csrf"
CSRF_HEADER = "x-csrf-token"
OPEN_PATHS = ("/login", "/static/")


class PathRefused(Exception):
    """A requested path lies outside the folder it must be in (or is not a usable name)."""


def is_loopback(host: str) -> bool:
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def inside(root: Path, relative: str) -> Path:
    """`relative` (as a request gives it, relative to `root`) resolved, or PathRefused."""
    if not relative or "\x00" in relative or Path(relative).is_absolute():
        raise PathRefused(relative)
    base = root.resolve()
    target = (base / relative).resolve()
    if target != base and base not in target.parents:
        raise PathRefused(relative)
    return target


class SecurityHeaders:
    """Adds the security headers to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in message.get("headers", [])}
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + [
                    h for h in HEADERS if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class BodyTooLarge(Exception):
    pass


class BodyLimit:
    """Refuses a request body larger than `limit` bytes: by its Content-Length before reading,
    and by counting while it streams (a chunked upload has no length)."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.limit):
            await self._refuse(scope, receive, send)
            return
        seen = 0

        async def counting() -> Message:
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise BodyTooLarge
            return message

        try:
            await self.app(scope, counting, send)
        except BodyTooLarge:
            await self._refuse(scope, receive, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        mb = self.limit // (1024 * 1024)
        response = PlainTextResponse(
            f"Tệp hoặc biểu mẫu gửi lên quá lớn (tối đa {mb} MB) — kiểm tra lại có chọn nhầm "
            "tệp không.", status_code=413)
        await response(scope, receive, send)


def csrf_token(request: Request) -> str:
    """The session's CSRF token (made on first use)."""
    token = request.session.get("csrf")
    if not isinstance(token, str):
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return token


def csrf_ok(request: Request, form: Any) -> bool:
    expected = request.session.get("csrf")
    given = request.headers.get(CSRF_HEADER) or (form.get(CSRF_FIELD) if form else None)
    return (isinstance(expected, str) and isinstance(given, str)
            and secrets.compare_digest(expected, given))


def _still_valid(root: Path, user: str, stamp: str) -> bool:
    try:
        return session_valid(root, user, stamp)
    except ConfigError:  # a broken accounts file: log in again (the login page says why)
        return False


class LoginRequired:
    """Off loopback: every path but the login page and static files needs a logged-in session.

    Sits inside the session middleware (it reads `scope["session"]`)."""

    def __init__(self, app: ASGIApp, enabled: bool, root: Path | None = None) -> None:
        self.app = app
        self.enabled = enabled
        self.root = root

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.enabled and scope["type"] == "http":
            session = scope.get("session", {})
            stamp = session.get("stamp")
            if stamp is not None and self.root is not None and not _still_valid(
                    self.root, str(session.get("user")), str(stamp)):
                session.clear()  # the account was removed or its password changed
            if not scope["path"].startswith(OPEN_PATHS) and not session.get("user"):
                await RedirectResponse("/login", status_code=303)(scope, receive, send)
                return
        await self.app(scope, receive, send)


class CsrfRefused(Exception):
    """A POST without the session's CSRF token (a forged request, or a page from an old
    session)."""


async def posted(request: Request) -> Any:
    """The POST's form, once its CSRF token is checked (CsrfRefused otherwise)."""
    form = await request.form(max_files=4, max_fields=20000)
    if not csrf_ok(request, form):
        raise CsrfRefused
    return form
