"""Find stereotyped or demeaning gender wording in text (plan III.3.b: "kiểm tra và xử lý … nội
dung định kiến về giới").

Two sources, neither a model: the curated phrase list (`cum_tu.yaml`, matched by `find_in_tokens`,
callable alone as the "phrase list" baseline) and the compositional detector (`compose.py` with
`khung.yaml`: a gendered subject plus a stereotype frame in one clause). Every finding names its
category, the words that triggered it, why it is a problem and what to write instead, so an editor
can accept or reject it knowingly. A sentence that quotes a stereotype to refute it gets a note.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gendoc.bias.lexicon import load_lexicon
from gendoc.bias.phrases import (
    GAP_BREAKERS,
    GROUPS,
    MAX_GAP,
    Phrase,
    Syllable,
    fold,
    load_phrases,
)
from gendoc.bias.text import Token, iter_strings, read_lines, tokenize

NOTE = "ghi chú — câu trích để phản bác, chỉ cần xem lại cách trích"


@dataclass(frozen=True)
class Finding:
    line: int
    phrase: str  # as written in the text
    entry: Phrase  # the curated entry, or the detector's category (forms empty)
    triggers: tuple[str, ...] = ()  # the words that fired, as the data spells them
    note: bool = False  # quoted to be refuted: a softer note, not an error

    @property
    def category(self) -> str:
        return self.entry.group

    @property
    def category_label(self) -> str:
        return self.entry.text if not self.entry.forms else GROUPS.get(self.entry.group,
                                                                         self.entry.group)

    def explanation(self) -> str:
        """[category: trigger + trigger] why — the reason with what triggered it."""
        words = " + ".join(self.triggers or (self.entry.text,))
        return f"[{self.category_label}: {words}] {self.entry.reason}"

    def message(self, unit: str = "dòng") -> str:
        lead = f"{unit} {self.line}: «{self.phrase}» — " + (f"{NOTE}: " if self.note else "")
        return f"{lead}{self.explanation()} Nên viết: {self.entry.alternative}."


def _match_at(form: tuple[Syllable | None, ...], toks: list[Token], keys: list[Syllable],
              i: int) -> int | None:
    """End index (exclusive) if `form` matches starting at token i, else None."""

    def walk(f: int, t: int) -> int | None:
        if f == len(form):
            return t
        item = form[f]
        if item is None:  # a gap of 0..MAX_GAP words, within one clause, without a negation
            for skip in range(MAX_GAP + 1):
                end = walk(f + 1, t + skip)
                if end is not None:
                    return end
                if t + skip >= len(toks) or toks[t + skip].hard_before or \
                        toks[t + skip].soft_before or fold(toks[t + skip].word) in GAP_BREAKERS:
                    return None
            return None
        if t >= len(toks) or (f > 0 and toks[t].hard_before):
            return None
        if not item.matches(keys[t]):
            return None
        return walk(f + 1, t + 1)

    return walk(0, i)


def phrase_spans(toks: list[Token], keys: list[Syllable],
                 phrases: Iterable[Phrase]) -> list[tuple[int, int, Phrase]]:
    """Token spans of curated phrases (longest phrase wins; no overlapping spans)."""
    by_first: dict[str, list[tuple[Phrase, tuple[Syllable | None, ...]]]] = {}
    for phrase in phrases:
        for form in phrase.forms:
            first = form[0]
            assert first is not None
            by_first.setdefault(first.folded, []).append((phrase, form))
    spans: list[tuple[int, int, Phrase]] = []
    i = 0
    while i < len(toks):
        best: tuple[int, Phrase] | None = None
        for phrase, form in by_first.get(keys[i].folded, ()):
            end = _match_at(form, toks, keys, i)
            if end is not None and (best is None or end > best[0]):
                best = (end, phrase)
        if best is None:
            i += 1
            continue
        spans.append((i, best[0], best[1]))
        i = best[0]
    return spans


def _shown(toks: list[Token], i: int, end: int, source: dict[int, str] | None) -> str:
    """The words toks[i:end] as written in the line (or joined, when they span lines)."""
    first, last = toks[i], toks[end - 1]
    if source and first.line == last.line and first.line in source:
        return unicodedata.normalize("NFC", source[first.line])[first.start:last.end]
    return " ".join(t.word for t in toks[i:end])


def find_in_tokens(toks: list[Token], phrases: Iterable[Phrase],
                   source: dict[int, str] | None = None) -> list[Finding]:
    """The curated phrase list alone (the checker before the compositional detector)."""
    keys = [Syllable.of(t.word) for t in toks]
    return [Finding(toks[i].line, _shown(toks, i, end, source), phrase)
            for i, end, phrase in phrase_spans(toks, keys, phrases)]


def find_all(toks: list[Token], phrases: Iterable[Phrase],
             source: dict[int, str] | None = None) -> list[Finding]:
    """Curated phrases and compositional detections, in text order, never overlapping: a
    detection over a curated phrase is left out (the phrase is the more precise finding)."""
    from gendoc.bias.compose import (
        detect,  # `gendoc --help` loads gendoc.bias (bias/cli.py): on use only
    )

    keys = [Syllable.of(t.word) for t in toks]
    detections, refuting = detect(toks, keys, load_lexicon())
    refuting_starts = [lo for lo, _ in refuting]

    def refuted(i: int) -> bool:
        at = bisect_right(refuting_starts, i) - 1
        return at >= 0 and i < refuting[at][1]

    found: list[tuple[int, Finding]] = []
    covered: set[int] = set()
    for i, end, phrase in phrase_spans(toks, keys, phrases):
        covered.update(range(i, end))
        found.append((i, Finding(toks[i].line, _shown(toks, i, end, source), phrase,
                                 (phrase.text,), refuted(i))))
    for d in detections:
        if any(k in covered for k in range(d.start, d.end)):
            continue
        covered.update(range(d.start, d.end))
        cat = d.category
        entry = Phrase((), cat.label, cat.key, cat.reason, cat.alternative)
        found.append((d.start, Finding(toks[d.start].line, _shown(toks, d.start, d.end, source),
                                       entry, tuple(t.text for t in d.triggers),
                                       refuted(d.start))))
    return [f for _, f in sorted(found, key=lambda pair: pair[0])]


def check_lines(lines: list[tuple[int, str]], phrases: Iterable[Phrase] | None = None,
                *, compose: bool = True) -> list[Finding]:
    """Findings in numbered lines of text (no overlapping findings); `compose=False` runs the
    curated phrase list alone."""
    source: dict[int, str] = {}
    shared: set[int] = set()  # several text pieces on one line (HTML): offsets would not apply
    for number, text in lines:
        if text.strip():
            if number in source:
                shared.add(number)
            source[number] = text
    for number in shared:
        del source[number]
    finder = find_all if compose else find_in_tokens
    return finder(tokenize(lines), list(phrases) if phrases is not None else load_phrases(), source)


def check_text(text: str, phrases: Iterable[Phrase] | None = None, *,
               compose: bool = True) -> list[Finding]:
    return check_lines(list(enumerate(text.splitlines(), start=1)), phrases, compose=compose)


def check_file(path: Path, phrases: Iterable[Phrase] | None = None) -> tuple[list[Finding], str]:
    """Findings in a .md/.txt/.html/.docx file, and the unit its line numbers count."""
    lines, unit = read_lines(Path(path))
    return check_lines(lines, phrases), unit


def check_content(raw: object, locate, phrases: Iterable[Phrase] | None = None) -> list[str]:  # noqa: ANN001
    """Warnings for every string field of a content file, naming the field and its YAML line.

    `locate(loc)` gives the line of a field (gendoc.yamlio.line_of), so the clerk fixes the
    sentence where they wrote it, not in the generated output.
    """
    from gendoc.validation import (
        field_name,  # pydantic: `gendoc --help` loads gendoc.bias, on use only
    )

    listed = list(phrases) if phrases is not None else load_phrases()
    out = []
    for loc, text in iter_strings(raw):
        if not loc or loc[-1] in ("loai", "template", "anh", "tep"):
            continue
        for finding in check_text(text, listed):
            line = locate(loc)
            if line is not None:
                line += finding.line - 1 if "\n" in text.rstrip("\n") else 0
            where = f"dòng {line}, " if line else ""
            note = f" ({NOTE})" if finding.note else ""
            out.append(f"{where}trường {field_name(loc)}: từ ngữ định kiến giới «{finding.phrase}»"
                       f"{note} — {finding.explanation()} Nên viết: {finding.entry.alternative}.")
    return out
