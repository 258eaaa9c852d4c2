"""`gendoc register verify`: re-hash what was issued and report what changed since.

An issued .docx edited afterwards (or a content file changed without re-issuing) no longer
matches the register; this finds it. Only entries of this workspace are checked: a shared
register also holds other clerks' entries, whose files are on their machines.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from gendoc.register.schema import STATUS_ISSUED
from gendoc.register.store import Entry, Register
from gendoc.writer import file_sha256

CHANGED = "đã bị sửa sau khi ban hành"
MISSING = "không còn tệp"


@dataclass(frozen=True)
class Finding:
    entry: Entry
    what: str  # "văn bản" (the output) or "tệp nội dung"
    path: str
    problem: str  # CHANGED or MISSING

    def render(self) -> str:
        return f"{self.entry.full_symbol} ({self.entry.doc_date:%d/%m/%Y}): {self.what} " \
               f"'{self.path}' {self.problem}"


@dataclass(frozen=True)
class VerifyReport:
    checked: int
    findings: list[Finding]


def _check(
    root: Path, entry: Entry, what: str, rel: str | None, digest: str | None
) -> Finding | None:
    if not rel or not digest:
        return None
    path = Path(rel) if Path(rel).is_absolute() else root / rel
    if not path.is_file():
        return Finding(entry, what, rel, MISSING)
    if file_sha256(path) != digest:
        return Finding(entry, what, rel, CHANGED)
    return None


def verify(
    register: Register, root: Path, workspace: str, *, year: int | None = None
) -> VerifyReport:
    issued = register.entries(year=year, status=STATUS_ISSUED, workspace=workspace)
    findings: list[Finding] = []
    for entry in issued:
        for what, rel, digest in (
            ("văn bản", entry.output_path, entry.output_sha256),
            ("tệp nội dung", entry.content_path, entry.content_sha256),
        ):
            found = _check(root, entry, what, rel, digest)
            if found:
                findings.append(found)
    return VerifyReport(checked=len(issued), findings=findings)
