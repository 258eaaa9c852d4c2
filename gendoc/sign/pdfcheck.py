"""`gendoc check FILE.pdf`: what the PDF is and what its signatures are worth, as findings.

Reported: PDF version (ND30 electronic copies need ≥ 1.4), the PDF/A claim, metadata, fonts not
embedded, page size (A4), text margins measured from the text itself (page numbers excluded),
then every signature (see `gendoc.sign.verify`). A PDF changed after signing is an error.
"""

from __future__ import annotations

from pathlib import Path

from gendoc import nd30
from gendoc.check.model import CANH_BAO, LOI, THONG_TIN, Finding, Report
from gendoc.sign.pdffacts import MM_PER_PT, PdfFacts, read_facts
from gendoc.sign.settings import SignSettings
from gendoc.sign.textlayout import PageText, read_pages, signature_text_lines

A4_TOLERANCE_MM = 1.0
MARGIN_TOLERANCE_MM = 1.0


def _facts_findings(facts: PdfFacts) -> list[Finding]:
    out = [Finding("pdf.version", THONG_TIN, "Toàn tệp", f"PDF phiên bản {facts.version}.")]
    if tuple(int(x) for x in facts.version.split(".")) < nd30.COPY_MIN_PDF_VERSION:
        out.append(Finding("pdf.version", LOI, "Toàn tệp",
                           f"PDF {facts.version} cũ hơn 1.4 mà Phụ lục I ND30 yêu cầu — xuất lại "
                           "bằng gendoc build --pdf."))
    if facts.pdfa:
        out.append(Finding("pdf.pdfa", THONG_TIN, "Toàn tệp", f"Tệp khai báo chuẩn PDF/A-{facts.pdfa}."))
    else:
        out.append(Finding("pdf.pdfa", CANH_BAO, "Toàn tệp",
                           "Tệp không khai báo chuẩn PDF/A (lưu trữ lâu dài) — xuất bằng "
                           "gendoc build --pdf để có PDF/A-2b."))
    meta = f"tiêu đề «{facts.title or '—'}», tác giả «{facts.author or '—'}», chủ đề «{facts.subject or '—'}»"
    out.append(Finding("pdf.metadata", THONG_TIN, "Thuộc tính tệp", meta + "."))
    missing = [f.name for f in facts.fonts if not f.embedded]
    embedded = [f.name.split("+", 1)[-1] for f in facts.fonts if f.embedded]
    out.append(Finding("pdf.fonts", THONG_TIN, "Phông chữ",
                       "Đã nhúng: " + (", ".join(embedded) or "không có") + "."))
    if missing:
        out.append(Finding("pdf.fonts", LOI, "Phông chữ",
                           f"Phông chưa nhúng vào tệp: {', '.join(missing)} — máy khác sẽ hiện sai "
                           "chữ; xuất lại bằng gendoc build --pdf."))
    for number, page in enumerate(facts.pages, 1):
        a4 = (abs(page.width_mm - nd30.PAGE_WIDTH_MM) <= A4_TOLERANCE_MM
              and abs(page.height_mm - nd30.PAGE_HEIGHT_MM) <= A4_TOLERANCE_MM)
        if not a4:
            out.append(Finding("pdf.page_size", CANH_BAO, f"Trang {number}",
                               f"khổ {page.width_mm:.0f} × {page.height_mm:.0f} mm, không phải A4 "
                               "(210 × 297 mm) như ND30 quy định."))
    sizes = {(round(p.width_mm), round(p.height_mm)) for p in facts.pages}
    shown = ", ".join(f"{w} × {h} mm" for w, h in sorted(sizes))
    out.append(Finding("pdf.page_size", THONG_TIN, "Toàn tệp", f"{len(facts.pages)} trang, khổ {shown}."))
    return out


def measured_margins(page: PageText) -> dict[str, float] | None:
    """Distance (mm) from each page edge to the nearest text, page-number lines excluded."""
    # Page numbers sit in the header; the ND30 text block of an invisible signature (TNR 10 at
    # the top right of page 1) is meant to be in the top margin.
    blocks = signature_text_lines(page)
    body = [ln for ln in page.lines if not ln.text.isdigit() and ln not in blocks]
    if not body:
        return None
    return {"top": (page.height - max(ln.y1 for ln in body)) * MM_PER_PT,
            "bottom": min(ln.y0 for ln in body) * MM_PER_PT,
            "left": min(ln.x0 for ln in body) * MM_PER_PT,
            "right": (page.width - max(ln.x1 for ln in body)) * MM_PER_PT}


_MARGIN_RULES = {"top": ("trên", nd30.MARGIN_TOP_MM), "bottom": ("dưới", nd30.MARGIN_BOTTOM_MM),
                 "left": ("trái", nd30.MARGIN_LEFT_MM), "right": ("phải", nd30.MARGIN_RIGHT_MM)}


def _margin_findings(pages: list[PageText]) -> list[Finding]:
    out: list[Finding] = []
    smallest: dict[str, float] = {}
    for page in pages:
        margins = measured_margins(page)
        if margins is None:
            continue
        for side, value in margins.items():
            smallest[side] = min(value, smallest.get(side, value))
            label, rng = _MARGIN_RULES[side]
            if value + MARGIN_TOLERANCE_MM < rng.low:
                out.append(Finding("pdf.margins", CANH_BAO, f"Trang {page.index + 1}",
                                   f"chữ cách mép {label} {value:.1f} mm, ít hơn lề {label} tối thiểu "
                                   f"{rng.low:g} mm của ND30."))
    if smallest:
        shown = ", ".join(f"{_MARGIN_RULES[s][0]} {v:.1f}" for s, v in smallest.items())
        out.append(Finding("pdf.margins", THONG_TIN, "Toàn tệp",
                           f"Khoảng cách nhỏ nhất từ chữ tới mép trang (mm): {shown}."))
    return out


def check_pdf(path: Path, settings: SignSettings | None = None) -> Report:
    """Every finding for one PDF. Raises SignError when the file cannot be read as a PDF."""
    # heavy: certificate validation, only when a PDF carries signatures
    from gendoc.sign.verify import signature_findings

    path = Path(path)
    facts = read_facts(path)
    pages = read_pages(path)
    findings = _facts_findings(facts) + _margin_findings(pages)
    findings += signature_findings(path, settings or SignSettings(), pages)
    return Report(path=str(path), findings=findings)
