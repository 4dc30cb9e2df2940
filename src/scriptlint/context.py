"""Context filters: a match is dropped when its context shows the behaviour is named, not done.

- negation: a prohibition or negation cue (不得, 严禁, 不会 …) earlier in the same clause, within
  a window and with no contrast word (但是, 否则 …) in between, and not a false friend
  (不得不, 别逼 …), as in 我们不会联系您的家人 or 催收人员不得采取威胁、恐吓的行为;
- meta: the match is named as a kind of behaviour (…威胁性的语言, 遭遇辱骂) rather than used;
- idioms: the match sits inside an idiom or word that merely contains it (打死也不, 急得要死);
- reported speech: the clause reports what someone else said or did (客户反映…, 新闻：…, 您说…),
  and a quotation introduced by a prohibition or a report (严禁说“…”, 有客户反映接到过“…”的电话)
  or classified afterwards (“…”等说法) is named, not said.

The lexicons are data: ``rules/_context.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scriptlint.normalize import normalize_term
from scriptlint.packs.yamlpos import load
from scriptlint.segment import CLAUSE_BREAK, clause_bounds


def _terms(values: list[str]) -> tuple[str, ...]:
    return tuple(sorted({normalize_term(v) for v in values}, key=len, reverse=True))


@dataclass
class ContextLexicon:
    cues: tuple[str, ...]
    not_negating: tuple[str, ...]
    breakers: tuple[str, ...]
    window: int
    meta_after: tuple[str, ...]
    meta_before: tuple[str, ...]
    idioms: tuple[str, ...]
    reported: tuple[str, ...] = ()
    not_reported: tuple[str, ...] = ()
    negation_after: tuple[str, ...] = ()
    quote_after: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()

    @classmethod
    def from_file(cls, path: Path) -> ContextLexicon:
        data = load(path.read_text(encoding="utf-8")).data
        negation, meta = data["negation"], data["meta"]
        return cls(
            cues=_terms(negation["cues"]), not_negating=_terms(negation["not_negating"]),
            breakers=_terms(negation["breakers"]), window=int(negation.get("window", 16)),
            meta_after=_terms(meta["after"]), meta_before=_terms(meta["before"]),
            idioms=_terms(data["idioms"]),
            reported=_terms(data.get("reported", {}).get("cues", [])),
            not_reported=_terms(data.get("reported", {}).get("not_reported", [])),
            negation_after=_terms(negation.get("after", [])),
            quote_after=_terms(data.get("reported", {}).get("quote_after", [])),
            frames=_terms(data.get("reported", {}).get("frames", [])),
        )


class ContextFilter:
    def __init__(self, lexicon: ContextLexicon) -> None:
        self.lex = lexicon

    def negation_cue(self, sentence: str, start: int, end: int) -> str | None:
        """The cue that negates [start, end) of ``sentence``, or None."""
        left, _ = clause_bounds(sentence, start, end)
        # A clause ending in a colon that holds a cue scopes over what follows (严禁以下行为：…).
        if left > 0 and sentence[left - 1] in ":：":
            prev_left, _ = clause_bounds(sentence, left - 1, left - 1)
            cue = self._last_cue(sentence, prev_left, left - 1)
            if cue is not None:
                return cue[0]
        _, right = clause_bounds(sentence, start, end)
        tail = sentence[start + 1:min(right, end + 12)]  # may sit inside a long match, too
        for cue in self.lex.negation_after:
            if cue in tail:
                return cue
        left = max(left, start - self.lex.window)
        cue = self._last_cue(sentence, left, start)
        if cue is None:
            return None
        word, cue_end = cue
        between = sentence[cue_end:start]
        if any(b in between for b in self.lex.breakers):
            return None
        return word

    def _last_cue(self, sentence: str, left: int, right: int, cues: tuple[str, ...] | None = None,
                  false_friends: tuple[str, ...] | None = None) -> tuple[str, int] | None:
        best: tuple[int, str] | None = None
        for cue in self.lex.cues if cues is None else cues:
            position = sentence.rfind(cue, left, right)
            if position == -1 or self._false_friend(sentence, position, cue, false_friends):
                continue
            if best is None or position > best[0]:
                best = (position, cue)
        if best is None:
            return None
        return best[1], best[0] + len(best[1])

    def _false_friend(self, sentence: str, position: int, cue: str,
                      phrases: tuple[str, ...] | None = None) -> bool:
        for phrase in self.lex.not_negating if phrases is None else phrases:
            found = sentence.find(phrase, max(0, position - len(phrase) + 1), position + len(cue) + len(phrase))
            while found != -1 and found <= position + len(cue):
                if found <= position < found + len(phrase):
                    return True
                found = sentence.find(phrase, found + 1, position + len(cue) + len(phrase))
        return False

    def is_meta(self, sentence: str, start: int, end: int) -> bool:
        after = sentence[end:end + 6]
        if any(after.startswith(m) for m in self.lex.meta_after):
            return True
        # allow a short joiner: 威胁、恐吓等行为 / 侮辱或威胁性的语言
        tail = after.lstrip("、或和及与,")
        if tail != after and any(tail.startswith(m) for m in self.lex.meta_after):
            return True
        before = sentence[max(0, start - 6):start]
        return any(before.endswith(m) for m in self.lex.meta_before)

    def is_reported(self, sentence: str, start: int, end: int) -> bool:
        """Someone else's words or deeds are being reported, or a quotation is named, not said."""
        left, _ = clause_bounds(sentence, start, end)
        # A report opening the sentence scopes over the clauses after it (客户反映，…).
        if left > 0:
            head = sentence[:left - 1].rstrip("说称道")
            if any(head.endswith(cue) for cue in self.lex.reported):
                return True
            # A third-person frame in the sentence's first clause (某地法院审理的案件中，…; 监管通报：…)
            # scopes over the whole sentence; a clause that addresses 你/您 is not a frame.
            first_left, first_right = clause_bounds(sentence, 0, 0)
            first = sentence[first_left:first_right]
            if (first_right < left and "你" not in first and "您" not in first
                    and any(frame in first for frame in self.lex.frames)):
                return True
        left = max(left, start - self.lex.window - 4)
        if self.lex.reported and self._last_cue(sentence, left, start, self.lex.reported,
                                                self.lex.not_reported) is not None:
            return True
        quote = quoted_span(sentence, start, end)
        if quote is None:
            return False
        opening, closing = _quote_group(sentence, *quote)
        introducer = sentence[max(0, opening - 12):opening]
        if any(c in introducer for c in self.lex.cues) and not any(
                f in sentence[max(0, opening - 14):opening + 1] for f in self.lex.not_negating):
            return True
        if any(r in introducer for r in self.lex.reported):
            return True
        if _OPTION_LABEL.search(introducer):  # an exam or QA option: A.“…” B.“…”
            return True
        after = sentence[closing + 1:closing + 12]
        if any(after.startswith(m) for m in self.lex.meta_after if not m.startswith(("”", "」", '"'))):
            return True
        return any(m in after for m in self.lex.quote_after)

    def in_idiom(self, sentence: str, start: int, end: int) -> bool:
        for idiom in self.lex.idioms:
            position = sentence.find(idiom, max(0, start - len(idiom) + 1))
            while position != -1 and position < end:
                if position < end and start < position + len(idiom):
                    return True
                position = sentence.find(idiom, position + 1)
        return False


