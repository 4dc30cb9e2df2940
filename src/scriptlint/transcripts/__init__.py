"""Call transcripts: JSONL, JSON (ASR/QA service shape), SRT, WebVTT and role-prefixed text.

``open_calls(path)`` decides from the suffix and the content whether a file is a transcript and
returns a ``CallSource`` that can be iterated (more than once: the batch layer makes a first pass
over call headers) into ``Call`` objects or an ``InputError`` per malformed call.  JSONL is read
line by line; the other formats hold one file in memory.  ``sniff_text`` is registered in
``documents.SNIFFERS`` so already-decoded text (stdin, ``Linter.lint_source``) is recognised too;
話术 libraries (records with an id and a text but no role) are left to the library readers.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from scriptlint.documents.decode import decode, looks_binary
from scriptlint.documents.limits import loads_json
from scriptlint.errors import InputError
from scriptlint.model import Script
from scriptlint.transcripts.call import Call
from scriptlint.transcripts.json_call import read_json_calls, sniff_json
from scriptlint.transcripts.jsonl import read_jsonl_lines, sniff_record
from scriptlint.transcripts.roles import DEFAULT_ROLES, RoleMap
from scriptlint.transcripts.subtitles import TIMING, read_subtitle_calls
from scriptlint.transcripts.text import looks_like_text_transcript, read_text_calls

JSONL_SUFFIXES = {".jsonl", ".ndjson"}
TEXT_SUFFIXES = {".txt", ".text", ""}
SNIFF_LINES = 5


@dataclass
class CallSource:
    """The calls of one input.  ``text`` is set for in-memory inputs and whole-file formats."""

    path: str
    format: str  # jsonl | json | srt | vtt | text
    roles: RoleMap = DEFAULT_ROLES
    encoding: str | None = None
    text: str | None = None

    def __iter__(self) -> Iterator[Call | InputError]:
        return self.calls()

    def headers(self) -> Iterator[Call | InputError]:
        """The same sequence of calls, with turn texts left out where that saves work (JSONL)."""
        return self.calls(headers_only=True)

    def calls(self, headers_only: bool = False) -> Iterator[Call | InputError]:
        if self.format == "jsonl":
            lines = self._file_lines() if self.text is None else enumerate(self.text.splitlines(), 1)
            yield from read_jsonl_lines(lines, self.path, self.roles, headers_only)
            return
        try:
            text = self.text if self.text is not None else decode(Path(self.path).read_bytes(), self.path,
                                                                  self.encoding)
        except OSError as err:
            yield InputError(self.path, f"cannot read: {err.strerror or err}")
            return
        except InputError as err:
            yield err
            return
        if self.format == "json":
            yield from read_json_calls(text, self.path, self.roles)
        elif self.format in ("srt", "vtt"):
            yield from read_subtitle_calls(text, self.path, self.roles, self.format)
        else:
            yield from read_text_calls(text, self.path, self.roles)

    def _file_lines(self) -> Iterator[tuple[int, str]]:
        with open(self.path, "rb") as handle:
            head = handle.read(2)
            handle.seek(0)
            if head in (b"\xff\xfe", b"\xfe\xff"):  # UTF-16 cannot be split on b"\n": decode whole
                yield from enumerate(decode(handle.read(), self.path, self.encoding).splitlines(), 1)
                return
            for number, raw in enumerate(handle, 1):
                if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                yield number, _decode_line(raw, self.encoding)


def _decode_line(raw: bytes, encoding: str | None) -> str:
    if encoding:
        return raw.decode(encoding, errors="replace")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


def _jsonl_head(lines: list[str]) -> bool:
    for line in lines:
        try:
            if sniff_record(loads_json(line)):
                return True
        except json.JSONDecodeError:
            continue
    return False


def open_calls(path: str, encoding: str | None = None, roles: RoleMap = DEFAULT_ROLES) -> CallSource | None:
    """A CallSource when ``path`` is a call transcript, else None (a draft or a 话术 library)."""
    suffix = Path(path).suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            head: list[str] = []
            with open(path, "rb") as handle:
                sample = handle.read(2)
                handle.seek(0)
                if sample in (b"\xff\xfe", b"\xfe\xff"):
                    return _from_file(path, decode(handle.read(), path, encoding), roles, encoding)
                for raw in handle:
                    if raw.strip():
                        head.append(_decode_line(raw.lstrip(b"\xef\xbb\xbf"), encoding))
                    if len(head) >= SNIFF_LINES:
                        break
            return CallSource(path, "jsonl", roles, encoding) if _jsonl_head(head) else None
        if suffix in (".json", ".srt", ".vtt") or suffix in TEXT_SUFFIXES:
            data = Path(path).read_bytes()
            if looks_binary(data):
                return None
            return _from_file(path, decode(data, path, encoding), roles, encoding)
    except (OSError, InputError):
        return None  # the document readers report unreadable files
    return None


def _from_file(path: str, text: str, roles: RoleMap, encoding: str | None = None) -> CallSource | None:
    # The text is not kept: each pass re-reads the file, so a directory of many calls stays small.
    fmt = sniff_format(path, text, roles)
    return None if fmt is None else CallSource(path, fmt, roles, encoding)


def sniff_format(path: str, text: str, roles: RoleMap = DEFAULT_ROLES) -> str | None:
    """The transcript format of decoded ``text`` or None."""
    suffix = Path(path).suffix.lower()
    body = text.lstrip("\ufeff \t\r\n")
    if suffix == ".vtt" or body.startswith("WEBVTT"):
        return "vtt"
    if suffix == ".srt" or (suffix in TEXT_SUFFIXES and _srt_like(body)):
        return "srt"
    if body.startswith(("{", "[")) and suffix in TEXT_SUFFIXES | JSONL_SUFFIXES | {".json"}:
        try:
            data = loads_json(body)
        except json.JSONDecodeError:
            data = None
        if data is not None:
            return "json" if sniff_json(data) else None
        lines = [line for line in body.splitlines() if line.strip()][:SNIFF_LINES]
        if _jsonl_head(lines):
            return "jsonl"
    if suffix in TEXT_SUFFIXES and looks_like_text_transcript(text, roles):
        return "text"
    return None


def _srt_like(body: str) -> bool:
    lines = body.splitlines()[:3]
    return len(lines) >= 2 and lines[0].strip().isdigit() and TIMING.match(lines[1]) is not None


def sniff_text(path: str, text: str) -> list[Script] | None:
    """``documents.SNIFFERS`` hook: Scripts for a transcript (first malformed call raises)."""
    fmt = sniff_format(path, text)
    if fmt is None:
        return None
    scripts = []
    for item in CallSource(path, fmt, DEFAULT_ROLES, None, text):
        if isinstance(item, InputError):
            raise item
        scripts.append(item.to_script())
    return scripts


__all__ = ["Call", "CallSource", "RoleMap", "open_calls", "sniff_format", "sniff_text"]
