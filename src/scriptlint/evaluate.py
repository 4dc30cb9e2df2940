"""``scriptlint eval``: precision and recall of the loaded rules on a labelled corpus.

A corpus is JSONL, one utterance per line: ``{"id", "text", "label": "violating"|"compliant",
"categories": [...]}``.  An utterance counts as caught when a finding (at or above the minimum
severity) has one of its categories; a compliant utterance with any such finding is a false alarm.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scriptlint.errors import InputError
from scriptlint.model import SEVERITY_RANK


@dataclass
class Outcome:
    id: str
    text: str
    label: str
    gold: set[str]
    predicted: set[str]
    rules: list[str]


@dataclass
class EvalReport:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def violating(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.label == "violating"]

    @property
    def compliant(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.label == "compliant"]

    def misses(self) -> list[Outcome]:
        return [o for o in self.violating if not (o.gold & o.predicted)]

    def false_alarms(self) -> list[Outcome]:
        return [o for o in self.compliant if o.predicted]

    def recall(self) -> float:
        violating = self.violating
        return 1 - len(self.misses()) / len(violating) if violating else 1.0

    def false_positive_rate(self) -> float:
        compliant = self.compliant
        return len(self.false_alarms()) / len(compliant) if compliant else 0.0

    def per_category(self) -> dict[str, dict[str, float]]:
        categories = sorted({c for o in self.outcomes for c in o.gold | o.predicted})
        table: dict[str, dict[str, float]] = {}
        for category in categories:
            tp = sum(1 for o in self.outcomes if category in o.gold and category in o.predicted)
            fp = sum(1 for o in self.outcomes if category not in o.gold and category in o.predicted)
            fn = sum(1 for o in self.outcomes if category in o.gold and category not in o.predicted)
            precision = tp / (tp + fp) if tp + fp else 1.0
            recall = tp / (tp + fn) if tp + fn else 1.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            table[category] = {"support": tp + fn, "tp": tp, "fp": fp, "fn": fn,
                               "precision": precision, "recall": recall, "f1": f1}
        return table

    def to_json(self) -> dict[str, Any]:
        return {
            "utterances": len(self.outcomes),
            "violating": len(self.violating),
            "compliant": len(self.compliant),
            "recall": self.recall(),
            "false_positive_rate": self.false_positive_rate(),
            "per_category": self.per_category(),
            "misses": [{"id": o.id, "text": o.text, "gold": sorted(o.gold), "predicted": sorted(o.predicted)}
                       for o in self.misses()],
            "false_alarms": [{"id": o.id, "text": o.text, "rules": o.rules} for o in self.false_alarms()],
        }


def read_corpus(path: str) -> list[dict[str, Any]]:
    records = []
    try:
        lines = Path(path).read_text(encoding="utf-8-sig").splitlines()
    except OSError as err:
        raise InputError(path, f"cannot read corpus: {err.strerror or err}") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(path, f"invalid JSON: {err.msg}", number) from None
        if not isinstance(record, dict) or "text" not in record or record.get("label") not in (
                "violating", "compliant"):
            raise InputError(path, "each line needs text and label (violating|compliant)", number)
        records.append(record)
    return records


def evaluate(linter, records: list[dict[str, Any]], min_severity: str = "warning") -> EvalReport:
    floor = SEVERITY_RANK[min_severity]
    report = EvalReport()
    for number, record in enumerate(records, 1):
        result = linter.lint_text(record["text"], path=str(record.get("id", number)))
        kept = [f for f in result.findings if SEVERITY_RANK[f.severity] >= floor and f.suppressed is None]
        report.outcomes.append(Outcome(
            id=str(record.get("id", number)), text=record["text"], label=record["label"],
            gold=set(record.get("categories") or []), predicted={f.category for f in kept},
            rules=sorted({f.rule for f in kept}),
        ))
    return report


def format_report(report: EvalReport, show_lists: bool = True, limit: int = 200) -> str:
    lines = [f"{'category':<18}{'support':>8}{'TP':>6}{'FP':>6}{'FN':>6}{'precision':>11}{'recall':>9}{'F1':>7}"]
    for category, row in report.per_category().items():
        lines.append(f"{category:<18}{row['support']:>8}{row['tp']:>6}{row['fp']:>6}{row['fn']:>6}"
                     f"{row['precision']:>11.3f}{row['recall']:>9.3f}{row['f1']:>7.3f}")
    lines.append("")
    lines.append(f"violating utterances caught with a right category: "
                 f"{len(report.violating) - len(report.misses())}/{len(report.violating)} "
                 f"= recall {report.recall():.1%}")
    lines.append(f"compliant utterances with a false alarm: {len(report.false_alarms())}/{len(report.compliant)} "
                 f"= false-positive rate {report.false_positive_rate():.1%}")
    if show_lists:
        lines.append("")
        lines.append(f"misses ({len(report.misses())}):")
        for o in report.misses()[:limit]:
            lines.append(f"  {o.id} [{','.join(sorted(o.gold))}] got [{','.join(sorted(o.predicted))}]: {o.text}")
        lines.append(f"false alarms ({len(report.false_alarms())}):")
        for o in report.false_alarms()[:limit]:
            lines.append(f"  {o.id} {','.join(o.rules)}: {o.text}")
    return "\n".join(lines)
