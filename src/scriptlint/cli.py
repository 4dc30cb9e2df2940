"""Command line: ``scriptlint check | rules | explain | test-rules``.

Exit status: 0 no error-level finding; 1 at least one; 2 usage, configuration or input error
(a one-line message on stderr, never a traceback).
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, nullcontext
from functools import wraps
from typing import Any

import click

from scriptlint import __version__
from scriptlint.errors import ScriptlintError
from scriptlint.workflow import config_options, format_choice, gate_options

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
        except KeyboardInterrupt as err:  # Ctrl-C, or SIGTERM (see _terminate_as_interrupt)
            signum = getattr(err, "signum", signal.SIGINT)
            click.echo(f"scriptlint: interrupted ({signal.Signals(signum).name}); results written so far "
                       "are kept: run again with --resume --output FILE to continue", err=True)
            sys.exit(128 + signum)

    return wrapper


class Terminated(KeyboardInterrupt):
    signum = signal.SIGTERM


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM ends a check like Ctrl-C (files closed and synced, temporary files removed) instead
    of killing the process outright."""
    def terminate(_signum: int, _frame: Any) -> None:
        raise Terminated

    try:
        previous = signal.signal(signal.SIGTERM, terminate)
    except ValueError:  # not the main thread (an embedding application): leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _report_stream(path: str | None) -> Any:
    from scriptlint.journal import atomic_write

    return nullcontext(sys.stdout) if path is None else atomic_write(path)


pack_option = click.option("--packs", "packs", multiple=True, metavar="PATH",
                           help="Extra rule pack file or directory (repeatable).")
_no_builtin = click.option("--no-builtin", is_flag=True, help="Do not load the built-in packs.")


def _no_cache(_ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if value:
        from scriptlint.cache import disable

        disable()


_no_cache_option = click.option("--no-cache", is_flag=True, expose_value=False, callback=_no_cache,
                                help="Neither read nor write the start-up cache (see `scriptlint cache`).")


def no_builtin_option(command: Callable[..., Any]) -> Callable[..., Any]:
    """``--no-builtin`` and ``--no-cache``: every command that loads packs has both."""
    return _no_builtin(_no_cache_option(command))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scriptlint")
def main() -> None:
    """Compliance linter for Chinese debt-collection scripts (催收话术) and call transcripts."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=format_choice, default=None,
              help="Output format: text (default), json, sarif, junit, github.")
@click.option("--encoding", default=None, help="Input encoding (default: UTF-8, then GB18030).")
@click.option("--color/--no-color", default=None, help="Force or disable colour.")
@click.option("--no-scores", is_flag=True, help="Do not print the score table (text format).")
@click.option("--profile", default=None, metavar="NAME",
              help="Parameters of the call checks: default (China: no calls 22:00–08:00, ≤3 connected "
                   "calls a day) or fdcpa (08:00–21:00, 7 calls in 7 days).")
@click.option("--role-alias", "role_alias", multiple=True, metavar="LABEL=ROLE",
              help="Map a transcript speaker label to agent, debtor, third_party or system (repeatable).")
@click.option("--group-by", type=click.Choice(["agent", "team", "day"]), default=None,
              help="After the report, print calls, findings per category and mean scores per group.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None, metavar="N",
              help="Worker processes for large batches [default: the number of CPUs; 1 = in-process].")
@click.option("--output", "output_file", metavar="FILE", default=None,
              help="Also write one JSON line per call (or script) to FILE as each is checked.")
@click.option("--resume", is_flag=True,
              help="Continue an interrupted batch: skip the calls already in --output FILE and append the rest.")
@click.option("--report-file", metavar="FILE", default=None,
              help="Write the --format report to FILE (atomically: temporary file, then rename) instead of stdout.")
@pack_option
@no_builtin_option
@config_options
@gate_options
@guarded
def check(paths: tuple[str, ...], output_format: str | None, encoding: str | None, color: bool | None,
          no_scores: bool, group_by: str | None, jobs: int | None, output_file: str | None, resume: bool,
          report_file: str | None, packs: tuple[str, ...], no_builtin: bool, **options: Any) -> None:
    """Lint files, directories (recursively) or - for standard input.

    Settings come from [tool.scriptlint] in the nearest pyproject.toml or scriptlint.toml
    (see `scriptlint config`); flags override them.  Exit 0 pass, 1 the gate failed, 2 error.
    """
    from scriptlint.batch import iter_batch
    from scriptlint.workflow import Run

    run = Run.from_options(paths, packs=packs, builtin=not no_builtin, encoding=encoding,
                           output_format=output_format, **options)
    from scriptlint.parallel import choose_jobs

    with _terminate_as_interrupt():
        # a generator: each report is written as it is checked, none is kept (memory stays flat)
        reports, grouping = iter_batch(run.linter, paths, output=output_file, group_by=group_by,
                                       mask=run.config["mask-pii"], jobs=choose_jobs(jobs, paths), resume=resume)
        with _report_stream(report_file) as stream, closing(reports):
            status = run.finish(reports, stream, grouping, color=color, show_scores=not no_scores)
            if grouping is not None and run.output_format == "text":
                grouping.render(stream, color=color)
    sys.exit(status)


@main.command("config")
@click.argument("paths", nargs=-1)
@config_options
@guarded
def show_config(paths: tuple[str, ...], **options: Any) -> None:
    """Print the resolved configuration for PATHS (default: here) and where each value came from."""
    from scriptlint.config import describe
    from scriptlint.workflow import load_config

    click.echo(describe(load_config(paths or (".",), options)))


@main.command("rules")
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text",
              help="markdown: the full rule reference (docs/rules.md is generated with it).")
@pack_option
@no_builtin_option
@guarded
def list_rules(output_format: str, packs: tuple[str, ...], no_builtin: bool) -> None:
    """List the loaded rules: id, category, severity, basis."""
    import json

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from scriptlint.packs import load_packs

    ruleset = load_packs(packs, builtin=not no_builtin)
    if output_format == "json":
        rows = [{"id": r.id, "category": r.category, "principle": r.principle, "severity": r.severity,
                 "kind": r.kind, "message": r.message, "basis": r.basis_text, "source": r.source}
                for r in ruleset.rules]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if output_format == "markdown":
        from scriptlint.explain import reference_markdown

        click.echo(reference_markdown(ruleset), nl=False)
        return
    table = Table(show_lines=False)
    for name in ("id", "category", "severity", "basis"):
        table.add_column(name, overflow="fold")
    for rule in ruleset.rules:
        # Text, not markup: a third-party pack's "[/x]" must not be read as a closing tag
        table.add_row(*(Text(value) for value in (rule.id, rule.category, rule.severity, rule.basis_text)))
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


@main.group("cache")
def cache_group() -> None:
    """The start-up cache: parsed rule packs and prefilter anchors, so that a warm start skips them.

    Kept in $SCRIPTLINT_CACHE_DIR, else $XDG_CACHE_HOME/scriptlint, else ~/.cache/scriptlint; one
    file per set of packs, invalidated by any change to a pack.  --no-cache (or SCRIPTLINT_NO_CACHE=1)
    turns it off.
    """


@cache_group.command("dir")
def cache_dir_command() -> None:
    """Print the cache directory."""
    from scriptlint.cache import cache_dir

    click.echo(str(cache_dir()))


@cache_group.command("clear")
def cache_clear_command() -> None:
    """Delete the cache files."""
    from scriptlint.cache import cache_dir, clear

    removed = clear()
    click.echo(f"removed {removed} cache file(s) from {cache_dir()}")


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
