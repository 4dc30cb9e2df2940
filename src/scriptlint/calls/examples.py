"""Running a call rule's inline examples: each is a plain-text transcript (``transcripts.text``),
possibly holding several calls (frequency) and a ``# profile: NAME`` line choosing the profile."""

from __future__ import annotations

import re

from scriptlint.calls import KINDS, active, check_call
from scriptlint.calls.frequency import FrequencyLedger, header_of
from scriptlint.calls.params import DEFAULT_PROFILE
from scriptlint.context import ContextFilter
from scriptlint.errors import InputError
from scriptlint.packs.model import Rule

_PROFILE = re.compile(r"^[ \t]*#[ \t]*profile[ \t]*[:：][ \t]*(\S+)", re.MULTILINE)


def example_fires(rule: Rule, text: str, context: ContextFilter | None = None) -> bool:
    """Whether call rule ``rule`` reports anything on the example transcript ``text``."""
    from scriptlint.transcripts.roles import DEFAULT_ROLES
    from scriptlint.transcripts.text import read_text_calls

    found = _PROFILE.search(text)
    profile = found.group(1) if found else DEFAULT_PROFILE
    scripts = []
    for item in read_text_calls(text, "<example>", DEFAULT_ROLES):
        if isinstance(item, InputError):
            raise ValueError(f"{rule.id}: example is not a valid transcript: {item}")
        scripts.append(item.to_script())
    if KINDS[rule.kind].check is None:
        ledger = FrequencyLedger(active([rule], profile, batch=True))
        for number, script in enumerate(scripts):
            ledger.add(header_of(number, script.meta))
        return bool(ledger.breaches())
    return any(check_call([rule], script, profile, context) for script in scripts)
