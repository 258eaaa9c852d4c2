"""Bad-input catalogue: the units' Excel report forms (`content/bao-cao/**/*.xlsx`).

A form arrives by e-mail or upload from a unit's clerk, filled in Excel, LibreOffice or a tool:
wrong types in figure cells, absurd numbers, sheets renamed or deleted, merged cells, formulas,
text pasted from Word with control characters or Excel's `_xHHHH_` escapes, and files that are
no form at all (an .xls renamed, an empty or truncated file, a zip bomb, an XML part with a DTD).
Each case asserts, through `catalogue.fails_alone`: the exit code, a Vietnamese message naming
the file, the sheet!cell and the field, the other unit's report still built, no output and no
temp file for the bad form. The consolidation then refuses the year naming the same form and
cell (a provincial total silently missing a unit is worse than none; see
`gendoc.reports.consolidation`). The real-size bomb runs in a child under a 1 GiB limit.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from gendoc.reports.form import figure_cells, info_cells
from tests.hardening.catalogue import fails_alone, run_limited
from tests.reports.conftest import CONFIG, fill_form, random_figures, report_yaml

BAD = "content/bao-cao/2017/ubnd-huyen-phu-quoc.xlsx"
GOOD = "content/bao-cao/2017/so-y-te.yaml"
GOOD_OUT = "output/bao-cao/2017/so-y-te.docx"
BAD_OUT = ("output/bao-cao/2017/ubnd-huyen-phu-quoc.docx",)
FIG = figure_cells()
INFO = {".".join(k): f"Thông tin!{v}" for k, v in info_cells().items()}
CAN_BO_TONG, CAN_BO_NU = FIG[("so_lieu", "nhan_su", "can_bo", "tong")], FIG[("so_lieu", "nhan_su", "can_bo", "nu")]
KIEM_TRA = FIG[("so_lieu", "hoat_dong", "kiem_tra")]


@pytest.fixture(scope="module")
def good_form(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A correctly filled form of ubnd-huyen-phu-quoc for 2017, as bytes."""
    from gendoc.reports.form_style import write_form
    from gendoc.workspace import load_workspace

    root = tmp_path_factory.mktemp("form")
    (root / "gendoc.yaml").write_text(CONFIG, encoding="utf-8")
    ws = load_workspace(root)
    path = root / "form.xlsx"
    write_form(path, unit=ws.unit("ubnd-huyen-phu-quoc"), year=2017,
               prefill={("co_quan",): "ubnd-huyen-phu-quoc", ("nam",): 2017,
                        ("trich_yeu",): "Kết quả năm 2017", ("nguoi_ky", "chuc_vu"): "CHỦ TỊCH",
                        ("noi_nhan",): "Như trên", ("ngay",): "10/11/2017"})
    figures = random_figures(random.Random(15))
    figures["nhan_su"]["can_bo"] = {"tong": 40, "nu": 12}
    fill_form(path, figures)
    return path.read_bytes()


def _cells(changes: dict[str, object]) -> Callable[[bytes], bytes]:
    """Set `Sheet!A1` cells (None clears) through openpyxl, as a clerk would in Excel."""
    def mutate(data: bytes) -> bytes:
        book = openpyxl.load_workbook(io.BytesIO(data))
        for where, value in changes.items():
            sheet, ref = where.split("!")
            book[sheet][ref] = value
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    return mutate


def _book(change: Callable[[openpyxl.Workbook], None]) -> Callable[[bytes], bytes]:
    def mutate(data: bytes) -> bytes:
        book = openpyxl.load_workbook(io.BytesIO(data))
        change(book)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    return mutate


