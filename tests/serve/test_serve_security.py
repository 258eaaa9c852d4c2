"""What keeps `gendoc serve` safe: CSRF on every POST, headers, paths inside the workspace,
capped bodies, login off loopback, trusted hosts, escaping, and no traceback in a page."""

from __future__ import annotations

import pytest
from starlette.routing import Route
from starlette.testclient import TestClient

from gendoc.serve import pages_overview
from gendoc.serve.app import create_app
from gendoc.serve.security import is_loopback
from tests.serve.conftest import csrf_of, text_of


def post_routes(app) -> list[str]:  # noqa: ANN001
    return sorted({r.path for r in app.routes if isinstance(r, Route) and "POST" in (r.methods or ())})


def test_every_post_without_the_csrf_token_is_refused(app, client: TestClient, ws) -> None:  # noqa: ANN001
    before = {p: p.read_bytes() for p in ws.content_dir.rglob("*.yaml")}
    client.get("/")  # a session exists, but the forged form does not carry its token
    routes = post_routes(app)
    assert {"/edit", "/new", "/build", "/render", "/bias", "/login", "/logout"} <= set(routes)
    for path in routes:
        for forged in ({}, {"csrf": "guessed"}):
            response = client.post(path, data={**forged, "path": "content/ke-hoach/so-y-te-bdg-2016-2020.yaml",
                                               "action": "save", "kind": "ke_hoach"})
            assert response.status_code == 403, path
            assert "Phiên làm việc đã hết hạn" in text_of(response.text)
    assert {p: p.read_bytes() for p in ws.content_dir.rglob("*.yaml")} == before


def test_every_page_carries_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/new", "/bias", "/edit?path=content/ke-hoach/so-y-te-bdg-2016-2020.yaml",
                 "/nowhere", "/static/app.css"):
        headers = client.get(path).headers
        csp = headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style_and_no_outside_asset(client: TestClient) -> None:
    html = client.get("/edit", params={"path": "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"}).text
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert "http://" not in html and "https://" not in html
    assert '<script src="/static/htmx.min.js"' in html
    assert client.get("/static/htmx.min.js").status_code == 200


@pytest.mark.parametrize("path", [
    "../gendoc.yaml", "/etc/passwd", "content/../gendoc.yaml", "content/../../../etc/passwd",
    "content/ke-hoach/../../gendoc.yaml", "gendoc.yaml", "content/ke-hoach/x.py", "",
    "content/\x00.yaml",
])
def test_content_paths_outside_content_are_refused(client: TestClient, path: str) -> None:
    for url in ("/edit", "/preview", "/preview/start", "/register/issue"):
        response = client.get(url, params={"path": path})
        assert response.status_code == 404, (url, path)
        assert "nằm ngoài thư mục làm việc" in text_of(response.text)


def test_a_symlink_out_of_the_workspace_is_refused(client: TestClient, ws, tmp_path) -> None:  # noqa: ANN001
    secret = tmp_path / "secret.yaml"
    secret.write_text("loai: ke_hoach\n", encoding="utf-8")
    (ws.content_dir / "lien-ket.yaml").symlink_to(secret)
    (ws.root / "output").mkdir(exist_ok=True)
    (ws.output_dir / "lien-ket.docx").symlink_to(secret)
    assert client.get("/edit", params={"path": "content/lien-ket.yaml"}).status_code == 404
    assert client.get("/download", params={"path": "output/lien-ket.docx"}).status_code == 404


@pytest.mark.parametrize("path", ["../gendoc.yaml", "output/../gendoc.yaml", "/etc/passwd",
                                  "output/../../etc/passwd", "output/"])
def test_downloads_come_only_from_output(client: TestClient, ws, path: str) -> None:  # noqa: ANN001
    response = client.get("/download", params={"path": path})
    assert response.status_code == 404
    assert "root:" not in response.text and "co_quan" not in response.text


def test_page_images_are_served_only_by_the_names_gendoc_makes(client: TestClient) -> None:
    for key, name in (("..", "..%2Fgendoc.yaml"), ("a" * 64, "page-1.png"),
                      ("a" * 64, "..%2F..%2Fgendoc.yaml")):
        assert client.get(f"/preview/page/{key}/{name}").status_code == 404


def test_a_new_file_cannot_be_created_outside_content(client: TestClient, ws) -> None:  # noqa: ANN001
    token = csrf_of(client.get("/new").text)
    for folder, name in (("..", "thu"), ("/tmp", "thu"), ("content", "../../thu"),
                         ("content", "Thu Hoa"), ("templates", "thu")):
        response = client.post("/new", data={"csrf": token, "kind": "ke_hoach",
                                             "folder": folder, "name": name})
        assert response.status_code == 400, (folder, name)
    assert not list(ws.root.parent.glob("thu*"))


