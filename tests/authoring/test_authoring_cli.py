"""The authoring commands as a clerk runs them: templates, template check|new, schema, and the
build refusing a broken workspace template while the other documents still build."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from damage import builtin, find, save, set_text, split

from gendoc.authoring.schema import render_markdown, schema_doc_path
from gendoc.kinds import all_kinds, get_kind
from gendoc.workspace import builtin_templates_dir


@pytest.fixture
def mini(example_ws: Path) -> Path:
    (example_ws / "templates").mkdir(exist_ok=True)
    return example_ws


def test_templates_lists_override_and_missing(cli, mini: Path) -> None:  # noqa: ANN001
    shutil.copy2(builtin_templates_dir() / "ke_hoach.docx", mini / "templates" / "ke_hoach.docx")
    plan = mini / "content" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\ntemplate: ke_hoach-rieng.docx\n",
                    encoding="utf-8")
    result = cli("templates", ws=mini)
    assert result.exit_code == 0
    assert "riêng (templates/ke_hoach.docx); đang dùng, thay mẫu có sẵn cùng tên" in result.output
    assert "không dùng: bị mẫu riêng cùng tên thay thế" in result.output
    assert "ke_hoach-rieng.docx" in result.output and "THIẾU TỆP" in result.output
    data = json.loads(cli("templates", "--json", ws=mini).output)
    ke_hoach = [e for e in data if e["ten"] == "ke_hoach.docx"]
    assert [(e["co_san"], e["dang_dung"]) for e in ke_hoach] == [(False, True), (True, False)]
    assert {e["ten"] for e in data if e["co_san"]} >= {k.template for k in all_kinds().values()}
    missing = next(e for e in data if e["ten"] == "ke_hoach-rieng.docx")
    assert missing["thieu"] and missing["tep_noi_dung"] == [
        "content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml"]


def test_template_new_refuses_to_overwrite(cli, mini: Path) -> None:  # noqa: ANN001
    first = cli("template", "new", "ke_hoach", ws=mini)
    assert first.exit_code == 0
    written = mini / "templates" / "ke_hoach.docx"
    assert written.read_bytes() == (builtin_templates_dir() / "ke_hoach.docx").read_bytes()
    again = cli("template", "new", "ke_hoach", ws=mini)
    assert again.exit_code == 1 and "--force" in again.stderr
    variant = cli("template", "new", "ke_hoach", "-o", str(mini / "templates" / "kh-snv.docx"),
                  ws=mini)
    assert variant.exit_code == 0 and "template: kh-snv.docx" in variant.output
    named = cli("template", "new", "ke_hoach", "-o", str(mini / "templates" / "ke_hoach-snv.docx"),
                ws=mini)
    assert named.exit_code == 0
    checked = cli("template", "check", "ke_hoach-snv.docx", ws=mini)
    assert checked.exit_code == 0 and "— loại ke_hoach" in checked.output
    listed = {e["ten"]: e["loai"] for e in json.loads(cli("templates", "--json", ws=mini).output)}
    assert listed["ke_hoach-snv.docx"] == ["ke_hoach"] and listed["kh-snv.docx"] == []
    wrong = cli("template", "new", "ke_hoach", "-o", str(mini / "templates" / "kh.txt"), ws=mini)
    assert wrong.exit_code == 1 and ".docx" in wrong.stderr
    unknown = cli("template", "new", "ke_hoac", ws=mini)
    assert unknown.exit_code == 1 and "ke_hoach" in unknown.stderr


def test_schema_prints_nested_fields(cli, mini: Path) -> None:  # noqa: ANN001
    result = cli("schema", "ke_hoach", ws=mini)
    assert result.exit_code == 0
    out = result.output
    assert "trich_yeu (*): chữ" in out and "nguoi_ky.chuc_vu (*): chữ" in out
    assert "noi_dung[].tieu_de: chữ" in out and "họ và tên người ký" in out
    assert "ví dụ: CHỦ TỊCH" in out  # declared in the field's description
    # fields without a declared example show the wording of the workspace's own document
    plan = (mini / "content" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.yaml").read_text(encoding="utf-8")
    first = mini / "content" / "aaa" / "ke-hoach-thu.yaml"
    first.parent.mkdir()
    first.write_text(plan.replace("trich_yeu: >-", "trich_yeu: Kế hoạch thử của Sở\nx_bo: >-"),
                     encoding="utf-8")
    own = cli("schema", "ke_hoach", ws=mini).output
    assert "ví dụ: Kế hoạch thử của Sở" in own and "ví dụ: Kế hoạch thử của Sở" not in out
    data = json.loads(cli("schema", "ke_hoach", "--json").output)
    top = {r["truong"]: r["bat_buoc"] for r in data["truong"] if r["cap"] == 0}
    schema = get_kind("ke_hoach").schema
    assert top == {n: f.is_required() for n, f in schema.model_fields.items()}
    assert cli("schema").output.count(":") >= len(all_kinds())
    bad = cli("schema", "ke_hoac")
    assert bad.exit_code == 1 and "ke_hoach" in bad.stderr


def test_check_json_and_fix_keep_the_original(cli, mini: Path) -> None:  # noqa: ANN001
    doc = builtin()
    split(find(doc, "{{ trich_yeu }}"), [("{{ trich_", {}), ("yeu }}", {})], insert_after=0)
    set_text(find(doc, "{{ ho_ten }}"), "{{ ho_tne }}")
    damaged = save(doc, mini / "templates" / "ke_hoach.docx")
    before = damaged.read_bytes()
    result = cli("template", "check", str(damaged), "--json", ws=mini)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert data["loai"] == "ke_hoach" and not data["hop_le"]
    codes = {f["ma"]: f for f in data["phat_hien"]}
    assert codes["bien-la"]["vi_tri"]["o"] == "bảng 2, hàng 1, ô 2"
    assert codes["bien-la"]["vi_tri_chu"].endswith("«⟦{{ ho_tne }}⟧»")
    assert codes["the-bi-boc"]["sua_tu_dong"] and codes["the-bi-boc"]["muc_do"] == "loi"
    fixed = cli("template", "check", "ke_hoach.docx", "--fix", ws=mini)
    assert damaged.read_bytes() == before
    copy = mini / "templates" / "ke_hoach-da-sua.docx"
    assert copy.is_file() and "Đã sửa 1 thẻ" in fixed.output
    assert fixed.exit_code == 1  # the misspelt name is not Word's doing: still an error
    assert "ho_tne" in fixed.output and "có phải ý là 'ho_ten'?" in fixed.output


def test_markdown_template_errors_by_line(cli, tmp_path: Path, mini: Path) -> None:  # noqa: ANN001
    md = tmp_path / "thong-tin.md.j2"
    md.write_text("# {{ trich_yeu }}\n\n{% for dong in noi_nhan %}\n- {{ dong }}\n\n"
                  "Ký: {{ ho_tn }}\n", encoding="utf-8")
    result = cli("template", "check", str(md), "--kind", "ke_hoach", ws=mini)
    assert result.exit_code == 1
    assert "dòng 3: «⟦{% for dong in noi_nhan %}⟧»" in result.output
    assert "endfor" in result.output
    md.write_text("# {{ trich_yeu }}\n{% for dong in noi_nhan %}- {{ dong }}\n{% endfor %}\n"
                  "Ký: {{ ho_tn }}\n", encoding="utf-8")
    result = cli("template", "check", str(md), "--kind", "ke_hoach", ws=mini)
    assert "dòng 4: «Ký: ⟦{{ ho_tn }}⟧»" in result.output and "'ho_ten'" in result.output


def test_unreadable_template_is_exit_2(cli, tmp_path: Path, mini: Path) -> None:  # noqa: ANN001
    fake = tmp_path / "mau.docx"
    fake.write_text("không phải docx", encoding="utf-8")
    result = cli("template", "check", str(fake), ws=mini)
    assert result.exit_code == 2 and "không phải tệp Word .docx" in result.stderr
    assert "Traceback" not in result.stderr


def test_build_refuses_broken_workspace_template_and_builds_the_rest(cli, mini: Path) -> None:  # noqa: ANN001
    doc = builtin()
    set_text(find(doc, "{{ trich_yeu }}"), "{{ trich_yue }}")
    save(doc, mini / "templates" / "ke_hoach.docx")
    result = cli("build", str(mini / "content" / "ke-hoach"),
                 str(mini / "content" / "bao-cao" / "2017" / "so-y-te.yaml"), ws=mini)
    assert result.exit_code == 1
    assert "mẫu 'templates/ke_hoach.docx' có 1 lỗi nên không dựng" in result.stderr
    assert "content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml" in result.stderr
    assert "trich_yue" in result.stderr and "gendoc template check templates/ke_hoach.docx" in result.stderr
    assert not (mini / "output" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.docx").exists()
    built = list((mini / "output").rglob("*.docx"))
    assert built, "documents of other kinds still build"
    assert all("ke-hoach" not in p.parts or p.stem != "ubnd-tinh-bdg-2016-2020" for p in built)


def test_schema_doc_is_up_to_date() -> None:
    committed = schema_doc_path().read_text(encoding="utf-8")
    assert committed == render_markdown(), (
        "docs/schema.md is out of date — regenerate: python -m gendoc.authoring.schema")


def test_variant_template_gets_its_kind_from_the_content_that_uses_it(cli, mini: Path) -> None:  # noqa: ANN001
    doc = builtin()
    set_text(find(doc, "{{ trich_yeu }}"), "{{ trich_yue }}")
    save(doc, mini / "templates" / "kh-snv.docx")
    plan = mini / "content" / "ke-hoach" / "ubnd-tinh-bdg-2016-2020.yaml"
    plan.write_text(plan.read_text(encoding="utf-8") + "\ntemplate: kh-snv.docx\n", encoding="utf-8")
    result = cli("template", "check", "kh-snv.docx", ws=mini)
    assert result.exit_code == 1
    assert "loại ke_hoach" in result.output and "có phải ý là 'trich_yeu'?" in result.output


def test_check_without_file_checks_every_workspace_template(cli, mini: Path) -> None:  # noqa: ANN001
    empty = cli("template", "check", ws=mini)
    assert empty.exit_code == 0 and "chưa có mẫu riêng" in empty.output
    shutil.copy2(builtin_templates_dir() / "ke_hoach.docx", mini / "templates" / "ke_hoach.docx")
    doc = builtin()
    set_text(find(doc, "{{ chuc_vu }}"), "{{ chuc_vu|uper }}")
    save(doc, mini / "templates" / "bao_cao.docx")
    (mini / "templates" / "~$o_cao.docx").write_bytes(b"Word lock file")
    result = cli("template", "check", "--json", ws=mini)
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [(d["mau"], d["loai"], d["hop_le"]) for d in data] == [
        ("templates/bao_cao.docx", "bao_cao", False), ("templates/ke_hoach.docx", "ke_hoach", True)]
    text = cli("template", "check", ws=mini).output
    assert "Đã kiểm tra 2 mẫu: 1 mẫu có lỗi." in text and "có phải ý là 'upper'?" in text


def test_strict_makes_warnings_fail(cli, mini: Path) -> None:  # noqa: ANN001
    doc = builtin()
    split(find(doc, "{{ trich_yeu }}"), [("{{ trich_", {}), ("yeu }}", {"bold": False})])
    save(doc, mini / "templates" / "ke_hoach.docx")
    assert cli("template", "check", "ke_hoach.docx", ws=mini).exit_code == 0
    assert cli("template", "check", "ke_hoach.docx", "--strict", ws=mini).exit_code == 1
    fixed = cli("template", "check", "ke_hoach.docx", "--strict", "--fix", ws=mini)
    assert fixed.exit_code == 0 and "Đã sửa 1 thẻ" in fixed.output
