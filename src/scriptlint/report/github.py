"""``--format github``: GitHub Actions workflow commands, one annotation per finding.

    ::error file=drafts/a.md,line=3,endLine=3,col=5,endColumn=12,title=THREAT-001::以伤害…

info becomes ``notice``.  Values are escaped as the runner expects (``%``, CR, LF; in
properties also ``:`` and ``,``).  Suppressed findings are not annotated.
"""

from __future__ import annotations

from typing import IO, Any

from scriptlint.gate import shown
from scriptlint.report.summary import Summary

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class Writer:
    def __init__(self, stream: IO[str], **_options: Any) -> None:
        self.stream = stream
        self.summary = Summary()

    def add(self, report: Any) -> None:
        stream = self.stream
        self.summary.add(report)
        if report.error is not None:
            stream.write(f"::error file={_property(report.path)},title=scriptlint::{_data(str(report.error))}\n")
            return
        for result in report.results:
            for f in result.findings:
                if not shown(f):
                    continue
                entry = f" [{result.entry}]" if result.entry is not None else ""
                props = (f"file={_property(result.path)},line={f.line},endLine={f.end_line},"
                         f"col={f.column},endColumn={f.end_column},title={_property(f.rule + entry)}")
                text = f"{f.message}（{f.excerpt.strip()}）建议: {f.suggestion}"
                if f.suppressed is not None:
                    text += f"（已标注: {f.suppressed}）"
                stream.write(f"::{COMMAND.get(f.severity, 'warning')} {props}::{_data(text)}\n")

    def close(self, **_options: Any) -> None:
        summary = self.summary.to_json()
        counts = summary["by_severity"]
        self.stream.write(f"scriptlint: {summary['files']} file(s), {summary['scripts']} script(s): "
                          f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info\n")
