"""External programs the tests use for real (LibreOffice, poppler, Chromium, PostgreSQL).

On a developer's machine without them a test is skipped, saying what to install; in CI
(`CI=true`, where `.ci/run` installs them all) a missing program is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil

import pytest

IN_CI = os.environ.get("CI") == "true"


def missing(*programs: str) -> list[str]:
    return [p for p in programs if shutil.which(p) is None]


def requires(*programs: str) -> pytest.MarkDecorator:
    """Mark a test (or `pytestmark` a module) as needing these programs."""
    absent = missing(*programs)
    if absent and IN_CI:
        raise RuntimeError(f"CI must have {', '.join(absent)} (installed by .ci/run)")
    return pytest.mark.skipif(bool(absent), reason=f"not installed here: {', '.join(absent)} "
                              "(apt-get install libreoffice-writer-nogui poppler-utils …)")
