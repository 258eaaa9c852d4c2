"""The register records the signed PDF of an issued document; `register verify` re-checks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from gendoc.cli import main
from tests.sign.certs import PASSWORD, Pki
from tests.sign.signfix import PLAN, PLAN_PDF, write_workspace
from tests.tools import requires

pytestmark = requires("soffice")


def run(ws: Path, *args: str):  # noqa: ANN201 - click Result
    return CliRunner().invoke(main, ["-w", str(ws), *args])


def test_signed_pdf_is_recorded_and_verified(tmp_path: Path, pki: Pki, pngs: dict[str, Path],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GENDOC_CERT_PASSWORD", PASSWORD)
    ws = write_workspace(tmp_path / "ws", pki)
    pdf = ws / PLAN_PDF
    early = run(ws, "build", "--pdf", str(ws / PLAN))  # a PDF from before the number
    assert early.exit_code == 0, early.output
    early_pdf = pdf.read_bytes()
    issued = run(ws, "issue", str(ws / PLAN), "--date", "2016-12-20")
    assert issued.exit_code == 0, issued.output
    assert "Số: 01/KH-UBND" in issued.output and "Văn bản điện tử đã ký" not in issued.output
    assert not pdf.exists()  # the build's writer removed the PDF of the un-numbered text
    pdf.write_bytes(early_pdf)  # … which a clerk had kept a copy of
    stale = run(ws, "sign", str(pdf), "--cert", str(pki.person_p12), "--image", str(pngs["sig"]))
    assert stale.exit_code == 1
    assert "không phải bản PDF của văn bản số 01/KH-UBND" in stale.output
    assert "tệp chưa được ký" in stale.output and b"/ByteRange" not in pdf.read_bytes()
    assert "gendoc build --pdf" in stale.output

    assert run(ws, "build", "--pdf", str(ws / PLAN)).exit_code == 0
    signed = run(ws, "sign", str(pdf), "--cert", str(pki.person_p12), "--image", str(pngs["sig"]))
    assert signed.exit_code == 0, signed.output
    assert "Sổ đăng ký: văn bản số 01/KH-UBND ghi nhận tệp PDF đã ký " + PLAN_PDF in signed.output
    sealed = run(ws, "sign", str(pdf), "--cert", str(pki.org_p12), "--as", "co-quan",
                 "--image", str(pngs["seal"]))
    assert sealed.exit_code == 0 and "ghi nhận tệp PDF đã ký" in sealed.output, sealed.output
    ok = run(ws, "register", "verify")
    assert ok.exit_code == 0 and "tất cả khớp với sổ đăng ký" in ok.output, ok.output

    listed = run(ws, "register", "list")
    assert "01/KH-UBND" in listed.output

    with pdf.open("ab") as fh:  # anything appended after the last signature
        fh.write(b"\n% sua\n")
    bad = run(ws, "register", "verify")
    assert bad.exit_code == 1
    assert f"văn bản '{PLAN_PDF}' đã bị sửa sau khi ban hành" in bad.output
