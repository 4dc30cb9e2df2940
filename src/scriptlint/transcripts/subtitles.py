"""SRT and WebVTT transcripts: each cue is a turn whose speaker is named by a prefix.

Speaker prefixes: ``坐席：…`` / ``[坐席] …`` / ``(坐席) …`` in SRT or VTT, and the voice tag
``<v 坐席>…`` in VTT.  Call fields may be given as ``NOTE field: value`` (VTT) or
``# field: value`` lines before the first cue.  One file holds one call; a cue without a known
speaker or with a malformed timing line is an error naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from scriptlint.documents.positions import LineIndex, linear
from scriptlint.errors import InputError
from scriptlint.transcripts.call import Call, FieldError, Turn, call_fields, canonical_field, to_ms
from scriptlint.transcripts.roles import RoleMap

TIMING = re.compile(r"^\s*(?P<begin>\S+)\s+-->\s+(?P<end>\S+)")
_VOICE = re.compile(r"^<v(?:\.[\w.]+)?\s+(?P<label>[^>]+)>")
_BRACKET = re.compile(r"^[\[【(（](?P<label>[^\]】)）]{1,16})[\]】)）]\s*")
_COLON = re.compile(r"^(?P<label>[^:：\s][^:：]{0,15}?)\s*[:：]\s*")
_FIELD = re.compile(r"^(?:NOTE\s+|#\s*)(?P<key>[^:：=\n]+?)\s*[:：=]\s*(?P<value>.*?)\s*$")


def read_subtitle_calls(text: str, path: str, roles: RoleMap, fmt: str) -> Iterator[Call | InputError]:
    try:
        yield _read(text, path, roles, fmt)
    except _CueError as err:
        yield InputError(path, err.problem, err.line)


class _CueError(Exception):
    def __init__(self, problem: str, line: int) -> None:
        super().__init__(problem)
        self.problem, self.line = problem, line


def _blocks(text: str) -> Iterator[list[tuple[int, int, str]]]:
    """Blank-line separated blocks of (line number, offset of line start, line without newline)."""
    block: list[tuple[int, int, str]] = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        body = line.rstrip("\r\n")
        if body.strip():
            block.append((number, offset, body))
        elif block:
            yield block
            block = []
        offset += len(line)
    if block:
        yield block


def _read(text: str, path: str, roles: RoleMap, fmt: str) -> Call:
    index = LineIndex(text)
    call = Call(path=path, line=1, format=fmt, meta={"call_id": Path(path).stem})
    for block in _blocks(text):
        first = block[0][2].lstrip("\ufeff")
        timing_at = next((i for i, (_n, _o, body) in enumerate(block) if "-->" in body), None)
        if timing_at is None:
            for number, _offset, body in block:
                _meta_line(call, body, number, path)
            continue  # WEBVTT header, NOTE, STYLE, REGION, or header lines
        if first.startswith(("NOTE", "STYLE", "REGION")):
            continue
        number, _offset, body = block[timing_at]
        timing = TIMING.match(body)
        if timing is None:
            raise _CueError("malformed cue timing (expected 00:00:01,000 --> 00:00:04,000)", number)
        try:
            begin, end = to_ms(timing.group("begin"), "begin"), to_ms(timing.group("end"), "end")
        except FieldError as err:
            raise _CueError(f"cue timing: {err}", number) from None
        lines = block[timing_at + 1:]
        if not lines:
            continue  # an empty cue
        text_line, text_offset, text_body = lines[0]
        prefix = _VOICE.match(text_body) or _BRACKET.match(text_body) or _COLON.match(text_body)
        role = roles.role(prefix.group("label")) if prefix else None
        if role is None:
            label = f" {prefix.group('label')!r}" if prefix else ""
            raise _CueError(f"cue has no known speaker{label} (expected e.g. 坐席: or <v 坐席>)", text_line)
        assert prefix is not None
        start = text_offset + prefix.end()
        stop = lines[-1][1] + len(lines[-1][2])
        cue_text = text[start:stop]
        if cue_text.endswith("</v>"):
            cue_text = cue_text[:-4]
        call.turns.append(Turn(role, prefix.group("label"), cue_text, linear(index, start), begin, end,
                               index.line_text))
    return call


def _meta_line(call: Call, body: str, number: int, path: str) -> None:
    match = _FIELD.match(body.strip())
    if match is None:
        return
    canon = canonical_field(match.group("key"))
    if canon is None:
        return
    try:
        call.meta.update(call_fields({canon: match.group("value")}))
    except FieldError as err:
        raise _CueError(str(err), number) from None
