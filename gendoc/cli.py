"""The `gendoc` command line: a thin Click layer over the core functions.

Each command parses its options, loads the workspace and calls one core function. Heavy
imports (python-docx, docxtpl, openpyxl) happen inside command bodies so `--help` stays fast.
Feature areas keep their commands in their own `cli.py` modules, registered at the bottom.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback

import click

from gendoc import __version__, cli_i18n
from gendoc.exceptions import GendocError

VERBOSE_FLAGS = ("-v", "--verbose")


class GendocGroup(click.Group):
    """Top-level group: hides tracebacks unless --verbose, in Vietnamese."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        """Accept `-v`/`--verbose` anywhere (`gendoc build --verbose` as well as `gendoc -v
        build`): the error message tells clerks to add it, and they add it at the end. No
        sub-command uses `-v`; tokens after a `--` separator are left alone."""
        end = args.index("--") if "--" in args else len(args)
        flags = [a for a in args[:end] if a in VERBOSE_FLAGS]
        rest = [a for a in args[:end] if a not in VERBOSE_FLAGS] + args[end:]
        return super().parse_args(ctx, flags[:1] + rest)

    def invoke(self, ctx: click.Context):  # noqa: ANN201 - click's signature
        try:
            return super().invoke(ctx)
        except click.ClickException as exc:  # ours: with --verbose, the technical cause too
            show_cause(exc)
            raise
        except (click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:  # output piped into `head` and closed early: not an error
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - silence the flush at exit
            ctx.exit(0)
        except Exception as exc:  # an unexpected bug: say so plainly, trace only on request
            if ctx.obj and ctx.obj.get("verbose"):
                traceback.print_exc()
            raise GendocError(
                f"lỗi ngoài dự kiến ({type(exc).__name__}: {exc}). "
                "Chạy lại với --verbose để xem chi tiết và báo cho nhóm phát triển."
            ) from exc


def show_cause(exc: BaseException) -> None:
    """With --verbose, the technical cause of a clerk-facing error (a library's own words)."""
    ctx = click.get_current_context(silent=True)
    if exc.__cause__ is not None and ctx is not None and (ctx.find_root().obj or {}).get("verbose"):
        traceback.print_exception(exc.__cause__)


cli_i18n.install()

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@click.group(cls=GendocGroup, context_settings=CONTEXT_SETTINGS)
@click.version_option(__version__, "--version", message="gendoc %(version)s")
@click.option("--verbose", "-v", is_flag=True, help="Hiện chi tiết lỗi (traceback) khi có sự cố.")
@click.option(
    "--workspace",
    "-w",
    type=click.Path(file_okay=False, path_type=str),
    default=None,
    help="Thư mục làm việc (chứa gendoc.yaml). Mặc định: thư mục hiện tại hoặc thư mục cha gần nhất.",
)
@click.pass_context
def main(ctx: click.Context, verbose: bool, workspace: str | None) -> None:
    """gendoc — soạn văn bản hành chính theo Nghị định 30/2020/NĐ-CP từ tệp nội dung YAML."""
    ctx.ensure_object(dict)
    # gendoc uses no pydantic plugins; looking for them reads the metadata of every installed
    # package when the first model is built (30-40 ms with 160 packages). A value the user set
    # is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    ctx.obj["verbose"] = verbose
    ctx.obj["workspace"] = workspace
    if verbose:
        sys.tracebacklimit = 1000


# Feature areas register their commands here ("module:attribute").
_COMMANDS = [
    "gendoc.commands:init_cmd",
    "gendoc.commands:build_cmd",
    "gendoc.commands:render_cmd",
    "gendoc.scaffold:new_cmd",
    "gendoc.vi.cli:vi",
    "gendoc.check.cli:check_cmd",
    "gendoc.register.cli:issue_cmd",
    "gendoc.register.cli:register",
    "gendoc.authoring.cli:templates_cmd",
    "gendoc.authoring.cli:template_group",
    "gendoc.authoring.cli:schema_cmd",
    "gendoc.plans.cli:units_cmd",
    "gendoc.plans.cli:status_cmd",
    "gendoc.bias.cli:bias_cmd",
    "gendoc.reports.cli:consolidate_cmd",
    "gendoc.sign.cli:sign_cmd",
    "gendoc.sign.cli:copy_cmd",
    "gendoc.serve.cli:serve_cmd",
]

for _spec in _COMMANDS:
    _module, _attr = _spec.split(":")
    main.add_command(getattr(importlib.import_module(_module), _attr))


def _vietnamese_metavars(command: click.Command) -> None:
    """Usage lines in Vietnamese too: `[TÙY CHỌN]`, `LỆNH [THAM SỐ]...`."""
    command.options_metavar = "[TÙY CHỌN]"
    if isinstance(command, click.Group):
        command.subcommand_metavar = "LỆNH [THAM SỐ]..."
        for sub in command.commands.values():
            _vietnamese_metavars(sub)


_vietnamese_metavars(main)
