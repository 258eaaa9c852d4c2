"""`gendoc status` and `gendoc units` on the example workspace (Sở Y tế on time, Hòn Đất late,
Rạch Giá a draft, the other units missing), and the .xlsx written for Sở Nội vụ."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook

from tests.plans.conftest import REPO, invoke, registry, target_codes
from tests.tools import requires

XLSX = Path("output/ke-hoach/ubnd-tinh-bdg-2016-2020-tinh-hinh-gui.xlsx")


@pytest.fixture(scope="module")
def example(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("status") / "ws"
    ws.mkdir()
    shutil.copy2(REPO / "gendoc.yaml", ws / "gendoc.yaml")
    shutil.copytree(REPO / "content" / "ke-hoach", ws / "content" / "ke-hoach")
    return ws


@pytest.fixture(scope="module")
def status(example: Path):  # noqa: ANN201
    result = invoke(example, "status", "--ngay-xem", "01/03/2017")
    assert result.exit_code == 0, result.output + result.stderr
    return result


def line_of(output: str, code: str) -> str:
    return next(line for line in output.splitlines() if line.strip().split(" ")[0] == code)


def test_terminal_status_per_unit(status) -> None:  # noqa: ANN001
    out = status.output
    assert "hạn gửi 25/01/2017" in out
    assert line_of(out, "so-y-te").split()[1:] == ["Đã", "ban", "hành", "05/KH-SYT", "16/01/2017",
                                                    "Đúng", "hạn"]
    assert line_of(out, "ubnd-huyen-hon-dat").split()[-3:] == ["Trễ", "14", "ngày"]
    assert "Dự thảo" in line_of(out, "ubnd-thanh-pho-rach-gia")
    assert "Quá hạn" in line_of(out, "ubnd-thanh-pho-rach-gia")  # still a draft on 01/03/2017
    assert "Chưa có kế hoạch" in line_of(out, "so-tu-phap")
    total = len(target_codes())
    assert f"{total} đơn vị: 2 đã ban hành (1 trễ hạn), 1 dự thảo, {total - 3} chưa có." in out
    codes = [line.split()[0] for line in out.splitlines() if line.startswith("  ")]
    assert sorted(codes) == sorted(target_codes())  # the provincial issuer is not tracked


def test_xlsx_for_so_noi_vu(example: Path, status) -> None:  # noqa: ANN001
    wb = load_workbook(example / XLSX)
    sheet = wb.active
    assert sheet["A2"].value == ("(Thực hiện Kế hoạch số /KH-UBND ngày tháng 12 năm 2016 của Ủy "
                                 "ban nhân dân tỉnh Kiên Giang; hạn gửi: 25/01/2017; số liệu đến "
                                 "ngày 01/03/2017)")
    header = [c.value for c in sheet[4]]
    assert header == ["TT", "Mã", "Cơ quan, đơn vị", "Cấp", "Số, ký hiệu", "Ngày ban hành",
                      "Tình trạng", "Thời hạn", "Ghi chú"]
    rows = {r[1]: r for r in sheet.iter_rows(min_row=5, max_row=4 + len(target_codes()),
                                             values_only=True)}
    assert set(rows) == set(target_codes())
    syt = rows["so-y-te"]
    assert syt[2:8] == ("Sở Y tế", "sở, ban, ngành", "05/KH-SYT", syt[5], "Đã ban hành", "Đúng hạn")
    assert (syt[5].year, syt[5].month, syt[5].day) == (2017, 1, 16)
    assert rows["ubnd-huyen-hon-dat"][7] == "Trễ 14 ngày"
    assert rows["ubnd-huyen-hon-dat"][3] == "cấp huyện"
    assert sheet.freeze_panes == "A5"
    assert sheet.print_title_rows == "$4:$4"  # header row repeated on printed pages
    assert sheet.page_setup.orientation == "landscape"
    assert all(sheet.cell(row=4, column=c).font.bold for c in range(1, 10))
    formulas = [sheet.cell(row=r, column=5).value for r in range(5, sheet.max_row + 1)]
    assert any(str(f).startswith("=COUNTIF(G5:G") for f in formulas)


@requires("soffice")
def test_xlsx_counts_recompute_in_libreoffice(example: Path, status, tmp_path: Path) -> None:  # noqa: ANN001
    """The summary counts are live formulas: LibreOffice computes the same numbers."""
    subprocess.run(["soffice", "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76",
                    "--outdir", str(tmp_path), str(example / XLSX)], check=True, capture_output=True,
                   timeout=120)
    csv = (tmp_path / XLSX.with_suffix(".csv").name).read_text(encoding="utf-8")
    summary = {line.split(",")[2].strip('"'): line.split(",")[4].strip('"')
               for line in csv.splitlines() if line.count(",") >= 4 and line.split(",")[4].strip('"').isdigit()
               and not line.split(",")[0].strip('"').isdigit()}
    total = len(target_codes())
    assert summary["Tổng số đơn vị"] == str(total)
    assert summary["Đã ban hành"] == "2"
    assert summary["Trong đó trễ hạn"] == "1"
    assert summary["Chưa có kế hoạch"] == str(total - 3)


def test_deadline_option_and_missing_deadline(example: Path, tmp_path: Path) -> None:
    later = invoke(example, "status", "--han", "10/02/2017", "-o", str(tmp_path / "s.xlsx"))
    assert later.exit_code == 0
    assert line_of(later.output, "ubnd-huyen-hon-dat").split()[-2:] == ["Đúng", "hạn"]
    bad = invoke(example, "status", "--han", "2017")
    assert bad.exit_code == 2 and "dd/mm/yyyy" in bad.stderr


def test_status_without_any_unit_plan_asks_for_the_source(plan_ws: Path) -> None:
    result = invoke(plan_ws, "status")
    assert result.exit_code == 1 and "--from" in result.stderr


def test_broken_unit_plan_is_reported_not_fatal(plan_ws: Path) -> None:
    (plan_ws / "content" / "ke-hoach" / "so-tu-phap.yaml").write_text(
        "loai: ke_hoach\nco_quan: so-tu-phap\n"
        "thuc_hien_ke_hoach: content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml\n", encoding="utf-8")
    result = invoke(plan_ws, "status")
    assert result.exit_code == 0
    assert "Tệp nội dung lỗi" in line_of(result.output, "so-tu-phap")
    assert "trich_yeu" in result.stderr  # what is wrong in the file


def test_units_lists_the_whole_registry(plan_ws: Path) -> None:
    result = invoke(plan_ws, "units")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert result.stderr.strip() == f"{len(registry())} cơ quan, đơn vị."
    assert [line.split("\t")[0] for line in lines] == [u["ma"] for u in registry()]
    assert "so-y-te\tSở Y tế" in lines and "ubnd-tinh\tỦy ban nhân dân tỉnh Kiên Giang" in lines
    districts = invoke(plan_ws, "units", "--cap", "cap_huyen", "--chi-tiet").stdout.splitlines()
    assert len(districts) == 15
    assert "ubnd-huyen-phu-quoc\tỦy ban nhân dân huyện Phú Quốc\tUBND\tcap_huyen\tCHỦ TỊCH\tPhú Quốc" in districts


def test_example_unit_plans_build_and_pass_the_checker(example: Path) -> None:
    from gendoc.build import build
    from gendoc.check import check_docx
    from gendoc.workspace import load_workspace

    report = build(load_workspace(example), [example / "content" / "ke-hoach"])
    assert report.ok, [e.format_message() for _, e in report.failures]
    names = sorted(r.output.name for r in report.results)
    assert {"so-y-te-bdg-2016-2020.docx", "ubnd-huyen-hon-dat-bdg-2016-2020.docx"} <= set(names)
    for result in report.results:
        found = check_docx(result.output)
        assert not found.errors, (result.output.name, [f.message for f in found.errors])
    warned = {p.name for p, _ in report.warnings}
    assert "so-y-te-bdg-2016-2020.yaml" not in warned  # hand-finished: the signer is named
    assert "ubnd-thanh-pho-rach-gia-bdg-2016-2020.yaml" in warned  # the draft still lacks one
