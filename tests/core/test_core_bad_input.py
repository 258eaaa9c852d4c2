"""Bad input, as an attacker or a careless clerk writes it: each gets a clear Vietnamese answer
naming file, line and field, in bounded time and memory; the other documents still build."""

from __future__ import annotations

import resource
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from tests.core.test_core_errors import GOOD

BOMB = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n"
    for p, n in zip("abcdefgh", "bcdefghi", strict=True))


def with_field(field: str, value: str) -> str:
    """GOOD with one top-level field replaced or added."""
    lines = [ln for ln in GOOD.splitlines() if not ln.startswith(f"{field}:")]
    return "\n".join(lines[:2] + [f"{field}: {value}"] + lines[2:]) + "\n"


# name → (content, expected line, words the message must contain)
CASES: dict[str, tuple[str, int | None, tuple[str, ...]]] = {
    "alias": (GOOD + "luu: &x VT\nso_ban: *x\n", 15, ("bí danh YAML",)),
    "alias_bomb": (BOMB, 2, ("bí danh YAML",)),
    "nested_brackets": ("a: " + "[" * 10_000 + "]" * 10_000 + "\n", 1, ("lồng nhau quá sâu",)),
    "nested_blocks": ("".join("  " * i + "- x:\n" for i in range(60)), None,
                      ("lồng nhau quá sâu",)),
    "vertical_tab": (GOOD.replace("Nội dung một.", "Nội dung\x0bmột."), 7,
                     ("ngắt dòng của Word", "cột")),
    "nul": (GOOD.replace("Thử nghiệm", "Thử\x00nghiệm"), 3, ("ký tự rỗng",)),
    "form_feed": (GOOD.replace("UBND tỉnh", "UBND\x0ctỉnh"), 13, ("ngắt trang",)),
    "escape_char": (GOOD.replace("Mục đích", "Mục\x1bđích"), 5, ("U+001B",)),
    "year_one": (with_field("ngay", "0001-01-01"), 3, ("ngay", "năm 1 nằm ngoài khoảng 1945–2100")),
    "year_far": (with_field("ngay", "9999-12-31"), 3, ("ngay", "năm 9999")),
    "huge_number": (with_field("so", "1000000000000"), 3, ("so", "≤ 99999")),
    "number_zero": (with_field("so", "0"), 3, ("so", "≥ 1")),
    "colon_in_text": (GOOD.replace("trich_yeu: Thử nghiệm", "trich_yeu: Thử: nghiệm"), 3,
                      ("cột 15", "dấu ':' không đúng chỗ")),
    "duplicate_key": (GOOD + "trich_yeu: Lần nữa\n", 14, ("tên trường bị lặp",)),
    "bad_indent": (GOOD.replace("  - UBND tỉnh", "  - UBND tỉnh\n - Sở Tài chính"), 14,
                   ("thụt lề không thẳng hàng",)),
    "unclosed_list": (GOOD + "kinh_gui: [Sở Y tế, Sở Tư pháp\n", 15, ("thiếu dấu ']'",)),
    "unclosed_quote": (GOOD + 'luu: "VT\n', 15, ("ngoặc kép chưa được đóng",)),
    "tab_indent": (GOOD.replace("  quyen_han:", "\tquyen_han:"), 9, ("dấu Tab",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_fails_alone_with_file_line_and_field(name: str, make_ws, cli) -> None:  # noqa: ANN001
    content, line, words = CASES[name]
    ws = make_ws({"content/bad.yaml": "", "content/good.yaml": GOOD})
    (ws / "content" / "bad.yaml").write_text(content, encoding="utf-8")
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    message = result.stderr
    assert "✗ content/bad.yaml" in message and "Traceback" not in message  # relative, as shown
    if line is not None:
        assert f"content/bad.yaml, dòng {line}" in message, message
    for word in words:
        assert word in message, message
    assert "lỗi ngoài dự kiến" not in message
    assert (ws / "output" / "good.docx").is_file()
    assert not (ws / "output" / "bad.docx").exists()
    assert not [p for p in (ws / "output").rglob("*") if p.name.endswith(".tmp")]
    assert "1 văn bản lỗi, không được ghi: content/bad.yaml" in result.stdout


def test_alias_bomb_is_refused_within_a_memory_limit(tmp_path: Path) -> None:
    """Under a 1 GiB address-space limit the 8-level bomb (9**9 nodes) is refused quickly."""
    (tmp_path / "bomb.yaml").write_text(BOMB, encoding="utf-8")
    code = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from pathlib import Path
        from gendoc.exceptions import ContentError
        from gendoc.yamlio import load_yaml
        try:
            load_yaml(Path({str(tmp_path / 'bomb.yaml')!r}))
        except ContentError as exc:
            print(exc.format_message())
            sys.exit(0)
        sys.exit(3)
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr[-2000:]
    assert "bí danh YAML" in result.stdout
    assert resource.getrlimit(resource.RLIMIT_AS)  # the limit applied to the child only


@hsettings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400))
def test_any_text_loads_or_gets_a_content_error(text: str) -> None:
    """Whatever bytes a clerk pastes, the YAML reader answers with data or a ContentError."""
    from gendoc.exceptions import ContentError
    from gendoc.yamlio import load_yaml

    try:
        load_yaml(Path("x.yaml"), text=text)
    except ContentError as exc:
        assert exc.format_message().startswith("x.yaml")


@hsettings(max_examples=60, suppress_health_check=[HealthCheck.too_slow,
                                                   HealthCheck.function_scoped_fixture])
@given(value=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=20),
                    lambda children: st.lists(children, max_size=4)
                    | st.dictionaries(st.text(min_size=1, max_size=8), children, max_size=4),
                    max_leaves=30))
