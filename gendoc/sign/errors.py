"""Errors of electronic issuance: one class, messages a clerk can act on (Vietnamese)."""

from __future__ import annotations

from gendoc.exceptions import GendocError


class SignError(GendocError):
    """A PDF cannot be read, signed, verified or copied; the message says why and what to do."""

# The library's own words (English, technical) stay out of the message; --verbose prints them.
VERBOSE_HINT = " Chạy lại với --verbose để xem chi tiết kỹ thuật."
