"""Which (sentence, pattern) pairs are worth evaluating.

Every pattern declares literal anchors, one of which each of its matches must contain.  All
anchors of all loaded rules go into one Aho-Corasick automaton that scans the normalised text
once (a whole call at a time); a pattern is evaluated only on sentences where one of its anchors
occurs.  A pattern whose matches are better recognised by a cheap regular expression than by
literals (personal numbers: a run of digits) gives a ``screen`` instead, run once over the text.
Patterns with neither (a regex made only of classes) are evaluated on every sentence and are
listed by ``unanchored`` so their cost is visible.  A pattern usually needs several literals
(我 … 打 … 你家人); only its rarest set is in the automaton, and a few further small sets are tested
with ``in`` on a candidate sentence before the pattern runs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from re import Pattern

from scriptlint.matchers import Matcher
from scriptlint.packs.model import Rule
from scriptlint.segment import MAX_SENTENCE, SentenceIndex


@dataclass(slots=True)
class Slot:
    rule: Rule
    matcher: Matcher
    requires: tuple[frozenset[str], ...] = ()  # further literal sets a sentence must hold (see ``admits``)

    def admits(self, sentence: str) -> bool:
        """Whether ``sentence`` holds a member of each further required set (``in`` tests: much
        cheaper than the search they save on sentences where only a common anchor occurred)."""
        for factor in self.requires:  # plain loops: no generator per test on the hot path
            for literal in factor:
                if literal in sentence:
                    break
            else:
                return False
        return True


class Prefilter:
    def __init__(self, rules: list[Rule]) -> None:
        self.slots: list[Slot] = []
        self.unanchored: list[int] = []
        self.anchors: dict[str, list[int]] = defaultdict(list)
        screens: dict[str, tuple[Pattern[str], list[int]]] = {}
        for rule in rules:
            for matcher in rule.patterns:
                number = len(self.slots)
                self.slots.append(Slot(rule, matcher))
                screen = matcher.screen()
                if screen is not None:
                    screens.setdefault(screen.pattern, (screen, []))[1].append(number)
                    continue
                found = matcher.anchors()
                if not found:
                    self.unanchored.append(number)
                    continue
                self.slots[number].requires = matcher.requirements()
                for anchor in found:
                    self.anchors[anchor].append(number)
        self.screens = [(screen, tuple(numbers)) for screen, numbers in screens.values()]
        self._automaton = None
        if self.anchors:
            import ahocorasick  # deferred with the rest of the engine: not needed to start the CLI

            automaton = ahocorasick.Automaton()
            for anchor, numbers in self.anchors.items():
                automaton.add_word(anchor, tuple(numbers))
            automaton.make_automaton()
            self._automaton = automaton

    def hits(self, text: str) -> Iterator[tuple[int, tuple[int, ...]]]:
        """(offset, slot numbers) for every anchor or screen hit; the offset is the hit's last
        character.  A screen hit gives offsets all along it, so that every sentence it crosses is
        a candidate (windows of a long unpunctuated sentence are at least MAX_SENTENCE/2 long)."""
        if self._automaton is not None:
            yield from self._automaton.iter(text)
        for screen, numbers in self.screens:
            for match in screen.finditer(text):
                for offset in range(match.start(), match.end() - 1, MAX_SENTENCE // 4):
                    yield offset, numbers
                yield match.end() - 1, numbers

    def candidates(self, text: str, index: SentenceIndex) -> dict[int, set[int]]:
        """sentence number → slot numbers to evaluate there."""
        return self.plan(self.hits(text), index)

    def plan(self, hits: Iterator[tuple[int, tuple[int, ...]]] | list[tuple[int, tuple[int, ...]]],
             index: SentenceIndex) -> dict[int, set[int]]:
        """sentence number → slot numbers, from hits at offsets of the indexed text."""
        found: dict[int, set[int]] = defaultdict(set)
        for end, numbers in hits:
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

    def report(self) -> list[tuple[str, str, str]]:
        """(rule id, pattern kind, how it is prefiltered) for each pattern, for ``rules --stats``."""
        rows = []
        for number, slot in enumerate(self.slots):
            screen = next((s.pattern for s, numbers in self.screens if number in numbers), None)
            if screen is not None:
                how = f"screen {screen}"
            elif number in self.unanchored:
                how = "UNANCHORED (evaluated on every sentence)"
            else:
                anchors = sorted(a for a, numbers in self.anchors.items() if number in numbers)
                how = "anchors " + " | ".join(anchors)
            rows.append((slot.rule.id, slot.matcher.kind, how))
        return rows
