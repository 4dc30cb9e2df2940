"""``scriptlint check`` as a gate: configuration, baseline, output and exit status.

The CLI builds a ``Run`` from its options, lints with ``run.linter`` and hands the reports to
``run.finish``, which returns the exit status: 0 pass, 1 the gate failed (findings at or above
``fail-on``, or a score under ``fail-under``), 2 an input, usage or configuration error.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import IO, Any

import click

from scriptlint import config as configuration
from scriptlint.config import FAIL_ON, FORMATS, Config
from scriptlint.errors import NotScriptError
from scriptlint.gate import Policy

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

_CONFIG_OPTIONS = [
    click.option("--config", "config_file", metavar="FILE", default=None,
                 help="Use this pyproject.toml or scriptlint.toml instead of discovering one."),
    click.option("--isolated", is_flag=True, help="Ignore configuration files."),
    click.option("--select", multiple=True, metavar="IDS",
                 help="Only these rule ids or prefixes, comma-separated (e.g. THREAT,PRIVACY-002)."),
    click.option("--ignore", multiple=True, metavar="IDS", help="Skip these rule ids or prefixes."),
    click.option("--per-file-ignores", multiple=True, metavar="GLOB=IDS",
                 help="Skip rules in matching files, e.g. 'training/**=THREAT' (repeatable)."),
    click.option("--severity", multiple=True, metavar="ID=LEVEL",
                 help="Override a rule's (or prefix's) severity, e.g. INSULT=warning (repeatable)."),
    click.option("--exclude", multiple=True, metavar="GLOB", help="Do not lint matching files (repeatable)."),
    click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
                 help="Lowest severity that fails the run [config default: error]."),
    click.option("--fail-under", multiple=True, metavar="[SCORE=]N",
                 help="Fail when a script's overall (or legal, respect) score is below N (repeatable)."),
    click.option("--score-weight", multiple=True, metavar="KEY=VALUE",
                 help="Override a scoring weight, e.g. penalty.error=40 or overall.legal=0.7 (repeatable)."),
]
_GATE_OPTIONS = [
    click.option("--baseline", "baseline_file", metavar="FILE", default=None,
                 help="Findings recorded in this baseline do not count."),
    click.option("--write-baseline", metavar="FILE", default=None,
                 help="Record the current findings as the baseline in FILE and exit 0."),
    click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings fail the gate."),
    click.option("--statistics", is_flag=True, help="Print counts per rule and per category instead."),
    click.option("--show-pii", is_flag=True,
                 help="Do not mask ID-card, bank-card and phone numbers in the output."),
    click.option("--skip-non-scripts", is_flag=True,
                 help="Skip YAML/JSON/CSV files that hold no scripts instead of failing (pre-commit)."),
]


def _apply(options: list[Callable[[Any], Any]]) -> Callable[[Any], Any]:
    def decorate(command: Any) -> Any:
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


config_options = _apply(_CONFIG_OPTIONS)
gate_options = _apply(_GATE_OPTIONS)
format_choice = click.Choice(FORMATS)


def load_config(paths: Iterable[str], options: dict[str, Any]) -> Config:
    base = configuration.load(paths, options.get("config_file"), bool(options.get("isolated")))
    return configuration.apply_cli(base, options)


@dataclass
class Run:
    config: Config
    linter: Any  # scriptlint.api.Linter
    output_format: str
    options: dict[str, Any]

    @classmethod
    def from_options(cls, paths: Iterable[str], *, packs: Iterable[str] = (), builtin: bool = True,
                     encoding: str | None = None, output_format: str | None = None, **options: Any) -> Run:
        from scriptlint.api import Linter
        from scriptlint.baseline import Baseline

        paths = list(paths)
        config = load_config(paths, {**options, "encoding": encoding})
        if output_format is not None:
            config = config.with_value("format", output_format, "command line")
        baseline_file = options.get("baseline_file") or config["baseline"]
        baseline = None
        if baseline_file and not (options.get("write_baseline") and not _exists(baseline_file)):
            baseline = Baseline.read(baseline_file)
        from scriptlint.transcripts.roles import parse_aliases

        try:
            aliases = parse_aliases([f"{label}={role}" for label, role in config["role-aliases"].items()])
        except ValueError as err:
            raise configuration.ConfigError(str(err)) from None
        linter = Linter(packs=packs, builtin=builtin, config=config, baseline=baseline,
                        profile=config["profile"], role_aliases=aliases)
        return cls(config, linter, config["format"], options)

    @property
    def policy(self) -> Policy:
        return Policy(self.config["fail-on"], self.config.fail_under)

    def finish(self, reports: Iterable[Any], stream: IO[str], grouping: Any = None, **render_options: Any) -> int:
        """Report, write the baseline if asked, and return the exit status.

        ``reports`` is consumed once, as it comes (a batch is streamed): the format's writer gets
        each report, and only counts, input errors and the lines explaining low scores are kept.
        ``grouping`` (``check --group-by``) is complete once ``reports`` is: its totals go into the
        JSON document's end."""
        from scriptlint.report import statistics as stats
        from scriptlint.report import writer

        skip = self.config["skip-non-scripts"]
        mask = self.config["mask-pii"]
        policy = self.policy
        explain = bool(self.config.fail_under) and self.output_format == "text"
        input_errors: list[Any] = []
        low_scores: list[str] = []
        failed = False
        write_to = self.options.get("write_baseline")
        kept: list[Any] = []  # --write-baseline only: the reports that have findings
        tally = stats.Counts() if self.options.get("statistics") and not write_to else None
        out = None if write_to or tally is not None else writer(
            self.output_format, stream, mask=mask, ruleset=self.linter.ruleset, policy=policy, **render_options)
        for report in reports:
            if skip and isinstance(report.error, NotScriptError):
                continue
            if report.error is not None:
                input_errors.append(report.error)
            if write_to:
                if any(result.findings for result in report.results):
                    kept.append(report)
            elif tally is not None:
                tally.add(report)
            else:
                out.add(report)
            if any(policy.fails(result) for result in report.results):
                failed = True
                if explain:
                    # these lines name the entry (a call id or a library id): masked like the report
                    from scriptlint.redact import redact_reports

                    low_scores.extend(_low_score_lines(redact_reports([report])[0] if mask else report, policy))
        if write_to:
            from scriptlint.baseline import write

            count = write(write_to, kept)
            click.echo(f"scriptlint: wrote {count} finding(s) to baseline {write_to}", err=True)
        elif tally is not None:
            stats.write(tally.to_json(), stream, "json" if self.output_format == "json" else "text")
        else:
            out.close(**({"groups": grouping.to_json()} if grouping is not None else {}))
        for error in input_errors:
            click.echo(f"scriptlint: {error}", err=True)
        if input_errors:
            return EXIT_ERROR
        if write_to or self.options.get("exit_zero"):
            return EXIT_OK
        for line in low_scores:
            click.echo(line, err=True)
        return EXIT_FINDINGS if failed else EXIT_OK


def _exists(path: str) -> bool:
    from pathlib import Path

    return Path(path).exists()


def _low_score_lines(report: Any, policy: Policy) -> list[str]:
    lines = []
    for result in report.results:
        for name, score, minimum in policy.low_scores(result):
            entry = f"[{result.entry}]" if result.entry is not None else ""
            lines.append(f"scriptlint: {result.path}{entry}: {name} score {score} is below {minimum:g}")
    return lines


def run_check(paths: Iterable[str], stream: IO[str] = sys.stdout, **options: Any) -> int:
    """``check`` without click: lint ``paths`` and return the exit status."""
    render_options = {k: options.pop(k) for k in ("color", "show_scores") if k in options}
    run = Run.from_options(paths, **options)
    return run.finish(run.linter.lint_paths(paths), stream, **render_options)
