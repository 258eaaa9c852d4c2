"""Rendering documents, here or in worker processes.

Rendering is CPU-bound Python (docxtpl, python-docx, lxml): threads would share one core, so a
build with many documents renders them in a process pool. Workers only compute artifacts; the
build's one writer writes them in discovery order, so a parallel build gives the bytes and the
report of a serial one. What crosses the process boundary is plain data: paths in, artifacts,
warnings and error messages out (a GendocError keeps its message; a bug keeps its traceback).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from gendoc.artifacts import Artifact
from gendoc.document import BuildContext, Document, load_document, rel
from gendoc.exceptions import GendocError, UnexpectedError
from gendoc.render import render_document
from gendoc.workspace import Workspace, load_workspace

Gate = Callable[[Document], None]
Rendered = tuple[list[Artifact] | None, list[str], GendocError | None]

_WORKER: dict[str, Any] = {}


def as_error(ws: Workspace, path: Path, exc: Exception) -> GendocError:
    """A clerk-facing error for any exception met while handling one document, naming it.

    Errors raised below the document (a template name, a sandbox refusal) do not know which
    content file asked for them; the summary line must start with it."""
    if isinstance(exc, GendocError):
        shown = rel(ws, path)
        if not exc.format_message().startswith(shown):
            # click declares `message` Final; the error is ours and not yet shown to anyone
            setattr(exc, "message", f"{shown}: {exc.message}")  # noqa: B010
        return exc
    return UnexpectedError(rel(ws, path), exc, traceback.format_exc())


def render_here(ws: Workspace, doc: Document, gate: Gate | None, bctx: BuildContext) -> Rendered:
    """Gate and render one loaded document; any failure is returned, not raised."""
    try:
        if gate is not None:
            gate(doc)
        return render_document(doc, bctx), doc.warnings, None
    except Exception as exc:  # noqa: BLE001 - a bug in one document fails only that one
        return None, doc.warnings, as_error(ws, doc.path, exc)


def render_parallel(ws: Workspace, paths: list[Path],
                    gate_factory: Callable[[Workspace], Gate] | None, jobs: int) -> Iterator[Rendered]:
    """Render `paths` in `jobs` worker processes; results come back in the order of `paths`."""
    with ProcessPoolExecutor(max_workers=jobs, initializer=_start_worker,
                             initargs=(ws.root, gate_factory)) as pool:
        for artifacts, warnings, failure in pool.map(_render_in_worker, paths, chunksize=1):
            yield artifacts, warnings, _error_from(failure)


def _start_worker(root: Path, gate_factory: Callable[[Workspace], Gate] | None) -> None:
    ws = load_workspace(root)
    _WORKER.update(ws=ws, gate=gate_factory(ws) if gate_factory else None, bctx=BuildContext(ws))


def _render_in_worker(path: Path) -> tuple[list[Artifact] | None, list[str],
                                           tuple[str, str | None] | None]:
    ws: Workspace = _WORKER["ws"]
    try:
        doc = load_document(ws, path)
    except Exception as exc:  # noqa: BLE001 - reported by the build, like any failure
        return None, [], _failure(as_error(ws, path, exc))
    artifacts, warnings, error = render_here(ws, doc, _WORKER["gate"], _WORKER["bctx"])
    return artifacts, warnings, _failure(error) if error is not None else None


def _failure(error: GendocError) -> tuple[str, str | None]:
    return error.format_message(), getattr(error, "trace", None)


def _error_from(failure: tuple[str, str | None] | None) -> GendocError | None:
    if failure is None:
        return None
    message, trace = failure
    error = GendocError(message)
    if trace:
        error.trace = trace  # type: ignore[attr-defined]
    return error
