"""gendoc.yaml is validated whole when the workspace loads: every feature section, every
problem at once, each naming gendoc.yaml, the line and the dotted key."""

from __future__ import annotations

import pytest

from gendoc.exceptions import ConfigError
from gendoc.workspace import load_workspace
from tests.conftest import REPO
from tests.core.test_core_errors import GOOD


def config_with(*replacements: tuple[str, str]) -> str:
    text = (REPO / "gendoc.yaml").read_text(encoding="utf-8")
    for old, new in replacements:
        assert old in text
        text = text.replace(old, new)
    return text


def line_of(text: str, fragment: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if fragment in line)


def test_a_wrong_media_value_fails_a_build_of_plans(make_ws, cli) -> None:  # noqa: ANN001
    config = config_with(("    truyen_hinh: 200", "    truyen_hinh: nhanh"))
    ws = make_ws({"content/ke-hoach.yaml": GOOD}, config=config)
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert f"gendoc.yaml, dòng {line_of(config, 'truyen_hinh: nhanh')}: trường " \
           "'truyen_thong.toc_do_doc.truyen_hinh'" in result.stderr
    assert not (ws / "output").exists()


def test_every_problem_of_every_section_is_reported_together(make_ws) -> None:  # noqa: ANN001
    config = config_with(("    truyen_hinh: 200", "    truyen_hinh: nhanh"),
                         ("  giay_moi_theo: don_vi", "  giay_moi_theo: ca_hai"),
                         ("tap_huan:\n", "tap_huan:\n  khong_co: 1\n"))
    ws = make_ws(config=config)
    with pytest.raises(ConfigError) as caught:
        load_workspace(ws)
    message = caught.value.format_message()
    assert "2 mục có lỗi" in message
    assert f"dòng {line_of(config, 'truyen_hinh: nhanh')}: trường 'truyen_thong.toc_do_doc" in message
    assert f"dòng {line_of(config, 'giay_moi_theo: ca_hai')}: trường 'tap_huan.giay_moi_theo'" in message
    assert f"dòng {line_of(config, 'khong_co: 1')}: trường 'tap_huan.khong_co'" in message


def test_register_section_is_checked_at_load(make_ws) -> None:  # noqa: ANN001
    base = (REPO / "gendoc.yaml").read_text(encoding="utf-8")
    assert "\nso_dang_ky:" not in base
    ws = make_ws(config=base + "\nso_dang_ky:\n  so_rieng: 5\n")
    with pytest.raises(ConfigError, match="so_dang_ky.so_rieng"):
        load_workspace(ws)


def test_the_example_configuration_is_valid() -> None:
    load_workspace(REPO)
