"""The matching pipeline for one Script: normalise → sentences → prefilter → match → context.

``Engine`` is built once per rule set (patterns compiled, automaton built, jieba terms
registered) and is then reused for every script.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from scriptlint import calls, tokenize
from scriptlint.context import ContextFilter, ContextLexicon
from scriptlint.matchers import SentenceView
from scriptlint.model import Finding, Script, ScriptResult, Segment
from scriptlint.normalize import Normalized, normalize, normalize_many
from scriptlint.packs import RuleSet, builtin_rules_dir
from scriptlint.packs.model import Rule
from scriptlint.postprocess import deduplicate
from scriptlint.prefilter import Prefilter
from scriptlint.scoring import ScoringModel
from scriptlint.segment import SentenceIndex, clause_bounds, sentences

EXCERPT_RADIUS = 40


@dataclass
class Candidate:
    """A rule's match in a normalised segment, before it becomes a Finding."""

    rule: Rule
    start: int
    end: int
    sentence: tuple[int, int]


@dataclass
class Engine:
    ruleset: RuleSet
    prefilter_enabled: bool = True
    profile: str = "default"  # selects per-profile parameters of call-level rules (default CN, fdcpa …)
    rules: list[Rule] = field(init=False)

    def __post_init__(self) -> None:
        data_dir = self.ruleset.data_dir or builtin_rules_dir()
        self.context = ContextFilter(ContextLexicon.from_file(data_dir / "_context.yaml"))
        self.scoring = ScoringModel.from_file(Path(data_dir) / "_scoring.yaml")
        self.rules = [r for r in self.ruleset.rules if r.is_utterance_rule]
        self.call_rules = [r for r in self.ruleset.rules if not r.is_utterance_rule]
        self.prefilter = Prefilter(self.rules)
        self._rule_roles = frozenset(role for rule in self.rules for role in rule.roles)
        self._roles = self._rule_roles | {"agent"}  # the agent's text is also scored for practices
        terms = set(self.ruleset.terms)
        for rule in self.rules:
            for matcher in rule.patterns:
                terms |= matcher.terms()
        tokenize.add_terms(terms)

    # -- matching ---------------------------------------------------------------------------
    def match_segment(self, segment: Segment, norm: Normalized | None = None) -> list[Candidate]:
        """Candidates in one segment on its own (the reference path: ``prefilter_enabled=False``
        evaluates every pattern on every sentence here)."""
        norm = norm or normalize(segment.text)
        text = norm.text
        index = SentenceIndex(sentences(text))
        plan = (self.prefilter.candidates(text, index) if self.prefilter_enabled
                else self.prefilter.everything(index))
        return self._evaluate(segment, text, index, plan)

    def _evaluate(self, segment: Segment, text: str, index: SentenceIndex,
                  plan: dict[int, set[int]]) -> list[Candidate]:
        role = segment.speaker or "agent"
        found: list[Candidate] = []
        screened = self.prefilter_enabled
        for sentence_number in sorted(plan):
            start, end = index.spans[sentence_number]
            view = SentenceView(text[start:end])
            denied = self.context.denied_question(text, end)
            for slot_number in sorted(plan[sentence_number]):
                slot = self.prefilter.slots[slot_number]
                if role not in slot.rule.roles or (screened and slot.requires and not slot.admits(view.text)):
                    continue
                if denied and slot.rule.context.negation:
                    continue
                for m_start, m_end in slot.matcher.find(view):
                    if self._keep(slot.rule, view, m_start, m_end):
                        found.append(Candidate(slot.rule, start + m_start, start + m_end, (start, end)))
        return found

    def _match_script(self, script: Script) -> tuple[list[Finding], str, dict[int, str]]:
        """Findings of the utterance rules, the agent's normalised text (for practices), and each
        normalised turn by ``id`` (for the call-level checks).

        The hot path: the turns that any rule (or scoring) looks at are normalised as one text and
        scanned once by the prefilter; hits are mapped back to their turn by bisection, and only
        turns with a hit are split into sentences and evaluated."""
        segments = script.segments
        wanted = [s for s in segments if (s.speaker or "agent") in self._roles]
        text, starts = normalize_many([s.text for s in wanted])
        ends = [start - 1 for start in starts[1:]] + [len(text)]
        hits: dict[int, list[tuple[int, tuple[int, ...]]]] = defaultdict(list)
        for offset, numbers in self.prefilter.hits(text):
            number = bisect_right(starts, offset) - 1
            hits[number].append((offset - starts[number], numbers))
        if self.prefilter.unanchored:
            for number in range(len(wanted)):
                hits.setdefault(number, [])
        findings: list[Finding] = []
        for number in sorted(hits):
            segment = wanted[number]
            if (segment.speaker or "agent") not in self._rule_roles:
                continue
            seg_text = text[starts[number]:ends[number]]
            index = SentenceIndex(sentences(seg_text))
            candidates = self._evaluate(segment, seg_text, index, self.prefilter.plan(hits[number], index))
            if candidates:
                norm = normalize(segment.text)
                findings.extend(self.finding(script, segment, norm, c) for c in candidates)
        agents = [n for n, s in enumerate(wanted) if (s.speaker or "agent") == "agent"]
        joined = text if len(agents) == len(wanted) else "\n".join(text[starts[n]:ends[n]] for n in agents)
        normalized = {id(s): text[starts[n]:ends[n]] for n, s in enumerate(wanted)}
        if len(wanted) < len(segments) and self.call_rules:
            # The other turns (the debtor's, usually) are read by the call-level checks.
            others = [s for s in segments if id(s) not in normalized]
            other_text, other_starts = normalize_many([s.text for s in others])
            bounds = [*other_starts[1:], len(other_text) + 1]
            for number, segment in enumerate(others):
                normalized[id(segment)] = other_text[other_starts[number]:bounds[number] - 1]
        return findings, joined, normalized

    def _keep(self, rule: Rule, view: SentenceView, start: int, end: int) -> bool:
        sentence = view.text
        if self.context.joins_quotations(sentence, start, end):
            return False
        for exclusion in rule.exclude:
            if exclusion.scope == "sentence":
                lo, hi = 0, len(sentence)
            elif exclusion.scope == "clause":
                lo, hi = clause_bounds(sentence, start, end)
            else:
                lo, hi = start, end
            for x_start, x_end in exclusion.matcher.find(view):
                if x_start < hi and lo < x_end:
                    return False
        options = rule.context
        if options.idioms and self.context.in_idiom(sentence, start, end):
            return False
        if options.negation and self.context.negation_cue(sentence, start, end) is not None:
            return False
        if options.meta and self.context.is_endorsed(sentence, start, end):
            return True
        if options.meta and self.context.is_reported(sentence, start, end):
            return False
        return not (options.meta and self.context.is_meta(sentence, start, end))

    # -- findings ---------------------------------------------------------------------------
    def lint_script(self, script: Script, extra: Iterable[Finding] = ()) -> ScriptResult:
        """Findings and scores for one script.  Calls also get the call-level checks; ``extra``
        holds findings decided outside the script (call frequency across a batch)."""
        normalized: dict[int, str] | None = None
        if self.prefilter_enabled:
            findings, agent_text, normalized = self._match_script(script)
        else:
            findings, agent_texts = [], []
            for segment in script.segments:
                norm = normalize(segment.text)
                if (segment.speaker or "agent") == "agent":
                    agent_texts.append(norm.text)
                for candidate in self.match_segment(segment, norm):
                    findings.append(self.finding(script, segment, norm, candidate))
            agent_text = "\n".join(agent_texts)
        if self.call_rules and calls.is_call(script):
            findings.extend(calls.check_call(self.call_rules, script, self.profile, self.context, normalized))
        findings.extend(extra)
        findings = deduplicate(findings)
        practices = self.scoring.practices_in(agent_text)
        scores = self.scoring.score(findings, practices)
        return ScriptResult(script.path, script.entry, findings, scores, practices, dict(script.meta))

    def finding(self, script: Script, segment: Segment, norm: Normalized, c: Candidate) -> Finding:
        raw_start, raw_end = norm.span_to_raw(c.start, c.end)
        line, column = segment.locate(raw_start)
        end_line, end_column = segment.locate(raw_end - 1)
        end_column += 1  # exclusive, like SARIF's endColumn
        s_start, s_end = norm.span_to_raw(*c.sentence)
        excerpt_start = max(s_start, raw_start - EXCERPT_RADIUS)
        excerpt_end = min(s_end, raw_end + EXCERPT_RADIUS)
        rule = c.rule
        return Finding(
            rule=rule.id, category=rule.category, principle=rule.principle, severity=rule.severity,
            line=line, column=column, end_line=end_line, end_column=end_column,
            message=rule.message, excerpt=segment.text[excerpt_start:excerpt_end],
            suggestion=rule.suggestion, match=segment.text[raw_start:raw_end], basis=rule.basis_text,
            entry=script.entry, speaker=segment.speaker, turn=segment.turn,
            begin_ms=segment.begin_ms, end_ms=segment.end_ms,
            context=norm.text[c.sentence[0]:c.sentence[1]],
            excerpt_span=(raw_start - excerpt_start, raw_end - excerpt_start),
        )
