"""Which (sentence, pattern) pairs are worth evaluating.

Every pattern declares literal anchors, one of which each of its matches must contain.  All
anchors of all loaded rules go into one Aho-Corasick automaton that scans the normalised text
once; a pattern is evaluated only on sentences where one of its anchors occurs.  Patterns with
no anchor (a regex made only of classes) are evaluated on every sentence and are listed by
``unanchored`` so their cost is visible.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from scriptlint.matchers import Matcher
from scriptlint.packs.model import Rule
from scriptlint.segment import SentenceIndex


@dataclass(slots=True)
class Slot:
    rule: Rule
    matcher: Matcher


class Prefilter:
    def __init__(self, rules: list[Rule]) -> None:
        self.slots: list[Slot] = []
        self.unanchored: list[int] = []
        anchors: dict[str, list[int]] = defaultdict(list)
        for rule in rules:
            for matcher in rule.patterns:
                number = len(self.slots)
                self.slots.append(Slot(rule, matcher))
                found = matcher.anchors()
                if not found:
                    self.unanchored.append(number)
                    continue
                for anchor in found:
                    anchors[anchor].append(number)
        self._automaton = None
        if anchors:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for anchor, numbers in anchors.items():
                automaton.add_word(anchor, tuple(numbers))
            automaton.make_automaton()
            self._automaton = automaton

    def candidates(self, text: str, index: SentenceIndex) -> dict[int, set[int]]:
        """sentence number → slot numbers to evaluate there."""
        found: dict[int, set[int]] = defaultdict(set)
        if self._automaton is not None:
            for end, numbers in self._automaton.iter(text):
                sentence = index.find(end)
                if sentence is not None:
                    found[sentence].update(numbers)
        if self.unanchored:
            for sentence in range(len(index.spans)):
                found[sentence].update(self.unanchored)
        return found

    def everything(self, index: SentenceIndex) -> dict[int, set[int]]:
        """The unfiltered path: every pattern on every sentence (used to verify the prefilter)."""
        every = set(range(len(self.slots)))
        return {sentence: every for sentence in range(len(index.spans))}
