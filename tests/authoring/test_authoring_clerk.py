"""A template edited "as a clerk would": fetched with `gendoc template new`, a paragraph re-worded
in Word with bold switched on in the middle of a tag, a unit logo (PNG) put in the first-page
header. It must pass `gendoc template check`, build, keep the logo, and pass `gendoc check`.
"""

from __future__ import annotations

import io
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from damage import find, split
from docx import Document
from docx.shared import Cm
from PIL import Image, ImageDraw

from gendoc.check import check_docx
from tests.tools import requires

SOURCE = "content/bao-cao/2017/so-y-te.yaml"
CONTENT = "content/bao-cao/2017/so-y-te-sua-mau.yaml"
OUTPUT = "output/bao-cao/2017/so-y-te-sua-mau.docx"


def _logo() -> bytes:
    img = Image.new("RGB", (120, 120), "white")
    draw = ImageDraw.Draw(img)
    draw.ellipse((8, 8, 112, 112), outline="red", width=8)
    draw.rectangle((45, 30, 75, 90), fill="red")
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def edited(ws_root: Path) -> dict[str, object]:
    """Run the whole clerk workflow once; tests look at its results."""
    from click.testing import CliRunner

    from gendoc.cli import main

    runner = CliRunner()

    def run(*args: str):  # noqa: ANN202
        return runner.invoke(main, ["-w", str(ws_root), *args], catch_exceptions=False)

    new = run("template", "new", "bao_cao")
    template = ws_root / "templates" / "bao_cao.docx"
    doc = Document(str(template))
    # re-worded: recipients separated by commas; bold switched on in the middle of the tag
    split(find(doc, "Kính gửi: {{ kinh_gui|join('; ') }}."),
          [("Kính gửi: {{ kinh_", {}), ("gui|join(', ')", {"bold": True}), (" }}.", {})],
          proof_after=0)
    logo = _logo()
    header = doc.sections[0].first_page_header
    header.paragraphs[0].add_run().add_picture(io.BytesIO(logo), width=Cm(1.5))
    doc.save(str(template))
    text = (ws_root / SOURCE).read_text(encoding="utf-8")
    text = text.replace("kinh_gui: Sở Nội vụ tỉnh Kiên Giang",
                        "kinh_gui:\n  - Sở Nội vụ tỉnh Kiên Giang\n  - Ban Vì sự tiến bộ phụ nữ tỉnh")
    (ws_root / CONTENT).write_text(text, encoding="utf-8")
    here = Path.cwd()
    os.chdir(ws_root)  # the clerk works inside the workspace, with relative paths
    try:
        check = run("template", "check", "templates/bao_cao.docx")
        build = run("build", CONTENT, "--check")
    finally:
        os.chdir(here)
    return {"new": new, "check": check, "build": build, "logo": logo,
            "out": ws_root / OUTPUT, "root": ws_root}


def test_template_new_copies_the_builtin(edited) -> None:  # noqa: ANN001
    assert edited["new"].exit_code == 0
    assert "templates/bao_cao.docx" in edited["new"].output
    assert "thay mẫu có sẵn" in edited["new"].output


def test_edited_template_passes_the_check_with_a_warning(edited) -> None:  # noqa: ANN001
    result = edited["check"]
    assert result.exit_code == 0, result.output
    assert "0 lỗi, 1 cảnh báo" in result.output
    assert "Word đã tách thẻ thành 3 phần" in result.output
    assert "Kính gửi: ⟦{{ kinh_gui|join(', ') }}⟧." in result.output


def test_edited_template_builds_with_new_wording(edited) -> None:  # noqa: ANN001
    assert edited["build"].exit_code == 0, edited["build"].output
    doc = Document(str(edited["out"]))
    para = next(p for p in doc.paragraphs if p.text.startswith("Kính gửi:"))
    assert para.text == "Kính gửi: Sở Nội vụ tỉnh Kiên Giang, Ban Vì sự tiến bộ phụ nữ tỉnh."
    value = next(r for r in para.runs if "Sở Nội vụ" in r.text)
    assert not value.bold  # the value takes the formatting of the tag's first piece


def test_logo_is_kept_in_the_first_page_header(edited) -> None:  # noqa: ANN001
    with zipfile.ZipFile(edited["out"]) as zf:
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
        assert [zf.read(n) for n in media] == [edited["logo"]]
    doc = Document(str(edited["out"]))
    header = doc.sections[0].first_page_header
    assert header._element.xpath(".//a:blip/@r:embed")


def test_output_passes_nd30_check(edited) -> None:  # noqa: ANN001
    report = check_docx(edited["out"])
    assert report.errors == [], [f.message for f in report.errors]


@requires("soffice", "pdfimages")
def test_logo_shows_on_page_one(edited, tmp_path: Path) -> None:  # noqa: ANN001
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(edited["out"])], check=True, capture_output=True, timeout=180)
    pdf = tmp_path / Path(OUTPUT).with_suffix(".pdf").name
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], check=True, capture_output=True,
                             text=True).stdout.splitlines()[2:]
    pages = [int(line.split()[0]) for line in listing if line.strip()]
    assert pages and set(pages) == {1}
