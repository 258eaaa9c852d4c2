"""`gendoc check` on the command line: exit codes, --json, --strict, many files, bad input."""

from __future__ import annotations

import json
import zipfile

import pytest
from click.testing import CliRunner
from gooddoc import Good, save

from gendoc.cli import main


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(main, ["check", *map(str, args)])

    return invoke


def test_good_file_exits_0(run, tmp_path) -> None:
    res = run(save(tmp_path / "tot.docx"))
    assert res.exit_code == 0, res.output
    assert "tot.docx: ĐẠT — 0 lỗi, 0 cảnh báo" in res.output
    assert "Đã kiểm tra 1 tệp: 1 đạt, 0 không đạt — tổng 0 lỗi, 0 cảnh báo, 0 thông tin." in res.output


def test_error_exits_1_and_names_rule_location_requirement(run, tmp_path) -> None:
    res = run(save(tmp_path / "sai.docx", Good(so="Số: 7/KH-SNV")))
    assert res.exit_code == 1
    assert "sai.docx: KHÔNG ĐẠT — 1 lỗi, 0 cảnh báo" in res.output
    assert "[lỗi] so.format — Đầu trang, ô trái, đoạn 3: «Số: 7/KH-SNV»: số «7» nhỏ hơn 10 phải viết 07." in res.output


def test_json_is_a_list_of_findings(run, tmp_path) -> None:
    a = save(tmp_path / "a.docx", Good(so="Số: 7/KH-SNV"))
    b = save(tmp_path / "b.docx", Good(landscape=True, data_table=True))
    res = run("--json", a, b)
    rows = json.loads(res.stdout)  # the summary line goes to stderr, stdout is pure JSON
    assert "Đã kiểm tra 2 tệp" in res.stderr
    assert res.exit_code == 1
    assert {(r["file"].endswith("a.docx"), r["rule"], r["severity"]) for r in rows} == {
        (True, "so.format", "loi"), (False, "page.orientation", "canh_bao")}
    for r in rows:
        assert set(r) == {"file", "rule", "severity", "severity_label", "location", "message"}
    assert {r["severity_label"] for r in rows} == {"lỗi", "cảnh báo"}


def test_strict_counts_warnings(run, tmp_path) -> None:
    wide = save(tmp_path / "ngang.docx", Good(landscape=True, data_table=True))
    assert run(wide).exit_code == 0
    res = run("--strict", wide)
    assert res.exit_code == 1
    assert "(--strict: cảnh báo tính là lỗi)" in res.output


def test_many_files_and_a_folder_with_summary(run, tmp_path) -> None:
    folder = tmp_path / "vb"
    folder.mkdir()
    save(folder / "1.docx")
    save(folder / "2.docx", Good(ten_loai_bold=False))
    (folder / "~$1.docx").write_bytes(b"lock file")
    res = run(folder)
    assert res.exit_code == 1
    assert "Đã kiểm tra 2 tệp: 1 đạt, 1 không đạt — tổng 1 lỗi" in res.output


@pytest.mark.parametrize("kind", ["missing", "text", "corrupt_zip", "zip_without_word", "folder_empty",
                                  "old_doc"])
def test_unusable_input_exits_2_in_vietnamese_without_traceback(run, tmp_path, kind) -> None:
    path = tmp_path / "x.docx"
    if kind == "text":
        path = tmp_path / "ghi-chu.txt"
        path.write_text("không phải văn bản Word", encoding="utf-8")
    elif kind == "corrupt_zip":
        path.write_bytes(b"PK\x03\x04" + b"\x00garbage" * 50)
    elif kind == "zip_without_word":
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("hello.txt", "xin chào")
    elif kind == "old_doc":
        path = tmp_path / "cu.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    elif kind == "folder_empty":
        path = tmp_path / "trong"
        path.mkdir()
    res = run(path)
    assert res.exit_code == 2, res.output
    assert "Lỗi:" in res.output
    assert "Traceback" not in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)
    expected = {
        "missing": "không tìm thấy tệp",
        "text": "không phải tệp .docx hợp lệ",
        "corrupt_zip": "không phải tệp .docx hợp lệ",
        "zip_without_word": "thiếu word/document.xml",
        "folder_empty": "không có tệp .docx nào",
        "old_doc": "tệp Word cũ (.doc) hoặc tệp .docx đã đặt mật khẩu",
    }[kind]
    assert expected in res.output


def test_unusable_file_among_good_ones_still_checks_the_rest(run, tmp_path) -> None:
    good = save(tmp_path / "tot.docx")
    res = run(good, tmp_path / "khong-co.docx")
    assert res.exit_code == 2
    assert "tot.docx: ĐẠT" in res.output
    assert "1 không đọc được" in res.output


def test_no_arguments_is_a_clear_error(run) -> None:
    res = run()
    assert res.exit_code == 2
    assert "chưa chỉ tệp cần kiểm tra" in res.output


def test_rules_are_listed(run) -> None:
    from gendoc.check import RULES

    res = run("--rules")
    assert res.exit_code == 0
    for rid in RULES:
        assert rid in res.output
    rows = json.loads(run("--rules", "--json").stdout)
    assert [r["rule"] for r in rows] == list(RULES)
    assert rows[0].keys() == {"rule", "severity", "severity_label", "group", "requires", "reason",
                              "source"}
