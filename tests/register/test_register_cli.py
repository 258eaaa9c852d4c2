"""The commands end to end, with the real document engine on the shipped example workspace."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from docx import Document as DocxDocument
from openpyxl import load_workbook

from gendoc.cli import main
from gendoc.workspace import example_dir


@pytest.fixture
def example_ws(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the example workspace and its provincial plan (không có số, chưa có ngày)."""
    root = tmp_path / "ws"
    root.mkdir()
    shutil.copy(example_dir() / "gendoc.yaml", root / "gendoc.yaml")
    shutil.copytree(example_dir() / "content", root / "content")
    plans = [p for p in sorted((root / "content").rglob("*.yaml"))
             if "\nloai: ke_hoach" in p.read_text(encoding="utf-8")
             and "\nco_quan: ubnd-tinh" in p.read_text(encoding="utf-8")]
    plan = next((p for p in plans if p.name == "ubnd-tinh-bdg-2016-2020.yaml"), plans[0])
    return root, plan


def _run(*args: str):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _docx_text(path: Path) -> str:
    doc = DocxDocument(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def test_issue_list_export_verify(example_ws: tuple[Path, Path], ws_db: str) -> None:
    root, plan = example_ws
    original = plan.read_text(encoding="utf-8")
    rel_plan = str(plan.relative_to(root))

    result = _run("-w", str(root), "issue", str(plan), "--date", "2016-12-20")
    assert result.exit_code == 0, result.output
    assert "Số: 01/KH-UBND" in result.output

    text = plan.read_text(encoding="utf-8")
    assert "\nso: 1 " in text and "\nngay: 2016-12-20 " in text
    assert "# chưa cấp số" in text  # comments kept
    assert text.count("\n") == original.count("\n")  # layout kept: only two values changed
    changed = [a for a, b in zip(original.splitlines(), text.splitlines(), strict=True) if a != b]
    assert [line.split(":")[0] for line in changed] == ["so", "ngay"]

    output = root / "output" / Path(rel_plan).relative_to("content").with_suffix(".docx")
    body = _docx_text(output)
    assert "Số: 01/KH-UBND" in body
    assert "ngày 20 tháng 12 năm 2016" in body

    again = CliRunner().invoke(main, ["-w", str(root), "issue", str(plan)])
    assert again.exit_code == 1
    assert "--force" in again.output and "01/KH-UBND" in again.output

    listed = _run("-w", str(root), "register", "list", "--year", "2016")
    assert listed.exit_code == 0
    assert "01/KH-UBND" in listed.output and "đã ban hành" in listed.output
    assert "chưa có văn bản" in _run("-w", str(root), "register", "list", "--year", "2017").output

    xlsx = root / "so-di-2016.xlsx"
    exported = _run("-w", str(root), "register", "export", "--year", "2016", "-o", str(xlsx))
    assert exported.exit_code == 0, exported.output
    sheet = load_workbook(xlsx).active
    assert sheet["A5"].value == "01/KH-UBND"
    assert sheet["C5"].value.startswith("KẾ HOẠCH\nTriển khai thực hiện")
    assert sheet["D5"].value == "Phạm Vũ Hồng (TM. ỦY BAN NHÂN DÂN CHỦ TỊCH)"

    ok = _run("-w", str(root), "register", "verify")
    assert ok.exit_code == 0 and "tất cả khớp" in ok.output
    with output.open("ab") as fh:  # someone edits the issued .docx
        fh.write(b"\0")
    bad = CliRunner().invoke(main, ["-w", str(root), "register", "verify"])
    assert bad.exit_code == 1
    assert "01/KH-UBND" in bad.output and "đã bị sửa sau khi ban hành" in bad.output

    forced = _run("-w", str(root), "issue", str(plan), "--force", "--date", "2016-12-21")
    assert forced.exit_code == 0 and "Số: 02/KH-UBND" in forced.output
    assert "01/KH-UBND" in forced.output  # tells which number was replaced
    assert "Số: 02/KH-UBND" in _docx_text(output)


def test_issue_command_errors_are_vietnamese(example_ws: tuple[Path, Path]) -> None:
    root, plan = example_ws
    bad_date = CliRunner().invoke(main, ["-w", str(root), "issue", str(plan), "--date", "20/12"])
    assert bad_date.exit_code == 2 and "NĂM-THÁNG-NGÀY" in bad_date.output
    bad_out = CliRunner().invoke(
        main, ["-w", str(root), "register", "export", "--year", "2016", "-o", "so.csv"])
    assert bad_out.exit_code == 1 and ".xlsx" in bad_out.output
    assert "so.csv" in bad_out.output


@pytest.mark.parametrize(("day", "words"), [("2015-12-31", "trước ngày 01/01/2016 (văn bản ghi năm 2016)"),
                                            ("1999-05-01", "trước ngày 01/01/2016"),
                                            ("2099-01-01", "cách hôm nay hơn một năm")])
def test_an_absurd_issue_date_takes_no_number(example_ws: tuple[Path, Path], day: str,
                                              words: str) -> None:
    """The rule the web page applies before its confirmation, applied by `gendoc issue` too."""
    root, plan = example_ws
    before = plan.read_text(encoding="utf-8")
    result = CliRunner().invoke(main, ["-w", str(root), "issue", str(plan), "--date", day])
    assert result.exit_code == 1, result.output
    assert "tùy chọn --date" in result.output and words in result.output, result.output
    assert plan.read_text(encoding="utf-8") == before  # no number written back
    listed = CliRunner().invoke(main, ["-w", str(root), "register", "list", "--year", day[:4]])
    assert "KH-UBND" not in listed.output
