"""``--format junit``: one ``<testsuite>`` per file, one ``<testcase>`` per script or library entry.

A test case fails when its script fails the gate (findings at or above ``fail-on``, or a score
under ``fail-under``); an unreadable input is an ``<error>``.  CI systems (GitLab, Jenkins, Azure)
show these as test results.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import IO, Any

from scriptlint.gate import Policy, shown

# Characters XML 1.0 forbids even escaped; ElementTree writes them as they are, which no parser reads.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _line(result, finding) -> str:
    where = f"{result.path}:{finding.line}:{finding.column}"
    if finding.turn is not None:
        where += f" turn {finding.turn}" + (f" @{finding.begin_ms}ms" if finding.begin_ms is not None else "")
    if finding.speaker:
        where += f" [{finding.speaker}]"
    return f"{where} {finding.rule} {finding.severity} {finding.message}\n    {finding.excerpt.strip()}"


class Writer:
    """Builds the XML tree as reports arrive (test cases and failure texts, not the reports)."""

    def __init__(self, stream: IO[str], *, policy: Policy | None = None, **_options: Any) -> None:
        self.stream = stream
        self.policy = policy or Policy()
        self.root = ET.Element("testsuites", name="scriptlint")
        self.suites: dict[str, tuple[ET.Element, dict[str, int]]] = {}

    def add(self, report: Any) -> None:
        policy = self.policy
        # A transcript file yields one report per call: they share one suite.
        if report.path not in self.suites:
            self.suites[report.path] = (ET.SubElement(self.root, "testsuite", name=report.path),
                                        {"tests": 0, "failures": 0, "errors": 0})
        suite, counts = self.suites[report.path]
        if report.error is not None:
            case = ET.SubElement(suite, "testcase", classname=report.path, name=report.path)
            ET.SubElement(case, "error", message=str(report.error), type="input-error")
            counts["tests"] += 1
            counts["errors"] += 1
        for result in report.results:
            name = result.entry if result.entry is not None else result.path
            case = ET.SubElement(suite, "testcase", classname=report.path, name=name)
            if result.meta.get("call_id") is not None:
                properties = ET.SubElement(case, "properties")
                for key in ("call_id", "agent_id", "agent_name", "team", "start"):
                    if result.meta.get(key) is not None:
                        ET.SubElement(properties, "property", name=key, value=str(result.meta[key]))
                for key, value in sorted(result.scores.items()):
                    ET.SubElement(properties, "property", name=f"score.{key}", value=str(value))
            counts["tests"] += 1
            failing = policy.failing(result)
            low = policy.low_scores(result)
            if failing or low:
                counts["failures"] += 1
                lines = [_line(result, f) for f in failing]
                lines += [f"score {key} = {score} < {minimum:g}" for key, score, minimum in low]
                message = f"{len(failing)} finding(s)" + (f", {len(low)} score(s) too low" if low else "")
                failure = ET.SubElement(case, "failure", message=message,
                                        type=failing[0].rule if failing else "fail-under")
                failure.text = "\n".join(lines)
            rest = [f for f in result.findings if shown(f) and f not in failing]
            if rest:
                ET.SubElement(case, "system-out").text = "\n".join(_line(result, f) for f in rest)

    def document(self) -> ET.Element:
        totals = {"tests": 0, "failures": 0, "errors": 0}
        for suite, counts in self.suites.values():
            for key, value in counts.items():
                suite.set(key, str(value))
                totals[key] += value
        for key, value in totals.items():
            self.root.set(key, str(value))
        return self.root

    def close(self, **_options: Any) -> None:
        root = self.document()
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(_NOT_XML.sub("\ufffd", ET.tostring(root, encoding="unicode")))
        self.stream.write("\n")
