"""Findings and reports: what the checker hands back to the CLI, the build and tests.

A `Finding` is one violation (or one piece of information) at one place a clerk can find;
a `Report` is the list of findings for one file plus the helpers callers need (`errors`,
`warnings`, `ok`). Severity codes are ASCII so JSON consumers can match them; the labels a
clerk reads are Vietnamese (`SEVERITY_LABELS`).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Literal

Severity = Literal["loi", "canh_bao", "thong_tin"]

LOI: Severity = "loi"
CANH_BAO: Severity = "canh_bao"
THONG_TIN: Severity = "thong_tin"

SEVERITY_LABELS: dict[str, str] = {LOI: "lỗi", CANH_BAO: "cảnh báo", THONG_TIN: "thông tin"}
_ORDER = {LOI: 0, CANH_BAO: 1, THONG_TIN: 2}


@dataclass(frozen=True)
class Finding:
    """One rule violation (or note) at one location, with what the rule requires."""

    rule: str
    severity: Severity
    location: str
    message: str

    @property
    def severity_label(self) -> str:
        return SEVERITY_LABELS[self.severity]

    def to_dict(self) -> dict[str, str]:
        data = asdict(self)
        data["severity_label"] = self.severity_label
        return data

    def render(self) -> str:
        """One line for a clerk: `[lỗi] page.margins — Thiết lập trang…: message`."""
        return f"[{self.severity_label}] {self.rule} — {self.location}: {self.message}"


class BySeverity:
    """`errors` / `warnings` / `infos` / `ok` over a `findings` list whose items carry a
    `severity` (shared by the ND30 check report and the template check report)."""

    findings: list

    @property
    def errors(self) -> list:
        return [f for f in self.findings if f.severity == LOI]

    @property
    def warnings(self) -> list:
        return [f for f in self.findings if f.severity == CANH_BAO]

    @property
    def infos(self) -> list:
        return [f for f in self.findings if f.severity == THONG_TIN]

    @property
    def ok(self) -> bool:
        """True when there is no error (warnings and information are allowed)."""
        return not self.errors


@dataclass
class Report(BySeverity):
    """All findings for one .docx, in document order within each rule group."""

    path: str
    findings: list[Finding] = field(default_factory=list)

    def failed(self, strict: bool = False) -> bool:
        """Whether this report fails: any error, or any warning too when `strict`."""
        return bool(self.errors or (strict and self.warnings))

    def rules_fired(self, *, include_info: bool = False) -> set[str]:
        """Ids of rules with an error or warning (and information when asked)."""
        return {f.rule for f in self.findings if include_info or f.severity != THONG_TIN}

    def sorted(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: _ORDER[f.severity])

    def to_dicts(self) -> list[dict[str, str]]:
        return [dict(file=self.path, **f.to_dict()) for f in self.findings]
