"""The Excel form: written by `gendoc new bao_cao --xlsx`, read back like YAML, errors by cell."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest
from openpyxl.styles import Font

from gendoc.build import build
from gendoc.document import load_document
from gendoc.exceptions import ContentError
from gendoc.reports.form import figure_cells, info_cells
from gendoc.reports.indicators import GROUPS
from gendoc.vi.legacy import encode_tcvn3, encode_vni
from gendoc.workspace import load_workspace
from tests.reports.conftest import fill_form, random_figures


def _new_form(cli, ws: Path) -> Path:  # noqa: ANN001
    result = cli("new", "bao_cao", "--unit", "ubnd-huyen-phu-quoc", "--year", "2017", "--xlsx",
                 ws=ws)
    assert result.exit_code == 0, result.output
    path = ws / "content/bao-cao/2017/ubnd-huyen-phu-quoc.xlsx"
    assert path.is_file()
    return path


def test_blank_form_layout(cli, report_ws) -> None:  # noqa: ANN001
    ws = report_ws()
    path = _new_form(cli, ws)
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:4] == ["Hướng dẫn", "Thông tin", "Biểu 1", "Biểu 2"]
    assert book["_gendoc"].sheet_state == "veryHidden"
    sheet = book["Biểu 1"]
    assert sheet.protection.sheet is True
    sheet_ref = figure_cells()[("so_lieu", "nhan_su", "cong_chuc", "nu")].split("!")[1]
    assert sheet[sheet_ref].protection.locked is False       # input cell
    assert sheet["B6"].protection.locked is True             # label
    whole = [dv for dv in sheet.data_validations.dataValidation if dv.type == "whole"]
    assert whole and whole[0].operator == "greaterThanOrEqual" and whole[0].formula1 == "0"
    assert sheet_ref in str(whole[0].sqref)
    total_ref = figure_cells()[("so_lieu", "nhan_su", "tong", "tong")].split("!")[1]
    assert str(sheet[total_ref].value).startswith("=SUM(")
    info = book["Thông tin"]
    assert info[info_cells()[("co_quan",)]].value == "ubnd-huyen-phu-quoc"
    assert info[info_cells()[("nguoi_ky", "quyen_han")]].value == "TM. ỦY BAN NHÂN DÂN"
    assert "Hướng dẫn" in book.sheetnames and "ô màu vàng" in book["Hướng dẫn"]["A3"].value


def test_filled_form_reads_like_yaml_and_builds(cli, report_ws) -> None:  # noqa: ANN001
    ws = report_ws()
    path = _new_form(cli, ws)
    figures = random_figures(random.Random(11))
    fill_form(path, figures)
    book = openpyxl.load_workbook(path)
    info = book["Thông tin"]
    cells = info_cells()
    info[cells[("ngay",)]] = "13/11/2017"
    info[cells[("nguoi_ky", "ho_ten")]] = "Trương Văn Thành"
    info[cells[("nguoi_ky", "chuc_vu")]] = "PHÓ CHỦ TỊCH"
    info[cells[("nguoi_ky", "quyen_han")]] = "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    # text pasted from old documents: TCVN3 in a .VnTime cell, VNI with no legacy font
    info[cells[("han_che",)]] = encode_tcvn3("Số nữ cán bộ ở xã đảo còn ít.")
    info[cells[("han_che",)]].font = Font(name=".VnTime")
    info[cells[("kien_nghi",)]] = encode_vni("Đề nghị hỗ trợ kinh phí tập huấn.")
    book.save(path)
    doc = load_document(load_workspace(ws), path)
    data = doc.data
    assert data.co_quan == "ubnd-huyen-phu-quoc" and data.nam == 2017
    assert data.ngay.to_date().isoformat() == "2017-11-13"
    assert data.nguoi_ky.quyen_han == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert data.han_che[0].doan == ["Số nữ cán bộ ở xã đảo còn ít."]
    assert data.kien_nghi[0].doan == ["Đề nghị hỗ trợ kinh phí tập huấn."]
    for spec in GROUPS:
        for row in spec.rows:
            want = figures[spec.key][row.key]
            got = getattr(getattr(data.so_lieu, spec.key), row.key)
            assert (got.model_dump() if hasattr(got, "model_dump") else got) == want
    report = build(load_workspace(ws))
    assert report.ok, [e.format_message() for _, e in report.failures]
    assert (ws / "output/bao-cao/2017/ubnd-huyen-phu-quoc.docx").is_file()


def test_bad_cell_is_named_by_sheet_and_cell(cli, report_ws) -> None:  # noqa: ANN001
    ws = report_ws()
    path = _new_form(cli, ws)
    figures = random_figures(random.Random(12))
    figures["nhan_su"]["cong_chuc"] = {"tong": 40, "nu": 45}
    figures["hoat_dong"]["kiem_tra"] = "ba"
    fill_form(path, figures)
    with pytest.raises(ContentError) as info:
        load_document(load_workspace(ws), path)
    where = {p.field: p.where for p in info.value.problems}
    assert where["so_lieu.nhan_su.cong_chuc.nu"] == figure_cells()[("so_lieu", "nhan_su", "cong_chuc", "nu")]
    assert where["so_lieu.nhan_su.cong_chuc.nu"].startswith("Biểu 1!E")
    assert where["so_lieu.hoat_dong.kiem_tra"].startswith("Biểu 2!D")
    message = info.value.format_message()
    assert "ô Biểu 1!E" in message and "45" in message and "40" in message
    # the build reports it and writes nothing for that form
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert "ô Biểu 1!E" in result.stderr
    assert not (ws / "output/bao-cao/2017/ubnd-huyen-phu-quoc.docx").exists()


def test_plain_workbook_is_skipped_not_failed(cli, report_ws) -> None:  # noqa: ANN001
    ws = report_ws()
    book = openpyxl.Workbook()
    book.active["A1"] = "danh sách dữ liệu"
    book.save(ws / "content/bao-cao/so-lieu-tho.xlsx")
    (ws / "content/bao-cao/~$dang-mo.xlsx").write_bytes(b"lock")
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.output
    assert "bỏ qua" in result.stderr and "so-lieu-tho.xlsx" in result.stderr


def test_corrupt_workbook_is_a_clear_error(cli, report_ws) -> None:  # noqa: ANN001
    ws = report_ws()
    (ws / "content/bao-cao/hong.xlsx").write_bytes(b"not a zip")
    result = cli("build", ws=ws)
    assert result.exit_code == 1
    assert "content/bao-cao/hong.xlsx: không phải tệp Office hợp lệ" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_yaml_skeleton_and_refusal_to_overwrite(cli, report_ws) -> None:  # noqa: ANN001
    ws = report_ws()
    result = cli("new", "bao_cao", "--unit", "so-y-te", "--year", "2018", ws=ws)
    assert result.exit_code == 0, result.output
    path = ws / "content/bao-cao/2018/so-y-te.yaml"
    text = path.read_text(encoding="utf-8")
    assert "cong_chuc: {tong: , nu: }" in text and "nam: 2018" in text
    with pytest.raises(ContentError) as info:   # every empty figure is reported, by line
        load_document(load_workspace(ws), path)
    assert all(p.message.startswith("chưa điền") for p in info.value.problems)
    assert len(info.value.problems) == sum(len(g.rows) * (2 if g.paired else 1) for g in GROUPS)
    again = cli("new", "bao_cao", "--unit", "so-y-te", "--year", "2018", ws=ws)
    assert again.exit_code == 1 and "--force" in again.stderr
    missing = cli("new", "bao_cao", "--year", "2018", ws=ws)
    assert missing.exit_code == 1 and "--unit" in missing.stderr


def test_all_units_writes_one_form_per_expected_unit(cli, report_ws) -> None:  # noqa: ANN001
    ws = report_ws()
    result = cli("new", "bao_cao", "--all-units", "--year", "2019", "--xlsx", ws=ws)
    assert result.exit_code == 0, result.output
    written = sorted(p.stem for p in (ws / "content/bao-cao/2019").glob("*.xlsx"))
    assert written == sorted(["so-noi-vu", "so-y-te", "so-tai-chinh", "ubnd-huyen-phu-quoc"])


def test_blank_required_cells_are_named(cli, report_ws) -> None:  # noqa: ANN001
    ws = report_ws()
    path = _new_form(cli, ws)
    fill_form(path, random_figures(random.Random(13)))
    book = openpyxl.load_workbook(path)
    info = book["Thông tin"]
    for key in (("nguoi_ky", "chuc_vu"), ("noi_nhan",), ("trich_yeu",)):
        info[info_cells()[key]] = None
    book.save(path)
    with pytest.raises(ContentError) as info_error:
        load_document(load_workspace(ws), path)
    where = {p.field: (p.where, p.message) for p in info_error.value.problems}
    for field, key in (("nguoi_ky.chuc_vu", ("nguoi_ky", "chuc_vu")), ("noi_nhan", ("noi_nhan",)),
                       ("trich_yeu", ("trich_yeu",))):
        assert where[field][0] == f"Thông tin!{info_cells()[key]}"
        assert "không được để trống" in where[field][1]


def test_form_saved_again_by_a_spreadsheet_program_still_reads(cli, report_ws, tmp_path) -> None:  # noqa: ANN001
    """A unit opens the form in LibreOffice (or Excel) and saves it: cached formula values, a
    rewritten workbook, the marker sheet merely hidden — gendoc still reads the same figures."""
    import shutil
    import subprocess

    ws = report_ws()
    path = _new_form(cli, ws)
    figures = random_figures(random.Random(14))
    fill_form(path, figures)
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is required for this test"
    out = tmp_path / "saved"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", "xlsx", "--outdir", str(out), str(path)],
                   check=True, capture_output=True, timeout=180)
    saved = out / path.name
    assert saved.is_file(), "LibreOffice Calc did not save the form (install libreoffice-calc-nogui)"
    shutil.copy2(saved, path)
    doc = load_document(load_workspace(ws), path)
    got = doc.data.so_lieu
    assert got.nhan_su.cong_chuc.model_dump() == figures["nhan_su"]["cong_chuc"]
    assert got.hoat_dong.kiem_tra == figures["hoat_dong"]["kiem_tra"]
