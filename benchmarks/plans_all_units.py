"""Deriving every unit's plan (`gendoc new ke_hoach --all-units`) and rendering them, timed against
rendering the provincial plan once, in the same process.

The question a clerk asks: is "every unit at once" a coffee-break job or an instant one? The
baseline is one render of the provincial plan (the unit everybody already knows); the figures are
derivation per unit, render per derived plan, and the whole --all-units run + build.

    python benchmarks/plans_all_units.py
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path
from types import SimpleNamespace

from gendoc.document import BuildContext, load_document
from gendoc.plans.derive import derive, load_source, targets
from gendoc.plans.new import scaffold
from gendoc.render import render_document
from gendoc.workspace import load_workspace

REPO = Path(__file__).resolve().parent.parent
PLAN = Path("content/ke-hoach/ubnd-tinh-bdg-2016-2020.yaml")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy2(REPO / "gendoc.yaml", root / "gendoc.yaml")
        (root / PLAN).parent.mkdir(parents=True)
        shutil.copy2(REPO / PLAN, root / PLAN)
        ws = load_workspace(root)

        render_document(load_document(ws, root / PLAN), BuildContext(ws))  # warm-up: imports, template cache
        start = time.perf_counter()
        render_document(load_document(ws, root / PLAN), BuildContext(ws))
        baseline = time.perf_counter() - start

        src = load_source(ws, root / PLAN)
        units = [u for u in targets(ws, [], True) if u.ma != src.data.co_quan]
        start = time.perf_counter()
        for unit in units:
            derive(ws, src, unit)
        derive_each = (time.perf_counter() - start) / len(units)

        options = SimpleNamespace(units=[], all_units=True, source=root / PLAN, output=None,
                                  force=False, year=None, xlsx=False)
        start = time.perf_counter()
        written = scaffold(ws, options)
        scaffold_all = time.perf_counter() - start

        start = time.perf_counter()
        for path in written:
            render_document(load_document(ws, path), BuildContext(ws))
        render_all = time.perf_counter() - start

    print(f"units: {len(written)}")
    print(f"baseline (render the provincial plan once): {baseline * 1000:.0f} ms")
    print(f"derive one unit's plan: {derive_each * 1000:.1f} ms "
          f"(ratio to baseline: {derive_each / baseline:.2f})")
    print(f"--all-units (derive, validate, write {len(written)} files): {scaffold_all:.2f} s")
    print(f"render all derived plans: {render_all:.2f} s "
          f"({render_all / len(written) * 1000:.0f} ms each, ratio {render_all / len(written) / baseline:.2f})")
    print(f"ratio: {(scaffold_all + render_all) / baseline:.1f}  (all units end to end / one render)")


if __name__ == "__main__":
    main()
