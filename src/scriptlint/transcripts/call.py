"""The call model shared by every transcript format, and the mapping of vendor field names.

A call becomes a ``Script`` whose segments are the turns (speaker, turn number, begin/end in ms)
and whose ``meta`` holds the call fields under canonical names (``CALL_FIELDS``).  Turn numbers
are 1-based, in transcript order.  ``start`` is kept as an ISO 8601 string; a value without a
UTC offset is the debtor's local wall-clock time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any

from scriptlint.model import Script, Segment

# canonical name → accepted spellings (compared case-insensitively, ignoring "_" and "-")
CALL_FIELDS: dict[str, tuple[str, ...]] = {
    "call_id": ("call_id", "callid", "tid", "conversation_id", "session_id", "record_id", "通话id", "通话编号"),
    "agent_id": ("agent_id", "customer_service_id", "staff_id", "seat_id", "工号", "坐席工号"),
    "agent_name": ("agent_name", "customer_service_name", "staff_name", "坐席姓名", "坐席"),
    "team": ("team", "skill_group_name", "skill_group", "group", "团队", "组别"),
    "debtor_id": ("debtor_id", "customer_id", "client_id", "account_id", "客户id", "债务人id"),
    "number": ("number", "phone", "dialed_number", "called_number", "callee_number", "to", "被叫号码", "号码"),
    "start": ("start", "start_time", "call_start", "call_start_time", "begin_time", "gmt_service", "call_time",
              "开始时间", "通话时间"),
    "timezone": ("timezone", "tz", "time_zone", "时区"),
    "direction": ("direction", "call_direction", "call_type", "呼叫方向"),
    "connected": ("connected", "is_connected", "answered", "接通"),
    "answered_by": ("answered_by", "callee_relation", "callee", "relation", "接听人", "接听人关系"),
    "duration_ms": ("duration_ms",),
}
_SPELLINGS = {re.sub(r"[_\-\s]", "", s.lower()): canon for canon, names in CALL_FIELDS.items() for s in names}
_TRUE = {"true", "1", "yes", "y", "是", "接通", "已接通", "connected", "answered"}
_FALSE = {"false", "0", "no", "n", "否", "未接通", "未接", "no_answer", "noanswer", "unanswered", "busy", "无人接听"}
_DEBTOR_WORDS = {"debtor", "self", "本人", "债务人", "客户", "customer", "borrower", "借款人", "持卡人"}
_DIRECTIONS = {"outbound": "outbound", "out": "outbound", "呼出": "outbound", "外呼": "outbound",
               "inbound": "inbound", "in": "inbound", "呼入": "inbound"}


@lru_cache(maxsize=4096)
def canonical_field(name: str) -> str | None:
    return _SPELLINGS.get(re.sub(r"[_\-\s]", "", str(name).lower()))


class FieldError(ValueError):
    """A call field with a value that cannot be used (the reader adds file and line)."""


def call_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Canonical call fields found in ``record`` (unknown keys ignored), values checked."""
    meta: dict[str, Any] = {}
    keys = tuple(record)
    for key, canon in _field_keys(keys) if len(keys) <= 64 else _field_keys.__wrapped__(keys):
        value = record[key]
        if value is None or isinstance(value, dict | list):
            continue
        meta[canon] = _value(canon, value)
    return meta


# The lines of a JSONL file share their keys: which of them are call fields is worked out once.
@lru_cache(maxsize=1024)
def _field_keys(keys: tuple[Any, ...]) -> tuple[tuple[Any, str], ...]:
    return tuple((key, canon) for key in keys if (canon := canonical_field(key)) is not None)


