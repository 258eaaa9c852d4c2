"""`sign_pdf`: a PAdES signature placed as ND30 Phụ lục I says, as an incremental update.

An incremental update appends to the file and never rewrites what is there, so the PDF/A claim,
earlier signatures and the bytes they cover stay intact. Roles (the signature field's name tells
`gendoc check` which is which):
  nguoi-ky          visible: the signer's image between chức vụ and họ tên (field NguoiKy)
  co-quan           visible: the seal over the left third of the signer's image (field CoQuan)
  co-quan --phu-luc invisible, with the text block at the top right of page 1 (field CoQuanPhuLuc)
  copy (copying.py) invisible, with the copy's text block (field BanSao)
Times are Vietnam time (+07:00), the zone ND30 asks the text block to state.
"""

from __future__ import annotations

import asyncio
import io
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from pyhanko.pdf_utils.images import PdfImage
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers
from pyhanko.sign.fields import enumerate_sig_fields
from pyhanko.sign.signers.pdf_cms import PdfCMSSignedAttributes
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko.stamp import StaticStampStyle

from gendoc.sign.errors import VERBOSE_HINT, SignError
from gendoc.sign.pdffacts import open_reader, read_facts
from gendoc.sign.placement import Box, seal_box, signer_box
from gendoc.sign.stamps import add_text_block, signing_time_text
from gendoc.sign.textlayout import find_signature_block, read_pages, signature_text_lines
from gendoc.writer import atomic_write

VN_TZ = timezone(timedelta(hours=7), "+07:00")
FIELD_SIGNER, FIELD_ORG, FIELD_ANNEX, FIELD_COPY = "NguoiKy", "CoQuan", "CoQuanPhuLuc", "BanSao"
ROLE_LABELS = {FIELD_SIGNER: "người có thẩm quyền", FIELD_ORG: "cơ quan, tổ chức (dấu)",
               FIELD_ANNEX: "cơ quan, tổ chức (văn bản kèm theo)", FIELD_COPY: "cơ quan sao văn bản"}


@dataclass(frozen=True)
class SignOutcome:
    target: Path
    field: str
    page: int | None
    box: Box | None
    time: datetime


MAX_SIGN_PIXELS = 4_000_000  # a signature or seal scanned at 600 dpi is well under a megapixel


def now_vn() -> datetime:
    return datetime.now(VN_TZ).replace(microsecond=0)


def _png(image: Path, what: str) -> tuple[PdfImage, tuple[int, int]]:
    """The PNG as a pyHanko image; ND30 wants PNG with a transparent background."""
    # heavy: Pillow, only when a signature image is given
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(image) as probe:
            fmt, mode, size, info = probe.format, probe.mode, probe.size, dict(probe.info)
            if size[0] * size[1] > MAX_SIGN_PIXELS:  # before decoding: a bomb costs nothing
                raise SignError(f"ảnh {what} '{image}' có {size[0]}×{size[1]} điểm ảnh, vượt giới "
                                f"hạn {MAX_SIGN_PIXELS // 1_000_000} triệu — ảnh {what} chỉ cần "
                                "vài trăm điểm ảnh mỗi chiều; thu nhỏ rồi dùng lại (--image).")
            probe.load()
            pil = probe.copy()
    except Image.DecompressionBombError as exc:
        raise SignError(f"ảnh {what} '{image}' quá lớn (vượt giới hạn "
                        f"{MAX_SIGN_PIXELS // 1_000_000} triệu điểm ảnh) — thu nhỏ ảnh rồi dùng "
                        "lại (--image).") from exc
    except (OSError, UnidentifiedImageError, ValueError, SyntaxError) as exc:
        raise SignError(f"không đọc được ảnh {what} '{image}': tệp hỏng hoặc không phải ảnh PNG "
                        "— xuất lại ảnh dạng PNG nền trong suốt (--image)."
                        ) from exc
    if fmt != "PNG" or not (mode in ("RGBA", "LA", "PA") or "transparency" in info):
        raise SignError(f"ảnh {what} '{image}' phải là tệp PNG nền trong suốt (Phụ lục I ND30) "
                        f"— tệp đang là {fmt} {mode}; xuất lại ảnh dạng PNG có kênh trong suốt.")
    return PdfImage(pil.convert("RGBA")), size


