"""Soạn / sửa văn bản: a form generated from the kind's schema, saved as a YAML content file.

`GET /new` picks the kind, the unit and the file; `/edit` shows and takes the form. Buttons:
Kiểm tra (validate only), Lưu (validate, then save if the file is unchanged since the form was
loaded), Thêm/Xóa mục (edit the item tree). Validation, messages and line numbers are the CLI's.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from gendoc import api
from gendoc.document import DOCUMENT_SUFFIXES
from gendoc.exceptions import ContentError, FieldProblem
from gendoc.kinds import Kind, all_kinds
from gendoc.serve import content_edit
from gendoc.serve.form_data import KEY_FIELD, FormProblem, apply_action, read_form
from gendoc.serve.schema_form import (
    cells_of,
    display,
    entries_of,
    fields_of,
    form_name,
    form_path,
    items_of,
    needs_cells,
)
from gendoc.serve.security import PathRefused, inside, posted
from gendoc.serve.views import page

FILE_NAME = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def content_path(ws: api.Workspace, relative: str) -> Path:
    """A content file named by a request: inside content/, a .yaml (PathRefused otherwise)."""
    path = inside(ws.root, relative)
    if ws.content_dir.resolve() not in path.parents or path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise PathRefused(relative)
    return path


def shown(ws: api.Workspace, path: Path) -> str:
    return path.relative_to(ws.root.resolve()).as_posix()


def _folders(ws: api.Workspace) -> list[str]:
    found = ["content"]
    for folder in sorted(ws.content_dir.rglob("*")):
        parts = folder.relative_to(ws.content_dir).parts
        if folder.is_dir() and not any(p.startswith(("_", ".")) for p in parts):
            found.append(folder.relative_to(ws.root).as_posix())
    return found


def _units(ws: api.Workspace) -> list[tuple[str, str]]:
    return [(u.ma, u.ten_day_du or u.ten.replace("\n", " ")) for u in ws.config.co_quan]


def _editor(request: Request, kind: Kind, path: Path, *, data: dict[str, Any], base: str,
            status: int = 200, **extra: Any) -> Response:
    ws = request.app.state.ws
    checked = extra.get("checked")
    errors: dict[str, list[str]] = {}
    for problem in checked.problems if checked else []:
        name = form_path(kind.schema, data, form_name(problem.field))
        errors.setdefault(name, []).append(problem.message)
    for own in extra.pop("form_problems", ()):  # named by the form already: entry by position
        errors.setdefault(own.name, []).append(own.message)
    extra.setdefault("cells", ())
    return page(request, "edit.html", status, kind=kind, path=shown(ws, path), data=data,
                base=base, units=_units(ws), errors=errors, fields_of=fields_of,
                display=display, items_of=items_of, entries_of=entries_of,
                key_field=KEY_FIELD, needs_cells=needs_cells, cells_of=cells_of,
                exists=path.exists(),
                **{"checked": None, "conflict": None, **extra})


async def new_form(request: Request) -> Response:
    ws = request.app.state.ws
    kinds = [k for k in all_kinds().values() if k.name != "bao_cao_tong_hop"]
    return page(request, "new.html", kinds=kinds, units=_units(ws), folders=_folders(ws),
                problem="")


async def new_submit(request: Request) -> Response:
    form = await posted(request)
    ws = request.app.state.ws
    kind, name = str(form.get("kind", "")), str(form.get("name", "")).strip()
    problem = ""
    if kind not in all_kinds():
        problem = "Chọn loại văn bản."
    elif not FILE_NAME.fullmatch(name):
        problem = ("Tên tệp chỉ gồm chữ thường không dấu, số và dấu '-' "
                   "(ví dụ ke-hoach-so-noi-vu-2017).")
    else:
        try:
            path = content_path(ws, f"{form.get('folder', 'content')}/{name}.yaml")
        except PathRefused:
            problem = "Thư mục không nằm trong content/."
        else:
            if path.exists():
                problem = f"Đã có tệp {shown(ws, path)} — đặt tên khác hoặc mở tệp đó để sửa."
    if problem:
        kinds = [k for k in all_kinds().values() if k.name != "bao_cao_tong_hop"]
        return page(request, "new.html", 400, kinds=kinds, units=_units(ws),
                    folders=_folders(ws), problem=problem)
    data = {"co_quan": str(form.get("co_quan", ""))} if form.get("co_quan") else {}
    return _editor(request, all_kinds()[kind], path, data=data, base="")


def _open(request: Request, relative: str, kind_name: str | None) -> tuple[Path, Kind, Any]:
    ws = request.app.state.ws
    path = content_path(ws, relative)
    loaded = content_edit.load_for_edit(path)
    name = loaded.data.get("loai", kind_name) if path.exists() else kind_name
    kinds = all_kinds()
    if name not in kinds:
        raise ContentError(shown(ws, path), "không mở được bằng biểu mẫu: trường 'loai' thiếu "
                                            "hoặc sai — sửa trường này trong tệp YAML trước.")
    return path, kinds[name], loaded


def _refused(ws: api.Workspace, path: Path,
             problems: list[FormProblem]) -> content_edit.Checked:
    """What the form cannot save without losing an entry, worded as the CLI words a file's
    problems (the top of the page); each is also shown beside its entry."""
    error = ContentError(shown(ws, path), [FieldProblem(p.field, p.message) for p in problems])
    return content_edit.Checked("", message=error.format_message())


def _broken_meanwhile(request: Request, form: Any) -> Response:
    ws = request.app.state.ws
    path = content_path(ws, str(form.get("path", "")))
    kind = all_kinds().get(str(form.get("kind", "")))
    if kind is None or not path.is_file():
        raise ContentError(shown(ws, path), "tệp không còn mở được bằng biểu mẫu.")
    raw = path.read_bytes()
    return _editor(request, kind, path, data=read_form(kind.schema, form)[0], status=409,
                   base=str(form.get("base", "")),
                   conflict={"theirs": raw.decode("utf-8", "replace"),
                             "digest": content_edit.digest(raw), "mine": ""})


async def edit_form(request: Request) -> Response:
    path, kind, loaded = _open(request, request.query_params.get("path", ""),
                               request.query_params.get("kind"))
    return _editor(request, kind, path, data=loaded.data, base=loaded.digest)


async def edit_submit(request: Request) -> Response:
    form = await posted(request)
    ws = request.app.state.ws
    try:
        path, kind, loaded = _open(request, str(form.get("path", "")), str(form.get("kind", "")))
    except ContentError:  # someone broke the file meanwhile: keep the clerk's form, show theirs
        return _broken_meanwhile(request, form)
    action, base = str(form.get("action", "check")), str(form.get("base", ""))
    acting = action.startswith(("add:", "add=:", "remove:", "cells:"))  # on the form as shown
    data, problems = read_form(kind.schema, form, keep_blank=acting)  # a repeated code: kept
    cells = {str(c) for c in form.getlist("cells")}  # lists edited box by box, kept so
    if action.startswith("cells:"):
        return _editor(request, kind, path, data=data, base=base,
                       cells={*cells, action.partition(":")[2]})
    if action.startswith(("add:", "add=:", "remove:")):  # problems named at the next check
        apply_action(data, action)
        return _editor(request, kind, path, data=data, base=base, cells=cells)
    if action.startswith("overwrite:"):  # after a conflict, the clerk chose their version
        action, base = "save", action.partition(":")[2]
    if problems:  # nothing written: saving would lose what the clerk typed
        return _editor(request, kind, path, data=data, base=base, cells=cells,
                       checked=_refused(ws, path, problems), form_problems=problems,
                       status=200 if action == "check" else 422)
    text = content_edit.updated_text(loaded.text, data, kind.name, kind.schema)
    checked = await run_in_threadpool(content_edit.check_text, ws, path, text)
    if not checked.ok or action != "save":
        return _editor(request, kind, path, data=data, base=base, checked=checked, cells=cells,
                       status=200 if checked.ok or action == "check" else 422)
    try:
        await run_in_threadpool(content_edit.save, path, ws.content_dir, base, text)
    except content_edit.Conflict:
        return _editor(request, kind, path, data=data, base=base, status=409, cells=cells,
                       conflict={"theirs": loaded.text, "digest": loaded.digest, "mine": text})
    request.session["flash"] = f"Đã lưu {shown(ws, path)}."
    target = f"/preview?path={quote(shown(ws, path))}"
    if request.headers.get("hx-request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


ROUTES = [
    Route("/new", new_form),
    Route("/new", new_submit, methods=["POST"]),
    Route("/edit", edit_form),
    Route("/edit", edit_submit, methods=["POST"]),
]
