"""`gendoc sign --pkcs11-lib`: signing with a key that never leaves a token — SoftHSM
(Debian softhsm2) stands in for the USB tokens Vietnamese officials hold their keys on."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from gendoc.cli import main
from tests.sign.certs import PASSWORD
from tests.sign.signfix import write_workspace
from tests.sign.test_sign_copy import scan_pdf
from tests.tools import requires

SOFTHSM_LIB = next((p for p in ("/usr/lib/softhsm/libsofthsm2.so",
                                "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
                                "/usr/local/lib/softhsm/libsofthsm2.so") if os.path.exists(p)), "")
PIN, SO_PIN, TOKEN, LABEL = "123456", "654321", "gendoc-test", "nguoi-ky"

pytestmark = [requires("softhsm2-util"), pytest.mark.skipif(not SOFTHSM_LIB, reason="no libsofthsm2")]


@pytest.fixture
def token(tmp_path: Path, pki, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: ANN001
    """A SoftHSM token holding the organisation's key and certificate (from the test PKCS#12)."""
    pkcs11 = pytest.importorskip("pkcs11", reason="pip install 'pyhanko[pkcs11]'")
    (tmp_path / "tokens").mkdir()
    conf = tmp_path / "softhsm2.conf"
    conf.write_text(f"directories.tokendir = {tmp_path / 'tokens'}\nobjectstore.backend = file\n")
    monkeypatch.setenv("SOFTHSM2_CONF", str(conf))
    subprocess.run(["softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--pin", PIN,
                    "--so-pin", SO_PIN], check=True, capture_output=True)
    key, cert, _ = pkcs12.load_key_and_certificates(pki.org_p12.read_bytes(), PASSWORD.encode())
    pem = tmp_path / "key.pem"
    pem.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption()))
    subprocess.run(["softhsm2-util", "--import", str(pem), "--token", TOKEN, "--label", LABEL,
                    "--id", "01", "--pin", PIN], check=True, capture_output=True)
    pem.unlink()
    from pkcs11 import Attribute, CertificateType, ObjectClass

    lib = pkcs11.lib(SOFTHSM_LIB)
    with lib.get_token(token_label=TOKEN).open(rw=True, user_pin=PIN) as session:
        session.create_object({
            Attribute.CLASS: ObjectClass.CERTIFICATE, Attribute.CERTIFICATE_TYPE: CertificateType.X_509,
            Attribute.TOKEN: True, Attribute.LABEL: LABEL, Attribute.ID: b"\x01",
            Attribute.SUBJECT: cert.subject.public_bytes(),
            Attribute.VALUE: cert.public_bytes(serialization.Encoding.DER)})
    return tmp_path


def test_sign_annex_with_a_token(token: Path, pki, tmp_path: Path,  # noqa: ANN001
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    ws = write_workspace(tmp_path / "ws", pki)
    pdf = scan_pdf(tmp_path / "phu-luc.pdf", 200)
    args = ["-w", str(ws), "sign", str(pdf), "--pkcs11-lib", SOFTHSM_LIB, "--token-label", TOKEN,
            "--key-label", LABEL, "--as", "co-quan", "--phu-luc", "--so-ky-hieu", "7/KH-UBND"]
    monkeypatch.setenv("GENDOC_CERT_PASSWORD", "000000")
    wrong = CliRunner().invoke(main, args)
    assert wrong.exit_code == 1 and "mã PIN của USB token không đúng" in wrong.output, wrong.output
    monkeypatch.setenv("GENDOC_CERT_PASSWORD", PIN)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    sig = PdfFileReader(pdf.open("rb"), strict=False).embedded_signatures[0]
    status = validate_pdf_signature(sig, ValidationContext(trust_roots=[]))
    assert status.intact and status.valid
    assert status.signing_cert.subject.native["common_name"] == "Ủy ban nhân dân tỉnh Kiên Giang"
