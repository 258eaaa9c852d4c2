"""Signatures of a PDF: who signed, when, whether the bytes are intact, the signature
cryptographically valid, the certificate trusted (against the roots in gendoc.yaml), the file
unchanged since (beyond adding later signatures), and whether each sits where ND30 puts it.
"""

from __future__ import annotations

import io
import logging
from dataclasses import dataclass, field
from pathlib import Path

from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from gendoc import nd30
from gendoc.check.model import CANH_BAO, LOI, THONG_TIN, Finding
from gendoc.sign.errors import SignError
from gendoc.sign.pdffacts import MM_PER_PT
from gendoc.sign.placement import Box
from gendoc.sign.settings import SignSettings
from gendoc.sign.signing import (
    FIELD_ANNEX,
    FIELD_COPY,
    FIELD_ORG,
    FIELD_SIGNER,
    ROLE_LABELS,
    VN_TZ,
    existing_fields,
)
from gendoc.sign.textlayout import PageText, block_in

PLACEMENT_TOLERANCE_PT = 6.0
SEAL_THIRD_TOLERANCE = 0.15  # of the signer image's width
TEXT_BLOCK_ZONE_MM = 25.0  # the text block must start within this distance of the top edge


@dataclass
class SignatureCheck:
    field_name: str
    signer: str
    organisation: str
    time: str
    intact: bool
    valid: bool
    trusted: bool
    changed_after: str | None  # None: nothing after it but signatures; else what changed
    placement: list[tuple[bool, str]] = field(default_factory=list)  # (ok, message)


def _load_roots(paths: tuple[Path, ...]) -> list:
    # asn1crypto: only when trusted roots are given
    from asn1crypto import pem, x509

    roots = []
    for path in paths:
        data = path.read_bytes()
        blobs = [der for _t, _h, der in pem.unarmor(data, multiple=True)] if pem.detect(data) else [data]
        for der in blobs:
            try:
                roots.append(x509.Certificate.load(der))
            except ValueError as exc:
                raise SignError(f"'{path}' không phải chứng thư số gốc (PEM/DER) — kiểm tra mục "
                                "ky_so.chung_thu_goc trong gendoc.yaml.") from exc
    return roots


def _names(cert) -> tuple[str, str]:  # noqa: ANN001 - asn1crypto certificate
    subject = cert.subject.native
    return str(subject.get("common_name", "")), str(subject.get("organization_name", ""))


def _changed_after(status) -> str | None:  # noqa: ANN001 - pyHanko status

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return None
    level = status.modification_level
    if level is None:
        return "không phân tích được phần thêm vào sau chữ ký"
    if level <= ModificationLevel.FORM_FILLING:  # later signatures, DSS, timestamps
        return None
    if level == ModificationLevel.ANNOTATIONS:
        return "có ghi chú (annotation) thêm vào sau khi ký"
    return "nội dung đã bị sửa sau khi ký"


def check_signatures(path: Path, settings: SignSettings) -> list[SignatureCheck]:
    # pyHanko logs each failed trust-path search with a traceback; the findings say it in words.
    logging.getLogger("pyhanko").setLevel(logging.CRITICAL)
    logging.getLogger("pyhanko_certvalidator").setLevel(logging.CRITICAL)
    reader = PdfFileReader(io.BytesIO(Path(path).read_bytes()), strict=False)
    roots = _load_roots(settings.trust_roots)
    out = []
    for sig in reader.embedded_signatures:
        context = ValidationContext(trust_roots=roots, allow_fetching=False,
                                    revocation_mode="soft-fail")
        try:
            status = validate_pdf_signature(sig, context)
        except Exception as exc:  # a malformed signature container
            out.append(SignatureCheck(sig.field_name, "?", "?", "?", False, False, False,
                                      f"không đọc được chữ ký ({type(exc).__name__})"))
            continue
        signer, org = _names(status.signing_cert)
        when = sig.self_reported_timestamp or status.signer_reported_dt
        shown = when.astimezone(VN_TZ).isoformat() if when else "không ghi"
        out.append(SignatureCheck(sig.field_name, signer, org, shown, bool(status.intact),
                                  bool(status.valid), bool(status.trusted), _changed_after(status)))
    return out


def _signer_placement(box: Box | None, pages: list[PageText]) -> tuple[bool, str]:
    block = block_in(pages)
    if box is None:
        return False, "chữ ký người có thẩm quyền không hiện hình (ô 7c Phụ lục I yêu cầu hiện hình chữ ký)."
    if block is None:
        return False, "không tìm thấy khối chữ ký (chức vụ, họ tên) để đối chiếu vị trí."
    between = (box.y0 >= block.name.y1 - PLACEMENT_TOLERANCE_PT
               and box.y1 <= block.title.y0 + PLACEMENT_TOLERANCE_PT)
    centred = abs(box.center[0] - block.center_x) <= PLACEMENT_TOLERANCE_PT
    if between and centred:
        return True, f"hình chữ ký nằm giữa «{block.title.text}» và «{block.name.text}», canh giữa."
    return False, (f"hình chữ ký không nằm canh giữa, giữa dòng chức vụ «{block.title.text}» và họ "
                   f"tên «{block.name.text}» (Phụ lục I ND30, ô 7c).")


