"""话术 libraries: many scripts in one file, each with an id and a text.

Accepted shapes (YAML or JSON): a list of mappings; a mapping whose value under a list key
(``scripts``, ``entries``, ``items`` …) is such a list; a mapping of id → text; JSONL with one
mapping per line; CSV/TSV with a header that has an id column and a text column.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import yaml

from scriptlint.documents.limits import load_yaml, loads_json
from scriptlint.documents.positions import LineIndex, piecewise
from scriptlint.errors import InputError, NotScriptError
from scriptlint.model import Script, Segment

ID_FIELDS = ("id", "key", "code", "name", "编号", "标识", "title", "标题")
TEXT_FIELDS = ("text", "content", "script", "body", "话术", "内容", "message", "template", "文本")
LIST_KEYS = ("scripts", "entries", "items", "templates", "data", "话术", "records", "list")


def _pick(record: dict[str, Any], names: tuple[str, ...]) -> str | None:
    lowered = {str(k).lower(): k for k in record}
    for name in names:
        if name in lowered and isinstance(record[lowered[name]], str | int):
            return lowered[name]
    return None


def _entries(data: Any) -> list[tuple[str, str]] | None:
    """(id, text) pairs, or None when the data has no library shape."""
    if isinstance(data, dict):
        for key in LIST_KEYS:
            if isinstance(data.get(key), list):
                return _entries(data[key])
        if data and all(isinstance(v, str) for v in data.values()):
            return [(str(k), v) for k, v in data.items()]
        if data and all(isinstance(v, dict) for v in data.values()):
            pairs = []
            for key, record in data.items():
                text_key = _pick(record, TEXT_FIELDS)
                if text_key is None:
                    return None
                pairs.append((str(key), str(record[text_key])))
            return pairs
        return None
    if isinstance(data, list):
        pairs = []
        for number, record in enumerate(data, 1):
            if isinstance(record, str):
                pairs.append((str(number), record))
                continue
            if not isinstance(record, dict):
                return None
            text_key = _pick(record, TEXT_FIELDS)
            if text_key is None:
                return None
            id_key = _pick(record, ID_FIELDS)
            pairs.append((str(record[id_key]) if id_key else str(number), str(record[text_key])))
        return pairs
    return None


def _scripts(path: str, text: str, pairs: list[tuple[str, str]], hints: list[int] | None = None) -> list[Script]:
    index = LineIndex(text)
    scripts = []
    cursor = 0
    for number, (entry_id, value) in enumerate(pairs):
        if hints is not None:
            cursor = hints[number]
        else:
            found = text.find(entry_id, cursor)
            cursor = found if found != -1 else cursor
        locate = piecewise(index, value, cursor, cursor)
        segment = Segment(text=value, locate=locate, raw_line=index.line_text)
        scripts.append(Script(path=path, segments=[segment], entry=entry_id))
        cursor = max(cursor, _after(text, value, cursor))
    return scripts


def _after(text: str, value: str, cursor: int) -> int:
    head = value[:20].split("\n")[0]
    found = text.find(head, cursor) if head else -1
    return found + len(head) if found != -1 else cursor


def _no_entries(path: str) -> InputError:
    return NotScriptError(path, "no 话术 entries found: expected a list of {id, text} records")


def read_yaml(text: str, path: str) -> list[Script]:
    try:
        data = load_yaml(text)
    except yaml.MarkedYAMLError as err:
        mark = err.context_mark or err.problem_mark  # where an unclosed construct began, not the file's end
        raise InputError(path, f"invalid YAML: {err.problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as err:
        raise InputError(path, f"invalid YAML: {err}") from None
    pairs = _entries(data)
    if pairs is None:
        raise _no_entries(path)
    return _scripts(path, text, pairs)


def read_json(text: str, path: str) -> list[Script]:
    try:
        data = loads_json(text)
    except json.JSONDecodeError as err:
        raise InputError(path, f"invalid JSON: {err.msg}", err.lineno) from None
    pairs = _entries(data)
    if pairs is None:
        raise _no_entries(path)
    return _scripts(path, text, pairs)


def read_jsonl(text: str, path: str) -> list[Script]:
    pairs: list[tuple[str, str]] = []
    hints: list[int] = []
    offset = 0
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        start = offset
        offset += len(line)
        if not line.strip():
            continue
        try:
            record = loads_json(line)
        except json.JSONDecodeError as err:
            raise InputError(path, f"invalid JSON line: {err.msg}", number) from None
        found = _entries([record])
        if not found:
            raise InputError(path, "line has no text field", number)
        entry_id = found[0][0] if _pick(record, ID_FIELDS) else str(number)
        pairs.append((entry_id, found[0][1]))
        hints.append(start)
    return _scripts(path, text, pairs, hints)


def read_csv(text: str, path: str) -> list[Script]:
    dialect = "excel-tab" if path.lower().endswith(".tsv") else "excel"
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    try:
        fields = reader.fieldnames or []
    except csv.Error as err:  # the header row itself is malformed
        raise InputError(path, f"invalid CSV: {err}", reader.line_num + 1) from None
    probe = dict.fromkeys(fields, "")
    text_key, id_key = _pick(probe, TEXT_FIELDS), _pick(probe, ID_FIELDS)
    if text_key is None:
        raise NotScriptError(path, f"CSV needs a text column (one of: {', '.join(TEXT_FIELDS)})", 1)
    try:
        rows = list(reader)
    except csv.Error as err:
        # line_num counts the lines read before the one that failed
        raise InputError(path, f"invalid CSV: {err}", reader.line_num + 1) from None
    pairs = [(str(row.get(id_key) or n) if id_key else str(n), row.get(text_key) or "")
             for n, row in enumerate(rows, 1)]
    return _scripts(path, text, pairs)
