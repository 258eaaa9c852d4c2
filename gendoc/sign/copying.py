"""Electronic copies (ND30 Phụ lục I Phần II.I): SAO Y, SAO LỤC, TRÍCH SAO of a PDF.

The copy is a new PDF (≥ 1.4, the original's pages — TRÍCH SAO: the chosen pages only) whose
signatures of the original are flattened into plain page content: they are shown as they were
but no longer claim to sign the copy. It then gets the copying organisation's invisible signature
and the text block «hình thức sao, tên cơ quan sao, thời gian ký» (TNR 10, top right of page 1).
A scan must be in colour, at least 200 dpi: scans below 200 dpi are refused (page and dpi named),
grey-scale scans are warned about. Page editing uses pikepdf (qpdf).
"""

from __future__ import annotations

import io
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from pdfminer.high_level import extract_pages
from pdfminer.layout import LTFigure, LTImage
from pyhanko.sign.signers import Signer

from gendoc import nd30
from gendoc.sign.errors import VERBOSE_HINT, SignError
from gendoc.sign.signing import FIELD_COPY, SignOutcome, sign_invisible_with_text

MIN_DPI = nd30.COPY_MIN_DPI
SCAN_COVERAGE = 0.5  # an image covering half a page or more makes the page a scan
FORMS = nd30.COPY_FORMS


@dataclass(frozen=True)
class ScanImage:
    page: int  # 0-based
    dpi: float
    colour: bool


@dataclass
class CopyOutcome:
    signed: SignOutcome
    warnings: list[str] = field(default_factory=list)

    @property
    def target(self) -> Path:
        return self.signed.target

    @property
    def time(self):  # noqa: ANN201 - datetime
        return self.signed.time


def scan_images(path: Path) -> list[ScanImage]:
    """Page-sized images (scans) with their effective resolution."""
    def images(container):  # noqa: ANN001, ANN202 - pdfminer layout objects
        for element in container:
            if isinstance(element, LTImage):
                yield element
            elif isinstance(element, LTFigure):
                yield from images(element)

    out = []
    try:
        for index, layout in enumerate(extract_pages(str(path))):
            page_area = layout.width * layout.height
            for image in images(layout):
                w_pt, h_pt = image.width, image.height
                if w_pt * h_pt < SCAN_COVERAGE * page_area or not image.srcsize[0]:
                    continue
                dpi = min(image.srcsize[0] / (w_pt / 72), image.srcsize[1] / (h_pt / 72))
                space = " ".join(str(getattr(c, "name", c)) for c in image.colorspace or [])
                colour = "Gray" not in space and image.bits != 1
                out.append(ScanImage(index, dpi, colour))
    except Exception as exc:
        raise SignError(f"'{path}': không đọc được tệp PDF — xuất lại tệp PDF.{VERBOSE_HINT}") from exc
    return out


def parse_pages(spec: str | None, count: int) -> list[int]:
    """`1,3-4` → [0, 2, 3]; every page when None."""
    if spec is None:
        return list(range(count))
    pages: list[int] = []
    for part in spec.split(","):
        m = re.fullmatch(r"\s*(\d+)\s*(?:-\s*(\d+)\s*)?", part)
        if not m:
            raise SignError(f"--trang '{spec}' không đúng dạng — ví dụ 1,3-4.")
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))
        if not 1 <= first <= last <= count:
            raise SignError(f"--trang '{spec}': tệp chỉ có {count} trang.")
        pages.extend(p - 1 for p in range(first, last + 1) if p - 1 not in pages)
    return pages


def _copy_pages(source: Path, pages: str | None, form: str) -> bytes:
    """The original's pages (flattened signatures, no form fields) as a new PDF."""
    # heavy: pikepdf, only when pages are copied
    import pikepdf

    try:
        pdf = pikepdf.open(io.BytesIO(source.read_bytes()))
    except pikepdf.PdfError as exc:
        raise SignError(f"'{source}': tệp PDF bị hỏng — xuất lại tệp PDF.{VERBOSE_HINT}") from exc
    with pdf:
        if form != "TRÍCH SAO" and pages:
            raise SignError("--trang chỉ dùng cho TRÍCH SAO (SAO Y, SAO LỤC sao toàn văn bản).")
        if form == "TRÍCH SAO" and not pages:
            raise SignError("TRÍCH SAO cần chỉ các trang được trích: --trang 1,3-4.")
        keep = parse_pages(pages, len(pdf.pages))
        pdf.flatten_annotations(mode="all")  # old signatures: shown, no longer signing anything
        for page in pdf.pages:  # what flattening leaves: invisible signature widgets
            if "/Annots" in page:
                page.Annots = pikepdf.Array([a for a in page.Annots if a.get("/Subtype") != "/Widget"])
        if "/AcroForm" in pdf.Root:
            del pdf.Root["/AcroForm"]
        for index in reversed(range(len(pdf.pages))):
            if index not in keep:
                del pdf.pages[index]
        buf = io.BytesIO()
        pdf.save(buf, min_version="1.4", fix_metadata_version=False)
        return buf.getvalue()


def make_copy(source: Path, target: Path, signer: Signer, *, form: str, body: str,
              pages: str | None = None, timestamp_url: str | None = None,
              root: Path | None = None) -> CopyOutcome:
    if form not in FORMS:
        raise SignError(f"hình thức sao '{form}' không có — chọn: {', '.join(FORMS)}.")
    warnings = []
    for scan in scan_images(source):
        if scan.dpi + 0.5 < MIN_DPI:
            raise SignError(f"'{source}' trang {scan.page + 1}: ảnh quét {scan.dpi:.0f} dpi, thấp "
                            f"hơn {MIN_DPI} dpi Phụ lục I ND30 yêu cầu — quét lại ở {MIN_DPI} dpi "
                            "trở lên, ảnh màu, tỷ lệ 100%.")
        if not scan.colour:
            warnings.append(f"trang {scan.page + 1}: ảnh quét không phải ảnh màu (Phụ lục I yêu "
                            "cầu ảnh màu) — nên quét lại ở chế độ màu.")
    with tempfile.TemporaryDirectory(prefix="gendoc-copy-") as work:
        staged = Path(work) / "copy.pdf"
        staged.write_bytes(_copy_pages(source, pages, form))
        signed = sign_invisible_with_text(staged, target, signer, FIELD_COPY,
                                          [form, " ".join(body.split())],
                                          reason=f"{form} văn bản điện tử",
                                          timestamp_url=timestamp_url, root=root)
    return CopyOutcome(signed, warnings)