def test_an_oversized_body_is_refused_before_it_is_read(ws) -> None:  # noqa: ANN001
    app = create_app(ws, max_body=64 * 1024)
    with TestClient(app) as client:
        token = csrf_of(client.get("/bias").text)
        big = client.post("/bias", data={"csrf": token, "text": "x" * (65 * 1024)})
        assert big.status_code == 413
        assert "quá lớn" in big.text
        fine = client.post("/bias", data={"csrf": token, "text": "Bình thường."})
        assert fine.status_code == 200
    app.state.jobs.shutdown()


def test_content_is_escaped_everywhere(client: TestClient, ws) -> None:  # noqa: ANN001
    evil = "<script>alert(1)</script> & \"quoted\" {{ 7*7 }}"
    (ws.content_dir / "ke-hoach" / "thu.yaml").write_text(
        f"loai: ke_hoach\nco_quan: so-noi-vu\ntrich_yeu: '{evil}'\nnguoi_ky:\n  chuc_vu: GIÁM ĐỐC\n"
        f"  ho_ten: '{evil}'\nnoi_nhan: [Như trên]\n", encoding="utf-8")
    overview = client.get("/").text
    edit = client.get("/edit", params={"path": "content/ke-hoach/thu.yaml"}).text
    escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quoted&#34; {{ 7*7 }}"
    for html in (overview, edit):
        assert "<script>alert" not in html
        assert escaped in html  # printed literally, never evaluated as a template
    assert f'value="{escaped}"' in edit


def test_no_traceback_reaches_the_browser(ws, monkeypatch) -> None:  # noqa: ANN001
    def broken(ws):  # noqa: ANN001, ANN202
        raise RuntimeError("secret internal detail /srv/gendoc")

    monkeypatch.setattr(pages_overview, "document_rows", broken)
    app = create_app(ws)
    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/")
    app.state.jobs.shutdown()
    assert response.status_code == 500
    assert "Traceback" not in response.text and "secret internal detail" not in response.text
    assert "Lỗi ngoài dự kiến (RuntimeError)" in text_of(response.text)


def test_an_unknown_host_is_refused(client: TestClient) -> None:
    """A DNS-rebinding page cannot talk to the loopback server under its own name."""
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_off_loopback_every_page_needs_the_login_token(ws) -> None:  # noqa: ANN001
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")
    app = create_app(ws, login_token="dung-ma-nay", allowed_hosts=["*"])
    with TestClient(app) as client:
        for path in ("/", "/edit?path=content/ke-hoach/so-y-te-bdg-2016-2020.yaml", "/bias",
                     "/download?path=output/x.docx"):
            response = client.get(path, follow_redirects=False)
            assert response.status_code == 303 and response.headers["location"] == "/login"
        login = client.get("/login")
        token = csrf_of(login.text)
        wrong = client.post("/login", data={"csrf": token, "token": "sai", "name": "A"})
        assert wrong.status_code == 403 and "mã đăng nhập không đúng" in text_of(wrong.text)
        right = client.post("/login", data={"csrf": token, "token": "dung-ma-nay", "name": "Lan"},
                            follow_redirects=False)
        assert right.status_code == 303
        home = client.get("/")
        assert home.status_code == 200 and "Lan" in text_of(home.text)
        token = csrf_of(home.text)
        client.post("/logout", data={"csrf": token})
        assert client.get("/", follow_redirects=False).status_code == 303
    app.state.jobs.shutdown()


def test_accounts_log_in_with_their_password_which_is_stored_hashed(ws) -> None:  # noqa: ANN001
    from click.testing import CliRunner

    from gendoc.cli import main
    from gendoc.serve.users import USERS_FILE, load_users

    added = CliRunner().invoke(main, ["-w", str(ws.root), "serve", "--add-user", "lan"],
                               input="mat-khau-dai\nmat-khau-dai\n")
    assert added.exit_code == 0, added.output
    stored = (ws.root / USERS_FILE).read_text(encoding="utf-8")
    assert "mat-khau-dai" not in stored and "scrypt$" in stored
    short = CliRunner().invoke(main, ["-w", str(ws.root), "serve", "--add-user", "an"],
                               input="ngan\nngan\n")
    assert short.exit_code == 1 and "ít nhất 8 ký tự" in short.output
    assert list(load_users(ws.root)) == ["lan"]
    app = create_app(ws, login_token="ma-chung", allowed_hosts=["*"])
    with TestClient(app) as client:
        token = csrf_of(client.get("/login").text)
        for name, secret in (("lan", "sai-mat-khau"), ("lan", "ma-chung"), ("khach", "mat-khau-dai")):
            refused = client.post("/login", data={"csrf": token, "name": name, "token": secret})
            assert refused.status_code == 403, (name, secret)
        ok = client.post("/login", data={"csrf": token, "name": "lan", "token": "mat-khau-dai"},
                         follow_redirects=False)
        assert ok.status_code == 303
        assert "lan" in text_of(client.get("/").text)
    app.state.jobs.shutdown()


