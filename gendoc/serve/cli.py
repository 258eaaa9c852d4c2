"""`gendoc serve`: run the web app on the current workspace (loopback unless told otherwise)."""

from __future__ import annotations

import secrets

import click


@click.command(name="serve")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535),
              help="Cổng mạng.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Địa chỉ lắng nghe. Khác 127.0.0.1 (mở cho mạng nội bộ) thì phải đăng nhập "
                   "bằng mã in ra khi khởi động.")
@click.option("--add-user", "add_user", metavar="TÊN",
              help="Thêm (hoặc đổi mật khẩu) tài khoản đăng nhập khi mở cho mạng nội bộ, rồi thoát.")
@click.pass_context
def serve_cmd(ctx: click.Context, port: int, host: str, add_user: str | None) -> None:
    """Mở ứng dụng web để soạn, kiểm tra, xem trước và tải văn bản trên trình duyệt."""
    import uvicorn

    from gendoc import api
    from gendoc.serve.app import create_app
    from gendoc.serve.security import is_loopback

    ws = api.load_workspace((ctx.obj or {}).get("workspace"))
    if add_user is not None:
        from gendoc.serve.users import add_user as save_user

        password = click.prompt("Mật khẩu", hide_input=True, confirmation_prompt="Nhập lại mật khẩu")
        path = save_user(ws.root, add_user, password)
        click.echo(f"Đã lưu tài khoản '{add_user.strip()}' vào {path.relative_to(ws.root)}.")
        return
    token = None if is_loopback(host) else secrets.token_urlsafe(12)
    app = create_app(ws, login_token=token, allowed_hosts=["*"] if token else [host])
    click.echo(f"gendoc serve: thư mục làm việc {ws.root}")
    click.echo(f"Mở trình duyệt tại http://{'localhost' if is_loopback(host) else host}:{port}/")
    if token:
        click.secho(f"Mã đăng nhập (dùng đến khi tắt máy chủ): {token}", bold=True)
    click.echo("Nhấn Ctrl+C để dừng.")
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False)
