"""``--statistics``: counts per rule and per category instead of the findings (like ruff)."""

from __future__ import annotations

import json
from collections import Counter
from typing import IO, Any


def counts(reports: list) -> dict[str, Any]:
    rules: Counter[str] = Counter()
    categories: Counter[str] = Counter()
    details: dict[str, tuple[str, str, str]] = {}
    for report in reports:
        for result in report.results:
            for f in result.findings:
                if f.suppressed is not None:
                    continue
                rules[f.rule] += 1
                categories[f.category] += 1
                details[f.rule] = (f.category, f.severity, f.message)
    def ranked(counter: Counter[str]) -> list[tuple[str, int]]:
        return sorted(counter.items(), key=lambda item: (-item[1], item[0]))

    return {
        "by_rule": [{"rule": rule, "count": n, "category": details[rule][0], "severity": details[rule][1],
                     "message": details[rule][2]} for rule, n in ranked(rules)],
        "by_category": [{"category": c, "count": n} for c, n in ranked(categories)],
    }


def render(reports: list, stream: IO[str], output_format: str = "text") -> None:
    data = counts(reports)
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
