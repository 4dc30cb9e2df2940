"""JSONL transcripts, read one line at a time (a 1 GB file is never held in memory).

Two layouts, mixable in one file:

- one utterance per line — ``{"call_id": "C1", "role": "坐席", "text": "…", "begin": 0, "end": 2300}`` —
  with call fields on the lines themselves or on a preceding header line (``{"type": "call", …}``);
  a new call starts when the call id changes or a header line follows utterances;
- one call per line — a call record with a list of sentences (the JSON shape, see ``records``).

A bad line (truncated JSON, missing role, non-numeric time) spoils only its call: the call is
reported as an ``InputError`` naming file and line, and reading goes on with the next call.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from scriptlint.documents.limits import loads_json
from scriptlint.errors import InputError
from scriptlint.transcripts.call import Call, FieldError, Turn, call_fields
from scriptlint.transcripts.records import (
    ROLE_KEYS,
    TEXT_KEYS,
    TextLocator,
    call_from_record,
    is_call,
    is_header,
    is_utterance,
    lookup,
    parse_turn,
)
from scriptlint.transcripts.roles import RoleMap

_CALL_ID = re.compile(r'"(?:call_?id|callId|tid)"\s*:\s*"?([^",}]+)', re.IGNORECASE)


def sniff_record(record: Any) -> bool:
    """Whether the first record of a JSONL file makes it a transcript (not a 话术 library)."""
    return is_utterance(record) or is_call(record) or is_header(record)


class _Pending:
    """The call being assembled from consecutive lines."""

    def __init__(self, path: str, line: int, fmt: str) -> None:
        self.call = Call(path=path, line=line, format=fmt)
        self.error: InputError | None = None

    @property
    def call_id(self) -> str | None:
        value = self.call.meta.get("call_id")
        return None if value is None else str(value)

    def fail(self, path: str, line: int, problem: str) -> None:
        if self.error is None:
            where = f"call {self.call_id}: " if self.call_id else ""
            self.error = InputError(path, where + problem, line)

    def result(self) -> Call | InputError:
        return self.error if self.error is not None else self.call


def read_jsonl_lines(lines: Iterable[tuple[int, str]], path: str, roles: RoleMap,
                     headers_only: bool = False) -> Iterator[Call | InputError]:
    """Calls (or an InputError per bad call) from numbered lines, in file order.

    ``headers_only`` (the batch layer's first pass) keeps call fields and each turn's role but not
    its text: the same calls in the same order, at a fraction of the cost."""
    pending: _Pending | None = None
    for number, line in lines:
        if not line.strip():
            continue
        try:
            record = loads_json(line)
        except json.JSONDecodeError as err:
            found = _CALL_ID.search(line)
            call_id = found.group(1).strip() if found else None
            if pending is None or (call_id is not None and pending.call_id not in (None, call_id)):
                if pending is not None:
                    yield pending.result()
                pending = _Pending(path, number, "jsonl")
                if call_id is not None:
                    pending.call.meta["call_id"] = call_id
            pending.fail(path, number, f"invalid JSON line: {err.msg} (column {err.colno})")
            continue
        if not isinstance(record, dict):
            if pending is None:
                pending = _Pending(path, number, "jsonl")
            pending.fail(path, number, f"expected a JSON object, got {type(record).__name__}")
            continue
        if is_call(record):
            if pending is not None:
                yield pending.result()
                pending = None
            yield _whole_call(record, line, number, path, roles)
            continue
        try:
            fields = call_fields(record)
        except FieldError as err:
            fields, problem = {}, str(err)
        else:
            problem = None
        utterance = lookup(record, ROLE_KEYS) is not None or lookup(record, TEXT_KEYS) is not None
        call_id = fields.get("call_id")
        starts_new = (pending is None or (call_id is not None and pending.call_id not in (None, call_id))
                      or (not utterance and bool(pending.call.turns)))
        if starts_new:
            if pending is not None:
                yield pending.result()
            pending = _Pending(path, number, "jsonl")
        assert pending is not None
        pending.call.meta.update(fields)
        if problem is not None:
            pending.fail(path, number, problem)
            continue
        if utterance and headers_only:
            role_key = lookup(record, ROLE_KEYS)
            role = roles.role(record[role_key]) if role_key is not None else None
            pending.call.turns.append(Turn(role or "system", "", "", _nowhere))
            continue
        if utterance:
            try:
                role, label, text, begin, end = parse_turn(record, roles)
            except FieldError as err:
                pending.fail(path, number, str(err))
                continue
            pending.call.turns.append(TextLocator(line.rstrip("\r\n"), number - 1).turn(role, label, text, begin, end))
    if pending is not None:
        yield pending.result()


def _nowhere(_offset: int) -> tuple[int, int]:
    return 0, 0


def _whole_call(record: dict[str, Any], line: str, number: int, path: str, roles: RoleMap) -> Call | InputError:
    try:
        return call_from_record(record, path, TextLocator(line.rstrip("\r\n"), number - 1), roles, "jsonl", number)
    except FieldError as err:
        call_id = record.get("call_id") or record.get("callId")
        where = f"call {call_id}: " if call_id else ""
        return InputError(path, where + str(err), number)
