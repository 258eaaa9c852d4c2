"""The rule registry: each rule is a small function with a stable id, a severity and a reason.

Rules yield `Hit`s (location + message, optionally a lower severity such as information for a
draft placeholder); `run_rules` turns them into `Finding`s, caps the repeats of one rule so a
300-page document with the wrong font does not print 3,000 lines, and turns an unexpected
exception inside one rule into an information finding instead of a crash.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from gendoc.check.model import CANH_BAO, LOI, THONG_TIN, Finding, Severity

if TYPE_CHECKING:
    from gendoc.check.context import Context

MAX_PER_RULE = 8  # detailed findings per rule and document; the rest are counted


@dataclass(frozen=True)
class Hit:
    """What a rule reports: where, what is wrong and what ND30 requires."""

    location: str
    message: str
    severity: Severity | None = None  # None: the rule's own severity


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    group: str
    title: str  # what it requires, short (Vietnamese)
    reason: str  # one-line why (Vietnamese)
    source: str  # where in ND30
    func: Callable[[Context], Iterable[Hit]]
    template_ok: bool = False  # also meaningful on a Jinja template (page setup, fonts)


RULES: dict[str, Rule] = {}


def rule(id: str, severity: Severity, *, group: str, title: str, reason: str, source: str,  # noqa: A002
         template_ok: bool = False):
    """Register a rule function under a stable id."""

    def deco(func: Callable[[Context], Iterable[Hit]]) -> Callable[[Context], Iterable[Hit]]:
        if id in RULES:
            raise ValueError(f"duplicate rule id {id}")
        RULES[id] = Rule(id, severity, group, title, reason, source, func, template_ok)
        return func

    return deco


def undetermined(location: str, what: str) -> Hit:
    """A component the checker could not locate: information, never an error."""
    return Hit(location, f"không xác định được {what}; không kiểm tra quy tắc này.", THONG_TIN)


def run_rules(ctx: Context, only: Iterable[str] | None = None) -> list[Finding]:
    findings: list[Finding] = []
    wanted = set(only) if only else None
    for rid, r in RULES.items():
        if wanted is not None and rid not in wanted:
            continue
        if ctx.is_template and not r.template_ok:
            continue  # a template's {{ tags }} are not the finished text
        counted: dict[Severity, int] = {}
        extra: dict[Severity, int] = {}
        try:
            for hit in r.func(ctx):
                sev = hit.severity or r.severity
                counted[sev] = counted.get(sev, 0) + 1
                if counted[sev] > MAX_PER_RULE:
                    extra[sev] = extra.get(sev, 0) + 1
                    continue
                findings.append(Finding(rid, sev, hit.location, hit.message))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the others
            findings.append(
                Finding(
                    rid, THONG_TIN, "Toàn văn bản",
                    f"không kiểm tra được quy tắc này (lỗi nội bộ {type(exc).__name__}: {exc}); "
                    "báo cho nhóm phát triển.",
                )
            )
        for sev, n in extra.items():
            findings.append(
                Finding(rid, sev, "Nhiều vị trí khác",
                        f"còn {n} vị trí khác vi phạm cùng quy tắc (không liệt kê hết).")
            )
    return findings


__all__ = ["CANH_BAO", "LOI", "THONG_TIN", "Hit", "Rule", "RULES", "rule", "run_rules"]
