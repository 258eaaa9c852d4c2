"""Consolidation at province scale: 700 unit reports (sở, huyện and xã several times over).

Times are CPU seconds of this process (the machine is shared; wall time is noisy). Writes a
temporary workspace with N synthetic units and their 2017 reports (YAML, with one in ten
as a filled Excel form, as units send them), then times `gendoc.reports.consolidate` on growing
subsets in the same process. The baseline is what the build already does for each report —
`load_document` one by one — so the ratio shows what consolidating adds on top of reading. The
per-report time must stay flat as N grows (linear work, not quadratic); the script says so and
exits 1 if the 700-report run costs more than twice per report what the smallest run did.

    python benchmarks/consolidate.py [N] [--render]

`--render` also renders the whole consolidated report of the N units (docx + annex + charts).
"""

from __future__ import annotations

import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from gendoc.build import load_document
from gendoc.reports import consolidate
from gendoc.reports.form import figure_cells, write_form
from gendoc.reports.indicators import GROUPS
from gendoc.workspace import load_workspace

YEAR = 2017


def figures(rng: random.Random) -> dict:
    def pair(top: int) -> dict[str, int]:
        tong = rng.randint(0, top)
        return {"tong": tong, "nu": rng.randint(0, tong)}

    out = {"nhan_su": {"can_bo": pair(20), "cong_chuc": {"tong": 150, "nu": 70},
                       "vien_chuc": pair(2000)},
           "lanh_dao": {"don_vi_truong": pair(1), "don_vi_pho": pair(3), "phong_truong": pair(20),
                        "phong_pho": {"tong": 30, "nu": 10}},
           "quy_hoach": {"don_vi": pair(8), "phong": pair(40)},
           "bo_nhiem": {"cap_truong": pair(2), "cap_pho": pair(2)},
           "dao_tao": {r.key: pair(30) for r in GROUPS[4].rows},
           "hoat_dong": {r.key: rng.randint(0, 40) for r in GROUPS[5].rows}}
    return out


def report_yaml(code: str, f: dict, day: int) -> str:
    lines = ["loai: bao_cao", f"co_quan: {code}", f"ngay: {YEAR}-11-{day:02d}", f"nam: {YEAR}",
             "trich_yeu: Kết quả thực hiện bình đẳng giới năm 2017", "kinh_gui: Sở Nội vụ",
             "so_lieu:"]
    for spec in GROUPS:
        lines.append(f"  {spec.key}:")
        for key, value in f[spec.key].items():
            text = f"{{tong: {value['tong']}, nu: {value['nu']}}}" if isinstance(value, dict) else value
            lines.append(f"    {key}: {text}")
    lines += ["han_che:", "  - Tỷ lệ nữ cấp trưởng còn thấp.", "nguoi_ky:", "  chuc_vu: GIÁM ĐỐC",
              "noi_nhan:", "  - Như trên", ""]
    return "\n".join(lines)


