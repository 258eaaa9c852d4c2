"""Test PKI made with `cryptography`: a root CA, a person's certificate and an organisation's,
written as PKCS#12 files with a password (what a Vietnamese CA hands out, minus the token).
RSA 2048 like Vietnamese CAs' certificates (ECDSA would make pyHanko declare PDF 2.0, ISO 32002)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

PASSWORD = "mat-khau-123"


@dataclass
class Pki:
    root_pem: Path
    person_p12: Path
    org_p12: Path
    other_root_pem: Path


def _name(cn: str, org: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COUNTRY_NAME, "VN"),
                      x509.NameAttribute(NameOID.ORGANIZATION_NAME, org),
                      x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _cert(subject: x509.Name, issuer: x509.Name, key, signing_key, *, ca: bool) -> x509.Certificate:  # noqa: ANN001
    now = dt.datetime.now(dt.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(subject).issuer_name(issuer)
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - dt.timedelta(days=1)).not_valid_after(now + dt.timedelta(days=365))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if ca:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=False, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=True, crl_sign=True,
            encipher_only=False, decipher_only=False), critical=True)
    else:
        builder = builder.add_extension(x509.KeyUsage(
            digital_signature=True, content_commitment=True, key_encipherment=False,
            data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
            encipher_only=False, decipher_only=False), critical=True).add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.EMAIL_PROTECTION]), critical=False)
    return builder.sign(signing_key, hashes.SHA256())


def _root(cn: str) -> tuple[x509.Certificate, rsa.RSAPrivateKey]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = _name(cn, "Ban Cơ yếu Chính phủ (thử nghiệm)")
    return _cert(name, name, key, key, ca=True), key


def _p12(path: Path, cn: str, org: str, root: x509.Certificate, root_key) -> Path:  # noqa: ANN001
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = _cert(_name(cn, org), root.subject, key, root_key, ca=False)
    path.write_bytes(pkcs12.serialize_key_and_certificates(
        cn.encode(), key, cert, [root],
        serialization.BestAvailableEncryption(PASSWORD.encode())))
    return path


def make_pki(folder: Path) -> Pki:
    folder.mkdir(parents=True, exist_ok=True)
    root, root_key = _root("Root CA thử nghiệm")
    other, _ = _root("Root CA khác")
    (folder / "root.pem").write_bytes(root.public_bytes(serialization.Encoding.PEM))
    (folder / "other.pem").write_bytes(other.public_bytes(serialization.Encoding.PEM))
    org = "Ủy ban nhân dân tỉnh Kiên Giang"
    return Pki(root_pem=folder / "root.pem",
               person_p12=_p12(folder / "nguoi-ky.p12", "Phạm Vũ Hồng", org, root, root_key),
               org_p12=_p12(folder / "co-quan.p12", org, org, root, root_key),
               other_root_pem=folder / "other.pem")
