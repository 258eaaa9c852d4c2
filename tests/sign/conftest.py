"""Sign-area fixtures: a test PKI, PNG images, and the example plan built to PDF/A by LibreOffice
once per worker (then signed once as the signer and once as the organisation).
Tests that change a file work on their own copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sign.certs import PASSWORD, Pki, make_pki
from tests.sign.images import seal_png, signature_png
from tests.sign.signfix import PLAN, PLAN_PDF, SEAL_MM, write_workspace


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def pngs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("png")
    return {"sig": signature_png(folder / "chu-ky.png"), "seal": seal_png(folder / "dau.png")}


@pytest.fixture(scope="session")
def built_ws(tmp_path_factory: pytest.TempPathFactory, pki: Pki) -> Path:
    """A workspace whose plan is built with `gendoc build --pdf` (real LibreOffice)."""
    from click.testing import CliRunner

    from gendoc.cli import main

    ws = write_workspace(tmp_path_factory.mktemp("ws") / "ws", pki)
    result = CliRunner().invoke(main, ["-w", str(ws), "build", "--pdf", str(ws / PLAN)])
    assert result.exit_code == 0, (result.output, repr(result.exception))
    return ws


@pytest.fixture(scope="session")
def signed_plan(built_ws: Path, pki: Pki, pngs: dict[str, Path],
                tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The plan signed by the signer (`signer.pdf`), then by the organisation (`both.pdf`)."""
    from gendoc.sign.credentials import load_pkcs12
    from gendoc.sign.signing import sign_as_org, sign_as_signer

    out = tmp_path_factory.mktemp("signed")
    source = built_ws / PLAN_PDF
    signer_pdf, both_pdf = out / "signer.pdf", out / "both.pdf"
    sign_as_signer(source, signer_pdf, load_pkcs12(pki.person_p12, PASSWORD), pngs["sig"])
    sign_as_org(signer_pdf, both_pdf, load_pkcs12(pki.org_p12, PASSWORD), pngs["seal"], SEAL_MM)
    return {"source": source, "signer": signer_pdf, "both": both_pdf}
