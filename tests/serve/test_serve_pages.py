"""Overview, reports upload and the bias check, through Starlette's test client."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import openpyxl
from starlette.testclient import TestClient

from gendoc import api
from gendoc.serve.pages_reports import MAX_UPLOAD_BYTES
from tests.serve.conftest import csrf_of, text_of

FORM = "content/bao-cao/2017/ubnd-huyen-phu-quoc.xlsx"


def test_overview_lists_documents_by_kind_and_unit_with_their_state(client: TestClient) -> None:
    shown = text_of(client.get("/").text)
    assert "Kế hoạch" in shown and "Sở Y tế" in shown
    assert "content/ke-hoach/so-y-te-bdg-2016-2020.yaml" in shown
    assert "Đã ban hành: số 05/KH-SYT, ngày 16/01/2017" in shown
    assert "Dự thảo" in shown  # the provincial plan has no number yet


def test_outputs_are_listed_and_downloaded_after_a_render(client: TestClient, ws) -> None:  # noqa: ANN001
    path = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"
    token = csrf_of(client.get("/").text)
    done = client.post("/render", data={"csrf": token, "path": path}, follow_redirects=False)
    assert done.status_code == 303
    overview = client.get("/").text
    assert "/download?path=output/ke-hoach/so-y-te-bdg-2016-2020.docx" in overview
    got = client.get("/download", params={"path": "output/ke-hoach/so-y-te-bdg-2016-2020.docx"})
    assert got.status_code == 200
    assert got.content == (ws.output_dir / "ke-hoach/so-y-te-bdg-2016-2020.docx").read_bytes()
    assert "attachment" in got.headers["content-disposition"]


def _upload(client: TestClient, data: bytes, name: str = "bao-cao.xlsx", year: str = "2017",
            replace: bool = False):  # noqa: ANN202
    token = csrf_of(client.get("/reports").text)
    fields = {"csrf": token, "nam": year, **({"thay_the": "on"} if replace else {})}
    return client.post("/reports/upload", data=fields, files={"tep": (name, data)})


def _bad_form(ws) -> bytes:  # noqa: ANN001
    book = openpyxl.load_workbook(ws.root / FORM)
    book["Biểu 1"]["E6"] = "mười"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_excel_report_with_an_error_names_the_cell_and_is_not_saved(client: TestClient, ws) -> None:  # noqa: ANN001
    target = ws.root / FORM
    before = target.read_bytes()
    response = _upload(client, _bad_form(ws), "phu-quoc.xlsx", replace=True)
    assert response.status_code == 422
    assert ("phu-quoc.xlsx, ô Biểu 1!E6: trường 'so_lieu.nhan_su.can_bo.nu': phải là số "
            "nguyên, nhận được 'mười'") in text_of(response.text)
    assert target.read_bytes() == before
    assert not list((ws.root / ".gendoc" / "serve-uploads").glob("*/*"))  # scratch cleaned


def test_a_valid_form_goes_into_the_years_folder_by_its_unit(client: TestClient, ws) -> None:  # noqa: ANN001
    data = (ws.root / FORM).read_bytes()
    (ws.root / FORM).unlink()
    response = _upload(client, data, "bat-ky-ten-nao.xlsx")
    assert response.status_code == 200, text_of(response.text)
    assert "Đã lưu content/bao-cao/2017/ubnd-huyen-phu-quoc.xlsx" in text_of(response.text)
    assert (ws.root / FORM).read_bytes() == data
    assert "/preview?path=content/bao-cao/tong-hop-2017.yaml" in response.text  # the year's consolidation
    again = _upload(client, data)
    assert again.status_code == 409 and "Thay bản cũ" in text_of(again.text)
    other_year = _upload(client, data, year="2016")
    assert other_year.status_code == 422 and "báo cáo năm 2017" in text_of(other_year.text)


def test_uploads_are_checked_by_content_not_name(client: TestClient, ws) -> None:  # noqa: ANN001
    for data in (b"not a spreadsheet", b"PK\x03\x04 broken zip", _zip({"a.txt": b"x"}),
                 (ws.root / "gendoc.yaml").read_bytes()):
        response = _upload(client, data, "bao-cao.xlsx")
        assert response.status_code == 422
        assert "không phải bảng tính Excel .xlsx" in text_of(response.text)
    plain = openpyxl.Workbook()
    out = io.BytesIO()
    plain.save(out)
    response = _upload(client, out.getvalue())
    assert response.status_code == 422 and "không phải biểu mẫu báo cáo" in text_of(response.text)


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_an_oversized_upload_is_refused(client: TestClient, ws) -> None:  # noqa: ANN001
    response = _upload(client, b"PK\x03\x04" + b"0" * (MAX_UPLOAD_BYTES + 10))
    assert response.status_code == 413 and "tệp quá lớn" in text_of(response.text)
    assert not list((ws.content_dir / "bao-cao" / "2017").glob("bao-cao*"))


def test_upload_names_cannot_place_files(client: TestClient, ws) -> None:  # noqa: ANN001
    data = (ws.root / FORM).read_bytes()
    response = _upload(client, data, "../../../gendoc.yaml", replace=True)
    assert response.status_code == 200
    assert (ws.root / FORM).read_bytes() == data  # stored by its unit code, never by its name
    assert "co_quan" in (ws.root / "gendoc.yaml").read_text(encoding="utf-8")


def test_bias_check_marks_findings_in_place(client: TestClient) -> None:
    token = csrf_of(client.get("/bias").text)
    text = "Hội nghị tổng kết.\nChị em phụ nữ phải lo cơm nước cho cả nhà. <b>&</b>"
    response = client.post("/bias", data={"csrf": token, "text": text})
    assert response.status_code == 200
    assert "<mark" in response.text and "&lt;b&gt;&amp;&lt;/b&gt;" in response.text
    from gendoc.bias.check import check_text

    findings = check_text(text)
    assert findings and f"{len(findings)} phát hiện" in text_of(response.text)
    assert findings[0].message() in text_of(response.text)


def test_a_build_runs_as_a_job_and_reports_its_outcome(client: TestClient, ws) -> None:  # noqa: ANN001
    import time

    token = csrf_of(client.get("/").text)
    started = client.post("/build", data={"csrf": token}, follow_redirects=False)
    assert started.status_code == 303
    url = started.headers["location"]
    for _ in range(600):
        page = client.get(url, headers={"HX-Request": "true"})
        if "xong" in text_of(page.text) or "lỗi" in text_of(page.text).split("Trạng thái:")[1][:12]:
            break
        time.sleep(0.5)
    shown = text_of(page.text)
    assert "Trạng thái: xong" in shown, shown
    written = len([p for p in Path(ws.output_dir).rglob("*") if p.is_file()])
    assert written > 20 and f"Đã ghi {written} tệp vào output/" in shown


def test_plans_derive_every_missing_unit_plan_and_show_their_status(client: TestClient, ws) -> None:  # noqa: ANN001
    page = client.get("/plans")
    shown = text_of(page.text)
    assert "hạn gửi 25/01/2017" in shown
    assert "Sở Y tế Đã ban hành" in shown and "05/KH-SYT 16/01/2017 Đúng hạn" in shown
    kept = (ws.content_dir / "ke-hoach" / "so-y-te-bdg-2016-2020.yaml").read_bytes()
    derived = client.post("/plans/derive", data={"csrf": csrf_of(page.text)})
    assert derived.status_code == 200
    made = ws.content_dir / "ke-hoach" / "so-noi-vu-bdg-2016-2020.yaml"
    assert made.is_file()
    doc = api.load_document(ws, made)  # a valid plan of that unit, implementing the provincial one
    assert doc.data.co_quan == "so-noi-vu"
    assert doc.data.thuc_hien_ke_hoach == "content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml"
    assert (ws.content_dir / "ke-hoach" / "so-y-te-bdg-2016-2020.yaml").read_bytes() == kept
    count = len([p for p in (ws.content_dir / "ke-hoach").glob("*.yaml")])
    assert f"Đã tạo {count - 4} kế hoạch mới" in text_of(derived.text)
    assert "Sở Nội vụ Dự thảo" in text_of(derived.text)


def test_the_reports_page_shows_the_consolidation_tables(client: TestClient, ws) -> None:  # noqa: ANN001
    from gendoc.reports.consolidation import consolidate
    from gendoc.reports.indicators import PAIRED
    from gendoc.reports.wording import so, ty_le

    cons = consolidate(ws, 2017)  # what `gendoc consolidate 2017` and the report print
    html = client.get("/reports", params={"nam": "2017"}).text
    assert 'id="consolidation"' in html and "consolidation-problem" not in html
    for spec in PAIRED:
        table = html.split(f'id="tong-hop-{spec.key}"')[1].split("</table>")[0]
        rows = [text_of(r) for r in table.split("<tr>")[2:]]
        assert len(rows) == len(cons.reports) + 1  # a row per unit and the total row
        for row, report in zip(rows, cons.reports, strict=False):
            from gendoc.reports.model import totals

            pair = totals(report.so_lieu, spec.key)
            name = report.unit.ten_day_du or report.unit.ma
            assert row.startswith(f"{cons.reports.index(report) + 1} {name} {so(pair.tong)} "
                                  f"{so(pair.nu)}"), row
        total = cons.total(spec.key)
        assert rows[-1].startswith(f"Tổng cộng {so(total.tong)} {so(total.nu)} "
                                   f"{ty_le(total.ty_le)}"), rows[-1]
        assert "<strong>Tổng cộng</strong>" in table
    province = text_of(html.split('id="tong-hop-tinh"')[1].split("</table>")[0])
    first = PAIRED[0]
    assert f"{first.title} {so(cons.total(first.key).tong)}" in province
    assert "**" not in html  # gendoc's emphasis marks became bold, not text


def test_an_invalid_unit_report_stops_the_consolidation_with_the_clis_message(
        client: TestClient, ws) -> None:  # noqa: ANN001
    bad = ws.content_dir / "bao-cao" / "2017" / "so-tai-chinh.yaml"
    bad.write_text("loai: bao_cao\nco_quan: so-tai-chinh\nnam: 2017\nky: nam\n"
                   "trich_yeu: <script>alert(1)</script> & co\nso_lieu: {nhan_su: mười}\n",
                   encoding="utf-8")
    html = client.get("/reports", params={"nam": "2017"}).text
    problem = html.split('id="consolidation-problem">')[1].split("</pre>")[0]
    assert "không tổng hợp được" in problem and "so-tai-chinh.yaml" in problem
    assert "<script>" not in html and 'id="tong-hop-tinh"' not in html


def test_deriving_every_plan_shows_what_the_cli_prints(client: TestClient, ws,  # noqa: ANN001
                                                       tmp_path: Path) -> None:
    import shutil

    from click.testing import CliRunner

    from gendoc.cli import main

    twin = tmp_path / "twin"
    twin.mkdir()
    shutil.copy2(ws.root / "gendoc.yaml", twin / "gendoc.yaml")
    shutil.copytree(ws.root / "content", twin / "content")
    cli = CliRunner().invoke(main, ["-w", str(twin), "new", "ke_hoach", "--all-units"])
    assert cli.exit_code == 0, cli.output
    printed = [line.strip() for line in cli.output.splitlines() if line.strip()]
    page = client.get("/plans")
    derived = client.post("/plans/derive", data={"csrf": csrf_of(page.text)})
    notes = derived.text.split('id="derive-notes"')[1].split("</section>")[0]
    import re

    shown = [text_of(item) for item in re.findall(r"<li[^>]*>(.*?)</li>", notes, re.S)]
    written = [line for line in printed if line.startswith("+ ")]  # the page lists them above
    summary = [line for line in printed if line.startswith("Đã tạo ")]  # and counts them
    assert len(summary) == 1 and f"Đã tạo {len(written)} kế hoạch mới" in text_of(derived.text)
    assert shown == [line for line in printed if line not in written + summary]
    assert len(written) > 10 and all(line[2:] in derived.text for line in written)
    kept = [s for s in shown if s.startswith("= content/ke-hoach/so-y-te-bdg-2016-2020.yaml")]
    assert kept and "đã có, giữ nguyên" in kept[0]
    assert 'class="warning">= content/ke-hoach/so-y-te' in notes.replace("\n", "")
    assert any("kế hoạch mới" in s and "đã có" in s for s in shown)
