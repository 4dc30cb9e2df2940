"""Plain-text transcripts: one turn per line with a role prefix.

    # call_id: C-0012              ← optional header lines "# field: value" (call fields)
    # start: 2026-03-02 21:59:00+08:00
    [00:00:01] 坐席：您好，我是XX银行信用卡中心的李明，工号1024。
    [00:00:05] 客户：嗯，你说。
    A: …                            ← A/B, 坐席/客户 and any configured alias
    一行没有前缀的文字接在上一轮后面。

A ``# call_id:`` header after turns starts the next call, so one file can hold many calls.
Turn text is a verbatim slice of the file, so findings point at the exact line and column.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scriptlint.documents.positions import LineIndex, linear
from scriptlint.errors import InputError
from scriptlint.transcripts.call import Call, FieldError, Turn, call_fields, canonical_field, to_ms
from scriptlint.transcripts.roles import RoleMap

_STAMP = r"\[(?P<begin>[^\]\-–>]*?)(?:\s*(?:-->|-|–|~)\s*(?P<end>[^\]]*?))?\]"
TURN_LINE = re.compile(rf"^[ \t]*(?:{_STAMP}[ \t]*)?(?P<label>[^:：\[\]\s#][^:：\[\]]{{0,15}}?)[ \t]*[:：][ \t]*")
STAMP_ONLY = re.compile(rf"^[ \t]*{_STAMP}")
HEADER_LINE = re.compile(r"^[ \t]*#[ \t]*(?P<key>[^:：=]+?)[ \t]*[:：=][ \t]*(?P<value>.*?)[ \t]*$")


def prefixed_share(text: str, roles: RoleMap, sample: int = 200) -> tuple[int, int, int]:
    """(turn lines, content lines, call-field header lines) among the first ``sample`` content
    lines, for sniffing."""
    turns = content = headers = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        if line.lstrip().startswith("#"):
            header = HEADER_LINE.match(line)
            headers += bool(header and canonical_field(header.group("key")))
            continue
        content += 1
        match = TURN_LINE.match(line)
        if match and roles.role(match.group("label")) is not None:
            turns += 1
        if content >= sample:
            break
    return turns, content, headers


def looks_like_text_transcript(text: str, roles: RoleMap) -> bool:
    """Mostly role-prefixed lines: two turns or more, or any with ``# call_id:``-style headers."""
    turns, content, headers = prefixed_share(text, roles)
    return (turns >= 2 or headers >= 1) and turns >= 0.6 * content


def read_text_calls(text: str, path: str, roles: RoleMap, fmt: str = "text") -> Iterator[Call | InputError]:
    index = LineIndex(text)
    call = Call(path=path, line=1, format=fmt)
    error: InputError | None = None
    turn_start: int | None = None  # offset where the open turn's text begins
    turn_end = 0
    head: tuple[str, str, int | None, int | None] | None = None
    header_seen = False

    def close_turn() -> None:
        nonlocal turn_start, head
        if turn_start is not None and head is not None:
            role, label, begin, end = head
            call.turns.append(Turn(role, label, text[turn_start:turn_end], linear(index, turn_start),
                                   begin, end, index.line_text))
        turn_start, head = None, None

    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        line_start, offset = offset, offset + len(line)
        body = line.rstrip("\r\n")
        if not body.strip():
            continue
        header = HEADER_LINE.match(body)
        if header and body.lstrip().startswith("#"):
            canon = canonical_field(header.group("key"))
            if canon is None:
                continue  # a comment
            if canon == "call_id" and (call.turns or turn_start is not None or "call_id" in call.meta):
                close_turn()
                if call.turns or header_seen:
                    yield error if error is not None else call
                call, error, header_seen = Call(path=path, line=number, format=fmt), None, False
            header_seen = True
            try:
                call.meta.update(call_fields({canon: header.group("value")}))
            except FieldError as err:
                error = error or InputError(path, _where(call) + str(err), number)
            continue
        match = TURN_LINE.match(body)
        role = roles.role(match.group("label")) if match else None
        stamped = STAMP_ONLY.match(body)
        if role is None:
            if stamped and error is None:
                problem = (f"unknown speaker label {match.group('label')!r}" if match
                           else "turn has no speaker (expected e.g. 坐席: or 客户:)")
                error = InputError(path, _where(call) + problem, number)
            elif turn_start is None and error is None:
                error = InputError(path, _where(call) + "line has no speaker prefix (expected e.g. 坐席: or 客户:)",
                                   number)
            else:
                turn_end = line_start + len(body)  # a continuation of the open turn
            continue
        close_turn()
        assert match is not None
        try:
            begin = to_ms(match.group("begin"), "time") if match.group("begin") else None
            end = to_ms(match.group("end"), "time") if match.group("end") else None
        except FieldError as err:
            error = error or InputError(path, _where(call) + str(err), number)
            continue
        turn_start, turn_end = line_start + match.end(), line_start + len(body)
        head = (role, match.group("label"), begin, end)
    close_turn()
    if call.turns or header_seen or error is not None:
        yield error if error is not None else call


def _where(call: Call) -> str:
    return f"call {call.meta['call_id']}: " if "call_id" in call.meta else ""
