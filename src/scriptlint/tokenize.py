"""jieba word segmentation, paid for only when a token-mode pattern needs a word boundary.

One ``jieba.Tokenizer`` per process, created on first use with the packs' terms added to its
dictionary.  Segmentation uses the dictionary only (no HMM new-word discovery) so that word
boundaries are predictable from the dictionary and the packs' terms.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable

_lock = threading.Lock()
_tokenizer = None
_terms: set[str] = set()
_pending: set[str] = set()
stats = {"initialised": False, "sentences": 0}

# A pack term should win against ordinary dictionary words that overlap it (会上/门 → 会/上门),
# so it gets at least this frequency (jieba's dictionary has ~60M total; common words ~1e4–1e5).
_TERM_FREQ = 20000


def add_terms(terms: Iterable[str]) -> None:
    """Register words that must segment as one token.  Cheap: applied when jieba starts."""
    with _lock:
        new = {t for t in terms if len(t) > 1} - _terms
        _terms.update(new)
        if _tokenizer is not None:
            _apply(_tokenizer, new)
        else:
            _pending.update(new)


def _apply(tokenizer, terms: Iterable[str]) -> None:
    for term in sorted(terms):
        tokenizer.add_word(term, freq=max(_TERM_FREQ, tokenizer.suggest_freq(term)))


def _get():
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                import jieba  # deferred: importing and loading the dictionary costs about a second

                jieba.setLogLevel(logging.WARNING)
                tokenizer = jieba.Tokenizer()
                tokenizer.initialize()
                _apply(tokenizer, _pending)
                _pending.clear()
                _tokenizer = tokenizer
                stats["initialised"] = True
    return _tokenizer


def is_initialised() -> bool:
    return _tokenizer is not None


def boundaries(sentence: str) -> frozenset[int]:
    """Offsets in ``sentence`` where a token starts or ends."""
    stats["sentences"] += 1
    edges = {0, len(sentence)}
    for _word, start, end in _get().tokenize(sentence, HMM=False):
        edges.add(start)
        edges.add(end)
    return frozenset(edges)


def tokens(sentence: str) -> list[tuple[str, int, int]]:
    """(word, start, end) for each token of ``sentence``."""
    stats["sentences"] += 1
    return list(_get().tokenize(sentence, HMM=False))
