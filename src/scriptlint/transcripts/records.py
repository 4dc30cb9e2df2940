"""JSON records → turns and calls: the field names call-centre ASR/QA services use.

An utterance is a mapping with a role (``role``/``speaker``/``角色`` …), a text (``text``/
``words``/``content`` …; ``words`` may be a list of word objects) and optional ``begin``/``end``
in ms.  A call is a mapping with a list of utterances (``sentences``/``dialogue``/``asr`` …, where
an item may also be a ``[label, text]`` pair) and call fields (see ``call.CALL_FIELDS``), possibly
nested under ``call``/``meta``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from scriptlint.documents.positions import LineIndex, piecewise
from scriptlint.transcripts.call import Call, FieldError, Turn, call_fields, to_ms
from scriptlint.transcripts.roles import RoleMap

ROLE_KEYS = ("role", "speaker", "spk", "speaker_role", "角色", "说话人", "identity")
TEXT_KEYS = ("text", "words", "content", "sentence", "transcript", "utterance", "文本", "内容")
BEGIN_KEYS = ("begin", "begin_ms", "start_ms", "bg", "begin_time", "begintime", "开始")
END_KEYS = ("end", "end_ms", "ed", "end_time", "endtime", "结束")
TURN_LIST_KEYS = ("sentences", "dialogue", "dialogues", "dialoguelist", "dialogue_list", "transcript",
                  "utterances", "turns", "asr", "content", "segments", "对话")
CALL_LIST_KEYS = ("calls", "tickets", "calllist", "call_list", "conversationlist", "conversation_list",
                  "conversations")
NESTED_HEADER_KEYS = ("call", "meta", "metadata", "header", "call_info")
_DATE_LIKE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}")


_CACHED_KEYS = 64  # records with more keys are resolved uncached (the cache must stay small)


def lookup(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    if len(record) > _CACHED_KEYS:
        return _lookup.__wrapped__(tuple(record), names)
    return _lookup(tuple(record), names)


# The records of one file share their keys: the key resolved for a key set is cached, so a JSONL
# line costs a tuple of its keys and a dictionary probe, not a pass over lower-cased keys.
@lru_cache(maxsize=1024)
def _lookup(keys: tuple[Any, ...], names: tuple[str, ...]) -> Any:
    lowered = {str(k).lower(): k for k in keys}
    for name in names:
        if name in lowered:
            return lowered[name]
    return None


@lru_cache(maxsize=1024)
def _list_keys(keys: tuple[Any, ...]) -> tuple[Any, ...]:
    lowered = {str(k).lower(): k for k in keys}
    return tuple(lowered[name] for name in TURN_LIST_KEYS if name in lowered)


def turn_list(record: dict[str, Any]) -> list[Any] | None:
    keys = tuple(record)
    candidates = _list_keys.__wrapped__(keys) if len(keys) > _CACHED_KEYS else _list_keys(keys)
    for key in candidates:
        value = record[key]
        if isinstance(value, list) and all(isinstance(item, dict | list) for item in value):
            return value
    return None


def is_utterance(record: Any) -> bool:
    return (isinstance(record, dict) and lookup(record, ROLE_KEYS) is not None
            and lookup(record, TEXT_KEYS) is not None and turn_list(record) is None)


def is_call(record: Any) -> bool:
    if not isinstance(record, dict):
        return False
    items = turn_list(record)
    if items is not None:
        # any of the first items will do: one malformed sentence must not turn a call into "not a call"
        return any(is_utterance(i) or _is_pair(i) for i in items[:3]) or not items
    return False


def is_header(record: Any) -> bool:
    """A call header line in JSONL: call fields with a call id, or ``"type": "call"``."""
    if not isinstance(record, dict) or is_utterance(record):
        return False
    kind = str(record.get("type", record.get("record_type", ""))).lower()
    return kind in ("call", "header", "call_header") or "call_id" in call_fields_lenient(record)


def call_fields_lenient(record: dict[str, Any]) -> dict[str, Any]:
    try:
        return call_fields(record)
    except FieldError:
        return {"call_id": "?"}


def _is_pair(item: Any) -> bool:
    return isinstance(item, list) and len(item) == 2 and all(isinstance(x, str | int) for x in item)


def header_fields(record: dict[str, Any]) -> dict[str, Any]:
    """Call fields of a call record, nested header mappings included (the outer record wins)."""
    meta: dict[str, Any] = {}
    for key in NESTED_HEADER_KEYS:
        nested = record.get(key)
        if isinstance(nested, dict):
            meta.update(call_fields(nested))
    meta.update(call_fields(record))
    return meta


def _text_of(value: Any) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list):  # word objects or strings
        parts = []
        for word in value:
            if isinstance(word, dict):
                key = lookup(word, ("word", "text", "w", "content"))
                parts.append(str(word[key]) if key else "")
            else:
                parts.append(str(word))
        return "".join(parts)
    if value is None:
        return ""
    raise FieldError(f"text: expected a string, got {type(value).__name__}")


def _offset(record: dict[str, Any], names: tuple[str, ...], label: str) -> int | None:
    key = lookup(record, names)
    if key is None or record[key] is None:
        return None
    value = record[key]
    if isinstance(value, str) and _DATE_LIKE.match(value.strip()):
        return None  # a wall-clock time (Alibaba ``beginTime``), not an offset
    return to_ms(value, label)


def parse_turn(record: Any, roles: RoleMap) -> tuple[str, str, str, int | None, int | None]:
    """(role, raw label, text, begin_ms, end_ms) of one utterance; FieldError says what is wrong."""
    if _is_pair(record):
        label, text = str(record[0]), str(record[1])
        begin = end = None
    elif isinstance(record, dict):
        role_key = lookup(record, ROLE_KEYS)
        if role_key is None or record[role_key] in (None, ""):
            raise FieldError("utterance has no role (expected one of: " + ", ".join(ROLE_KEYS[:4]) + ")")
        label = str(record[role_key])
        text_key = lookup(record, TEXT_KEYS)
        text = _text_of(record[text_key]) if text_key is not None else ""
        begin = _offset(record, BEGIN_KEYS, "begin")
        end = _offset(record, END_KEYS, "end")
        if begin is not None and end is not None and end < begin:
            raise FieldError(f"end ({end}) is before begin ({begin})")
    else:
        raise FieldError(f"utterance must be a mapping, got {type(record).__name__}")
    role = roles.role(label)
    if role is None:
        raise FieldError(f"unknown speaker label {label!r} (map it with --role-alias '{label}=agent|debtor|…')")
    return role, label, text, begin, end


class TextLocator:
    """Positions of string values inside raw JSON text, found in order from a cursor.

    ``line_base`` shifts line numbers when ``text`` is one line of a larger file (JSONL).
    """

    def __init__(self, text: str, line_base: int = 0) -> None:
        self.text = text
        self._index: LineIndex | None = None
        self.line_base = line_base
        self.cursor = 0

    @property
    def index(self) -> LineIndex:
        # Built on first use: a JSONL line needs it only when one of its turns gets a finding.
        if self._index is None:
            self._index = LineIndex(self.text)
        return self._index

    def line_at(self, offset: int) -> int:
        return self.index.position(offset)[0] + self.line_base

    def seek(self, needle: str) -> int:
        """Move the cursor to the next occurrence of ``needle`` (if any); return the cursor."""
        if needle:
            found = self.text.find(needle, self.cursor)
            if found != -1:
                self.cursor = found
        return self.cursor

    def turn(self, role: str, label: str, text: str, begin: int | None, end: int | None) -> Turn:
        head = text[:20].split("\n")[0]
        start = self.seek(head)
        base = self.line_base
        inner: Any = None

        def locate(offset: int) -> tuple[int, int]:
            nonlocal inner
            if inner is None:  # built for the few turns that get a finding, not for every turn
                inner = piecewise(self.index, text, start, start)
            line, column = inner(offset)
            return line + base, column

        def raw_line(line: int) -> str:
            return self.index.line_text(line - base)

        self.cursor = start + len(head)
        return Turn(role, label, text, locate, begin, end, raw_line)


def call_from_record(record: dict[str, Any], path: str, locator: TextLocator, roles: RoleMap,
                     fmt: str, line: int) -> Call:
    """One call from a call record; FieldError carries the problem and ``.line`` when known."""
    call = Call(path=path, line=line, meta=header_fields(record), format=fmt)
    for number, item in enumerate(turn_list(record) or [], 1):
        try:
            role, label, text, begin, end = parse_turn(item, roles)
        except FieldError as err:
            problem = FieldError(f"turn {number}: {err}")
            text_key = lookup(item, TEXT_KEYS) if isinstance(item, dict) else None
            if text_key is not None and isinstance(item[text_key], str):
                locator.seek(item[text_key][:20])
            problem.line = locator.line_at(locator.cursor)  # type: ignore[attr-defined]
            raise problem from None
        call.turns.append(locator.turn(role, label, text, begin, end))
    return call
