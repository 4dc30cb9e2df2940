"""Call-level rule kinds: checks over a whole call (order, time) or a batch of calls (frequency).

Each kind registers a parameter validator with the pack loader (``packs.loader.RULE_KINDS``) and
a checker.  Parameters, lexicons and limits live in the packs (``rules/call.yaml``), with
per-profile overrides (see ``params``).  The engine runs the per-call checkers after the
utterance rules for every Script that is a call; ``call_frequency`` is run by the batch layer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from scriptlint.calls import frequency, opening, third_party, timing
from scriptlint.calls import params as p
from scriptlint.calls.view import CallView
from scriptlint.context import ContextFilter
from scriptlint.model import Finding, Script
from scriptlint.packs.loader import RULE_KINDS
from scriptlint.packs.model import Rule

Checker = Callable[[Rule, dict[str, Any], CallView], list[Finding]]


@dataclass(frozen=True)
class Kind:
    name: str
    validate: p.Validator
    check: Checker | None  # None: needs the whole batch (frequency)


KINDS: dict[str, Kind] = {kind.name: kind for kind in (
    Kind("opening_disclosure", p.validating(opening.OPENING_KEYS, ("require",)), opening.check_opening),
    Kind("verify_before_detail", p.validating(opening.VERIFY_KEYS, ("verify", "details")), opening.check_verify),
    Kind("third_party_disclosure", p.validating(third_party.KEYS, ("cues", "details")),
         third_party.check_third_party),
    Kind("quiet_hours", p.validating(timing.KEYS, ("quiet",)), timing.check_quiet_hours),
    Kind("call_frequency", p.validating(frequency.KEYS, ("max",)), None),
)}
RULE_KINDS.update({name: kind.validate for name, kind in KINDS.items()})


def is_call(script: Script) -> bool:
    return script.meta.get("kind") == "call"


def active(rules: Iterable[Rule], profile: str, batch: bool = False) -> list[tuple[Rule, dict[str, Any]]]:
    """(rule, effective params) of the call rules on for ``profile``; per-call or batch kinds."""
    chosen = []
    for rule in rules:
        kind = KINDS.get(rule.kind)
        if kind is None or (kind.check is None) != batch:
            continue
        params = p.effective(rule.params, profile)
        if params is not None:
            chosen.append((rule, params))
    return chosen


def check_call(rules: Iterable[Rule], script: Script, profile: str = p.DEFAULT_PROFILE,
               context: ContextFilter | None = None, normalized: dict[int, str] | None = None) -> list[Finding]:
    """``normalized``: turn id → normalised text, for the turns the engine has normalised already."""
    view = CallView(script, context, normalized)
    findings: list[Finding] = []
    for rule, params in active(rules, profile):
        check = KINDS[rule.kind].check
        assert check is not None
        findings.extend(check(rule, params, view))
    return findings


def known_profiles(rules: Iterable[Rule]) -> set[str]:
    names = {p.DEFAULT_PROFILE}
    for rule in rules:
        if rule.kind in KINDS:
            names |= p.profiles_of(rule.params)
    return names


__all__ = ["KINDS", "active", "check_call", "is_call", "known_profiles"]
