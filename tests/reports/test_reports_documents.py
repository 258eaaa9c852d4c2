"""The example reports built for real: ND30 check, text and numbers, charts, the annex recomputed
by LibreOffice."""

from __future__ import annotations

import csv
import shutil
import struct
from pathlib import Path

import pytest
from docx import Document

from gendoc.build import build
from gendoc.check import check_docx
from gendoc.reports import consolidate
from gendoc.reports.indicators import HOAT_DONG, PAIRED
from gendoc.workspace import load_workspace
from tests.reports.conftest import xlsx_to_csv

REPO = Path(__file__).resolve().parents[2]
TONG_HOP = "output/bao-cao/tong-hop-2017"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    ws = tmp_path_factory.mktemp("reports")
    shutil.copy2(REPO / "gendoc.yaml", ws / "gendoc.yaml")
    shutil.copytree(REPO / "content" / "bao-cao", ws / "content" / "bao-cao")
    report = build(load_workspace(ws), [ws / "content" / "bao-cao"])
    assert report.ok, [e.format_message() for _, e in report.failures]
    return ws


def _text(path: Path) -> str:
    doc = Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_every_report_passes_the_nd30_check(built: Path) -> None:
    outputs = sorted((built / "output/bao-cao").rglob("*.docx"))
    assert len(outputs) >= 19  # 9 + 9 unit reports and the consolidation
    for path in outputs:
        findings = check_docx(path)
        assert not findings.errors, (path.name, [f.message for f in findings.errors])


def test_sample_covers_excel_late_and_missing(built: Path) -> None:
    cons = consolidate(load_workspace(built), 2017)
    assert len(cons.reports) >= 8
    assert any(r.path.suffix == ".xlsx" for r in cons.reports)
    assert cons.late and cons.missing
    # the Excel form's .VnTime paragraph came out as Unicode
    phu_quoc = next(r for r in cons.reports if r.path.suffix == ".xlsx")
    assert "xã đảo" in phu_quoc.data.han_che[0].doan[0]


def test_consolidation_text_tables_and_totals(built: Path) -> None:
    cons = consolidate(load_workspace(built), 2017)
    text = _text(built / f"{TONG_HOP}.docx")
    staff = cons.total("nhan_su")
    from gendoc.vi import so_vn

    assert f"Toàn tỉnh có cán bộ, công chức, viên chức {so_vn(staff.tong)} người" in text
    assert f"(chiếm {so_vn(staff.ty_le, 1)}%)" in text
    for missing in cons.missing:
        assert missing.ten_day_du in text
    for late in cons.late:
        assert f"{late.unit.ten_day_du} (nhận {late.submitted:%d/%m/%Y}, chậm {late.days_late} ngày)" in text
    assert "Đạt" in text or "Chưa đạt" in text
    doc = Document(str(built / f"{TONG_HOP}.docx"))
    unit_tables = [t for t in doc.tables if t.rows[0].cells[1].text == "Cơ quan, đơn vị"]
    assert len(unit_tables) == len(PAIRED)
    for spec, table in zip(PAIRED, unit_tables, strict=True):
        last = table.rows[-1].cells
        total = cons.total(spec.key)
        assert last[1].text == "Tổng cộng"
        assert last[2].text == so_vn(total.tong) and last[3].text == so_vn(total.nu)
        assert all(run.bold for run in last[2].paragraphs[0].runs)
        # the rows add up to the total row, as printed
        printed = [int(r.cells[2].text.replace(".", "")) for r in table.rows[1:-1]]
        assert sum(printed) == total.tong


def _png_size_and_dpi(path: Path) -> tuple[int, int, float]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    pos, dpi = 8, 0.0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"pHYs":
            ppm = struct.unpack(">I", data[pos + 8:pos + 12])[0]
            dpi = ppm * 0.0254
        pos += 12 + length
    return width, height, dpi


def test_charts_are_print_resolution_and_embedded(built: Path) -> None:
    charts = sorted((built / "output/bao-cao").glob("tong-hop-2017-bieu-do-*.png"))
    assert len(charts) == 2
    for chart in charts:
        width, _height, dpi = _png_size_and_dpi(chart)
        assert dpi >= 199
        assert width / dpi * 2.54 >= 12  # drawn for the 16 cm text width, not upscaled
    doc = Document(str(built / f"{TONG_HOP}.docx"))
    images = [r for r in doc.part.rels.values() if "image" in r.reltype]
    assert len(images) == 2


