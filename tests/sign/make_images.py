"""Page images of a signed plan for a person to look at (docs/img/ky-so-*.png).

    python tests/sign/make_images.py

Builds the example plan to PDF/A with LibreOffice, signs it with the test PKI and images (signer,
then seal), signs a copy as a separate annex and makes a SAO Y copy, then renders pages with
pdftoppm at 110 dpi. Needs soffice and pdftoppm.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE), str(HERE.parent), str(HERE.parent.parent)]

from click.testing import CliRunner  # noqa: E402

from gendoc.cli import main  # noqa: E402
from tests.sign.certs import PASSWORD, make_pki  # noqa: E402
from tests.sign.images import seal_png, signature_png  # noqa: E402
from tests.sign.signfix import PLAN, PLAN_PDF, write_workspace  # noqa: E402

OUT = HERE.parent.parent / "docs" / "img"


def render(pdf: Path, page: int, name: str, crop: tuple[int, int, int, int] | None = None) -> None:
    args = ["pdftoppm", "-png", "-r", "110", "-f", str(page), "-l", str(page), "-singlefile"]
    if crop:
        args += ["-x", str(crop[0]), "-y", str(crop[1]), "-W", str(crop[2]), "-H", str(crop[3])]
    subprocess.run([*args, str(pdf), str(OUT / name)], check=True)


def invoke(ws: Path, *args: str) -> None:
    result = CliRunner().invoke(main, ["-w", str(ws), *args], env={"GENDOC_CERT_PASSWORD": PASSWORD})
    if result.exit_code != 0:
        raise SystemExit(result.output)
    print(result.output.strip())


def main_() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pki = make_pki(work / "pki")
        ws = write_workspace(work / "ws", pki)
        sig, seal = signature_png(work / "chu-ky.png"), seal_png(work / "dau.png")
        invoke(ws, "build", "--pdf", str(ws / PLAN))
        pdf = ws / PLAN_PDF
        annex = work / "phu-luc.pdf"
        shutil.copy2(pdf, annex)
        invoke(ws, "sign", str(pdf), "--cert", str(pki.person_p12), "--image", str(sig))
        invoke(ws, "sign", str(pdf), "--cert", str(pki.org_p12), "--as", "co-quan", "--image", str(seal))
        invoke(ws, "sign", str(annex), "--cert", str(pki.org_p12), "--as", "co-quan", "--phu-luc",
               "--so-ky-hieu", "125/KH-UBND")
        copy = work / "sao-y.pdf"
        invoke(ws, "copy", str(pdf), "--cert", str(pki.org_p12), "--form", "SAO Y", "-o", str(copy))
        render(pdf, 5, "ky-so-ke-hoach-trang-5")
        render(pdf, 5, "ky-so-khoi-chu-ky", crop=(480, 270, 460, 250))
        render(annex, 1, "ky-so-phu-luc-goc-phai", crop=(380, 0, 530, 170))
        render(copy, 1, "ky-so-sao-y-goc-phai", crop=(380, 0, 530, 170))


if __name__ == "__main__":
    main_()