def _members(change: Callable[[dict[str, bytes]], None]) -> Callable[[bytes], bytes]:
    """Rewrite the zip's parts (what a tool other than Excel may produce)."""
    def mutate(data: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = {i.filename: zf.read(i) for i in zf.infolist()}
        change(parts)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, content in parts.items():
                zf.writestr(name, content)
        return out.getvalue()
    return mutate


def _escaped(field: str, stored: str) -> Callable[[bytes], bytes]:
    """Put `stored` (with literal `_xHHHH_` escapes, as Excel writes them) into an info cell."""
    return _cells({INFO[field]: stored})


def _dtd(parts: dict[str, bytes]) -> None:
    name, dtd = "xl/workbook.xml", b'<!DOCTYPE x [<!ENTITY a "b">]>'
    head, sep, rest = parts[name].partition(b"?>")
    parts[name] = head + sep + dtd + rest if sep else dtd + parts[name]


def _bomb(parts: dict[str, bytes]) -> None:
    parts["xl/media/anh.xml"] = b"<a/>" + b" " * (80 << 20)


def _huge_string(parts: dict[str, bytes]) -> None:
    """40,000 characters in the trich_yeu cell, as inline text (openpyxl itself cuts at 32,767)."""
    name = "xl/worksheets/sheet2.xml"
    ref = INFO["trich_yeu"].split("!")[1].encode()
    start = parts[name].index(b'<c r="' + ref + b'"')
    end = parts[name].index(b"</c>", start) + 4
    cell = b'<c r="' + ref + b'" t="inlineStr"><is><t>' + b"x" * 40_000 + b"</t></is></c>"
    parts[name] = parts[name][:start] + cell + parts[name][end:]


def _many(parts: dict[str, bytes]) -> None:
    for i in range(5_001):
        parts[f"xl/x/{i}.bin"] = b""


def _merge(book: openpyxl.Workbook) -> None:
    book["Biểu 1"].merge_cells(f"{CAN_BO_TONG.split('!')[1]}:{CAN_BO_NU.split('!')[1]}")


def _drop(sheet: str) -> Callable[[openpyxl.Workbook], None]:
    return lambda book: book.remove(book[sheet])


def _rename(book: openpyxl.Workbook) -> None:
    book["Biểu 1"].title = "Bieu 1"


def _raw(content: bytes) -> Callable[[bytes], bytes]:
    return lambda data: content


# name → (mutation, where after the file name or None, words the message must contain, exit code)
CASES: dict[str, tuple[Callable[[bytes], bytes], str | None, tuple[str, ...], int]] = {
    "text_in_figure": (_cells({CAN_BO_TONG: "bốn mươi"}), f"ô {CAN_BO_TONG}",
                       ("so_lieu.nhan_su.can_bo.tong", "phải là số nguyên"), 1),
    "negative": (_cells({KIEM_TRA: -3}), f"ô {KIEM_TRA}",
                 ("so_lieu.hoat_dong.kiem_tra", "không được âm"), 1),
    "absurd_number": (_cells({CAN_BO_TONG: 10**12}), f"ô {CAN_BO_TONG}", ("quá lớn",), 1),
    "fraction": (_cells({KIEM_TRA: 2.5}), f"ô {KIEM_TRA}", ("phải là số nguyên", "2,5"), 1),
    "boolean": (_cells({KIEM_TRA: True}), f"ô {KIEM_TRA}", ("phải là số nguyên",), 1),
    "date_in_figure": (_cells({KIEM_TRA: dt.datetime(2017, 5, 1)}), f"ô {KIEM_TRA}",
                       ("phải là số nguyên",), 1),
    "women_exceed_total": (_cells({CAN_BO_NU: 45}), f"ô {CAN_BO_NU}", ("45", "40"), 1),
    "blank_figure": (_cells({CAN_BO_TONG: None}), f"ô {CAN_BO_TONG}", ("chưa điền số liệu",), 1),
    "formula_without_value": (_cells({KIEM_TRA: "=1+2"}), f"ô {KIEM_TRA}", ("chưa điền",), 1),
    "merged_cells": (_book(_merge), f"ô {CAN_BO_NU}", ("so_lieu.nhan_su.can_bo.nu", "chưa điền"), 1),
    "blank_required": (_cells({INFO["trich_yeu"]: None}), f"ô {INFO['trich_yeu']}",
                       ("trich_yeu", "không được để trống"), 1),
    "huge_string": (_members(_huge_string), f"ô {INFO['trich_yeu']}",
                    ("trich_yeu", "40.000 ký tự", "vượt giới hạn 10.000"), 1),
    "escape_vertical_tab": (_escaped("trich_yeu", "Kết quả_x000B_năm 2017"), f"ô {INFO['trich_yeu']}",
                            ("trich_yeu", "ngắt dòng của Word"), 1),
    "escape_nul": (_escaped("nguoi_ky.ho_ten", "Nguyễn_x0000_Văn A"), f"ô {INFO['nguoi_ky.ho_ten']}",
                   ("nguoi_ky.ho_ten", "ký tự rỗng"), 1),
    "escape_esc": (_escaped("nguoi_ky.chuc_vu", "CHỦ_x001B_TỊCH"), f"ô {INFO['nguoi_ky.chuc_vu']}",
                   ("nguoi_ky.chuc_vu", "U+001B"), 1),
    "escape_form_feed": (_escaped("han_che", "Còn ít._x000C_Cần thêm."), f"ô {INFO['han_che']}",
                         ("han_che", "ngắt trang"), 1),
    "bad_date": (_cells({INFO["ngay"]: "31/02/2017"}), f"ô {INFO['ngay']}", ("ngay",), 1),
    "year_one": (_cells({INFO["ngay"]: "01/01/0001"}), f"ô {INFO['ngay']}", ("ngay", "năm 1"), 1),
    "huge_document_number": (_cells({INFO["so"]: 10**12}), f"ô {INFO['so']}", ("so",), 1),
    "unknown_unit": (_cells({INFO["co_quan"]: "khong-co-don-vi"}), f"ô {INFO['co_quan']}",
                     ("co_quan", "khong-co-don-vi"), 1),
    "old_version": (_cells({"_gendoc!A2": 0}), None, ("phiên bản 0",), 1),
    "missing_sheet": (_book(_drop("Biểu 2")), None, ("thiếu sheet Biểu 2",), 1),
    "renamed_sheet": (_book(_rename), None, ("thiếu sheet Biểu 1",), 1),
    "missing_info_sheet": (_book(_drop("Thông tin")), None, ("thiếu sheet Thông tin",), 1),
    "not_a_zip": (_raw(b"Day khong phai tep Excel"), None, ("không phải tệp Office hợp lệ",), 1),
    "empty_file": (_raw(b""), None, ("tệp rỗng",), 1),
    "xls_renamed": (_raw(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 4000), None,
                    ("Excel 97–2003 (.xls)",), 1),
    "truncated": (lambda data: data[: len(data) // 2], None, ("không phải tệp Office hợp lệ",), 1),
    "dtd": (_members(_dtd), None, ("xl/workbook.xml", "DOCTYPE"), 1),
    "bomb": (_members(_bomb), None, ("bung ra", "bom nén"), 1),
    "too_many_parts": (_members(_many), None, ("thành phần",), 1),
}


def _workspace(tmp_path: Path, form: bytes) -> Path:
    ws = tmp_path / "ws"
    folder = ws / "content" / "bao-cao" / "2017"
    folder.mkdir(parents=True)
    (ws / "gendoc.yaml").write_text(CONFIG, encoding="utf-8")
    (ws / GOOD).write_text(report_yaml("so-y-te", 2017, random_figures(random.Random(16))),
                           encoding="utf-8")
    (ws / BAD).write_bytes(form)
    return ws


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_form_fails_alone_naming_file_cell_and_field(name: str, good_form: bytes, tmp_path: Path,
                                                         cli) -> None:  # noqa: ANN001
    mutate, where, words, code = CASES[name]
    ws = _workspace(tmp_path, mutate(good_form))
    result = cli("build", ws=ws)
    message = fails_alone(result, ws, BAD, where=where, words=words, good=GOOD_OUT,
                          bad_outputs=BAD_OUT, exit_code=code)
    assert "\\x" not in message and "openpyxl" not in message.lower(), message
    # the consolidation of 2017 refuses the year, naming the same form (and cell)
    again = cli("consolidate", "2017", ws=ws)
    assert again.exit_code == 1, again.output
    assert "không tổng hợp được" in again.stderr and BAD in again.stderr, again.stderr
    if where is not None:
        assert where in again.stderr, again.stderr


def test_the_good_form_builds_and_consolidates(good_form: bytes, tmp_path: Path, cli) -> None:  # noqa: ANN001
    """The catalogue's starting point is valid: each case above fails for its own change."""
    ws = _workspace(tmp_path, good_form)
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.output + result.stderr
    assert (ws / BAD_OUT[0]).is_file() and (ws / GOOD_OUT).is_file()
    summary = cli("consolidate", "2017", ws=ws)
    assert summary.exit_code == 0 and "2 báo cáo" in summary.output, summary.output


def test_escaped_text_is_decoded_and_builds(good_form: bytes, tmp_path: Path, cli) -> None:  # noqa: ANN001
    """`_x000D__x000A_` is a line break Excel stored; `_x005F_x0041_` a literal "_x0041_"."""
    from gendoc.document import load_document
    from gendoc.workspace import load_workspace

    form = _cells({INFO["nguoi_ky.quyen_han"]: "TM. ỦY BAN NHÂN DÂN_x000D__x000A_KT. CHỦ TỊCH",
                   INFO["luu"]: "VT_x005F_x0041_"})(good_form)
    ws = _workspace(tmp_path, form)
    doc = load_document(load_workspace(ws), ws / BAD)
    assert doc.data.nguoi_ky.quyen_han == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"]
    assert doc.data.luu == "VT_x0041_"


def _big_bomb(path: Path) -> None:
    """A form whose one extra part inflates to 1.5 GB from about 1.5 MB (deflate, level 9)."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED, compresslevel=9) as zf, \
            zf.open("xl/media/bom.xml", "w", force_zip64=True) as member:
        block = b"\0" * (16 << 20)
        for _ in range(96):
            member.write(block)


def test_a_real_size_bomb_is_refused_under_a_memory_limit(good_form: bytes, tmp_path: Path) -> None:
    ws = _workspace(tmp_path, good_form)
    _big_bomb(ws / BAD)
    assert (ws / BAD).stat().st_size < 3 << 20
    result = run_limited(f"""
        from pathlib import Path
        from gendoc.exceptions import GendocError
        from gendoc.reports.excel import read_form
        try:
            read_form(Path({str(ws / BAD)!r}))
        except GendocError as exc:
            print(type(exc).__name__, exc.exit_code, exc.format_message())
        """)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ContentError 1 "), result.stdout
    assert "bung ra 1536 MB" in result.stdout and "ubnd-huyen-phu-quoc.xlsx" in result.stdout


def test_a_lock_file_is_never_read(tmp_path: Path, good_form: bytes, cli) -> None:  # noqa: ANN001
    ws = _workspace(tmp_path, good_form)
    shutil.copy(ws / BAD, ws / "content/bao-cao/2017/~$ubnd-huyen-phu-quoc.xlsx")
    (ws / "content/bao-cao/2017/~$ubnd-huyen-phu-quoc.xlsx").write_bytes(b"\0" * 165)
    result = cli("build", ws=ws)
    assert result.exit_code == 0, result.output + result.stderr
