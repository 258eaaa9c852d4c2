"""The consolidated report's fast paths give what the plain paths give; content stays literal.

- Long tables: rows written as XML after rendering (`gendoc.reports.docx_rows`) make the same
  `document.xml`, byte for byte, as python-docx building every row (`gendoc.docx_blocks`).
- Unit reports read by libyaml (`gendoc.yamlfast`) mean what ruamel's round-trip
  reading means, or the fast path steps aside.
- The .xlsx annex stores unit names as text even when they look like a formula, while its own
  totals stay live formulas (LibreOffice recomputes them).
- The consolidation cache: one computation per build when callers share the mapping.
"""

from __future__ import annotations

import csv
import io
import random
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gendoc.document import BuildContext, load_document
from gendoc.reports import consolidate
from gendoc.workspace import load_workspace
from gendoc.yamlfast import Defer, fast_load
from gendoc.yamlio import _yaml, plain
from tests.reports.conftest import FORMULA_LIKE, TRICKY, random_figures, report_yaml


def _document_xml(docx: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read("word/document.xml")


@pytest.mark.parametrize("name", ["tong-hop.yaml", "tong-hop-noi-dung.yaml"])
def test_rows_written_as_xml_equal_python_docx_rows(tricky_ws, monkeypatch, name) -> None:  # noqa: ANN001
    from gendoc.kinds import bao_cao_tong_hop
    from gendoc.reports import docx_rows

    monkeypatch.setattr(docx_rows, "MIN_ROWS", 2)  # the small workspace's tables take the fast path
    filled = []
    real_fill = docx_rows.fill_rows
    monkeypatch.setattr(docx_rows, "fill_rows", lambda d, rows: filled.append(real_fill(d, rows)))
    ws = load_workspace(tricky_ws)

    def docx_of(name: str) -> bytes:
        document = load_document(ws, tricky_ws / "content/bao-cao" / name)
        cons = bao_cao_tong_hop.consolidation(document, BuildContext(ws))
        return bao_cao_tong_hop.render_outputs(document, ws, cons)[0]

    fast = docx_of(name)
    assert filled and filled[0] >= 5, "the test must exercise the fast path (5 unit tables)"

    monkeypatch.setattr(docx_rows, "defer_rows", lambda blocks, deferred: blocks)
    monkeypatch.setattr(docx_rows, "fill_rows", lambda document, deferred: 0)
    plain_docx = docx_of(name)
    assert _document_xml(fast) == _document_xml(plain_docx)
    assert "Sở Y tế" in _document_xml(fast).decode()


def test_fill_rows_refuses_a_lost_table() -> None:
    from docx import Document

    from gendoc.reports.docx_rows import Deferred, fill_rows

    with pytest.raises(RuntimeError):
        fill_rows(Document(), Deferred(rows=[[["1", "a"]]]))


def test_annex_keeps_content_text_literal_and_totals_live(tricky_ws, tmp_path) -> None:  # noqa: ANN001
    from gendoc.reports.annex import annex_bytes

    cons = consolidate(load_workspace(tricky_ws), 2017)
    path = tmp_path / "phu-luc.xlsx"
    path.write_bytes(annex_bytes(cons))
    book = openpyxl.load_workbook(path)
    sheet = book["Biểu 1 - CBCCVC"]
    names = {sheet.cell(row=r, column=2).value: sheet.cell(row=r, column=2)
             for r in range(5, 5 + len(cons.reports))}
    plus = names[TRICKY["ubnd-huyen-phu-quoc"]]
    assert plus.data_type == "s" and plus.quotePrefix
    missing = [c for row in book["Tổng hợp"].iter_rows() for c in row
               if c.value == TRICKY["so-tai-chinh"]]
    assert missing and missing[0].data_type == "s" and missing[0].quotePrefix
    assert str(sheet.cell(row=5 + len(cons.reports), column=3).value).startswith("=SUM(")
    assert sheet.cell(row=5 + len(cons.reports), column=3).data_type == "f"
    ordinary = names[TRICKY["so-y-te"]]
    assert ordinary.data_type == "s" and not ordinary.quotePrefix

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is required for this test"
    filt = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1'
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                    "--convert-to", filt, "--outdir", str(tmp_path / "csv"), str(path)],
                   check=True, capture_output=True, timeout=180)
    sheets = {p.stem.split("phu-luc-", 1)[1]: list(csv.reader(p.open(encoding="utf-8")))
              for p in (tmp_path / "csv").glob("*.csv")}
    summary = [cell for row in sheets["Tổng hợp"] for cell in row]
    assert TRICKY["so-tai-chinh"] in summary  # the text itself, not a link or #NAME?
    first = sheets["Biểu 1 - CBCCVC"]
    assert TRICKY["ubnd-huyen-phu-quoc"] in [row[1] for row in first if len(row) > 1]
    total = next(r for r in first if r[1:2] == ["Tổng cộng"])
    assert int(float(total[2])) == sum(
        r.so_lieu.nhan_su.can_bo.tong for r in cons.reports)  # the SUM recomputed


