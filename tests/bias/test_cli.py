"""`gendoc bias` with the detector: output form, notes, exit codes, JSON, --liet-ke."""

from __future__ import annotations

import json
from pathlib import Path

from gendoc.bias.lexicon import load_lexicon
from gendoc.bias.phrases import load_phrases

ARTICLE = ("# Tin ngắn\n\n"
           "Nữ phó giám đốc gây ấn tượng bởi nhan sắc mặn mà tại hội nghị.\n\n"
           "Cần xóa bỏ định kiến “phụ nữ vốn yếu đuối”.\n")


def test_detector_findings_keep_the_output_form_and_exit_code(tmp_path: Path, cli) -> None:  # noqa: ANN001
    path = tmp_path / "tin.md"
    path.write_text(ARTICLE, encoding="utf-8")
    result = cli("bias", str(path))
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(
        f"{path}: dòng 3: «Nữ phó giám đốc gây ấn tượng bởi nhan sắc» — [nhận xét ngoại hình, "
        "sức hút trong bối cảnh công việc: nữ + nhan sắc + giám đốc] tin bài về phụ nữ")
    assert "nhan sắc" in lines[0] and "Nên viết: bỏ lời nhận xét ngoại hình" in lines[0]
    assert lines[1].startswith(f"{path}: dòng 5: «phụ nữ vốn yếu đuối» — ghi chú")
    assert "Có 1 chỗ cần xem lại và 1 ghi chú" in result.stderr


def test_notes_alone_exit_zero(tmp_path: Path, cli) -> None:  # noqa: ANN001
    path = tmp_path / "tin.txt"
    path.write_text("Cần xóa bỏ định kiến “phụ nữ vốn yếu đuối”.\n", encoding="utf-8")
    result = cli("bias", str(path))
    assert result.exit_code == 0, result.output
    assert "có 1 ghi chú" in result.stdout


def test_json_names_category_triggers_and_level(tmp_path: Path, cli) -> None:  # noqa: ANN001
    path = tmp_path / "tin.md"
    path.write_text(ARTICLE, encoding="utf-8")
    data = json.loads(cli("bias", "--json", str(path)).stdout)
    found = data[0]["phat_hien"]
    assert [(f["dong"], f["nhom"], f["muc_do"]) for f in found] == [
        (3, "ngoai_hinh", "canh_bao"), (5, "cam_xuc", "ghi_chu")]
    assert found[0]["tu_kich_hoat"] == ["nữ", "nhan sắc", "giám đốc"]
    assert found[0]["ly_do"] and found[0]["thay_the"] and found[0]["ten_nhom"]


def test_list_shows_the_categories_words_and_phrases_in_use(cli) -> None:  # noqa: ANN001
    result = cli("bias", "--liet-ke")
    assert result.exit_code == 0
    out = result.stdout
    lexicon = load_lexicon()
    for cat in lexicon.categories:
        assert f"- {cat.key} [{cat.label}]: " in out
    for ws in lexicon.sets.values():
        assert f"- {ws.name} [{ws.label}, {ws.kind}]: " in out
    for phrase in load_phrases():
        assert f"- {phrase.text} [" in out
    assert f"Tổng cộng {len(lexicon.categories)} nhóm định kiến, {len(load_phrases())} cụm từ." in out


def test_list_includes_the_workspace_phrases(tmp_path: Path, cli) -> None:  # noqa: ANN001
    extra = tmp_path / "rieng.yaml"
    extra.write_text("- cum_tu: [hoa khôi cơ quan]\n  ly_do: thử danh mục riêng của đơn vị.\n"
                     "  thay_the: gọi theo chức danh\n", encoding="utf-8")
    out = cli("bias", "--danh-muc", str(extra), "--liet-ke").stdout
    assert "- hoa khôi cơ quan [khac]: thử danh mục riêng" in out
    assert f"{len(load_phrases()) + 1} cụm từ." in out
