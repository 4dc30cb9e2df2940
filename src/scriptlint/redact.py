"""Personal data stays in: every string a report shows goes through ``mask_text`` first.

Masking keeps the length of the text (separators stay, hidden digits become ``*``), so the
excerpt's underline span is still right: 110101199003071234 → 110101********1234,
6222 0212 3456 7890 → 6222 **** **** 7890, 13812345678 → 138****5678.  Digit runs that the
detectors do not recognise are masked when they are long (11+ digits) or cut by the edge of
the text (an excerpt window that ends inside a card number).
"""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from typing import Any

from scriptlint import pii

_KEEP = {"cn_id": (6, 4), "bank_card": (4, 4), "cn_mobile": (3, 4)}
_LONG_RUN = re.compile(r"(?<![0-9*])\d(?:[ -]?\d){10,}(?![0-9*])")
_CUT_TAIL = re.compile(r"(?<![0-9*])\d(?:[ -]?\d){5,}$")
_CUT_HEAD = re.compile(r"^\d(?:[ -]?\d){5,}(?![0-9*])")
_FINDING_FIELDS = ("excerpt", "message", "suggestion", "match", "context")


def _mask_span(value: str, kind: str) -> str:
    head, tail = _KEEP[kind]
    positions = [i for i, ch in enumerate(value) if ch.isalnum()]
    hidden = set(positions[head:len(positions) - tail])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


def _hide(value: str, head: int, tail: int) -> str:
    positions = [i for i, ch in enumerate(value) if ch.isdigit()]
    hidden = set(positions[head:max(head, len(positions) - tail)])
    return "".join("*" if i in hidden else ch for i, ch in enumerate(value))


def mask_text(text: str | None, strict: bool = False) -> str | None:
    """Mask personal numbers.  ``strict`` masks only what the detectors recognise (for identifiers
    and metadata); otherwise long or cut digit runs in text excerpts are masked as well."""
    if not text or not any(ch.isdigit() for ch in text):
        return text
    out = list(text)
    for kind, start, end in pii.find(text):
        out[start:end] = _mask_span(text[start:end], kind)
    masked = "".join(out)
    if strict:
        return masked
    # What the detectors cannot vouch for is masked too: long digit runs (a card number that fails
    # its checksum, an old 15-digit ID) and runs cut by the edge of an excerpt, which are too short
    # for the detectors but are still most of a number.
    masked = _CUT_TAIL.sub(lambda m: _hide(m.group(), 3, 0), masked)
    masked = _CUT_HEAD.sub(lambda m: _hide(m.group(), 0, 4), masked)
    return _LONG_RUN.sub(lambda m: _hide(m.group(), 3, 4), masked)


def mask_value(value: Any) -> Any:
    """Strings anywhere inside JSON-like data (script metadata), masked by the detectors."""
    if isinstance(value, str):
        return mask_text(value, strict=True)
    if isinstance(value, int) and not isinstance(value, bool) and value >= 10**10:
        # a phone number stored as a JSON number (in any numeric field) is still a phone number
        digits = str(value)
        return mask_text(digits, strict=True) if any(pii.find(digits)) else value
    if isinstance(value, dict):
        # Call ids and times too: strict masking leaves an ISO time or a long numeric call id whole,
        # but a call id that *is* a mobile number is no exception (the entry is masked the same way).
        return {k: mask_value(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [mask_value(v) for v in value]
    return value


def redact_reports(reports: list) -> list:
    """Copies of ``reports`` with personal numbers masked in findings, entries and metadata."""
    masked = []
    for report in reports:
        results = []
        for result in report.results:
            findings = [replace(f, **{name: mask_text(getattr(f, name)) for name in _FINDING_FIELDS},
                                entry=mask_text(f.entry, strict=True), extra=mask_value(f.extra))
                        for f in result.findings]
            results.append(replace(result, entry=mask_text(result.entry, strict=True), findings=findings,
                                   meta=mask_value(result.meta)))
        clone = copy.copy(report)
        clone.results = results
        masked.append(clone)
    return masked