@pytest.mark.parametrize("text", FORMULA_LIKE)
def test_put_text_never_makes_a_formula(text: str, tmp_path: Path) -> None:
    from gendoc.reports.xlsx_text import put_text

    book = openpyxl.Workbook()
    put_text(book.active["A1"], text)
    put_text(book.active["A2"], "Sở Y tế")
    book.active["A3"] = "=1+1"  # gendoc's own formulas are set directly and stay formulas
    book.save(tmp_path / "x.xlsx")
    sheet = openpyxl.load_workbook(tmp_path / "x.xlsx").active
    assert sheet["A1"].value == text and sheet["A1"].data_type == "s" and sheet["A1"].quotePrefix
    assert sheet["A2"].value == "Sở Y tế" and not sheet["A2"].quotePrefix
    assert sheet["A3"].data_type == "f"


SCALARS = st.one_of(
    st.sampled_from(["yes", "no", "on", "off", "y", "true", "False", "~", "null", "", "010",
                     "0o17", "0x1F", "1_000", "1:20", "1e3", "1.", ".5", "-0", "+5", "12",
                     "12.50", ".inf", ".nan", "2017-02-30", "2017-11-10", "=", "<<", "'12'",
                     '"a\\tb"', "!!str 5", "!x y", "&a 5", "Chú ý!", "a # b", "'it''s'"]),
    st.text(alphabet="0123456789.-+_:eExob ", max_size=8),
    st.text(max_size=12).map(lambda s: '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c", "<<", "1", "yes"]), SCALARS),
                min_size=1, max_size=5))
def test_fast_yaml_means_what_the_round_trip_reader_means(items) -> None:  # noqa: ANN001
    text = "\n".join(f"{key}: {value}" for key, value in items) + "\n"
    try:
        want = plain(_yaml().load(text))
    except Exception:  # noqa: BLE001 - the canonical reader refuses it: so must the fast one
        with pytest.raises(Defer):
            fast_load(text)
        return
    try:
        got = fast_load(text)
    except Defer:
        return  # the consolidation then reads it the canonical way
    assert plain(got) == want
    assert [type(v) for v in plain(got).values()] == [type(v) for v in want.values()]


