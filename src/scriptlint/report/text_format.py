"""The default human format: each finding with its excerpt underlined, then scores and a summary."""

from __future__ import annotations

from typing import IO, Any

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from scriptlint.gate import shown
from scriptlint.report.summary import Summary

SCORE_ROWS = 200

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
SEVERITY_ZH = {"error": "错误", "warning": "警告", "info": "提示"}


def _where(result, finding) -> str:
    entry = f"[{result.entry}]" if result.entry is not None else ""
    return f"{result.path}{entry}:{finding.line}:{finding.column}"


def _excerpt(finding) -> list[Text]:
    excerpt = finding.excerpt.replace("\t", " ")
    start, end = finding.excerpt_span
    first_line_end = excerpt.find("\n")
    if first_line_end != -1:
        excerpt = excerpt[:first_line_end]
        end = min(end, len(excerpt))
    line = Text("    │ ")
    line.append(excerpt[:start])
    line.append(excerpt[start:end], style="bold underline")
    line.append(excerpt[end:])
    # Carets under the match, counted in terminal cells so wide characters line up.
    marker = Text("    │ " + " " * cell_len(excerpt[:start]))
    marker.append("^" * max(1, cell_len(excerpt[start:end])), style=SEVERITY_STYLE.get(finding.severity, ""))
    return [line, marker]


class Writer:
    """Findings are printed as each report arrives; the score table (first 200 scripts) and the
    summary when the batch ends."""

    def __init__(self, stream: IO[str], *, color: bool | None = None, show_scores: bool = True,
                 **_options: Any) -> None:
        self.console = Console(file=stream, highlight=False, soft_wrap=True,
                               force_terminal=color if color else None, no_color=color is False,
                               width=200 if not stream.isatty() else None)
        self.show_scores = show_scores
        self.summary = Summary()
        self.rows: list[tuple[str, dict[str, int], int]] = []  # the score table's first rows
        self.results = 0

    def add(self, report: Any) -> None:
        console = self.console
        self.summary.add(report)
        if report.error is not None:
            console.print(Text(f"{report.error}", style="red"))
            return
        for result in report.results:
            self.results += 1
            if len(self.rows) < SCORE_ROWS:
                label = result.path + (f"[{result.entry}]" if result.entry is not None else "")
                self.rows.append((label, result.scores, len(result.findings)))
            for finding in result.findings:
                if not shown(finding):
                    continue
                head = Text()
                head.append(_where(result, finding), style="bold")
                head.append("  ")
                head.append(finding.rule, style="magenta")
                head.append("  ")
                head.append(SEVERITY_ZH.get(finding.severity, finding.severity),
                            style=SEVERITY_STYLE.get(finding.severity, ""))
                if finding.suppressed is not None:
                    head.append(f"  (已标注: {finding.suppressed})", style="dim")
                if finding.speaker:
                    head.append(f"  [{finding.speaker}]", style="dim")
                head.append("  " + finding.message)
                console.print(head)
                for line in _excerpt(finding):
                    console.print(line)
                console.print(Text(f"    │ 依据: {finding.basis}", style="dim"))
                console.print(Text(f"    └ 建议: {finding.suggestion}", style="green"))

    def close(self, **_options: Any) -> None:
        if self.show_scores:
            self._scores()
        self._summary()

    def _scores(self) -> None:
        if not self.rows:
            return
        table = Table(title="评分 Scores", title_justify="left", show_lines=False)
        table.add_column("script")
        for name in ("合法合规 legal", "尊重与专业 respect", "overall", "findings"):
            table.add_column(name, justify="right")
        for label, scores, findings in self.rows:
            overall = scores["overall"]
            style = "green" if overall >= 80 else "yellow" if overall >= 60 else "red"
            # Text, not a str: a path or call id holding "[/x]" is not rich markup
            table.add_row(Text(label), str(scores["legal"]), str(scores["respect"]),
                          Text(str(overall), style=style), str(findings))
        if self.results > SCORE_ROWS:
            table.add_row(f"… {self.results - SCORE_ROWS} more", "", "", "", "")
        self.console.print(table)

    def _summary(self) -> None:
        summary = self.summary.to_json()
        counts = summary["by_severity"]
        line = Text(
            f"{summary['files']} file(s), {summary['scripts']} script(s): "
            f"{counts['error']} error(s), {counts['warning']} warning(s), {counts['info']} info",
            style="bold",
        )
        if summary["suppressed"]:
            line.append(f"; {summary['suppressed']} suppressed", style="dim")
        if summary["input_errors"]:
            line.append(f"; {summary['input_errors']} input error(s)", style="red")
        self.console.print(line)
