"""Fixtures for gendoc serve: the app on a copy of the example workspace, and its test client."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gendoc import api
from gendoc.serve.app import create_app


@pytest.fixture
def ws(example_ws: Path) -> api.Workspace:
    return api.load_workspace(example_ws)


@pytest.fixture
def app(ws: api.Workspace):  # noqa: ANN201 - a Starlette app
    application = create_app(ws)
    yield application
    application.state.jobs.shutdown()


@pytest.fixture
def client(app) -> Iterator[TestClient]:  # noqa: ANN001
    with TestClient(app) as test_client:
        yield test_client


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', html)
    assert found, "page has no CSRF field"
    return found.group(1)


def text_of(html: str) -> str:
    """The page's visible text, roughly (tags dropped, entities kept decoded)."""
    import html as htmllib

    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", html))).strip()
