"""Sign-area fixtures: a test PKI, PNG images, and the example plan built to PDF/A by LibreOffice
once per worker (then signed once as the signer and once as the organisation).
Tests that change a file work on their own copy."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

from certs import PASSWORD, Pki, make_pki  # noqa: E402
from images import seal_png, signature_png  # noqa: E402

REPO = HERE.parent.parent
PLAN = "content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml"
PLAN_PDF = "output/ke-hoach/ubnd-tinh-bdg-2016-2020.pdf"
SEAL_MM = 36


@pytest.fixture(scope="session")
def pki(tmp_path_factory: pytest.TempPathFactory) -> Pki:
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="session")
def pngs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("png")
    return {"sig": signature_png(folder / "chu-ky.png"), "seal": seal_png(folder / "dau.png")}


def write_workspace(ws: Path, pki: Pki | None, roots: list[Path] | None = None) -> Path:
    """The example workspace with a `ky_so` section (seal size, trusted roots)."""
    ws.mkdir(parents=True, exist_ok=True)
    config = (REPO / "gendoc.yaml").read_text(encoding="utf-8")
    if pki is not None:
        roots = roots if roots is not None else [pki.root_pem]
        listed = "".join(f"\n    - {p}" for p in roots)
        config += (f"\nky_so:\n  duong_kinh_dau_mm: {SEAL_MM}\n  chung_thu_goc:{listed}\n"
                   "  ten_co_quan_sao: Văn phòng Ủy ban nhân dân tỉnh Kiên Giang\n")
    (ws / "gendoc.yaml").write_text(config, encoding="utf-8")
    if not (ws / "content").exists():
        shutil.copytree(REPO / "content", ws / "content")
    return ws


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
