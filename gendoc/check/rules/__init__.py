"""Rule modules, one per component group; importing this package registers every rule.

Rules run (and are documented) in the order a clerk reads a page: page setup, text, header,
number, date, title, body numbering, signature, recipients, page numbers.
"""

from gendoc.check.registry import RULES
from gendoc.check.rules import (  # noqa: F401 - imported for registration
    body,
    date,
    header,
    noi_nhan,
    numbering,
    page,
    page_number,
    signature,
    so_ky_hieu,
    template,
    title,
)

ORDER = ("input.", "page.", "font.", "para.", "header.", "so.", "date.", "draft.", "title.", "numbering.",
         "signature.", "noi_nhan.", "page_number.")


def _rank(rule_id: str) -> int:
    return next((i for i, prefix in enumerate(ORDER) if rule_id.startswith(prefix)), len(ORDER))


_ordered = sorted(RULES.items(), key=lambda kv: _rank(kv[0]))  # stable within a group
RULES.clear()
RULES.update(_ordered)
