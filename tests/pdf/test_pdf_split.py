"""Items' PDFs cut from their combined file's PDF (gendoc.pdf_split), with the real LibreOffice:
the right pages for each participant, the same printed pages as converting the item alone, the
PDF/A parts and the item's own title, the same bytes again, and the fallback to converting items
one by one whenever the boundaries are not known exactly."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pikepdf
import pytest
from docx import Document

import gendoc.pdf
import gendoc.pdf_split
from gendoc import api
from gendoc.pdf import convert, convert_batch
from gendoc.pdf_split import cut, find_batches, item_marks
from gendoc.training.batch import BatchTemplate
from gendoc.training.render import slug
from gendoc.workspace import load_workspace
from tests.tools import requires
from tests.training.coursefix import ROWS, write_course

pytestmark = requires("soffice", "pdftoppm", "pdftotext", "pdffonts")

NAMES = [str(row[0]) for row in ROWS]


def text_of(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout


def pages(pdf: Path, folder: Path) -> list[bytes]:
    """Every page rasterised (72 dpi, grey): the bytes of each page's image."""
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "72", "-gray", str(pdf), str(folder / "p")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("p-*.pgm"))]


def recorded_calls(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """The file names given to LibreOffice, one list per call."""
    calls: list[list[str]] = []
    real = gendoc.pdf._start

    def start(cmd: list[str], *args: object) -> object:
        calls.append([Path(a).name.split("-", 1)[1] for a in cmd if a.endswith(".docx")])
        return real(cmd, *args)

    monkeypatch.setattr(gendoc.pdf, "_start", start)
    return calls


def test_course_items_are_cut_page_for_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A course with one invitation per participant: every invitation and certificate PDF is cut
    from its combined file's PDF, holds its participant's name and no other's, prints exactly as
    the item converted alone, keeps PDF/A's parts, and is cut to the same bytes again."""
    ws = tmp_path / "ws"
    write_course(ws, ROWS, gui_theo="hoc_vien")
    calls = recorded_calls(monkeypatch)
    outcome = api.build(load_workspace(ws), pdf=True, jobs=2)
    assert outcome.ok, (outcome.report.failures, outcome.pdf_errors)
    out = ws / "output" / "tap-huan" / "lop"
    docx = sorted(out.rglob("*.docx"))
    items = [p for p in docx if p.parent.name in ("giay-moi", "giay-chung-nhan")]
    assert len(items) == 6 + 5 and all(p.with_suffix(".pdf").is_file() for p in docx)
    assert sorted(outcome.pdfs) == sorted(p.with_suffix(".pdf") for p in docx)
    given = [name for call in calls for name in call]
    assert sorted(given) == sorted(p.name for p in docx if p not in items)  # no item converted

    for combined, folder in (("giay-moi-tong-hop", "giay-moi"), ("giay-chung-nhan-tong-hop", "giay-chung-nhan")):
        singles = sorted((out / folder).glob("*.pdf"))
        with pikepdf.open(out / f"{combined}.pdf") as whole:
            assert sum(len(pikepdf.open(p).pages) for p in singles) == len(whole.pages)
        for pdf in singles:  # the right participant on the right pages
            owner = [n for n in NAMES if slug(n) in pdf.stem]
            assert len(owner) == 1
            text = text_of(pdf)
            for name in NAMES:
                shown = name in text or name.upper() in text
                assert shown == (name == owner[0]), (pdf.name, name)

    # The same printed pages as converting the item alone (first and last of each batch).
    alone = tmp_path / "alone"
    picked = [p for folder in ("giay-moi", "giay-chung-nhan")
              for p in (sorted((out / folder).glob("*.docx"))[i] for i in (0, -1))]
    copies = []
    for source in picked:
        copies.append(alone / source.parent.name / source.name)
        copies[-1].parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copies[-1])
    report = convert_batch(copies, root=alone)
    assert not report.errors and len(report.written) == len(copies)
    for i, (source, copy) in enumerate(zip(picked, copies, strict=True)):
        ours = pages(source.with_suffix(".pdf"), tmp_path / "cut" / str(i))
        theirs = pages(copy.with_suffix(".pdf"), tmp_path / "whole" / str(i))
        assert ours and ours == theirs, source.name
        with pikepdf.open(source.with_suffix(".pdf")) as cut_pdf, \
                pikepdf.open(copy.with_suffix(".pdf")) as own_pdf:
            assert_pdfa(cut_pdf)
            assert cut_pdf.docinfo.get("/Title") == own_pdf.docinfo.get("/Title")
            assert cut_pdf.docinfo.get("/Author") == own_pdf.docinfo.get("/Author")
        fonts = subprocess.run(["pdffonts", str(source.with_suffix(".pdf"))], capture_output=True,
                               text=True, check=True).stdout.splitlines()[2:]
        assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts  # embedded

    # Same combined PDF → the same bytes for each item.
    before = {p.with_suffix(".pdf"): p.with_suffix(".pdf").read_bytes() for p in items}
    again = cut(find_batches(docx), [out / "giay-moi-tong-hop.pdf",
                                     out / "giay-chung-nhan-tong-hop.pdf"], ws / "output")
    assert sorted(again.written) == sorted(before) and not again.left and not again.errors
    assert all(p.read_bytes() == data for p, data in before.items())


