"""Debt details told to a callee who is not the debtor (P-CN-6: third parties get no debt details).

The call switches into third-party mode when the call fields say someone else answered
(``answered_by``), when a turn is labelled ``third_party``, or when a callee-side turn matches a
``cues`` pattern (我是他同事 / 打错了 / 他是我儿子).  A later callee-side ``debtor_cues`` match
(我就是本人) switches back.  In third-party mode every agent turn with a ``details`` match is a
finding.  What the callee says is context only; it never counts against the agent.
"""

from __future__ import annotations

from typing import Any

from scriptlint.calls import params as p
from scriptlint.calls.view import CallView
from scriptlint.model import Finding
from scriptlint.packs.model import Rule

KEYS = {"cues": p.patterns, "debtor_cues": p.patterns, "details": p.patterns, "exclude": p.patterns,
        "roles": p.roles, "cue_roles": p.roles}


def check_third_party(rule: Rule, params: dict[str, Any], call: CallView) -> list[Finding]:
    speakers = set(params.get("roles", ["agent"]))
    callee_roles = set(params.get("cue_roles", ["debtor", "third_party"]))
    cues, back = p.compiled(params["cues"]), p.compiled(params.get("debtor_cues"))
    details, exclude = p.compiled(params["details"]), p.compiled(params.get("exclude"))
    reason: str | None = "接听人不是债务人" if call.meta.get("answered_by") == "third_party" else None
    findings: list[Finding] = []
    for turn in call.script.segments:
        role = turn.speaker or "agent"
        if role in callee_roles:
            cue = call.search(turn, cues, negation=False)
            if cue is not None:
                reason = f"对方已表明不是债务人：“{turn.text[cue[0]:cue[1]]}”"
            elif role == "third_party":
                reason = reason or "接听人被标注为第三方"
            elif back and reason and call.search(turn, back, negation=False) is not None:
                reason = None
            continue
        if role in speakers and reason is not None:
            span = call.search(turn, details, exclude)
            if span is not None:
                findings.append(call.turn_finding(rule, turn, span, reason))
    return findings
