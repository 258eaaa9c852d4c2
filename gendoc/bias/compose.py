"""The compositional detector: a gendered subject and a stereotype frame in one clause.

A sentence is split into clauses at sentence punctuation and at contrastive conjunctions after a
comma ("…, còn phụ nữ …"). In each clause, every category of `khung.yaml` tries its rules; a rule
names word sets ("nu", "viec_nha", "chuan_muc" …) that must all occur, the frame words not negated
("không phải lo việc nhà"). A clause without any subject of its own (not even "anh", "ông")
inherits the previous clause's ("Chị em làm việc chăm chỉ, nhưng vốn hay mềm lòng"), not
another's ("Vợ làm trưởng ấp, còn anh ở nhà lo cơm nước"). Sentence markers then decide the
outcome: shared duties, statistics and legal prohibitions cancel the categories that list them; a
refutation ("xóa bỏ định kiến …", "ai bảo …?") turns every finding of the sentence into a
softer note.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from gendoc.bias.lexicon import Category, Hit, Index, Lexicon, WordSet
from gendoc.bias.phrases import Syllable
from gendoc.bias.text import Token

NEGATION_WINDOW = 3  # words between a negation and the frame word it negates


@dataclass(frozen=True)
class Detection:
    category: Category
    triggers: tuple[Hit, ...]
    start: int  # token span covering the triggers
    end: int
    sentence: tuple[int, int]


@dataclass
class _Prepared:
    lexicon: Lexicon
    index: Index


_PREPARED: dict[int, _Prepared] = {}


def _prepared(lexicon: Lexicon) -> _Prepared:
    found = _PREPARED.get(id(lexicon))
    if found is None or found.lexicon is not lexicon:
        groups = {name: ws.patterns for name, ws in lexicon.sets.items()}
        groups.update({f"@{name}": pats for name, pats in lexicon.markers.items()})
        found = _PREPARED[id(lexicon)] = _Prepared(lexicon, Index(groups))
    return found


def sentences(toks: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of sentences (a sentence end or a new block starts a new one)."""
    out: list[tuple[int, int]] = []
    start = 0
    for i in range(1, len(toks) + 1):
        if i == len(toks) or toks[i].hard_before:
            out.append((start, i))
            start = i
    return out


def _drop_exceptions(hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    """Hits strictly inside an exception ("cùng" in "cuối cùng") do not count."""
    spans = sorted((h.start, h.end) for h in hits.get("@ngoai_tru", ()))
    if not spans:
        return hits
    starts = [s for s, _ in spans]
    reach: list[tuple[int, int]] = []  # per prefix of spans: furthest end, earliest start reaching it
    for s, e in spans:
        if not reach or e > reach[-1][0]:
            reach.append((e, s))
        else:
            reach.append(reach[-1])

    def inside(h: Hit) -> bool:
        at = bisect_right(starts, h.start) - 1
        if at < 0:
            return False
        end, start = reach[at]
        return end > h.end or (end == h.end and start < h.start)

    return {name: [h for h in found if name == "@ngoai_tru" or not inside(h)]
            for name, found in hits.items()}


def _clauses(hits: dict[str, list[Hit]], soft: list[bool], lo: int, hi: int) -> list[tuple[int, int]]:
    cuts = sorted({h.start for h in hits.get("@ngat_menh", ()) if soft[h.start] and h.start > lo})
    bounds = [lo, *cuts, hi]
    return [(a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a < b]


def _negated(hit: Hit, negation_ends: set[int], soft: list[bool]) -> bool:
    """Does a negation end at most NEGATION_WINDOW words before the hit, in the same clause?"""
    for end in range(hit.start, max(hit.start - NEGATION_WINDOW, 0) - 1, -1):
        if soft[end]:  # punctuation between the negation and the hit
            return False
        if end in negation_ends:
            return True
    return False


def _usable(ws: WordSet, found: list[Hit], negation_ends: set[int], soft: list[bool]) -> list[Hit]:
    if ws.kind != "khung":
        return found
    return [h for h in found if not _negated(h, negation_ends, soft)]


def _has_subject(lexicon: Lexicon, local: dict[str, list[Hit]]) -> bool:
    return any(lexicon.sets[name].kind == "chu_the" for name in local if name in lexicon.sets)


def _rule_triggers(rule: tuple[str, ...], lexicon: Lexicon, local: dict[str, list[Hit]],
                   carried: dict[str, list[Hit]], negation_ends: set[int],
                   soft: list[bool]) -> tuple[Hit, ...] | None:
    chosen: list[Hit] = []
    for name in rule:
        ws = lexicon.sets[name]
        usable = _usable(ws, local.get(name, []), negation_ends, soft)
        if not usable and ws.kind == "chu_the" and not _has_subject(lexicon, local):
            usable = carried.get(name, [])
        if not usable:
            return None
        chosen.append(usable[0])
    return tuple(chosen)


def _by_clause(hits: dict[str, list[Hit]], clauses: list[tuple[int, int]]
               ) -> list[dict[str, list[Hit]]]:
    """The hits of each clause (by where they start), in one pass."""
    starts = [a for a, _ in clauses]
    out: list[dict[str, list[Hit]]] = [{} for _ in clauses]
    for name, found in hits.items():
        for h in found:
            out[bisect_right(starts, h.start) - 1].setdefault(name, []).append(h)
    return out


def _detect_sentence(prep: _Prepared, keys: list[Syllable], soft: list[bool],
                     lo: int, hi: int) -> tuple[list[Detection], bool]:
    """Detections in one sentence, and whether the sentence refutes what it quotes."""
    lexicon = prep.lexicon
    hits = _drop_exceptions(prep.index.scan(keys, soft, lo, hi))
    present = {name[1:] for name, found in hits.items() if name.startswith("@") and found}
    out: list[Detection] = []
    carried: dict[str, list[Hit]] = {}
    clauses = _clauses(hits, soft, lo, hi)
    for (a, _), local in zip(clauses, _by_clause(hits, clauses), strict=True):
        negation_ends = {n.end for n in local.get("@phu_dinh", ())}
        for cat in lexicon.categories:
            if present.intersection(cat.unless):
                continue
            for rule in cat.rules:
                triggers = _rule_triggers(rule, lexicon, local, carried, negation_ends, soft)
                if triggers is not None:
                    inside = [t for t in triggers if t.start >= a] or list(triggers)
                    out.append(Detection(cat, triggers, min(t.start for t in inside),
                                         max(t.end for t in inside), (lo, hi)))
                    break
        for name, ws in lexicon.sets.items():
            if ws.kind == "chu_the" and local.get(name):
                carried[name] = local[name]
    return out, "phan_bac" in present


def detect(toks: list[Token], keys: list[Syllable], lexicon: Lexicon
           ) -> tuple[list[Detection], list[tuple[int, int]]]:
    """Detections, and the sentences that refute or quote a stereotype (findings there are notes)."""
    prep = _prepared(lexicon)
    soft = [t.soft_before or t.hard_before for t in toks]
    found: list[Detection] = []
    refuting: list[tuple[int, int]] = []
    for lo, hi in sentences(toks):
        detections, refutes = _detect_sentence(prep, keys, soft, lo, hi)
        found += detections
        if refutes:
            refuting.append((lo, hi))
    return found, refuting
