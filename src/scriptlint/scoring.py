"""Scores 0–100 per principle (legal 合法合规, respect 尊重与专业) and overall.

Each finding costs its severity's penalty against its rule's principle (repeats of one rule cost
less each time); findings of some categories also cost a share against the other principle.
Positive practice found in the agent's words (self-identification, empathy, a repayment plan)
earns a capped bonus.  A principle with an error-level finding never scores above a ceiling, so a
script that breaks the law cannot pass on politeness.  All numbers live in ``rules/_scoring.yaml``.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scriptlint.matchers import Matcher, SentenceView, build_pattern
from scriptlint.model import Finding
from scriptlint.packs.yamlpos import load

PRINCIPLES = ("legal", "respect")


@dataclass
class Practice:
    id: str
    label: str
    principle: str
    bonus: float
    patterns: list[Matcher]

    def found_in(self, text: str) -> bool:
        view = SentenceView(text)
        return any(next(iter(m.find(view)), None) is not None for m in self.patterns)


@dataclass
class ScoringModel:
    base: float
    penalty: dict[str, float]
    repeat_factor: float
    spill: dict[str, float]
    error_ceiling: int
    bonus_cap: float
    overall_weights: dict[str, float]
    practices: list[Practice]

    @classmethod
    def from_file(cls, path: Path) -> ScoringModel:
        data: dict[str, Any] = load(path.read_text(encoding="utf-8")).data
        practices = [Practice(p["id"], p["label"], p["principle"], float(p["bonus"]),
                              [build_pattern(spec) for spec in p["patterns"]])
                     for p in data.get("practices", [])]
        return cls(float(data["base"]), {k: float(v) for k, v in data["penalty"].items()},
                   float(data["repeat_factor"]), {k: float(v) for k, v in data.get("spill", {}).items()},
                   int(data["error_ceiling"]), float(data["bonus_cap"]),
                   {k: float(v) for k, v in data["overall"].items()}, practices)

    def with_weights(self, overrides: dict[str, Any]) -> ScoringModel:
        """A copy with configured weights (``penalty``, ``overall``, ``error_ceiling`` …) replaced."""
        model = ScoringModel(**self.__dict__)
        for key, value in overrides.items():
            current = getattr(model, key)
            setattr(model, key, {**current, **value} if isinstance(current, dict) else type(current)(value))
        return model

    def practices_in(self, agent_text: str) -> list[str]:
        return [p.id for p in self.practices if p.found_in(agent_text)]

    def score(self, findings: list[Finding], practices: list[str]) -> dict[str, int]:
        cost = dict.fromkeys(PRINCIPLES, 0.0)
        has_error = dict.fromkeys(PRINCIPLES, False)
        seen: Counter[str] = Counter()
        for finding in findings:
            if finding.suppressed is not None:
                continue
            penalty = self.penalty.get(finding.severity, 0.0) * self.repeat_factor ** seen[finding.rule]
            seen[finding.rule] += 1
            cost[finding.principle] += penalty
            has_error[finding.principle] |= finding.severity == "error"
            share = self.spill.get(finding.category, 0.0)
            if share:
                other = "respect" if finding.principle == "legal" else "legal"
                cost[other] += penalty * share
        bonus = dict.fromkeys(PRINCIPLES, 0.0)
        by_id = {p.id: p for p in self.practices}
        for practice_id in practices:
            practice = by_id[practice_id]
            bonus[practice.principle] += practice.bonus
        scores: dict[str, int] = {}
        for principle in PRINCIPLES:
            value = self.base - cost[principle] + min(bonus[principle], self.bonus_cap, cost[principle])
            if has_error[principle]:
                value = min(value, self.error_ceiling)
            scores[principle] = round(max(0.0, min(100.0, value)))
        total_weight = sum(self.overall_weights.values()) or 1.0
        overall = sum(scores[p] * self.overall_weights.get(p, 0.0) for p in PRINCIPLES) / total_weight
        if any(has_error.values()):
            overall = min(overall, self.error_ceiling)
        scores["overall"] = round(overall)
        return scores
