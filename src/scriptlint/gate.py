"""What counts as failure: findings at or above ``fail-on``, or a score under ``fail-under``.

Suppressed findings (inline directives, counter-example marks, the baseline) never count.
Used for the exit status and by the formats that report pass/fail per script (JUnit).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from scriptlint.model import SEVERITY_RANK, Finding, ScriptResult


@dataclass(frozen=True)
class Policy:
    fail_on: str = "error"  # error | warning | info | never
    fail_under: dict[str, float] = field(default_factory=dict)  # score name → minimum

    def failing(self, result: ScriptResult) -> list[Finding]:
        if self.fail_on == "never":
            return []
        floor = SEVERITY_RANK[self.fail_on]
        return [f for f in result.findings if f.suppressed is None and SEVERITY_RANK[f.severity] >= floor]

    def low_scores(self, result: ScriptResult) -> list[tuple[str, int, float]]:
        """(score name, score, threshold) for each score under its threshold."""
        return [(name, result.scores[name], minimum) for name, minimum in self.fail_under.items()
                if name in result.scores and result.scores[name] < minimum]

    def fails(self, result: ScriptResult) -> bool:
        return bool(self.failing(result) or self.low_scores(result))

    def failed(self, reports: list) -> bool:
        return any(self.fails(result) for report in reports for result in report.results)


def shown(finding: Finding) -> bool:
    """Whether line-oriented formats show a finding: hidden when suppressed, unless it is a
    marked counter-example (those are reported at info severity, not hidden)."""
    if finding.suppressed is None:
        return True
    return finding.extra.get("suppression", {}).get("kind") == "counter-example"
