"""Benchmark `gendoc check` on a ~300-page document; prints seconds per page.

Two documents: the planted-defect tests' good ND30 document with its body repeated until it
reaches about 300 pages (estimated at ~2,200 characters a page, 14 pt, ND30 margins), and the
published decree (tests/fixtures/nd30, 17 pages, styles, fields, real-world run splitting) with
its body repeated to the same length. The baseline is opening the same file with python-docx,
which every docx tool pays anyway.

    python benchmarks/check.py [--pages 300]
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "check"))

import docx  # noqa: E402
from gooddoc import Good, save  # noqa: E402

from gendoc.check import check_docx  # noqa: E402
from gendoc.check.document import Document  # noqa: E402
from gendoc.check.ooxml import load_package  # noqa: E402

CHARS_PER_PAGE = 2200


def best_of(n: int, fn) -> float:  # noqa: ANN001
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def repeat_decree(out: Path, pages: int) -> Path:
    """The decree with its body (between the header table and the final sectPr) repeated."""
    src = REPO / "tests" / "fixtures" / "nd30" / "nghi-dinh-30-2020.docx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                start = xml.index("<w:body>") + len("<w:body>")
                end = xml.rindex("<w:sectPr")
                per = Document(load_package(src)).text_chars / CHARS_PER_PAGE
                body = xml[start:end]
                body = re.sub(r"<w:sectPr.*?</w:sectPr>", "", body)
                n = max(1, math.ceil(pages / per))
                xml = xml[:start] + body * n + xml[end:]
                data = xml.encode("utf-8")
            zout.writestr(item, data)
    return out


def measure(label: str, path: Path, runs: int) -> None:
    doc = Document(load_package(path))
    pages = doc.text_chars / CHARS_PER_PAGE
    report = check_docx(path)
    t_check = best_of(runs, lambda: check_docx(path))
    t_open = best_of(runs, lambda: docx.Document(str(path)))
    print(f"{label}: {path.stat().st_size / 1024:.0f} KiB, {len(doc.all_paras)} paragraphs, "
          f"~{pages:.0f} pages, {len(report.errors)} errors, {len(report.findings)} findings")
    print(f"  gendoc check: {t_check:.2f} s total, {t_check / pages * 1000:.1f} ms/page "
          f"({t_check / pages:.4f} s/page)")
    print(f"  baseline python-docx open: {t_open:.2f} s; check / open = {t_check / t_open:.1f}×")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        one = Path(tmp) / "one.docx"
        save(one, Good())
        per_repeat = Document(load_package(one)).text_chars / CHARS_PER_PAGE
        repeat = max(1, math.ceil(args.pages / per_repeat))
        path = Path(tmp) / "big.docx"
        save(path, Good(body_repeat=repeat))
        measure("good ND30 document", path, args.runs)
        measure("decree repeated", repeat_decree(Path(tmp) / "decree.docx", args.pages), args.runs)

if __name__ == "__main__":
    main()
