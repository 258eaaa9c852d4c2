"""init / build / render commands (work in progress)."""

import click


@click.command(name="init")
def init_cmd() -> None:
    """Tạo thư mục làm việc mới."""


@click.command(name="build")
def build_cmd() -> None:
    """Dựng mọi văn bản trong content/ ra output/."""


@click.command(name="render")
def render_cmd() -> None:
    """Dựng một văn bản."""