def make_workspace(root: Path, n: int, sizes: list[int]) -> Path:
    """One folder per subset size, each holding the first `size` units' reports."""
    import openpyxl

    units = [f"don-vi-{i:04d}" for i in range(n)]
    config = ["ten: benchmark", "co_quan:"]
    for code in units:
        config.append(f"  - {{ma: {code}, ten: ĐƠN VỊ {code[-4:]}, ten_day_du: Đơn vị {code[-4:]}, "
                      "ky_hieu: DV, dia_danh: Kiên Giang, cap: cap_xa, chuc_vu_thu_truong: CHỦ TỊCH}")
    config += ["bao_cao:", "  han_nop: 15/11", "muc_tieu:",
               "  q: {ten: Nữ trong quy hoạch, chi_so: ty_le_nu.quy_hoach, chi_tieu: 30}", ""]
    (root / "gendoc.yaml").write_text("\n".join(config), encoding="utf-8")
    ws = load_workspace(root)
    rng = random.Random(700)
    cells = figure_cells()
    made: dict[str, tuple[str, Path | None]] = {}
    for i, code in enumerate(units):
        f = figures(rng)
        day = rng.randint(1, 25)
        if i % 10 == 9:  # one in ten units sends the Excel form
            form = root / "_forms" / f"{code}.xlsx"
            write_form(form, unit=ws.unit(code), year=YEAR, prefill={("co_quan",): code,
                                                                      ("nam",): YEAR,
                                                                      ("trich_yeu",): "Báo cáo",
                                                                      ("nguoi_ky", "chuc_vu"): "CHỦ TỊCH",
                                                                      ("noi_nhan",): "Như trên"})
            book = openpyxl.load_workbook(form)
            for spec in GROUPS:
                for key, value in f[spec.key].items():
                    parts = [(k, value[k]) for k in ("tong", "nu")] if isinstance(value, dict) else [(None, value)]
                    for name, number in parts:
                        sheet, ref = cells[("so_lieu", spec.key, key, *((name,) if name else ()))].split("!")
                        book[sheet][ref] = number
            book.save(form)
            made[code] = ("", form)
        else:
            made[code] = (report_yaml(code, f, day), None)
    for size in sizes:
        folder = root / "content" / f"n{size}"
        folder.mkdir(parents=True)
        for code in units[:size]:
            text, form = made[code]
            if form is not None:
                (folder / form.name).write_bytes(form.read_bytes())
            else:
                (folder / f"{code}.yaml").write_text(text, encoding="utf-8")
    return root


def render_consolidation(root: Path, n: int) -> None:
    """The whole consolidated report (docx with 5 annex tables of N rows, xlsx annex, charts)."""
    from gendoc.build import render_file

    (root / "content" / "tong-hop.yaml").write_text("\n".join([
        "loai: bao_cao_tong_hop", "co_quan: don-vi-0000", f"nam: {YEAR}", f"thu_muc: n{n}",
        "trich_yeu: Tổng hợp", "nguoi_ky:", "  chuc_vu: GIÁM ĐỐC", "  ho_ten: Nguyễn Văn A",
        "noi_nhan:", "  - Bộ Nội vụ", ""]), encoding="utf-8")
    t0 = time.process_time()
    result = render_file(load_workspace(root), root / "content" / "tong-hop.yaml")
    took = time.process_time() - t0
    print(f"render consolidated report of {n} units: {took:.1f} s "
          f"({', '.join(p.name for p in result.outputs)})")


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n = int(args[0]) if args else 700
    sizes = sorted({max(n // 7, 1), n // 2, n} - {0})
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.process_time()
        root = make_workspace(Path(tmp), n, sizes)
        print(f"workspace: {n} units, {n // 10} Excel forms, written in {time.process_time() - t0:.1f} s")
        ws = load_workspace(root)
        folder = root / "content" / f"n{n}"
        t0 = time.process_time()
        for path in sorted(folder.iterdir()):
            load_document(ws, path)
        baseline = time.process_time() - t0
        print(f"baseline (load_document each report, {n}): {baseline:.2f} s, "
              f"{baseline / n * 1000:.2f} ms/report")
        per_report = {}
        for size in sizes:
            t0 = time.process_time()
            cons = consolidate(ws, YEAR, root / "content" / f"n{size}", with_previous=False)
            took = time.process_time() - t0
            assert len(cons.reports) == size
            per_report[size] = took / size
            print(f"consolidate {size:4d} reports: {took:6.2f} s, {took / size * 1000:6.2f} ms/report")
        tracemalloc.start()
        cons = consolidate(ws, YEAR, folder, with_previous=False)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak memory (tracemalloc) consolidating {n}: {peak / 2**20:.1f} MiB "
              f"({peak / n / 1024:.1f} KiB/report)")
        print(f"province: {cons.total('nhan_su').tong} staff, women in planning pool "
              f"{cons.ty_le('quy_hoach'):.1f}%")
        if "--render" in sys.argv:
            render_consolidation(root, n)
        growth = per_report[n] / per_report[sizes[0]]
        print(f"per-report time at {n} vs {sizes[0]}: ratio {growth:.2f} (1.0 = linear)")
        ratio = (per_report[n] * n) / baseline
        print(f"ratio: {ratio:.2f} (consolidate {n} / load_document {n})")
        if growth > 2.0:
            print("FAIL: per-report time grows with N — the consolidation is not linear")
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
