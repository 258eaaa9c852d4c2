"""`gendoc sign`: PAdES signatures placed as Phụ lục I says, validated with pyHanko; positions
are checked against poppler's own reading of the text (pdftotext -bbox), not gendoc's."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from gendoc.cli import main
from tests.sign.certs import PASSWORD, Pki
from tests.sign.images import opaque_jpeg
from tests.sign.signfix import PLAN_PDF, SEAL_MM, write_workspace
from tests.tools import requires

pytestmark = requires("soffice", "pdftotext", "pdfinfo")

MM = 72 / 25.4


def words(pdf: Path, page: int) -> list[tuple[str, float, float, float, float]]:
    """(word, xMin, yMin, xMax, yMax) in PDF points from the page top, as poppler reads them."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          capture_output=True, text=True, check=True).stdout
    root = ElementTree.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", html).replace(
        'xmlns="http://www.w3.org/1999/xhtml"', ""))
    return [(w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in root.iter("word")]


def widget_rects(pdf: Path) -> dict[str, tuple[float, ...]]:
    reader = PdfFileReader(pdf.open("rb"), strict=False)
    out = {}
    for field in reader.root["/AcroForm"]["/Fields"]:
        field = field.get_object()
        out[str(field["/T"])] = tuple(float(v) for v in field["/Rect"])
    return out


def statuses(pdf: Path, roots: list[Path]) -> dict[str, object]:
    from asn1crypto import pem, x509

    certs = [x509.Certificate.load(pem.unarmor(p.read_bytes())[2]) for p in roots]
    reader = PdfFileReader(pdf.open("rb"), strict=False)
    return {s.field_name: validate_pdf_signature(s, ValidationContext(trust_roots=certs))
            for s in reader.embedded_signatures}


def test_both_signatures_validate_and_keep_pdfa(signed_plan: dict[str, Path], pki: Pki) -> None:
    both = statuses(signed_plan["both"], [pki.root_pem])
    assert set(both) == {"NguoiKy", "CoQuan"}
    for status in both.values():
        assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert both["NguoiKy"].signing_cert.subject.native["common_name"] == "Phạm Vũ Hồng"
    # Incremental updates: the built PDF's bytes are the start of the signed file, unchanged.
    original = signed_plan["source"].read_bytes()
    assert signed_plan["both"].read_bytes().startswith(original)
    meta = subprocess.run(["pdfinfo", "-meta", str(signed_plan["both"])], capture_output=True,
                          text=True, check=True).stdout
    # pyHanko rewrites the XMP packet (producer, modification date) and keeps the claim.
    assert re.search(r'pdfaid:part(="2"|>2<)', meta) and re.search(r'pdfaid:conformance(="B"|>B<)', meta)
    version = re.search(r"^PDF version:\s+(\S+)", subprocess.run(
        ["pdfinfo", str(signed_plan["both"])], capture_output=True, text=True).stdout, re.M).group(1)
    assert version.startswith("1.")  # PDF/A-2 is PDF 1.x: RSA signatures add no PDF 2.0 feature


def test_signing_time_is_vietnam_time(signed_plan: dict[str, Path]) -> None:
    reader = PdfFileReader(signed_plan["both"].open("rb"), strict=False)
    for sig in reader.embedded_signatures:
        raw = str(sig.sig_object["/M"])
        assert raw.endswith("+07'00'") or raw.endswith("+07'00"), raw
        assert sig.self_reported_timestamp.utcoffset().total_seconds() == 7 * 3600


def test_signer_image_between_title_and_name_seal_over_left_third(signed_plan: dict[str, Path]) -> None:
    page_h = 841.89
    ws = words(signed_plan["both"], 5)
    title = [w for w in ws if w[0] in ("CHỦ", "TỊCH")]
    name = [w for w in ws if w[0] in ("Phạm", "Vũ", "Hồng")]
    title_bottom = page_h - max(w[4] for w in title)  # PDF y of the title line's bottom
    name_top = page_h - min(w[2] for w in name)
    name_center = (min(w[1] for w in name) + max(w[3] for w in name)) / 2
    rects = widget_rects(signed_plan["both"])
    x0, y0, x1, y1 = rects["NguoiKy"]
    assert name_top <= y0 < y1 <= title_bottom  # between the chức vụ and họ tên lines
    assert abs((x0 + x1) / 2 - name_center) < 3  # centred on the block
    assert y1 - y0 > 0.6 * (title_bottom - name_top)  # uses the room it has
    sx0, sy0, sx1, sy1 = rects["CoQuan"]
    assert abs((sx1 - sx0) - SEAL_MM * MM) < 0.1 and abs((sy1 - sy0) - SEAL_MM * MM) < 0.1
    assert abs(sx1 - (x0 + (x1 - x0) / 3)) < 0.5  # the seal's right edge at a third of the image
    assert y0 <= (sy0 + sy1) / 2 <= y1


def test_annex_gets_invisible_signature_and_tnr10_text_top_right(
        built_ws: Path, pki: Pki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTChar, LTFigure

    monkeypatch.setenv("GENDOC_CERT_PASSWORD", PASSWORD)
    annex = tmp_path / "phu-luc.pdf"
    shutil.copy2(built_ws / PLAN_PDF, annex)
    result = CliRunner().invoke(main, ["-w", str(built_ws), "sign", str(annex), "--cert",
                                       str(pki.org_p12), "--as", "co-quan", "--phu-luc",
                                       "--so-ky-hieu", "125/KH-UBND"])
    assert result.exit_code == 0, result.output
    rect = widget_rects(annex)["CoQuanPhuLuc"]
    assert rect[2] - rect[0] == 0 and rect[3] - rect[1] == 0  # invisible
    layout = next(extract_pages(str(annex), page_numbers=[0]))
    chars = [c for fig in layout if isinstance(fig, LTFigure) for c in fig if isinstance(c, LTChar)]
    text = "".join(c.get_text() for c in chars)
    assert "Số: 125/KH-UBND" in text
    assert re.search(r"Thời gian ký: \d\d/\d\d/\d{4} \d\d:\d\d:\d\d \+07:00", text)
    assert {round(c.size, 1) for c in chars} == {10.0}
    assert all("LiberationSerif" in c.fontname or "Times" in c.fontname for c in chars)
    assert all(c.graphicstate.ncolor in (0, (0, 0, 0), [0, 0, 0]) for c in chars)  # black
    assert min(c.x0 for c in chars) > layout.width / 2  # right half
    assert layout.height - max(c.y1 for c in chars) < 20 * MM  # inside the top margin
    assert layout.width - max(c.x1 for c in chars) >= 14 * MM  # not beyond the right margin
    check = CliRunner().invoke(main, ["-w", str(built_ws), "check", str(annex)])
    assert check.exit_code == 0, check.output
    assert "thông tin chữ ký số ở góc trên, bên phải trang đầu, Times New Roman cỡ 10." in check.output


def test_check_lists_signatures_and_placement(signed_plan: dict[str, Path], built_ws: Path) -> None:
    result = CliRunner().invoke(main, ["-w", str(built_ws), "check", str(signed_plan["both"])])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "người ký «Phạm Vũ Hồng», tổ chức «Ủy ban nhân dân tỉnh Kiên Giang», thời gian 20" in out
    assert re.search(r"thời gian \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", out)
    assert out.count("nguyên vẹn, hợp lệ, chứng thư được tin cậy.") == 2
    assert "hình chữ ký nằm giữa «CHỦ TỊCH» và «Phạm Vũ Hồng», canh giữa." in out
    assert f"hình dấu {SEAL_MM:.1f} mm trùm lên khoảng 1/3 bên trái hình chữ ký." in out


def test_untrusted_root_is_a_warning_not_a_pass(signed_plan: dict[str, Path], pki: Pki,
                                               tmp_path: Path) -> None:
    ws = write_workspace(tmp_path / "ws", pki, roots=[pki.other_root_pem])
    result = CliRunner().invoke(main, ["-w", str(ws), "check", "--strict", str(signed_plan["both"])])
    assert result.exit_code == 1
    assert result.output.count("chứng thư số không được tin cậy") == 2


def test_tampered_pdf_is_an_error(signed_plan: dict[str, Path], built_ws: Path, tmp_path: Path) -> None:
    data = bytearray(signed_plan["both"].read_bytes())
    # Change one letter of the title in the XMP packet, inside the first signature's byte range
    # (an uncompressed stream, so the file stays parseable).
    at = data.index("<rdf:li xml:lang=\"x-default\">Triển khai".encode())
    assert at < data.index(b"/ByteRange")
    data[at + len(b'<rdf:li xml:lang="x-default">')] ^= 0x01  # T → U
    bad = tmp_path / "sua.pdf"
    bad.write_bytes(bytes(data))
    result = CliRunner().invoke(main, ["-w", str(built_ws), "check", str(bad)])
    assert result.exit_code == 1, result.output
    assert "nội dung được ký đã bị thay đổi" in result.output


def test_content_added_after_signing_is_an_error(signed_plan: dict[str, Path], built_ws: Path,
                                                 tmp_path: Path) -> None:
    """An incremental update that draws on the page leaves every byte signed intact — and is
    still a changed document."""
    import io

    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.stamp import TextStamp, TextStampStyle

    writer = IncrementalPdfFileWriter(io.BytesIO(signed_plan["both"].read_bytes()))
    TextStamp(writer, TextStampStyle(stamp_text="Sửa số liệu", border_width=0), {}).apply(0, 100, 400)
    bad = tmp_path / "them.pdf"
    with bad.open("wb") as fh:
        writer.write(fh)
    result = CliRunner().invoke(main, ["-w", str(built_ws), "check", str(bad)])
    assert result.exit_code == 1, result.output
    assert result.output.count("nội dung đã bị sửa sau khi ký") == 2


def test_wrong_password_and_wrong_file_are_clear_messages(
        built_ws: Path, pki: Pki, pngs: dict[str, Path], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out.pdf"
    args = ["-w", str(built_ws), "sign", str(built_ws / PLAN_PDF), "--image", str(pngs["sig"]),
            "-o", str(target)]
    monkeypatch.setenv("GENDOC_CERT_PASSWORD", "sai-mat-khau")
    result = CliRunner().invoke(main, [*args, "--cert", str(pki.person_p12)])
    assert result.exit_code == 1 and not target.exists()
    assert "mật khẩu của tệp chứng thư số" in result.output and "không đúng" in result.output
    assert "Traceback" not in result.output
    monkeypatch.delenv("GENDOC_CERT_PASSWORD")
    prompted = CliRunner().invoke(main, [*args, "--cert", str(pki.person_p12)], input="sai\n")
    assert prompted.exit_code == 1 and "Mật khẩu tệp chứng thư số" in prompted.output
    assert "không đúng" in prompted.output
    result = CliRunner().invoke(main, [*args, "--cert", str(pngs["sig"])], input="x\n")
    assert result.exit_code == 1 and "không phải tệp chứng thư số PKCS#12" in result.output


def test_refusals_name_what_to_do(built_ws: Path, pki: Pki, pngs: dict[str, Path],
                                  signed_plan: dict[str, Path], tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENDOC_CERT_PASSWORD", PASSWORD)
    plan = built_ws / PLAN_PDF
    out = tmp_path / "o.pdf"

    def run(*args: str) -> str:
        result = CliRunner().invoke(main, ["-w", str(built_ws), "sign", *args, "-o", str(out)])
        assert result.exit_code == 1 and not out.exists(), result.output
        return result.output

    jpeg = opaque_jpeg(tmp_path / "chu-ky.jpg")
    assert "phải là tệp PNG nền trong suốt" in run(str(plan), "--cert", str(pki.person_p12),
                                                   "--image", str(jpeg))
    assert "thiếu ảnh chữ ký" in run(str(plan), "--cert", str(pki.person_p12))
    assert "chưa có chữ ký của người có thẩm quyền" in run(
        str(plan), "--cert", str(pki.org_p12), "--as", "co-quan", "--image", str(pngs["seal"]))
    assert "đã có chữ ký của người có thẩm quyền" in run(
        str(signed_plan["signer"]), "--cert", str(pki.person_p12), "--image", str(pngs["sig"]))
    assert "chưa biết số và ký hiệu văn bản" in run(
        str(plan), "--cert", str(pki.org_p12), "--as", "co-quan", "--phu-luc")
    bare = write_workspace(tmp_path / "bare", None)
    result = CliRunner().invoke(main, ["-w", str(bare), "sign", str(signed_plan["signer"]), "--cert",
                                       str(pki.org_p12), "--as", "co-quan", "--image",
                                       str(pngs["seal"]), "-o", str(out)])
    assert result.exit_code == 1 and "duong_kinh_dau_mm" in result.output
