"""Bad input gets a clear Vietnamese answer (file, line, field, fix), exit 1, and no output file;
the rest of the build still happens."""

from __future__ import annotations

from pathlib import Path

import pytest

GOOD = """\
loai: ke_hoach
co_quan: so-noi-vu
trich_yeu: Thử nghiệm
noi_dung:
  - tieu_de: Mục đích
    muc:
      - Nội dung một.
nguoi_ky:
  quyen_han: KT. GIÁM ĐỐC
  chuc_vu: PHÓ GIÁM ĐỐC
  ho_ten: Nguyễn Thị A
noi_nhan:
  - UBND tỉnh
"""


def build(cli, ws: Path):  # noqa: ANN001, ANN201
    return cli("build", ws=ws)


CASES = {
    "broken_yaml": (GOOD.replace("trich_yeu: Thử nghiệm", "trich_yeu: [Thử nghiệm"),
                    ["lỗi cú pháp YAML"]),
    "unknown_key": (GOOD + "trich_yue: sai chính tả\n",
                    ["dòng 14", "trich_yue", "có phải ý là 'trich_yeu'"]),
    "missing_field": (GOOD.replace("trich_yeu: Thử nghiệm\n", ""),
                      ["trích_yeu" if False else "trich_yeu", "thiếu trường bắt buộc"]),
    "wrong_type": (GOOD.replace("co_quan: so-noi-vu", "co_quan: so-noi-vu\nso: mười hai"),
                   ["dòng 3", "'so'", "phải là số nguyên"]),
    "unknown_issuer": (GOOD.replace("co_quan: so-noi-vu", "co_quan: so-noi-vuu"),
                       ["dòng 2", "co_quan", "so-noi-vuu", "có phải ý là: so-noi-vu"]),
    "unknown_kind": (GOOD.replace("loai: ke_hoach", "loai: ke_hoachh"),
                     ["dòng 1", "loai", "ke_hoachh", "có phải ý là 'ke_hoach'"]),
    "bad_date": (GOOD.replace("co_quan: so-noi-vu", "co_quan: so-noi-vu\nngay: 2017-02-30"),
                 ["dòng 3", "ngay"]),
    "bad_signer": (GOOD.replace("KT. GIÁM ĐỐC", "K.T GIÁM ĐỐC"),
                   ["nguoi_ky.quyen_han", "TM., KT., TL., TUQ., Q."]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_bad_input_fails_alone_with_a_clear_message(case: str, make_ws, cli) -> None:  # noqa: ANN001
    text, expected = CASES[case]
    ws = make_ws({"content/good.yaml": GOOD, "content/bad.yaml": text})
    result = build(cli, ws)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    err = result.stderr
    assert "content/bad.yaml" in err
    for fragment in expected:
        assert fragment in err, (fragment, err)
    assert not (ws / "output" / "bad.docx").exists()
    assert (ws / "output" / "good.docx").is_file()
    assert "1 văn bản lỗi, không được ghi: content/bad.yaml" in result.stdout


def test_every_problem_in_a_file_is_reported_together(make_ws, cli) -> None:  # noqa: ANN001
    text = GOOD.replace("trich_yeu: Thử nghiệm\n", "").replace("- UBND tỉnh", "") + "abc: 1\n"
    ws = make_ws({"content/bad.yaml": text})
    err = build(cli, ws).stderr
    assert "3 lỗi" in err
    assert "trich_yeu" in err and "noi_nhan" in err and "'abc'" in err


def override_template(ws: Path, extra: str) -> None:
    """A workspace copy of the built-in plan template with one paragraph added."""
    from docx import Document

    from gendoc.workspace import builtin_templates_dir

    (ws / "templates").mkdir()
    doc = Document(str(builtin_templates_dir() / "ke_hoach.docx"))
    doc.add_paragraph(extra)
    doc.save(str(ws / "templates" / "ke_hoach.docx"))


def test_undefined_template_variable_names_template_and_variable(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/a.yaml": GOOD})
    override_template(ws, "{{ trich_yue }}")
    result = build(cli, ws)
    assert result.exit_code == 1
    assert "ke_hoach.docx" in result.stderr and "trich_yue" in result.stderr
    assert not (ws / "output" / "a.docx").exists()


def test_sandbox_blocks_python_internals(make_ws, cli) -> None:  # noqa: ANN001
    from gendoc.build import render_file
    from gendoc.exceptions import RenderError
    from gendoc.workspace import load_workspace

    ws = make_ws({"content/a.yaml": GOOD})
    override_template(ws, "{{ trich_yeu.__class__.__mro__[1].__subclasses__() }}")
    # The renderer itself refuses (render_file has no template pre-check in front of it) …
    with pytest.raises(RenderError, match="không được phép"):
        render_file(load_workspace(ws), ws / "content" / "a.yaml")
    assert not (ws / "output" / "a.docx").exists()
    # … and the build refuses too, without leaking anything.
    result = build(cli, ws)
    assert result.exit_code == 1
    assert "subclasses" not in result.stdout
    assert not (ws / "output" / "a.docx").exists()


def test_special_characters_come_out_literally(make_ws, cli) -> None:  # noqa: ANN001
    from docx import Document

    nasty = 'A & B <b>đậm</b> "trích" \'dẫn\' ]]> {{ x }} {% if %}'
    text = GOOD.replace("Nội dung một.", nasty.replace("'", "''").join(["'", "'"]))
    text = text.replace("trich_yeu: Thử nghiệm", "trich_yeu: 'Hợp tác R&D <2017>'")
    ws = make_ws({"content/a.yaml": text})
    result = build(cli, ws)
    assert result.exit_code == 0, result.output
    doc = Document(str(ws / "output" / "a.docx"))
    texts = [p.text for p in doc.paragraphs]
    assert f"1. {nasty}./." in texts or f"1. {nasty}" in texts
    assert "Hợp tác R&D <2017>" in texts


def test_output_is_atomic_when_saving_fails(make_ws, monkeypatch) -> None:  # noqa: ANN001
    from gendoc.build import render_file
    from gendoc.workspace import load_workspace

    ws_path = make_ws({"content/a.yaml": GOOD})
    ws = load_workspace(ws_path)
    render_file(ws, ws_path / "content" / "a.yaml")
    before = (ws_path / "output" / "a.docx").read_bytes()

    import gendoc.writer

    def disk_full(fd: int) -> None:  # the bytes went into the temporary file, then the disk filled
        raise OSError("đĩa đầy")

    monkeypatch.setattr(gendoc.writer.os, "fsync", disk_full)
    with pytest.raises(OSError):
        render_file(ws, ws_path / "content" / "a.yaml")
    assert (ws_path / "output" / "a.docx").read_bytes() == before
    assert [p.name for p in (ws_path / "output").iterdir()] == ["a.docx"]


def test_unnumbered_draft_renders_placeholders_not_none(make_ws, cli) -> None:  # noqa: ANN001
    from docx import Document

    ws = make_ws({"content/a.yaml": GOOD})
    assert build(cli, ws).exit_code == 0
    doc = Document(str(ws / "output" / "a.docx"))
    header = "\n".join(p.text for c in doc.tables[0].rows[0].cells for p in c.paragraphs)
    assert "Số:       /KH-SNV" in header
    assert "Kiên Giang, ngày        tháng        năm" in header
    full = header + "\n".join(p.text for p in doc.paragraphs)
    assert "None" not in full


def test_missing_signer_name_is_a_warning(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/a.yaml": GOOD.replace("  ho_ten: Nguyễn Thị A\n", "")})
    result = build(cli, ws)
    assert result.exit_code == 0
    assert "chưa có họ tên người ký" in result.stderr


def test_no_workspace_is_explained(tmp_path: Path, cli) -> None:  # noqa: ANN001
    result = cli("build", ws=tmp_path)
    assert result.exit_code == 1
    assert "gendoc.yaml" in result.stderr and "gendoc init" in result.stderr


def test_bad_config_names_key_and_range(make_ws, cli) -> None:  # noqa: ANN001
    from gendoc.workspace import CONFIG_NAME

    ws = make_ws({"content/a.yaml": GOOD})
    cfg = (ws / CONFIG_NAME).read_text(encoding="utf-8").replace("co_chu: 14", "co_chu: 16")
    (ws / CONFIG_NAME).write_text(cfg, encoding="utf-8")
    result = build(cli, ws)
    assert result.exit_code == 1
    assert "dinh_dang.co_chu" in result.stderr and "13–14" in result.stderr


def test_oversized_content_is_refused(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/a.yaml": GOOD})
    (ws / "content" / "big.yaml").write_text("x: " + "a" * (6 * 1024 * 1024), encoding="utf-8")
    result = build(cli, ws)
    assert result.exit_code == 1
    assert "tệp quá lớn" in result.stderr
    assert (ws / "output" / "a.docx").exists()


def test_verbose_shows_traceback_for_unexpected_errors(make_ws, monkeypatch) -> None:  # noqa: ANN001
    from click.testing import CliRunner

    from gendoc import api as api_module
    from gendoc.cli import main

    ws = make_ws({"content/a.yaml": GOOD})

    def boom(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise RuntimeError("bất ngờ")

    monkeypatch.setattr(api_module, "build", boom)
    quiet = CliRunner().invoke(main, ["-w", str(ws), "build"])
    assert quiet.exit_code == 1 and "Traceback" not in quiet.output
    assert "lỗi ngoài dự kiến" in quiet.stderr
    loud = CliRunner().invoke(main, ["-v", "-w", str(ws), "build"])
    assert "Traceback" in loud.stderr
    # The message says «Chạy lại với --verbose»: clerks add it after the command.
    for argv in (["-w", str(ws), "build", "--verbose"], ["-w", str(ws), "build", "-v"]):
        after = CliRunner().invoke(main, argv)
        assert after.exit_code == 1
        assert "Traceback" in after.stderr and "RuntimeError: bất ngờ" in after.stderr


def test_verbose_after_a_separator_is_an_argument(make_ws) -> None:  # noqa: ANN001
    from click.testing import CliRunner

    from gendoc.cli import main

    ws = make_ws({"content/a.yaml": GOOD})
    result = CliRunner().invoke(main, ["-w", str(ws), "build", "--", "--verbose"])
    assert result.exit_code == 1  # a content path named '--verbose', which does not exist
    assert "--verbose" in result.stderr and "Traceback" not in result.stderr


def test_render_one_file_to_a_chosen_path(make_ws, cli, tmp_path: Path) -> None:  # noqa: ANN001
    ws = make_ws({"content/a.yaml": GOOD})
    target = tmp_path / "ra" / "ke-hoach.docx"
    result = cli("render", str(ws / "content" / "a.yaml"), "-o", str(target), ws=ws)
    assert result.exit_code == 0, result.output
    assert target.is_file() and not (ws / "output" / "a.docx").exists()


def test_template_not_found_lists_where_it_looked(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/a.yaml": GOOD + "template: rieng.docx\n"})
    result = build(cli, ws)
    assert result.exit_code == 1
    assert "rieng.docx" in result.stderr and "Đã tìm ở" in result.stderr
    assert str(ws / "templates" / "rieng.docx") in result.stderr


def test_template_name_cannot_escape_the_search_path(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/a.yaml": GOOD + "template: ../../etc/passwd\n"})
    result = build(cli, ws)
    assert result.exit_code == 1 and "không hợp lệ" in result.stderr


def test_workspace_template_overrides_builtin(make_ws, cli) -> None:  # noqa: ANN001
    from docx import Document

    ws = make_ws({"content/a.yaml": GOOD})
    override_template(ws, "Bản của tỉnh: {{ trich_yeu }}")
    assert build(cli, ws).exit_code == 0
    texts = [p.text for p in Document(str(ws / "output" / "a.docx")).paragraphs]
    assert "Bản của tỉnh: Thử nghiệm" in texts


def test_render_refuses_a_broken_workspace_template(make_ws, cli) -> None:  # noqa: ANN001
    ws = make_ws({"content/a.yaml": GOOD})
    override_template(ws, "{% if trich_yeu %} chưa đóng khối")
    result = cli("render", str(ws / "content" / "a.yaml"), ws=ws)
    assert result.exit_code == 1
    assert "templates/ke_hoach.docx" in result.stderr
    assert not (ws / "output" / "a.docx").exists()


def test_an_unexpected_bug_in_one_document_fails_only_that_document(make_ws, monkeypatch) -> None:  # noqa: ANN001
    from click.testing import CliRunner

    from gendoc import parallel as render_module
    from gendoc.cli import main

    ws = make_ws({"content/a.yaml": GOOD, "content/b.yaml": GOOD, "content/c.yaml": GOOD})
    real = render_module.render_document

    def flaky(doc, bctx):  # noqa: ANN001, ANN202
        if doc.path.name == "b.yaml":
            raise KeyError("nội bộ")
        return real(doc, bctx)

    monkeypatch.setattr(render_module, "render_document", flaky)
    quiet = CliRunner().invoke(main, ["-w", str(ws), "build"])
    assert quiet.exit_code == 1
    assert "content/b.yaml: lỗi ngoài dự kiến (KeyError" in quiet.stderr
    assert "Traceback" not in quiet.stderr
    assert "Đã dựng 2/3 văn bản; 1 văn bản lỗi, không được ghi: content/b.yaml" in quiet.stdout
    assert (ws / "output" / "a.docx").is_file() and (ws / "output" / "c.docx").is_file()
    assert not (ws / "output" / "b.docx").exists()
    loud = CliRunner().invoke(main, ["-w", str(ws), "build", "--verbose"])
    assert "Traceback" in loud.stderr and "KeyError" in loud.stderr
    assert "(không đổi)" in loud.stdout  # a.yaml and c.yaml did not change: kept
