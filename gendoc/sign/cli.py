"""`gendoc sign` and `gendoc copy` (thin: parse options, get the key, call the core, print).

`gendoc check FILE.pdf` goes through `check_pdf_path` (called by gendoc/check/cli.py).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from gendoc import nd30
from gendoc.sign.errors import SignError

if TYPE_CHECKING:  # pyHanko costs ~1 s to import: only commands that sign load it
    from pyhanko.sign.signers import Signer

ROLES = ("nguoi-ky", "co-quan")


def _settings(ctx: click.Context | None = None):  # noqa: ANN202 - SignSettings
    from gendoc.sign.settings import workspace_settings

    ctx = ctx or click.get_current_context(silent=True)
    root = ctx.find_root() if ctx else None
    return workspace_settings((root.obj or {}).get("workspace") if root else None)


def check_pdf_path(path: Path):  # noqa: ANN201 - gendoc.check.model.Report
    """Report for one PDF; a file that is not a readable PDF → UnusableInputError (exit 2)."""
    from gendoc.exceptions import UnusableInputError
    from gendoc.sign.pdfcheck import check_pdf

    try:
        return check_pdf(path, _settings())
    except SignError as exc:
        raise UnusableInputError(exc.message) from exc


@contextlib.contextmanager
def signer_from(cert: Path | None, pkcs11_lib: Path | None, token_label: str | None,
                key_label: str | None) -> Iterator[Signer]:
    """The pyHanko signer for --cert (PKCS#12) or --pkcs11-lib (token); closes the token after."""
    from gendoc.sign.credentials import PASSWORD_ENV, load_pkcs12, open_pkcs11, password_from_env_or

    if (cert is None) == (pkcs11_lib is None):
        raise SignError("chỉ một nguồn khóa ký: --cert TỆP.p12 (chứng thư dạng tệp) hoặc "
                        "--pkcs11-lib THƯ_VIỆN (USB token).")
    if cert is not None:
        secret = password_from_env_or(lambda: click.prompt(
            f"Mật khẩu tệp chứng thư số {cert.name} (hoặc đặt biến {PASSWORD_ENV})",
            hide_input=True, err=True))
        yield load_pkcs12(cert, secret)
        return
    assert pkcs11_lib is not None
    pin = password_from_env_or(lambda: click.prompt(
        f"Mã PIN của USB token (hoặc đặt biến {PASSWORD_ENV})", hide_input=True, err=True))
    session, signer = open_pkcs11(pkcs11_lib, pin, token_label=token_label, key_label=key_label)
    try:
        yield signer
    finally:
        session.close()


_key_options = [
    click.option("--cert", type=click.Path(dir_okay=False, path_type=Path),
                 help="Tệp chứng thư số kèm khóa bí mật (.p12, .pfx). Mật khẩu: biến môi trường "
                      "GENDOC_CERT_PASSWORD hoặc nhập khi được hỏi."),
    click.option("--pkcs11-lib", type=click.Path(dir_okay=False, path_type=Path),
                 help="Ký bằng USB token: đường dẫn thư viện PKCS#11 của token (.so, .dll)."),
    click.option("--token-label", help="Nhãn token (khi cắm nhiều token)."),
    click.option("--key-label", help="Nhãn khóa/chứng thư trên token."),
    click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                 help="Tệp kết quả (mặc định: ghi thêm chữ ký vào chính tệp đầu vào)."),
]


def _with_key_options(func):  # noqa: ANN001, ANN202 - click decorator plumbing
    for option in reversed(_key_options):
        func = option(func)
    return func


@click.command(name="sign")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_with_key_options
@click.option("--as", "role", type=click.Choice(ROLES), default="nguoi-ky", show_default=True,
              help="nguoi-ky: hình chữ ký giữa chức vụ và họ tên; co-quan: hình dấu trùm 1/3 "
                   "bên trái chữ ký.")
