"""The consolidated report at province scale: 175, 350, 700 and 1,400 units, in one run.

Writes a temporary workspace with N synthetic units and their 2017 reports (YAML, one in ten as
a filled Excel form, as units send them). For each size, in a fresh process (so peak memory is
that size's own), after a warm-up render of 20 units:

- gendoc: `render_file` of a `bao_cao_tong_hop` — consolidation of the N reports, the .docx with
  its five annex tables of N rows, the .xlsx annex with live formulas, the chart; every output
  written atomically with fsync. Also the consolidation alone (`consolidate`).
- plain libraries, same content, written straightforwardly: PyYAML (C loader) and openpyxl read
  the reports, python-docx writes a document with the same five tables (`add_row`, cell text,
  size, alignment, bold total row) and openpyxl the same annex cells with a style object per
  cell, matplotlib the same kind of chart; files written with fsync. No validation, no ND30
  template — what gendoc adds over the libraries.
- floor: reading the N input files' bytes, then producing gendoc's own output bytes —
  compressing the same zip members (deflate) and writing the three files durably (fsync).
  Nothing can be faster than reading those inputs and writing those outputs.

Every timed run reads the reports afresh (`gendoc.yamlio.forget_parses`: a build parses each file
once per process, so without it runs after the first would skip reading the YAML reports).
Times are medians of RUNS runs (wall clock and this process's CPU time; the machine may be
shared, CPU time is steadier). Memory: peak RSS (`resource.getrusage`) of the process and its
growth over the warm-up, and the Python allocations' peak (`tracemalloc`) of one render.
Prints ratios and the growth exponent (slope of log time over log N; 1.0 = linear).

    python benchmarks/consolidate.py [--sizes 175,350,700,1400] [--runs 5] [--runs-large 3]
                                     [--plain-runs 3]

`--runs-large` applies to sizes above 1000, `--plain-runs` to the plain-library side below 700
units; from 700 units the plain side runs once (python-docx's `add_row` and `row.cells` walk the
whole table, so it takes minutes there). The output says how many runs each median has.
"""

from __future__ import annotations

import json
import math
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's gendoc, not an installed one

from gendoc.reports.form_style import write_form  # noqa: E402
from gendoc.reports.indicators import GROUPS  # noqa: E402
from gendoc.workspace import load_workspace  # noqa: E402
from tests.reports.conftest import fill_form  # noqa: E402 - a clerk typing figures into a form

sys.path.insert(0, str(Path(__file__).parent))
from consolidate_plain import plain_pipeline  # noqa: E402 - the script's sibling module
from figures import figure  # noqa: E402

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
            fill_form(form, f)
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


WARM = 20  # units of the warm-up render


def report_file(root: Path, n: int) -> Path:
    """The consolidated report of the first `n` units."""
    path = root / "content" / f"tong-hop-{n}.yaml"
    path.write_text("\n".join([
        "loai: bao_cao_tong_hop", "co_quan: don-vi-0000", f"nam: {YEAR}", f"thu_muc: n{n}",
        "trich_yeu: Tổng hợp", "nguoi_ky:", "  chuc_vu: GIÁM ĐỐC", "  ho_ten: Nguyễn Văn A",
        "noi_nhan:", "  - Bộ Nội vụ", ""]), encoding="utf-8")
    return path