# A multiple-choice option label right before a quotation (A.“…”, b、“…”, (c)“…”).
_OPTION_LABEL = re.compile(r"(^|[^a-z0-9])\(?[a-d][.、:)）]\s*$")
_OPENING = "“「『‘\""
_CLOSING = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}


def quoted_span(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """(opening, closing) offsets of the quotation marks around [start, end), if any."""
    for opening in range(start - 1, -1, -1):
        ch = sentence[opening]
        if ch in _CLOSING.values() and ch != '"':
            return None  # a quotation closed before the match began
        if ch in _OPENING:
            closing = sentence.find(_CLOSING[ch], end)
            # An unclosed quotation runs to the end of the sentence (its 。 split it off).
            return opening, closing if closing != -1 else len(sentence)
    return None


def _quote_group(sentence: str, opening: int, closing: int) -> tuple[int, int]:
    """Widen a quotation to the run of quotations it belongs to (“司法送达”“执行局”等字样)."""
    while opening > 0 and sentence[opening - 1] in "”」』’、" and opening >= 2:
        previous = max(sentence.rfind(o, 0, opening - 1) for o in _OPENING)
        if previous == -1:
            break
        opening = previous
    while closing + 1 < len(sentence) and sentence[closing + 1] in _OPENING + "、":
        step = closing + 2 if sentence[closing + 1] == "、" else closing + 1
        if step >= len(sentence) or sentence[step] not in _OPENING:
            break
        nxt = sentence.find(_CLOSING[sentence[step]], step + 1)
        if nxt == -1:
            break
        closing = nxt
    return opening, closing


def clause_of(sentence: str, start: int, end: int) -> str:
    left, right = clause_bounds(sentence, start, end)
    return sentence[left:right]


__all__ = ["CLAUSE_BREAK", "ContextFilter", "ContextLexicon", "clause_of"]
