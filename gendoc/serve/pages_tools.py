"""Kiểm tra định kiến giới: the bias check (`gendoc bias`) on pasted text, findings marked in
place. The checker and its phrase lists (built-in plus the workspace's own) are the CLI's."""

from __future__ import annotations

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from gendoc.bias.check import check_text
from gendoc.bias.phrases import load_phrases
from gendoc.media.config import media_config
from gendoc.serve.security import posted
from gendoc.serve.views import page

MAX_TEXT = 200_000  # characters: a long brief is a few thousand


def _phrases(request: Request) -> Any:

    ws = request.app.state.ws
    return load_phrases(media_config(ws).dinh_kien_bo_sung_path(ws))


def marked_lines(text: str, findings: list[Any]) -> list[list[tuple[str, int | None]]]:
    """Each line as (piece, finding number or None): the found phrase is its own piece."""
    by_line: dict[int, list[tuple[int, Any]]] = {}
    for number, finding in enumerate(findings, start=1):
        by_line.setdefault(finding.line, []).append((number, finding))
    lines = []
    for line_no, line in enumerate(text.splitlines(), start=1):
        pieces: list[tuple[str, int | None]] = []
        rest, cursor = line, 0
        for number, finding in by_line.get(line_no, []):
            at = rest.find(finding.phrase, cursor)
            if at < 0:
                continue
            pieces += [(rest[cursor:at], None), (finding.phrase, number)]
            cursor = at + len(finding.phrase)
        pieces.append((rest[cursor:], None))
        lines.append(pieces)
    return lines


async def bias_form(request: Request) -> Response:
    return page(request, "bias.html", text="", findings=None, lines=[])


async def bias_submit(request: Request) -> Response:

    form = await posted(request)
    text = str(form.get("text", ""))[:MAX_TEXT]
    findings = await run_in_threadpool(check_text, text, _phrases(request))
    return page(request, "bias.html", text=text, findings=findings,
                lines=marked_lines(text, findings))


ROUTES = [
    Route("/bias", bias_form),
    Route("/bias", bias_submit, methods=["POST"]),
]
