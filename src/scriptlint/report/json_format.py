"""``--format json``: exactly one JSON document (the contract in the README)."""

from __future__ import annotations

import json
from typing import IO, Any

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
                "findings": [f.to_json() for f in result.findings],
            }
            if result.meta:
                item["meta"] = result.meta
            files.append(item)
    return {"version": JSON_VERSION, "files": files, "summary": summarize(reports)}


def render(reports: list, stream: IO[str], **_options: Any) -> None:
    json.dump(document(reports), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
