"""YAML is parsed once per process and file, by libyaml where it means the same; messages still
name the line, found by the round-trip parser only when one is needed."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gendoc import yamlio
from gendoc.exceptions import ContentError


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    calls: dict[str, list[str]] = {"round-trip": [], "plain": []}
    round_trip, read_plain = yamlio._load_round_trip, yamlio._read_plain

    def count_round_trip(path: Path, text: str):  # noqa: ANN202
        calls["round-trip"].append(str(path))
        return round_trip(path, text)

    def count_plain(path: Path, text: str):  # noqa: ANN202
        calls["plain"].append(str(path))
        return read_plain(path, text)

    monkeypatch.setattr(yamlio, "_load_round_trip", count_round_trip)
    monkeypatch.setattr(yamlio, "_read_plain", count_plain)
    monkeypatch.setattr(yamlio, "_parses", type(yamlio._parses)())
    return calls


def test_a_build_parses_each_file_once_and_never_round_trip(
        example_ws: Path, counted: dict[str, list[str]]) -> None:
    from gendoc import api

    ws = api.load_workspace(example_ws)
    api.build(ws, force=True, jobs=1)
    files = sorted([str(example_ws / "gendoc.yaml")]
                   + [str(p) for p in (example_ws / "content").rglob("*.yaml")])
    read = [p for p in counted["plain"] if p.startswith(str(example_ws))]
    assert sorted(read) == files, "each file parsed once"
    # nothing is written back during a build, and no message asked for a line
    assert counted["round-trip"] == []


def test_an_edit_keeping_size_and_mtime_is_read_again(tmp_path: Path,
                                                      counted: dict[str, list[str]]) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    stamp = path.stat()
    assert yamlio.read_yaml(path)[0] == {"a": 1}
    assert yamlio.read_yaml(path)[0] == {"a": 1}
    assert counted["plain"] == [str(path)]
    path.write_text("a: 2\n", encoding="utf-8")
    os.utime(path, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert yamlio.read_yaml(path)[0] == {"a": 2}


def test_the_locator_parses_round_trip_only_when_asked(tmp_path: Path,
                                                       counted: dict[str, list[str]]) -> None:
    path = tmp_path / "a.yaml"
    path.write_text("# chú thích\nloai: ke_hoach\nnoi_dung:\n  - x\n  - y\n", encoding="utf-8")
    data, locate = yamlio.read_yaml(path)
    assert data == {"loai": "ke_hoach", "noi_dung": ["x", "y"]}
    assert counted["round-trip"] == []
    assert locate(("noi_dung", 1)) == 5 and locate(("loai",)) == 2
    assert len(counted["round-trip"]) == 1


@pytest.mark.parametrize(("text", "line", "words"), [
    ("a: 1\nb: &x [1]\nc: *x\n", 3, "bí danh YAML"),
    ('a: 1\nb: "x\\vy"\n', 2, "ký tự điều khiển"),
    ("a: " + "[" * 45 + "]" * 45 + "\n", 1, "lồng nhau quá sâu"),
    ("".join("  " * i + "- x:\n" for i in range(45)), None, "lồng nhau quá sâu"),
    ("a: 1\na: 2\n", 2, "tên trường bị lặp"),
    ("a: 1\n b: 2\n", 2, "cú pháp YAML"),
])
def test_what_the_fast_path_leaves_is_refused_with_its_line(tmp_path: Path, text: str,
                                                             line: int | None, words: str) -> None:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        yamlio.read_yaml(path)
    message = caught.value.format_message()
    assert words in message
    if line is not None:
        assert f"dòng {line}" in message, message


def test_a_document_read_fast_equals_the_round_trip_reading(example_ws: Path) -> None:
    for path in sorted((example_ws / "content").rglob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        assert yamlio.read_yaml(path)[0] == yamlio.plain(yamlio.load_yaml(path, text=text)), path


# The patterns `gendoc.yamlfast` used before it looked for marks first; `_starts_token` must agree.
_OLD_TAG = re.compile(r"(?:^|[\s\[\]{},:?-])!", re.MULTILINE)
_OLD_ANCHOR = re.compile(r"(?:^|[\s\[{,])[&*]\S", re.MULTILINE)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from(list(" \t\n\r\x0b\x0c\u00a0\u2028\u3000-[]{},:?!&*ab#'\"")),
               max_size=30))
def test_token_marks_are_found_where_the_former_patterns_found_them(text: str) -> None:
    from gendoc.yamlfast import _ANCHOR, _TAG, _starts_token

    assert _starts_token(text, *_TAG) == bool(_OLD_TAG.search(text))
    assert _starts_token(text, *_ANCHOR) == bool(_OLD_ANCHOR.search(text))
