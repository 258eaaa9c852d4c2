"""Lint and types are part of the suite, so CI's one test command keeps them clean."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=600)


def test_ruff_is_clean() -> None:
    result = run("ruff", "check", "gendoc", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_is_clean() -> None:
    result = run("mypy")  # configured in pyproject.toml: the gendoc package
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr
