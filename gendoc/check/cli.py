"""`gendoc check` command (work in progress)."""

import click


@click.command(name="check")
def check_cmd() -> None:
    """Kiểm tra thể thức văn bản .docx theo Nghị định 30/2020/NĐ-CP."""
