"""The plain-library side of `consolidate.py`: the same content with PyYAML, openpyxl,
python-docx and matplotlib written straightforwardly (no validation, no ND30 template)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from gendoc.reports.form import figure_cells
from gendoc.reports.indicators import GROUPS, PAIRED


def plain_read(folder: Path) -> list[dict]:
    """Every report's figures: PyYAML's C loader, openpyxl for the Excel forms (no validation)."""
    import openpyxl
    import yaml

    cells = figure_cells()
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".yaml":
            out.append(yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader))
            continue
        book = openpyxl.load_workbook(path, data_only=True)
        figures: dict = {}
        for spec in GROUPS:
            group = figures.setdefault(spec.key, {})
            for row in spec.rows:
                if spec.paired:
                    group[row.key] = {}
                    for name in ("tong", "nu"):
                        sheet, ref = cells[("so_lieu", spec.key, row.key, name)].split("!")
                        group[row.key][name] = book[sheet][ref].value
                else:
                    sheet, ref = cells[("so_lieu", spec.key, row.key)].split("!")
                    group[row.key] = book[sheet][ref].value
        out.append({"co_quan": path.stem, "so_lieu": figures})
    return out


def plain_docx(reports: list[dict], path: Path) -> None:
    """Five tables of a row per unit, formatted like gendoc's, with python-docx's public API."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    doc = Document()
    aligns = [WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT] + [WD_ALIGN_PARAGRAPH.RIGHT] * 3
    widths = [Cm(w) for w in (1.2, 7.2, 2.4, 2.4, 2.0)]
    for spec in PAIRED:
        doc.add_paragraph(spec.title)
        table = doc.add_table(rows=1, cols=5)
        table.style = "Table Grid"
        rows = []
        for index, report in enumerate(reports, start=1):
            tong = sum(v["tong"] for v in report["so_lieu"][spec.key].values())
            nu = sum(v["nu"] for v in report["so_lieu"][spec.key].values())
            rows.append([str(index), report["co_quan"], f"{tong:,}", f"{nu:,}",
                         f"{100 * nu / tong:.1f}" if tong else "-"])
        rows.append(["", "Tổng cộng", "", "", ""])
        for number, values in enumerate([["STT", "Cơ quan", "Tổng số", "Nữ", "Tỷ lệ"], *rows]):
            cells = table.rows[0].cells if number == 0 else table.add_row().cells
            for c, text in enumerate(values):
                cells[c].width = widths[c]
                paragraph = cells[c].paragraphs[0]
                paragraph.alignment = aligns[c]
                run = paragraph.add_run(text)
                run.font.size = Pt(12)
                run.bold = number == 0 or number == len(rows) or None
    doc.save(str(path))


def plain_xlsx(reports: list[dict], path: Path) -> None:
    """The annex's cells (a sheet per group, a row per unit), a style object set per cell."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    book = Workbook()
    thin = Side(style="thin")
    for spec in [*PAIRED, GROUPS[-1]]:
        sheet = book.create_sheet(spec.key)
        for r, report in enumerate(reports, start=5):
            values = [r - 4, report["co_quan"]]
            for row in spec.rows:
                value = report["so_lieu"][spec.key][row.key]
                values += [value["tong"], value["nu"]] if spec.paired else [value]
            if spec.paired:
                values += [f"=C{r}+E{r}", f"=D{r}+F{r}", f"=IF(N(C{r})>0,D{r}/C{r}*100,\"-\")"]
            for c, value in enumerate(values, start=1):
                cell = sheet.cell(row=r, column=c, value=value)
                cell.font = Font(name="Times New Roman", size=11)
                cell.border = Border(left=thin, right=thin, top=thin, bottom=thin)
                cell.alignment = Alignment(horizontal="right", vertical="center", wrap_text=True)
                cell.number_format = "#,##0"
    book.save(str(path))


def plain_chart(reports: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    shares = []
    for spec in PAIRED:
        tong = sum(v["tong"] for r in reports for v in r["so_lieu"][spec.key].values())
        nu = sum(v["nu"] for r in reports for v in r["so_lieu"][spec.key].values())
        shares.append(100 * nu / tong if tong else 0)
    fig = Figure(figsize=(16 / 2.54, 3), dpi=200)
    fig.add_subplot().barh(range(len(shares)), shares, hatch="///", color="#a6a6a6")
    fig.savefig(str(path), format="png", dpi=200)


def plain_pipeline(folder: Path, out: Path) -> None:
    reports = plain_read(folder)
    with tempfile.TemporaryDirectory(dir=out) as tmp:
        for name, write in (("a.docx", plain_docx), ("a.xlsx", plain_xlsx), ("a.png", plain_chart)):
            write(reports, Path(tmp) / name)
            with open(Path(tmp) / name, "rb+") as fh:
                os.fsync(fh.fileno())
