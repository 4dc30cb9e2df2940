"""Duties about the start of a call and the order of things said.

``opening_disclosure`` — every requirement group (e.g. institution; agent name or 工号; a
recording notice) must be met within the first N turns of the given roles (自报家门).
``verify_before_detail`` — no amount/overdue/debt detail before the agent has asked who is on
the line and the callee has answered (核实身份).
"""

from __future__ import annotations

from typing import Any

from scriptlint.calls import params as p
from scriptlint.calls.view import CallView
from scriptlint.model import Finding
from scriptlint.packs.model import Rule

OPENING_KEYS = {"within_turns": p.positive_int, "roles": p.roles, "require": p.requirement_groups}
VERIFY_KEYS = {"verify": p.patterns, "details": p.patterns, "exclude": p.patterns, "roles": p.roles,
               "answer_roles": p.roles, "require_answer": p.boolean}


def check_opening(rule: Rule, params: dict[str, Any], call: CallView) -> list[Finding]:
    if not call.meta.get("connected", True):
        return []
    turns = call.turns(params.get("roles", ["agent"]))[: params.get("within_turns", 3)]
    if not turns:
        return []
    missing = []
    for group in params["require"]:
        matchers = p.compiled(group["patterns"])
        if not any(call.search(turn, matchers, negation=True) for turn in turns):
            missing.append(group.get("label", "?"))
    if not missing:
        return []
    detail = f"前{len(turns)}轮未做到：{'、'.join(missing)}"
    return [call.turn_finding(rule, turns[0], None, detail, missing=missing)]


def check_verify(rule: Rule, params: dict[str, Any], call: CallView) -> list[Finding]:
    speakers = set(params.get("roles", ["agent"]))
    answerers = set(params.get("answer_roles", ["debtor", "third_party"]))
    require_answer = params.get("require_answer", True)
    verify, details = p.compiled(params["verify"]), p.compiled(params["details"])
    exclude = p.compiled(params.get("exclude"))
    asked = False
    for turn in call.script.segments:
        role = turn.speaker or "agent"
        if role in answerers and asked:
            return []  # verified: nothing said later can break the order
        if role not in speakers:
            continue
        question = call.search(turn, verify, negation=False)
        detail = call.search(turn, details, exclude)
        if detail is not None:
            in_order = question is not None and question[1] <= detail[0]
            if not (in_order and not require_answer):
                return [call.turn_finding(rule, turn, detail, "核实身份之前已提及欠款信息")]
        if question is not None:
            if not require_answer:
                return []  # asking is enough
            asked = True
    return []
    return []
