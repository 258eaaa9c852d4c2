"""Real conversions through `gendoc.pdf.convert`: files of equal names from two folders in one
LibreOffice run, several runs in parallel, and an unreadable file that fails alone."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from docx import Document

import gendoc.pdf
from gendoc.pdf import convert
from tests.tools import requires

pytestmark = requires("soffice", "pdftotext")


def docx(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = Document()
    doc.core_properties.title = text
    doc.add_paragraph(text)
    doc.save(str(path))
    return path


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_equal_names_parallel_runs_and_an_unreadable_file(tmp_path: Path) -> None:
    out = tmp_path / "output"
    files = [docx(out / folder / f"{i:02d}.docx", f"Văn bản {folder} số {i} & <{i}>")
             for folder in ("giay-moi", "giay-chung-nhan") for i in range(12)]
    missing = out / "giay-moi" / "da-xoa.docx"
    progress: list[tuple[Path, int]] = []
    report = convert([*files[:5], missing, *files[5:], out / "bang.xlsx"], root=out, jobs=2,
                     progress=lambda folder, n: progress.append((folder, n)))
    assert progress == [(out, 25)]
    assert [e.format_message().split(":")[0] for e in report.errors] == ["da-xoa.docx"]
    assert "không đọc được tệp" in report.errors[0].format_message()
    assert report.written == [f.with_suffix(".pdf") for f in files]  # the build's order
    for source in files:
        folder, number = source.parent.name, int(source.stem)
        assert text_of(source.with_suffix(".pdf")) == f"Văn bản {folder} số {number} & <{number}>"
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".~lock*"))


def test_a_long_list_is_cut_into_calls_one_after_another(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice 7.4 silently ignores arguments past about 254: a process's files go in calls
    of bounded size (3 here), run one after the other with the same profile."""
    monkeypatch.setattr(gendoc.pdf, "MAX_CALL_FILES", 3)
    calls: list[list[str]] = []
    real = gendoc.pdf._start
    monkeypatch.setattr(gendoc.pdf, "_start", lambda cmd, *a: calls.append(cmd) or real(cmd, *a))
    out = tmp_path / "output"
    files = [docx(out / f"{i}.docx", f"Tệp {i}") for i in range(7)]
    report = convert(files, root=out, jobs=1)
    assert not report.errors and report.written == [f.with_suffix(".pdf") for f in files]
    given = [[arg for arg in cmd if arg.endswith(".docx")] for cmd in calls]
    assert [len(names) for names in given] == [3, 3, 1]
    assert all("/" not in name for names in given for name in names)  # bare names, short
    assert [text_of(f.with_suffix(".pdf")) for f in files] == [f"Tệp {i}" for i in range(7)]
