"""Load the bias corpus (tests/bias/corpus/*.yaml) and score a detector on it.

Shared by the acceptance tests (tests/bias/test_corpus.py) and the benchmark (benchmarks/bias.py).
A sentence counts as found when the detector reports at least one finding that is not a note;
a neutral sentence is a false alarm when the detector reports anything at all, even a note.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from gendoc.bias.check import Finding

CORPUS = Path(__file__).with_name("corpus")
SPLITS = {"phat_trien": "development", "giu_lai": "held-back", "giu_lai_5": "held-back 5"}
CATEGORIES = ("viec_nha", "ngoai_hinh", "cam_xuc", "nang_luc", "gioi_han", "sinh_san",
              "nam_chuan", "thanh_ngu")
REGISTERS = {"hc": "official", "bc": "news", "pt": "broadcast"}


@dataclass(frozen=True)
class Case:
    split: str
    label: str  # dinh_kien (stereotyped), trung_tinh (neutral), phan_bac (refuting)
    group: str  # the stereotype category, or the neutral topic
    register: str
    text: str


def load_split(name: str) -> list[Case]:
    from gendoc.yamlio import load_yaml, plain

    data = plain(load_yaml(CORPUS / f"{name}.yaml"))
    cases = [Case(name, label, group, reg, text)
             for label in ("dinh_kien", "trung_tinh")
             for group, items in data[label].items()
             for reg, text in items]
    cases += [Case(name, "phan_bac", "", reg, text) for reg, text in data["phan_bac"]]
    return cases


@dataclass
class Score:
    found: int = 0
    missed: list[Case] = field(default_factory=list)
    alarms: list[Case] = field(default_factory=list)
    neutral: int = 0
    refuting: int = 0
    refuting_errors: list[Case] = field(default_factory=list)
    refuting_noted: int = 0

    @property
    def stereotyped(self) -> int:
        return self.found + len(self.missed)

    @property
    def recall(self) -> float:
        return self.found / self.stereotyped

    @property
    def false_alarm_rate(self) -> float:
        return len(self.alarms) / self.neutral

    @property
    def precision(self) -> float:
        flagged = self.found + len(self.alarms)
        return self.found / flagged if flagged else 1.0

    def summary(self) -> str:
        return (f"recall {self.found}/{self.stereotyped} = {self.recall:.1%}, "
                f"false alarms {len(self.alarms)}/{self.neutral} = {self.false_alarm_rate:.1%}, "
                f"precision {self.precision:.1%}, refutations without an error "
                f"{self.refuting - len(self.refuting_errors)}/{self.refuting} "
                f"(noted {self.refuting_noted})")


def score(cases: list[Case], detector: Callable[[str], list[Finding]]) -> Score:
    result = Score()
    for case in cases:
        findings = detector(case.text)
        errors = [f for f in findings if not f.note]
        if case.label == "dinh_kien":
            if errors:
                result.found += 1
            else:
                result.missed.append(case)
        elif case.label == "trung_tinh":
            result.neutral += 1
            if findings:
                result.alarms.append(case)
        else:
            result.refuting += 1
            if errors:
                result.refuting_errors.append(case)
            elif findings:
                result.refuting_noted += 1
    return result
