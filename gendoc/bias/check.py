"""Find stereotyped or demeaning gender wording in text (plan III.3.b: "kiểm tra và xử lý … nội
dung định kiến về giới").

The checker is a curated phrase list, not a model: every finding names a phrase a person chose,
why it is a problem, and what to write instead, so an editor can accept or reject it knowingly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from gendoc.bias.phrases import GAP_BREAKERS, MAX_GAP, Phrase, Syllable, fold, load_phrases
from gendoc.bias.text import Token, read_lines, tokenize


@dataclass(frozen=True)
class Finding:
    line: int
    phrase: str  # as written in the text
    entry: Phrase

    def message(self, unit: str = "dòng") -> str:
        return (f"{unit} {self.line}: «{self.phrase}» — {self.entry.reason} "
                f"Nên viết: {self.entry.alternative}.")


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


def find_in_tokens(toks: list[Token], phrases: Iterable[Phrase],
                   source: dict[int, str] | None = None) -> list[Finding]:
    keys = [Syllable.of(t.word) for t in toks]
    by_first: dict[str, list[tuple[Phrase, tuple[Syllable | None, ...]]]] = {}
    for phrase in phrases:
        for form in phrase.forms:
            first = form[0]
            assert first is not None
            by_first.setdefault(first.folded, []).append((phrase, form))
    findings: list[Finding] = []
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
        end, phrase = best
        first, last = toks[i], toks[end - 1]
        if source and first.line == last.line and first.line in source:
            shown = unicodedata.normalize("NFC", source[first.line])[first.start:last.end]
        else:
            shown = " ".join(t.word for t in toks[i:end])
        findings.append(Finding(first.line, shown, phrase))
        i = end
    return findings


def check_lines(lines: list[tuple[int, str]], phrases: Iterable[Phrase] | None = None) -> list[Finding]:
    """Findings in numbered lines of text (longest phrase wins; no overlapping findings)."""
    source: dict[int, str] = {}
    shared: set[int] = set()  # several text pieces on one line (HTML): offsets would not apply
    for number, text in lines:
        if text.strip():
            if number in source:
                shared.add(number)
            source[number] = text
    for number in shared:
        del source[number]
    return find_in_tokens(tokenize(lines), list(phrases) if phrases is not None else load_phrases(),
                          source)


def check_text(text: str, phrases: Iterable[Phrase] | None = None) -> list[Finding]:
    return check_lines(list(enumerate(text.splitlines(), start=1)), phrases)


def check_file(path: Path, phrases: Iterable[Phrase] | None = None) -> tuple[list[Finding], str]:
    """Findings in a .md/.txt/.html/.docx file, and the unit its line numbers count."""
    lines, unit = read_lines(Path(path))
    return check_lines(lines, phrases), unit


def check_content(raw: object, locate, phrases: Iterable[Phrase] | None = None) -> list[str]:  # noqa: ANN001
    """Warnings for every string field of a content file, naming the field and its YAML line.

    `locate(loc)` gives the line of a field (gendoc.yamlio.line_of), so the clerk fixes the
    sentence where they wrote it, not in the generated output.
    """
    from gendoc.bias.text import iter_strings
    from gendoc.validation import field_name

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
            out.append(f"{where}trường {field_name(loc)}: từ ngữ định kiến giới «{finding.phrase}» "
                       f"— {finding.entry.reason} Nên viết: {finding.entry.alternative}.")
    return out
