"""Pack regexes run on Python's re only when provably safe; otherwise on RE2 (issue #6)."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scriptlint.matchers.base import SentenceView
from scriptlint.matchers.fastre import MAX_FAST_LENGTH, compile_fast
from scriptlint.matchers.regex import RegexMatcher, compile_re2

UNSAFE = ["(a+)+$", "(a+)+b", "(a|aa)*b", "(a|a)*c", "(x+x+)+y", "((ab)*)*", "(a{1,9}){1,9}b",
          "(.*a){12}", "a.*b.*c", "(?i)abc", r"\bab", r"a\Bb", r"\p{Han}b", r"[\Sa]b", "[[:alpha:]]+x"]
SAFE = ["a.*b", "ab?c", "(ab)?c+", "[^bc]{0,8}a", "a(b|c){0,1}d", "(ba|ab)c", "a{2,5}b", "[a-c]+?b", "a.{0,10}c"]


@pytest.mark.parametrize("pattern", UNSAFE)
def test_nested_or_ambiguous_patterns_stay_on_re2(pattern):
    assert compile_fast(pattern) is None
    assert RegexMatcher(pattern, False)._fast is None


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|aa)*b", "(x+x+)+y", "(a{1,9}){1,9}b"])
def test_catastrophic_patterns_return_promptly_on_long_input(pattern):
    matcher = RegexMatcher(pattern, False)
    text = "a" * 50_000 + "!"
    started = time.perf_counter()
    spans = list(matcher.find(SentenceView(text)))
    assert time.perf_counter() - started < 5
    assert spans == [] or all(0 <= s < e <= len(text) for s, e in spans)


def test_long_texts_go_to_re2_even_for_safe_patterns():
    matcher = RegexMatcher("a.*b", False)
    assert matcher._fast is not None
    text = "a" * (MAX_FAST_LENGTH * 20)  # quadratic on re, linear on RE2
    started = time.perf_counter()
    assert list(matcher.find(SentenceView(text))) == []
    assert time.perf_counter() - started < 5


# RE2's \d \s \w are ASCII and its $ is the end of the text: spelt out so that re reads them alike.
CLASSES = [r"\d+元", r"a\s?b", r"[^\d,]{0,3}b", r"\w+b", r"\S{1,3}b", r"\Da", "^ab", "ab$", "(^|,)a", "a(,|$)"]


@pytest.mark.parametrize("pattern", SAFE + CLASSES)
def test_safe_patterns_are_run_by_re(pattern):
    assert compile_fast(pattern) is not None


@settings(max_examples=400, deadline=None)
@given(pattern=st.sampled_from(CLASSES), text=st.text(alphabet="ab1١元 \u3000\t\n,_é", max_size=30),
       position=st.integers(min_value=0, max_value=30))
def test_spelt_out_classes_match_as_on_re2(pattern, text, position):
    fast, slow = compile_fast(pattern), compile_re2(pattern)
    position = min(position, len(text))
    found_fast, found_slow = fast.search(text, position), slow.search(text, position)
    assert (found_fast and found_fast.span()) == (found_slow and found_slow.span())


@settings(max_examples=300, deadline=None)
@given(pattern=st.sampled_from(SAFE), text=st.text(alphabet="abcd，", max_size=40),
       position=st.integers(min_value=0, max_value=40))
def test_safe_patterns_match_identically_on_both_engines(pattern, text, position):
    fast, slow = compile_fast(pattern), compile_re2(pattern)
    position = min(position, len(text))
    found_fast, found_slow = fast.search(text, position), slow.search(text, position)
    assert (found_fast and found_fast.span()) == (found_slow and found_slow.span())


@settings(max_examples=200, deadline=None)
@given(pattern=st.sampled_from(SAFE), text=st.text(alphabet="abcd", max_size=30))
def test_matcher_spans_identical_on_both_engines(pattern, text):
    matcher = RegexMatcher(pattern, False)
    view = SentenceView(text)
    fast = list(matcher.find(view))
    matcher._fast = None
    assert fast == list(matcher.find(view))


def test_spelling_out_classes_leaves_pythons_re_alone():
    # The parser hands out shared lists for \d \s \w; rewriting them in place would make every
    # later re.compile in the process read \d as ASCII.
    import re
    import re._parser

    before = {k: list(v[1]) for k, v in re._parser.CATEGORIES.items() if isinstance(v[1], list)}
    for pattern in [*CLASSES, r"\d\D\s\S\w\W"]:
        compile_fast.__wrapped__(pattern)
    after = {k: list(v[1]) for k, v in re._parser.CATEGORIES.items() if isinstance(v[1], list)}
    assert after == before
    assert re.compile(r"\d\s", re.UNICODE).search("١\u3000") is not None
