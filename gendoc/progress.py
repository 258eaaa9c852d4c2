"""Live build progress on a terminal: `[12/30] content/…`, only once a build runs long.

Quiet when stderr is not a terminal (a log, a pipe, CI) and for builds shorter than
`AFTER_SECONDS`, so short builds print exactly their results and summary.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

AFTER_SECONDS = 2.0


class TerminalProgress:
    """A `progress(done, total, path)` callback that redraws one status line on stderr."""

    def __init__(self, shown: Callable[[Path], str], stream: TextIO | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.shown = shown
        self.stream = stream or sys.stderr
        self.clock = clock
        self.started = clock()
        self.active = self.stream.isatty()
        self.drawn = False

    def __call__(self, done: int, total: int, path: Path) -> None:
        if not self.active or self.clock() - self.started < AFTER_SECONDS:
            return
        line = f"  [{done + 1}/{total}] {self.shown(path)}"
        self.stream.write("\r" + line[:120].ljust(120 if self.drawn else len(line)))
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        """Clear the status line before the results are printed."""
        if self.drawn:
            self.stream.write("\r" + " " * 120 + "\r")
            self.stream.flush()
            self.drawn = False
