"""Writing `so:`/`ngay:` back changes those two values and nothing else in the clerk's file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gendoc.register.writeback import write_number

# Comment text and plain scalar values a clerk might write (Vietnamese letters included).
_words = st.text(
    alphabet=st.sampled_from("abcdeđghiklmnopqrstuvxyàáảãạâầấẩẫậăằắẳẵặêềếểễệôồốổỗộơờớởỡợưừứửữự "),
    min_size=1, max_size=30,
).map(str.strip).filter(bool)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    comment=_words,
    summary=_words,
    items=st.lists(_words, min_size=1, max_size=4),
    seq_indent=st.sampled_from(["", "  "]),
    has_so=st.booleans(),
    number=st.integers(min_value=1, max_value=9999),
)
def test_only_so_and_ngay_change(tmp_path: Path, comment: str, summary: str, items: list[str],
                                 seq_indent: str, has_so: bool, number: int) -> None:
    lines = [f"# {comment}", "loai: ke_hoach   # loại", "co_quan: so-y-te"]
    if has_so:
        lines.append("so:          # chưa cấp số")
    lines += [f"trich_yeu: \"{summary}\"   # {comment}", "noi_nhan:"]
    lines += [f"{seq_indent}- {item}  # {comment}" for item in items]
    lines += ["nguoi_ky:", "  chuc_vu: GIÁM ĐỐC", "  ho_ten: Lê Văn C", ""]
    original = "\n".join(lines)
    path = tmp_path / "vb.yaml"
    path.write_text(original, encoding="utf-8")

    write_number(path, number, dt.date(2026, 2, 3))

    result = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in result if not line.startswith(("so:", "ngay:"))]
    assert kept == [line for line in original.splitlines() if not line.startswith("so:")]
    so_line = next(line for line in result if line.startswith("so:"))
    assert so_line.split("#")[0].strip() == f"so: {number}"
    if has_so:
        assert so_line.endswith("# chưa cấp số")
    assert result[result.index(so_line) + 1] == "ngay: 2026-02-03"
    assert result[result.index(so_line) - 1] == "co_quan: so-y-te"


# Top-level entries of every shape a content file uses, to compare where each finder puts keys.
_VALUE_SHAPES = st.sampled_from([
    "{key}: plain {word}",
    "{key}: \"quoted {word}\"  # {word}",
    "{key}: \"a quoted\n  value over {word}\n  three lines\"",
    "{key}: |\n  block {word}\n\n  second paragraph",
    "{key}: >-\n  folded {word}\n  text",
    "{key}:\n  - {word}\n  - [a, b]\n  -\n    x: {word}",
    "{key}:\n- {word}\n- other",
    "{key}:\n  ten: {word}\n  sub:\n    - 1",
    "{key}: [1, 2,\n  3]",
    "{key}:   # empty, a comment\n",
    "# a comment line {word}\n{key}: 5",
    "{key}: {{a: 1, b: '{word}'}}",
])


@settings(max_examples=150, deadline=None)
@given(shapes=st.lists(_VALUE_SHAPES, min_size=1, max_size=6), word=_words,
       start=st.sampled_from(["", "---\n", "# đầu tệp\n\n"]))
def test_keys_found_by_libyaml_where_the_round_trip_reader_finds_them(
        shapes: list[str], word: str, start: str) -> None:
    from gendoc.register.writeback import _key_lines, _mapping

    keys = ["so", "ngay", "co_quan", "loai", "noi_dung", "x1"][:len(shapes)]
    text = start + "\n".join(shape.format(key=key, word=word)
                             for key, shape in zip(keys, shapes, strict=False)) + "\n"
    path = Path("vb.yaml")
    data = _mapping(path, text)
    found = _key_lines(path, text)
    assert list(found) == list(data)
    for key in data:
        assert found[key].key_line == data.lc.key(key)[0]
        if data[key] is None:  # ruamel puts a last empty value at the end of the file;
            assert found[key].inline  # nothing below an empty value belongs to it
        else:
            assert found[key].inline == (not isinstance(data[key], (dict, list))
                                         and data.lc.value(key)[0] == data.lc.key(key)[0])
