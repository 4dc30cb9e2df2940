"""Raw personal data in a script (``pii: [cn_id, bank_card, cn_mobile]``): numbers that pass
their checksum, where a template should carry a placeholder (尾号1234, XXX)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from re import Pattern
from typing import Any

from scriptlint import pii
from scriptlint.matchers.base import Matcher, SentenceView, Span

_SCREEN = re.compile(r"\d[\d \-]{9,}\d")


class PiiMatcher(Matcher):
    kind = "pii"

    def __init__(self, kinds: tuple[str, ...]) -> None:
        self.kinds = kinds

    @classmethod
    def from_spec(cls, spec: dict[str, Any]) -> PiiMatcher:
        value = spec["pii"]
        return cls(tuple([value] if isinstance(value, str) else value))

    def find(self, sentence: SentenceView) -> Iterator[Span]:
        for _kind, start, end in pii.find(sentence.text, self.kinds):
            yield start, end

    def anchors(self) -> frozenset[str]:
        # Every such number has digits; the ten digits are the anchors.
        return frozenset("0123456789")

    def screen(self) -> Pattern[str]:
        # Every personal number is a run of at least 11 digits, single spaces or dashes allowed
        # (``pii._DIGIT_RUN`` / ``pii._MOBILE``); amounts and dates never get that long.
        return _SCREEN
