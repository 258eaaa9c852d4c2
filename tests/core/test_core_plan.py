"""The provincial plan rebuilt from content: text line for line against the seed, and ND30 format.

The seed (tests/fixtures/seed/) is the OCR text of the published plan. Its OCR lost the header
block and the `TM. ỦY BAN NHÂN DÂN` line above the signer, and marks the signature with
`/ *[Handwritten signature]*`; apart from those, every line must come out identical.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from gendoc import nd30

SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed" / "ke-hoach-ubnd-tinh-2016.txt"
PLAN = Path("content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml")
OUT = Path("output/ke-hoach/ubnd-tinh-bdg-2016-2020.docx")


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def seed_lines() -> list[str]:
    lines = [norm(line) for line in SEED.read_text(encoding="utf-8").splitlines()]
    lines = [line for line in lines if line]
    # OCR artefact: the signature mark after the closing sentence (ND30 closes with "./.").
    return [line.replace(" / *[Handwritten signature]*", "/.") for line in lines]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    import shutil

    from gendoc.build import build
    from gendoc.workspace import load_workspace

    repo = Path(__file__).resolve().parents[2]
    ws = tmp_path_factory.mktemp("plan")
    shutil.copy2(repo / "gendoc.yaml", ws / "gendoc.yaml")
    shutil.copytree(repo / "content", ws / "content")
    report = build(load_workspace(ws), [ws / PLAN])
    assert report.ok, [e.format_message() for _, e in report.failures]
    return ws / OUT


def body_and_closing_lines(doc) -> list[str]:  # noqa: ANN001
    """Visible lines after the header table, in reading order (closing table: left, then right)."""
    body = doc.element.body
    lines: list[str] = []
    tables = iter(doc.tables)
    next(tables)  # the header
    paragraphs = {p._p: p for p in doc.paragraphs}
    for child in body.iterchildren():
        if child.tag == qn("w:p") and paragraphs[child].text.strip():
            lines.append(norm(paragraphs[child].text))
        elif child.tag == qn("w:tbl") and child is not doc.tables[0]._tbl:
            table = next(tables)
            for cell in table.rows[0].cells:
                lines.extend(norm(p.text) for p in cell.paragraphs if p.text.strip())
    return lines


def test_text_reproduces_the_seed_line_for_line(built: Path) -> None:
    lines = body_and_closing_lines(Document(str(built)))
    expected = seed_lines()
    # The one addition: the collective-signing line the OCR lost (ND30: TM. for a UBND).
    assert lines[lines.index("CHỦ TỊCH") - 1] == "TM. ỦY BAN NHÂN DÂN"
    lines.remove("TM. ỦY BAN NHÂN DÂN")
    assert lines == expected


def test_header_block(built: Path) -> None:
    doc = Document(str(built))
    header = doc.tables[0]
    assert len(header.rows) == 1 and len(header.columns) == 2
    left = [p.text for p in header.rows[0].cells[0].paragraphs if p.text.strip()]
    right = [p.text for p in header.rows[0].cells[1].paragraphs if p.text.strip()]
    assert left == ["ỦY BAN NHÂN DÂN", "TỈNH KIÊN GIANG", f"Số: {nd30.PLACEHOLDER}/KH-UBND"]
    assert right == [nd30.QUOC_HIEU, nd30.TIEU_NGU,
                     f"Kiên Giang, ngày {nd30.PLACEHOLDER} tháng 12 năm 2016"]
    paras = {p.text: p for p in header.rows[0].cells[1].paragraphs}
    assert paras[nd30.QUOC_HIEU].runs[0].bold and paras[nd30.QUOC_HIEU].runs[0].font.size == Pt(13)
    assert paras[nd30.TIEU_NGU].runs[0].bold and paras[nd30.TIEU_NGU].runs[0].font.size == Pt(14)
    date_line = [p for p in header.rows[0].cells[1].paragraphs if p.text.startswith("Kiên")][0]
    assert all(r.italic for r in date_line.runs if r.text.strip())
    # Borderless table; rules under the issuing body and the motto are paragraph borders.
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    ruled = [p for cell in header.rows[0].cells for p in cell.paragraphs
             if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert len(ruled) == 2


def test_page_setup_and_fonts(built: Path) -> None:
    doc = Document(str(built))
    section = doc.sections[0]
    def mm(length) -> float:  # noqa: ANN001 - OOXML stores twips; compare to 0.1 mm
        return round(length.mm, 1)

    assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
    assert (mm(section.top_margin), mm(section.bottom_margin)) == (20, 20)
    assert (mm(section.left_margin), mm(section.right_margin)) == (30, 15)
    normal = doc.styles["Normal"]
    assert normal.font.name == nd30.FONT_NAME and normal.font.size == Pt(14)
    body = doc.styles["ND30 Noi dung"].paragraph_format
    assert body.alignment == 3  # justify
    assert abs(body.first_line_indent.cm - 1.27) < 0.01
    assert body.space_after == Pt(6)
    assert 1.0 <= body.line_spacing <= 1.5
    fonts = {el.get(qn("w:ascii")) for el in doc.element.iter(qn("w:rFonts"))}
    assert fonts <= {nd30.FONT_NAME, None}


def test_numbering_and_emphasis(built: Path) -> None:
    doc = Document(str(built))
    texts = [p.text for p in doc.paragraphs]
    headings = [t for t in texts if re.match(r"^[IVX]+\. ", t)]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NHIỆM VỤ VÀ GIẢI PHÁP", "III. TỔ CHỨC THỰC HIỆN"]
    letters = [t.split(")")[0] for t in texts if re.match(r"^[a-zđ]\) ", t)]
    assert "đ" in letters and "f" not in letters
    heading = next(p for p in doc.paragraphs if p.text.startswith("1. Nâng cao nhận thức"))
    assert all(r.bold for r in heading.runs)
    item = next(p for p in doc.paragraphs if p.text.startswith("a) Đa dạng hóa"))
    assert not any(r.bold for r in item.runs)
    assert item.style.name == "ND30 Noi dung"


def test_page_numbers_from_page_two(built: Path) -> None:
    doc = Document(str(built))
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    header_xml = section.header._element.xml
    assert "PAGE" in header_xml and 'w:val="center"' in header_xml
    assert "PAGE" not in section.first_page_header._element.xml


def test_closing_block(built: Path) -> None:
    doc = Document(str(built))
    closing = doc.tables[-1]
    left, right = closing.rows[0].cells
    label = left.paragraphs[0]
    assert label.text == "Nơi nhận:"
    assert label.runs[0].bold and label.runs[0].italic and label.runs[0].font.size == Pt(12)
    items = [p for p in left.paragraphs[1:] if p.text.strip()]
    assert all(p.runs[0].font.size == Pt(11) for p in items)
    assert items[-1].text == "- Lưu: VT, bntam."
    assert all(p.text.endswith(";") for p in items[:-1])
    signer = [p for p in right.paragraphs if p.text.strip()]
    assert [p.text for p in signer] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Phạm Vũ Hồng"]
    assert all(r.bold for p in signer for r in p.runs)
