"""Incremental and parallel builds: unchanged documents are skipped, any changed input rebuilds,
and worker processes give the bytes and the report of a serial build."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from gendoc import api
from gendoc.build import build
from gendoc.workspace import load_workspace
from tests.core.test_core_errors import GOOD


def digests(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def skipped(report) -> set[str]:  # noqa: ANN001
    return {r.document.path.name for r in report.results if r.skipped}


@pytest.fixture
def two_docs(make_ws) -> Path:  # noqa: ANN001
    return make_ws({"content/a.yaml": GOOD, "content/b.yaml": GOOD})


def test_a_rebuild_with_nothing_changed_skips_everything(two_docs: Path) -> None:
    ws = load_workspace(two_docs)
    first = build(ws)
    assert skipped(first) == set()
    before = digests(two_docs / "output")
    second = build(ws)
    assert skipped(second) == {"a.yaml", "b.yaml"}
    assert [r.outputs for r in second.results] == [r.outputs for r in first.results]
    assert digests(two_docs / "output") == before
    assert skipped(build(ws, force=True)) == set()


@pytest.mark.parametrize("change", ["content", "data file", "template", "gendoc.yaml",
                                    "edited output", "deleted output"])
def test_any_changed_input_rebuilds(change: str, two_docs: Path) -> None:
    ws = load_workspace(two_docs)
    build(ws)
    if change == "content":
        path = two_docs / "content" / "a.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("Thử nghiệm", "Khác"),
                        encoding="utf-8")
    elif change == "data file":
        (two_docs / "content" / "_du-lieu").mkdir()
        (two_docs / "content" / "_du-lieu" / "hoc-vien.csv").write_text("x\n", encoding="utf-8")
    elif change == "template":
        from gendoc.workspace import builtin_templates_dir

        (two_docs / "templates").mkdir()
        shutil.copy(builtin_templates_dir() / "ke_hoach.docx", two_docs / "templates")
    elif change == "gendoc.yaml":
        config = two_docs / "gendoc.yaml"
        config.write_text(config.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    elif change == "edited output":
        with (two_docs / "output" / "a.docx").open("ab") as fh:
            fh.write(b"\0")
    elif change == "deleted output":
        (two_docs / "output" / "a.docx").unlink()
    ws = load_workspace(two_docs)
    rebuilt = {r.document.path.name for r in build(ws).results if not r.skipped}
    expected = {"content": {"a.yaml"}, "edited output": {"a.yaml"}, "deleted output": {"a.yaml"}}
    assert rebuilt == expected.get(change, {"a.yaml", "b.yaml"})


def test_a_kind_that_reads_other_documents_rebuilds_when_they_change(example_ws: Path) -> None:
    ws = load_workspace(example_ws)
    paths = [example_ws / "content" / "bao-cao"]
    build(ws, paths)
    report = next(example_ws.joinpath("content", "bao-cao", "2017").glob("so-y-te*.yaml"))
    report.write_text(report.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    rebuilt = {r.document.path.name for r in build(ws, paths).results if not r.skipped}
    assert "tong-hop-2017.yaml" in rebuilt and report.name in rebuilt
    assert len(rebuilt) <= 3  # the other unit reports are unchanged


def test_parallel_and_serial_builds_give_identical_bytes_and_reports(
        example_ws: Path, tmp_path: Path) -> None:
    other = tmp_path / "copy"
    shutil.copytree(example_ws, other)
    serial = api.build(load_workspace(example_ws), jobs=1, force=True)
    parallel = api.build(load_workspace(other), jobs=2, force=True)
    assert serial.ok and parallel.ok
    assert digests(example_ws / "output") == digests(other / "output")

    def shown(outcome, root: Path) -> list:  # noqa: ANN001
        return [(r.document.path.relative_to(root).as_posix(),
                 [p.relative_to(root).as_posix() for p in r.outputs]) for r in outcome.report.results]

    assert shown(serial, example_ws) == shown(parallel, other)
    assert [(p.relative_to(example_ws), w) for p, w in serial.report.warnings] == \
           [(p.relative_to(other), w) for p, w in parallel.report.warnings]


def test_a_failure_in_a_worker_is_reported_like_a_serial_one(make_ws) -> None:  # noqa: ANN001
    bad = GOOD + "template: khong-co.docx\n"  # found missing only when it renders, in a worker
    files = {f"content/{n}.yaml": GOOD for n in "abcd"} | {"content/e.yaml": bad}
    ws = load_workspace(make_ws(files))
    report = build(ws, jobs=2)
    assert [p.name for p, _ in report.failures] == ["e.yaml"]
    assert "khong-co.docx" in report.failures[0][1].format_message()
    assert len(report.results) == 4
