"""Bad .docx files given to `gendoc check`: refused before lxml parses a byte of them (exit 2,
the checker's «cannot read» code), named, in Vietnamese; the good file beside them is checked."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.check.gooddoc import save
from tests.hardening.badfiles import add_bomb, add_many_parts, rewrite_zip, with_dtd
from tests.hardening.catalogue import run_limited

# name → (how the .docx is spoilt, words of the message)
CASES: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "zip_bomb": (lambda p: add_bomb(p, 300), ("bung ra", "vượt giới hạn 256 MB")),
    "dtd_in_document": (lambda p: rewrite_zip(p, with_dtd("word/document.xml")),
                        ("word/document.xml", "DOCTYPE")),
    "dtd_in_styles": (lambda p: rewrite_zip(p, with_dtd("word/styles.xml")),
                      ("word/styles.xml", "DOCTYPE")),
    "dtd_in_rels": (lambda p: rewrite_zip(p, with_dtd("_rels/.rels")), ("_rels/.rels", "DOCTYPE")),
    "dtd_in_core_properties": (lambda p: rewrite_zip(p, with_dtd("docProps/core.xml")),
                               ("docProps/core.xml", "DOCTYPE")),
    "too_many_parts": (add_many_parts, ("thành phần, vượt giới hạn 5000",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_docx_is_refused_and_the_good_one_checked(name: str, tmp_path: Path, cli) -> None:  # noqa: ANN001
    spoil, words = CASES[name]
    bad = save(tmp_path / "xau.docx")
    spoil(bad)
    good = save(tmp_path / "tot.docx")
    result = cli("check", str(bad), str(good))
    assert result.exit_code == 2, result.output
    assert "tot.docx: ĐẠT" in result.output, result.output
    assert "1 không đọc được" in result.output, result.output
    message = result.output
    assert "xau.docx" in message and "Traceback" not in message, message
    for word in words:
        assert word in message, message


def check_limited(path: Path):  # noqa: ANN201 - subprocess.CompletedProcess[str]
    """`gendoc check` of `path` in a child under the catalogue's address-space limit."""
    return run_limited(f"""
        from gendoc.check.api import check_docx
        from gendoc.exceptions import UnusableInputError
        try:
            check_docx({str(path)!r})
        except UnusableInputError as exc:
            print(exc.format_message())
    """)


def test_a_docx_bomb_is_refused_within_a_memory_limit(tmp_path: Path) -> None:
    """A .docx whose extra part inflates to 1 GB: refused under a 1 GiB address space."""
    bad = save(tmp_path / "bom.docx")
    add_bomb(bad, 1024)
    result = check_limited(bad)
    assert result.returncode == 0, result.stderr
    assert "bom.docx: tệp bung ra 1025 MB, vượt giới hạn 256 MB" in result.stdout, result.stdout


def test_billion_laughs_in_the_body_is_refused_before_parsing(tmp_path: Path) -> None:
    bad = save(tmp_path / "cuoi.docx")
    laughs = (b'<?xml version="1.0"?>\n<!DOCTYPE w [<!ENTITY l0 "ha">'
              + b"".join(f'<!ENTITY l{i} "{("&l" + str(i - 1) + ";") * 10}">'.encode()
                         for i in range(1, 10))
              + b']>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/'
              b'2006/main"><w:body><w:p><w:r><w:t>&l9;</w:t></w:r></w:p></w:body></w:document>')
    rewrite_zip(bad, lambda n, d: laughs if n == "word/document.xml" else None)
    result = check_limited(bad)
    assert result.returncode == 0, result.stderr
    assert "word/document.xml' khai báo DOCTYPE" in result.stdout, result.stdout
