"""Report fixtures: a small workspace with four units, and unit reports written from figures."""

from __future__ import annotations

import random
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from gendoc.reports.indicators import GROUPS

CONFIG = """\
ten: thử nghiệm báo cáo
co_quan:
  - {ma: so-noi-vu, ten: SỞ NỘI VỤ, ten_day_du: Sở Nội vụ, co_quan_chu_quan: UBND TỈNH KIÊN GIANG,
     ky_hieu: SNV, dia_danh: Kiên Giang, cap: so_ban_nganh, chuc_vu_thu_truong: GIÁM ĐỐC}
  - {ma: so-y-te, ten: SỞ Y TẾ, ten_day_du: Sở Y tế, co_quan_chu_quan: UBND TỈNH KIÊN GIANG,
     ky_hieu: SYT, dia_danh: Kiên Giang, cap: so_ban_nganh, chuc_vu_thu_truong: GIÁM ĐỐC}
  - {ma: so-tai-chinh, ten: SỞ TÀI CHÍNH, ten_day_du: Sở Tài chính, ky_hieu: STC,
     co_quan_chu_quan: UBND TỈNH KIÊN GIANG, dia_danh: Kiên Giang, cap: so_ban_nganh,
     chuc_vu_thu_truong: GIÁM ĐỐC}
  - {ma: ubnd-huyen-phu-quoc, ten: "ỦY BAN NHÂN DÂN\\nHUYỆN PHÚ QUỐC",
     ten_day_du: Ủy ban nhân dân huyện Phú Quốc, ky_hieu: UBND, dia_danh: Phú Quốc,
     cap: cap_huyen, chuc_vu_thu_truong: CHỦ TỊCH, tap_the: ỦY BAN NHÂN DÂN}
bao_cao:
  han_nop: 15/11
muc_tieu:
  nu_quy_hoach: {ten: Tỷ lệ nữ trong quy hoạch, chi_so: ty_le_nu.quy_hoach, chi_tieu: 30}
  co_lanh_dao_nu: {ten: Đơn vị có lãnh đạo chủ chốt là nữ, chi_so: don_vi_co_lanh_dao_nu,
                   chi_tieu: 60}
"""
UNITS = ("so-noi-vu", "so-y-te", "so-tai-chinh", "ubnd-huyen-phu-quoc")


def random_figures(rng: random.Random) -> dict[str, Any]:
    """Valid figures: women ≤ total, leaders/planning within staff, appointments within leaders."""
    def pair(top: int) -> dict[str, int]:
        tong = rng.randint(0, top)
        return {"tong": tong, "nu": rng.randint(0, tong)}

    f: dict[str, Any] = {"nhan_su": {k: pair(500) for k in ("can_bo", "cong_chuc", "vien_chuc")}}
    f["nhan_su"]["cong_chuc"] = {"tong": 200 + rng.randint(0, 50), "nu": 120}
    f["lanh_dao"] = {k: pair(20) for k in ("don_vi_truong", "don_vi_pho", "phong_truong", "phong_pho")}
    f["lanh_dao"]["phong_pho"] = {"tong": 30, "nu": 10}
    f["quy_hoach"] = {k: pair(40) for k in ("don_vi", "phong")}
    f["bo_nhiem"] = {"cap_truong": pair(5), "cap_pho": pair(5)}
    f["dao_tao"] = {r.key: pair(30) for r in GROUPS[4].rows}
    f["hoat_dong"] = {r.key: rng.randint(0, 50) for r in GROUPS[5].rows}
    return f


def report_yaml(unit: str, year: int, figures: dict[str, Any], *, ngay: str | None = None,
                extra: str = "") -> str:
    lines = ["loai: bao_cao", f"co_quan: {unit}", f"ngay: {ngay or f'{year}-11-10'}",
             f"nam: {year}", "trich_yeu: Kết quả thực hiện bình đẳng giới & <thử> \"nghiệm\"",
             "kinh_gui: Sở Nội vụ", "so_lieu:"]
    for spec in GROUPS:
        lines.append(f"  {spec.key}:")
        for key, value in figures[spec.key].items():
            text = f"{{tong: {value['tong']}, nu: {value['nu']}}}" if isinstance(value, dict) else value
            lines.append(f"    {key}: {text}")
    lines += ["han_che:", "  - Còn hạn chế.", "nguoi_ky:", "  chuc_vu: GIÁM ĐỐC",
              "  ho_ten: Nguyễn Văn A", "noi_nhan:", "  - Như trên"]
    return "\n".join(lines) + "\n" + extra


