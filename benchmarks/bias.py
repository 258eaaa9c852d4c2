"""Gender-bias checker: quality on the written corpus and speed against the phrase list alone.

Quality: precision, recall and false-alarm rate on the development split (the detector's rules
were tuned on it), the held-back split (written first, never tuned on) and the fifth held-back
split (fresh wording, written after the rules were widened, never tuned on) of
tests/bias/corpus/, for the curated phrase list alone (the checker before issue 22, still
callable as `check_text(..., compose=False)`) and for the full checker (phrase list + the
compositional detector). Per-category recall of the full checker on the held-back split.

Speed, same process, same text (the seed plan repeated N times with stereotyped sentences from
the corpus planted every 40 lines): tokenising only (the floor both methods share), the phrase
list alone, and the full checker; lines/second and the ratio full / phrase list.

    python benchmarks/bias.py [N]
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # this checkout's gendoc and the corpus helpers in tests/

from gendoc.bias import check_text, load_phrases  # noqa: E402
from gendoc.bias.text import tokenize  # noqa: E402
from tests.bias.corpus_eval import CATEGORIES, SPLITS, load_split, score  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "seed" / "ke-hoach-ubnd-tinh-2016.txt"


def quality() -> list[str]:
    phrases = load_phrases()
    methods = {
        "phrase list": lambda text: check_text(text, phrases, compose=False),
        "full checker": lambda text: check_text(text, phrases),
    }
    out = []
    for split, label in SPLITS.items():
        cases = load_split(split)
        for name, method in methods.items():
            out.append(f"{label:12} {name:13} {score(cases, method).summary()}")
    held = load_split("giu_lai")
    result = score(held, methods["full checker"])
    missed = Counter(c.group for c in result.missed)
    total = Counter(c.group for c in held if c.label == "dinh_kien")
    out.append("held-back recall by category: " + ", ".join(
        f"{cat} {total[cat] - missed[cat]}/{total[cat]}" for cat in CATEGORIES))
    out += [f"  missed [{c.group}]: {c.text}" for c in result.missed]
    out += [f"  false alarm [{c.group}]: {c.text}" for c in result.alarms]
    return out


def corpus(times: int) -> str:
    planted = [c.text for c in load_split("phat_trien") if c.label == "dinh_kien"]
    lines = SEED.read_text(encoding="utf-8").splitlines() * times
    for n, i in enumerate(range(0, len(lines), 40)):
        lines[i] = planted[n % len(planted)]
    return "\n".join(lines)


def _timed(func, text: str) -> tuple[float, int]:  # noqa: ANN001
    start = time.perf_counter()
    found = func(text)
    return time.perf_counter() - start, len(found)


def speed(times: int) -> list[str]:
    text = corpus(times)
    lines = text.count("\n") + 1
    phrases = load_phrases()
    check_text("Phụ nữ vốn yếu đuối.")  # load and compile the data outside the timings
    floor_s, _ = _timed(lambda t: tokenize(list(enumerate(t.splitlines(), 1))), text)
    list_s, list_n = _timed(lambda t: check_text(t, phrases, compose=False), text)
    full_s, full_n = _timed(lambda t: check_text(t, phrases), text)
    return [
        f"speed corpus: {lines} lines, {len(text)} characters, {len(phrases)} phrases",
        f"tokenise only (floor): {floor_s:.3f} s ({lines / floor_s:,.0f} lines/s)",
        f"phrase list:           {list_s:.3f} s ({lines / list_s:,.0f} lines/s), {list_n} findings",
        f"full checker:          {full_s:.3f} s ({lines / full_s:,.0f} lines/s), {full_n} findings",
        f"ratio full / phrase list time: {full_s / list_s:.2f}; full / floor: {full_s / floor_s:.1f}",
    ]


def main() -> None:
    times = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    for line in quality() + speed(times):
        print(line)


if __name__ == "__main__":
    main()
