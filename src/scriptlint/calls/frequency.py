"""Call frequency across a batch: limits per debtor or per number within 1 or N local days.

Counting needs every call of the batch in start-time order, so the batch layer feeds a ledger
with one small header per call (first pass), asks it which calls cross a limit, and the finding
is attached to the call that crosses it (the 4th connected call of a day when the limit is 3)
and to each later call of that day.  Memory is proportional to the number of calls, not text.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from scriptlint.calls import params as p
from scriptlint.calls.view import local_start
from scriptlint.packs.model import Rule

KEYS = {"count": p.one_of("connected", "unanswered", "all"), "per": p.one_of("debtor", "number"),
        "max": p.non_negative_int, "days": p.positive_int, "timezone": p.timezone}
_SUBJECT = {"debtor": "debtor_id", "number": "number"}
_WHAT = {"connected": "接通通话", "unanswered": "未接通拨打", "all": "拨打"}
_WHO = {"debtor": "同一债务人", "number": "同一号码"}


@dataclass(slots=True)
class CallHeader:
    key: Any  # whatever identifies the call to the batch layer
    debtor_id: str | None
    number: str | None
    start: str | None
    timezone: str | None
    connected: bool


@dataclass(slots=True)
class Breach:
    rule: Rule
    count: int
    limit: int
    day: date
    detail: str


def header_of(key: Any, meta: dict[str, Any]) -> CallHeader:
    return CallHeader(key, _str(meta.get("debtor_id")), _str(meta.get("number")), meta.get("start"),
                      meta.get("timezone"), bool(meta.get("connected", True)))


def _str(value: Any) -> str | None:
    return None if value in (None, "") else str(value)


class FrequencyLedger:
    def __init__(self, rules: list[tuple[Rule, dict[str, Any]]]) -> None:
        self.rules = rules
        self.headers: list[CallHeader] = []

    def add(self, header: CallHeader) -> None:
        self.headers.append(header)

    def breaches(self) -> dict[Any, list[Breach]]:
        found: dict[Any, list[Breach]] = defaultdict(list)
        for rule, params in self.rules:
            for key, breach in self._rule_breaches(rule, params):
                found[key].append(breach)
        return dict(found)

    def _rule_breaches(self, rule: Rule, params: dict[str, Any]):
        counted, per = params.get("count", "connected"), params.get("per", "debtor")
        limit, days = params["max"], params.get("days", 1)
        timeline: dict[str, list[tuple[datetime, int, CallHeader]]] = defaultdict(list)
        for order, header in enumerate(self.headers):
            subject = getattr(header, _SUBJECT[per])
            if subject is None or (counted == "connected" and not header.connected) or (
                    counted == "unanswered" and header.connected):
                continue
            start = local_start({"start": header.start, "timezone": header.timezone}, params.get("timezone"))
            if start is None:
                continue
            timeline[subject].append((start.replace(tzinfo=None), order, header))
        span = "当日" if days == 1 else f"{days}日内"
        for calls in timeline.values():
            calls.sort(key=lambda item: (item[0], item[1]))
            window: deque[date] = deque()
            for wall, _order, header in calls:
                day = wall.date()
                window.append(day)
                while window[0] <= day - timedelta(days=days):
                    window.popleft()
                if len(window) > limit:
                    detail = f"{_WHO[per]}{span}第{len(window)}次{_WHAT[counted]}，上限{limit}次"
                    yield header.key, Breach(rule, len(window), limit, day, detail)
