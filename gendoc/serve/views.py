"""The pages' Jinja environment: autoescaped, strict, templates shipped inside the package.

Content values reach the page only as Jinja variables (escaped); nothing from a content file is
ever a template.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from starlette.requests import Request
from starlette.responses import HTMLResponse

from gendoc.serve.security import csrf_token

TEMPLATES = Path(__file__).resolve().parent / "templates"
STATIC = Path(__file__).resolve().parent / "static"

NAV = [
    ("/", "Tổng quan"),
    ("/new", "Soạn văn bản mới"),
    ("/plans", "Kế hoạch đơn vị"),
    ("/register", "Sổ đăng ký"),
    ("/reports", "Báo cáo"),
    ("/bias", "Kiểm tra định kiến giới"),
    ("/accounts", "Tài khoản"),
]

_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(["html"], default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render `name` with the layout's variables (CSRF token, navigation, login state)."""
    ws = request.app.state.ws
    values = {
        "request_path": request.url.path,
        "csrf": csrf_token(request),
        "nav": NAV,
        "user": request.session.get("user"),
        "login": request.app.state.login_required,
        "workspace_name": ws.config.ten or ws.root.name,
        "flash": request.session.pop("flash", None),
        **context,
    }
    html = _env.get_template(name).render(values)
    return HTMLResponse(html, status_code=status)
