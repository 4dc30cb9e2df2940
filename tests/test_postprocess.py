"""De-duplication policy (postprocess.deduplicate): one violation, one finding."""

from scriptlint.model import Finding
from scriptlint.postprocess import ADJACENT, deduplicate


def _finding(rule: str, column: int, end_column: int, *, category: str = "harassment",
             severity: str = "error", line: int = 1) -> Finding:
    return Finding(rule=rule, category=category, principle="legal", severity=severity, line=line,
                   column=column, end_line=line, end_column=end_column, message="m", excerpt="e",
                   suggestion="s")


def test_same_rule_on_adjacent_spans_is_reported_once():
    # 我就一直打，打到你接为止: two hits of one rule separated by a comma
    kept = deduplicate([_finding("HARASS-001", 6, 11), _finding("HARASS-001", 12, 18)])
    assert [(f.column, f.end_column) for f in kept] == [(12, 18)]


def test_same_rule_further_apart_is_reported_twice():
    gap = ADJACENT + 1
    kept = deduplicate([_finding("HARASS-001", 1, 5), _finding("HARASS-001", 5 + gap, 10 + gap)])
    assert len(kept) == 2


def test_same_rule_on_other_lines_is_reported_twice():
    kept = deduplicate([_finding("HARASS-001", 1, 5, line=1), _finding("HARASS-001", 6, 9, line=2)])
    assert len(kept) == 2


def test_different_rules_on_adjacent_spans_are_both_kept():
    kept = deduplicate([_finding("HARASS-001", 1, 5), _finding("THREAT-003", 6, 9, category="threat")])
    assert {f.rule for f in kept} == {"HARASS-001", "THREAT-003"}


def test_finding_inside_a_same_category_finding_of_higher_severity_is_dropped():
    kept = deduplicate([_finding("THREAT-001", 1, 20, category="threat"),
                        _finding("THREAT-003", 5, 9, category="threat", severity="warning")])
    assert [f.rule for f in kept] == ["THREAT-001"]


def test_adjacent_hits_across_an_index_bucket_boundary_merge():
    # the span index buckets columns by 256; a neighbour across the boundary must still be seen
    kept = deduplicate([_finding("HARASS-001", 250, 256), _finding("HARASS-001", 257, 262)])
    assert len(kept) == 1
