"""Number formatting per ND30 §3.3 (01…09, 10, 123), from the shared Vietnamese formatter."""

from __future__ import annotations

from gendoc.vi.formats import so_van_ban


def format_number(n: int) -> str:
    return so_van_ban(n)
