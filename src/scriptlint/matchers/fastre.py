"""When a pack regex may run on Python's ``re`` instead of RE2.

RE2 stays the validator (a pattern it rejects never loads) and the engine of last resort: its
Python wrapper costs ~10 µs a search, Python's ``re`` well under 1 µs on a short sentence, and the
engine runs hundreds of thousands of searches per MB of transcripts.  Backtracking is only
harmless when bounded, so a pattern runs on ``re`` only when a static check of its parse tree
proves the search cost polynomial with a small degree and the text is short:

- no repeat and no alternation inside a repeat that may run more than once (``(a+)+``,
  ``(a|aa)*``, ``(a{1,9}){1,9}``: nested choices multiply the paths to try);
- at most one repeat that may run more than ``_SMALL`` times in the whole pattern;
- only constructs both engines read alike: literals, classes of literals and ranges, ``.``,
  groups, alternation, repeats — no ``\\d``/``\\w``/``\\s``/``\\b`` (Unicode in ``re``, ASCII in
  RE2), no anchors (``$`` also matches before a final newline in ``re``), no flags, no POSIX
  classes (``[[:alpha:]]`` is a plain set to ``re``).

Then a failing search costs at most ~``n²`` steps, and texts are only given to ``re`` up to
``MAX_FAST_LENGTH`` characters (~1 M steps, a few ms, in the worst case); longer ones go to RE2.
Both engines report the leftmost-first (Perl) match, so spans are identical.
"""

from __future__ import annotations

import re
import re._compiler as sre_compile
import re._constants as sre_constants
import re._parser as sre_parse
from functools import lru_cache

MAX_FAST_LENGTH = 1000
_SMALL = 16  # a repeat bounded by this is a constant factor, not a dimension of the search

_PLAIN = {sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.ANY}
_REPEATS = {sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT}


@lru_cache(maxsize=4096)  # every Linter in a process (a test session, the benchmark) shares them
def compile_fast(pattern: str) -> re.Pattern[str] | None:
    """``pattern`` compiled by ``re`` when it is safe to run there (see the module), else None."""
    if "[:" in pattern or ("\\" in pattern and re.search(r"\\[^\\.\-\[\](){}|*+?^$/ dDsSwW]", pattern)):
        return None  # other escapes (\b, \p{Han} …) may mean different things to the engines
    try:
        parsed = sre_parse.parse(pattern)
    except (re.error, sre_constants.error, OverflowError, RecursionError):
        return None
    if parsed.state.flags & ~sre_constants.SRE_FLAG_UNICODE:
        return None
    if not _as_re2_reads_it(parsed):
        return None
    budget = [1]  # repeats allowed to run more than _SMALL times
    if not _safe(list(parsed), budget):
        return None
    try:
        # The tree just parsed, compiled as ``re.compile(pattern)`` would (without parsing again:
        # the packs' lexicon alternations make parsing most of the cost); only ``.pattern`` is None.
        return sre_compile.compile(parsed, 0)
    except (re.error, RecursionError):
        return None


# RE2's classes are ASCII (Python's are Unicode): spelt out, they read the same in both engines.
_CLASSES = {
    sre_constants.CATEGORY_DIGIT: [(sre_constants.RANGE, (48, 57))],
    sre_constants.CATEGORY_SPACE: [(sre_constants.LITERAL, c) for c in (9, 10, 12, 13, 32)],
    sre_constants.CATEGORY_WORD: [(sre_constants.RANGE, (48, 57)), (sre_constants.RANGE, (65, 90)),
                                  (sre_constants.RANGE, (97, 122)), (sre_constants.LITERAL, 95)],
}
_NEGATED = {sre_constants.CATEGORY_NOT_DIGIT: sre_constants.CATEGORY_DIGIT,
            sre_constants.CATEGORY_NOT_SPACE: sre_constants.CATEGORY_SPACE,
            sre_constants.CATEGORY_NOT_WORD: sre_constants.CATEGORY_WORD}


def _as_re2_reads_it(parsed) -> bool:
    """Rewrites the parse tree so that ``re`` reads it as RE2 does: ``\\d \\s \\w`` (and their
    negations, alone in a class) as ASCII sets, ``$`` as the end of the text.  Items are replaced,
    never mutated (the parser shares its lists for ``\\d`` …).  False when something cannot be
    rewritten."""
    for index, (op, arg) in enumerate(parsed.data if hasattr(parsed, "data") else parsed):
        items = parsed.data if hasattr(parsed, "data") else parsed
        if op is sre_constants.IN:
            rewritten = []
            for sub_op, sub_arg in arg:
                if sub_op is sre_constants.CATEGORY:
                    if sub_arg in _CLASSES:
                        rewritten.extend(_CLASSES[sub_arg])
                    elif sub_arg in _NEGATED and len(arg) == 1:
                        rewritten = [(sre_constants.NEGATE, None), *_CLASSES[_NEGATED[sub_arg]]]
                    else:
                        return False
                else:
                    rewritten.append((sub_op, sub_arg))
            items[index] = (op, rewritten)  # a new list: the parser shares \d's with its own tables
        elif op is sre_constants.AT:
            if arg is sre_constants.AT_END:
                items[index] = (op, sre_constants.AT_END_STRING)
            elif arg not in (sre_constants.AT_BEGINNING, sre_constants.AT_BEGINNING_STRING,
                             sre_constants.AT_END_STRING):
                return False
        elif op is sre_constants.SUBPATTERN:
            if not _as_re2_reads_it(arg[-1]):
                return False
        elif op is sre_constants.BRANCH:
            if not all(_as_re2_reads_it(branch) for branch in arg[1]):
                return False
        elif op in _REPEATS and not _as_re2_reads_it(arg[2]):
            return False
    return True


def _large(high: int) -> bool:
    return high is sre_constants.MAXREPEAT or high > _SMALL


def _safe(items: list, budget: list[int]) -> bool:
    for op, arg in items:
        if op in _PLAIN or op is sre_constants.AT:  # only the anchors _as_re2_reads_it leaves
            continue
        if op is sre_constants.IN:
            if any(sub_op not in (sre_constants.LITERAL, sre_constants.RANGE, sre_constants.NEGATE)
                   for sub_op, _ in arg):
                return False
            continue
        if op is sre_constants.SUBPATTERN:
            _group, add_flags, del_flags, body = arg
            if add_flags or del_flags or not _safe(list(body), budget):
                return False
            continue
        if op is sre_constants.BRANCH:
            if not all(_safe(list(branch), budget) for branch in arg[1]):
                return False
            continue
        if op in _REPEATS:
            _low, high, body = arg
            body_items = list(body)
            if high is sre_constants.MAXREPEAT or high > 1:
                # (a+)+, (a|aa)*, (a{1,9}){1,9}: nested choices multiply the paths to try
                if any(sub in _REPEATS or sub is sre_constants.BRANCH for sub, _ in _walk(body_items)):
                    return False
                if _large(high):
                    budget[0] -= 1
                    if budget[0] < 0:
                        return False
            if not _safe(body_items, budget):
                return False
            continue
        return False  # anchors, categories, back-references, look-around, atomic groups …
    return True


def _walk(items: list):
    """Every (op, arg) in ``items``, nested ones included."""
    for op, arg in items:
        yield op, arg
        if op is sre_constants.SUBPATTERN:
            yield from _walk(list(arg[-1]))
        elif op is sre_constants.BRANCH:
            for branch in arg[1]:
                yield from _walk(list(branch))
        elif op in _REPEATS:
            yield from _walk(list(arg[2]))
