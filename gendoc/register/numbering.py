"""Number formatting per ND30 §3.3: 01…09 get a leading zero, nothing more (10, 15, 123)."""

from __future__ import annotations


def format_number(n: int) -> str:
    """Format a document number; prefers the shared Vietnamese formatter once it exists."""
    try:
        from gendoc.vi.formats import so_van_ban
    except ImportError:
        return f"{n:02d}"
    return so_van_ban(n)
