"""A mapping of groups edited in the form (an inspection's findings by code): a repeated or
missing code is refused on the form, beside its entry, with nothing written and nothing the
clerk typed lost; distinct codes save every entry."""

from __future__ import annotations

import html

from starlette.testclient import TestClient

from gendoc import api
from tests.serve.conftest import text_of
from tests.serve.forms import form_fields

# One biên bản per unit; each unit's findings `ket_qua` keyed by checklist code 1 … 7.
NESTED = "content/kiem-tra/bien-ban-kiem-tra-2018.yaml"
TRICKY = 'Nhận xét "mới" & <b>đậm</b> — \'trích\''


def _open(client: TestClient) -> dict[str, str]:
    page = client.get("/edit", params={"path": NESTED})
    assert page.status_code == 200, text_of(page.text)
    return form_fields(page.text, "edit-form")


def test_a_repeated_code_is_refused_beside_its_entry_and_everything_typed_is_kept(
        client: TestClient, ws: api.Workspace) -> None:
    before = (ws.root / NESTED).read_bytes()
    fields = _open(client)
    first = fields["f.don_vi.0.ket_qua.0.nhan_xet"]
    fields["f.don_vi.0.ket_qua.2._ma"] = " 1 "  # the third finding now repeats the first's code
    fields["f.don_vi.0.ket_qua.2.nhan_xet"] = TRICKY
    for action, status in (("save", 422), ("check", 200)):
        refused = client.post("/edit", data={**fields, "action": action})
        assert refused.status_code == status
        assert (ws.root / NESTED).read_bytes() == before  # not a byte written
        shown = text_of(refused.text)
        assert "trường 'don_vi[1].ket_qua': mục thứ 3 trùng mã '1' với mục thứ 1" in shown
        assert "đổi mã của mục thứ 3" in shown
        assert 'data-field="don_vi.0.ket_qua.2"' in refused.text  # beside the third entry
        again = form_fields(refused.text, "edit-form")
        assert again["f.don_vi.0.ket_qua.0._ma"] == "1" and again["f.don_vi.0.ket_qua.2._ma"] == "1"
        assert again["f.don_vi.0.ket_qua.0.nhan_xet"] == first
        assert again["f.don_vi.0.ket_qua.2.nhan_xet"] == TRICKY
        assert again["f.don_vi.0.ket_qua.2.khac_phuc"] == fields["f.don_vi.0.ket_qua.2.khac_phuc"]
        assert html.escape(TRICKY) in refused.text.replace("&#34;", "&quot;").replace(
            "&#39;", "&#x27;")  # escaped in the page, not raw markup
        assert "<b>đậm</b>" not in refused.text
        assert {k for k in again if k.startswith("f.don_vi.0.ket_qua.")} == {
            k for k in fields if k.startswith("f.don_vi.0.ket_qua.")}  # every entry, every field
    # Given a code of its own, the entry is saved next to the first, and both read back.
    again["f.don_vi.0.ket_qua.2._ma"] = "3"
    saved = client.post("/edit", data={**again, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    found = api.load_document(ws, ws.root / NESTED).data.don_vi[0].ket_qua
    assert list(found) == [str(code) for code in range(1, 8)]
    assert found["1"].nhan_xet == first and found["3"].nhan_xet == TRICKY


def test_an_entry_with_content_but_no_code_is_refused(client: TestClient,
                                                      ws: api.Workspace) -> None:
    before = (ws.root / NESTED).read_bytes()
    fields = _open(client)
    fields["f.don_vi.1.ket_qua.3._ma"] = "  "
    refused = client.post("/edit", data={**fields, "action": "save"})
    assert refused.status_code == 422
    assert (ws.root / NESTED).read_bytes() == before
    assert "mục thứ 4 có nội dung nhưng chưa có mã" in text_of(refused.text)
    assert 'data-field="don_vi.1.ket_qua.3"' in refused.text
    again = form_fields(refused.text, "edit-form")
    assert again["f.don_vi.1.ket_qua.3.nhan_xet"] == fields["f.don_vi.1.ket_qua.3.nhan_xet"]


def test_a_new_entry_with_a_distinct_code_is_saved_with_every_other(client: TestClient,
                                                                    ws: api.Workspace) -> None:
    fields = _open(client)
    grown = client.post("/edit", data={**fields, "action": "add=:don_vi.0.ket_qua"})
    fields = form_fields(grown.text, "edit-form")
    fields["f.don_vi.0.ket_qua.7._ma"] = "KL-01"
    fields["f.don_vi.0.ket_qua.7.dat"] = "on"
    fields["f.don_vi.0.ket_qua.7.nhan_xet"] = TRICKY
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    found = api.load_document(ws, ws.root / NESTED).data.don_vi[0].ket_qua
    assert list(found) == [*map(str, range(1, 8)), "KL-01"]
    assert found["KL-01"].nhan_xet == TRICKY
    reopened = _open(client)
    assert reopened["f.don_vi.0.ket_qua.7._ma"] == "KL-01"
    assert reopened["f.don_vi.0.ket_qua.7.nhan_xet"] == TRICKY
    assert reopened["f.don_vi.0.ket_qua.0.nhan_xet"] == fields["f.don_vi.0.ket_qua.0.nhan_xet"]


def test_a_new_code_that_reads_as_an_existing_number_does_not_replace_it(
        client: TestClient, ws: api.Workspace) -> None:
    fields = _open(client)  # the file writes its codes as numbers: 3:, not '3':
    third = fields["f.don_vi.0.ket_qua.2.nhan_xet"]
    grown = client.post("/edit", data={**fields, "action": "add=:don_vi.0.ket_qua"})
    fields = form_fields(grown.text, "edit-form")
    fields["f.don_vi.0.ket_qua.7._ma"] = "03"
    fields["f.don_vi.0.ket_qua.7.dat"] = "on"
    fields["f.don_vi.0.ket_qua.7.nhan_xet"] = "Mã 03, khác mã 3."
    saved = client.post("/edit", data={**fields, "action": "save"}, follow_redirects=False)
    assert saved.status_code == 303, text_of(saved.text)
    found = api.load_document(ws, ws.root / NESTED).data.don_vi[0].ket_qua
    assert list(found) == [*map(str, range(1, 8)), "03"]
    assert found["3"].nhan_xet == third and found["03"].nhan_xet == "Mã 03, khác mã 3."


def test_remove_takes_out_the_entry_clicked_even_after_an_earlier_one_was_emptied(
        client: TestClient, ws: api.Workspace) -> None:
    fields = _open(client)
    kept = [fields[f"f.don_vi.0.ket_qua.{i}.nhan_xet"] for i in (2, 3)]
    for name in [k for k in fields if k.startswith("f.don_vi.0.ket_qua.0.")]:
        fields[name] = ""  # the first finding emptied, code and all
    fields.pop("f.don_vi.0.ket_qua.0.dat", None)
    removed = client.post("/edit", data={**fields, "action": "remove:don_vi.0.ket_qua.1"})
    again = form_fields(removed.text, "edit-form")
    shown = [again.get(f"f.don_vi.0.ket_qua.{i}.nhan_xet") for i in range(8)]
    assert fields["f.don_vi.0.ket_qua.1.nhan_xet"] not in shown  # the second, as clicked
    assert kept[0] in shown and kept[1] in shown  # not the third in its place


def test_items_remove_the_one_clicked_even_after_an_earlier_one_was_emptied(
        client: TestClient) -> None:
    fields = form_fields(client.get("/edit", params={
        "path": "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"}).text, "edit-form")
    titles = {i: fields.get(f"f.noi_dung.{i}.tieu_de") for i in range(3)}
    assert all(titles.values()), titles
    for name in [k for k in fields if k.startswith("f.noi_dung.0.")]:
        fields[name] = ""
    removed = client.post("/edit", data={**fields, "action": "remove:noi_dung.1"})
    again = form_fields(removed.text, "edit-form")
    shown = [again.get(f"f.noi_dung.{i}.tieu_de") for i in range(5)]
    assert titles[1] not in shown and titles[2] in shown
