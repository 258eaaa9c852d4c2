"""Báo cáo: upload units' Excel report forms into the year's folder, each validated on upload.

An upload is checked by content, not by name: size capped, an Office zip with a workbook inside,
then read and validated by `api.load_document` (the Excel content reader and the report schema,
as `gendoc build` does) — errors name the sheet and cell. Only a valid form is moved (atomically)
into `<report folder>/<year>/<unit code>.xlsx`; an existing report is replaced only when asked.
"""

from __future__ import annotations

import io
import re
import secrets
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gendoc import api
from gendoc.document import DOCUMENT_SUFFIXES, NotADocument, discover
from gendoc.exceptions import ContentError, GendocError
from gendoc.reports.config import report_settings
from gendoc.reports.consolidation import report_folder
from gendoc.serve.consolidation_view import consolidation_view
from gendoc.serve.security import posted
from gendoc.serve.views import page
from gendoc.writer import atomic_write
from gendoc.yamlio import load_yaml

MAX_UPLOAD_BYTES = 2 * 1024 * 1024  # a filled form is 20–60 KB
YEAR = re.compile(r"(19|20)\d{2}")


@dataclass
class ReportFile:
    name: str
    unit: str = ""
    error: str = ""


def year_folder(ws: api.Workspace, year: str) -> Path:

    return report_folder(ws, report_settings(ws), None) / year


def _years(ws: api.Workspace) -> list[str]:
    root = year_folder(ws, "x").parent
    found = sorted((p.name for p in root.iterdir() if p.is_dir() and YEAR.fullmatch(p.name)),
                   reverse=True) if root.is_dir() else []
    return found or ["2017"]


def _listing(ws: api.Workspace, year: str) -> list[ReportFile]:
    folder = year_folder(ws, year)
    files = []
    for path in sorted(folder.glob("*.xlsx")) if folder.is_dir() else []:
        if path.name.startswith(("~$", ".", "_")):
            continue
        row = ReportFile(path.name)
        try:
            row.unit = str(getattr(api.load_document(ws, path).data, "co_quan", ""))
        except GendocError as exc:
            row.error = exc.format_message()
        files.append(row)
    return files


def consolidations(ws: api.Workspace, year: str) -> list[str]:
    """The year's consolidated reports (kind bao_cao_tong_hop): their tables and charts are
    computed from the units' reports when they are rendered."""

    found = []
    for path in discover(ws):
        if path.suffix.lower() not in DOCUMENT_SUFFIXES:
            continue
        try:
            raw = load_yaml(path)
        except ContentError:
            continue
        if isinstance(raw, dict) and raw.get("loai") == "bao_cao_tong_hop" \
                and str(raw.get("nam")) == year:
            found.append(path.resolve().relative_to(ws.root.resolve()).as_posix())
    return found


def _looks_like_xlsx(data: bytes) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        return False
    return "[Content_Types].xml" in names and "xl/workbook.xml" in names


def validate_upload(ws: api.Workspace, data: bytes, shown: str) -> Any:
    """The validated report document, or ContentError naming `shown` and the cells."""
    if len(data) > MAX_UPLOAD_BYTES:
        raise ContentError(shown, f"tệp quá lớn ({len(data) // 1024} KB, tối đa "
                                  f"{MAX_UPLOAD_BYTES // 1024} KB) — biểu mẫu báo cáo chỉ vài "
                                  "chục KB; kiểm tra lại có chọn nhầm tệp không.")
    if not _looks_like_xlsx(data):
        raise ContentError(shown, "tệp không phải bảng tính Excel .xlsx (nội dung tệp, không "
                                  "phải tên tệp, được kiểm tra) — mở bằng Excel và lưu dạng .xlsx.")
    scratch = ws.root / ".gendoc" / "serve-uploads" / secrets.token_hex(8)
    scratch.mkdir(parents=True)
    try:
        path = atomic_write(scratch / "bao-cao.xlsx", data, root=scratch)
        try:
            doc = api.load_document(ws, path)
        except NotADocument:
            raise ContentError(shown, "bảng tính này không phải biểu mẫu báo cáo của gendoc — "
                                      "tạo biểu bằng 'gendoc new bao_cao --unit MÃ --year NĂM "
                                      "--xlsx'.") from None
        except ContentError as exc:
            raise ContentError(shown, exc.problems) from None
        if doc.kind.name != "bao_cao":
            raise ContentError(shown, "đây không phải biểu mẫu báo cáo của đơn vị.")
        return doc
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


async def reports(request: Request) -> Response:
    ws = request.app.state.ws
    years = _years(ws)
    year = request.query_params.get("nam", years[0])
    year = year if YEAR.fullmatch(year) else years[0]
    return page(request, "reports.html", years=years, year=year, files=_listing(ws, year),
                result=None, max_kb=MAX_UPLOAD_BYTES // 1024,
                consolidated=consolidations(ws, year),
                summary=await run_in_threadpool(consolidation_view, ws, int(year)))


async def upload(request: Request) -> Response:
    form = await posted(request)
    ws = request.app.state.ws
    year = str(form.get("nam", ""))
    file = form.get("tep")
    result: dict[str, Any] = {}
    status = 200
    if not YEAR.fullmatch(year) or not isinstance(file, UploadFile):
        result, status = {"error": "Chọn năm báo cáo và tệp Excel cần tải lên."}, 400
    else:
        name = Path(file.filename or "bao-cao.xlsx").name
        data = await file.read(MAX_UPLOAD_BYTES + 1)
        try:
            doc = await run_in_threadpool(validate_upload, ws, data, name)
            target = year_folder(ws, year) / f"{doc.data.co_quan}.xlsx"
            shown = target.relative_to(ws.root).as_posix()
            if str(getattr(doc.data, "nam", year)) != year:
                result, status = {"error": f"{name}: biểu mẫu là báo cáo năm {doc.data.nam}, "
                                           f"không phải năm {year} — chọn lại năm."}, 422
            elif target.exists() and form.get("thay_the") != "on":
                result, status = {"error": f"Đã có {shown} — đánh dấu «Thay bản cũ» để thay."}, 409
            else:
                atomic_write(target, data, root=ws.content_dir)
                result = {"saved": shown, "warnings": doc.warnings}
        except ContentError as exc:
            result = {"error": exc.format_message()}
            status = 413 if len(data) > MAX_UPLOAD_BYTES else 422
    years = _years(ws)
    shown_year = year if YEAR.fullmatch(year) else years[0]
    return page(request, "reports.html", status, years=years, year=shown_year,
                files=_listing(ws, shown_year), result=result, max_kb=MAX_UPLOAD_BYTES // 1024,
                consolidated=consolidations(ws, shown_year),
                summary=await run_in_threadpool(consolidation_view, ws, int(shown_year)))


ROUTES = [
    Route("/reports", reports),
    Route("/reports/upload", upload, methods=["POST"]),
]