def _cli(ws, *args: str, typed: str = ""):  # noqa: ANN001, ANN202
    from click.testing import CliRunner

    from gendoc.cli import main

    return CliRunner().invoke(main, ["-w", str(ws.root), "serve", *args], input=typed)


def _login(client: TestClient, name: str, password: str) -> None:
    token = csrf_of(client.get("/login").text)
    done = client.post("/login", data={"csrf": token, "name": name, "token": password},
                       follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == "/", text_of(done.text)


def test_accounts_are_removed_and_passwords_changed_from_the_command_line(ws) -> None:  # noqa: ANN001
    from gendoc.serve.users import load_accounts

    assert _cli(ws, "--add-user", "lan", typed="mat-khau-lan\nmat-khau-lan\n").exit_code == 0
    assert _cli(ws, "--add-user", "an", typed="mat-khau-an1\nmat-khau-an1\n").exit_code == 0
    assert {n: a.admin for n, a in load_accounts(ws.root).items()} == {"lan": True, "an": False}
    app = create_app(ws, login_token="ma-chung", allowed_hosts=["*"])
    with TestClient(app) as lan, TestClient(app) as an:
        _login(lan, "lan", "mat-khau-lan")
        _login(an, "an", "mat-khau-an1")
        last = _cli(ws, "--remove-user", "lan")
        assert last.exit_code == 1 and "quản trị viên cuối cùng" in last.output
        removed = _cli(ws, "--remove-user", "an")
        assert removed.exit_code == 0 and "Đã xóa tài khoản 'an'" in removed.output
        gone = an.get("/", follow_redirects=False)  # the removed account's session has ended
        assert gone.status_code == 303 and gone.headers["location"] == "/login"
        assert lan.get("/", follow_redirects=False).status_code == 200
        changed = _cli(ws, "--password", "lan", typed="mat-khau-moi\nmat-khau-moi\n")
        assert changed.exit_code == 0, changed.output
        assert lan.get("/", follow_redirects=False).status_code == 303  # old sessions end
        _login(lan, "lan", "mat-khau-moi")
        missing = _cli(ws, "--password", "khong-co", typed="mat-khau-moi\nmat-khau-moi\n")
        assert missing.exit_code == 1 and "không có tài khoản 'khong-co'" in missing.output
        listed = _cli(ws, "--list-users")
        assert listed.output.splitlines() == ["lan (quản trị viên)"]
    app.state.jobs.shutdown()


def test_the_accounts_page_removes_users_and_changes_passwords(ws) -> None:  # noqa: ANN001
    from gendoc.serve.users import add_user, load_accounts

    add_user(ws.root, "lan", "mat-khau-lan")  # the first account: administrator
    add_user(ws.root, "an", "mat-khau-an1")
    add_user(ws.root, "<b>&binh</b>", "mat-khau-binh")
    app = create_app(ws, login_token="ma-chung", allowed_hosts=["*"])
    with TestClient(app) as lan, TestClient(app) as an:
        _login(lan, "lan", "mat-khau-lan")
        _login(an, "an", "mat-khau-an1")
        mine = an.get("/accounts")
        assert "Xóa tài khoản" not in mine.text and "&lt;b&gt;" not in mine.text  # own row only
        token = csrf_of(mine.text)
        refused = an.post("/accounts", data={"csrf": token, "action": "remove", "name": "lan"})
        assert refused.status_code == 400 and "chỉ quản trị viên" in text_of(refused.text)
        wrong = an.post("/accounts", data={"csrf": token, "action": "password", "name": "an",
                                           "current": "sai", "new": "mat-khau-an2",
                                           "again": "mat-khau-an2"})
        assert wrong.status_code == 400 and "mật khẩu hiện tại không đúng" in text_of(wrong.text)
        own = an.post("/accounts", data={"csrf": token, "action": "password", "name": "an",
                                         "current": "mat-khau-an1", "new": "mat-khau-an2",
                                         "again": "mat-khau-an2"})
        assert own.status_code == 200 and "Đã đổi mật khẩu của 'an'" in text_of(own.text)
        assert an.get("/", follow_redirects=False).status_code == 200  # this session goes on
        page = lan.get("/accounts")
        assert "&lt;b&gt;&amp;binh&lt;/b&gt;" in page.text and "<b>&binh" not in page.text
        token = csrf_of(page.text)
        last = lan.post("/accounts", data={"csrf": token, "action": "remove", "name": "lan"})
        assert last.status_code == 400 and "quản trị viên cuối cùng" in text_of(last.text)
        done = lan.post("/accounts", data={"csrf": token, "action": "remove", "name": "an"})
        assert done.status_code == 200 and "Đã xóa tài khoản 'an'" in text_of(done.text)
        assert an.get("/", follow_redirects=False).headers["location"] == "/login"
        assert sorted(load_accounts(ws.root)) == ["<b>&binh</b>", "lan"]
    app.state.jobs.shutdown()