def assert_pdfa(pdf: pikepdf.Pdf) -> None:
    """PDF/A-2b's parts: the output intent with its ICC profile, the XMP identification, the
    title alike in the document information and XMP; no leftovers of the combined file."""
    intent = pdf.Root.OutputIntents[0]
    assert intent.S == "/GTS_PDFA1" and "/DestOutputProfile" in intent
    xmp = pdf.Root.Metadata.read_bytes().decode("utf-8")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    with pdf.open_metadata() as meta:
        assert meta.get("dc:title") == (str(pdf.docinfo["/Title"]) if "/Title" in pdf.docinfo
                                        else None)
    assert "/Dests" not in pdf.Root and "/StructTreeRoot" not in pdf.Root
    assert all("/StructParents" not in page.obj for page in pdf.pages)


def titled_batch(folder: Path, names: list[str]) -> tuple[list[Path], Path]:
    """A batch whose items have their own title (core properties): item .docx files under
    folder/items/ and the combined file folder/tong-hop.docx, as gendoc.training makes them."""
    doc = Document()
    doc.core_properties.title = "Giấy mời @@GD:ho_ten@@"
    doc.add_paragraph("Kính mời @@GD:ho_ten@@ tới dự.")
    doc.add_paragraph("Trân trọng.")
    package = io.BytesIO()
    doc.save(package)
    batch = BatchTemplate(package.getvalue(), ["ho_ten"])
    items = []
    for i, name in enumerate(names, start=1):
        items.append(folder / "items" / f"{i:02d}.docx")
        items[-1].parent.mkdir(parents=True, exist_ok=True)
        items[-1].write_bytes(batch.fill({"ho_ten": name}))
    combined = folder / "tong-hop.docx"
    marks = item_marks([p.relative_to(folder).as_posix() for p in items])
    combined.write_bytes(batch.combine([{"ho_ten": n} for n in names], marks))
    return items, combined


TITLED = ["Lê Văn An", "Trần Thị Bình", "Đỗ Thị Đào"]
# An item long enough for two pages: its boundaries are still its mark and the next one's.
LONG = "Phạm Thị Yến " + " ".join(f"(đại diện đơn vị số {i})" for i in range(160))


