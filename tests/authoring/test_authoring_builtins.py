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
