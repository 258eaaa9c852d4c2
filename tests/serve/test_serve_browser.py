"""gendoc serve in a real browser: headless Chromium drives the pages as a clerk would.

Each test takes the screenshots docs/serve.md shows (docs/img/serve-*.png; written there only
when GENDOC_SCREENSHOTS=1).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import docx
import openpyxl
import pytest

from gendoc import api
from gendoc.serve.app import create_app
from gendoc.serve.pages_reports import MAX_UPLOAD_BYTES
from tests.serve.browser import (
    By,
    choose,
    chrome,
    click,
    field,
    running,
    shot,
    text,
    type_into,
    wait,
)

PLAN = "content/ke-hoach/so-y-te-bdg-2016-2020.yaml"


@pytest.fixture
def served(example_ws: Path) -> Iterator[tuple[str, api.Workspace]]:
    ws = api.load_workspace(example_ws)
    app = create_app(ws)
    with running(app) as url:
        yield url, ws
    app.state.jobs.shutdown()


def test_a_unit_plan_from_form_to_downloaded_docx(served, tmp_path: Path) -> None:  # noqa: ANN001
    url, ws = served
    with chrome(tmp_path) as driver:
        driver.get(url + "/")
        assert "Đã ban hành: số 05/KH-SYT" in text(driver)
        shot(driver, "tong-quan")
        click(driver, 'nav a[href="/new"]')
        choose(driver, "kind", "ke_hoach")
        choose(driver, "co_quan", "so-noi-vu")
        choose(driver, "folder", "content/ke-hoach")
        type_into(driver, "name", "so-noi-vu-bdg-2017")
        shot(driver, "van-ban-moi")
        click(driver, 'form[action="/new"] button[type="submit"]')
        wait(driver, lambda d: d.find_elements(By.ID, "edit-form"))
        assert field(driver, "f.co_quan").get_attribute("value") == "so-noi-vu"
        type_into(driver, "f.trich_yeu", "Triển khai bình đẳng giới tại Sở Nội vụ năm 2017")
        type_into(driver, "f.ngay", "31/02/2017")
        click(driver, 'button[value="add:noi_dung"]')  # the item tree grows by one item
        type_into(driver, "f.noi_dung.0.tieu_de", "MỤC ĐÍCH, YÊU CẦU")
        click(driver, 'button[value="add:noi_dung.0.muc"]')
        type_into(driver, "f.noi_dung.0.muc.0.doan", "Nâng cao nhận thức về bình đẳng giới.")
        type_into(driver, "f.nguoi_ky.chuc_vu", "GIÁM ĐỐC")
        type_into(driver, "f.nguoi_ky.ho_ten", "Trần Thị Thu")
        type_into(driver, "f.noi_nhan", "UBND tỉnh;\nSở Tài chính;")
        click(driver, 'button[value="check"]')  # htmx: the problems panel only
        wait(driver, lambda d: "trường 'ngay'" in text(d, "#problems"))
        assert field(driver, "f.ngay").get_attribute("value") == "31/02/2017"  # form untouched
        click(driver, "#save")
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, 'p.err[data-field="ngay"]'))
        message = text(driver, "#cli-message")
        assert "content/ke-hoach/so-noi-vu-bdg-2017.yaml, dòng" in message
        assert "trường 'ngay'" in message and "31" in message
        assert not (ws.content_dir / "ke-hoach" / "so-noi-vu-bdg-2017.yaml").exists()
        shot(driver, "soan-loi")
        type_into(driver, "f.ngay", "20/01/2017")
        click(driver, "#save")
        wait(driver, lambda d: "/preview" in d.current_url)
        assert "Đã lưu content/ke-hoach/so-noi-vu-bdg-2017.yaml" in text(driver)
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "img.page"), timeout=240)
        wait(driver, lambda d: all(d.execute_script("return arguments[0].naturalWidth", i) > 300
                                   for i in d.find_elements(By.CSS_SELECTOR, "img.page")))
        assert "Kiểm tra thể thức" in text(driver, "#check-results")
        assert "0 lỗi" in text(driver, "#check-results")
        shot(driver, "xem-truoc")
        click(driver, "#render")
        link = wait(driver, lambda d: d.find_elements(By.PARTIAL_LINK_TEXT, "so-noi-vu-bdg-2017.docx"))
        link[0].click()
        target = tmp_path / "so-noi-vu-bdg-2017.docx"
        wait(driver, lambda d: target.exists() and target.stat().st_size > 0)
    paragraphs = [p.text for p in docx.Document(str(target)).paragraphs]
    body = "\n".join(paragraphs)
    assert "KẾ HOẠCH" in body
    assert "Triển khai bình đẳng giới tại Sở Nội vụ năm 2017" in body
    assert "I. MỤC ĐÍCH, YÊU CẦU" in body and "Nâng cao nhận thức về bình đẳng giới." in body
    document = docx.Document(str(target))
    everything = " ".join(t.text or "" for t in document.element.body.iter(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t"))
    assert "Kiên Giang, ngày 20 tháng 01 năm 2017" in everything  # from 20/01/2017 in the form
    assert "SỞ NỘI VỤ" in everything and "Trần Thị Thu" in everything
    assert target.read_bytes() == (ws.output_dir / "ke-hoach" / "so-noi-vu-bdg-2017.docx").read_bytes()


def test_two_clerks_editing_one_file_get_a_conflict(served, tmp_path: Path) -> None:  # noqa: ANN001
    url, ws = served
    with chrome(tmp_path / "a") as first, chrome(tmp_path / "b") as second:
        for driver in (first, second):
            driver.get(f"{url}/edit?path={PLAN}")
        type_into(first, "f.nguoi_ky.ho_ten", "Lê Thị Một")
        type_into(second, "f.nguoi_ky.ho_ten", "Phạm Văn Hai")
        click(first, "#save")
        wait(first, lambda d: "/preview" in d.current_url)
        click(second, "#save")
        wait(second, lambda d: d.find_elements(By.ID, "conflict"))
        assert "Lê Thị Một" in text(second, "#conflict")  # the other clerk's version is shown
        assert field(second, "f.nguoi_ky.ho_ten").get_attribute("value") == "Phạm Văn Hai"
        assert "Lê Thị Một" in (ws.root / PLAN).read_text(encoding="utf-8")  # nothing lost
        second.execute_script("document.getElementById('conflict').scrollIntoView()")
        shot(second, "xung-dot")
        click(second, "#overwrite")
        wait(second, lambda d: "/preview" in d.current_url)
    assert "Phạm Văn Hai" in (ws.root / PLAN).read_text(encoding="utf-8")


def test_reports_upload_names_the_bad_cell_and_refuses_what_it_must(served, tmp_path: Path) -> None:  # noqa: ANN001
    url, ws = served
    form = ws.content_dir / "bao-cao" / "2017" / "ubnd-huyen-phu-quoc.xlsx"
    book = openpyxl.load_workbook(form)
    book["Biểu 1"]["E6"] = "mười"
    bad = tmp_path / "phu-quoc-2017.xlsx"
    book.save(bad)
    huge = tmp_path / "rat-lon.xlsx"
    huge.write_bytes(b"PK\x03\x04" + b"0" * (MAX_UPLOAD_BYTES + 1024))
    before = form.read_bytes()
    with chrome(tmp_path / "dl", height=1100) as driver:
        driver.get(url + "/reports")
        field(driver, "tep").send_keys(str(bad))
        click(driver, "#thay_the")
        click(driver, "#upload")
        wait(driver, lambda d: d.find_elements(By.ID, "upload-problem"))
        problem = text(driver, "#upload-problem")
        assert "phu-quoc-2017.xlsx, ô Biểu 1!E6" in problem and "'mười'" in problem
        shot(driver, "bao-cao")
        driver.execute_script("document.getElementById('consolidation').scrollIntoView()")
        assert "Tổng cộng" in text(driver, "#consolidation")
        shot(driver, "bang-tong-hop")
        field(driver, "tep").send_keys(str(huge))
        click(driver, "#upload")
        wait(driver, lambda d: "tệp quá lớn" in text(d, "#upload-problem"))
        click(driver, 'a[href="/preview?path=content/bao-cao/tong-hop-2017.yaml"]')
        wait(driver, lambda d: len(d.find_elements(By.CSS_SELECTOR, "img.page")) >= 2, timeout=240)
        driver.execute_script("window.scrollTo(0, 0)")
        shot(driver, "tong-hop")
        driver.get(url + "/edit?path=../gendoc.yaml")
        assert "nằm ngoài thư mục làm việc" in text(driver)
        driver.get(url + "/download?path=../gendoc.yaml")
        assert "Không có tệp này trong thư mục output/" in text(driver)
    assert form.read_bytes() == before


def test_bias_check_highlights_findings(served, tmp_path: Path) -> None:  # noqa: ANN001
    url, _ = served
    with chrome(tmp_path, height=900) as driver:
        driver.get(url + "/bias")
        type_into(driver, "text", "Hội nghị biểu dương nữ cán bộ tiêu biểu.\n"
                                  "Chị em phụ nữ phải lo cơm nước cho cả nhà.")
        click(driver, 'form[action="/bias"] button')
        wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "mark"))
        assert "phát hiện" in text(driver, "#bias-result")
        shot(driver, "dinh-kien")


def test_htmx_runs_under_the_content_security_policy(served, tmp_path: Path) -> None:  # noqa: ANN001
    """The build page polls its job with htmx (no inline script): it must reach 'xong'."""
    url, _ = served
    with chrome(tmp_path, height=700) as driver:
        driver.get(url + "/")
        click(driver, 'form[action="/build"] button')
        started = time.time()
        wait(driver, lambda d: text(d, "#job-state") in ("xong", "lỗi"), timeout=600)
        assert text(driver, "#job-state") == "xong", text(driver, "#job")
        assert time.time() - started < 600
        logs = [entry for entry in driver.get_log("browser") if "Content Security Policy" in
                entry.get("message", "")]
        assert not logs, logs
        shot(driver, "dung")


def test_plans_and_register_pages(served, tmp_path: Path) -> None:  # noqa: ANN001
    url, ws = served
    with chrome(tmp_path, height=1000) as driver:
        driver.get(url + "/plans")
        click(driver, "#derive")
        wait(driver, lambda d: d.find_elements(By.ID, "derived"))
        assert "Sở Nội vụ" in text(driver, "#plan-status")
        driver.execute_script("window.scrollTo(0, 0)")
        shot(driver, "ke-hoach")
        driver.get(f"{url}/register/issue?path=content/ke-hoach/so-noi-vu-bdg-2016-2020.yaml")
        assert "phải có họ tên người ký" in text(driver)  # the register's own rule, as in the CLI
        driver.get(f"{url}/edit?path=content/ke-hoach/so-noi-vu-bdg-2016-2020.yaml")
        type_into(driver, "f.nguoi_ky.ho_ten", "Nguyễn Thị Minh")
        click(driver, "#save")
        wait(driver, lambda d: "/preview" in d.current_url)
        click(driver, "#issue-link")
        wait(driver, lambda d: d.find_elements(By.ID, "confirm-number"))
        number = text(driver, "#confirm-number")
        assert "Sẽ cấp số 01/KH-SNV" in number
        today = dt.date.today()
        assert f"ngày {today:%d/%m/%Y}" in number  # today unless the clerk picks a date
        assert field(driver, "ngay").get_attribute("value") == f"{today:%d/%m/%Y}"
        calendar = driver.find_element(By.ID, "ngay-lich")
        assert calendar.get_attribute("type") == "date"
        driver.execute_script(  # a day picked on the calendar, as the browser reports it
            "arguments[0].value = '2017-01-20';"
            "arguments[0].dispatchEvent(new Event('change', {bubbles: true}))", calendar)
        wait(driver, lambda d: field(d, "ngay").get_attribute("value") == "20/01/2017")
        click(driver, "#change-date")
        wait(driver, lambda d: "ngày 20/01/2017" in text(d, "#confirm-number"))
        shot(driver, "cap-so")
        click(driver, "#issue")
        wait(driver, lambda d: "Đã cấp số 01/KH-SNV ngày 20/01/2017" in text(d))
        driver.get(url + "/register")
        assert "01/KH-SNV" in text(driver, "#register")
        shot(driver, "so-dang-ky")
    issued = api.load_document(ws, ws.content_dir / "ke-hoach" / "so-noi-vu-bdg-2016-2020.yaml")
    assert issued.data.so == 1 and issued.data.ngay.to_date() == dt.date(2017, 1, 20)


def test_a_nested_item_is_edited_in_the_browser(served, tmp_path: Path) -> None:  # noqa: ANN001
    url, ws = served
    path = "content/kiem-tra/bien-ban-kiem-tra-2018.yaml"
    with chrome(tmp_path, height=1100) as driver:
        driver.get(f"{url}/edit?path={path}")
        click(driver, 'button[value="add:don_vi.1.dai_dien"]')
        wait(driver, lambda d: d.find_elements(By.NAME, "f.don_vi.1.dai_dien.1.ho_ten"))
        type_into(driver, "f.don_vi.1.dai_dien.1.ho_ten", "Võ Thị Hồng")
        type_into(driver, "f.don_vi.1.dai_dien.1.chuc_vu", "Trưởng phòng Tổ chức cán bộ")
        click(driver, 'button[value="add=:don_vi.1.ket_qua"]')
        wait(driver, lambda d: d.find_elements(By.NAME, "f.don_vi.1.ket_qua.7.nhan_xet"))
        assert field(driver, "f.don_vi.1.ket_qua.7._ma").get_attribute("value") == "8"
        assert field(driver, "f.don_vi.1.dai_dien.1.ho_ten").get_attribute("value") == "Võ Thị Hồng"
        type_into(driver, "f.don_vi.1.ket_qua.7.nhan_xet", "Chưa lưu hồ sơ bồi dưỡng.")
        type_into(driver, "f.don_vi.1.ket_qua.7.khac_phuc", "Lập hồ sơ bồi dưỡng cán bộ nữ")
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})",
                              field(driver, "f.don_vi.1.dai_dien.1.ho_ten"))
        shot(driver, "muc-long-nhau")
        click(driver, "#save")
        wait(driver, lambda d: "/preview" in d.current_url)
    doc = api.load_document(ws, ws.root / path)
    unit = doc.data.don_vi[1]
    assert [p.ho_ten for p in unit.dai_dien][-1] == "Võ Thị Hồng"
    assert unit.ket_qua["8"].dat is False and unit.ket_qua["8"].khac_phuc.startswith("Lập hồ sơ")


def test_accounts_page_removes_an_account(served, tmp_path: Path) -> None:  # noqa: ANN001
    from gendoc.serve.users import add_user, load_accounts

    url, ws = served
    add_user(ws.root, "lan", "mat-khau-lan")
    add_user(ws.root, "an", "mat-khau-an1")
    with chrome(tmp_path, height=700) as driver:
        driver.get(url + "/accounts")
        assert "Quản trị viên" in text(driver, "#accounts")
        click(driver, "#remove-1")  # "an", sorted first
        wait(driver, lambda d: d.find_elements(By.ID, "account-done"))
        assert "Đã xóa tài khoản 'an'" in text(driver, "#account-done")
        click(driver, "#remove-1")  # "lan": the last administrator
        wait(driver, lambda d: d.find_elements(By.ID, "account-problem"))
        assert "quản trị viên cuối cùng" in text(driver, "#account-problem")
        shot(driver, "tai-khoan")
    assert sorted(load_accounts(ws.root)) == ["lan"]
