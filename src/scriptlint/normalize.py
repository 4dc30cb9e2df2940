"""Normalisation before matching, with a map back to raw offsets.

Steps, in order: traditional → simplified (OpenCC ``t2s``), full-width → half-width, ASCII lower
case, and removal of evasion noise (spaces, ``*``, ``.``, ``-`` … inserted between Chinese
characters, zero-width characters anywhere).  Every step but the last keeps the length, so the
offset map only has to remember which raw positions were dropped.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

# Full-width ASCII block (U+FF01–U+FF5E) → ASCII, ideographic space → space, and ASCII lower case.
_WIDTH_AND_CASE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_AND_CASE[0x3000] = 0x20
for _upper in range(ord("A"), ord("Z") + 1):
    _WIDTH_AND_CASE[_upper] = _upper + 32
for _upper in range(0xFF21, 0xFF3B):  # Ａ–Ｚ → a–z directly
    _WIDTH_AND_CASE[_upper] = _upper - 0xFEE0 + 32

_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Noise inside a word: up to three filler characters between two Han characters, or between
# isolated Latin letters (``s b``, ``n.m.s.l``).  Newlines are never noise: they end sentences.
_NOISE = re.compile(
    rf"(?<=[{_HAN}])[ \t*.\-_~·•#@+|/\\^`'\"]{{1,3}}(?=[{_HAN}])"
    r"|(?<![a-z][a-z])(?<=[a-z])[ \t*.\-_~·•#@+|]{1,2}(?=[a-z](?![a-z]))"
    rf"|[{_ZERO_WIDTH}]"
)


@lru_cache(maxsize=1)
def _opencc():
    import opencc  # deferred: a clean run on ASCII text never needs it

    return opencc.OpenCC("t2s")


def _has_han(text: str) -> bool:
    return any("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def to_simplified(text: str) -> str:
    """OpenCC t2s, kept length-preserving so offsets survive (phrase conversions that change the
    length fall back to character-by-character conversion)."""
    if not text or not _has_han(text):
        return text
    converted = _opencc().convert(text)
    if len(converted) == len(text):
        return converted
    out = []
    for ch in text:
        single = _opencc().convert(ch)
        out.append(single if len(single) == 1 else ch)
    return "".join(out)


@dataclass(slots=True)
class Normalized:
    """Normalised text plus the raw positions that were dropped."""

    text: str
    raw: str
    _gaps: list[int]  # g_j = r_j - j for removed raw positions r_0 < r_1 < …

    def to_raw(self, index: int) -> int:
        """Raw offset of the character at normalised ``index`` (``len(text)`` maps to ``len(raw)``)."""
        if index >= len(self.text):
            return len(self.raw)
        return index + bisect_right(self._gaps, index) if self._gaps else index

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) of a normalised [start, end)."""
        if end <= start:
            raw_start = self.to_raw(start)
            return raw_start, raw_start
        return self.to_raw(start), self.to_raw(end - 1) + 1


def fold(text: str) -> str:
    """The length-preserving part: simplified, half-width, lower case."""
    return to_simplified(text).translate(_WIDTH_AND_CASE)


def normalize(raw: str) -> Normalized:
    folded = fold(raw)
    removed: list[int] = []
    pieces: list[str] = []
    last = 0
    for match in _NOISE.finditer(folded):
        pieces.append(folded[last : match.start()])
        removed.extend(range(match.start(), match.end()))
        last = match.end()
    if not removed:
        return Normalized(folded, raw, [])
    pieces.append(folded[last:])
    gaps = [position - j for j, position in enumerate(removed)]
    return Normalized("".join(pieces), raw, gaps)


def normalize_term(term: str) -> str:
    """Normalise a literal from a rule pack the same way as the text it is matched against."""
    return normalize(term).text
