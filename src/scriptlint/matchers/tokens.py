"""A sequence of words that must line up with jieba token boundaries (``tokens:``).

Each element is a word or a list of alternative words; the match is the elements written one
after another, starting and ending on a token boundary, so ``死`` never fires inside ``死账``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from scriptlint.matchers.base import Matcher, SentenceView, Span
from scriptlint.matchers.phrase import as_list
from scriptlint.matchers.regex import selectivity
from scriptlint.normalize import normalize_term


class TokenSequenceMatcher(Matcher):
    kind = "tokens"
    needs_tokens = True

    def __init__(self, elements: list[list[str]]) -> None:
        self.elements = [sorted({normalize_term(w) for w in alts}, key=len, reverse=True)
                         for alts in elements]
        body = "".join("(?:" + "|".join(map(re.escape, alts)) + ")" for alts in self.elements)
        self._regex = re.compile(body)

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> TokenSequenceMatcher:
        return cls([as_list(element) for element in spec["tokens"]])

    def find(self, sentence: SentenceView) -> Iterator[Span]:
        text = sentence.text
        position = 0
        while position < len(text):
            match = self._regex.search(text, position)
            if match is None:
                return
            if sentence.on_boundaries(match.start(), match.end()):
                yield match.start(), match.end()
            position = match.start() + 1

    def anchors(self) -> frozenset[str]:
        # The element whose shortest alternative is longest is the most selective anchor.
        return frozenset(max(self.elements, key=lambda alts: selectivity(set(alts))))

    def terms(self) -> set[str]:
        return {word for alts in self.elements for word in alts}
