"""The slimmed copy LibreOffice converts (gendoc.docx_slim): fewer styles, the same package
otherwise, and — what counts — the same printed pages as the untouched .docx."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from gendoc import api
from gendoc.docx_slim import slim_copy
from gendoc.pdf import PDFA_FILTER, convert_batch
from gendoc.workspace import load_workspace
from tests.tools import requires
from tests.training.coursefix import ROWS, write_course

STYLE_REF = re.compile(rb'<w:(?:pStyle|rStyle|tblStyle) w:val="([^"]+)"')


def course_outputs(tmp_path: Path) -> list[Path]:
    ws = tmp_path / "ws"
    write_course(ws, ROWS)
    outcome = api.build(load_workspace(ws))
    assert outcome.ok
    return sorted(p for r in outcome.report.results for p in r.outputs if p.suffix == ".docx")


def test_slim_copy_keeps_the_styles_in_use_and_every_other_part(tmp_path: Path) -> None:
    docs = course_outputs(tmp_path)
    cache: dict = {}
    for source in docs:
        target = tmp_path / "slim" / source.name
        target.parent.mkdir(exist_ok=True)
        assert slim_copy(source, target, cache)
        with zipfile.ZipFile(source) as before, zipfile.ZipFile(target) as after:
            kept = set(after.namelist())
            dropped = set(before.namelist()) - kept
            assert dropped <= {"word/stylesWithEffects.xml", "docProps/thumbnail.jpeg"}, dropped
            untrimmed = "word/stylesWithEffects.xml" in before.namelist()  # drawn in code
            for name in kept - {"word/styles.xml", "[Content_Types].xml", "_rels/.rels",
                                "word/_rels/document.xml.rels"}:
                assert after.read(name) == before.read(name), name
            styles = after.read("word/styles.xml")
            # built-in templates are trimmed already (gendoc.docx_trim); drawn documents are not
            assert len(styles) < len(before.read("word/styles.xml")) / (5 if untrimmed else 1)
            assert b"latentStyles" not in styles
            ids = set(re.findall(rb'w:styleId="([^"]+)"', styles))
            used = {m for n in kept if n.startswith("word/") and n != "word/styles.xml"
                    for m in STYLE_REF.findall(after.read(n))}
            assert used and used <= ids
            lists = b"".join(after.read(n) for n in ("[Content_Types].xml", "_rels/.rels",
                                                     "word/_rels/document.xml.rels"))
            assert b"stylesWithEffects" not in lists and b"thumbnail" not in lists
    assert 0 < len(cache) < len(docs)  # documents of one template share their trimmed styles


def test_anything_unexpected_is_copied_as_it_is(tmp_path: Path) -> None:
    for name, data in [("hong.docx", b"not a zip"), ("trong.docx", b"")]:
        (tmp_path / name).write_bytes(data)
        assert not slim_copy(tmp_path / name, tmp_path / f"copy-{name}")
        assert (tmp_path / f"copy-{name}").read_bytes() == data
    bare = tmp_path / "bare.docx"
    with zipfile.ZipFile(bare, "w") as package:
        package.writestr("word/document.xml", "<w:document/>")
    assert not slim_copy(bare, tmp_path / "copy-bare.docx")
    assert (tmp_path / "copy-bare.docx").read_bytes() == bare.read_bytes()


def pages(pdf: Path, folder: Path) -> list[bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "50", "-gray", str(pdf), str(folder / "p")], check=True)
    return [p.read_bytes() for p in sorted(folder.glob("p-*.pgm"))]


@requires("soffice", "pdftoppm")
def test_slimmed_documents_print_the_same_pages(tmp_path: Path) -> None:
    """Each kind of a course (announcement, invitations, certificates, participant list, combined
    files): gendoc's PDF and LibreOffice's PDF of the untouched .docx rasterise identically."""
    docs = course_outputs(tmp_path)
    picked = [d for d in docs if d.parent.name not in ("giay-moi", "giay-chung-nhan")]
    picked += [next((picked[0].parent / sub).glob("*.docx")) for sub in ("giay-moi", "giay-chung-nhan")]
    assert len(picked) >= 6
    # convert_batch: every file slimmed and converted, none cut from a combined file's PDF
    # (convert would cut the two items from the combined files: tests/pdf/test_pdf_split.py).
    report = convert_batch(picked, root=docs[0].parents[2])
    assert not report.errors and len(report.written) == len(picked)
    plain = tmp_path / "plain"
    subprocess.run(["soffice", f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}",
                    "--headless", "--convert-to", PDFA_FILTER, "--outdir", str(plain),
                    *map(str, picked)], capture_output=True, check=True, timeout=600)
    for i, source in enumerate(picked):
        ours = pages(source.with_suffix(".pdf"), tmp_path / "ours" / str(i))
        theirs = pages(plain / f"{source.stem}.pdf", tmp_path / "theirs" / str(i))
        assert ours and ours == theirs, source.name
