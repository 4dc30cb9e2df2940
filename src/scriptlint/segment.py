"""Sentence and clause boundaries in normalised text.

Matching is done per sentence, so a pattern cannot join two sentences; context filters look at
the clause.  Normalised text is half-width, so both Chinese and ASCII punctuation appear here
as ASCII or as the Chinese full stop and enumeration comma.
"""

from __future__ import annotations

import re
from bisect import bisect_right

# Sentence ends.  The Chinese full stop, ellipsis and line breaks are not folded by normalisation.
_SENTENCE_END = re.compile(r"[。!?;…\n]+|\.(?=\s|$)")
# Clause ends inside a sentence; 、 joins list items and is deliberately not one.
CLAUSE_BREAK = frozenset(",，:：;；。!?！？\n…")
# A sentence longer than this is cut into windows (ASR text often has no punctuation at all).
MAX_SENTENCE = 400


def sentences(text: str) -> list[tuple[int, int]]:
    """[start, end) spans of sentences, without the terminating punctuation."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        _add(spans, text, start, match.start())
        start = match.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        # Cut at the last space or comma inside the window when there is one.
        cut = max(text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE),
                  text.rfind(",", start + MAX_SENTENCE // 2, start + MAX_SENTENCE))
        cut = cut if cut > start else start + MAX_SENTENCE
        spans.append((start, cut))
        start = cut
    if end > start:
        spans.append((start, end))


class SentenceIndex:
    """Which sentence an offset falls in, by binary search over sentence starts."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = spans
        self._starts = [start for start, _ in spans]

    def find(self, offset: int) -> int | None:
        i = bisect_right(self._starts, offset) - 1
        if i >= 0 and offset < self.spans[i][1]:
            return i
        return None


def clause_bounds(sentence: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``sentence`` that holds [start, end): between the nearest clause breaks."""
    left = start
    while left > 0 and sentence[left - 1] not in CLAUSE_BREAK:
        left -= 1
    right = end
    while right < len(sentence) and sentence[right] not in CLAUSE_BREAK:
        right += 1
    return left, right
