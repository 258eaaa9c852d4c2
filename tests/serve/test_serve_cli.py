"""`gendoc serve` as a clerk starts it: loopback without login; another host prints a login token."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx

from tests.serve.conftest import free_port

REPO = Path(__file__).resolve().parents[2]
RUN = "import sys; from gendoc.cli import main; sys.exit(main())"


def _start(ws: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-u", "-c", RUN, "-w", str(ws), "serve", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONPATH": str(REPO)})


def _wait(url: str) -> httpx.Response:
    deadline = time.time() + 60
    while True:
        try:
            return httpx.get(url, follow_redirects=False, timeout=5)
        except httpx.TransportError:
            assert time.time() < deadline, "gendoc serve did not answer"
            time.sleep(0.2)


def _stop(proc: subprocess.Popen[str]) -> str:
    proc.terminate()
    out, _ = proc.communicate(timeout=30)
    return out


def test_serve_on_loopback_needs_no_login(example_ws: Path) -> None:
    port = free_port()
    proc = _start(example_ws, "--port", str(port))
    try:
        page = _wait(f"http://127.0.0.1:{port}/")
    finally:
        out = _stop(proc)
    assert page.status_code == 200 and "Tổng quan văn bản" in page.text
    assert f"http://localhost:{port}/" in out and "Mã đăng nhập" not in out


def test_serve_on_another_host_prints_a_token_and_requires_it(example_ws: Path) -> None:
    port = free_port()
    proc = _start(example_ws, "--port", str(port), "--host", "0.0.0.0")
    try:
        page = _wait(f"http://127.0.0.1:{port}/")
        login = httpx.get(f"http://127.0.0.1:{port}/login")
        cookies = login.cookies
        csrf = re.search(r'name="csrf" value="([^"]+)"', login.text).group(1)  # type: ignore[union-attr]
    finally:
        out = _stop(proc)
    assert page.status_code == 303 and page.headers["location"] == "/login"
    token = re.search(r"Mã đăng nhập \(dùng đến khi tắt máy chủ\): (\S+)", out)
    assert token and len(token.group(1)) >= 16
    assert csrf and cookies


def test_serve_help_is_vietnamese() -> None:
    out = subprocess.run([sys.executable, "-c", RUN, "serve", "--help"], capture_output=True,
                         text=True, check=True, env={**os.environ, "PYTHONPATH": str(REPO)}).stdout
    assert "Mở ứng dụng web" in out and "--host" in out and "đăng nhập" in out
