"""Every kind's built-in template passes the template check against that kind's real context
(generic over the kinds registered; new kinds are covered without touching this file)."""

from __future__ import annotations

import pytest

from gendoc.authoring.check import check_template
from gendoc.kinds import all_kinds
from gendoc.workspace import builtin_templates_dir

KINDS = sorted(k.name for k in all_kinds().values()
               if (builtin_templates_dir() / k.template).is_file())


def test_there_are_kinds_to_check() -> None:
    assert "ke_hoach" in KINDS


@pytest.mark.parametrize("name", KINDS)
def test_builtin_template_has_no_error(ws, name: str) -> None:  # noqa: ANN001
    kind = all_kinds()[name]
    report = check_template(builtin_templates_dir() / kind.template, kind, ws)
    assert report.errors == [], [f.render() for f in report.errors]
    assert not [f for f in report.warnings if f.code in ("the-bi-tach", "mau-thieu-truong")]


def test_shared_template_is_checked_for_every_kind_using_it(ws, tmp_path) -> None:  # noqa: ANN001
    from collections import Counter

    from damage import add_after, save
    from docx import Document

    uses = Counter(k.template for k in all_kinds().values() if k.template.endswith(".docx"))
    shared = sorted(name for name, n in uses.items() if n > 1)
    if not shared:
        pytest.skip("no built-in .docx template is shared by two kinds")
    name = shared[0]
    serving = sorted(k.name for k in all_kinds().values() if k.template == name)
    doc = Document(str(builtin_templates_dir() / name))
    add_after(doc.paragraphs[0], "{{ khong_co_bien_nay }}")
    report = check_template(save(doc, tmp_path / name), None, ws)
    assert report.kind == ", ".join(serving)
    assert [f.code for f in report.errors] == ["bien-la"]  # one finding, not one per kind


FILES = sorted(p.name for p in builtin_templates_dir().iterdir()
               if p.name.endswith((".docx", ".j2")))


@pytest.mark.parametrize("name", FILES)
def test_every_builtin_template_file_checks_clean(ws, name: str) -> None:  # noqa: ANN001
    """Each built-in file, with the kind(s) gendoc infers for it (Markdown templates of the
    media kinds included; syntax only for a file no kind claims), has no error."""
    report = check_template(builtin_templates_dir() / name, None, ws)
    named = {k.template for k in all_kinds().values()} | {f"{k}.md.j2" for k in all_kinds()}
    assert report.kind or name not in named, f"{name}: no kind inferred"
    assert report.errors == [], [f.render() for f in report.errors]
