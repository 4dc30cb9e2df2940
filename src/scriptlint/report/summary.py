"""Counts shared by the formats: per severity, per category, per rule.

``Summary`` is fed one report at a time (a batch is streamed, never held), ``summarize`` is the
same over a list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


class Summary:
    def __init__(self) -> None:
        self.severity: Counter[str] = Counter()
        self.category: Counter[str] = Counter()
        self.rule: Counter[str] = Counter()
        self.paths: set[str] = set()  # a transcript gives one report per call: files are counted once
        self.scripts = 0
        self.errors = 0
        self.suppressed = 0  # by directives, counter-example marks or the baseline; not counted above

    def add(self, report: Any) -> None:
        self.paths.add(report.path)
        if report.error is not None:
            self.errors += 1
        for result in report.results:
            self.scripts += 1
            for finding in result.findings:
                if finding.suppressed is not None:
                    self.suppressed += 1
                    continue
                self.severity[finding.severity] += 1
                self.category[finding.category] += 1
                self.rule[finding.rule] += 1

    def to_json(self) -> dict[str, Any]:
        return {
            "files": len(self.paths),
            "scripts": self.scripts,
            "findings": sum(self.severity.values()),
            "by_severity": {k: self.severity.get(k, 0) for k in ("error", "warning", "info")},
            "by_category": dict(sorted(self.category.items())),
            "by_rule": dict(sorted(self.rule.items())),
            "suppressed": self.suppressed,
            "input_errors": self.errors,
        }


def summarize(reports: Iterable[Any]) -> dict[str, Any]:
    summary = Summary()
    for report in reports:
        summary.add(report)
    return summary.to_json()
