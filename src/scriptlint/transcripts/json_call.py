"""JSON transcripts in the shape call-centre ASR/QA services use.

Accepted: one call record (``{"call_id": …, "sentences": [{"role", "text", "begin", "end"}, …]}``);
a list of call records; a mapping holding such a list (``calls``/``tickets``/``callList`` …, with
shared call fields beside it); or a bare list of utterances (one call).  A JSON document is read
whole — for very large batches use JSONL, which is streamed.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from scriptlint.documents.limits import loads_json
from scriptlint.errors import InputError
from scriptlint.transcripts.call import Call, FieldError
from scriptlint.transcripts.records import (
    CALL_LIST_KEYS,
    TextLocator,
    call_from_record,
    header_fields,
    is_call,
    is_utterance,
)
from scriptlint.transcripts.roles import RoleMap


def call_records(data: Any) -> tuple[list[dict[str, Any]], dict[str, Any]] | None:
    """(call records, shared fields) when ``data`` has a transcript shape, else None."""
    if is_call(data):
        return [data], {}
    if isinstance(data, list) and data:
        if all(is_call(item) for item in data):
            return data, {}
        if all(is_utterance(item) for item in data):
            return [{"sentences": data}], {}
        return None
    if isinstance(data, dict):
        lowered = {str(k).lower(): k for k in data}
        for name in CALL_LIST_KEYS:
            items = data.get(lowered.get(name, ""))
            if isinstance(items, list) and items and all(is_call(item) for item in items):
                shared = {k: v for k, v in data.items() if k != lowered[name]}
                return items, shared
    return None


def sniff_json(data: Any) -> bool:
    return call_records(data) is not None


def read_json_calls(text: str, path: str, roles: RoleMap, data: Any = None) -> Iterator[Call | InputError]:
    if data is None:
        try:
            data = loads_json(text)
        except json.JSONDecodeError as err:
            yield InputError(path, f"invalid JSON: {err.msg}", err.lineno)
            return
    found = call_records(data)
    if found is None:
        yield InputError(path, "no call transcript found (expected a call with a list of sentences)")
        return
    records, shared = found
    try:
        shared_fields = header_fields(shared)
    except FieldError as err:
        yield InputError(path, str(err))
        return
    locator = TextLocator(text)
    for number, record in enumerate(records, 1):
        call_id = record.get("call_id") or record.get("callId") or record.get("tid")
        if call_id is not None:
            locator.seek(json.dumps(str(call_id), ensure_ascii=False))
        line = locator.line_at(locator.cursor)
        try:
            call = call_from_record(record, path, locator, roles, "json", line)
        except FieldError as err:
            where = f"call {call_id or number}: "
            yield InputError(path, where + str(err), getattr(err, "line", line))
            continue
        call.meta = {**shared_fields, **call.meta}
        yield call
