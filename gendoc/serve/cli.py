"""`gendoc serve`: run the web app on the current workspace (loopback unless told otherwise)."""

from __future__ import annotations

import secrets
from pathlib import Path

import click


@click.command(name="serve")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Cổng mạng.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Địa chỉ lắng nghe. Khác 127.0.0.1 (mở cho mạng nội bộ) thì phải đăng nhập "
                   "bằng mã in ra khi khởi động.")
@click.option("--add-user", "add_user", metavar="TÊN",
              help="Thêm tài khoản đăng nhập (hoặc đổi mật khẩu nếu đã có) khi mở cho mạng nội "
                   "bộ, rồi thoát. Tài khoản đầu tiên là quản trị viên.")
@click.option("--admin", is_flag=True, help="Cùng --add-user: tài khoản là quản trị viên.")
@click.option("--remove-user", "remove", metavar="TÊN",
              help="Xóa tài khoản (các phiên đăng nhập của tài khoản kết thúc), rồi thoát. Không "
                   "xóa được quản trị viên cuối cùng.")
@click.option("--password", "password_of", metavar="TÊN",
              help="Đổi mật khẩu của tài khoản (các phiên đăng nhập cũ kết thúc), rồi thoát.")
@click.option("--list-users", is_flag=True, help="Liệt kê các tài khoản, rồi thoát.")
@click.pass_context
def serve_cmd(ctx: click.Context, port: int, host: str, add_user: str | None, admin: bool,
              remove: str | None, password_of: str | None, list_users: bool) -> None:
    """Mở ứng dụng web để soạn, kiểm tra, xem trước và tải văn bản trên trình duyệt."""
    import uvicorn

    from gendoc import api
    from gendoc.serve.app import create_app
    from gendoc.serve.security import is_loopback

    ws = api.load_workspace((ctx.obj or {}).get("workspace"))
    if add_user or remove or password_of or list_users:
        _accounts(ws.root, add_user, admin, remove, password_of, list_users)
        return
    token = None if is_loopback(host) else secrets.token_urlsafe(12)
    app = create_app(ws, login_token=token, allowed_hosts=["*"] if token else [host])
    click.echo(f"gendoc serve: thư mục làm việc {ws.root}")
    click.echo(f"Mở trình duyệt tại http://{'localhost' if is_loopback(host) else host}:{port}/")
    if token:
        click.secho(f"Mã đăng nhập (dùng đến khi tắt máy chủ): {token}", bold=True)
    click.echo("Nhấn Ctrl+C để dừng.")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)


def _accounts(root: Path, add: str | None, admin: bool, remove: str | None,
              password_of: str | None, listing: bool) -> None:
    """The account options of `gendoc serve` (gendoc.serve.users, as the «Tài khoản» page)."""
    from gendoc.serve import users

    if remove:
        path = users.remove_user(root, remove)
        click.echo(f"Đã xóa tài khoản '{remove.strip()}' khỏi {path.relative_to(root)}.")
    if add:
        path = users.add_user(root, add, _prompt(add), admin or None)
        click.echo(f"Đã lưu tài khoản '{add.strip()}' vào {path.relative_to(root)}.")
    if password_of:
        path = users.set_password(root, password_of, _prompt(password_of))
        click.echo(f"Đã đổi mật khẩu của '{password_of.strip()}' ({path.relative_to(root)}).")
    if listing:
        for name, account in sorted(users.load_accounts(root).items()):
            click.echo(f"{name}{' (quản trị viên)' if account.admin else ''}")


def _prompt(name: str) -> str:
    return str(click.prompt(f"Mật khẩu của '{name.strip()}'", hide_input=True,
                            confirmation_prompt="Nhập lại mật khẩu"))
