"""`gendoc check`: the ND30 format checker for any .docx.

Public API (used by `gendoc build --check` and tests):

- `check_docx(path) -> Report` (alias `check_file`): raises `UnusableInputError` (exit 2) for a
  file that is not a readable .docx; content problems never raise.
- `check_document(docx.Document) -> Report` for a document held in memory.
- `Report.findings: list[Finding]`, `Report.errors`, `Report.warnings`, `Report.ok`;
  `Finding(rule, severity, location, message)` with severity "loi" | "canh_bao" | "thong_tin".
- `RULES`: the rule registry (id -> Rule with severity, title, reason, source).
"""

from gendoc.check.api import check_document, check_docx, check_file, check_package
from gendoc.check.model import (
    CANH_BAO,
    LOI,
    SEVERITY_LABELS,
    THONG_TIN,
    Finding,
    Report,
)
from gendoc.check.registry import RULES

__all__ = [
    "CANH_BAO", "LOI", "RULES", "SEVERITY_LABELS", "THONG_TIN", "Finding", "Report",
    "check_docx", "check_document", "check_file", "check_package",
]
