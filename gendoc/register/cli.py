"""`gendoc issue` and `gendoc register …` commands (work in progress)."""

import click


@click.command(name="issue")
def issue_cmd() -> None:
    """Cấp số, ghi ngày và vào sổ đăng ký văn bản đi."""


@click.group(name="register")
def register() -> None:
    """Sổ đăng ký văn bản đi."""
