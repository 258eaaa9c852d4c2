"""PDF conversion with LibreOffice headless: many files per LibreOffice process, one process per core.

Starting LibreOffice costs a second or two, converting one more file a tenth of that, so all the
files of a build are converted by as few `soffice --convert-to` calls as there are cores (fewer for
a handful of files), in parallel, the files shared out by size so the processes finish together.
Each process gets a work folder `<temp>/gendoc-pdf-<gendoc pid>-<random>/` holding: copies of
its files under unique names (equal names from two output folders never collide, and no
LibreOffice lock file ever lands in output/), slimmed to the styles they use, which more than
halves LibreOffice's time on a one-page document (gendoc.docx_slim); its throw-away profile
(`-env:UserInstallation`: two builds at once, or a clerk's open LibreOffice window, would
otherwise fight over the profile lock and fail silently); LibreOffice's own temporary files
(TMPDIR); the PDFs, which are then moved into output/ atomically (and reported in the order of
the files given).

Crashes leave nothing behind: LibreOffice runs in its own session (process group), killed as a
group on timeout, on any exception, Ctrl-C or SIGTERM; on POSIX a watchdog (`sh`, in a session of
its own) holds a pipe from gendoc and kills the group when the pipe closes without "done" — that
is, when gendoc dies, even by kill -9 (PR_SET_PDEATHSIG would reach only the first process, not
the soffice.bin that LibreOffice's launcher forks). A work folder whose gendoc process is gone is
removed by the next conversion.

The export is PDF/A-2b (ISO 19005-2, level B): fonts embedded, XMP metadata, no external
content — the archival form an electronic document is signed in (ND30 Phụ lục I; `gendoc sign`
adds signatures as incremental updates, which keep the claim). Title, author and subject come from
the .docx core properties that `gendoc build` sets (trích yếu, issuing body, số và ký hiệu).

The items of a combined file (a course's invitations, certificates) are not converted: their PDFs
are cut from the combined file's PDF at the bookmarks marking where each starts (gendoc.pdf_split);
items that cannot be cut exactly are converted one by one in a second pass.

Fonts: the documents ask for Times New Roman; where it is not installed LibreOffice substitutes
the metric-compatible Liberation Serif (package fonts-liberation), so line breaks and page
counts stay those of Word.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from gendoc.docx_slim import StyleCache, slim_copy
from gendoc.exceptions import GendocError
from gendoc.pdf_split import cut, find_batches
from gendoc.pdf_work import sweep_stale_work, work_folder
from gendoc.writer import atomic_write

INSTALL_HINT = "sudo apt install libreoffice-writer-nogui fonts-liberation"
DEFAULT_TIMEOUT_S = 300.0
# Word documents only: spreadsheets need LibreOffice Calc, which the writer-only package lacks.
CONVERTIBLE = (".docx", ".odt", ".doc")
# LibreOffice (≥ 7.4) export filter with JSON options: SelectPdfVersion 2 = PDF/A-2b; Writer
# bookmarks become named destinations (invisible), which is where a combined file's items start.
PDFA_FILTER = ('pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"},'
               '"ExportBookmarksToPDFDestination":{"type":"boolean","value":"true"}}')
# A second LibreOffice pays for its start (≈ 1–2 s) only with this many files to share.
MIN_FILES_PER_PROCESS = 10
# One LibreOffice call takes at most this many files (LibreOffice 7.4 drops arguments past ~254),
# their names within this many characters.
MAX_CALL_FILES = 200
MAX_CALL_CHARS = 16_000
POLL_S = 0.05  # how often running calls are looked at
# Runs in a session of its own: a line "done" means the conversion ended normally; end of input
# without it means gendoc died, so LibreOffice's process group ($1) is killed.
WATCHDOG = 'read -r line; [ "$line" = done ] || kill -s KILL -- "-$1" 2>/dev/null'


class PdfError(GendocError):
    """LibreOffice is missing, timed out or did not produce a PDF."""


@dataclass
class PdfReport:
    written: list[Path] = field(default_factory=list)
    errors: list[PdfError] = field(default_factory=list)


def find_soffice() -> str:
    """The LibreOffice command (`GENDOC_SOFFICE` overrides the search on PATH)."""
    override = os.environ.get("GENDOC_SOFFICE")
    candidates = [override] if override else ["soffice", "libreoffice"]
    for name in candidates:
        found = shutil.which(name)
        if found:
            return found
    raise PdfError(
        "không tìm thấy LibreOffice (lệnh 'soffice') để chuyển văn bản sang PDF — cài đặt bằng: "
        f"{INSTALL_HINT} (Windows, macOS: cài LibreOffice từ https://www.libreoffice.org), "
        "hoặc chỉ đường dẫn qua biến môi trường GENDOC_SOFFICE; các tệp .docx vẫn được dựng bình thường.")


# --- LibreOffice processes ---------------------------------------------------------------------

@dataclass
class _Call:
    """One `soffice --convert-to` process: some of a run's files (indices into run.files)."""
    indices: list[int]
    proc: subprocess.Popen[bytes] | None = None
    watchdog: subprocess.Popen[bytes] | None = None
    guard: int | None = None  # write end of the watchdog's pipe
    started: float = 0.0
    timed_out: bool = False


