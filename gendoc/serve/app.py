"""The web app: routes of every page, middleware, and error pages without tracebacks.

`create_app(ws)` is what `gendoc serve` runs and what the tests drive with Starlette's client.
"""

from __future__ import annotations

import logging
import secrets
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.sessions import SessionMiddleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles

from gendoc import api
from gendoc.exceptions import GendocError
from gendoc.serve import (
    pages_accounts,
    pages_edit,
    pages_login,
    pages_overview,
    pages_plans,
    pages_preview,
    pages_register,
    pages_reports,
    pages_tools,
)
from gendoc.serve.jobs import Busy, Jobs
from gendoc.serve.security import (
    MAX_BODY_BYTES,
    BodyLimit,
    CsrfRefused,
    LoginRequired,
    PathRefused,
    SecurityHeaders,
)
from gendoc.serve.views import STATIC, page

log = logging.getLogger("gendoc.serve")


async def _gendoc_error(request: Request, exc: Exception) -> Response:
    status = 503 if isinstance(exc, Busy) else 400
    message = exc.format_message() if isinstance(exc, GendocError) else str(exc)
    return page(request, "error.html", status, message=message)


async def _refused(request: Request, exc: Exception) -> Response:
    return page(request, "error.html", 404, message="Đường dẫn không hợp lệ hoặc nằm ngoài "
                                                    "thư mục làm việc.")


async def _csrf(request: Request, exc: Exception) -> Response:
    return page(request, "error.html", 403, message="Phiên làm việc đã hết hạn hoặc biểu mẫu "
                                                    "không hợp lệ — tải lại trang rồi thử lại.")


async def _http(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    messages = {404: "Không có trang này.", 405: "Thao tác không được phép ở trang này."}
    return page(request, "error.html", status, message=messages.get(status, "Yêu cầu không "
                                                                           "hợp lệ."))


async def _bug(request: Request, exc: Exception) -> Response:
    log.exception("unexpected error on %s", request.url.path)  # the trace goes to the log only
    return page(request, "error.html", 500, message=(
        f"Lỗi ngoài dự kiến ({type(exc).__name__}). Thông tin chi tiết đã được ghi ở cửa sổ "
        "chạy 'gendoc serve' — báo cho nhóm phát triển."))


def create_app(ws: api.Workspace, *, login_token: str | None = None,
               allowed_hosts: list[str] | None = None, workers: int = 2,
               max_body: int = MAX_BODY_BYTES) -> Starlette:
    """The app on workspace `ws`; with `login_token`, every page needs a login."""
    hosts = ["127.0.0.1", "localhost", "::1", "testserver", *(allowed_hosts or [])]
    middleware = [
        Middleware(SecurityHeaders),
        Middleware(TrustedHostMiddleware, allowed_hosts=hosts),
        Middleware(BodyLimit, limit=max_body),
        Middleware(SessionMiddleware, secret_key=secrets.token_urlsafe(32),
                   session_cookie="gendoc_session", same_site="strict", max_age=12 * 3600),
        Middleware(LoginRequired, enabled=login_token is not None, root=ws.root),
    ]
    handlers: dict[Any, Any] = {GendocError: _gendoc_error, PathRefused: _refused,
                                CsrfRefused: _csrf, HTTPException: _http, Exception: _bug}
    routes = [*pages_login.ROUTES, *pages_accounts.ROUTES, *pages_overview.ROUTES, *pages_edit.ROUTES,
              *pages_preview.ROUTES, *pages_tools.ROUTES, *pages_reports.ROUTES,
              *pages_register.ROUTES, *pages_plans.ROUTES,
              Mount("/static", app=StaticFiles(directory=str(STATIC)), name="static")]
    app = Starlette(routes=routes, middleware=middleware, exception_handlers=handlers)
    app.state.ws = ws
    app.state.jobs = Jobs(workers=workers)
    app.state.login_token = login_token
    app.state.login_required = login_token is not None
    return app
