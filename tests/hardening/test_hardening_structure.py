"""Content files that cannot be read (broken links), bodies nested deeper than ND30 numbers, and
text fields beyond their length limit: each fails alone with file, line and field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from gendoc.body import MAX_LEVELS
from gendoc.validation import MAX_TEXT, TEXT_LIMITS, length_problems
from tests.core.test_core_errors import GOOD
from tests.hardening.catalogue import fails_alone

BAD = "content/bad.yaml"


def workspace(make_ws, bad: str | None = None) -> Path:  # noqa: ANN001
    files = {"content/good.yaml": GOOD}
    if bad is not None:
        files[BAD] = bad
    return make_ws(files)


# name → link target (relative to content/), words
LINKS: dict[str, tuple[str, tuple[str, ...]]] = {
    "outside": ("/nonexistent/ke-hoach.yaml", ("/nonexistent/ke-hoach.yaml",)),
    "inside_missing": ("da-xoa.yaml", ("'da-xoa.yaml'",)),
    "loop": ("bad.yaml", ("'bad.yaml'",)),
}


@pytest.mark.parametrize("name", sorted(LINKS))
def test_broken_link_in_content_fails_alone(name: str, make_ws, cli) -> None:  # noqa: ANN001
    target, words = LINKS[name]
    ws = workspace(make_ws)
    os.symlink(target, ws / BAD)
    message = fails_alone(cli("build", ws=ws), ws, BAD,
                          words=("liên kết (symlink)", "không tồn tại", *words),
                          bad_outputs=("output/bad.docx",))
    assert "Errno" not in message, message


def test_broken_link_under_a_data_folder_is_not_a_document(make_ws, cli) -> None:  # noqa: ANN001
    """`_`-folders hold data read by other documents, never built on their own."""
    ws = workspace(make_ws)
    (ws / "content" / "_du-lieu").mkdir()
    os.symlink("/nonexistent.yaml", ws / "content" / "_du-lieu" / "x.yaml")
    assert cli("build", ws=ws).exit_code == 0


def nested(levels: int) -> str:
    """GOOD with its body nested `levels` deep (every item has one sub-item)."""
    lines = ["noi_dung:"]
    for depth in range(levels):
        pad = "  " * (2 * depth + 1)
        lines.append(f"{pad}- tieu_de: Mục cấp {depth + 1}")
        if depth < levels - 1:
            lines.append(f"{pad}  muc:")
    body = "\n".join(lines) + "\n"
    head, tail = GOOD.split("noi_dung:\n", 1)
    return head + body + tail[tail.index("nguoi_ky:"):]


@pytest.mark.parametrize("levels", [MAX_LEVELS + 1, MAX_LEVELS + 3, 15])
def test_body_deeper_than_nd30_numbering_fails_alone(levels: int, make_ws, cli) -> None:  # noqa: ANN001
    ws = workspace(make_ws, nested(levels))
    # The item whose sub-items go one level too deep: MAX_LEVELS above the deepest one.
    line = 5 + 2 * (levels - MAX_LEVELS - 1)
    message = fails_alone(cli("build", ws=ws), ws, BAD, where=f"dòng {line}",
                          words=("trường 'noi_dung[1]", f"sâu nhất chỉ được {MAX_LEVELS} cấp",
                                 "I. → 1. → a) → - → +"), bad_outputs=("output/bad.docx",))
    assert "«+»" not in message


def test_five_levels_print_every_nd30_label(make_ws, cli) -> None:  # noqa: ANN001
    from docx import Document

    ws = workspace(make_ws, nested(MAX_LEVELS))
    assert cli("build", ws=ws).exit_code == 0
    texts = [p.text for p in Document(str(ws / "output" / "bad.docx")).paragraphs]
    for label in ("I. MỤC CẤP 1", "1. Mục cấp 2", "a) Mục cấp 3", "- Mục cấp 4", "+ Mục cấp 5"):
        assert label in texts, texts


def with_field(field: str, value: str) -> str:
    lines = [ln for ln in GOOD.splitlines() if not ln.startswith(f"{field}:")]
    return "\n".join(lines[:2] + [f"{field}: {value}"] + lines[2:]) + "\n"


# name → (content, line, field, limit)
LONG: dict[str, tuple[str, int, str, int]] = {
    "trich_yeu": (with_field("trich_yeu", "Về việc " + "a" * 600), 3, "trich_yeu", 500),
    "paragraph": (GOOD.replace("Nội dung một.", "Nội dung " + "b" * MAX_TEXT), 7,
                  "noi_dung[1].muc[1]", MAX_TEXT),
    "heading": (GOOD.replace("tieu_de: Mục đích", "tieu_de: " + "c" * 501), 5,
                "noi_dung[1].tieu_de", 500),
    "signer_name": (GOOD.replace("ho_ten: Nguyễn Thị A", "ho_ten: " + "Nguyễn " * 20), 11,
                    "nguoi_ky.ho_ten", 100),
    "recipient": (GOOD.replace("  - UBND tỉnh", "  - " + "d" * (MAX_TEXT + 1)), 13,
                  "noi_nhan[1]", MAX_TEXT),
}


@pytest.mark.parametrize("name", sorted(LONG))
def test_overlong_text_field_fails_alone(name: str, make_ws, cli) -> None:  # noqa: ANN001
    content, line, field, limit = LONG[name]
    ws = workspace(make_ws, content)
    fails_alone(cli("build", ws=ws), ws, BAD, where=f"dòng {line}",
                words=(f"trường '{field}'", f"vượt giới hạn {limit} ký tự"),
                bad_outputs=("output/bad.docx",))


@hsettings(max_examples=80, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from([*TEXT_LIMITS, "doan", "ghi_chu"]),
       size=st.integers(min_value=0, max_value=MAX_TEXT + 50),
       depth=st.integers(min_value=0, max_value=4))
def test_length_limit_is_exact_at_any_depth(name: str, size: int, depth: int) -> None:
    """A field is refused exactly when longer than its limit, wherever it sits."""
    data: object = {name: "x" * size}
    for _ in range(depth):
        data = {"muc": [data]}
    problems = length_problems(data)
    limit = TEXT_LIMITS.get(name, MAX_TEXT)
    assert bool(problems) == (size > limit)
    if problems:
        assert problems[0].field.endswith(name) and str(limit) in problems[0].message
