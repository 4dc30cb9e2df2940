"""Run each rule's inline examples: every ``fire`` example must produce the rule, no ``pass``
example may.  Used by ``scriptlint test-rules`` and the test suite."""

from __future__ import annotations


def check_examples(linter, rule_ids: set[str] | None = None) -> list[str]:
    problems: list[str] = []
    for rule in linter.ruleset.rules:
        if rule_ids is not None and rule.id not in rule_ids:
            continue
        if not rule.is_utterance_rule:
            problems += _call_examples(linter, rule)
            continue
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


def _call_examples(linter, rule) -> list[str]:
    """Call-level rules: each example is a plain-text transcript (see ``calls.examples``)."""
    from scriptlint.calls import KINDS
    from scriptlint.calls.examples import example_fires

    if rule.kind not in KINDS:
        return []
    problems = []
    for expected, texts in ((True, rule.fire), (False, rule.passes)):
        for text in texts:
            try:
                fires = example_fires(rule, text, linter.engine.context)
            except ValueError as err:
                problems.append(f"FAIL {err}  ({rule.source})")
                continue
            if fires != expected:
                verb = "should fire" if expected else "should not fire"
                problems.append(f"FAIL {rule.id} {verb}: {text.strip()}  ({rule.source})")
    return problems
