"""Template check cost against rendering, in the same process.

`gendoc build` checks each workspace template once before rendering; this script shows what that
costs next to one render of the same template. Cases: the built-in ke_hoach.docx, and a large
template (N extra paragraphs, each with two tags Word split over three runs with a proofing
mark — the worst case for the scanner). Baseline: `render_docx` of the same template with the
example plan's context. Prints seconds per check and per render and `ratio: N` (check / render)
for each case; the last line is the large case's ratio.

    python benchmarks/template_check.py [N]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "authoring"))

from damage import add_after, builtin, find, save, split  # noqa: E402

from gendoc.authoring.check import check_template  # noqa: E402
from gendoc.authoring.known import (
    known_names,  # noqa: E402
    run_context,  # noqa: E402
)
from gendoc.document import load_document  # noqa: E402
from gendoc.docx_render import render_docx  # noqa: E402
from gendoc.kinds import get_kind  # noqa: E402
from gendoc.workspace import builtin_templates_dir, example_dir, load_workspace  # noqa: E402


def timed(fn, repeat: int) -> float:  # noqa: ANN001
    start = time.perf_counter()
    for _ in range(repeat):
        fn()
    return (time.perf_counter() - start) / repeat


def big_template(folder: Path, n: int) -> Path:
    doc = builtin()
    anchor = find(doc, "{{ trich_yeu }}")
    for _ in range(n):
        para = add_after(anchor, "x")
        split(para, [("Số {{ s", {}), ("o }} – {{ ky_", {"bold": True}), ("hieu }}", {})],
              proof_after=0)
    return save(doc, folder / "ke_hoach.docx")


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    ws = load_workspace(example_dir())
    kind = get_kind("ke_hoach")
    plan = next((ws.content_dir / "ke-hoach").glob("ubnd-tinh-*.yaml"))
    document = load_document(ws, plan)
    context = run_context(document, document.data)
    known_names(kind, ws)  # derived once per build; not part of the per-template cost
    with tempfile.TemporaryDirectory() as tmp:
        cases = [("ke_hoach.docx (có sẵn)", builtin_templates_dir() / "ke_hoach.docx", 10),
                 (f"{n} đoạn, {2 * n} thẻ bị tách", big_template(Path(tmp), n), 3)]
        for label, path, repeat in cases:
            report = check_template(path, kind, ws)
            check = timed(lambda p=path: check_template(p, kind, ws), repeat)
            render = timed(lambda p=path: render_docx(p, context, ws), repeat)
            print(f"{label}: {len(report.findings)} phát hiện; kiểm tra {check:.3f} s, "
                  f"dựng {render:.3f} s")
            print(f"ratio: {check / render:.2f}")


if __name__ == "__main__":
    main()
