"""Gender-bias checker throughput against a naive baseline, in the same process.

Corpus: the seed plan's text repeated N times with a stereotyped sentence planted every 40
lines (so both methods have something to find). Naive: for every line and every spelling in the
list, a lower-case substring search after stripping diacritics (what a quick script would do —
it also flags "phải yêu" as "phái yếu" and misses phrases wrapped over two lines). gendoc: the
tokenised, tone-aware matcher (`gendoc.bias.check_text`). Prints lines/second for each, the
findings each reports, and `ratio: N` (naive time / gendoc time; below 1 means gendoc is slower,
the price of matching correctly).

    python benchmarks/bias_checker.py [N]
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from gendoc.bias import check_text, load_phrases
from gendoc.bias.phrases import fold

SEED = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "seed" / "ke-hoach-ubnd-tinh-2016.txt"
PLANTED = "Có ý kiến cho rằng lãnh đạo là việc của đàn ông, còn phụ nữ thì chân yếu tay mềm."


def corpus(times: int) -> str:
    lines = SEED.read_text(encoding="utf-8").splitlines() * times
    for i in range(0, len(lines), 40):
        lines[i] = PLANTED
    return "\n".join(lines)


def naive(text: str, forms: list[str]) -> int:
    keys = [fold(f) for f in forms]
    found = 0
    for line in text.splitlines():
        low = fold(line)
        found += sum(1 for k in keys if k in low)
    return found


def main() -> None:
    times = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    text = corpus(times)
    lines = text.count("\n") + 1
    phrases = load_phrases()
    forms = [p.text for p in phrases if "*" not in p.text]

    start = time.perf_counter()
    naive_found = naive(text, forms)
    naive_s = time.perf_counter() - start

    start = time.perf_counter()
    ours = check_text(text, phrases)
    ours_s = time.perf_counter() - start

    print(f"corpus: {lines} lines, {len(text)} characters, {len(phrases)} entries")
    print(f"naive substring: {naive_s:.3f} s ({lines / naive_s:,.0f} lines/s), {naive_found} hits")
    print(f"gendoc matcher:  {ours_s:.3f} s ({lines / ours_s:,.0f} lines/s), {len(ours)} findings")
    print(f"ratio: {naive_s / ours_s:.2f}")


if __name__ == "__main__":
    main()
