"""What every pattern kind provides, and the per-sentence view they match against."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from functools import cached_property
from re import Pattern
from typing import Any, ClassVar

from scriptlint import tokenize

Span = tuple[int, int]
_MAX_SCREEN = 16  # anchors tested by ``could_match``; with more, a search costs about the same


class SentenceView:
    """A normalised sentence; its jieba tokens are computed on first use and then shared."""

    __slots__ = ("__dict__", "text")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def tokens(self) -> list[tuple[str, int, int]]:
        return tokenize.tokens(self.text)

    @cached_property
    def boundaries(self) -> frozenset[int]:
        edges = {0, len(self.text)}
        for _word, start, end in self.tokens:
            edges.add(start)
            edges.add(end)
        return frozenset(edges)

    @cached_property
    def token_index(self) -> list[int]:
        """Token number of each character offset."""
        index = [0] * (len(self.text) + 1)
        for number, (_word, start, end) in enumerate(self.tokens):
            for offset in range(start, end):
                index[offset] = number
        index[len(self.text)] = len(self.tokens)
        return index

    def on_boundaries(self, start: int, end: int) -> bool:
        return start in self.boundaries and end in self.boundaries


class Matcher(ABC):
    """A compiled pattern.  ``anchors`` are literals one of which every match contains (None when
    no literal can be derived); the prefilter only runs the matcher on sentences holding one."""

    kind: ClassVar[str]
    needs_tokens: bool = False

    @classmethod
    @abstractmethod
    def from_spec(cls, spec: dict[str, Any]) -> Matcher: ...

    @abstractmethod
    def find(self, sentence: SentenceView) -> Iterable[Span]: ...

    def anchors(self) -> frozenset[str] | None:
        return None

    _literal_screen: tuple[str, ...] | bool | None = False  # False: not worked out yet

    def could_match(self, text: str) -> bool:
        """False when ``text`` holds none of the anchors, so no sentence of it can match (an
        ``in`` test per anchor: used where a text is searched without the prefilter, as the
        call-level checks do); True when unsure or when the anchor set is too large to test."""
        screen = self._literal_screen
        if screen is False:
            found = self.anchors()
            screen = self._literal_screen = tuple(found) if found and len(found) <= _MAX_SCREEN else None
        if screen is None:
            return True
        return any(literal in text for literal in screen)  # type: ignore[union-attr]

    def requirements(self) -> tuple[frozenset[str], ...]:
        """Further literal sets, each of which every match also contains a member of: the
        prefilter tests them (``in``, far cheaper than a search) once an anchor was found."""
        return ()

    def screen(self) -> Pattern[str] | None:
        """A cheap regex that every match overlaps, for patterns whose literals would be too common
        to be useful anchors (digits of a personal number); None to use ``anchors``."""
        return None

    def terms(self) -> set[str]:
        """Words to add to jieba's dictionary so they segment as one token."""
        return set()