@dataclass
class _Run:
    """One core's share: a work folder and profile, its files converted by successive calls."""
    files: list[Path]
    work: Path
    copies: list[Path] = field(default_factory=list)
    calls: list[_Call] = field(default_factory=list)
    current: int = -1

    @property
    def outdir(self) -> Path:
        return self.work / "out"


def _command(soffice: str, run: _Run, call: _Call) -> list[str]:
    return [soffice, f"-env:UserInstallation={(run.work / 'profile').as_uri()}", "--headless",
            "--norestore", "--nologo", "--nodefault", "--convert-to", PDFA_FILTER,
            "--outdir", str(run.outdir), *[run.copies[i].name for i in call.indices]]


def _start(cmd: list[str], env: dict[str, str], cwd: Path, stderr: int) -> subprocess.Popen[bytes]:
    """Start LibreOffice in a session of its own: its process group is killed as a whole."""
    return subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                            stderr=stderr, env=env, cwd=cwd, start_new_session=True)


def _copy_in(run: _Run, errors: list[PdfError], styles: StyleCache) -> None:
    """Copy the files into the work folder under unique names (NNNN-<name>), slimmed (only the
    styles they use: gendoc.docx_slim); a file that cannot be read is reported and left out.
    The files are then cut into calls: LibreOffice 7.4's launcher silently ignores arguments
    past about 254 (a 404-file call converted 247, exit code 0), so a call takes at most
    MAX_CALL_FILES bare names (it runs in the folder) within MAX_CALL_CHARS."""
    (run.work / "in").mkdir()
    (run.work / "tmp").mkdir()
    kept: list[Path] = []
    for source in run.files:
        copy = run.work / "in" / f"{len(kept):04d}-{source.stem}{source.suffix.lower()}"
        try:
            slim_copy(source, copy, styles)
        except OSError as exc:
            errors.append(PdfError(f"{source.name}: không đọc được tệp để chuyển sang PDF "
                                   f"({exc.strerror or exc}) — dựng lại văn bản rồi chạy lại lệnh."))
            continue
        kept.append(source)
        run.copies.append(copy)
    run.files = kept
    chars = 0
    for index, copy in enumerate(run.copies):
        if (not run.calls or len(run.calls[-1].indices) >= MAX_CALL_FILES
                or chars + len(copy.name) > MAX_CALL_CHARS):
            run.calls.append(_Call([]))
            chars = 0
        run.calls[-1].indices.append(index)
        chars += len(copy.name) + 1


