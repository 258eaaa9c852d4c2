"""What every case of the bad-input catalogue asserts, in one place.

The catalogue is `tests/hardening/test_hardening_*.py` plus `tests/core/test_core_bad_input.py`:
one parametrised table per input kind (YAML, schema fields, gendoc.yaml, Excel forms, participant
lists, images, templates, `gendoc check`, register, web uploads). A case states the bad input,
where the message must point (line or sheet!cell) and the words it must contain; `fails_alone`
then checks the rest of the contract: exit code, Vietnamese message naming the file, no
traceback, the good document built, no output and no temp file for the bad one, the summary.
Resource cases (bombs, huge images) run in a subprocess under an address-space limit through
`run_limited`.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MEMORY_LIMIT = 1 << 30  # 1 GiB address space: a real document never needs more
TIME_LIMIT = 60  # seconds, generous for a loaded CI machine; a hang is minutes


def clear_failure(result, exit_code: int, words: tuple[str, ...]) -> str:  # noqa: ANN001
    """Assert the command failed with `exit_code` and a message a clerk can act on — no
    traceback, no "unexpected error", every one of `words` — and return the message."""
    message = result.stderr
    assert result.exit_code == exit_code, (result.exit_code, message, result.stdout)
    assert "Traceback" not in message and "lỗi ngoài dự kiến" not in message, message
    for word in words:
        assert word in message, message
    return message


def fails_alone(result, ws: Path, bad: str, *, where: str | None = None,  # noqa: ANN001
                words: tuple[str, ...] = (), good: str = "output/good.docx",
                bad_outputs: tuple[str, ...] = (), exit_code: int = 1) -> str:
    """Assert the build `result` failed on the workspace file `bad` alone; returns the message.

    `where` is what follows the file name: "dòng 7" or "ô Biểu 1!D12".
    """
    message = clear_failure(result, exit_code, words)
    assert f"✗ {bad}" in message, message
    if where is not None:
        assert f"{bad}, {where}" in message, message
    assert f"không được ghi: {bad}" in result.stdout, result.stdout
    if good:
        assert (ws / good).is_file(), f"{good} was not built"
    for path in bad_outputs:
        assert not (ws / path).exists(), f"{path} was written for a failed document"
    leftovers = [p for p in ws.rglob("*") if p.name.endswith(".tmp")]
    assert not leftovers, leftovers
    return message


def run_limited(code: str, *, memory: int = MEMORY_LIMIT, timeout: int = TIME_LIMIT,
                cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    """Run Python `code` in a child with an address-space limit; a hang fails by timeout."""
    prelude = ("import resource\n"
               f"resource.setrlimit(resource.RLIMIT_AS, ({memory}, {memory}))\n")
    return subprocess.run([sys.executable, "-c", prelude + textwrap.dedent(code)],
                          capture_output=True, text=True, timeout=timeout, cwd=cwd)
