"""A real `gendoc serve` (uvicorn on a free loopback port) and headless Chromium through selenium.

Debian's chromium and chromium-driver are required in CI (.ci/run installs them); elsewhere the
browser tests are skipped when either is missing.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver") or next(
    (p for p in ("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver") if Path(p).exists()), None)
try:
    import selenium  # noqa: F401
except ImportError:  # pragma: no cover - declared in the test extra
    SELENIUM = False
else:
    SELENIUM = True

MISSING = [name for name, ok in (("chromium", CHROMIUM), ("chromium-driver", DRIVER),
                                 ("selenium", SELENIUM)) if not ok]
if MISSING:
    if os.environ.get("CI") == "true":
        raise RuntimeError(f"{', '.join(MISSING)} required in CI (installed by .ci/run)")
    pytest.skip(f"{', '.join(MISSING)} not installed on this machine", allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from tests.serve.conftest import free_port  # noqa: E402

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / "docs" / "img"


@contextmanager
def running(app: Any) -> Iterator[str]:
    """Serve `app` with uvicorn in a thread; yields its base URL."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started:
        assert time.time() < deadline, "uvicorn did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def chrome(downloads: Path, height: int = 1400) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM or ""
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--window-size=1280,{height}", "--lang=vi", "--disable-background-networking",
                "--no-first-run", "--disable-component-update"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads),
                                              "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(120)
    try:
        yield driver
    finally:
        driver.quit()


def wait(driver: Any, condition: Callable[[Any], Any], timeout: float = 30) -> Any:
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    return WebDriverWait(driver, timeout, poll_frequency=0.2, ignored_exceptions=[
        NoSuchElementException, StaleElementReferenceException]).until(condition)


def field(driver: Any, name: str) -> Any:
    return driver.find_element(By.NAME, name)


def type_into(driver: Any, name: str, text: str) -> None:
    element = field(driver, name)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.clear()
    element.send_keys(text)


def choose(driver: Any, name: str, value: str) -> None:
    Select(field(driver, name)).select_by_value(value)


def click(driver: Any, css: str) -> None:
    element = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def shot(driver: Any, name: str) -> Path:
    """A screenshot of the page: always taken (it must work), written to docs/img/ for
    docs/serve.md only when GENDOC_SCREENSHOTS=1 — an ordinary test run leaves the checkout as
    it was."""
    folder = SHOTS if os.environ.get("GENDOC_SCREENSHOTS") == "1" else Path(
        tempfile.gettempdir()) / "gendoc-serve-shots"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"serve-{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 1000, "an empty screenshot"
    return path


def text(driver: Any, css: str = "body") -> str:
    return str(driver.find_element(By.CSS_SELECTOR, css).text)