def test_any_yaml_structure_in_a_field_gets_a_clear_answer(value, make_ws) -> None:  # noqa: ANN001
    """A field holding any structure: it builds or fails with a Vietnamese field message."""
    import json

    from gendoc.build import build
    from gendoc.workspace import load_workspace

    ws = make_ws({"content/a.yaml": with_field("trich_yeu", json.dumps(value, ensure_ascii=False))})
    report = build(load_workspace(ws))
    for _path, error in report.failures:
        assert "lỗi ngoài dự kiến" not in error.format_message()
        assert "content/a.yaml" in error.format_message()


def test_a_template_symlink_out_of_the_workspace_is_refused(make_ws, cli, tmp_path: Path) -> None:  # noqa: ANN001
    secret = tmp_path / "secret.docx"
    from gendoc.workspace import builtin_templates_dir

    secret.write_bytes((builtin_templates_dir() / "ke_hoach.docx").read_bytes())
    ws = make_ws({"content/a.yaml": GOOD + "template: rieng.docx\n", "content/b.yaml": GOOD})
    (ws / "templates").mkdir()
    (ws / "templates" / "rieng.docx").symlink_to(secret)
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert "liên kết trỏ ra ngoài thư mục" in result.stderr
    assert not (ws / "output" / "a.docx").exists() and (ws / "output" / "b.docx").is_file()


def test_a_jinja_include_through_a_symlink_cannot_read_outside(make_ws, tmp_path: Path) -> None:  # noqa: ANN001
    import jinja2

    from gendoc.templates import make_env
    from gendoc.workspace import load_workspace

    (tmp_path / "passwd").write_text("root:x:0:0", encoding="utf-8")
    ws = make_ws()
    (ws / "templates").mkdir()
    (ws / "templates" / "leak.txt").symlink_to(tmp_path / "passwd")
    env = make_env(load_workspace(ws))
    with pytest.raises(jinja2.TemplateNotFound):
        env.from_string("{% include 'leak.txt' %}").render()


@pytest.mark.parametrize("where", ["/etc/passwd", "../../ngoai.xlsx"])
def test_participant_lists_outside_the_workspace_are_refused(where: str, make_ws, cli) -> None:  # noqa: ANN001
    from tests.training.coursefix import COURSE  # the example course's content

    ws = make_ws({"content/lop.yaml": COURSE.format(danh_sach=where, gui_theo="don_vi")})
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert "nằm ngoài thư mục làm việc" in result.stderr and "lop_hoc.danh_sach" in result.stderr
