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

    def finish(self, reports: list, stream: IO[str], **render_options: Any) -> int:
        """Report, write the baseline if asked, and return the exit status."""
        from scriptlint.report import render
        from scriptlint.report import statistics as stats

        if self.config["skip-non-scripts"]:
            reports = [r for r in reports if not isinstance(r.error, NotScriptError)]
        input_errors = [r.error for r in reports if r.error is not None]
        write_to = self.options.get("write_baseline")
        if write_to:
            from scriptlint.baseline import write

            count = write(write_to, reports)
            click.echo(f"scriptlint: wrote {count} finding(s) to baseline {write_to}", err=True)
        elif self.options.get("statistics"):
            stats.render(reports, stream, "json" if self.output_format == "json" else "text")
        else:
            render(self.output_format, reports, stream, mask=self.config["mask-pii"],
                   ruleset=self.linter.ruleset, policy=self.policy, **render_options)
        for error in input_errors:
            click.echo(f"scriptlint: {error}", err=True)
        if input_errors:
            return EXIT_ERROR
        if write_to or self.options.get("exit_zero"):
            return EXIT_OK
        failed = self.policy.failed(reports)
        if failed and self.config.fail_under and self.output_format == "text":
            _explain_scores(reports, self.policy)
        return EXIT_FINDINGS if failed else EXIT_OK


def _exists(path: str) -> bool:
    from pathlib import Path

    return Path(path).exists()


def _explain_scores(reports: list, policy: Policy) -> None:
    for report in reports:
        for result in report.results:
            for name, score, minimum in policy.low_scores(result):
                entry = f"[{result.entry}]" if result.entry is not None else ""
                click.echo(f"scriptlint: {result.path}{entry}: {name} score {score} is below {minimum:g}",
                           err=True)


def run_check(paths: Iterable[str], stream: IO[str] = sys.stdout, **options: Any) -> int:
    """``check`` without click: lint ``paths`` and return the exit status."""
    render_options = {k: options.pop(k) for k in ("color", "show_scores") if k in options}
    run = Run.from_options(paths, **options)
    return run.finish(list(run.linter.lint_paths(paths)), stream, **render_options)
