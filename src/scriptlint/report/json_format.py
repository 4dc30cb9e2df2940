"""``--format json``: exactly one JSON document (the contract in the README)."""

from __future__ import annotations

import json
from typing import IO, Any

from scriptlint.baseline import fingerprint
from scriptlint.report.summary import summarize

JSON_VERSION = 1


def document(reports: list) -> dict[str, Any]:
    files = []
    for report in reports:
        if report.error is not None:
            files.append({"path": report.path, "error": str(report.error), "scores": None, "findings": []})
            continue
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
            files.append(item)
    return {"version": JSON_VERSION, "files": files, "summary": summarize(reports)}


def render(reports: list, stream: IO[str], *, groups: dict[str, Any] | None = None, **_options: Any) -> None:
    data = document(reports)
    if groups is not None:  # ``check --group-by``: per agent/team/day totals
        data["groups"] = groups
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
