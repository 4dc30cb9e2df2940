"""After matching, before reporting: rules only report; policy lives here.

Per script (``deduplicate``, called by the engine):

- the same rule on overlapping or adjacent spans of one script (at most ``ADJACENT`` characters
  apart on one line: 一直打，打到你接为止) is reported once;
- within a category, a finding inside a span already reported at the same or higher severity by
  another rule is dropped (one violation, one finding);
- findings are sorted by position, then severity (highest first), then rule id.

Per file (``process_file``, called by the Linter): per-glob ignores, inline suppressions and
counter-example marks, the baseline, then scores again over what still counts.  Rule selection
and severity overrides happen earlier, on the RuleSet given to the Engine (``Config.apply``), so
ignored rules are never evaluated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scriptlint.model import SEVERITY_RANK, Finding, Script, ScriptResult

if TYPE_CHECKING:
    from scriptlint.baseline import Baseline
    from scriptlint.config import Config
    from scriptlint.scoring import ScoringModel


def _key(f: Finding) -> tuple[int, int, int, int]:
    return f.line, f.column, f.end_line, f.end_column


def _overlaps(a: Finding, b: Finding) -> bool:
    return (a.entry == b.entry and a.turn == b.turn
            and (a.line, a.column) < (b.end_line, b.end_column)
            and (b.line, b.column) < (a.end_line, a.end_column))


ADJACENT = 2  # code points between two hits of one rule that still make one violation


def _near_or_overlaps(a: Finding, b: Finding) -> bool:
    if _overlaps(a, b):
        return True
    if a.entry != b.entry or a.turn != b.turn or a.line != a.end_line or b.line != b.end_line or a.line != b.line:
        return False
    gap = max(a.column, b.column) - min(a.end_column, b.end_column)
    return 0 <= gap <= ADJACENT


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
    index = _SpanIndex()
    for finding in ordered:
        duplicate = any(
            (k.rule == finding.rule and _near_or_overlaps(k, finding))
            or (k.category == finding.category and _inside(finding, k)
                and SEVERITY_RANK[k.severity] >= SEVERITY_RANK[finding.severity])
            for k in index.near(finding)
        )
        if not duplicate:
            kept.append(finding)
            index.add(finding)
    return sort_findings(kept)


class _SpanIndex:
    """Kept findings by (entry, turn, line, column bucket), so that deduplicating a file with tens
    of thousands of findings (a 50 MB single-line file) stays linear instead of quadratic.

    ``near`` returns a superset of the kept findings that can overlap, adjoin or contain a finding:
    a single-line query widened by ``ADJACENT`` columns shares a bucket with every such span;
    multi-line spans (rare) are compared with everything in their script part.
    """

    WIDTH = 256

    def __init__(self) -> None:
        self.buckets: dict[tuple, list[Finding]] = {}
        self.wide: dict[tuple, list[Finding]] = {}
        self.every: dict[tuple, list[Finding]] = {}

    def _cells(self, f: Finding, margin: int = 0) -> range:
        start = max(f.column - margin, 0)
        return range(start // self.WIDTH, (max(f.column, f.end_column) + margin) // self.WIDTH + 1)

    def add(self, f: Finding) -> None:
        part = (f.entry, f.turn)
        self.every.setdefault(part, []).append(f)
        if f.line != f.end_line:
            self.wide.setdefault(part, []).append(f)
            return
        for cell in self._cells(f):
            self.buckets.setdefault((*part, f.line, cell), []).append(f)

    def near(self, f: Finding) -> list[Finding]:
        part = (f.entry, f.turn)
        if f.line != f.end_line:
            return self.every.get(part, [])
        found = list(self.wide.get(part, []))
        seen: set[int] = set()
        for cell in self._cells(f, ADJACENT):
            for k in self.buckets.get((*part, f.line, cell), []):
                if id(k) not in seen:
                    seen.add(id(k))
                    found.append(k)
        return found


def sort_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: (_key(f), -SEVERITY_RANK[f.severity], f.rule))


def process_file(path: str, scripts: list[Script], results: list[ScriptResult], *, source: str | None,
                 config: Config, scoring: ScoringModel, known: frozenset[str],
                 baseline: Baseline | None = None) -> list[ScriptResult]:
    """Apply the per-file policy to the results of one input file (in place; returns them).

    ``known`` holds every loaded rule id (selected or not), to tell a typo from a switched-off rule.
    """
    from scriptlint import suppress

    rule_ids = {f.rule for r in results for f in r.findings}
    ignored = config.ignored_in(path, rule_ids) if rule_ids else set()
    for result in results:
        result.findings = [f for f in result.findings if f.rule not in ignored]
    if source is not None and "scriptlint" in source:
        directives = suppress.parse(source)
        if directives:
            last_line = source.count("\n") + 1
            suppress.apply((f for r in results for f in r.findings), directives, last_line)
            def names(selector: str) -> list[str]:
                return [rule_id for rule_id in known if rule_id.startswith(selector)]

            problems = suppress.problems(
                directives, known=lambda s: bool(names(s)),
                enabled=lambda s: any(config.enabled(rule_id, path) for rule_id in names(s)))
            _attach(problems, scripts, results, config, path)
    if baseline is not None:  # counted over the whole file: one copy of a baselined sentence per copy
        baseline.filter(path, [f for r in results for f in r.findings])
    for result in results:
        result.findings = sort_findings(result.findings)
        counted = [f for f in result.findings if f.category != "suppression"]
        result.scores = scoring.score(counted, result.practices)
    return results


def _attach(problems: list[Finding], scripts: list[Script], results: list[ScriptResult],
            config: Config, path: str) -> None:
    """Directive problems go to the script the directive sits in (or just before)."""
    if not results:
        return
    starts = [_first_line(script) for script in scripts]
    for finding in problems:
        if not config.enabled(finding.rule, path):
            continue
        finding.severity = config.severity_of(finding.rule, finding.severity)
        owner = 0
        for number, start in enumerate(starts[:len(results)]):
            if start is not None and start <= finding.line:
                owner = number
        if owner + 1 < len(results) and starts[owner + 1] is not None and _next_line_directive(finding):
            owner += 1  # a -next-line directive above an entry belongs to that entry
        finding.entry = results[owner].entry
        results[owner].findings.append(finding)


def _first_line(script: Script) -> int | None:
    if not script.segments:
        return None
    return script.segments[0].locate(0)[0]


def _next_line_directive(finding: Finding) -> bool:
    return "next-line" in finding.match
