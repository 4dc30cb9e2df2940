"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning.

Every loaded rule is declared in ``tool.driver.rules`` (with its message, legal basis and
suggestion), so "rule ran and found nothing" differs from "rule removed".  Columns are code
points (``columnKind: unicodeCodePoints``); ``partialFingerprints`` are the baseline fingerprints
(stable across line moves); suppressed findings carry ``suppressions`` (inSource for directives
and counter-example marks, external for the baseline).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from scriptlint import __version__
from scriptlint.baseline import fingerprint
from scriptlint.suppress import META_RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _uri(path: str) -> str:
    """A relative URI where possible: code scanning maps results by repository-relative path."""
    if path.startswith("<"):
        return quote(path, safe="")
    given = Path(path)
    if given.is_absolute():
        try:
            given = given.relative_to(Path.cwd())
        except ValueError:
            return given.as_uri()
    return quote(given.as_posix().removeprefix("./"), safe="/")


def _rule(rule) -> dict[str, Any]:
    help_text = f"{rule.message}\n依据: {rule.basis_text}\n建议: {rule.suggestion}"
    return {
        "id": rule.id,
        "name": rule.name,
        "shortDescription": {"text": rule.message},
        "fullDescription": {"text": rule.description or rule.message},
        "help": {"text": help_text,
                 "markdown": f"{rule.message}\n\n**依据**: {rule.basis_text}\n\n**建议**: {rule.suggestion}"},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": [rule.category, rule.principle, *rule.tags][:20], "category": rule.category,
                       "principle": rule.principle, "basis": [str(b) for b in rule.basis]},
    }


def _meta_rule(rule) -> dict[str, Any]:
    return {
        "id": rule.id, "name": rule.name,
        "shortDescription": {"text": rule.message}, "fullDescription": {"text": rule.description},
        "help": {"text": rule.description},
        "defaultConfiguration": {"level": LEVEL[rule.severity]},
        "properties": {"tags": ["suppression"], "category": "suppression"},
    }


def _suppressions(finding) -> list[dict[str, Any]]:
    kind = finding.extra.get("suppression", {}).get("kind")
    return [{"kind": "external" if kind == "baseline" else "inSource",
             "status": "accepted", "justification": finding.suppressed}]


def _result(result, finding, index: dict[str, int]) -> dict[str, Any]:
    region = {"startLine": finding.line, "startColumn": finding.column,
              "endLine": finding.end_line, "endColumn": finding.end_column,
              "snippet": {"text": finding.excerpt}}
    location: dict[str, Any] = {"physicalLocation": {"artifactLocation": {"uri": _uri(result.path)},
                                                     "region": region}}
    if result.entry is not None:
        location["logicalLocations"] = [{"name": result.entry, "kind": "member"}]
    message = finding.message + (f"\n建议: {finding.suggestion}" if finding.suggestion else "")
    item: dict[str, Any] = {
        "ruleId": finding.rule,
        "level": LEVEL.get(finding.severity, "warning"),
        "message": {"text": message},
        "locations": [location],
        "partialFingerprints": {"scriptlintFingerprint/v1": fingerprint(finding)},
        "properties": {"category": finding.category, "principle": finding.principle,
                       "excerpt": finding.excerpt, "entry": result.entry, "speaker": finding.speaker,
                       **{key: value for key, value in (("turn", finding.turn), ("begin_ms", finding.begin_ms),
                                                         ("end_ms", finding.end_ms)) if value is not None},
                       **finding.extra},
    }
    if finding.rule in index:
        item["ruleIndex"] = index[finding.rule]
    if finding.suppressed is not None:
        item["suppressions"] = _suppressions(finding)
    return item


class Writer:
    """Keeps the SARIF results (one per finding), not the reports; writes the log at the end."""

    def __init__(self, stream: IO[str], *, ruleset=None, **_options: Any) -> None:
        self.stream = stream
        self.rules = [_rule(r) for r in (ruleset.rules if ruleset is not None else [])]
        self.rules += [_meta_rule(r) for r in META_RULES.values()]
        self.index = {rule["id"]: number for number, rule in enumerate(self.rules)}
        self.results: list[dict[str, Any]] = []
        self.notifications: list[dict[str, Any]] = []

    def add(self, report: Any) -> None:
        self.results.extend(_result(result, finding, self.index)
                            for result in report.results for finding in result.findings)
        if report.error is not None:
            self.notifications.append(
                {"level": "error", "message": {"text": str(report.error)},
                 "locations": [{"physicalLocation": {"artifactLocation": {"uri": _uri(report.path)}}}]})

    def document(self) -> dict[str, Any]:
        run: dict[str, Any] = {
            "tool": {"driver": {"name": "scriptlint", "version": __version__, "semanticVersion": __version__,
                                "rules": self.rules}},
            "columnKind": "unicodeCodePoints",
            "results": self.results,
            "invocations": [{"executionSuccessful": not self.notifications,
                             "toolExecutionNotifications": self.notifications}],
        }
        return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}

    def close(self, **_options: Any) -> None:
        json.dump(self.document(), self.stream, ensure_ascii=False, indent=2)
        self.stream.write("\n")