def _launch(run: _Run, call: _Call, soffice: str) -> None:
    tmp = str(run.work / "tmp")  # LibreOffice's own temporary files go with the work folder
    env = {**os.environ, "TMPDIR": tmp, "TMP": tmp, "TEMP": tmp}
    call.started = time.monotonic()
    with open(run.work / f"stderr-{run.current}.txt", "wb") as err:
        call.proc = _start(_command(soffice, run, call), env, run.work / "in", err.fileno())
    if os.name == "posix" and shutil.which("sh"):
        read_end, call.guard = os.pipe()
        try:
            call.watchdog = subprocess.Popen(
                ["sh", "-c", WATCHDOG, "gendoc-pdf-watchdog", str(call.proc.pid)], stdin=read_end,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        finally:
            os.close(read_end)


def _advance(run: _Run, soffice: str, timeout: float) -> bool:
    """Start the run's next call when its current one ended (or overran `timeout`, then killed);
    False once the run is done."""
    if run.current >= 0:
        call = run.calls[run.current]
        if call.proc is not None and call.proc.poll() is None:
            if time.monotonic() - call.started <= timeout:
                return True
            call.timed_out = True
        _stop(call)
    if run.current + 1 >= len(run.calls):
        return False
    run.current += 1
    _launch(run, run.calls[run.current], soffice)
    return True


def _stop(call: _Call) -> None:
    """Kill LibreOffice's whole process group (soffice.bin too) and dismiss the watchdog."""
    if call.proc is not None and call.proc.poll() is None:
        with contextlib.suppress(OSError):
            os.killpg(call.proc.pid, signal.SIGKILL)
        call.proc.wait()
    if call.guard is not None:
        with contextlib.suppress(OSError):
            os.write(call.guard, b"done\n")
        os.close(call.guard)
        call.guard = None
    if call.watchdog is not None:
        call.watchdog.wait()


@contextlib.contextmanager
def _sigterm_as_exit() -> Iterator[None]:
    """SIGTERM during a conversion unwinds like Ctrl-C does, so LibreOffice is stopped and the
    work folders removed (only the main thread may set signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def leave(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, leave)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


# --- conversion --------------------------------------------------------------------------------

def plan(files: Sequence[Path], processes: int,
         documents: Mapping[Path, int] | None = None) -> list[list[Path]]:
    """Share files out among at most `processes` LibreOffice runs, largest first to the least
    loaded (by bytes, a fair proxy of work); each run keeps the files' order. Deterministic.
    `documents`: how many documents a file counts for (a combined file: its items)."""
    weight = sum((documents or {}).get(f, 1) for f in files)
    count = max(1, min(processes, -(-weight // MIN_FILES_PER_PROCESS)))
    loads = [0] * count
    assigned: list[list[int]] = [[] for _ in range(count)]
    sizes = [f.stat().st_size if f.is_file() else 0 for f in files]
    for index in sorted(range(len(files)), key=lambda i: (-sizes[i], i)):
        target = min(range(count), key=lambda k: (loads[k], k))
        loads[target] += sizes[index]
        assigned[target].append(index)
    return [[files[i] for i in sorted(group)] for group in assigned if group]


def _shown(files: Sequence[Path]) -> str:
    folder = Path(os.path.commonpath([str(f.parent) for f in files]))
    return folder.name or str(folder)


def _collect(run: _Run, root: Path, timeout: float, report: PdfReport) -> None:
    for number, call in enumerate(run.calls):
        files = [run.files[i] for i in call.indices]
        if call.timed_out:
            report.errors.append(PdfError(
                f"{_shown(files)}: LibreOffice chưa chuyển xong {len(files)} tệp sau {timeout:g} "
                "giây nên đã bị dừng — tăng thời gian chờ bằng --pdf-timeout hoặc dựng từng thư "
                "mục một."))
            continue
        for index, source in zip(call.indices, files, strict=True):
            pdf = run.outdir / f"{run.copies[index].stem}.pdf"
            if not pdf.is_file():
                log = run.work / f"stderr-{number}.txt"
                text = log.read_bytes().decode("utf-8", "replace") if log.is_file() else ""
                detail = text.strip().splitlines()[-1:] or ["không rõ lý do"]
                report.errors.append(PdfError(
                    f"{source.name}: LibreOffice không tạo được PDF ({detail[0]}) — mở tệp bằng "
                    "Word/LibreOffice để xem tệp có hỏng không."))
                continue
            report.written.append(atomic_write(source.with_suffix(".pdf"), pdf.read_bytes(),
                                               root=root))


def _convert(groups: list[list[Path]], root: Path, timeout: float, soffice: str) -> PdfReport:
    """Run the groups at once, each its calls one after the other; PDFs go next to their files."""
    report = PdfReport()
    sweep_stale_work()
    runs: list[_Run] = []
    styles: StyleCache = {}
    try:
        with _sigterm_as_exit():
            try:
                for group in groups:  # each run starts as soon as its files are copied
                    runs.append(_Run(group, work_folder()))
                    _copy_in(runs[-1], report.errors, styles)
                    _advance(runs[-1], soffice, timeout)
                while any([_advance(run, soffice, timeout) for run in runs]):
                    time.sleep(POLL_S)
            except OSError as exc:
                report.errors.append(PdfError(
                    f"không chạy được LibreOffice '{soffice}' ({exc}) — cài lại: {INSTALL_HINT}"))
                return report  # the finally below stops what started
            for run in runs:
                _collect(run, root, timeout, report)
    finally:
        for run in runs:
            for call in run.calls:
                _stop(call)
            shutil.rmtree(run.work, ignore_errors=True)
    return report


def convert_batch(files: Sequence[Path], *, root: Path, timeout: float = DEFAULT_TIMEOUT_S,
                  soffice: str | None = None) -> PdfReport:
    """Convert files with one LibreOffice process; each PDF goes next to its file."""
    if not files:
        return PdfReport()
    return _convert([list(files)], root, timeout, soffice or find_soffice())


def convertible(paths: Iterable[Path]) -> list[Path]:
    """The files LibreOffice Writer converts, once each, in the order given."""
    return list(dict.fromkeys(p for p in paths if p.suffix.lower() in CONVERTIBLE))


def convert(paths: Iterable[Path], *, root: Path, timeout: float = DEFAULT_TIMEOUT_S,
            progress: Callable[[Path, int], None] | None = None, jobs: int = 1) -> PdfReport:
    """Convert every .docx among `paths` with at most `jobs` LibreOffice processes in parallel.

    `progress(folder, count)` is called once before LibreOffice starts (it takes a while);
    `timeout` bounds each LibreOffice process.
    """
    files = convertible(paths)
    if not files:
        return PdfReport()
    soffice = find_soffice()
    if progress is not None:
        progress(Path(os.path.commonpath([str(f.parent) for f in files])), len(files))
    # The items of a combined file are cut from its PDF (gendoc.pdf_split); those that cannot be
    # cut exactly are converted one by one after.
    batches = find_batches(files)
    derived = {item for batch in batches for item in batch.wanted}
    counts = {batch.combined: len(batch.items) for batch in batches}
    report = _convert(plan([f for f in files if f not in derived], jobs, counts), root, timeout,
                      soffice)
    made = cut(batches, report.written, root)
    report.written += made.written
    report.errors += [PdfError(message) for message in made.errors]
    if made.left:
        rest = _convert(plan(made.left, jobs), root, timeout, soffice)
        report.written += rest.written
        report.errors += rest.errors
    order = {f.with_suffix(".pdf"): i for i, f in enumerate(files)}
    report.written.sort(key=order.__getitem__)  # the build's order, whatever process made it
    return report
