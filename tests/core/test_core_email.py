"""Contact e-mail addresses are checked for form wherever a clerk writes one: gendoc.yaml (the
press contact; see tests/hardening/test_hardening_config.py), a press release, a course's
contact, a participant list."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gendoc import api
from gendoc.validation import email_address
from gendoc.workspace import example_dir, load_workspace


@pytest.mark.parametrize("good", ["snv@kiengiang.gov.vn", " a.b-c@x.vn ", "…", "…@angiang.gov.vn"])
def test_an_address_or_a_gap_left_by_gendoc_new_passes(good: str) -> None:
    assert email_address(good) == good.strip()


@pytest.mark.parametrize("blank", [None, "", "   "])
def test_no_address_is_none(blank: str | None) -> None:
    assert email_address(blank) is None


@pytest.mark.parametrize("bad", ["snv@kiengiang", "snv kiengiang.gov.vn", "a@@b.vn", "a b@c.vn",
                                 "@kiengiang.gov.vn", "0297 3862 000"])
def test_a_typo_is_refused_with_the_value(bad: str) -> None:
    with pytest.raises(ValueError, match="không phải địa chỉ thư điện tử"):
        email_address(bad)


@pytest.mark.parametrize(("source", "old", "line", "field"), [
    ("truyen-thong/thong-cao-ket-qua-2017.yaml", "vanphong@kiengiang.gov.vn", 49, "lien_he.email"),
    ("tap-huan/lop-nu-lanh-dao-2017.yaml", "snv@kiengiang.gov.vn", 69, "lop_hoc.lien_he.email"),
])
def test_a_bad_address_in_a_content_file_fails_that_document_alone(
        tmp_path: Path, source: str, old: str, line: int, field: str) -> None:
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy2(example_dir() / "gendoc.yaml", root / "gendoc.yaml")
    shutil.copytree(example_dir() / "content", root / "content")
    path = root / "content" / source
    path.write_text(path.read_text(encoding="utf-8").replace(old, "vanphong.kiengiang.gov.vn"),
                    encoding="utf-8")
    outcome = api.build(load_workspace(root))
    failed = {doc.name: error.format_message() for doc, error in outcome.report.failures}
    assert list(failed) == [path.name]
    message = failed[path.name]
    assert f"dòng {line}" in message and f"'{field}'" in message
    assert "'vanphong.kiengiang.gov.vn' không phải địa chỉ thư điện tử" in message
    assert len(outcome.report.results) > 20  # the other documents were built
