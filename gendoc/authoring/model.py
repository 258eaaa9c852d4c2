"""What a template check returns: findings located by Word paragraph, as text or JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from gendoc.check.model import CANH_BAO as CANH_BAO  # re-exported: one set of severities
from gendoc.check.model import LOI as LOI
from gendoc.check.model import SEVERITY_LABELS as LABELS
from gendoc.check.model import BySeverity

# Marks around the faulty tag inside a quoted paragraph text.
MARK_OPEN, MARK_CLOSE = "⟦", "⟧"


@dataclass(frozen=True)
class Where:
    """A place a clerk can find in Word: page area, table cell, paragraph number and its text.

    `area` is "thân văn bản", "đầu trang" or "chân trang"…; `paragraph` counts the area's
    paragraphs from 1 in reading order (empty ones included, as Word's ¶ marks show them);
    `text` is the paragraph's visible text with the faulty tag between ⟦ ⟧.
    For Markdown templates `line` is the file line and `area` is empty.
    """

    area: str = ""
    paragraph: int | None = None
    cell: str | None = None  # "bảng 1, hàng 2, ô 1"
    text: str = ""
    line: int | None = None

    def label(self) -> str:
        parts = []
        if self.line is not None:
            parts.append(f"dòng {self.line}")
        if self.area:
            parts.append(self.area)
        if self.cell:
            parts.append(self.cell)
        if self.paragraph is not None:
            parts.append(f"đoạn {self.paragraph}")
        head = ", ".join(parts)
        return f"{head}: «{self.text}»" if self.text else head


@dataclass(frozen=True)
class Finding:
    severity: str  # LOI | CANH_BAO
    code: str  # stable id for tools and tests, e.g. "the-bi-tach", "bien-la"
    message: str
    where: Where | None = None
    hint: str | None = None
    fixable: bool = False  # `gendoc template check --fix` repairs it

    def render(self) -> str:
        text = f"{LABELS[self.severity]}: "
        if self.where is not None:
            text += f"{self.where.label()}\n      "
        text += self.message
        if self.hint:
            text += f" — {self.hint}"
        if self.fixable:
            text += " (sửa tự động được: thêm --fix)"
        return text


@dataclass
class TemplateReport(BySeverity):
    """Everything a check found in one template, plus the variables it uses."""

    template: str
    kind: str | None
    findings: list[Finding] = field(default_factory=list)
    variables: list[str] = field(default_factory=list)  # dotted paths, sorted
    known_from: str | None = None  # where the kind's variable names were derived from

    def add(self, severity: str, code: str, message: str, where: Where | None = None,
            hint: str | None = None, fixable: bool = False) -> None:
        self.findings.append(Finding(severity, code, message, where, hint, fixable))

    def to_json(self) -> dict[str, Any]:
        return {
            "mau": self.template,
            "loai": self.kind,
            "hop_le": self.ok,
            "so_loi": len(self.errors),
            "so_canh_bao": len(self.warnings),
            "bien": self.variables,
            "nguon_ten_bien": self.known_from,
            "phat_hien": [
                {"muc_do": f.severity, "ma": f.code, "thong_bao": f.message, "goi_y": f.hint,
                 "sua_tu_dong": f.fixable,
                 "vi_tri": ({"vung": f.where.area, "doan": f.where.paragraph, "o": f.where.cell,
                             "dong": f.where.line, "chu": f.where.text} if f.where else None),
                 "vi_tri_chu": f.where.label() if f.where else None}
                for f in self.findings
            ],
        }

    def summary(self) -> str:
        if not self.findings:
            return f"{self.template}: mẫu hợp lệ."
        return (f"{self.template}: {len(self.errors)} lỗi, {len(self.warnings)} cảnh báo"
                + ("." if self.errors else " — mẫu vẫn dựng được."))


def mark(text: str, start: int, end: int, width: int = 70) -> str:
    """The paragraph text with text[start:end] between ⟦ ⟧, shortened around it if long."""
    marked = text[:start] + MARK_OPEN + text[start:end] + MARK_CLOSE + text[end:]
    if len(marked) <= width:
        return marked
    left = max(0, start - width // 3)
    right = max(end + 2 + width // 3, left + width)
    return ("…" if left > 0 else "") + marked[left:right] + ("…" if right < len(marked) else "")
