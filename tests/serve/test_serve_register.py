"""The register page: issuing after a confirmation that names the number, listing, export."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
from starlette.testclient import TestClient

from gendoc import api
from tests.serve.conftest import csrf_of, text_of

PLAN = "content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml"  # the provincial plan: a draft, no number


def test_issue_confirms_the_number_then_gives_exactly_that_number(client: TestClient, ws) -> None:  # noqa: ANN001
    preview_links = client.get("/preview", params={"path": PLAN}).text
    assert "/register/issue?path=" in preview_links  # a draft offers issuing
    confirm = client.get("/register/issue", params={"path": PLAN})
    today = dt.date.today()
    shown = text_of(confirm.text)
    assert "Sẽ cấp số 01/KH-UBND" in shown and f"ngày {today:%d/%m/%Y}" in shown
    done = client.post("/register/issue", data={"csrf": csrf_of(confirm.text), "path": PLAN,
                                                "symbol": "01/KH-UBND"}, follow_redirects=False)
    assert done.status_code == 303
    assert "Đã cấp số 01/KH-UBND" in text_of(client.get(done.headers["location"]).text)
    doc = api.load_document(ws, ws.root / PLAN)
    assert doc.data.so == 1 and doc.data.ngay.to_date() == today
    listing = text_of(client.get("/register").text)
    assert "01/KH-UBND" in listing and "đã ban hành" in listing
    export = client.get("/register/export", params={"nam": str(today.year)})
    assert export.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(export.content)).active
    cells = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert any("01/KH-UBND" in c or c == "01" for c in cells), cells


def test_a_number_taken_meanwhile_asks_again(client: TestClient, ws) -> None:  # noqa: ANN001
    confirm = client.get("/register/issue", params={"path": PLAN})
    stale = client.post("/register/issue", data={"csrf": csrf_of(confirm.text), "path": PLAN,
                                                 "symbol": "00/KH-UBND"})
    assert stale.status_code == 409
    assert "Số sẽ cấp bây giờ là 01/KH-UBND" in text_of(stale.text)
    assert api.load_document(ws, ws.root / PLAN).data.so is None  # nothing issued


def test_an_issued_document_is_not_issued_twice(client: TestClient, ws) -> None:  # noqa: ANN001
    issued = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"  # already numbered (so: 5)
    confirm = client.get("/register/issue", params={"path": issued})
    symbol = confirm.text.split('name="symbol" value="')[1].split('"')[0]
    refused = client.post("/register/issue", data={"csrf": csrf_of(confirm.text),
                                                   "path": issued, "symbol": symbol})
    assert refused.status_code == 400
    assert "--force" in text_of(refused.text) or "đã có số" in text_of(refused.text)
