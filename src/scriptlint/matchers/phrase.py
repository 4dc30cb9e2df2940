"""Literal substrings of the normalised text (``phrase:``), optionally whole tokens only."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scriptlint.matchers.base import Matcher, SentenceView, Span
from scriptlint.normalize import normalize_term


def as_list(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else list(value)


class PhraseMatcher(Matcher):
    kind = "phrase"

    def __init__(self, phrases: list[str], token_mode: bool) -> None:
        # Longest first, so a longer phrase wins at the same start.
        self.phrases = sorted({normalize_term(p) for p in phrases if p}, key=len, reverse=True)
        self.needs_tokens = token_mode

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> PhraseMatcher:
        return cls(as_list(spec["phrase"]), spec.get("mode", "raw") == "token")

    def find(self, sentence: SentenceView) -> Iterator[Span]:
        text = sentence.text
        for phrase in self.phrases:
            start = text.find(phrase)
            while start != -1:
                end = start + len(phrase)
                if not self.needs_tokens or sentence.on_boundaries(start, end):
                    yield start, end
                start = text.find(phrase, start + 1)

    def anchors(self) -> frozenset[str]:
        return frozenset(self.phrases)

    def terms(self) -> set[str]:
        return set(self.phrases) if self.needs_tokens else set()
