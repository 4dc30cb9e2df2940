"""``--statistics``: counts per rule and per category instead of the findings (like ruff)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import IO, Any


class Counts:
    """Per-rule and per-category counts, fed one report at a time."""

    def __init__(self) -> None:
        self.rules: Counter[str] = Counter()
        self.categories: Counter[str] = Counter()
        self.details: dict[str, tuple[str, str, str]] = {}

    def add(self, report: Any) -> None:
        for result in report.results:
            for f in result.findings:
                if f.suppressed is not None:
                    continue
                self.rules[f.rule] += 1
                self.categories[f.category] += 1
                self.details[f.rule] = (f.category, f.severity, f.message)

    def to_json(self) -> dict[str, Any]:
        def ranked(counter: Counter[str]) -> list[tuple[str, int]]:
            return sorted(counter.items(), key=lambda item: (-item[1], item[0]))

        details = self.details
        return {
            "by_rule": [{"rule": rule, "count": n, "category": details[rule][0], "severity": details[rule][1],
                         "message": details[rule][2]} for rule, n in ranked(self.rules)],
            "by_category": [{"category": c, "count": n} for c, n in ranked(self.categories)],
        }


def counts(reports: Iterable[Any]) -> dict[str, Any]:
    tally = Counts()
    for report in reports:
        tally.add(report)
    return tally.to_json()


def render(reports: Iterable[Any], stream: IO[str], output_format: str = "text") -> None:
    write(counts(reports), stream, output_format)


def write(data: dict[str, Any], stream: IO[str], output_format: str = "text") -> None:
    if output_format == "json":
        json.dump(data, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    width = max((len(r["rule"]) for r in data["by_rule"]), default=4)
    for row in data["by_rule"]:
        stream.write(f"{row['count']:>6}  {row['rule']:<{width}}  {row['severity']:<7}  {row['message']}\n")
    if data["by_rule"]:
        stream.write("\n")
    for row in data["by_category"]:
        stream.write(f"{row['count']:>6}  {row['category']}\n")
    total = sum(r["count"] for r in data["by_rule"])
    stream.write(f"{total} finding(s) in {len(data['by_rule'])} rule(s)\n")
