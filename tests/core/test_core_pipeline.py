"""The document pipeline: kinds make artifacts, one writer writes them.

Reproducible bytes, a manifest of what gendoc wrote, pruning of outputs that no longer belong to
any content file (and of nothing else), and refusal of two sources claiming one output.
"""

from __future__ import annotations

import hashlib
import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest

from gendoc import api
from gendoc.artifacts import ZIP_EPOCH, artifact, normalise_office, reproducible
from gendoc.build import build, record_outputs
from gendoc.workspace import load_workspace
from tests.core.test_core_errors import GOOD


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The example workspace built twice, in two folders, a few seconds apart."""
    from tests.conftest import REPO

    roots = []
    for name in ("first", "second"):
        ws = tmp_path_factory.mktemp(name) / "ws"
        ws.mkdir()
        shutil.copy2(REPO / "gendoc.yaml", ws / "gendoc.yaml")
        shutil.copytree(REPO / "content", ws / "content")
        outcome = api.build(load_workspace(ws))
        assert outcome.ok, [e.format_message() for _, e in outcome.report.failures]
        roots.append(ws / "output")
    return roots[0], roots[1]


def test_two_builds_give_identical_bytes_for_every_output(two_builds: tuple[Path, Path]) -> None:
    first, second = (digests(root) for root in two_builds)
    assert first.keys() == second.keys()
    suffixes = {Path(name).suffix for name in first}
    assert {".docx", ".xlsx", ".html", ".txt", ".png"} <= suffixes  # every type is compared
    differing = sorted(name for name in first if first[name] != second[name])
    assert not differing, differing


def test_office_files_carry_no_clock_time(two_builds: tuple[Path, Path]) -> None:
    output = two_builds[0]
    for path in [*output.rglob("*.docx"), *output.rglob("*.xlsx")]:
        with zipfile.ZipFile(path) as package:
            assert {info.date_time for info in package.infolist()} == {ZIP_EPOCH}, path
            core = package.read("docProps/core.xml").decode() \
                if "docProps/core.xml" in package.namelist() else ""
        # dated from the document (the plan is dated 2017) or not at all — never today
        assert "2026-" not in core and "2027-" not in core, (path, core)


def test_reproducible_dates_properties_from_the_document() -> None:
    import datetime as dt

    from openpyxl import Workbook

    book = Workbook()
    buf = io.BytesIO()
    book.save(buf)  # openpyxl stamps created/modified with the clock
    item = reproducible(artifact("a.xlsx", buf.getvalue()), dt.date(2017, 3, 8))
    core = zipfile.ZipFile(io.BytesIO(item.data)).read("docProps/core.xml").decode()
    assert "2017-03-08T00:00:00Z" in core
    undated = normalise_office(buf.getvalue(), None)
    assert "dcterms:modified" not in zipfile.ZipFile(io.BytesIO(undated)).read(
        "docProps/core.xml").decode()
    assert normalise_office(undated, None) == undated  # idempotent


def test_manifest_records_which_content_made_which_outputs(make_ws) -> None:  # noqa: ANN001
    ws_path = make_ws({"content/a.yaml": GOOD, "content/sub/b.yaml": GOOD})
    build(load_workspace(ws_path))
    manifest = json.loads((ws_path / ".gendoc" / "manifest.json").read_text(encoding="utf-8"))
    outputs = {name: entry["outputs"] for name, entry in manifest["sources"].items()}
    assert outputs == {"content/a.yaml": ["output/a.docx"],
                       "content/sub/b.yaml": ["output/sub/b.docx"]}
    written = (ws_path / "output" / "a.docx").read_bytes()
    assert manifest["sources"]["content/a.yaml"]["sha256"] == {
        "output/a.docx": hashlib.sha256(written).hexdigest()}


def test_removed_content_loses_its_outputs_and_pdfs_but_nothing_else(make_ws) -> None:  # noqa: ANN001
    ws_path = make_ws({"content/a.yaml": GOOD, "content/sub/b.yaml": GOOD})
    ws = load_workspace(ws_path)
    build(ws)
    pdf = ws_path / "output" / "sub" / "b.pdf"
    pdf.write_bytes(b"%PDF-1.7 made by --pdf")
    record_outputs(ws, {ws_path / "content" / "sub" / "b.yaml": [pdf]})
    mine = ws_path / "output" / "sub" / "ghi-chu.docx"
    mine.write_bytes(b"a clerk's own file")
    (ws_path / "content" / "sub" / "b.yaml").unlink()
    report = build(ws)
    assert sorted(report.removed) == ["output/sub/b.docx", "output/sub/b.pdf"]
    assert not pdf.exists() and not (ws_path / "output" / "sub" / "b.docx").exists()
    assert mine.read_bytes() == b"a clerk's own file"
    assert (ws_path / "output" / "a.docx").is_file()


def test_rebuild_without_pdf_removes_the_stale_pdf(make_ws) -> None:  # noqa: ANN001
    ws_path = make_ws({"content/a.yaml": GOOD})
    ws = load_workspace(ws_path)
    build(ws)
    pdf = ws_path / "output" / "a.pdf"
    pdf.write_bytes(b"%PDF of the previous text")
    record_outputs(ws, {ws_path / "content" / "a.yaml": [pdf]})
    build(ws)  # nothing changed: the .docx and its PDF stay
    assert pdf.exists()
    content = ws_path / "content" / "a.yaml"
    content.write_text(content.read_text(encoding="utf-8").replace("Thử nghiệm", "Bản mới"),
                       encoding="utf-8")
    build(ws)  # the .docx is rewritten: a PDF of the old text must not stay beside it
    assert not pdf.exists()
    assert (ws_path / "output" / "a.docx").is_file()


def test_unknown_files_in_output_are_never_touched(make_ws) -> None:  # noqa: ANN001
    ws_path = make_ws({"content/a.yaml": GOOD})
    (ws_path / "output").mkdir()
    foreign = ws_path / "output" / "a.pdf"  # same name as a gendoc output would have
    foreign.write_bytes(b"scanned by the clerk")
    build(load_workspace(ws_path))
    build(load_workspace(ws_path))
    assert foreign.read_bytes() == b"scanned by the clerk"


def test_two_sources_for_one_output_are_refused_naming_both(make_ws, cli) -> None:  # noqa: ANN001
    ws_path = make_ws({"content/a.yaml": GOOD, "content/a.yml": GOOD, "content/c.yaml": GOOD})
    result = cli("build", ws=ws_path)
    assert result.exit_code == 1
    assert "content/a.yaml: trùng tên với content/a.yml" in result.stderr
    assert "content/a.yml: trùng tên với content/a.yaml" in result.stderr
    assert not (ws_path / "output" / "a.docx").exists()
    assert (ws_path / "output" / "c.docx").is_file()
    assert "2 văn bản lỗi" in result.stdout


def test_a_later_build_of_the_twin_alone_is_refused(make_ws, cli) -> None:  # noqa: ANN001
    ws_path = make_ws({"content/a.yaml": GOOD})
    assert cli("build", ws=ws_path).exit_code == 0
    before = (ws_path / "output" / "a.docx").read_bytes()
    (ws_path / "content" / "a.yml").write_text((ws_path / "content" / "a.yaml").read_text(
        encoding="utf-8").replace("Thử nghiệm", "Bản khác", 1), encoding="utf-8")
    result = cli("build", str(ws_path / "content" / "a.yml"), ws=ws_path)
    assert result.exit_code == 1
    assert "content/a.yml và content/a.yaml cùng tạo ra tệp 'output/a.docx'" in result.stderr
    assert (ws_path / "output" / "a.docx").read_bytes() == before


def test_temporary_files_of_a_killed_build_are_swept(make_ws) -> None:  # noqa: ANN001
    ws_path = make_ws({"content/a.yaml": GOOD})
    leftover = ws_path / "output" / "sub" / ".a.gendoc-k3x9q2zz.docx.tmp"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"PK half")
    hidden = ws_path / "output" / ".clerk-notes.tmp"  # not named like gendoc's: left alone
    hidden.write_bytes(b"x")
    build(load_workspace(ws_path))
    assert not leftover.exists() and hidden.exists()


def test_render_returns_artifacts_without_writing(make_ws) -> None:  # noqa: ANN001
    ws_path = make_ws({"content/a.yaml": GOOD})
    ws = load_workspace(ws_path)
    artifacts = api.render(ws, ws_path / "content" / "a.yaml")
    assert [a.path.as_posix() for a in artifacts] == ["a.docx"]
    assert artifacts[0].media_type.endswith("wordprocessingml.document") and artifacts[0].nd30
    assert not (ws_path / "output").exists()
    assert api.render(ws, ws_path / "content" / "a.yaml")[0].data == artifacts[0].data


def test_issue_then_build_then_verify_passes(example_ws: Path, cli) -> None:  # noqa: ANN001
    """An ordinary rebuild after issue gives the same bytes, so verify still matches."""
    plan = example_ws / "content" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.yaml"
    issued = cli("issue", str(plan), "--date", "2016-12-20", ws=example_ws)
    assert issued.exit_code == 0, issued.output
    output = example_ws / "output" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.docx"
    before = output.read_bytes()
    rebuilt = cli("build", str(plan), ws=example_ws)
    assert rebuilt.exit_code == 0, rebuilt.output
    assert output.read_bytes() == before
    verified = cli("register", "verify", ws=example_ws)
    assert verified.exit_code == 0, verified.output
    assert "tất cả khớp" in verified.output and "Đã kiểm tra 1 văn bản" in verified.output
