"""After matching, before reporting: de-duplicate and sort (rules only report; policy lives here).

- the same rule on overlapping spans of one script is reported once;
- within a category, a finding inside a span already reported at the same or higher severity by
  another rule is dropped (one violation, one finding);
- findings are sorted by position, then severity (highest first), then rule id.
"""

from __future__ import annotations

from scriptlint.model import SEVERITY_RANK, Finding


def _key(f: Finding) -> tuple[int, int, int, int]:
    return f.line, f.column, f.end_line, f.end_column


def _overlaps(a: Finding, b: Finding) -> bool:
    return (a.entry == b.entry and a.turn == b.turn
            and (a.line, a.column) < (b.end_line, b.end_column)
            and (b.line, b.column) < (a.end_line, a.end_column))


def _inside(inner: Finding, outer: Finding) -> bool:
    return (inner.entry == outer.entry and inner.turn == outer.turn
            and (outer.line, outer.column) <= (inner.line, inner.column)
            and (inner.end_line, inner.end_column) <= (outer.end_line, outer.end_column))


def deduplicate(findings: list[Finding]) -> list[Finding]:
    # Longest and most severe first, so what is kept is the most informative finding.
    ordered = sorted(findings, key=lambda f: (-SEVERITY_RANK[f.severity],
                                              -((f.end_line - f.line) * 10000 + f.end_column - f.column),
                                              _key(f), f.rule))
    kept: list[Finding] = []
    for finding in ordered:
        duplicate = any(
            (k.rule == finding.rule and _overlaps(k, finding))
            or (k.category == finding.category and _inside(finding, k)
                and SEVERITY_RANK[k.severity] >= SEVERITY_RANK[finding.severity])
            for k in kept
        )
        if not duplicate:
            kept.append(finding)
    return sort_findings(kept)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_key(f), -SEVERITY_RANK[f.severity], f.rule))
