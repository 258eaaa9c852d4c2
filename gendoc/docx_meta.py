"""Document properties of a built .docx: the metadata its PDF/A export carries.

LibreOffice copies the core properties into the PDF's Info dictionary and XMP packet, so a
signed PDF names itself: title = trích yếu, author = issuing body, subject = số và ký hiệu.
Only values from the rendering context are used (no clock, no user name), so builds stay
byte-for-byte reproducible.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from docx.document import Document as DocxDocument


def number_and_symbol(context: Mapping[str, Any]) -> str:
    """`Số: 12/KH-UBND` (or `Số: /KH-UBND` before a number is allocated); '' without a symbol."""
    symbol = str(context.get("ky_hieu") or "").strip()
    if not symbol:
        return ""
    number = str(context.get("so") or "").strip()
    return f"Số: {number}/{symbol}"


def set_core_properties(doc: DocxDocument, context: Mapping[str, Any]) -> None:
    """Title, author, subject from an official document's context; other documents untouched."""
    title = " ".join(str(context.get("trich_yeu") or "").split())
    author = str(context.get("co_quan_ten_day_du") or "").strip()
    if not (title or author):
        return
    props = doc.core_properties
    props.title = _fit(title)
    props.author = _fit(author)
    props.subject = _fit(number_and_symbol(context))
    props.last_modified_by = _fit(author)


CORE_PROPERTY_CHARS = 255  # python-docx (and Word's dialog) hold at most this many characters


def _fit(text: str) -> str:
    """A property value Word accepts: a long trích yếu is cut with "…" (the page prints it whole)."""
    return text if len(text) <= CORE_PROPERTY_CHARS else text[:CORE_PROPERTY_CHARS - 1] + "…"
