"""The web pages in a real browser: headless Chromium shows the text and loads every picture.

A copy of each page gets a small probe script (the page gendoc writes has no JavaScript) that,
after `load`, records each image's `complete`/`naturalWidth`/rendered width and the page's
visible text (`innerText`, which honours CSS) into a <pre>; `--dump-dom` prints it. The page's
Content-Security-Policy forbids every script, so the copy allows exactly the probe by its
SHA-256 hash (CSP's own mechanism) and keeps the rest of the policy as gendoc wrote it.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.media.conftest import output

CHROMIUM = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists()
                                        else None)
if CHROMIUM is None:
    if os.environ.get("CI") == "true":
        raise RuntimeError("chromium is required in CI (installed by .ci/run)")
    pytest.skip("chromium is not installed on this machine", allow_module_level=True)

PROBE_JS = """window.addEventListener('load', function () {
  var images = Array.prototype.slice.call(document.images).map(function (i) {
    return {complete: i.complete, natural: i.naturalWidth, shown: i.getBoundingClientRect().width};
  });
  var out = document.createElement('pre');
  out.id = 'gendoc-probe';
  out.textContent = JSON.stringify({images: images, text: document.body.innerText,
                                    title: document.title, lang: document.documentElement.lang});
  document.documentElement.appendChild(out);
});"""
CSP = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)')


def allow_script(page_text: str, script: str) -> str:
    """The page with `script` appended to <body> and allowed (only it) by its CSP hash."""
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    assert CSP.search(page_text), "the page has no Content-Security-Policy"
    page_text = CSP.sub(lambda m: f"{m.group(1)}{m.group(2)}; script-src 'sha256-{digest}'"
                                  f"{m.group(3)}", page_text, count=1)
    return page_text.replace("</body>", f"<script>{script}</script></body>")


def dump_dom(page_text: str, name: str, tmp: Path) -> str:
    copy = tmp / f"probe-{name}"
    copy.write_text(page_text, encoding="utf-8")
    profile = tmp / f"profile-{copy.stem}"
    run = subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run", f"--user-data-dir={profile}",
         "--virtual-time-budget=5000", "--dump-dom", copy.as_uri()],
        capture_output=True, text=True, timeout=120, check=False)
    assert "<html" in run.stdout, f"chromium printed no DOM (exit {run.returncode}): " \
                                  f"{run.stderr[-2000:]}"
    return run.stdout


def browse(page: Path, tmp: Path, script: str = PROBE_JS) -> dict:
    dom = dump_dom(allow_script(page.read_text(encoding="utf-8"), script), page.name, tmp)
    found = re.search(r'<pre id="gendoc-probe">(.*?)</pre>', dom, flags=re.S)
    assert found, f"chromium printed no probe: {dom[-2000:]}"
    return json.loads(html.unescape(found.group(1)))


@pytest.fixture(scope="module")
def pages(built, tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict]:  # noqa: ANN001
    ws, _ = built
    tmp = tmp_path_factory.mktemp("chromium")
    names = ["tin-hoi-nghi-so-ket-2017", "guong-phu-nu-tieu-bieu-2017", "thong-cao-ket-qua-2017"]
    return {name: browse(output(ws, f"{name}.html"), tmp) for name in names}


def test_news_article_text_and_photo(pages: dict[str, dict]) -> None:
    page = pages["tin-hoi-nghi-so-ket-2017"]
    assert page["lang"] == "vi"
    assert page["title"].startswith("Kiên Giang sơ kết một năm thực hiện")
    text = page["text"]
    # innerText follows the CSS: the site line is set in capitals.
    for visible in ("CỔNG THÔNG TIN ĐIỆN TỬ TỈNH KIÊN GIANG · BÌNH ĐẲNG GIỚI", "Quy hoạch và bổ nhiệm có chuyển biến",
                    "Quang cảnh hội nghị sơ kết", "(Ảnh: Minh Anh)", "Minh Anh (nguồn: Sở Nội vụ)",
                    "& định kỳ báo cáo"):
        assert visible in text
    assert "{{" not in text and "{:" not in text
    assert len(page["images"]) == 1
    image = page["images"][0]
    assert image["complete"] and image["natural"] == 480 and image["shown"] > 100


def test_profiles_every_portrait_loads(pages: dict[str, dict]) -> None:
    page = pages["guong-phu-nu-tieu-bieu-2017"]
    assert [i["natural"] for i in page["images"]] == [180, 180, 180]
    assert all(i["complete"] and i["shown"] > 50 for i in page["images"])
    for name in ("Nguyễn Thị Lan", "Lê Thị Hồng", "Trần Mỹ Phượng", "Thành tích tiêu biểu"):
        assert name in page["text"]


def test_press_release_shows_figures_and_contact(built, pages: dict[str, dict]) -> None:  # noqa: ANN001
    from gendoc.reports import consolidate
    from gendoc.reports.wording import phan_tram_vn

    ws, _ = built
    leaders = phan_tram_vn(consolidate(ws, 2017).ty_le("lanh_dao"))
    page = pages["thong-cao-ket-qua-2017"]
    text = page["text"]
    assert "Một số chỉ tiêu chủ yếu" in text
    assert "Thông tin liên hệ: Nguyễn Văn An" in text
    assert re.search(r"Lãnh đạo, quản lý — tỷ lệ nữ\s+" + re.escape(leaders), text)
    assert page["title"].startswith(f"Năm 2017: {leaders}")
    assert all(i["complete"] and i["natural"] > 0 for i in page["images"])


# --- nothing from content runs in the browser -------------------------------------------------

PAYLOADS = {
    "don_vi": "<script>window.__xss='don_vi'</script>",
    "chuyen_muc": "\" onmouseover=\"window.__xss='chuyen_muc'",
    "tieu_de": "</title><script>window.__xss='tieu_de'</script>",
    "sapo": "![a](x.png){: onerror=window.__xss='sapo' }",
    "tac_gia": "<b onmouseover=window.__xss='tac_gia'>A</b>",
}
PARAGRAPHS = [
    "[x](javascript:window.__xss='link')",
    "<img src=x onerror=window.__xss='img'>",
    "<script>window.__xss='script'</script>",
    "[d](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==) "
    "<a href=\"data:text/html,<script>parent.__xss='data'</script>\">d</a>",
    "<a href=\"javascript:window.__xss='a'\">bấm</a> {: onclick=\"window.__xss='attr'\" }",
    "<iframe src=\"javascript:parent.__xss='iframe'\"></iframe><svg onload=window.__xss='svg'>",
    "<style>body{display:none}</style><form action=\"javascript:x\"><button>b</button></form>",
]
XSS_PROBE = """window.addEventListener('load', function () {
  var on = [], urls = [];
  document.querySelectorAll('*').forEach(function (el) {
    for (var i = 0; i < el.attributes.length; i++) {
      var name = el.attributes[i].name, value = el.attributes[i].value;
      if (name.indexOf('on') === 0) on.push(el.tagName + '.' + name);
      if (['src', 'href', 'action', 'srcdoc', 'data', 'formaction'].indexOf(name) >= 0)
        urls.push(el.tagName + ' ' + name + '=' + value.slice(0, 40));
    }
  });
  var out = document.createElement('pre');
  out.id = 'gendoc-probe';
  out.textContent = JSON.stringify({
    xss: window.__xss || null, scripts: document.scripts.length, on: on, urls: urls,
    active: document.querySelectorAll('a, iframe, object, embed, form, svg, body style').length,
    text: document.body.innerText, title: document.title});
  document.documentElement.appendChild(out);
});"""


@pytest.fixture(scope="module")
def hostile_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from gendoc.build import render_file
    from gendoc.workspace import load_workspace
    from gendoc.yamlio import dump_yaml
    from tests.media.conftest import REPO

    root = tmp_path_factory.mktemp("xss") / "ws"
    (root / "content").mkdir(parents=True)
    shutil.copy2(REPO / "gendoc.yaml", root / "gendoc.yaml")
    shutil.copytree(REPO / "content" / "truyen-thong" / "_anh", root / "content" / "_anh")
    content = {"loai": "tin_bai", **PAYLOADS,
               "anh": {"tep": "_anh/hoi-nghi.png",
                       "chu_thich": "\"><img src=x onerror=\"window.__xss='chu_thich'\">",
                       "tac_gia": "<svg onload=window.__xss='tac_gia_anh'>"},
               "noi_dung": [{"tieu_de": "<h1 onclick=\"window.__xss='h'\">x</h1>",
                             "doan": PARAGRAPHS}]}
    path = root / "content" / "tin.yaml"
    path.write_text(dump_yaml(content), encoding="utf-8")
    render_file(load_workspace(root), path)
    return root / "output" / "tin.html"


def _assert_inert(seen: dict) -> None:
    assert seen["xss"] is None
    assert seen["scripts"] == 1  # the probe itself
    assert seen["on"] == [] and seen["active"] == 0
    assert [u for u in seen["urls"] if not u.startswith("IMG src=data:image/png;base64,")] == []
    assert len(seen["urls"]) == 1  # the photo, inlined by gendoc
    for payload in [PAYLOADS["sapo"], PAYLOADS["tac_gia"], *PARAGRAPHS]:
        assert " ".join(payload.split()) in seen["text"]
    assert seen["title"] == PAYLOADS["tieu_de"]


def test_xss_payloads_stay_text_under_the_pages_own_policy(hostile_page: Path,
                                                          tmp_path: Path) -> None:
    page = hostile_page.read_text(encoding="utf-8")
    dom = dump_dom(allow_script(page, XSS_PROBE), "xss-csp.html", tmp_path)
    found = re.search(r'<pre id="gendoc-probe">(.*?)</pre>', dom, flags=re.S)
    assert found, dom[-2000:]
    _assert_inert(json.loads(html.unescape(found.group(1))))


def test_xss_payloads_stay_text_even_without_the_policy(hostile_page: Path,
                                                       tmp_path: Path) -> None:
    """The sanitiser alone is enough: with the CSP meta tag removed, still nothing runs."""
    page = CSP.sub("", hostile_page.read_text(encoding="utf-8"))
    assert "Content-Security-Policy" not in page
    dom = dump_dom(page.replace("</body>", f"<script>{XSS_PROBE}</script></body>"),
                   "xss-bare.html", tmp_path)
    found = re.search(r'<pre id="gendoc-probe">(.*?)</pre>', dom, flags=re.S)
    assert found, dom[-2000:]
    _assert_inert(json.loads(html.unescape(found.group(1))))


def test_the_policy_blocks_any_script_that_got_in(hostile_page: Path, tmp_path: Path) -> None:
    """Defence in depth: markup injected after gendoc (a CMS, a careless edit) cannot run."""
    page = hostile_page.read_text(encoding="utf-8").replace(
        "</body>", "<script>document.title='chạy'</script>"
                   "<img src=x onerror=\"document.title='chạy'\"></body>")
    dom = dump_dom(page, "xss-injected.html", tmp_path)
    title = re.search(r"<title>(.*?)</title>", dom, flags=re.S)
    assert title and html.unescape(title.group(1)) == PAYLOADS["tieu_de"]
