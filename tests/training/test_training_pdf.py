"""`gendoc build --pdf` with the real LibreOffice: one conversion for the module, counted pages,
Times New Roman (or its metric twin Liberation Serif) in every PDF; clear messages when
LibreOffice is missing or hangs."""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from coursefix import ROWS

from gendoc.cli import main

OUT = Path("output/tap-huan/lop")
SERIF = re.compile(r"^(TimesNewRoman|Times New Roman|LiberationSerif)")


def pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def fonts(pdf: Path) -> set[str]:
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    return {name.split("+", 1)[-1] for name in names}


def test_build_pdf_converts_everything_with_at_most_one_libreoffice_per_core(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One real conversion for the whole module (xdist spreads a module's tests over workers, so
    the expensive build lives in one test): files, page counts, fonts, then a rebuild."""
    if shutil.which("soffice") is None or shutil.which("pdfinfo") is None:
        pytest.fail("LibreOffice and poppler-utils are required (installed by .ci/run)")
    from coursefix import COURSE, write_roster

    import gendoc.pdf

    runs: list[list[str]] = []
    real = gendoc.pdf._start
    monkeypatch.setattr(gendoc.pdf, "_start", lambda cmd, *a: runs.append(cmd) or real(cmd, *a))
    monkeypatch.setenv("GENDOC_JOBS", "2")
    ws = tmp_path / "ws"
    (ws / "content/tap-huan").mkdir(parents=True)
    shutil.copy2(Path(__file__).resolve().parents[2] / "gendoc.yaml", ws / "gendoc.yaml")
    write_roster(ws / "content/tap-huan/_du-lieu/hoc-vien.xlsx", ROWS)
    text = COURSE.format(danh_sach="_du-lieu/hoc-vien.xlsx", gui_theo="don_vi")
    (ws / "content/tap-huan/lop.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    result = CliRunner().invoke(main, ["-w", str(ws), "build", "--pdf", "--check"])
    assert result.exit_code == 0, (result.output, result.stderr, repr(result.exception))

    # Every .docx has its PDF. LibreOffice is given each document once, except the invitations
    # and certificates: their PDFs are cut from the combined files' PDFs (gendoc.pdf_split).
    # The 8 items count as documents of their combined files, 10 in all: one LibreOffice run.
    out = ws / OUT
    docx = sorted(out.rglob("*.docx"))
    assert docx and all(p.with_suffix(".pdf").is_file() for p in docx)
    assert f"PDF: {len(docx)} tệp" in result.output
    items = {p.name for folder in ("giay-moi", "giay-chung-nhan") for p in (out / folder).glob("*.docx")}
    assert len(items) == 8 and len(runs) == 1
    given = [Path(arg).name.split("-", 1)[1] for cmd in runs for arg in cmd if arg.endswith(".docx")]
    assert sorted(given) == sorted(p.name for p in docx if p.name not in items)

    # Combined files: one page per certificate; the invitations' pages add up.
    completers = sum(1 for r in ROWS if r[7])
    assert pages(out / "giay-chung-nhan-tong-hop.pdf") == completers
    singles = sorted((out / "giay-moi").glob("*.pdf"))
    assert len(singles) == 3
    assert pages(out / "giay-moi-tong-hop.pdf") == sum(pages(p) for p in singles)

    # Fonts: Times New Roman, or its metric-compatible substitute.
    for pdf in [*out.glob("*.pdf"), next((out / "giay-chung-nhan").glob("*.pdf"))]:
        found = fonts(pdf)
        assert found and all(SERIF.match(name) for name in found), (pdf.name, found)

    # The items cut from the combined PDFs name themselves and their unit (gendoc.docx_meta).
    import pikepdf

    course = "lớp tập huấn kỹ năng lãnh đạo cho nữ cán bộ năm 2017"
    for pdf, title in ((next((out / "giay-chung-nhan").glob("*.pdf")), f"Giấy chứng nhận – L{course[1:]}"),
                       (singles[0], f"Tham dự {course}")):
        with pikepdf.open(pdf) as opened:
            info = {str(k): str(v) for k, v in opened.docinfo.items()}
        assert info["/Title"] == title and info["/Author"] == "Sở Nội vụ", (pdf.name, info)
        assert "python-docx" not in repr(info)

    # A rebuild with nothing changed keeps the PDFs: they still match their documents.
    result = CliRunner().invoke(main, ["-w", str(ws), "build"])
    assert result.exit_code == 0 and "(không đổi)" in result.output
    assert list(out.rglob("*.pdf"))
    # Rewritten documents (--force) lose the PDFs of their earlier text.
    result = CliRunner().invoke(main, ["-w", str(ws), "build", "--force"])
    assert result.exit_code == 0
    assert not list(out.rglob("*.pdf"))


def test_missing_libreoffice_says_how_to_install(course_ws, cli, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    ws = course_ws()
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    monkeypatch.delenv("GENDOC_SOFFICE", raising=False)
    result = cli("build", "--pdf", ws=ws)
    assert result.exit_code == 1
    assert "sudo apt install libreoffice-writer-nogui fonts-liberation" in result.stderr
    assert (ws / OUT / "thong-bao.docx").is_file()  # the documents themselves are still built
    assert not list((ws / OUT).glob("*.pdf"))


def test_hanging_libreoffice_is_stopped_after_the_timeout(course_ws, cli, monkeypatch, tmp_path) -> None:  # noqa: ANN001
    ws = course_ws()
    fake = tmp_path / "soffice"
    marker = tmp_path / "child.pid"
    fake.write_text(f"#!/bin/sh\nsleep 60 &\necho $! > {marker}\nwait\n", encoding="utf-8")
    fake.chmod(0o755)
    monkeypatch.setenv("GENDOC_SOFFICE", str(fake))
    result = cli("build", "--pdf", "--pdf-timeout", "1", ws=ws)
    assert result.exit_code == 1
    assert "sau 1 giây nên đã bị dừng" in result.stderr and "--pdf-timeout" in result.stderr
    child = int(marker.read_text())  # the whole process group was killed, not just the script
    status = Path(f"/proc/{child}/status")
    for _ in range(50):
        if not status.exists() or "State:\tZ" in status.read_text():
            break
        time.sleep(0.1)
    assert not status.exists() or "State:\tZ" in status.read_text()