def existing_fields(path: Path) -> dict[str, tuple[int | None, Box | None, bool]]:
    """Signature fields of a PDF: name → (page, widget box, signed?)."""
    reader = open_reader(path)
    page_refs = [reader.find_page_for_modification(i)[0].reference
                 for i in range(int(reader.root["/Pages"]["/Count"]))]
    out: dict[str, tuple[int | None, Box | None, bool]] = {}
    for name, value, ref in enumerate_sig_fields(reader, filled_status=None):
        field = ref.get_object()
        rect = field.get("/Rect")
        box = None
        if rect:
            values = [float(rect[i]) for i in range(4)]
            (x0, x1), (y0, y1) = sorted(values[0::2]), sorted(values[1::2])
            box = Box(x0, y0, x1, y1)
        page_ref = field.raw_get("/P").reference if "/P" in field else None
        page = next((i for i, r in enumerate(page_refs) if page_ref is not None and r == page_ref), None)
        if box is not None and (box.width <= 0 or box.height <= 0):
            box = None
        out[str(name)] = (page, box, value is not None)
    return out


def _sign(writer: IncrementalPdfFileWriter, signer: signers.Signer, field: str,
          box: Box | None, page: int, stamp_style, timestamp_url: str | None,  # noqa: ANN001
          when: datetime, reason: str) -> bytes:
    spec = fields.SigFieldSpec(sig_field_name=field, on_page=page,
                               box=box.as_tuple() if box else None)  # type: ignore[arg-type]
    meta = signers.PdfSignatureMetadata(field_name=field, subfilter=fields.SigSeedSubFilter.PADES,
                                        md_algorithm="sha256", reason=reason, location="Việt Nam")
    pdf_signer = signers.PdfSigner(meta, signer, stamp_style=stamp_style, new_field_spec=spec,
                                   timestamper=HTTPTimeStamper(timestamp_url) if timestamp_url else None)

    async def run() -> bytes:
        session = pdf_signer.init_signing_session(writer)
        session.system_time = when  # Vietnam time in /M and the CMS, not the machine's zone
        info = await session.perform_presign_validation(writer)
        reserved = await session.estimate_signature_container_size(info, tight=False)
        tbs = session.prepare_tbs_document(validation_info=info, bytes_reserved=reserved)
        digest, output = tbs.digest_tbs_document(in_place=False, chunk_size=4096, output=None)
        post = await tbs.perform_signature(
            document_digest=digest.document_digest,
            pdf_cms_signed_attrs=PdfCMSSignedAttributes(signing_time=when))
        await post.post_signature_processing(output, chunk_size=4096)
        output.seek(0)
        return output.read()

    try:
        return asyncio.run(run())
    except SignError:
        raise
    except Exception as exc:  # network (timestamp server), token and pyHanko errors
        if timestamp_url and "imestamp" in f"{type(exc).__name__}{exc}":
            raise SignError(f"không lấy được dấu thời gian từ máy chủ '{timestamp_url}' — "
                            "kiểm tra mạng hoặc bỏ mục ky_so.may_chu_dau_thoi_gian."
                            f"{VERBOSE_HINT}") from exc
        raise SignError(f"ký số không thành công.{VERBOSE_HINT}") from exc


def _writer(source: Path) -> IncrementalPdfFileWriter:
    try:
        return IncrementalPdfFileWriter(io.BytesIO(source.read_bytes()), strict=False)
    except Exception as exc:
        raise SignError(f"'{source}': tệp PDF bị hỏng, không ký được — xuất lại tệp PDF."
                        f"{VERBOSE_HINT}") from exc


