"""The outgoing register knows the signed PDF: an electronically issued document *is* its signed
PDF (ND30 Điều 8), so once the numbered document's PDF is signed, the register entry's output
becomes that PDF and its hash. `gendoc register verify` then re-hashes the signed PDF: a file
changed after signing — even by a valid later signature — no longer matches the register.

The PDF is matched to its entry by path (output/x.pdf beside the issued output/x.docx) and must
carry the entry's number in its subject ("Số: 07/KH-UBND", set by `gendoc build`): a PDF built
before the number was allocated is not the issued document.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from gendoc.sign.errors import SignError
from gendoc.sign.settings import settings_from as sign_settings
from gendoc.writer import file_sha256


def _register_exists(url: str) -> bool:
    """Signing never creates a register: a workspace without one simply has nothing to record."""
    from gendoc.register.database import Target  # the register: only when one is configured

    target = Target.of(url)
    if target.backend != "sqlite":
        return True
    return target.path is not None and target.path.is_file()


def _issued_entry(ws: Any, pdf: Path):  # noqa: ANN202 - Entry | None
    """The issued register entry whose output is `pdf` or the .docx beside it."""
    # the register: only when one is configured
    from gendoc.register.config import settings_from
    from gendoc.register.issue import relative_to_root, workspace_key_for
    from gendoc.register.schema import STATUS_ISSUED
    from gendoc.register.store import open_register

    settings = settings_from(ws.root, getattr(ws, "raw_config", None))
    if not _register_exists(settings.database_url):
        return None
    wanted = {relative_to_root(pdf, ws.root), relative_to_root(pdf.with_suffix(".docx"), ws.root)}
    with open_register(settings.database_url) as reg:
        issued = reg.entries(status=STATUS_ISSUED,
                             workspace=workspace_key_for(ws, reg, settings))
    return next((e for e in reversed(issued) if e.output_path in wanted), None)


def check_number(ws: Any, source: Path, target: Path) -> None:
    """Before signing: a PDF destined for an issued document must carry that document's number."""
    # pyHanko: only when a signed PDF's number is checked
    from gendoc.sign.pdffacts import read_facts

    entry = _issued_entry(ws, target)
    if entry is None:
        return
    subject = read_facts(source).subject.strip()
    if subject != f"Số: {entry.full_symbol}":
        raise SignError(f"'{source}' không phải bản PDF của văn bản số {entry.full_symbol} (thuộc "
                        f"tính PDF ghi «{subject or 'không có số'}») — dựng lại PDF sau khi cấp số "
                        "(gendoc build --pdf) rồi ký; tệp chưa được ký.")


def record_signed_pdf(ws: Any, pdf: Path):  # noqa: ANN201 - Entry | None
    """Record `pdf` (signed) as the issued output of its register entry; None if it has none."""
    # the register and signature validation are heavy: only when recording
    from gendoc.register.config import settings_from
    from gendoc.register.issue import relative_to_root
    from gendoc.register.store import open_register
    from gendoc.sign.verify import check_signatures

    entry = _issued_entry(ws, pdf)
    if entry is None:
        return None
    check_number(ws, pdf, pdf)
    checks = check_signatures(pdf, sign_settings(ws.root, ws.raw_config))
    if not checks or not all(c.intact and c.valid for c in checks):
        return None  # only a validly signed PDF replaces the .docx in the register
    settings = settings_from(ws.root, getattr(ws, "raw_config", None))
    with open_register(settings.database_url) as reg:
        return reg.mark_issued(entry.id, output_path=relative_to_root(pdf, ws.root),
                               template_path=entry.template_path,
                               content_sha256=entry.content_sha256 or "",
                               output_sha256=file_sha256(pdf),
                               template_sha256=entry.template_sha256)


def record_after_issue(ws: Any, entry: Any):  # noqa: ANN201 - Entry | None
    """`gendoc issue`: if the issued document already has a signed PDF of this number beside its
    .docx (issue resumed after signing), record it; an older, unnumbered PDF is left alone."""
    if not entry.output_path:
        return None
    pdf = (ws.root / entry.output_path).with_suffix(".pdf")
    if not pdf.is_file():
        return None
    try:
        return record_signed_pdf(ws, pdf)
    except SignError:
        return None
