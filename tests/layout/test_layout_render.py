"""What prints, checked on the printed page: documents rendered by the real LibreOffice, read back
from the PDF, and held to the layout rules.

- A family of plans and reports whose closing falls at every position of a page (made by
  putting k one-line paragraphs before the body: everything below, headings and the signature
  block included, moves down k lines; the family sweeps a whole page and more).
- The attendance list with rosters of every size from 20 to 40 participants.
- Every ND30 document of the example, with the rule lengths measured on page 1 (and under each
  annex's «(Kèm theo …)»).

Each test converts its documents in ONE LibreOffice run (LibreOffice's start-up dominates).
Requires LibreOffice and poppler-utils (installed by .ci/run): absent, the tests fail rather than
skip, so a CI machine without them cannot pass silently.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from gendoc.build import build
from gendoc.check.layout import check_pages, closing_span, content, render_pdfs
from gendoc.check.marks import read_mark
from gendoc.check.pdfpages import Page, read_pdf
from gendoc.workspace import load_workspace

LINE_STEP = 3  # one-line paragraphs added per variant: ~23 mm of the 257 mm text height
STEPS = 12  # 12 × 3 lines ≈ 36 lines: more than one page


def need_libreoffice() -> None:
    if shutil.which("soffice") is None or shutil.which("pdftoppm") is None:
        pytest.fail("LibreOffice and poppler-utils are required (installed by .ci/run)")


def render(docx: list[Path]) -> dict[Path, list[Page]]:
    made, work = render_pdfs(docx)
    try:
        assert set(made) == set(docx), "LibreOffice did not convert every file"
        return {src: read_pdf(pdf) for src, pdf in made.items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def findings(pages: list[Page]) -> list[str]:
    return [f"{f.rule} {f.location}: {f.message}" for f in check_pages(pages).findings]


def _variants(ws: Path, source: str, folder: str) -> None:
    yaml = YAML()
    data = yaml.load((ws / source).read_text(encoding="utf-8"))
    opening = data["mo_dau"]
    (ws / "content" / folder).mkdir(parents=True)
    for step in range(STEPS):
        k = step * LINE_STEP
        data["mo_dau"] = [f"Nội dung bổ sung thứ {i + 1} để dời trang." for i in range(k)] + [str(opening)]
        with open(ws / "content" / folder / f"k{k:02d}.yaml", "w", encoding="utf-8") as fh:
            yaml.dump(data, fh)


def test_the_closing_at_every_position_of_a_page(example_ws: Path) -> None:
    need_libreoffice()
    _variants(example_ws, "content/ke-hoach/so-y-te-bdg-2016-2020.yaml", "ho-ke-hoach")
    _variants(example_ws, "content/bao-cao/2017/so-y-te.yaml", "ho-bao-cao")
    ws = load_workspace(example_ws)
    report = build(ws, [example_ws / "content/ho-ke-hoach", example_ws / "content/ho-bao-cao"])
    assert report.ok, [e.format_message() for _, e in report.failures]
    docx = [p for r in report.results for p in r.outputs if p.suffix == ".docx"]
    assert len(docx) == 2 * STEPS
    pages = render(docx)
    for family in ("ho-ke-hoach", "ho-bao-cao"):
        tops = []
        for src in sorted(p for p in docx if p.parent.name == family):
            doc = pages[src]
            assert findings(doc) == [], src.name
            index, top = closing_span(doc)
            above = [ln for ln in content(doc[index]) if ln.top < top - 1.5]
            assert above, f"{src.name}: the signature block starts page {index + 1}"
            tops.append((index, top))
        # the family really moved the closing over a whole page, across a page break
        on_page = [top for _, top in tops]
        assert min(on_page) < 110 and max(on_page) > 200, tops
        assert len({index for index, _ in tops}) >= 2, tops
    # the plan's assignment annex starts its own page after the signature
    plan = pages[next(p for p in docx if p.parent.name == "ho-ke-hoach")]
    index, _ = closing_span(plan)
    assert content(plan[index + 1])[0].stripped == "Phụ lục"


def test_the_attendance_list_never_leaves_the_signer_alone(example_ws: Path) -> None:
    need_libreoffice()
    from gendoc.document import load_document
    from gendoc.docx_render import to_bytes
    from gendoc.training import attendance
    from gendoc.training.roster import read_roster

    ws = load_workspace(example_ws)
    doc = load_document(ws, example_ws / "content/tap-huan/lop-nu-lanh-dao-2017.yaml")
    lop = doc.data.lop_hoc
    roster = read_roster(example_ws / "content/tap-huan/_du-lieu/hoc-vien.xlsx",
                         [u.ten for u in lop.don_vi]).hoc_vien
    out = example_ws / "danh-sach"
    out.mkdir()
    files = []
    for size in range(20, len(roster) + 1, 2):
        path = out / f"n{size:02d}.docx"
        path.write_bytes(to_bytes(attendance.build(ws, doc.data, roster[:size])))
        files.append(path)
    pages = render(files)
    last_pages = set()
    for path in files:
        doc_pages = pages[path]
        assert findings(doc_pages) == [], path.name
        last = content(doc_pages[-1])
        signer = next(i for i, ln in enumerate(last) if ln.stripped == "NGƯỜI LẬP DANH SÁCH")
        # participants' rows (a number in the TT column) print on the signer's page
        assert any(re.match(r"\d+(\s|$)", ln.stripped) and ln.left < 45 for ln in last[:signer]), path.name
        last_pages.add(len(doc_pages))
    assert len(last_pages) >= 2  # the sizes cross a page break


def _rule_below(page: Page, lines: list, gap: float = 9.0):  # noqa: ANN001, ANN202
    bottom = max(ln.bottom for ln in lines)
    left, right = min(ln.left for ln in lines), max(ln.right for ln in lines)
    middle = (left + right) / 2
    near = [r for r in page.rules if bottom - 1 <= r.y <= bottom + gap and left - 5 <= r.centre <= right + 5]
    return min(near, key=lambda r: (r.y, abs(r.centre - middle)), default=None)


def measure_header(page: Page) -> tuple[float, float, float]:
    """(rule under the issuing body ÷ its longest line, its centre offset in mm, rule under the
    Tiêu ngữ ÷ the motto) measured on the printed page 1."""
    motto = next(ln for ln in page.lines if ln.stripped.startswith("Độc lập"))
    so = next(ln for ln in page.lines if ln.stripped.startswith("Số:"))
    names = [ln for ln in page.lines if ln.bold and ln.right < motto.left and ln.top < so.top
             and ln.top > page.lines[0].top]
    rule = _rule_below(page, names)
    motto_rule = _rule_below(page, [motto])
    assert rule is not None and motto_rule is not None
    width = max(ln.right - ln.left for ln in names)
    centre = (min(ln.left for ln in names) + max(ln.right for ln in names)) / 2
    return rule.length / width, rule.centre - centre, motto_rule.length / (motto.right - motto.left)


def test_every_nd30_document_of_the_example_prints_right(example_ws: Path) -> None:
    need_libreoffice()
    ws = load_workspace(example_ws)
    report = build(ws)
    assert report.ok, [e.format_message() for _, e in report.failures]
    docx = sorted({p for r in report.results for p in r.outputs if p.suffix == ".docx"
                   and read_mark(p) is not None and read_mark(p).nd30
                   and "giay-moi" not in p.parent.name})  # one invitation stands for the ten
    docx += sorted((example_ws / "output/tap-huan/lop-nu-lanh-dao-2017/giay-moi").glob("*.docx"))[:1]
    assert len(docx) >= 20
    pages = render(docx)
    ratios = []
    for src in docx:
        doc = pages[src]
        assert findings(doc) == [], src.name
        co_quan, offset, motto = measure_header(doc[0])
        ratios.append((src.name, round(co_quan, 2), round(motto, 2)))
        assert 1 / 3 <= co_quan <= 1 / 2, (src.name, co_quan)
        assert abs(offset) <= 1.0, (src.name, offset)
        assert abs(motto - 1) <= 0.05, (src.name, motto)
        for page in doc:
            notes = [ln for ln in content(page)[:6] if ln.stripped.startswith("(Kèm theo")]
            if content(page) and content(page)[0].stripped.startswith("Phụ lục") and notes:
                index = content(page).index(notes[0])
                note_lines = [notes[0], *[ln for ln in content(page)[index + 1:index + 3]
                                          if ln.top - notes[0].top < 15 and not ln.bold]]
                rule = _rule_below(page, note_lines)
                assert rule is not None, (src.name, page.number)
                longest = max(ln.right - ln.left for ln in note_lines)
                assert 1 / 3 <= rule.length / longest <= 1 / 2, (src.name, page.number)
    print("rule ratios (issuing body, motto):", ratios)


def test_check_layout_on_the_command_line(example_ws: Path, cli) -> None:  # noqa: ANN001
    need_libreoffice()
    from docx import Document

    plan = example_ws / "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
    built = cli("build", "--check", "--pdf", str(plan), ws=example_ws)
    assert built.exit_code == 0, built.output + built.stderr
    pdf = example_ws / "output/ke-hoach/so-y-te-bdg-2016-2020.pdf"
    good = cli("check", "--layout", str(pdf))
    assert good.exit_code == 0 and "ĐẠT — 0 lỗi" in good.output

    # a clerk adds a page break after the signature: a blank page at the end
    doc = Document(str(pdf.with_suffix(".docx")))
    doc.add_paragraph().paragraph_format.page_break_before = True
    broken = example_ws / "sua-tay.docx"
    doc.save(str(broken))
    bad = cli("check", "--layout", str(broken))
    assert bad.exit_code == 1
    assert "layout.blank_page" in bad.output and "Trang " in bad.output
