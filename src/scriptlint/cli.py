"""Command line: ``scriptlint check | rules | explain | test-rules``.

Exit status: 0 no error-level finding; 1 at least one; 2 usage, configuration or input error
(a one-line message on stderr, never a traceback).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import Any

import click

from scriptlint import __version__
from scriptlint.errors import ScriptlintError

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _fail(message: str) -> None:
    click.echo(f"scriptlint: {message}", err=True)
    sys.exit(EXIT_ERROR)


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn scriptlint's own errors into exit status 2 with one line on stderr."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except ScriptlintError as err:
            _fail(str(err))
        except BrokenPipeError:
            sys.exit(EXIT_OK)

    return wrapper


pack_option = click.option("--packs", "packs", multiple=True, metavar="PATH",
                           help="Extra rule pack file or directory (repeatable).")
no_builtin_option = click.option("--no-builtin", is_flag=True, help="Do not load the built-in packs.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scriptlint")
def main() -> None:
    """Compliance linter for Chinese debt-collection scripts (催收话术) and call transcripts."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Output format.")
@click.option("--encoding", default=None, help="Input encoding (default: UTF-8, then GB18030).")
@click.option("--color/--no-color", default=None, help="Force or disable colour.")
@click.option("--no-scores", is_flag=True, help="Do not print the score table (text format).")
@pack_option
@no_builtin_option
@guarded
def check(paths: tuple[str, ...], output_format: str, encoding: str | None, color: bool | None,
          no_scores: bool, packs: tuple[str, ...], no_builtin: bool) -> None:
    """Lint files, directories (recursively) or - for standard input."""
    from scriptlint.api import Linter
    from scriptlint.report import render

    linter = Linter(packs=packs, builtin=not no_builtin, encoding=encoding)
    reports = list(linter.lint_paths(paths))
    render(output_format, reports, sys.stdout, color=color, show_scores=not no_scores)
    input_errors = [r.error for r in reports if r.error is not None]
    for error in input_errors:
        click.echo(f"scriptlint: {error}", err=True)
    if input_errors:
        sys.exit(EXIT_ERROR)
    has_error = any(f.severity == "error" and f.suppressed is None
                    for r in reports for x in r.results for f in x.findings)
    sys.exit(EXIT_FINDINGS if has_error else EXIT_OK)


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@pack_option
@no_builtin_option
@guarded
def list_rules(output_format: str, packs: tuple[str, ...], no_builtin: bool) -> None:
    """List the loaded rules: id, category, severity, basis."""
    import json

    from rich.console import Console
    from rich.table import Table

    from scriptlint.packs import load_packs

    ruleset = load_packs(packs, builtin=not no_builtin)
    if output_format == "json":
        rows = [{"id": r.id, "category": r.category, "principle": r.principle, "severity": r.severity,
                 "kind": r.kind, "message": r.message, "basis": r.basis_text, "source": r.source}
                for r in ruleset.rules]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(show_lines=False)
    for name in ("id", "category", "severity", "basis"):
        table.add_column(name, overflow="fold")
    for rule in ruleset.rules:
        table.add_row(rule.id, rule.category, rule.severity, rule.basis_text)
    Console(soft_wrap=False).print(table)
    click.echo(f"{len(ruleset.rules)} rules from {len(ruleset.files)} pack(s)")


@main.command()
@click.argument("rule_id")
@pack_option
@no_builtin_option
@guarded
def explain(rule_id: str, packs: tuple[str, ...], no_builtin: bool) -> None:
    """Print one rule: what it flags, why (basis), examples, and what to say instead."""
    from scriptlint.explain import explain_text
    from scriptlint.packs import load_packs

    ruleset = load_packs(packs, builtin=not no_builtin)
    rule = ruleset.get(rule_id.upper())
    if rule is None:
        _fail(f"unknown rule {rule_id!r} (see `scriptlint rules`)")
    click.echo(explain_text(rule))


@main.command("test-rules")
@pack_option
@no_builtin_option
@guarded
def test_rules(packs: tuple[str, ...], no_builtin: bool) -> None:
    """Run every rule's inline examples; fail on an example that misbehaves."""
    from scriptlint.api import Linter
    from scriptlint.selftest import check_examples

    linter = Linter(packs=packs, builtin=not no_builtin)
    problems = check_examples(linter)
    for problem in problems:
        click.echo(problem)
    examples = sum(len(r.fire) + len(r.passes) for r in linter.ruleset.rules)
    click.echo(f"{examples - len(problems)} passed, {len(problems)} failed")
    sys.exit(EXIT_FINDINGS if problems else EXIT_OK)


@main.command("eval")
@click.argument("corpus", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text")
@click.option("--min-severity", type=click.Choice(["info", "warning", "error"]), default="info",
              show_default=True, help="Findings below this severity do not count.")
@click.option("--quiet", "-q", is_flag=True, help="Only the table and totals, not the lists.")
@click.option("--min-recall", type=float, default=None, help="Exit 1 when recall is below this (0–1).")
@click.option("--max-fpr", type=float, default=None, help="Exit 1 when the false-positive rate is above this.")
@pack_option
@no_builtin_option
@guarded
def eval_command(corpus: tuple[str, ...], output_format: str, min_severity: str, quiet: bool,
                 min_recall: float | None, max_fpr: float | None, packs: tuple[str, ...], no_builtin: bool) -> None:
    """Precision and recall per category on labelled JSONL corpora."""
    import json

    from scriptlint.api import Linter
    from scriptlint.evaluate import evaluate, format_report, read_corpus

    linter = Linter(packs=packs, builtin=not no_builtin)
    records = [record for path in corpus for record in read_corpus(path)]
    report = evaluate(linter, records, min_severity)
    if output_format == "json":
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(format_report(report, show_lists=not quiet))
    failed = (min_recall is not None and report.recall() < min_recall) or (
        max_fpr is not None and report.false_positive_rate() > max_fpr)
    sys.exit(EXIT_FINDINGS if failed else EXIT_OK)


if __name__ == "__main__":  # pragma: no cover
    main()
