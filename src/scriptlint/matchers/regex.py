"""Regular expressions over the normalised sentence (``regex:``).

Pack regexes are untrusted data, so they are validated by RE2 (linear time: no pattern can hang a
run; look-around and back-references are rejected when the pack loads) and run on RE2 unless a
static check proves them safe on Python's much cheaper ``re`` (see ``fastre``).  Python's own parser is used
only to read the literals a match must contain, for the prefilter.
"""

from __future__ import annotations

import re
import re._constants as sre_constants
import re._parser as sre_parse
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from scriptlint import cache
from scriptlint.matchers.base import Matcher, SentenceView, Span
from scriptlint.matchers.charfreq import literal_frequency
from scriptlint.matchers.fastre import MAX_FAST_LENGTH, compile_fast
from scriptlint.normalize import fold_pattern

_MAX_CLASS_ANCHORS = 12  # a character class with more members is not worth an anchor set
_MAX_PRODUCT = 256  # literals multiplied out of consecutive alternations, at most


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
        compiled = re2.compile(pattern, options=_re2_options())
    except re2.error as err:
        reason = err.args[0] if err.args else err
        if isinstance(reason, bytes):
            reason = reason.decode("utf-8", "replace")
        raise ValueError(str(reason)) from None
    cache.note_re2_valid(pattern)
    return compiled


class RegexMatcher(Matcher):
    kind = "regex"

    def __init__(self, pattern: str, token_mode: bool) -> None:
        self.pattern = fold_pattern(pattern)
        self.needs_tokens = token_mode
        # RE2 compiles on first use when it is known to accept the pattern (the start-up cache):
        # a small file reaches few patterns, and most searches run on ``re`` anyway (see fastre).
        self._re2: Any = None if cache.re2_valid(self.pattern) else compile_re2(self.pattern)
        self._fast_checked = False  # Python's re, when provably safe (see fastre); decided on first use
        self._fast_compiled: Any = None

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> RegexMatcher:
        return cls(spec["regex"], spec.get("mode", "raw") == "token")

    @property
    def _fast(self) -> Any:
        # Lazily: start-up pays for no pattern a small file never reaches
        if not self._fast_checked:
            self._fast_compiled = compile_fast(self.pattern)
            self._fast_checked = True
        return self._fast_compiled

    @_fast.setter
    def _fast(self, value: Any) -> None:
        self._fast_compiled, self._fast_checked = value, True

    @property
    def _compiled(self) -> Any:
        if self._re2 is None:
            try:
                self._re2 = compile_re2(self.pattern)
            except ValueError as err:  # only when a tampered cache vouched for a bad pattern
                from scriptlint.cache import cache_dir
                from scriptlint.errors import PackError

                raise PackError(str(cache_dir()), None, "", f"cached pattern {self.pattern!r} is invalid ({err}): "
                                "run `scriptlint cache clear`") from None
        return self._re2

    def find(self, sentence: SentenceView) -> Iterable[Span]:
        # A sentence gets a list (most calls find nothing, and then cost one search); a long text
        # (scoring reads a whole script) a generator, as a caller may stop at the first match and
        # each RE2 search maps offsets over the whole text.
        text = sentence.text
        fast = self._fast_compiled if self._fast_checked else self._fast
        if fast is None or len(text) > MAX_FAST_LENGTH:
            return self._iterate(self._compiled, sentence)
        match = fast.search(text)
        if match is None:
            return []
        spans: list[Span] = []
        while True:
            start, end = match.span()
            if end > start and (not self.needs_tokens or sentence.on_boundaries(start, end)):
                spans.append((start, end))
            position = (end if end > start and not self.needs_tokens else start) + 1
            if position > len(text):
                return spans
            match = fast.search(text, position)
            if match is None:
                return spans

    def _iterate(self, compiled: Any, sentence: SentenceView) -> Iterator[Span]:
        text = sentence.text
        position = 0
        while position <= len(text):
            match = compiled.search(text, position)
            if match is None:
                return
            start, end = match.span()
            if end > start and (not self.needs_tokens or sentence.on_boundaries(start, end)):
                yield start, end
            position = (end if end > start and not self.needs_tokens else start) + 1

    def anchors(self) -> frozenset[str] | None:
        factors = required_factors(self.pattern)
        return factors[0] if factors else None

    def requirements(self) -> tuple[frozenset[str], ...]:
        return required_factors(self.pattern)[1:]


_MAX_CHECKED = 3  # further literal sets tested with ``in`` before a pattern runs
_MAX_CHECKED_SIZE = 8  # … each of at most this many literals (more costs about what the search does)


def required_literals(pattern: str) -> frozenset[str] | None:
    """A set of strings one of which every match of ``pattern`` contains (the most selective such
    set), or None."""
    factors = required_factors(pattern)
    return factors[0] if factors else None


def required_factors(pattern: str) -> tuple[frozenset[str], ...]:
    """The literal sets the prefilter uses, each of which every match of ``pattern`` contains a
    member of: the most selective first, then the further ones worth testing (``further_requirements``).
    Remembered (in this process and in the on-disk cache, ``scriptlint.cache``): reading them is slow."""
    known, found = cache.get_anchors(pattern)
    if not known:
        every = _required_factors(pattern)
        found = every[:1] + further_requirements(every)
        cache.put_anchors(pattern, found)
    return found


