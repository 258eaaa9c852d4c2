"""`gendoc vi …` commands (work in progress)."""

import click


@click.group(name="vi")
def vi() -> None:
    """Công cụ tiếng Việt: đọc số thành chữ, ngày tháng, sắp xếp tên, chuyển mã."""
