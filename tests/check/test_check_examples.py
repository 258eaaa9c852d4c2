"""gendoc's own output is checked by its own oracle: every ND30 document the examples build has
no format error.

A content file may produce more than one output (the training bundle writes a thông báo, giấy
mời per unit, a sign-in list and certificates). The documents checked here are those that present
themselves as ND30 administrative documents — a Quốc hiệu and a `Số:` line; certificates and
sign-in lists are not, and are left to their own kinds' tests.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from click.testing import CliRunner

from gendoc.build import build
from gendoc.check import check_docx
from gendoc.check.context import Context
from gendoc.check.ooxml import load_package
from gendoc.cli import main
from gendoc.workspace import load_workspace


def _is_nd30_document(path: Path) -> bool:
    a = Context.from_package(load_package(path)).a
    return a.quoc_hieu is not None and a.so is not None


def test_every_example_in_content_passes_the_checker(example_ws: Path) -> None:
    ws = load_workspace(example_ws)
    report = build(ws)  # build failures are the engine's tests' business; check what was built
    outputs = [out for r in report.results if r.document.kind.official
               for out in r.outputs if out.suffix == ".docx"]
    docs = [out for out in outputs if _is_nd30_document(out)]
    assert len(docs) >= 3, "the example workspace should produce several official .docx"
    for out in docs:
        result = check_docx(out)
        assert result.errors == [], [f.render() for f in result.errors]
        assert result.warnings == [], [f.render() for f in result.warnings]
        # the examples are drafts: number and day left for the văn thư, reported as information
        assert {f.rule for f in result.infos} <= {"draft.placeholder"}
    primary = {r.output for r in report.results if r.document.kind.official}
    assert primary <= set(docs), "each official content file's main document is an ND30 document"


def test_build_check_flag_uses_the_checker(example_ws: Path) -> None:
    for folder in (example_ws / "content").iterdir():  # keep one stable ND30 example: the plan
        if folder.name != "ke-hoach":
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()
    res = CliRunner().invoke(main, ["-w", str(example_ws), "build", "--check"])
    assert res.exit_code == 0, res.output
    assert "sai thể thức" not in res.output and "✓" in res.output
    built = len(list((example_ws / "output").rglob("*.docx")))
    # A clerk can tell the check ran even when every document passes.
    assert f"Kiểm tra thể thức: {built} văn bản — {built} đạt, 0 có lỗi; tổng 0 lỗi" in res.output


def test_build_check_summary_counts_a_failing_document(example_ws: Path) -> None:
    for folder in (example_ws / "content").iterdir():
        if folder.name != "ke-hoach":
            shutil.rmtree(folder) if folder.is_dir() else folder.unlink()
    # A workspace template whose body is 12 pt (ND30: 13-14 pt) fails the check for every plan.
    from docx import Document
    from docx.shared import Pt

    from gendoc.templates import find_template
    from gendoc.workspace import load_workspace

    template = Document(str(find_template(load_workspace(example_ws), "ke_hoach.docx")))
    template.styles["ND30 Noi dung"].font.size = Pt(12)
    (example_ws / "templates").mkdir(exist_ok=True)
    template.save(str(example_ws / "templates" / "ke_hoach.docx"))
    res = CliRunner().invoke(main, ["-w", str(example_ws), "build", "--check"])
    built = len(list((example_ws / "output").rglob("*.docx")))
    assert res.exit_code == 1
    assert f"Kiểm tra thể thức: {built} văn bản — 0 đạt, {built} có lỗi; tổng " in res.output
    assert "sai thể thức" in res.output


def test_built_in_templates_of_official_kinds_are_recognised_as_templates() -> None:
    from gendoc.kinds import all_kinds

    folder = Path(__file__).resolve().parents[2] / "templates"
    names = {k.template for k in all_kinds().values() if k.official}
    templates = sorted(p for p in folder.glob("*.docx") if p.name in names)
    assert templates
    for path in templates:
        report = check_docx(path)
        assert report.errors == [], [f.render() for f in report.errors]
        assert [f.rule for f in report.infos] == ["input.template"]