def sign_as_signer(source: Path, target: Path, signer: signers.Signer, image: Path | None,
                   *, timestamp_url: str | None = None, root: Path | None = None) -> SignOutcome:
    """The signer's visible signature between chức vụ and họ tên (ô 7c)."""
    if FIELD_SIGNER in existing_fields(source):
        raise SignError(f"'{source}' đã có chữ ký của người có thẩm quyền — ký tiếp bằng --as co-quan.")
    if image is None:
        raise SignError("thiếu ảnh chữ ký (--image CHU-KY.png, màu xanh, nền trong suốt) — Phụ lục "
                        "I ND30 yêu cầu hiện hình chữ ký của người có thẩm quyền.")
    block = find_signature_block(source)
    picture, size = _png(image, "chữ ký")
    box = signer_box(block, size)
    style = StaticStampStyle(background=picture, border_width=0, background_opacity=1.0)
    when = now_vn()
    data = _sign(_writer(source), signer, FIELD_SIGNER, box, block.page, style, timestamp_url, when,
                 "Ký ban hành văn bản")
    atomic_write(target, data, root=root)
    return SignOutcome(target, FIELD_SIGNER, block.page, box, when)


def sign_as_org(source: Path, target: Path, signer: signers.Signer, image: Path | None,
                seal_diameter_mm: float | None, *, timestamp_url: str | None = None,
                root: Path | None = None) -> SignOutcome:
    """The seal at real size over the left third of the signer's image (ô 8a)."""
    found = existing_fields(source)
    if FIELD_ORG in found:
        raise SignError(f"'{source}' đã có chữ ký số của cơ quan, tổ chức.")
    page, signer_rect, signed = found.get(FIELD_SIGNER, (None, None, False))
    if not signed or signer_rect is None or page is None:
        raise SignError(f"'{source}' chưa có chữ ký của người có thẩm quyền: ký trước bằng "
                        "gendoc sign --as nguoi-ky; văn bản kèm theo tách tệp thì thêm --phu-luc.")
    if image is None:
        raise SignError("thiếu ảnh dấu (--image DAU.png, màu đỏ, nền trong suốt).")
    if seal_diameter_mm is None:
        raise SignError("chưa khai báo đường kính dấu — thêm vào gendoc.yaml mục ky_so: "
                        "duong_kinh_dau_mm: 36 (đo đường kính ngoài của con dấu, đơn vị mm).")
    picture, _size = _png(image, "dấu")
    box = seal_box(signer_rect, seal_diameter_mm)
    style = StaticStampStyle(background=picture, border_width=0, background_opacity=1.0)
    when = now_vn()
    data = _sign(_writer(source), signer, FIELD_ORG, box, page, style, timestamp_url, when,
                 "Ký số của cơ quan, tổ chức")
    atomic_write(target, data, root=root)
    return SignOutcome(target, FIELD_ORG, page, box, when)


def sign_invisible_with_text(source: Path, target: Path, signer: signers.Signer, field: str,
                             lines: list[str], *, reason: str, timestamp_url: str | None = None,
                             root: Path | None = None) -> SignOutcome:
    """Invisible signature plus the ND30 text block (TNR 10) at the top right of page 1.

    The text is drawn and signed in the same revision, so the signature covers it.
    """
    if field in existing_fields(source):
        raise SignError(f"'{source}' đã được ký ({ROLE_LABELS[field]}).")
    when = now_vn()
    writer = _writer(source)
    box = add_text_block(writer, [*lines, signing_time_text(when)], right=_free_right_edge(source))
    data = _sign(writer, signer, field, None, 0, None, timestamp_url, when, reason)
    atomic_write(target, data, root=root)
    return SignOutcome(target, field, 0, box, when)


def _free_right_edge(source: Path) -> float | None:
    """Left edge (minus a gap) of an earlier ND30 text block at the top right of page 1 — an
    annex or a copy being copied again — so the new block sits beside it, not on top of it."""
    pages = read_pages(source, [0])
    earlier = signature_text_lines(pages[0]) if pages else []
    return min(ln.x0 for ln in earlier) - 12 if earlier else None


def annex_lines(source: Path, number: str | None) -> list[str]:
    """`Số: 12/KH-UBND` from --so-ky-hieu, else from the PDF's subject (set by gendoc build)."""
    if number:
        number = number.strip()
        return [number if number.lower().startswith("số") else f"Số: {number}"]
    subject = read_facts(source).subject.strip()
    if subject.startswith("Số:") and not subject[3:].strip().startswith("/"):
        return [subject]
    raise SignError(f"'{source}': chưa biết số và ký hiệu văn bản để in trên phụ lục — ghi bằng "
                    "--so-ky-hieu 12/KH-UBND (hoặc cấp số bằng gendoc issue rồi dựng lại PDF).")
