"""PDF conversion with LibreOffice headless, one LibreOffice process per batch of files.

Starting LibreOffice costs seconds, converting one more file a fraction of that, so the outputs of
a build are grouped by folder (a course's certificates, its invitations …) and each group is
converted by one `soffice --convert-to pdf` call with a timeout. Each call uses its own
throw-away LibreOffice profile (`-env:UserInstallation`): two builds running at once (or a
clerk's open LibreOffice window) would otherwise fight over the profile lock and fail silently.
PDFs are produced in a temporary folder and moved into output/ atomically.

The export is PDF/A-2b (ISO 19005-2, level B): fonts embedded, XMP metadata, no external
content — the archival form an electronic document is signed in (ND30 Phụ lục I; `gendoc sign`
adds signatures as incremental updates, which keep the claim). Title, author and subject come from
the .docx core properties that `gendoc build` sets (trích yếu, issuing body, số và ký hiệu).

Fonts: the documents ask for Times New Roman; where it is not installed LibreOffice substitutes
the metric-compatible Liberation Serif (package fonts-liberation), so line breaks and page
counts stay those of Word.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gendoc.exceptions import GendocError
from gendoc.writer import atomic_write

INSTALL_HINT = "sudo apt install libreoffice-writer-nogui fonts-liberation"
DEFAULT_TIMEOUT_S = 300.0
# Word documents only: spreadsheets need LibreOffice Calc, which the writer-only package lacks.
CONVERTIBLE = (".docx", ".odt", ".doc")
# LibreOffice (≥ 7.4) export filter with JSON options: SelectPdfVersion 2 = PDF/A-2b.
PDFA_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'


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


def _run(cmd: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    """Run LibreOffice in its own process group so a timeout kills soffice.bin too."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


def convert_batch(files: Sequence[Path], *, root: Path, timeout: float = DEFAULT_TIMEOUT_S,
                  soffice: str | None = None) -> PdfReport:
    """Convert files of one folder with one LibreOffice process; PDFs go next to the files."""
    report = PdfReport()
    if not files:
        return report
    folder = files[0].parent
    if any(f.parent != folder for f in files) or len({f.stem for f in files}) != len(files):
        raise ValueError("convert_batch needs files of one folder with distinct names")
    command = soffice or find_soffice()
    work = Path(tempfile.mkdtemp(prefix="gendoc-pdf-"))
    try:
        outdir = work / "out"
        cmd = [command, f"-env:UserInstallation={(work / 'profile').as_uri()}", "--headless",
               "--norestore", "--nologo", "--nodefault", "--convert-to", PDFA_FILTER, "--outdir",
               str(outdir), *[str(f) for f in files]]
        shown = folder.name or str(folder)
        try:
            result = _run(cmd, timeout)
        except subprocess.TimeoutExpired:
            report.errors.append(PdfError(
                f"{shown}: LibreOffice chưa chuyển xong {len(files)} tệp sau {timeout:g} giây nên đã bị dừng "
                "— tăng thời gian chờ bằng --pdf-timeout hoặc dựng từng thư mục một."))
            return report
        except OSError as exc:
            report.errors.append(PdfError(f"không chạy được LibreOffice '{command}' ({exc}) — cài lại: {INSTALL_HINT}"))
            return report
        for source in files:
            pdf = outdir / f"{source.stem}.pdf"
            if not pdf.is_file():
                detail = result.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["không rõ lý do"]
                report.errors.append(PdfError(
                    f"{source.name}: LibreOffice không tạo được PDF ({detail[0]}) — mở tệp bằng Word/"
                    "LibreOffice để xem tệp có hỏng không."))
                continue
            report.written.append(atomic_write(source.with_suffix(".pdf"), pdf.read_bytes(), root=root))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def batches(paths: Iterable[Path]) -> list[list[Path]]:
    """Group convertible files by folder: each group is one LibreOffice run."""
    groups: dict[Path, list[Path]] = {}
    for path in paths:
        if path.suffix.lower() in CONVERTIBLE:
            groups.setdefault(path.parent, []).append(path)
    return list(groups.values())


def convert(paths: Iterable[Path], *, root: Path, timeout: float = DEFAULT_TIMEOUT_S,
            progress: Callable[[Path, int], None] | None = None) -> PdfReport:
    """Convert every .docx among `paths`, one LibreOffice process per folder.

    `progress(folder, count)` is called before each LibreOffice run (a run can take a while).
    """
    groups = batches(paths)
    report = PdfReport()
    if not groups:
        return report
    soffice = find_soffice()
    for group in groups:
        if progress is not None:
            progress(group[0].parent, len(group))
        part = convert_batch(group, root=root, timeout=timeout, soffice=soffice)
        report.written += part.written
        report.errors += part.errors
    return report