@pytest.fixture
def report_ws(tmp_path: Path) -> Callable[..., Path]:
    """`report_ws({"2017/so-y-te.yaml": text})` → a workspace with those files in content/bao-cao."""

    def make(files: dict[str, str] | None = None, *, config: str = CONFIG) -> Path:
        ws = tmp_path / "ws"
        (ws / "content" / "bao-cao").mkdir(parents=True, exist_ok=True)
        (ws / "gendoc.yaml").write_text(config, encoding="utf-8")
        for name, text in (files or {}).items():
            path = ws / "content" / "bao-cao" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        return ws

    return make


# Unit names that exercise every way a cell's text becomes runs: inline markup, a tab, a line
# break, spaces at the ends, XML-special characters; and names that look like formulas.
TRICKY = {
    "so-y-te": "Sở Y tế **(đậm)** và *nghiêng* & <thẻ>",
    "so-noi-vu": "  Sở Nội vụ\tcó tab\nvà xuống dòng  ",
    "so-tai-chinh": "=HYPERLINK(\"http://example.invalid\",\"bấm\")",
    "ubnd-huyen-phu-quoc": "+1-2",
}
FORMULA_LIKE = ["=SUM(1,2)", "+1-2", "-3+4", "@SUM(A1)", "\tcó tab", "\rcó CR"]


def _config(names: dict[str, str]) -> str:
    out = CONFIG
    for code, name in names.items():
        out = _set_name(out, code, name)
    return out


def _set_name(config: str, code: str, name: str) -> str:
    import json

    start = config.index(f"{{ma: {code},")
    key = config.index("ten_day_du:", start)
    end = config.index(",", key + len("ten_day_du: ") + 1)
    # A JSON string is a valid YAML double-quoted scalar: tabs and newlines survive.
    return config[:key] + f"ten_day_du: {json.dumps(name, ensure_ascii=False)}" + config[end:]


def _consolidation_file(**extra: str) -> str:
    lines = ["loai: bao_cao_tong_hop", "co_quan: so-noi-vu", "ngay: 2017-12-05", "nam: 2017",
             "trich_yeu: Tổng hợp năm 2017", "nguoi_ky:", "  chuc_vu: GIÁM ĐỐC",
             "  ho_ten: Trần Thị Thu Hà", "noi_nhan:", "  - Bộ Nội vụ"]
    lines += [f"{k}: {v}" for k, v in extra.items()]
    return "\n".join(lines) + "\n"


@pytest.fixture
def tricky_ws(report_ws):  # noqa: ANN001, ANN201
    files = {f"2017/{code}.yaml": report_yaml(code, 2017, random_figures(random.Random(i)))
             for i, code in enumerate(["so-y-te", "so-noi-vu", "ubnd-huyen-phu-quoc"])}
    files["tong-hop.yaml"] = _consolidation_file(bieu_do="false")
    files["tong-hop-noi-dung.yaml"] = _consolidation_file(bieu_do="false",
                                                          bang_don_vi="noi_dung")
    return report_ws(files, config=_config(TRICKY))


def xlsx_to_csv(path: Path, out: Path, *, every_sheet: bool = False) -> None:
    """LibreOffice's CSV of `path` in `out` (UTF-8, formulas' results; with `every_sheet`, one
    file per sheet named `<stem>-<sheet>.csv`): what a spreadsheet program computes and shows."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice, "LibreOffice (soffice) is required for this test"
    filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false"
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{out}/lo",
                    "--convert-to", filt + (",-1" if every_sheet else ""), "--outdir", str(out),
                    str(path)], check=True, capture_output=True, timeout=180)


def fill_form(path: Path, figures: dict[str, Any]) -> None:
    """Type `figures` (as `random_figures` gives them) into the Excel report form at `path`,
    as a clerk does in Excel (through openpyxl), and save it."""
    import openpyxl

    from gendoc.reports.form import figure_cells

    book = openpyxl.load_workbook(path)
    cells = figure_cells()
    for spec in GROUPS:
        for key, value in figures[spec.key].items():
            parts = [(k, value[k]) for k in ("tong", "nu")] if isinstance(value, dict) else [(None, value)]
            for name, number in parts:
                sheet, ref = cells[("so_lieu", spec.key, key, *((name,) if name else ()))].split("!")
                book[sheet][ref] = number
    book.save(path)
