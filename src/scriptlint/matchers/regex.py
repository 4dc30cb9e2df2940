"""Regular expressions over the normalised sentence (``regex:``).

Pack regexes are untrusted data, so they run on RE2 (linear time: no pattern can hang a run;
look-around and back-references are rejected when the pack loads).  Python's own parser is used
only to read the literals a match must contain, for the prefilter.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from scriptlint.matchers.base import Matcher, SentenceView, Span
from scriptlint.normalize import to_simplified

_MAX_CLASS_ANCHORS = 12  # a character class with more members is not worth an anchor set


@lru_cache(maxsize=1)
def _re2_options():
    import re2

    options = re2.Options()
    options.log_errors = False  # RE2 would print parse errors to stderr; the loader reports them
    return options


def compile_re2(pattern: str):
    """Compile with RE2; raises ``ValueError`` with RE2's reason."""
    import re2

    try:
        return re2.compile(pattern, options=_re2_options())
    except re2.error as err:
        reason = err.args[0] if err.args else err
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise ValueError(str(reason)) from None


class RegexMatcher(Matcher):
    kind = "regex"

    def __init__(self, pattern: str, token_mode: bool) -> None:
        self.pattern = to_simplified(pattern)
        self.needs_tokens = token_mode
        self._compiled = compile_re2(self.pattern)

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> RegexMatcher:
        return cls(spec["regex"], spec.get("mode", "raw") == "token")

    def find(self, sentence: SentenceView) -> Iterator[Span]:
        text = sentence.text
        position = 0
        while position <= len(text):
            match = self._compiled.search(text, position)
            if match is None:
                return
            start, end = match.span()
            if end > start and (not self.needs_tokens or sentence.on_boundaries(start, end)):
                yield start, end
            position = (end if end > start and not self.needs_tokens else start) + 1

    def anchors(self) -> frozenset[str] | None:
        return required_literals(self.pattern)


def required_literals(pattern: str) -> frozenset[str] | None:
    """A set of strings one of which every match of ``pattern`` contains, or None."""
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, sre_constants.error, OverflowError, RecursionError):
        return None
    found = _sequence(list(parsed))
    return frozenset(found) if found else None


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    if not a:
        return b
    if not b:
        return a
    return a if selectivity(a) >= selectivity(b) else b


# The most frequent characters of everyday Chinese: an anchor made of them occurs in almost every
# sentence and would make the prefilter useless, so they count for little when choosing anchors.
_COMMON = frozenset("的一是不了人我在有他这中大来上个国到说们为子和你地出道也时年得就那要下以生会自着去之过"
                    "家学对可她里后小么心多天而能好都然没日于起还发成事只作当想看文无开手十用主行方又如前所本"
                    "见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二理美点月明其种声全工己"
                    "话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平"
                    "真听世气信北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报"
                    "立马命张活难神数件安表原车白应路期叫死常提感金何更反合放做系计或司利受光王果亲界及今京务"
                    "您吗呢吧啊哦呀嘛么钱还款欠")


def selectivity(anchors: set[str] | frozenset[str]) -> tuple[float, int]:
    """How rarely the least selective member of an anchor set occurs (higher is better)."""
    weakest = min(sum(0.25 if ch in _COMMON else 1.0 for ch in anchor) for anchor in anchors)
    return weakest, -len(anchors)


def _sequence(items: list) -> set[str] | None:
    best: set[str] | None = None
    run = ""
    for op, arg in items:
        if op is sre_constants.LITERAL:
            run += chr(arg)
            continue
        if run:
            best = _better(best, {run})
            run = ""
        best = _better(best, _item(op, arg))
    if run:
        best = _better(best, {run})
    return best


def _item(op, arg) -> set[str] | None:
    if op is sre_constants.SUBPATTERN:
        return _sequence(list(arg[-1]))
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _sequence(list(branch))
            if not found:
                return None  # one alternative needs no literal, so the group needs none
            union |= found
        return union
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = arg
        return _sequence(list(body)) if low >= 1 else None
    if op is sre_constants.IN:
        chars: set[str] = set()
        for sub_op, sub_arg in arg:
            if sub_op is sre_constants.LITERAL:
                chars.add(chr(sub_arg))
            elif sub_op is sre_constants.RANGE and sub_arg[1] - sub_arg[0] < _MAX_CLASS_ANCHORS:
                chars.update(chr(c) for c in range(sub_arg[0], sub_arg[1] + 1))
            else:
                return None
        return chars if 0 < len(chars) <= _MAX_CLASS_ANCHORS else None
    return None
