"""Counts shared by the formats: per severity, per category, per rule."""

from __future__ import annotations

from collections import Counter
from typing import Any


def summarize(reports: list) -> dict[str, Any]:
    severity: Counter[str] = Counter()
    category: Counter[str] = Counter()
    rule: Counter[str] = Counter()
    scripts = 0
    errors = 0
    suppressed = 0  # by directives, counter-example marks or the baseline; not counted above
    for report in reports:
        if report.error is not None:
            errors += 1
        for result in report.results:
            scripts += 1
            for finding in result.findings:
                if finding.suppressed is not None:
                    suppressed += 1
                    continue
                severity[finding.severity] += 1
                category[finding.category] += 1
                rule[finding.rule] += 1
    return {
        "files": len({report.path for report in reports}),  # a transcript gives one report per call
        "scripts": scripts,
        "findings": sum(severity.values()),
        "by_severity": {k: severity.get(k, 0) for k in ("error", "warning", "info")},
        "by_category": dict(sorted(category.items())),
        "by_rule": dict(sorted(rule.items())),
        "suppressed": suppressed,
        "input_errors": errors,
    }