def timed(func, *args):  # noqa: ANN001, ANN002, ANN201
    wall, cpu = time.perf_counter(), time.process_time()
    result = func(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def durable_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


# --- floor ---------------------------------------------------------------------------------

def floor_members(outputs: list[Path]) -> list[tuple[str, list[tuple[str, bytes]] | bytes]]:
    """What gendoc produced, as zip members (docx, xlsx) or raw bytes (png)."""
    out = []
    for path in outputs:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                out.append((path.name, [(i.filename, zf.read(i)) for i in zf.infolist()]))
        else:
            out.append((path.name, path.read_bytes()))
    return out


def floor_write(members: list, out: Path, inputs: list[Path]) -> None:  # noqa: ANN001
    """Read the N input files' bytes; compress and durably write gendoc's output bytes."""
    import io

    for path in inputs:
        path.read_bytes()
    for name, content in members:
        if isinstance(content, bytes):
            durable_write(out / name, content)
            continue
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            for member, data in content:
                zf.writestr(member, data)
        durable_write(out / name, buf.getvalue())


# --- one size, in its own process ------------------------------------------------------------

def child(root: Path, n: int, runs: int, plain_runs: int) -> dict:
    from gendoc.build import render_file
    from gendoc.reports import consolidate
    from gendoc.yamlio import forget_parses

    ws = load_workspace(root)
    folder = root / "content" / f"n{n}"
    render_file(ws, report_file(root, WARM))  # warm-up: imports, fonts, templates
    plain_pipeline(root / "content" / f"n{WARM}", root)
    rss_warm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    doc = report_file(root, n)
    gendoc, cons_only, plain, floor = [], [], [], []
    result = None
    for _ in range(runs):
        forget_parses()  # each run reads the N reports afresh, as `gendoc build` in its own process
        result, wall, cpu = timed(render_file, ws, doc)
        gendoc.append((wall, cpu))
        forget_parses()
        _, wall, cpu = timed(lambda: consolidate(ws, YEAR, folder))
        cons_only.append((wall, cpu))
    rss_gendoc = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    members = floor_members(result.outputs)
    floor_dir = Path(tempfile.mkdtemp(dir=root))
    inputs = sorted(folder.iterdir())
    for _ in range(runs):
        _, wall, cpu = timed(floor_write, members, floor_dir, inputs)
        floor.append((wall, cpu))
    for _ in range(plain_runs):
        _, wall, cpu = timed(plain_pipeline, folder, root)
        plain.append((wall, cpu))
    forget_parses()
    tracemalloc.start()
    render_file(ws, doc)
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    sizes = {p.suffix: p.stat().st_size for p in result.outputs}
    return {"n": n, "runs": runs, "plain_runs": plain_runs, "gendoc": gendoc, "consolidate": cons_only, "plain": plain,
            "floor": floor, "rss_warm_kib": rss_warm, "rss_gendoc_kib": rss_gendoc,
            "traced_peak": traced, "bytes": sizes}


# --- parent: workspace, one process per size, summary ---------------------------------------

def median(pairs: list[tuple[float, float]], which: int) -> float:
    return statistics.median(p[which] for p in pairs)


def exponent(xs: list[int], ys: list[float]) -> float:
    """Least-squares slope of log(y) over log(x)."""
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = statistics.fmean(lx), statistics.fmean(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def report(results: list[dict]) -> None:
    print("\nmedians; wall seconds unless 'cpu'; ratios on wall time")
    print(f"{'units':>5} {'runs':>4} | {'gendoc s':>8} {'cpu s':>6} | {'consol.':>7} | "
          f"{'plain s':>7} {'floor s':>7} | {'/plain':>6} {'/floor':>6} | {'RSS MiB':>7} "
          f"{'+RSS':>6} {'traced':>6}")
    for r in results:
        g, c = median(r["gendoc"], 0), median(r["gendoc"], 1)
        p, f = median(r["plain"], 0), median(r["floor"], 0)
        print(f"{r['n']:5d} {r['runs']:4d} | {g:8.2f} {c:6.2f} | {median(r['consolidate'], 0):7.2f} | "
              f"{p:7.2f} {f:7.3f} | {g / p:6.2f} {g / f:6.1f} | {r['rss_gendoc_kib'] / 1024:7.0f} "
              f"{(r['rss_gendoc_kib'] - r['rss_warm_kib']) / 1024:6.0f} "
              f"{r['traced_peak'] / 2**20:6.0f}")
    ns = [r["n"] for r in results]
    if len(ns) >= 2:
        for label, key, which in (("gendoc wall", "gendoc", 0), ("gendoc cpu", "gendoc", 1),
                                  ("consolidation wall", "consolidate", 0),
                                  ("plain libraries wall", "plain", 0)):
            slope = exponent(ns, [median(r[key], which) for r in results])
            print(f"growth exponent, {label}: {slope:.2f}")
            if key == "gendoc":
                figure(f"consolidated report, growth exponent ({label})", slope, "≤ 1.1",
                       slope <= 1.1)
        print(f"growth exponent, traced memory: "
              f"{exponent(ns, [r['traced_peak'] for r in results]):.2f}")
    at = {r["n"]: median(r["gendoc"], 0) for r in results}
    if 700 in at:
        print(f"700 units: {at[700]:.2f} s (target ≤ 3 s: {'met' if at[700] <= 3 else 'NOT met'})")
        figure("consolidated report, 700 units (wall)", at[700], "≤ 3 s", at[700] <= 3, " s")


def main() -> int:
    args = sys.argv[1:]
    if args[:1] == ["--child"]:
        print(json.dumps(child(Path(args[1]), int(args[2]), int(args[3]), int(args[4]))))
        return 0

    def option(name: str, default: str) -> str:
        return args[args.index(name) + 1] if name in args else default

    sizes = [int(s) for s in option("--sizes", "175,350,700,1400").split(",")]
    runs, runs_large = int(option("--runs", "5")), int(option("--runs-large", "3"))
    plain_runs = int(option("--plain-runs", "3"))
    with tempfile.TemporaryDirectory() as tmp:
        wall = time.perf_counter()
        root = make_workspace(Path(tmp), max(sizes), sorted({WARM, *sizes}))
        print(f"workspace: {max(sizes)} units, {max(sizes) // 10} Excel forms "
              f"({time.perf_counter() - wall:.0f} s to write)")
        print(f"machine: {os.cpu_count()} CPUs, load average "
              f"{', '.join(f'{x:.1f}' for x in os.getloadavg())}; python {sys.version.split()[0]}")
        results = []
        for n in sizes:
            count = runs_large if n > 1000 else runs
            plain_count = plain_runs if n < 700 else 1  # python-docx's add_row is quadratic
            proc = subprocess.run([sys.executable, __file__, "--child", str(root), str(n), str(count),
                                   str(plain_count)],
                                  capture_output=True, text=True, check=False)
            if proc.returncode != 0:
                print(proc.stderr)
                return 1
            results.append(json.loads(proc.stdout.strip().splitlines()[-1]))
            r = results[-1]
            print(f"{n} units: gendoc {median(r['gendoc'], 0):.2f} s (cpu {median(r['gendoc'], 1):.2f}), "
                  f"plain {median(r['plain'], 0):.2f} s (cpu {median(r['plain'], 1):.2f}), "
                  f"floor {median(r['floor'], 0):.3f} s; medians of {count} "
                  f"(plain: {plain_count}); outputs {r['bytes']}; load average now "
                  f"{os.getloadavg()[0]:.1f}")
        report(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
