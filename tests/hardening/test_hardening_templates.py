"""Bad .docx templates in a workspace's templates/: a zip bomb, a DTD, a file that is not a
.docx. Each gets a clear Vietnamese answer naming the template; the other documents still build.

Templates are opened through `gendoc.safezip` (inflation caps, DOCTYPE refused) before docxtpl or
python-docx parses them — by the build (`gendoc.docx_compiled`) and by `gendoc template check`.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from gendoc.safezip import MAX_INFLATED_BYTES, MAX_MEMBERS
from gendoc.workspace import builtin_templates_dir
from tests.core.test_core_errors import GOOD
from tests.hardening.catalogue import fails_alone, run_limited

LAUGHS = ('<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "ha">'
          + "".join(f'<!ENTITY {n} "{("&" + p + ";") * 10}">' for p, n in zip("abcdefgh", "bcdefghi",
                                                                               strict=True))
          + ']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
            "<w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:body></w:document>")


def _builtin() -> bytes:
    return (builtin_templates_dir() / "ke_hoach.docx").read_bytes()


def _replaced(part: str, data: bytes) -> bytes:
    """The built-in ke_hoach.docx with one part's bytes replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_builtin())) as src, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, data if info.filename == part else src.read(info.filename))
    return out.getvalue()


def inflation_bomb() -> bytes:
    """A real template plus one member of zeros inflating past the cap (~0.3 MB on disk)."""
    out = io.BytesIO(_builtin())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as zf, \
            zf.open("word/media/zeros.bin", "w", force_zip64=True) as member:
        chunk = bytes(1 << 20)
        for _ in range(MAX_INFLATED_BYTES // len(chunk) + 1):
            member.write(chunk)
    return out.getvalue()


def many_members() -> bytes:
    out = io.BytesIO(_builtin())
    with zipfile.ZipFile(out, "a", zipfile.ZIP_STORED) as zf:
        for index in range(MAX_MEMBERS + 1):
            zf.writestr(f"customXml/x{index}.bin", b"")
    return out.getvalue()


def no_document_part() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types '
                    'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        zf.writestr("hello.txt", "không phải Word")
    return out.getvalue()


# name → (template bytes, words the message must contain)
CASES: dict[str, tuple[Callable[[], bytes], tuple[str, ...]]] = {
    "inflation_bomb": (inflation_bomb, ("vượt giới hạn", "bom nén")),
    "dtd_in_body": (lambda: _replaced("word/document.xml", LAUGHS.encode()), ("DOCTYPE",)),
    "dtd_in_styles": (lambda: _replaced("word/styles.xml", LAUGHS.encode()),
                      ("word/styles.xml", "DOCTYPE")),
    "too_many_parts": (many_members, ("thành phần", "vượt giới hạn")),
    "not_a_zip": (lambda: "Đây là văn bản, không phải .docx".encode(), ("không phải tệp Word",)),
    "truncated": (lambda: _builtin()[: len(_builtin()) // 2], ("không phải tệp Word",)),
    "zip_without_document": (no_document_part, ("không phải tệp Word .docx",)),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_bad_template_fails_its_document_alone(name: str, make_ws, cli) -> None:  # noqa: ANN001
    make, words = CASES[name]
    ws = make_ws({"content/bad.yaml": GOOD + "template: mau-rieng.docx\n",
                  "content/good.yaml": GOOD})
    (ws / "templates").mkdir()
    (ws / "templates" / "mau-rieng.docx").write_bytes(make())
    result = cli("build", ws=ws)
    message = fails_alone(result, ws, "content/bad.yaml", words=words,
                          bad_outputs=("output/bad.docx",), exit_code=result.exit_code)
    assert result.exit_code in (1, 2), result.exit_code
    assert "mau-rieng.docx" in message, message


@pytest.mark.parametrize("name", ["inflation_bomb", "dtd_in_body"])
def test_template_check_refuses_a_bad_template(name: str, make_ws, cli) -> None:  # noqa: ANN001
    """`gendoc template check` reads the template too: same caps, clear answer, exit 2."""
    make, words = CASES[name]
    ws = make_ws({"content/good.yaml": GOOD})
    (ws / "templates").mkdir()
    (ws / "templates" / "ke_hoach.docx").write_bytes(make())
    result = cli("template", "check", "ke_hoach.docx", ws=ws)
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr, result.stderr


def test_a_bomb_template_is_refused_within_a_memory_limit(tmp_path: Path) -> None:
    """Compiling the bomb under a 1 GiB address-space limit: refused before anything inflates."""
    bomb = tmp_path / "bom.docx"
    bomb.write_bytes(inflation_bomb())
    result = run_limited(f"""
        import sys
        from pathlib import Path
        from gendoc.docx_compiled import compile_template
        from gendoc.exceptions import UnusableInputError
        try:
            compile_template(Path({str(bomb)!r}), None)
        except UnusableInputError as exc:
            print(exc.format_message())
            sys.exit(0)
        sys.exit(3)
    """)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "bom nén" in result.stdout and "bom.docx" in result.stdout
