"""Acceptance figures of the gender-bias checker, measured by running it on the written corpus.

The held-back split (corpus/giu_lai.yaml) was written before the detector's rules and is never
used to tune them; its thresholds are the issue's acceptance bar. The development split is what
the rules were tuned on, so it must score at least as well. The fifth held-back split
(corpus/giu_lai_5.yaml) was written after three rounds of widening the rules, by an author who
had seen the word lists, and measured once: recall 19/32, no false alarm. It shows how far the
detector carries to wording it did not anticipate; its recall bound below only guards against a
regression, it is not the acceptance bar.
"""

from __future__ import annotations

import unicodedata
from collections import Counter

import pytest

from gendoc.bias import check_text
from tests.bias.corpus_eval import CATEGORIES, CORPUS, REGISTERS, SPLITS, Case, load_split, score

CASES = {name: load_split(name) for name in SPLITS}
ALL = [case for cases in CASES.values() for case in cases]


def _phrase_list_only(text: str):  # noqa: ANN202 - the checker before the detector existed
    return check_text(text, compose=False)


def test_corpus_size_registers_and_spelling() -> None:
    labels = Counter(case.label for case in ALL)
    assert labels["dinh_kien"] >= 150 and labels["trung_tinh"] >= 150, labels
    for name, cases in CASES.items():
        assert {c.register for c in cases} == set(REGISTERS), name
        for case in cases:
            assert unicodedata.normalize("NFC", case.text) == case.text, case.text
            assert case.text.strip() == case.text and len(case.text.split()) >= 5, case.text
    texts = [case.text for case in ALL]
    assert len(set(texts)) == len(texts), "a sentence appears twice (or in both splits)"
    for path in CORPUS.glob("*.yaml"):
        assert path.stem in SPLITS


@pytest.mark.parametrize("split", list(SPLITS))
def test_every_category_and_hard_negative_topic_in_both_splits(split: str) -> None:
    cases = CASES[split]
    per_category = Counter(c.group for c in cases if c.label == "dinh_kien")
    assert set(per_category) == set(CATEGORIES), per_category
    assert min(per_category.values()) >= 4, per_category
    topics = {c.group for c in cases if c.label == "trung_tinh"}
    assert {"thai_san", "hoi_phu_nu", "chi_tieu", "thong_ke", "gia_dinh"} <= topics
    assert sum(c.label == "phan_bac" for c in cases) >= 4


def _report(cases: list[Case]) -> str:
    result = score(cases, check_text)
    lines = [result.summary()]
    lines += [f"missed [{c.group}]: {c.text}" for c in result.missed]
    lines += [f"false alarm [{c.group}]: {c.text}" for c in result.alarms]
    lines += [f"error on a refutation: {c.text}" for c in result.refuting_errors]
    return "\n".join(lines)


def test_held_back_split_meets_the_acceptance_bar() -> None:
    result = score(CASES["giu_lai"], check_text)
    assert result.recall >= 0.90, _report(CASES["giu_lai"])
    assert result.false_alarm_rate <= 0.03, _report(CASES["giu_lai"])
    assert not result.refuting_errors, _report(CASES["giu_lai"])


def test_development_split_scores_at_least_as_well() -> None:
    result = score(CASES["phat_trien"], check_text)
    assert result.recall >= 0.95, _report(CASES["phat_trien"])
    assert result.false_alarm_rate <= 0.02, _report(CASES["phat_trien"])
    assert not result.refuting_errors, _report(CASES["phat_trien"])
    assert result.refuting_noted >= result.refuting // 2, _report(CASES["phat_trien"])


def test_fresh_wording_held_back_split_raises_no_false_alarm() -> None:
    result = score(CASES["giu_lai_5"], check_text)
    assert result.false_alarm_rate <= 0.03, _report(CASES["giu_lai_5"])
    assert result.recall >= 0.55, _report(CASES["giu_lai_5"])  # measured 19/32: a regression guard
    assert len(result.refuting_errors) <= 1, _report(CASES["giu_lai_5"])


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_is_found(category: str) -> None:
    """Per category, over the development and first held-back splits: most sentences found, and
    mostly under that category."""
    cases = [c for c in ALL if c.label == "dinh_kien" and c.group == category
             and c.split != "giu_lai_5"]
    found = [c for c in cases if any(not f.note for f in check_text(c.text))]
    named = [c for c in cases if any(f.category == category for f in check_text(c.text))]
    assert len(found) >= 0.85 * len(cases), [c.text for c in cases if c not in found]
    if category != "thanh_ngu":  # many proverbs are curated phrases (group "thanh_ngu" too)
        assert len(named) >= 0.6 * len(cases), [c.text for c in cases if c not in named]


def test_the_detector_adds_recall_over_the_phrase_list_without_false_alarms() -> None:
    held_back = CASES["giu_lai"]
    before = score(held_back, _phrase_list_only)
    after = score(held_back, check_text)
    assert after.recall >= before.recall + 0.30, (before.summary(), after.summary())
    assert before.false_alarm_rate <= 0.03  # the phrase list was precise; it stays one source
