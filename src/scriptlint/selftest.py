"""Run each rule's inline examples: every ``fire`` example must produce the rule, no ``pass``
example may.  Used by ``scriptlint test-rules`` and the test suite."""

from __future__ import annotations


def check_examples(linter, rule_ids: set[str] | None = None) -> list[str]:
    problems: list[str] = []
    for rule in linter.ruleset.rules:
        if rule_ids is not None and rule.id not in rule_ids:
            continue
        if not rule.is_utterance_rule:
            continue  # call-level kinds are exercised by their own fixtures
        for text in rule.fire:
            if rule.id not in fired(linter, text):
                problems.append(f"FAIL {rule.id} should fire: {text}  ({rule.source})")
        for text in rule.passes:
            if rule.id in fired(linter, text):
                problems.append(f"FAIL {rule.id} should not fire: {text}  ({rule.source})")
    return problems


def fired(linter, text: str) -> set[str]:
    """Rules that match ``text`` before de-duplication (so an overlapping rule cannot hide one)."""
    from scriptlint.documents import text_script

    script = text_script(text, "<example>")
    return {c.rule.id for segment in script.segments for c in linter.engine.match_segment(segment)}