def test_annex_formulas_recompute_in_libreoffice(built: Path, tmp_path: Path) -> None:
    import openpyxl

    annex = built / f"{TONG_HOP}-phu-luc.xlsx"
    book = openpyxl.load_workbook(annex)
    sheet = book["Biểu 1 - CBCCVC"]
    formulas = [c.value for row in sheet.iter_rows() for c in row
                if isinstance(c.value, str) and c.value.startswith("=")]
    assert any(f.startswith("=SUM(") for f in formulas)
    xlsx_to_csv(annex, tmp_path, every_sheet=True)
    cons = consolidate(load_workspace(built), 2017)
    sheets = {p.stem.split("-phu-luc-", 1)[1]: list(csv.reader(p.open(encoding="utf-8")))
              for p in tmp_path.glob("*.csv")}
    assert sheets, "LibreOffice Calc did not convert the annex (install libreoffice-calc-nogui)"
    summary = sheets["Tổng hợp"]
    for spec in PAIRED:
        row = next(r for r in summary if r[1:2] == [spec.title])
        total = cons.total(spec.key)
        assert int(float(row[2])) == total.tong and int(float(row[3])) == total.nu
        assert float(row[4]) == pytest.approx(total.ty_le, abs=1e-9)
    activities = next(v for k, v in sheets.items() if k.startswith("Biểu 6"))
    last = next(r for r in activities if r[1:2] == ["Tổng cộng"])
    for index, row in enumerate(HOAT_DONG.rows):
        assert int(float(last[2 + index])) == cons.total(HOAT_DONG.key, row.key)


def test_unit_report_table_and_literal_text(report_ws) -> None:  # noqa: ANN001
    import random

    from tests.reports.conftest import random_figures, report_yaml

    figures = random_figures(random.Random(21))
    figures["nhan_su"] = {"can_bo": {"tong": 6, "nu": 2}, "cong_chuc": {"tong": 64, "nu": 31},
                          "vien_chuc": {"tong": 4850, "nu": 3120}}
    ws = report_ws({"2017/so-y-te.yaml": report_yaml("so-y-te", 2017, figures)})
    report = build(load_workspace(ws))
    assert report.ok, [e.format_message() for _, e in report.failures]
    out = ws / "output/bao-cao/2017/so-y-te.docx"
    assert not check_docx(out).errors
    text = _text(out)
    assert 'Kết quả thực hiện bình đẳng giới & <thử> "nghiệm"' in text
    assert "4.920 người, trong đó nữ 3.153 người (chiếm 64,1%)" in text
    table = next(t for t in Document(str(out)).tables if t.rows[0].cells[0].text == "STT")
    first = [c.text for c in table.rows[1].cells]
    assert first == ["1", "Số lượng cán bộ, công chức, viên chức", "4.920", "3.153", "64,1"]
    assert [c.text for c in table.rows[2].cells][1:] == ["- Cán bộ", "6", "2", "33,3"]


def test_unit_tables_are_annexes_referenced_from_the_body(built: Path) -> None:
    text = _text(built / f"{TONG_HOP}.docx")
    for label in ("Phụ lục I", "Phụ lục V"):
        assert f"(chi tiết tại {label})" in text
    assert "SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC THEO CƠ QUAN, ĐƠN VỊ" in text
    assert "(Kèm theo Báo cáo số" in text


def test_unit_tables_in_the_body_when_asked(report_ws) -> None:  # noqa: ANN001
    import random

    from tests.reports.conftest import random_figures, report_yaml

    consolidation = "\n".join([
        "loai: bao_cao_tong_hop", "co_quan: so-noi-vu", "ngay: 2017-12-05", "nam: 2017",
        "trich_yeu: Tổng hợp năm 2017", "bang_don_vi: noi_dung", "bieu_do: false",
        "bieu_tong_hop: false", "nguoi_ky:", "  chuc_vu: GIÁM ĐỐC", "  ho_ten: Trần Thị Thu Hà",
        "noi_nhan:", "  - Bộ Nội vụ", ""])
    ws = report_ws({"2017/so-y-te.yaml": report_yaml("so-y-te", 2017, random_figures(random.Random(5))),
                    "tong-hop.yaml": consolidation})
    report = build(load_workspace(ws))
    assert report.ok, [e.format_message() for _, e in report.failures]
    (result,) = [r for r in report.results if r.document.kind.name == "bao_cao_tong_hop"]
    assert [p.suffix for p in result.outputs] == [".docx"]  # no chart, no annex asked for
    out = result.outputs[0]
    text = _text(out)
    assert "Phụ lục" not in text and "chi tiết tại" not in text
    assert sum(1 for t in Document(str(out)).tables if t.rows[0].cells[1].text == "Cơ quan, đơn vị") == 5
    assert not check_docx(out).errors