def _seal_placement(box: Box | None, signer: Box | None, diameter_mm: float | None) -> tuple[bool, str]:
    if box is None:
        return False, "chữ ký số của cơ quan không hiện hình dấu (ô 8a Phụ lục I yêu cầu hình dấu)."
    if signer is None:
        return False, "văn bản không có hình chữ ký người có thẩm quyền để dấu trùm lên."
    size_mm = box.width * MM_PER_PT
    third = signer.x0 + signer.width * nd30.SEAL_OVER_SIGNATURE
    over_third = abs(box.x1 - third) <= signer.width * SEAL_THIRD_TOLERANCE
    level = signer.y0 <= box.center[1] <= signer.y1
    if diameter_mm is not None and abs(size_mm - diameter_mm) > 1.0:
        return False, f"hình dấu rộng {size_mm:.1f} mm, khác đường kính dấu thật {diameter_mm:g} mm."
    if over_third and level:
        return True, f"hình dấu {size_mm:.1f} mm trùm lên khoảng 1/3 bên trái hình chữ ký."
    return False, "hình dấu không trùm lên khoảng 1/3 bên trái hình chữ ký (Phụ lục I ND30, ô 8a)."


def _text_block_placement(box: Box | None, pages: list[PageText]) -> tuple[bool, str]:
    if box is not None:
        return False, "chữ ký số của cơ quan trên văn bản kèm theo/bản sao phải không hiển thị."
    if not pages:
        return False, "tệp không có trang nào."
    first = pages[0]
    zone = first.height - TEXT_BLOCK_ZONE_MM / MM_PER_PT
    lines = [ln for ln in first.lines if ln.y0 >= zone and ln.x1 >= first.width / 2
             and ln.text.startswith("Thời gian ký")]
    if not lines:
        return False, "không thấy thông tin chữ ký số (thời gian ký) ở góc trên, bên phải trang đầu."
    line = lines[0]
    serif = "times" in line.font.lower() or "liberationserif" in line.font.lower()
    if serif and abs(line.size - nd30.SIGNATURE_TEXT_SIZE_PT) < 0.5:
        return True, "thông tin chữ ký số ở góc trên, bên phải trang đầu, Times New Roman cỡ 10."
    return False, f"thông tin chữ ký số phải là Times New Roman cỡ 10 (đang là {line.font} cỡ {line.size:g})."


def signature_findings(path: Path, settings: SignSettings, pages: list[PageText]) -> list[Finding]:
    checks = check_signatures(path, settings)
    if not checks:
        return [Finding("pdf.signature", THONG_TIN, "Chữ ký số", "Tệp chưa có chữ ký số.")]
    fields = existing_fields(path)
    signer_box = fields.get(FIELD_SIGNER, (None, None, False))[1]
    out = []
    for c in checks:
        where = f"Chữ ký '{c.field_name}'" + (f" ({ROLE_LABELS[c.field_name]})" if c.field_name in ROLE_LABELS else "")
        out.append(Finding("pdf.signature", THONG_TIN, where,
                           f"người ký «{c.signer}», tổ chức «{c.organisation or '—'}», thời gian {c.time}."))
        if not c.intact:
            out.append(Finding("pdf.signature.intact", LOI, where,
                               "nội dung được ký đã bị thay đổi — tệp không còn là văn bản đã ký; "
                               "xin lại bản gốc từ nơi gửi."))
        elif not c.valid:
            out.append(Finding("pdf.signature.valid", LOI, where, "chữ ký số không hợp lệ về mật mã."))
        if c.changed_after:
            out.append(Finding("pdf.signature.modified", LOI, where,
                               f"{c.changed_after} — văn bản nhận được không còn nguyên vẹn."))
        if c.intact and c.valid and not c.trusted:
            out.append(Finding("pdf.signature.trusted", CANH_BAO, where,
                               "chứng thư số không được tin cậy: không chuỗi về chứng thư gốc nào "
                               "khai báo ở mục ky_so.chung_thu_goc của gendoc.yaml."))
        elif c.intact and c.valid:
            out.append(Finding("pdf.signature.trusted", THONG_TIN, where,
                               "nguyên vẹn, hợp lệ, chứng thư được tin cậy."))
        page, box, _signed = fields.get(c.field_name, (None, None, True))
        ok_msg = None
        if c.field_name == FIELD_SIGNER:
            ok_msg = _signer_placement(box, [p for p in pages if page is None or p.index == page])
        elif c.field_name == FIELD_ORG:
            ok_msg = _seal_placement(box, signer_box, settings.seal_diameter_mm)
        elif c.field_name in (FIELD_ANNEX, FIELD_COPY):
            ok_msg = _text_block_placement(box, pages)
        if ok_msg is not None:
            ok, message = ok_msg
            out.append(Finding("pdf.signature.placement", THONG_TIN if ok else CANH_BAO, where, message))
    return out
