"""Pattern kinds, one module each.  ``build_pattern`` turns a validated YAML mapping into one."""

from __future__ import annotations

from typing import Any

from scriptlint.matchers.base import Matcher, SentenceView
from scriptlint.matchers.near import NearMatcher
from scriptlint.matchers.phrase import PhraseMatcher
from scriptlint.matchers.pii import PiiMatcher
from scriptlint.matchers.regex import RegexMatcher
from scriptlint.matchers.tokens import TokenSequenceMatcher

KINDS: dict[str, type[Matcher]] = {
    "phrase": PhraseMatcher,
    "regex": RegexMatcher,
    "tokens": TokenSequenceMatcher,
    "near": NearMatcher,
    "pii": PiiMatcher,
}


def build_pattern(spec: dict[str, Any]) -> Matcher:
    """``spec`` has exactly one kind key (validated by the pack loader) plus its options."""
    (kind,) = [key for key in spec if key in KINDS]
    return KINDS[kind].from_spec(spec)


__all__ = ["KINDS", "Matcher", "SentenceView", "build_pattern"]
