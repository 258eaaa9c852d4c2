"""Build progress: shown on a terminal once a build runs long, never in logs or pipes."""

from __future__ import annotations

import io
from pathlib import Path

from gendoc.progress import AFTER_SECONDS, TerminalProgress


class FakeTerminal(io.StringIO):
    def __init__(self, tty: bool) -> None:
        super().__init__()
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_long_build_on_a_terminal_shows_done_total_and_file() -> None:
    stream, clock = FakeTerminal(tty=True), Clock()
    progress = TerminalProgress(lambda p: p.as_posix(), stream=stream, clock=clock)
    progress(0, 30, Path("content/a.yaml"))
    assert stream.getvalue() == ""  # a short build prints only its results
    clock.now += AFTER_SECONDS + 0.1
    progress(11, 30, Path("content/ke-hoach/b.yaml"))
    assert "[12/30] content/ke-hoach/b.yaml" in stream.getvalue()
    progress.finish()
    assert stream.getvalue().endswith("\r")  # the status line is cleared before the summary


def test_quiet_when_not_a_terminal() -> None:
    stream, clock = FakeTerminal(tty=False), Clock()
    progress = TerminalProgress(lambda p: p.as_posix(), stream=stream, clock=clock)
    clock.now += 60
    for i in range(5):
        progress(i, 5, Path(f"content/{i}.yaml"))
    progress.finish()
    assert stream.getvalue() == ""


def test_build_reports_each_document_to_the_progress_callback(make_ws) -> None:  # noqa: ANN001
    from gendoc.build import build
    from gendoc.workspace import load_workspace
    from tests.core.test_core_errors import GOOD

    ws = load_workspace(make_ws({"content/a.yaml": GOOD, "content/b.yaml": GOOD}))
    seen: list[tuple[int, int, str]] = []
    build(ws, progress=lambda done, total, path: seen.append((done, total, path.name)))
    assert seen == [(0, 2, "a.yaml"), (1, 2, "b.yaml")]
