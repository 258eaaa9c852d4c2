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


def test_the_issue_date_is_chosen_shown_and_written(client: TestClient, ws) -> None:  # noqa: ANN001
    confirm = client.get("/register/issue", params={"path": PLAN})
    assert f'name="ngay" value="{dt.date.today():%d/%m/%Y}"' in confirm.text  # today
    chosen = client.get("/register/issue", params={"path": PLAN, "ngay": "2017-01-20"})
    assert chosen.status_code == 200
    shown = text_of(chosen.text)
    assert "Sẽ cấp số 01/KH-UBND , ngày 20/01/2017" in shown
    assert "Cấp số 01/KH-UBND ngày 20/01/2017" in shown  # the button names both
    done = client.post("/register/issue", data={"csrf": csrf_of(chosen.text), "path": PLAN,
                                                "symbol": "01/KH-UBND", "ngay": "20/01/2017"},
                       follow_redirects=False)
    assert done.status_code == 303
    flash = text_of(client.get(done.headers["location"]).text)
    assert "Đã cấp số 01/KH-UBND ngày 20/01/2017" in flash
    doc = api.load_document(ws, ws.root / PLAN)
    assert doc.data.so == 1 and doc.data.ngay.to_date() == dt.date(2017, 1, 20)
    assert "ngay: 2017-01-20" in (ws.root / PLAN).read_text(encoding="utf-8")


def test_a_wrong_issue_date_is_refused_with_the_reason(client: TestClient, ws) -> None:  # noqa: ANN001
    before = (ws.root / PLAN).read_bytes()
    token = csrf_of(client.get("/register/issue", params={"path": PLAN}).text)
    ahead = (dt.date.today() + dt.timedelta(days=400)).strftime("%d/%m/%Y")
    for typed, reason in (("31/12/2015", "trước ngày 01/01/2016 (văn bản ghi năm 2016)"),
                          (ahead, "cách hôm nay hơn một năm"),
                          ("31/02/2017", "không đọc được"), ("12/2016", "không đọc được"),
                          ("<b>&</b>", "không đọc được")):
        page = client.get("/register/issue", params={"path": PLAN, "ngay": typed})
        assert page.status_code == 422 and reason in text_of(page.text), typed
        assert 'id="issue"' not in page.text  # nothing to confirm
        posted = client.post("/register/issue", data={"csrf": token, "path": PLAN,
                                                      "symbol": "01/KH-UBND", "ngay": typed})
        assert posted.status_code == 422 and reason in text_of(posted.text), typed
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in page.text
    assert (ws.root / PLAN).read_bytes() == before  # nothing issued
