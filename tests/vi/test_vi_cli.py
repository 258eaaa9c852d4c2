"""`gendoc vi` as clerks and scripts call it: exact output lines, Vietnamese errors, exit codes."""

from __future__ import annotations

import unicodedata

import docx
import pytest
from click.testing import CliRunner

from gendoc.cli import main
from gendoc.vi.legacy import encode_tcvn3


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["vi", *args], input=input)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["words", "1050000"], "một triệu không trăm năm mươi nghìn"),
        (["words", "2021"], "hai nghìn không trăm hai mươi mốt"),
        (["words", "1.234.567"], "một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy"),
        (["words", "12,5"], "mười hai phẩy năm"),
        (["words", "-15"], "âm mười lăm"),
        (["words", "105", "--le"], "một trăm lẻ năm"),
        (["words", "24000", "--ngan", "--bon"], "hai mươi bốn ngàn"),
        (["words", "1250000", "--dong"], "Một triệu hai trăm năm mươi nghìn đồng"),
        (["words", "1000000", "--dong", "--chan"], "Một triệu đồng chẵn"),
        (["date", "2020-02-05"], "ngày 05 tháng 02 năm 2020"),
        (["date", "2020-03-05"], "ngày 05 tháng 3 năm 2020"),
        (["date", "2016-12"], "ngày        tháng 12 năm 2016"),
        (["date", "2020-03-05", "--noi", "Kiên Giang"], "Kiên Giang, ngày 05 tháng 3 năm 2020"),
        (["date", "2024-02-05", "--thu"], "thứ Hai, ngày 05 tháng 02 năm 2024"),
    ],
)
def test_one_line_outputs(args, expected):
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.output == expected + "\n"


@pytest.mark.parametrize(
    ("args", "needle"),
    [
        (["words", "abc"], "'abc' không phải là số"),
        (["words", "1,2,3"], "không phải là số"),
        (["date", "2020-13-45"], "tháng không hợp lệ: 13"),
        (["date", "2020-02-30"], "không có thật"),
        (["date", "hôm nay"], "không đọc được ngày"),
        (["sort", "khong_co.txt"], "không tìm thấy tệp 'khong_co.txt'"),
        (["convert", "khong_co.docx", "-o", "ra.docx"], "không tìm thấy tệp"),
    ],
)
def test_bad_input_is_a_vietnamese_error_with_exit_code_1(args, needle, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 1
    assert "Lỗi:" in result.output
    assert needle in result.output
    assert "Traceback" not in result.output


def test_sort_file(tmp_path):
    names = ["Nguyễn Văn Đức", "", "Trần Văn An", unicodedata.normalize("NFD", "Lê Thị Ánh"),
             "Dương Văn Bình", "  Đặng Thị Bình  "]  # fmt: skip
    f = tmp_path / "ds.txt"
    f.write_text("\n".join(names) + "\n", encoding="utf-8")
    result = run("sort", str(f))
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "Trần Văn An",
        "Lê Thị Ánh",
        "Đặng Thị Bình",
        "Dương Văn Bình",
        "Nguyễn Văn Đức",
    ]


def test_sort_options_and_stdin():
    result = run("sort", "--chu", "--bo-trung", "-", input="Vũ\nĐỗ\nDương\nHoà\nHòa\n")
    assert result.output.splitlines() == ["Dương", "Đỗ", "Hoà", "Vũ"]


def test_sort_refuses_legacy_bytes(tmp_path):
    f = tmp_path / "cu.txt"
    f.write_bytes(encode_tcvn3("nguyễn văn đức").encode("latin-1"))
    result = run("sort", str(f))
    assert result.exit_code == 1
    assert "gendoc vi convert" in result.output


def test_convert_docx(tmp_path):
    src, dst = tmp_path / "cu.docx", tmp_path / "moi.docx"
    document = docx.Document()
    document.add_paragraph().add_run(encode_tcvn3("cộng hòa")).font.name = ".VnTime"
    document.save(src)
    result = run("convert", str(src), "-o", str(dst))
    assert result.exit_code == 0, result.output
    assert "đã chuyển 1 đoạn TCVN3" in result.output
    assert docx.Document(dst).paragraphs[0].text == "cộng hòa"


def test_convert_corrupt_file_exit_code_2(tmp_path):
    bad = tmp_path / "hong.xlsx"
    bad.write_bytes(b"rubbish")
    result = run("convert", str(bad), "-o", str(tmp_path / "ra.xlsx"))
    assert result.exit_code == 2
    assert "không mở được tệp Excel" in result.output


@pytest.mark.parametrize("command", [[], ["words"], ["date"], ["sort"], ["convert"]])
def test_help_is_vietnamese(command):
    result = run(*command, "--help")
    assert result.exit_code == 0
    assert "Hiện hướng dẫn này rồi thoát." in result.output
    assert "Show this message" not in result.output