def test_fast_yaml_reads_real_reports_as_the_build_does() -> None:
    repo = Path(__file__).resolve().parents[2]
    files = sorted((repo / "content" / "bao-cao").rglob("*.yaml"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert plain(fast_load(text)) == plain(_yaml().load(text)), path.name


def test_invalid_report_read_fast_still_names_its_line(report_ws) -> None:  # noqa: ANN001
    from gendoc.exceptions import GendocError

    bad = random_figures(random.Random(3))
    bad["nhan_su"]["can_bo"] = {"tong": 1, "nu": 2}
    ws = report_ws({"2017/so-y-te.yaml": report_yaml("so-y-te", 2017, bad)})
    with pytest.raises(GendocError) as info:
        consolidate(load_workspace(ws), 2017)
    text = (ws / "content/bao-cao/2017/so-y-te.yaml").read_text(encoding="utf-8").splitlines()
    line = next(i for i, s in enumerate(text, 1) if s.strip().startswith("can_bo:"))
    assert f"dòng {line}" in info.value.format_message()


def test_consolidation_is_computed_once_per_cache(tricky_ws, monkeypatch) -> None:  # noqa: ANN001
    from gendoc.reports import consolidation

    calls = []
    real = consolidation.scan
    monkeypatch.setattr(consolidation, "scan", lambda *a, **k: calls.append(1) or real(*a, **k))
    ws = load_workspace(tricky_ws)
    cache: dict = {}
    first = consolidate(ws, 2017, cache=cache)
    assert consolidate(ws, 2017, "bao-cao", cache=cache) is first  # same folder, same key
    assert consolidate(ws, 2017, with_previous=False, cache=cache) is not first
    assert len(calls) == 2
    assert consolidate(ws, 2017) is not first and len(calls) == 3  # no cache: computed again


def test_form_prefill_from_config_is_text(tmp_path: Path) -> None:
    from gendoc.reports.excel import read_form
    from gendoc.reports.form import info_cells
    from gendoc.reports.form_style import write_form
    from gendoc.units import CoQuan

    unit = CoQuan(ma="so-y-te", ten="SỞ Y TẾ", ten_day_du="Sở Y tế", ky_hieu="SYT",
                  dia_danh="Kiên Giang", cap="so_ban_nganh", chuc_vu_thu_truong="GIÁM ĐỐC")
    path = write_form(tmp_path / "f.xlsx", unit=unit, year=2017,
                      prefill={("co_quan",): "so-y-te", ("nguoi_ky", "chuc_vu"): "=CMD()",
                               ("noi_nhan",): "-Như trên"})
    cell = openpyxl.load_workbook(path)["Thông tin"][info_cells()[("nguoi_ky", "chuc_vu")]]
    assert cell.value == "=CMD()" and cell.data_type == "s" and cell.quotePrefix
    data, _ = read_form(path)
    assert data["nguoi_ky"]["chuc_vu"] == "=CMD()" and data["noi_nhan"] == ["-Như trên"]


def test_annex_cells_keep_their_look(tricky_ws, tmp_path) -> None:  # noqa: ANN001
    """Named styles made once give each cell the look the per-cell styling gave."""
    from gendoc.reports.annex import annex_bytes

    cons = consolidate(load_workspace(tricky_ws), 2017)
    path = tmp_path / "phu-luc.xlsx"
    path.write_bytes(annex_bytes(cons))
    sheet = openpyxl.load_workbook(path)["Biểu 1 - CBCCVC"]
    first, total = 5, 5 + len(cons.reports)
    for r in range(first, total + 1):
        for c in range(1, 3 + 2 * 3 + 3):
            cell = sheet.cell(row=r, column=c)
            assert cell.font.name == "Times New Roman" and cell.font.sz == 11
            assert cell.font.b == (r == total)
            assert all(getattr(cell.border, side).style == "thin"
                       for side in ("left", "right", "top", "bottom"))
            assert cell.alignment.vertical == "center" and cell.alignment.wrap_text
            grey = cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb.endswith("E7E6E6")
            assert grey == (r == total or c >= 9), (r, c)
            want = {1: "center", 2: "left"}.get(c, "right")
            assert cell.alignment.horizontal == want, (r, c)
            if c >= 3:
                assert cell.number_format == ("0.0" if c == 11 else "#,##0"), (r, c)
    assert sheet.merged_cells.ranges and sheet.freeze_panes == "C5"
    assert sheet.column_dimensions["B"].width == 40 and sheet.row_dimensions[3].height == 45
