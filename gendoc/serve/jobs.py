"""Long jobs (a whole build, page images through LibreOffice) in a bounded worker pool.

A page starts a job and polls its state (htmx, every second) instead of holding a request open.
At most `workers` jobs run at once and at most `queue` wait; beyond that a new job is refused
with a message rather than piling up on a small office server.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from gendoc.exceptions import GendocError

KEEP_SECONDS = 3600
# Writes into output/ keep a manifest (read, changed, saved): one writer at a time in this process
# — a build job, "Xuất văn bản" and issuing a number.
OUTPUT_LOCK = threading.Lock()


def writing_output(work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run `work` holding OUTPUT_LOCK — in a worker thread, never on the event loop."""
    with OUTPUT_LOCK:
        return work(*args, **kwargs)


@dataclass
class Job:
    id: str
    title: str
    state: str = "chờ"  # chờ → đang chạy → xong | lỗi
    done: int = 0
    total: int = 0
    note: str = ""
    result: Any = None
    error: str = ""
    started: float = field(default_factory=time.time)

    @property
    def finished(self) -> bool:
        return self.state in ("xong", "lỗi")

    def progress(self, done: int, total: int, note: str = "") -> None:
        self.done, self.total, self.note = done, total, note


class Busy(GendocError):
    pass


class Jobs:
    def __init__(self, workers: int = 2, queue: int = 8) -> None:
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="gendoc-job")
        self._limit = workers + queue
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def submit(self, title: str, work: Callable[[Job], Any]) -> Job:
        with self._lock:
            self._forget_old()
            running = sum(1 for j in self._jobs.values() if not j.finished)
            if running >= self._limit:
                raise Busy(f"máy chủ đang bận ({running} việc đang chờ) — thử lại sau ít phút.")
            job = Job(id=secrets.token_hex(8), title=title)
            self._jobs[job.id] = job
        self._pool.submit(self._run, job, work)
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)

    @staticmethod
    def _run(job: Job, work: Callable[[Job], Any]) -> None:
        job.state = "đang chạy"
        try:
            job.result = work(job)
            job.state = "xong"
        except GendocError as exc:
            job.error, job.state = exc.format_message(), "lỗi"
        except Exception as exc:  # a bug: name it plainly, never a traceback in the page
            job.error = (f"lỗi ngoài dự kiến ({type(exc).__name__}) — chạy lệnh tương ứng "
                         "với --verbose và báo cho nhóm phát triển.")
            job.state = "lỗi"

    def _forget_old(self) -> None:
        now = time.time()
        for key in [k for k, j in self._jobs.items() if j.finished and now - j.started > KEEP_SECONDS]:
            del self._jobs[key]
