"""A call seen by call-level checks: pattern search inside turns, and findings that point at a
turn (speaker, turn number, begin/end ms, line/column) or at the call as a whole."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from scriptlint.context import ContextFilter
from scriptlint.matchers import Matcher, SentenceView
from scriptlint.model import Finding, Script, Segment
from scriptlint.normalize import Normalized, normalize
from scriptlint.packs.model import Rule
from scriptlint.segment import clause_bounds, sentences

EXCERPT_RADIUS = 40


class CallView:
    def __init__(self, script: Script, context: ContextFilter | None = None,
                 normalized: dict[int, str] | None = None) -> None:
        """``normalized``: turn id → its normalised text, when the engine has it already (the
        offset map back to the raw text is then built only for a turn that has a match)."""
        self.script = script
        self.context = context
        self._texts = normalized or {}
        self._norms: dict[int, tuple[str, list[tuple[int, int]]]] = {}
        self._maps: dict[int, Normalized] = {}  # turn id → offset map, for turns with a match

    @property
    def meta(self) -> dict[str, Any]:
        return self.script.meta

    def turns(self, roles: Iterable[str] | None = None) -> list[Segment]:
        wanted = None if roles is None else set(roles)
        return [s for s in self.script.segments if wanted is None or (s.speaker or "agent") in wanted]

    def _norm(self, segment: Segment) -> tuple[str, list[tuple[int, int]]]:
        key = id(segment)
        if key not in self._norms:
            text = self._texts.get(key)
            if text is None:
                text = normalize(segment.text).text
            self._norms[key] = (text, sentences(text))
        return self._norms[key]

    def _raw_map(self, segment: Segment) -> Normalized:
        key = id(segment)
        found = self._maps.get(key)
        if found is None:
            found = self._maps[key] = normalize(segment.text)
        return found

    def search(self, segment: Segment, matchers: list[Matcher], exclude: list[Matcher] = (),  # type: ignore[assignment]
               negation: bool = True) -> tuple[int, int] | None:
        """The first match in the turn as a raw [start, end) span, or None.

        A match inside a clause that also matches ``exclude`` (我不能透露他的欠款) or under a
        negation cue does not count."""
        text, spans = self._norm(segment)
        matchers = [m for m in matchers if m.could_match(text)]
        if not matchers:
            return None
        for s_start, s_end in spans:
            sentence = text[s_start:s_end]
            view = SentenceView(sentence)
            for matcher in matchers:
                for start, end in matcher.find(view):
                    if self._excluded(view, start, end, exclude, negation):
                        continue
                    return self._raw_map(segment).span_to_raw(s_start + start, s_start + end)
        return None

    def _excluded(self, view: SentenceView, start: int, end: int, exclude: list[Matcher], negation: bool) -> bool:
        lo, hi = clause_bounds(view.text, start, end)
        for matcher in exclude:
            if any(x_start < hi and lo < x_end for x_start, x_end in matcher.find(view)):
                return True
        return bool(negation and self.context is not None
                    and self.context.negation_cue(view.text, start, end) is not None)

    # -- findings -----------------------------------------------------------------------------
    def turn_finding(self, rule: Rule, segment: Segment, span: tuple[int, int] | None, detail: str = "",
                     **extra: Any) -> Finding:
        start, end = span if span is not None else (0, len(segment.text))
        end = max(end, start + 1) if segment.text else start
        line, column = segment.locate(start)
        end_line, end_column = segment.locate(max(end - 1, start))
        excerpt_start = max(0, start - EXCERPT_RADIUS)
        excerpt_end = min(len(segment.text), end + EXCERPT_RADIUS)
        return Finding(
            rule=rule.id, category=rule.category, principle=rule.principle, severity=rule.severity,
            line=line, column=column, end_line=end_line, end_column=end_column + 1,
            message=_message(rule, detail), excerpt=segment.text[excerpt_start:excerpt_end],
            suggestion=rule.suggestion, match=segment.text[start:end] if span is not None else "",
            basis=rule.basis_text, entry=self.script.entry, speaker=segment.speaker, turn=segment.turn,
            begin_ms=segment.begin_ms, end_ms=segment.end_ms, context=segment.text[start:end],
            excerpt_span=(start - excerpt_start, end - excerpt_start), extra=dict(extra),
        )

    def call_finding(self, rule: Rule, detail: str = "", **extra: Any) -> Finding:
        return call_finding(rule, self.script, detail, **extra)


def call_finding(rule: Rule, script: Script, detail: str = "", **extra: Any) -> Finding:
    """A finding about the call as a whole (time, frequency): it points at the call's first line."""
    line = int(script.meta.get("line", 1))
    # No span to quote: the excerpt names the call by the fields the check looked at.
    fields = [f"{key}={script.meta[key]}" for key in ("start", "agent_id", "debtor_id", "number")
              if script.meta.get(key) not in (None, "")]
    excerpt = " ".join([f"call {script.entry}", *fields])
    return Finding(
        rule=rule.id, category=rule.category, principle=rule.principle, severity=rule.severity,
        line=line, column=1, end_line=line, end_column=2, message=_message(rule, detail), excerpt=excerpt,
        suggestion=rule.suggestion, match="", basis=rule.basis_text, entry=script.entry,
        context=f"{rule.id}:{script.entry}", excerpt_span=(0, 0), extra=dict(extra),
    )


def _message(rule: Rule, detail: str) -> str:
    return f"{rule.message}（{detail}）" if detail else rule.message


def local_start(meta: dict[str, Any], timezone: str | None) -> datetime | None:
    """The call start in the debtor's local time.

    A start without a UTC offset already is local time.  One with an offset is converted to the
    call's ``timezone`` field, else the rule's ``timezone`` parameter, else kept as given."""
    value = meta.get("start")
    if not value:
        return None
    start = datetime.fromisoformat(str(value))
    if start.tzinfo is None:
        return start
    zone = meta.get("timezone") or timezone
    if zone:
        from zoneinfo import ZoneInfo

        return start.astimezone(ZoneInfo(str(zone)))
    return start
