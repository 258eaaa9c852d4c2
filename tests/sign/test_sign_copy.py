"""`gendoc copy`: SAO Y, SAO LỤC, TRÍCH SAO with the copying body's invisible signature and text
block; scans below 200 dpi refused. Scanned input is made here with Pillow (no LibreOffice)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from gendoc.cli import main
from tests.sign.certs import PASSWORD, Pki
from tests.sign.signfix import write_workspace
from tests.tools import requires


def scan_pdf(path: Path, dpi: int, *, pages: int = 1, mode: str = "RGB") -> Path:
    """An A4 'scan' at `dpi`: Pillow writes each page image at that resolution."""
    size = (round(210 / 25.4 * dpi), round(297 / 25.4 * dpi))
    images = []
    for number in range(pages):
        img = Image.new(mode, size, "white")
        ImageDraw.Draw(img).text((size[0] // 4, size[1] // 4), f"Trang {number + 1}", fill="black")
        images.append(img)
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


@pytest.fixture
def ws(tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("GENDOC_CERT_PASSWORD", PASSWORD)
    return write_workspace(tmp_path / "ws", pki)


def copy(ws: Path, pki: Pki, source: Path, *args: str):  # noqa: ANN201 - click Result
    return CliRunner().invoke(main, ["-w", str(ws), "copy", str(source), "--cert",
                                     str(pki.org_p12), *args])


def signature_text(pdf: Path, block: int = -1) -> str:
    """Text of one ND30 text block on page 1 (each is its own form XObject; default: the last)."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTFigure

    layout = next(extract_pages(str(pdf), page_numbers=[0]))
    figures = [[c for c in fig if isinstance(c, LTChar)] for fig in layout if isinstance(fig, LTFigure)]
    rows: dict[int, list[LTChar]] = {}
    for c in [f for f in figures if f][block]:
        rows.setdefault(round(c.y0), []).append(c)
    return "\n".join("".join(c.get_text() for c in sorted(r, key=lambda c: c.x0))
                     for _y, r in sorted(rows.items(), reverse=True))


@pytest.mark.parametrize("form", ["SAO Y", "SAO LỤC"])
def test_copy_of_a_300_dpi_scan_is_signed_with_the_text_block(ws: Path, pki: Pki, tmp_path: Path,
                                                              form: str) -> None:
    scan = scan_pdf(tmp_path / "quet.pdf", 300, pages=2)
    target = tmp_path / "ban-sao.pdf"
    result = copy(ws, pki, scan, "--form", form, "-o", str(target))
    assert result.exit_code == 0, result.output
    text = signature_text(target)
    assert text.splitlines()[:2] == [form, "Văn phòng Ủy ban nhân dân tỉnh Kiên Giang"]
    assert re.search(r"^Thời gian ký: \d\d/\d\d/\d{4} \d\d:\d\d:\d\d \+07:00$", text, re.M)
    reader = PdfFileReader(target.open("rb"), strict=False)
    assert len(reader.embedded_signatures) == 1 and int(reader.root["/Pages"]["/Count"]) == 2
    status = validate_pdf_signature(reader.embedded_signatures[0], ValidationContext(
        trust_roots=[_root(pki)]))
    assert status.intact and status.valid and status.trusted
    assert reader.input_version >= (1, 4)
    check = CliRunner().invoke(main, ["-w", str(ws), "check", str(target)])
    assert check.exit_code == 0, check.output
    assert "'BanSao' (cơ quan sao văn bản)" in check.output


def test_trich_sao_keeps_only_the_chosen_pages(ws: Path, pki: Pki, tmp_path: Path) -> None:
    scan = scan_pdf(tmp_path / "quet.pdf", 200, pages=4)
    target = tmp_path / "trich.pdf"
    result = copy(ws, pki, scan, "--form", "TRÍCH SAO", "--trang", "2-3", "-o", str(target))
    assert result.exit_code == 0, result.output
    from pdfminer.high_level import extract_text

    assert int(PdfFileReader(target.open("rb")).root["/Pages"]["/Count"]) == 2
    assert signature_text(target).startswith("TRÍCH SAO\n")
    assert extract_text(str(target)).count("Trang") == 0  # the page text is in the images only
    bad = copy(ws, pki, scan, "--form", "TRÍCH SAO", "-o", str(tmp_path / "x.pdf"))
    assert bad.exit_code == 1 and "--trang 1,3-4" in bad.output
    bad = copy(ws, pki, scan, "--form", "TRÍCH SAO", "--trang", "5", "-o", str(tmp_path / "x.pdf"))
    assert bad.exit_code == 1 and "tệp chỉ có 4 trang" in bad.output
    assert not (tmp_path / "x.pdf").exists()