def _value(canon: str, value: Any) -> Any:
    if canon == "start":
        return parse_start(value).isoformat()
    if canon == "connected":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE or text in _FALSE:
            return text in _TRUE
        raise FieldError(f"connected: {value!r} is not true or false")
    if canon == "answered_by":
        text = str(value).strip().lower()
        return "debtor" if text in _DEBTOR_WORDS else "third_party"
    if canon == "direction":
        return _DIRECTIONS.get(str(value).strip().lower(), str(value))
    if canon == "duration_ms":
        return to_ms(value, "duration_ms")
    if canon == "timezone":
        from zoneinfo import ZoneInfo

        try:
            ZoneInfo(str(value))
        except (KeyError, ValueError, OSError):  # unknown, malformed, or an unreadable tzdata file
            raise FieldError(f"timezone: unknown time zone {value!r}") from None
    return str(value)


def parse_start(value: Any) -> datetime:
    """A call start: ISO 8601 / "2024-05-23 14:57:50" (naive = local time) or epoch seconds/ms (UTC)."""
    if isinstance(value, bool):
        raise FieldError(f"start: {value!r} is not a time")
    if isinstance(value, int | float):
        seconds = value / 1000 if value > 1e11 else value
        try:
            start = datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):  # inf, nan, or beyond the platform's time_t
            raise FieldError(f"start: {value!r} is not a time") from None
        return _in_range(start, value)
    text = str(value).strip().replace("/", "-")
    if re.fullmatch(r"\d{10}(\d{3})?", text):
        return parse_start(int(text))
    try:
        start = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise FieldError(f"start: {value!r} is not an ISO 8601 date-time") from None
    return _in_range(start, value)


def _in_range(start: datetime, value: Any) -> datetime:
    # Time-zone arithmetic on year 1 or 9999 overflows later; no call was made then.
    if not 1900 <= start.year <= 2200:
        raise FieldError(f"start: {value!r} is out of range")
    return start


_MAX_MS = 24 * 3600 * 1000  # a day: a larger offset into one recording is an id, a phone number or a clock
_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$")


def to_ms(value: Any, name: str) -> int:
    """A time offset in ms: a number, a numeric string, or a clock "[hh:]mm:ss[.mmm]"."""
    if isinstance(value, bool):
        raise FieldError(f"{name}: {value!r} is not a number of milliseconds")
    if isinstance(value, int | float):
        if value < 0:
            raise FieldError(f"{name}: {value!r} is negative")
        if not value <= _MAX_MS:  # also catches nan and inf
            raise FieldError(f"{name}: {value!r} is too large")
        return round(value)
    text = str(value).strip()
    try:
        number = float(text)
    except ValueError:
        pass
    else:
        return to_ms(number, name)
    match = _CLOCK.match(text)
    if match is None:
        raise FieldError(f"{name}: {value!r} is not a number of milliseconds")
    hours, minutes, seconds, fraction = match.groups()
    millis = int((fraction or "0").ljust(3, "0"))
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + millis


@dataclass(slots=True)
class Turn:
    role: str
    label: str  # the raw speaker label
    text: str
    locate: Callable[[int], tuple[int, int]]
    begin_ms: int | None = None
    end_ms: int | None = None
    raw_line: Callable[[int], str] | None = None


@dataclass(slots=True)
class Call:
    path: str
    line: int  # where the call begins in the file (1-based)
    meta: dict[str, Any] = field(default_factory=dict)
    turns: list[Turn] = field(default_factory=list)
    format: str = ""

    @property
    def call_id(self) -> str:
        return str(self.meta.get("call_id") or f"{self.path}:{self.line}")

    def connected(self) -> bool:
        """Explicit ``connected``; else someone besides the agent and the system spoke."""
        if "connected" in self.meta:
            return bool(self.meta["connected"])
        return any(t.role in ("debtor", "third_party") for t in self.turns)

    def to_script(self) -> Script:
        segments = [Segment(text=t.text, locate=t.locate, speaker=t.role, turn=number, begin_ms=t.begin_ms,
                            end_ms=t.end_ms, raw_line=t.raw_line)
                    for number, t in enumerate(self.turns, 1)]
        meta = {"kind": "call", "format": self.format, "line": self.line, **self.meta,
                "call_id": self.call_id, "connected": self.connected(), "turns": len(self.turns)}
        return Script(path=self.path, segments=segments, entry=self.call_id, meta=meta)
