"""Two things close together in one sentence (``near:``): "A near B within N tokens".

``a`` and ``b`` are each a word list or ``{regex: …}``.  ``within`` counts the tokens between the
two (jieba is needed); ``chars`` counts characters instead and needs no segmentation.
``ordered: true`` requires A before B.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from scriptlint.matchers.base import Matcher, SentenceView, Span
from scriptlint.matchers.phrase import PhraseMatcher
from scriptlint.matchers.regex import RegexMatcher, selectivity


def _side(spec: Any) -> Matcher:
    if isinstance(spec, dict):
        return RegexMatcher(spec["regex"], token_mode=False)
    return PhraseMatcher(list(spec) if not isinstance(spec, str) else [spec], token_mode=False)


class NearMatcher(Matcher):
    kind = "near"

    def __init__(self, a: Matcher, b: Matcher, within: int | None, chars: int | None,
                 ordered: bool, token_mode: bool) -> None:
        self.a, self.b = a, b
        self.within, self.chars, self.ordered = within, chars, ordered
        self.token_mode = token_mode
        self.needs_tokens = within is not None or token_mode

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> NearMatcher:
        body = spec["near"]
        chars = body.get("chars")
        within = body.get("within", None if chars is not None else 5)
        return cls(_side(body["a"]), _side(body["b"]), within, chars, bool(body.get("ordered", False)),
                   spec.get("mode", "raw") == "token")

    def find(self, sentence: SentenceView) -> Iterator[Span]:
        a_spans = self._spans(self.a, sentence)
        if not a_spans:
            return
        b_spans = self._spans(self.b, sentence)
        for a_start, a_end in a_spans:
            for b_start, b_end in b_spans:
                if a_start < b_end and b_start < a_end:
                    continue  # overlapping spans are one thing, not two near each other
                if self.ordered and b_start < a_start:
                    continue
                first_end, second_start = (a_end, b_start) if a_start < b_start else (b_end, a_start)
                if self._close(sentence, first_end, second_start):
                    yield min(a_start, b_start), max(a_end, b_end)

    def _spans(self, matcher: Matcher, sentence: SentenceView) -> list[Span]:
        spans = list(matcher.find(sentence))
        if self.token_mode:
            spans = [s for s in spans if sentence.on_boundaries(*s)]
        return spans

    def _close(self, sentence: SentenceView, first_end: int, second_start: int) -> bool:
        if self.chars is not None and second_start - first_end > self.chars:
            return False
        if self.within is not None:
            index = sentence.token_index
            between = index[second_start] - index[max(first_end - 1, 0)] - 1
            if between > self.within:
                return False
        return True

    def anchors(self) -> frozenset[str] | None:
        a, b = self.a.anchors(), self.b.anchors()
        if a and b:
            return a if selectivity(a) >= selectivity(b) else b
        return a or b

    def requirements(self) -> tuple[frozenset[str], ...]:
        a, b = self.a.anchors(), self.b.anchors()
        if not (a and b):
            return ()
        return (b if self.anchors() is a else a,)  # the side that is not the anchor set

    def terms(self) -> set[str]:
        return (self.a.anchors() or set()) | (self.b.anchors() or set()) if self.token_mode else set()
