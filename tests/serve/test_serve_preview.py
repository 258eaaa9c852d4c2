"""The preview: page images with the ND30 and the layout checks beside them (the API's own
reports), and a cache of page images that stays bounded."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from gendoc import api
from gendoc.serve.preview import cache_root, make_preview, prune
from tests.serve.conftest import text_of

PLAN = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
OFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_office = pytest.mark.skipif(not (OFFICE and shutil.which("pdftoppm")),
                                  reason="LibreOffice and pdftoppm are needed for page images")


def _entry(root: Path, n: int, used: float, size: int = 1000, finished: bool = True) -> Path:
    folder = root / f"{n:064x}"
    folder.mkdir(parents=True)
    (folder / "page-1.png").write_bytes(b"x" * size)
    if finished:
        (folder / "check.json").write_text("{}", encoding="utf-8")
    for path in (*folder.iterdir(), folder):
        os.utime(path, (used, used))
    return folder


def test_the_cache_keeps_the_most_recently_used_within_its_bounds(tmp_path: Path) -> None:
    now = time.time()
    entries = [_entry(tmp_path, n, now - 3600 * n) for n in range(1, 8)]  # 1 is the newest
    (tmp_path / "ghi-chu-cua-nguoi-dung").mkdir()  # not a hash: never touched
    (tmp_path / "ghi-chu.txt").write_text("giữ", encoding="utf-8")
    removed = prune(tmp_path, now=now, max_entries=4, max_bytes=10**9)
    assert sorted(removed) == sorted(e.name for e in entries[4:])
    assert [e.exists() for e in entries] == [True] * 4 + [False] * 3
    assert (tmp_path / "ghi-chu-cua-nguoi-dung").is_dir() and (tmp_path / "ghi-chu.txt").exists()
    removed = prune(tmp_path, now=now, max_entries=100, max_bytes=2500)  # by size: two fit
    assert [e.exists() for e in entries[:4]] == [True, True, False, False]
    keep = entries[1].name
    prune(tmp_path, keep=keep, now=now, max_entries=0, max_bytes=0)  # the one just made stays
    assert [e.exists() for e in entries[:2]] == [False, True]


def test_stale_and_unfinished_entries_are_removed(tmp_path: Path) -> None:
    now = time.time()
    fresh = _entry(tmp_path, 1, now - 60)
    old = _entry(tmp_path, 2, now - 31 * 86400)
    dead = _entry(tmp_path, 3, now - 2 * 3600, finished=False)  # a conversion that died
    running = _entry(tmp_path, 4, now - 60, finished=False)  # another job still converting
    assert sorted(prune(tmp_path, now=now)) == sorted([old.name, dead.name])
    assert fresh.exists() and running.exists()


def test_a_cached_entry_is_touched_when_used(tmp_path: Path) -> None:
    from gendoc.serve.preview import _saved

    folder = _entry(tmp_path, 1, time.time() - 86400)
    (folder / "check.json").write_text('{"pages": ["page-1.png"], "findings": [], "checked": '
                                       'true, "layout": []}', encoding="utf-8")
    os.utime(folder / "check.json", (time.time() - 86400,) * 2)
    assert _saved(folder, folder.name) is not None
    assert time.time() - (folder / "check.json").stat().st_mtime < 60


@needs_office
def test_the_preview_shows_the_layout_check_of_its_printed_pages(client: TestClient,
                                                                 ws: api.Workspace) -> None:
    made = make_preview(ws, ws.root / PLAN)
    pdf = cache_root(ws) / made.hash / "doc.pdf"
    expected = api.check_layout(pdf)  # the same check as `gendoc check --layout`
    assert made.checked and made.pages
    assert made.layout == [{"severity": f.severity_label, "rule": f.rule, "location": f.location,
                            "message": f.message} for f in expected.findings]
    start = client.get("/preview/start", params={"path": PLAN})  # cached now: done at once
    job = start.text.split('hx-get="/preview/job/')[1].split('"')[0] if "hx-get" in start.text \
        else None
    html = start.text
    for _ in range(100):
        if 'id="layout-results"' in html or job is None:
            break
        time.sleep(0.2)
        html = client.get(f"/preview/job/{job}").text
    shown = text_of(html)
    assert "Kiểm tra bố cục trang in" in shown
    errors = len(expected.errors)
    assert f"{errors} lỗi, {len(expected.findings) - errors} cảnh báo/ghi chú" in \
        shown.split("Kiểm tra bố cục trang in")[1]
    for finding in expected.findings:
        assert finding.message in shown


def test_layout_findings_are_listed_escaped_beside_the_pages() -> None:
    from gendoc.serve.jobs import Job
    from gendoc.serve.preview import Preview
    from gendoc.serve.views import _env

    finding = {"severity": "lỗi", "rule": "layout.closing_alone", "location": "trang 3",
               "message": "Khối chữ ký <b>đứng một mình</b> & không có nội dung"}
    note = {"severity": "ghi chú", "rule": "layout.heading_at_foot", "location": "trang 1",
            "message": "Đề mục cuối trang"}
    job = Job(id="x", title="t", state="xong",
              result=Preview("a" * 64, ["page-1.png"], [], True, [finding, note]))
    html = _env.get_template("preview_fragment.html").render(job=job)
    layout = html.split('id="layout-results"')[1]
    assert "1 lỗi, 1 cảnh báo/ghi chú" in text_of(layout)
    assert "&lt;b&gt;đứng một mình&lt;/b&gt; &amp; không" in layout and "<b>đứng" not in layout
    assert "layout.closing_alone — trang 3" in text_of(layout)
    broken = Job(id="y", title="t", state="xong", result=Preview(
        "a" * 64, ["page-1.png"], [], True, [], "không đọc được tệp PDF <x>"))
    assert "không đọc được tệp PDF &lt;x&gt;" in _env.get_template(
        "preview_fragment.html").render(job=broken)