@click.option("--image", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Ảnh PNG nền trong suốt: chữ ký (màu xanh) hoặc dấu (màu đỏ).")
@click.option("--phu-luc", "annex", is_flag=True,
              help="Văn bản kèm theo tách tệp: chữ ký số cơ quan không hiển thị, in số, ký hiệu "
                   "và thời gian ký ở góc trên bên phải trang đầu.")
@click.option("--so-ky-hieu", metavar="SỐ/KÝ-HIỆU",
              help="Số và ký hiệu văn bản in trên phụ lục (mặc định: lấy từ thuộc tính PDF).")
@click.option("--tsa", metavar="URL", help="Máy chủ dấu thời gian RFC 3161 (ghi đè gendoc.yaml).")
@click.pass_context
def sign_cmd(ctx: click.Context, file: Path, cert: Path | None, pkcs11_lib: Path | None,
             token_label: str | None, key_label: str | None, output: Path | None, role: str,
             image: Path | None, annex: bool, so_ky_hieu: str | None, tsa: str | None) -> None:
    """Ký số tệp PDF theo Phụ lục I Nghị định 30/2020/NĐ-CP (chữ ký PAdES, giữ chuẩn PDF/A).

    Vị trí hình chữ ký, hình dấu được tính từ chính chữ trong PDF (dòng chức vụ, họ tên của
    khối chữ ký). Thời gian ký theo giờ Việt Nam (+07:00). Kiểm tra lại: gendoc check TỆP.pdf
    """
    from gendoc.sign import signing

    settings = _settings(ctx)
    target = output or file
    tsa = tsa or settings.timestamp_url
    if annex and role != "co-quan":
        raise SignError("--phu-luc dùng với --as co-quan (văn thư ký số của cơ quan lên văn bản kèm theo).")
    ws = _workspace_or_none(ctx)
    if ws is not None:
        from gendoc.sign.registry import check_number

        check_number(ws, file, target)
    with signer_from(cert, pkcs11_lib, token_label, key_label) as signer:
        if annex:
            lines = signing.annex_lines(file, so_ky_hieu)
            outcome = signing.sign_invisible_with_text(file, target, signer, signing.FIELD_ANNEX,
                                                       lines, reason="Ký số văn bản kèm theo",
                                                       timestamp_url=tsa)
        elif role == "co-quan":
            outcome = signing.sign_as_org(file, target, signer, image, settings.seal_diameter_mm,
                                          timestamp_url=tsa)
        else:
            outcome = signing.sign_as_signer(file, target, signer, image, timestamp_url=tsa)
    where = f"trang {outcome.page + 1}" if outcome.page is not None else ""
    click.echo(f"Đã ký ({signing.ROLE_LABELS[outcome.field]}, {where}, "
               f"{outcome.time.isoformat()}): {outcome.target}")
    if ws is not None:
        _record(ws, outcome.target)


def _workspace_or_none(ctx: click.Context):  # noqa: ANN202 - Workspace | None
    from gendoc.exceptions import ConfigError
    from gendoc.workspace import load_workspace

    try:
        return load_workspace((ctx.find_root().obj or {}).get("workspace"))
    except ConfigError:
        return None


def _record(ws, pdf: Path) -> None:  # noqa: ANN001 - Workspace
    """Put the signed PDF's hash in the outgoing register when the document was issued there."""
    from gendoc.sign.registry import record_signed_pdf

    entry = record_signed_pdf(ws, pdf)
    if entry is not None:
        click.echo(f"Sổ đăng ký: văn bản số {entry.full_symbol} ghi nhận tệp PDF đã ký "
                   f"{entry.output_path} (mã băm SHA-256 {entry.output_sha256[:12]}…).")


@click.command(name="copy")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_with_key_options
@click.option("--form", "form", required=True, type=click.Choice(list(nd30.COPY_FORMS)),
              help="Hình thức sao.")
@click.option("--co-quan-sao", "body", help="Tên cơ quan, tổ chức sao văn bản (mặc định: "
              "ky_so.ten_co_quan_sao trong gendoc.yaml).")
@click.option("--trang", "pages", metavar="1,3-4", help="TRÍCH SAO: các trang được trích.")
@click.pass_context
def copy_cmd(ctx: click.Context, file: Path, cert: Path | None, pkcs11_lib: Path | None,
             token_label: str | None, key_label: str | None, output: Path | None, form: str,
             body: str | None, pages: str | None) -> None:
    """Làm bản sao điện tử (SAO Y, SAO LỤC, TRÍCH SAO) của tệp PDF theo Phụ lục I ND30.

    Bản sao là PDF có chữ ký số không hiển thị của cơ quan sao; góc trên bên phải trang đầu in
    hình thức sao, tên cơ quan sao và thời gian ký. Bản quét dưới 200 dpi bị từ chối.
    """
    from gendoc.sign.copying import make_copy

    settings = _settings(ctx)
    body = body or settings.copying_body
    if not body:
        raise SignError("chưa có tên cơ quan sao văn bản — ghi --co-quan-sao \"Văn phòng UBND tỉnh\" "
                        "hoặc mục ky_so.ten_co_quan_sao trong gendoc.yaml.")
    target = output or file.with_name(f"{file.stem}-{_slug(form)}.pdf")
    with signer_from(cert, pkcs11_lib, token_label, key_label) as signer:
        outcome = make_copy(file, target, signer, form=form, body=body, pages=pages,
                            timestamp_url=settings.timestamp_url)
    for warning in outcome.warnings:
        click.secho(f"  ! {file}: cảnh báo: {warning}", fg="yellow", err=True)
    click.echo(f"Đã làm bản {form.lower()} ({outcome.time.isoformat()}): {outcome.target}")


def _slug(form: str) -> str:
    return {"SAO Y": "sao-y", "SAO LỤC": "sao-luc", "TRÍCH SAO": "trich-sao"}[form]
