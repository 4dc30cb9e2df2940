"""``--format json``: exactly one JSON document (the contract in the README).

The document is written as the batch goes: the header, then each file entry as its report
arrives, then the summary — byte for byte what ``json.dump(document, indent=2)`` would write, but
without holding the batch in memory."""

from __future__ import annotations

import json
from typing import IO, Any

from scriptlint.baseline import fingerprint
from scriptlint.report.summary import Summary

JSON_VERSION = 1


def entries(report: Any) -> list[dict[str, Any]]:
    """The ``files`` entries of one report: one per script/call, or one for an input error."""
    if report.error is not None:
        return [{"path": report.path, "error": str(report.error), "scores": None, "findings": []}]
    items = []
    for result in report.results:
        item: dict[str, Any] = {
            "path": result.path,
            "entry": result.entry,
            "scores": result.scores,
            "practices": result.practices,
            "findings": [{**f.to_json(), "fingerprint": fingerprint(f)} for f in result.findings],
        }
        if result.meta:
            item["meta"] = result.meta
        items.append(item)
    return items


def document(reports: list) -> dict[str, Any]:
    summary = Summary()
    files = []
    for report in reports:
        summary.add(report)
        files.extend(entries(report))
    return {"version": JSON_VERSION, "files": files, "summary": summary.to_json()}


def _nested(value: Any, depth: int) -> str:
    # ``json.dumps(indent=2)`` of a value that sits ``depth`` levels deep in the document: strings
    # never hold a raw newline (JSON escapes it), so re-indenting line starts is exact.
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + "  " * depth)


class Writer:
    def __init__(self, stream: IO[str], *, groups: dict[str, Any] | None = None, **_options: Any) -> None:
        self.stream = stream
        self.groups = groups
        self.summary = Summary()
        self.count = 0

    def add(self, report: Any) -> None:
        self.summary.add(report)
        for item in entries(report):
            if self.count == 0:
                self.stream.write(f'{{\n  "version": {JSON_VERSION},\n  "files": [')
            self.stream.write(("\n    " if self.count == 0 else ",\n    ") + _nested(item, 2))
            self.count += 1

    def close(self, *, groups: dict[str, Any] | None = None, **_options: Any) -> None:
        groups = groups if groups is not None else self.groups
        out = self.stream
        out.write(f'{{\n  "version": {JSON_VERSION},\n  "files": []' if self.count == 0 else "\n  ]")
        out.write(',\n  "summary": ' + _nested(self.summary.to_json(), 1))
        if groups is not None:  # ``check --group-by``: per agent/team/day totals
            out.write(',\n  "groups": ' + _nested(groups, 1))
        out.write("\n}\n")
