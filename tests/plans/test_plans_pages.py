"""A derived district plan looked at as pages: LibreOffice lays it out, and every word of the
assignment table must sit inside the ND30 text area, with the table's header on each of its pages.

One LibreOffice conversion for the module (shared fixture).
"""

from __future__ import annotations

import re
import subprocess

import pytest

from gendoc import nd30
from tests.plans.conftest import PROVINCIAL, fresh_ws, invoke
from tests.tools import requires

pytestmark = requires("soffice", "pdftotext")

MM = 72 / 25.4  # PDF points per millimetre
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> list[list[tuple[float, float, str, float]]]:
    """Per page: (xMin, xMax, word, yMin) of every word, from LibreOffice's own layout."""
    ws = fresh_ws(tmp_path_factory.mktemp("pages") / "ws")
    assert invoke(ws, "new", "ke_hoach", "--unit", "ubnd-huyen-u-minh-thuong",
                  "--from", str(ws / PROVINCIAL)).exit_code == 0
    content = ws / "content" / "ke-hoach" / "ubnd-huyen-u-minh-thuong-bdg-2016-2020.yaml"
    assert invoke(ws, "build", str(content)).exit_code == 0
    docx = ws / "output" / "ke-hoach" / "ubnd-huyen-u-minh-thuong-bdg-2016-2020.docx"
    pdf_dir = ws / "pdf"
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(pdf_dir),
                    str(docx)], check=True, capture_output=True, timeout=180)
    html = pdf_dir / "boxes.html"
    subprocess.run(["pdftotext", "-bbox", str(pdf_dir / docx.with_suffix(".pdf").name), str(html)],
                   check=True, timeout=60)
    result = []
    for page in html.read_text(encoding="utf-8").split("<page ")[1:]:
        result.append([(float(m[0]), float(m[2]), m[4], float(m[1])) for m in WORD.findall(page)])
    return result


def test_every_word_inside_the_text_area(pages: list) -> None:
    left = nd30.DEFAULT_MARGINS_MM["left"] * MM
    right = (nd30.PAGE_WIDTH_MM - nd30.DEFAULT_MARGINS_MM["right"]) * MM
    for number, words in enumerate(pages, 1):
        outside = [w for x0, x1, w, _ in words if x0 < left - 3 or x1 > right + 3]
        assert not outside, (number, outside[:5])


def test_annex_table_header_on_each_of_its_pages(pages: list) -> None:
    texts = [" ".join(w for _, _, w, _ in words) for words in pages]
    first = next(i for i, t in enumerate(texts) if "Phụ lục" in t and "(Kèm theo" in t)
    table_pages = texts[first:]
    assert len(table_pages) >= 2, "the assignment table should run over a page break"
    for text in table_pages:
        assert "TT Nội dung Đơn vị chủ trì" in text
    assert "Báo cáo kết quả thực hiện Kế hoạch" in table_pages[-1]
    # the annex is numbered on its own: no number on its first page, "2" on the next
    assert not texts[first].split()[0].isdigit()
    assert texts[first + 1].split()[0] == "2"


def test_header_name_stays_in_its_column(pages: list) -> None:
    """'HUYỆN U MINH THƯỢNG', the longest district line, stays inside the left header column
    (the 6 cm column makes LibreOffice wrap its last word, which is legible; see docs/plans.md)."""
    first_page = " ".join(w for _, _, w, _ in pages[0])
    assert "ỦY BAN NHÂN DÂN HUYỆN U MINH THƯỢNG" in first_page
    column_right = (nd30.DEFAULT_MARGINS_MM["left"] + nd30.HEADER_COLUMNS_CM[0] * 10) * MM
    header = [(x1, w) for _, x1, w, _ in pages[0][:12] if w in ("HUYỆN", "MINH", "THƯỢNG")]
    assert len(header) == 3 and all(x1 <= column_right for x1, _ in header), header