def test_each_item_gets_its_own_title_and_pages(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    names = [TITLED[0], LONG, *TITLED[1:]]
    items, combined = titled_batch(tmp_path / "out", names)
    calls = recorded_calls(monkeypatch)
    report = convert([*items, combined], root=tmp_path / "out")
    assert not report.errors and len(report.written) == 5
    assert calls == [["tong-hop.docx"]]
    for item, name in zip(items, names, strict=True):
        with pikepdf.open(item.with_suffix(".pdf")) as pdf:
            assert str(pdf.docinfo["/Title"]) == f"Giấy mời {name}"
            assert_pdfa(pdf)
            assert (len(pdf.pages) > 1) == (name == LONG)
        text = text_of(item.with_suffix(".pdf"))
        assert text.startswith(f"Kính mời {name[:30]}") and "tới dự." in text
    # The two-page item and the one after it print as when converted alone.
    alone = tmp_path / "alone"
    copies = [alone / p.name for p in items[1:3]]
    for source, copy in zip(items[1:3], copies, strict=True):
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, copy)
    assert not convert_batch(copies, root=alone).errors
    for i, (source, copy) in enumerate(zip(items[1:3], copies, strict=True)):
        ours = pages(source.with_suffix(".pdf"), tmp_path / "cut" / str(i))
        theirs = pages(copy.with_suffix(".pdf"), tmp_path / "whole" / str(i))
        assert (len(ours) > 1) == (i == 0) and ours == theirs
        with pikepdf.open(copy.with_suffix(".pdf")) as own:
            assert str(own.docinfo["/Title"]) == f"Giấy mời {names[i + 1]}"  # as LibreOffice has it


def test_a_combined_file_that_lost_a_mark_is_not_cut(tmp_path: Path) -> None:
    """The seal after the last item names every mark: a mark gone (an edited file) and the batch
    is not cut at all — no item could be sure of its last page."""
    items, combined = titled_batch(tmp_path / "out", TITLED)
    assert [b.items for b in find_batches([*items, combined])] == [items]
    with zipfile.ZipFile(combined) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["word/document.xml"] = re.sub(rb'<w:bookmarkStart w:id="1000001"[^>]*/>', b"",
                                        parts["word/document.xml"])
    with zipfile.ZipFile(combined, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    assert find_batches([*items, combined]) == []
    assert find_batches(items) == []  # and no combined file among the files: nothing to cut


def test_missing_destinations_fall_back_to_converting_the_items(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A combined PDF without the items' destinations (another LibreOffice naming them
    otherwise): its items are converted one by one after, and are right."""
    items, combined = titled_batch(tmp_path / "out", TITLED)
    monkeypatch.setattr(gendoc.pdf_split, "pdf_names", lambda mark: ("/" + mark + "-other",))
    calls = recorded_calls(monkeypatch)
    report = convert([*items, combined], root=tmp_path / "out")
    assert not report.errors and sorted(report.written) == sorted(p.with_suffix(".pdf")
                                                                  for p in [*items, combined])
    assert calls == [["tong-hop.docx"], [p.name for p in items]]
    for item, name in zip(items, TITLED, strict=True):
        assert f"Kính mời {name} tới dự." in text_of(item.with_suffix(".pdf"))
        with pikepdf.open(item.with_suffix(".pdf")) as pdf:
            assert "/StructTreeRoot" in pdf.Root  # LibreOffice's own PDF of the item


def test_an_item_with_other_properties_is_converted_alone(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """LibreOffice prints a document's author, subject and keywords into its PDF: an item whose
    differ from the combined file's is converted on its own; the others are still cut."""
    items, combined = titled_batch(tmp_path / "out", TITLED)
    with zipfile.ZipFile(items[1]) as zf:
        parts = {n: zf.read(n) for n in zf.namelist()}
    parts["docProps/core.xml"] = parts["docProps/core.xml"].replace(
        b"<dc:subject/>", "<dc:subject>Chủ đề riêng</dc:subject>".encode())
    assert "Chủ đề riêng".encode() in parts["docProps/core.xml"]
    with zipfile.ZipFile(items[1], "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    calls = recorded_calls(monkeypatch)
    report = convert([*items, combined], root=tmp_path / "out")
    assert not report.errors and len(report.written) == 4
    assert calls == [["tong-hop.docx"], [items[1].name]]
    with pikepdf.open(items[1].with_suffix(".pdf")) as pdf:
        assert str(pdf.docinfo["/Subject"]) == "Chủ đề riêng"
    for item in (items[0], items[2]):
        with pikepdf.open(item.with_suffix(".pdf")) as pdf:
            assert "/Subject" not in pdf.docinfo and "/StructTreeRoot" not in pdf.Root  # cut
