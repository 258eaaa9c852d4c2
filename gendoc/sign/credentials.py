"""Signing keys as pyHanko signers: a PKCS#12 file (.p12/.pfx) or a PKCS#11 token (USB token).

The password comes from GENDOC_CERT_PASSWORD or a prompt (never from a command-line option, which
would end up in the shell history); a wrong password is a Vietnamese message, not a traceback.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign.signers import Signer, SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from gendoc.sign.errors import VERBOSE_HINT, SignError

PASSWORD_ENV = "GENDOC_CERT_PASSWORD"


def password_from_env_or(prompt: Callable[[], str]) -> str:
    value = os.environ.get(PASSWORD_ENV)
    return value if value is not None else prompt()


def load_pkcs12(path: Path, password: str) -> Signer:
    """A signer from a PKCS#12 file; wrong password or wrong file → SignError in Vietnamese."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise SignError(f"không đọc được tệp chứng thư số '{path}' ({exc.strerror or exc}).") from exc
    try:
        asn1_pkcs12.Pfx.load(data).native  # noqa: B018 - parses the whole structure
    except Exception as exc:
        raise SignError(f"'{path}' không phải tệp chứng thư số PKCS#12 (.p12, .pfx) — xuất lại "
                        "chứng thư kèm khóa bí mật từ phần mềm của nhà cung cấp.") from exc
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(data, password.encode("utf-8"))
    except ValueError as exc:
        raise SignError(f"mật khẩu của tệp chứng thư số '{path}' không đúng — nhập lại (hoặc đặt "
                        f"đúng biến môi trường {PASSWORD_ENV}).") from exc
    if key is None or cert is None:
        raise SignError(f"tệp '{path}' không chứa khóa bí mật và chứng thư của người ký — xuất lại "
                        "tệp .p12 có kèm khóa bí mật.")
    key_der = key.private_bytes(serialization.Encoding.DER, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    others = [asn1_x509.Certificate.load(c.public_bytes(serialization.Encoding.DER)) for c in extra]
    return SimpleSigner(
        signing_cert=asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs(others))


def open_pkcs11(lib: Path, pin: str, *, token_label: str | None, key_label: str | None):  # noqa: ANN201
    """(session, signer) for a PKCS#11 token; the caller closes the session when done.

    Needs python-pkcs11 (pip install 'pyhanko[pkcs11]'). Vietnamese CA tokens ship their PKCS#11
    library (a .so / .dll, e.g. from the token's driver package).
    """
    try:
        # PKCS#11 support: only with a hardware token
        from pyhanko.config.pkcs11 import TokenCriteria
        from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session
    except ImportError as exc:
        raise SignError("chưa cài thư viện ký bằng USB token — cài: pip install "
                        "'pyhanko[pkcs11]'.") from exc
    if not Path(lib).is_file():
        raise SignError(f"không tìm thấy thư viện PKCS#11 '{lib}' của USB token — cài trình "
                        "điều khiển token của nhà cung cấp và chỉ đúng đường dẫn tệp .so/.dll.")
    try:
        criteria = TokenCriteria(label=token_label) if token_label else None
        session = open_pkcs11_session(str(lib), token_criteria=criteria, user_pin=pin)
    except Exception as exc:  # python-pkcs11 raises many types (PinIncorrect, NoSuchToken …)
        name = type(exc).__name__
        if "Pin" in name:
            raise SignError("mã PIN của USB token không đúng — nhập lại (token có thể bị khóa "
                            "sau vài lần nhập sai).") from exc
        raise SignError(f"không mở được USB token ({name}) — cắm token, kiểm tra "
                        f"--token-label.{VERBOSE_HINT}") from exc
    signer = PKCS11Signer(session, key_label=key_label, cert_label=key_label)
    return session, signer
