"""One exception hierarchy, rooted at `click.ClickException`.

Click prints `Lỗi: <message>` and exits with `exit_code` without a traceback; the CLI shows
tracebacks only with `--verbose`. Messages are Vietnamese because clerks read them; each names
the file, the line (or sheet and cell) and the field, and says how to fix the problem.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import click


class GendocError(click.ClickException):
    """Base of every error a clerk may see."""

    exit_code = 1

    def format_message(self) -> str:
        return self.message

    def show(self, file=None) -> None:  # noqa: ANN001 - click's signature
        click.secho(f"Lỗi: {self.format_message()}", err=True, fg="red")


class ConfigError(GendocError):
    """`gendoc.yaml` is missing, unreadable or invalid."""


class TemplateNotFoundError(GendocError):
    """No template of that name on the search path; the message lists where it looked."""


class RenderError(GendocError):
    """A template failed while rendering (undefined variable, syntax error, sandbox refusal)."""


class OutputError(GendocError):
    """An output path escapes `output/` or cannot be written."""


class UnexpectedError(GendocError):
    """A bug met while handling one document: that document fails, the others still build.

    Carries the traceback, shown only with --verbose.
    """

    def __init__(self, where: str, exc: BaseException, trace: str) -> None:
        super().__init__(f"{where}: lỗi ngoài dự kiến ({type(exc).__name__}: {exc}) — các văn bản "
                         "khác vẫn được dựng. Chạy lại với --verbose để xem chi tiết và báo cho "
                         "nhóm phát triển.")
        self.trace = trace


class UnusableInputError(GendocError):
    """The input cannot be read at all (not a .docx, corrupt zip, too large). Exit code 2."""

    exit_code = 2


@dataclass(frozen=True)
class FieldProblem:
    """One problem in one field of one input file: where it is, what is wrong, how to fix it.

    `where` is a line number for YAML (`12`) or a sheet!cell for Excel (`Biểu 1!D12`).
    """

    field: str
    message: str
    where: str | int | None = None
    hint: str | None = None

    def render(self, path: Path | str | None) -> str:
        loc = str(path) if path else ""
        if self.where is not None:
            loc += f", dòng {self.where}" if isinstance(self.where, int) else f", ô {self.where}"
        text = f"{loc}: trường '{self.field}': {self.message}" if self.field else f"{loc}: {self.message}"
        if self.hint:
            text += f" — {self.hint}"
        return text


class ContentError(GendocError):
    """A content file (YAML, Excel, CSV) is invalid; carries every problem found, not the first."""

    def __init__(self, path: Path | str | None, problems: list[FieldProblem] | str):
        if isinstance(problems, str):
            problems = [FieldProblem(field="", message=problems)]
        self.path = path
        self.problems = list(problems)
        lines = [p.render(path) for p in self.problems]
        if len(lines) == 1:
            message = lines[0]
        else:
            message = f"{path}: {len(lines)} lỗi\n" + "\n".join(f"  - {line}" for line in lines)
        super().__init__(message)
