"""`gendoc build --pdf` makes PDF/A-2b with the document's metadata; `gendoc check FILE.pdf`
reports version, PDF/A claim, fonts, page size and margins (checked against poppler's reading)."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import docx
from click.testing import CliRunner

from gendoc.cli import main
from tests.sign.signfix import PLAN_PDF, write_workspace
from tests.tools import requires

pytestmark = requires("soffice", "pdfinfo", "pdffonts")

TRICH_YEU = ("Triển khai thực hiện biện pháp bảo đảm bình đẳng giới đối với nữ cán bộ, công chức, "
             "viên chức tỉnh Kiên Giang giai đoạn 2016-2020")


def pdfinfo(pdf: Path, *args: str) -> str:
    return subprocess.run(["pdfinfo", *args, str(pdf)], capture_output=True, text=True,
                          check=True).stdout


def test_built_pdf_is_pdfa2b_with_the_documents_metadata(built_ws: Path) -> None:
    pdf = built_ws / PLAN_PDF
    xmp = pdfinfo(pdf, "-meta")
    assert re.search(r"<pdfaid:part>2</pdfaid:part>", xmp)
    assert re.search(r"<pdfaid:conformance>B</pdfaid:conformance>", xmp)
    assert TRICH_YEU in xmp  # dc:title in the XMP packet, as PDF/A requires
    info = pdfinfo(pdf)
    assert re.search(r"^Title:\s+" + re.escape(TRICH_YEU) + "$", info, re.M)
    assert re.search(r"^Author:\s+Ủy ban nhân dân tỉnh Kiên Giang$", info, re.M)
    assert re.search(r"^Subject:\s+Số: /KH-UBND$", info, re.M)  # no number allocated yet
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
    assert rows and all(row[-5] == "yes" for row in rows), fonts  # the "emb" column


def test_docx_core_properties_carry_title_author_subject(built_ws: Path) -> None:
    props = docx.Document(str(built_ws / PLAN_PDF.replace(".pdf", ".docx"))).core_properties
    assert (props.title, props.author, props.subject) == (
        TRICH_YEU, "Ủy ban nhân dân tỉnh Kiên Giang", "Số: /KH-UBND")


def test_check_pdf_reports_version_pdfa_fonts_page_size_margins(built_ws: Path) -> None:
    result = CliRunner().invoke(main, ["-w", str(built_ws), "check", str(built_ws / PLAN_PDF)])
    assert result.exit_code == 0, result.output
    out = result.output
    version = re.search(r"^PDF version:\s+(\S+)", pdfinfo(built_ws / PLAN_PDF), re.M).group(1)
    assert f"PDF phiên bản {version}." in out
    assert "Tệp khai báo chuẩn PDF/A-2B." in out
    assert "Đã nhúng: LiberationSerif" in out or "Đã nhúng: TimesNewRoman" in out
    assert "5 trang, khổ 210 × 297 mm." in out
    margins = re.search(r"trên (\d+\.\d), dưới (\d+\.\d), trái (\d+\.\d), phải (\d+\.\d)", out)
    top, _bottom, left, right = (float(v) for v in margins.groups())
    assert 19 <= top <= 21 and 29.5 <= left <= 31 and 14.5 <= right <= 16  # gendoc.yaml: 20/30/15
    assert "Tệp chưa có chữ ký số." in out


def test_check_pdf_flags_unembedded_fonts_and_missing_pdfa(tmp_path: Path) -> None:
    """A PDF written with a standard, non-embedded font (pyHanko's default Courier) and no XMP."""
    from pyhanko.pdf_utils.writer import PdfFileWriter
    from pyhanko.stamp import TextStamp, TextStampStyle

    writer = PdfFileWriter()
    writer.insert_page(_blank_page(writer))
    TextStamp(writer, TextStampStyle(stamp_text="Plain text", border_width=0), {}).apply(0, 100, 700)
    pdf = tmp_path / "plain.pdf"
    with pdf.open("wb") as fh:
        writer.write(fh)
    result = CliRunner().invoke(main, ["check", str(pdf)])
    assert result.exit_code == 1, result.output
    assert "Tệp không khai báo chuẩn PDF/A" in result.output
    assert re.search(r"\[lỗi\] pdf\.fonts — Phông chữ: Phông chưa nhúng vào tệp: Courier", result.output)


def _blank_page(writer):  # noqa: ANN001, ANN202 - pyHanko objects
    from pyhanko.pdf_utils import generic

    return generic.DictionaryObject({
        generic.pdf_name("/Type"): generic.pdf_name("/Page"),
        generic.pdf_name("/MediaBox"): generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 595, 842)]),
        generic.pdf_name("/Resources"): generic.DictionaryObject(),
        generic.pdf_name("/Contents"): writer.add_object(generic.StreamObject(stream_data=b"")),
    })


def test_check_refuses_a_file_that_is_not_a_pdf(tmp_path: Path) -> None:
    fake = tmp_path / "gia.pdf"
    fake.write_text("không phải PDF", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(fake)])
    assert result.exit_code == 2
    assert "không phải tệp PDF" in result.output


def test_workspace_ky_so_section_errors_name_the_field(tmp_path: Path) -> None:
    ws = write_workspace(tmp_path / "ws", None)
    with (ws / "gendoc.yaml").open("a", encoding="utf-8") as fh:
        fh.write("\nky_so:\n  duong_kinh_dau_mm: 300\n  chung_thu_goc: [khong-co.pem]\n")
    (ws / "a.pdf").write_bytes(b"%PDF-1.4\n")
    result = CliRunner().invoke(main, ["-w", str(ws), "check", str(ws / "a.pdf")])
    assert result.exit_code == 1
    assert "ky_so.duong_kinh_dau_mm" in result.output and "'300'" in result.output
    assert "không tìm thấy tệp chứng thư gốc 'khong-co.pem'" in result.output