def test_scan_below_200_dpi_is_refused(ws: Path, pki: Pki, tmp_path: Path) -> None:
    scan = scan_pdf(tmp_path / "mo.pdf", 150)
    target = tmp_path / "ban-sao.pdf"
    result = copy(ws, pki, scan, "--form", "SAO Y", "-o", str(target))
    assert result.exit_code == 1 and not target.exists()
    assert "trang 1: ảnh quét 150 dpi, thấp hơn 200 dpi" in result.output


def test_grey_scan_is_copied_with_a_warning(ws: Path, pki: Pki, tmp_path: Path) -> None:
    scan = scan_pdf(tmp_path / "xam.pdf", 240, mode="L")
    result = copy(ws, pki, scan, "--form", "SAO Y", "-o", str(tmp_path / "c.pdf"))
    assert result.exit_code == 0, result.output
    assert "không phải ảnh màu" in result.output


@requires("soffice")
def test_copy_of_a_signed_plan_flattens_the_original_signatures(
        ws: Path, pki: Pki, signed_plan: dict[str, Path], tmp_path: Path) -> None:
    target = tmp_path / "sao-y.pdf"
    result = copy(ws, pki, signed_plan["both"], "--form", "SAO Y", "-o", str(target))
    assert result.exit_code == 0, result.output
    reader = PdfFileReader(target.open("rb"), strict=False)
    assert [s.field_name for s in reader.embedded_signatures] == ["BanSao"]
    check = CliRunner().invoke(main, ["-w", str(ws), "check", str(target)])
    assert check.exit_code == 0, check.output
    assert "PDF/A-2B" in check.output


def test_copy_needs_the_copying_body(tmp_path: Path, pki: Pki, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENDOC_CERT_PASSWORD", PASSWORD)
    bare = write_workspace(tmp_path / "bare", None)
    scan = scan_pdf(tmp_path / "q.pdf", 200)
    result = copy(bare, pki, scan, "--form", "SAO Y")
    assert result.exit_code == 1 and "chưa có tên cơ quan sao văn bản" in result.output


def _root(pki: Pki):  # noqa: ANN202 - asn1crypto certificate
    from asn1crypto import pem, x509

    return x509.Certificate.load(pem.unarmor(pki.root_pem.read_bytes())[2])


def test_text_block_prints_content_literally(ws: Path, pki: Pki, tmp_path: Path) -> None:
    """`%`, `&`, `<` and braces are text, never format strings or markup."""
    scan = scan_pdf(tmp_path / "pl.pdf", 200)
    tricky = "12/KH-UBND %(ts)s %s & <b>{x}</b>"
    result = CliRunner().invoke(main, ["-w", str(ws), "sign", str(scan), "--cert", str(pki.org_p12),
                                       "--as", "co-quan", "--phu-luc", "--so-ky-hieu", tricky])
    assert result.exit_code == 0, result.output
    assert signature_text(scan).splitlines()[0] == f"Số: {tricky}"
    body = "Sở 100% & <Nội vụ>"
    target = tmp_path / "c.pdf"
    result = copy(ws, pki, scan, "--form", "SAO LỤC", "--co-quan-sao", body, "-o", str(target))
    assert result.exit_code == 0, result.output
    assert signature_text(target).splitlines()[:2] == ["SAO LỤC", body]
    assert signature_text(target, 0).splitlines()[0] == f"Số: {tricky}"  # kept, beside the new one
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTFigure

    boxes = [f.bbox for f in next(extract_pages(str(target), page_numbers=[0]))
             if isinstance(f, LTFigure) and f.width < 300]
    assert len(boxes) == 2 and boxes[1][2] < boxes[0][0]  # side by side, not overlapping
