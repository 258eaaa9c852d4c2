"""gendoc's own output is checked by its own oracle: every example builds with no ND30 error."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from gendoc.build import build
from gendoc.check import check_docx
from gendoc.cli import main
from gendoc.workspace import load_workspace


def test_every_example_in_content_passes_the_checker(example_ws: Path) -> None:
    ws = load_workspace(example_ws)
    report = build(ws)
    assert report.ok, report.failures
    docs = [out for r in report.results if r.document.kind.official
            for out in r.outputs if out.suffix == ".docx"]
    assert docs, "the example workspace should produce at least one official .docx"
    for out in docs:
        result = check_docx(out)
        assert result.errors == [], [f.render() for f in result.errors]
        assert result.warnings == [], [f.render() for f in result.warnings]
        # the example is a draft: number and day left for the văn thư, reported as information
        assert {f.rule for f in result.infos} <= {"draft.placeholder"}


def test_build_check_flag_passes_on_the_example(example_ws: Path) -> None:
    res = CliRunner().invoke(main, ["-w", str(example_ws), "build", "--check"])
    assert res.exit_code == 0, res.output
    assert "sai thể thức" not in res.output


def test_built_in_templates_are_recognised_as_templates() -> None:
    templates = sorted((Path(__file__).resolve().parents[2] / "templates").glob("*.docx"))
    assert templates
    for path in templates:
        report = check_docx(path)
        assert report.errors == [], [f.render() for f in report.errors]
        assert [f.rule for f in report.infos] == ["input.template"]
