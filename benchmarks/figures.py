"""One line per headline figure, the same in every benchmark, so `benchmarks/all.py` can put the
figures of one run side by side with their targets (issue 18)."""

from __future__ import annotations

PREFIX = "FIGURE\t"


def figure(name: str, measured: float, target: str, met: bool, unit: str = "") -> None:
    """Print `name`, the measured value, the target and whether it is met, tab-separated."""
    shown = f"{measured:.0f}" if abs(measured) >= 100 else f"{measured:.3g}"
    print(f"{PREFIX}{name}\t{shown}{unit}\t{target}\t{'met' if met else 'NOT met'}", flush=True)


def parse(line: str) -> list[str] | None:
    """The fields of a figure line (name, measured, target, met), or None for any other line."""
    return line.rstrip("\n").split("\t")[1:] if line.startswith(PREFIX) else None
