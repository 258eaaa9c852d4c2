"""The status .xlsx for Sở Nội vụ: a unit name that looks like a formula stays text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from tests.plans.conftest import PROVINCIAL, invoke


def test_status_xlsx_stores_formula_like_names_as_text(plan_ws: Path, tmp_path: Path) -> None:
    config = plan_ws / "gendoc.yaml"
    text = config.read_text(encoding="utf-8")
    assert "    ten_day_du: Sở Tư pháp\n" in text
    config.write_text(text.replace("    ten_day_du: Sở Tư pháp\n",
                                   "    ten_day_du: \"=HYPERLINK(\\\"http://x.invalid\\\")\"\n"),
                      encoding="utf-8")
    out = tmp_path / "tinh-hinh.xlsx"
    result = invoke(plan_ws, "status", "--from", str(plan_ws / PROVINCIAL), "--han", "25/01/2017",
                    "-o", str(out))
    assert result.exit_code == 0, result.output

    sheet = load_workbook(out).active
    row = next(r for r in sheet.iter_rows(min_row=5) if r[1].value == "so-tu-phap")
    name = row[2]
    assert name.value == '=HYPERLINK("http://x.invalid")'
    assert name.data_type == "s" and name.quotePrefix
    with zipfile.ZipFile(out) as package:
        sheet_xml = package.read("xl/worksheets/sheet1.xml").decode("utf-8")
    formulas = re.findall(r"<f>(.*?)</f>", sheet_xml)
    assert formulas and all(f.startswith(("COUNTIF", "COUNTA")) for f in formulas)  # gendoc's own
