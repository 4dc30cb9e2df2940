"""Quiet hours: no call may start inside a quiet window of the debtor's local time.

Windows are half-open "HH:MM-HH:MM" ranges that may wrap midnight: "22:00-08:00" flags 22:00
and 07:59 but not 21:59 or 08:00 (P-CN-1; the fdcpa profile uses "21:00-08:00", P-US-1).
"""

from __future__ import annotations

from typing import Any

from scriptlint.calls import params as p
from scriptlint.calls.view import CallView, local_start
from scriptlint.model import Finding
from scriptlint.packs.model import Rule

KEYS = {"quiet": p.windows, "timezone": p.timezone, "connected_only": p.boolean}


def in_window(minute: int, window: tuple[int, int]) -> bool:
    begin, end = window
    return begin <= minute < end if begin <= end else minute >= begin or minute < end


def check_quiet_hours(rule: Rule, params: dict[str, Any], call: CallView) -> list[Finding]:
    if params.get("connected_only", False) and not call.meta.get("connected", True):
        return []
    start = local_start(call.meta, params.get("timezone"))
    if start is None:
        return []
    minute = start.hour * 60 + start.minute
    for text in params["quiet"]:
        window = p.clock_window(text)
        if window is not None and in_window(minute, window):
            detail = f"通话开始于当地时间 {start:%Y-%m-%d %H:%M}，处于禁止时段 {text}"
            return [call.call_finding(rule, detail, local_start=start.isoformat(timespec="minutes"))]
    return []