def further_requirements(factors: tuple[frozenset[str], ...]) -> tuple[frozenset[str], ...]:
    """The sets worth testing (``any(literal in sentence …)``) once the prefilter found the first:
    small ones that the first and the ones already chosen do not imply.  Idempotent: applied to
    its own result (with the first set in front) it gives the same sets back."""
    if len(factors) < 2:
        return ()
    chosen: list[frozenset[str]] = [factors[0]]
    for factor in factors[1:]:
        if len(chosen) > _MAX_CHECKED or len(factor) > _MAX_CHECKED_SIZE:
            continue
        if not any(_implies(earlier, factor) for earlier in chosen):
            chosen.append(factor)
    return tuple(chosen[1:])


def _implies(found: frozenset[str], factor: frozenset[str]) -> bool:
    """Whether a text holding a member of ``found`` always holds a member of ``factor``."""
    return all(any(part in literal for part in factor) for literal in found)


# RE2's Unicode classes (\p{Han}, \PL …), which Python's parser rejects: read as \w, a class that
# requires no literal, when looking for the literals a match needs.
_UNICODE_CLASS = re.compile(r"(?<!\\)\\([pP])(?:\{[^}]*\}|[A-Za-z])")


def _required_factors(pattern: str) -> tuple[frozenset[str], ...]:
    pattern = _UNICODE_CLASS.sub(lambda m: "\\w" if m.group(1) == "p" else "\\W", pattern)
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, sre_constants.error, OverflowError, RecursionError):
        return ()
    found: list[set[str]] = []
    _sequence(list(parsed), found)
    unique: dict[frozenset[str], None] = dict.fromkeys(frozenset(f) for f in found if f)
    # Stable: among equally selective sets the first found stays first.
    return tuple(sorted(unique, key=lambda f: -selectivity(f)))


def selectivity(anchors: set[str] | frozenset[str]) -> float:
    """How selective an anchor set is (higher is better): minus the estimated share of text
    positions where one of its members starts, so one rare word beats a set of common ones and a
    single frequent character (我, 您, a digit) is avoided whenever the pattern offers better."""
    return -sum(literal_frequency(anchor) for anchor in anchors)


def _sequence(items: list, found: list[set[str]]) -> None:
    """Adds to ``found`` the literal sets a match of a concatenation must contain.  Consecutive
    items that match a small finite set of strings (literals, short alternations and classes,
    optional ones included) are multiplied out into longer literals — (转|打)(钱|款)?给我 gives
    转钱给我, 转给我 … — which are far rarer than any one of their parts; every window of such
    items is tried."""
    window: list[set[str]] = []
    for op, arg in [*items, (None, None)]:
        exact = _exact(op, arg) if op is not None else None
        if exact is not None:
            window.append(exact)
            continue
        _windows(window, found)
        window = []
        if op is not None:
            _item(op, arg, found)


def _best(items: list) -> set[str] | None:
    found: list[set[str]] = []
    _sequence(items, found)
    best: set[str] | None = None
    for candidate in found:
        if candidate and (best is None or selectivity(candidate) > selectivity(best)):
            best = candidate
    return best


def _windows(window: list[set[str]], found: list[set[str]]) -> None:
    for first in range(len(window)):
        product: set[str] = {""}
        for part in window[first:]:
            if len(product) * len(part) > _MAX_PRODUCT:
                break
            product = {head + tail for head in product for tail in part}
            if "" not in product:
                usable = _usable(product)
                if usable:
                    found.append(usable)


def _usable(run: set[str]) -> set[str] | None:
    """``run`` as anchors: none when it can be empty; a member holding a shorter member is dropped."""
    if "" in run:
        return None
    if len({len(literal) for literal in run}) == 1:
        return run  # all of one length: none can hold another
    return {literal for literal in run if not _holds_other(literal, run)}


def _holds_other(literal: str, members: set[str]) -> bool:
    size = len(literal)
    return any(literal[i:j] in members for i in range(size) for j in range(i + 1, size + 1) if j - i < size)


def _exact(op, arg) -> set[str] | None:
    """Every string the item can match, when that is a small finite set (else None)."""
    if op is sre_constants.LITERAL:
        return {chr(arg)}
    if op is sre_constants.IN:
        return _class(arg)
    if op is sre_constants.SUBPATTERN:
        return _exact_sequence(list(arg[-1]))
    if op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            found = _exact_sequence(list(branch))
            if found is None or len(union) + len(found) > _MAX_PRODUCT:
                return None
            union |= found
        return union
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, high, body = arg
        found = _exact_sequence(list(body))
        if found is None or high > 1:
            return None
        return found | {""} if low == 0 else found
    return None


def _exact_sequence(items: list) -> set[str] | None:
    result: set[str] = {""}
    for op, arg in items:
        found = _exact(op, arg)
        if found is None or len(result) * len(found) > _MAX_PRODUCT:
            return None
        result = {head + tail for head in result for tail in found}
    return result


def _class(arg) -> set[str] | None:
    chars: set[str] = set()
    for sub_op, sub_arg in arg:
        if sub_op is sre_constants.LITERAL:
            chars.add(chr(sub_arg))
        elif sub_op is sre_constants.RANGE and sub_arg[1] - sub_arg[0] < _MAX_CLASS_ANCHORS:
            chars.update(chr(c) for c in range(sub_arg[0], sub_arg[1] + 1))
        else:
            return None
    return chars if 0 < len(chars) <= _MAX_CLASS_ANCHORS else None


def _item(op, arg, found: list[set[str]]) -> None:
    if op is sre_constants.SUBPATTERN:
        _sequence(list(arg[-1]), found)
    elif op is sre_constants.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            best = _best(list(branch))
            if not best:
                return  # one alternative needs no literal, so the group needs none
            union |= best
        found.append(union)
    elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
        low, _high, body = arg
        if low >= 1:
            _sequence(list(body), found)
    elif op is sre_constants.IN:
        chars = _class(arg)
        if chars:
            found.append(chars)
