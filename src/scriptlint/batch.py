"""Batch QA: many calls from files, directories or JSONL streams, checked one call at a time.

Frequency limits need every call of the batch in start-time order, so when a ``call_frequency``
rule is on, a first pass reads the transcripts keeping only a small header per call (ids,
debtor, number, start, connected); the second pass lints each call with the breaches that fall
on it.  Memory grows with the number of calls, never with their text.  Transcripts yield one
``FileReport`` per call (or per malformed call, with its error), so callers can stream results;
other inputs (drafts, 话术 libraries) yield one report per file as before.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import IO, Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
)
from rich.text import Text

from scriptlint import calls
from scriptlint.calls.frequency import FrequencyLedger, header_of
from scriptlint.calls.view import call_finding, local_start
from scriptlint.errors import ConfigError, InputError
from scriptlint.model import ScriptResult
from scriptlint.redact import redact_reports
from scriptlint.transcripts import CallSource, open_calls, sniff_format
from scriptlint.transcripts.call import Call
from scriptlint.transcripts.roles import DEFAULT_ROLES, RoleMap


@dataclass
class Batch:
    """Lints ``files`` (``errors``: paths that could not be expanded).  After ``prepare``,
    ``calls`` is the number of calls the first pass saw (None when there was no first pass)."""

    linter: Any  # scriptlint.api.Linter
    roles: RoleMap = DEFAULT_ROLES
    files: list[str] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    calls: int | None = None
    _formats: dict[str, CallSource | None] = field(default_factory=dict)
    _stdin: str | None = None
    _breaches: dict[Any, list] | None = None
    journal: Any = None  # scriptlint.journal.Journal of a resumed batch: what is already done

    def source(self, path: str) -> CallSource | None:
        if path not in self._formats:
            if path == "-":
                self._formats[path] = self._stdin_source()
            else:
                self._formats[path] = open_calls(path, self.linter.encoding, self.roles)
        return self._formats[path]

    def _stdin_source(self) -> CallSource | None:
        from scriptlint.documents.decode import decode, looks_binary

        data = sys.stdin.buffer.read()
        if looks_binary(data):
            return None
        try:
            self._stdin = decode(data, "<stdin>", self.linter.encoding)
        except InputError:
            return None
        fmt = sniff_format("<stdin>", self._stdin, self.roles)
        return None if fmt is None else CallSource("<stdin>", fmt, self.roles, None, self._stdin)

    def prepare(self) -> None:
        """The first pass (call headers for frequency limits); run once, before any call is linted."""
        if self._breaches is None:
            self._breaches = self._first_pass(self.files)

    def run_paths(self) -> Iterator[Any]:
        """FileReports, in input order: per call for transcripts, per file otherwise."""
        from scriptlint.api import FileReport

        done = self.journal
        for error in self.errors:
            if done is None or not done.has_error(error):
                yield FileReport(error.path, error=error)
        self.prepare()
        breaches = self._breaches or {}
        for path in self.files:
            source = self.source(path)
            if source is None:
                if done is not None and done.has_file("<stdin>" if path == "-" else path):
                    continue
                if path == "-" and self._stdin is not None:
                    yield FileReport("<stdin>", self.linter.lint_source(self._stdin, "<stdin>", ".txt"))
                else:
                    yield self.linter.lint_file(path)
                continue
            for ordinal, item in enumerate(source):
                if isinstance(item, InputError):
                    if done is None or not done.has_error(item):
                        yield FileReport(item.path, error=item)
                    continue
                if done is not None and done.has_call(item):
                    continue  # recorded by the interrupted run: not linted, not written again
                yield FileReport(item.path, [self._lint_call(item, breaches.get((path, ordinal), []))])

    def _lint_call(self, call: Call, breaches: list) -> ScriptResult:
        script = call.to_script()
        extra = [call_finding(b.rule, script, b.detail, count=b.count, limit=b.limit, day=b.day.isoformat())
                 for b in breaches]
        return self.linter.lint_call(script, extra)

    def _first_pass(self, files: list[str]) -> dict[Any, list]:
        engine = self.linter.engine
        rules = calls.active(engine.call_rules, engine.profile, batch=True)
        sources = [(path, self.source(path)) for path in files]
        if not rules or not any(source for _path, source in sources):
            return {}
        ledger = FrequencyLedger(rules)
        self.calls = 0
        for path, source in sources:
            if source is None:
                continue
            for ordinal, item in enumerate(source.headers()):
                self.calls += 1
                if isinstance(item, Call):
                    ledger.add(header_of((path, ordinal), {**item.meta, "connected": item.connected()}))
        return ledger.breaches()


# -- per-call output and grouping ---------------------------------------------------------------
def result_record(report: Any) -> list[dict[str, Any]]:
    """JSON records for one report: one per call/script, or one for an input error."""
    if report.error is not None:
        error = report.error
        return [{"path": error.path, "line": getattr(error, "line", None), "error": str(error)}]
    return [{"path": r.path, "entry": r.entry, "meta": r.meta, "scores": r.scores, "practices": r.practices,
             "findings": [f.to_json() for f in r.findings]} for r in report.results]


def write_records(report: Any, stream: IO[str]) -> None:
    """All records of one report in one write, flushed, with Ctrl-C/SIGTERM held back meanwhile:
    an interrupted batch leaves whole reports in the file (see ``scriptlint.journal``)."""
    from scriptlint.journal import signals_deferred

    data = "".join(json.dumps(record, ensure_ascii=False, default=str) + "\n" for record in result_record(report))
    with signals_deferred():
        stream.write(data)
        stream.flush()


GROUP_KEYS = ("agent", "team", "day")


def group_key(result: ScriptResult, by: str) -> str:
    meta = result.meta
    if by == "agent":
        name, number = meta.get("agent_name"), meta.get("agent_id")
        if name and number:
            return f"{name} ({number})"
        return str(name or number or "(unknown)")
    if by == "team":
        return str(meta.get("team") or "(unknown)")
    start = local_start(meta, None) if meta.get("start") else None
    return start.date().isoformat() if start else "(unknown)"


@dataclass
class Group:
    calls: int = 0
    findings: Counter[str] = field(default_factory=Counter)
    score_sums: Counter[str] = field(default_factory=Counter)

    def add(self, result: ScriptResult) -> None:
        self.calls += 1
        self.findings.update(f.category for f in result.findings if f.suppressed is None)
        self.score_sums.update(result.scores)

    def to_json(self) -> dict[str, Any]:
        means = {k: round(v / self.calls, 1) for k, v in sorted(self.score_sums.items())} if self.calls else {}
        return {"calls": self.calls, "findings": sum(self.findings.values()),
                "by_category": dict(sorted(self.findings.items())), "mean_scores": means}


@dataclass
class Grouping:
    by: str
    groups: dict[str, Group] = field(default_factory=dict)

    def add(self, report: Any) -> None:
        for result in report.results:
            self.groups.setdefault(group_key(result, self.by), Group()).add(result)

    def to_json(self) -> dict[str, Any]:
        return {"by": self.by, "groups": {k: g.to_json() for k, g in sorted(self.groups.items())}}

    def render(self, stream: IO[str], color: bool | None = None) -> None:
        from rich.table import Table

        console = Console(file=stream, highlight=False, force_terminal=color if color else None,
                          no_color=color is False, width=200 if not stream.isatty() else None)
        categories = sorted({c for g in self.groups.values() for c in g.findings})
        table = Table(title=f"按{ {'agent': '坐席', 'team': '团队', 'day': '日期'}[self.by]}汇总 by {self.by}",
                      title_justify="left")
        table.add_column(self.by)
        table.add_column("calls", justify="right")
        for name in (*categories, "legal", "respect", "overall"):
            table.add_column(name, justify="right")
        for key, group in sorted(self.groups.items()):
            data = group.to_json()
            means = data["mean_scores"]
            # Text, not a str: an agent's name is not rich markup
            table.add_row(Text(key), str(group.calls), *(str(group.findings.get(c, 0)) for c in categories),
                          *(f"{means.get(p, 0):.1f}" for p in ("legal", "respect", "overall")))
        console.print(table)


def collect(linter: Any, paths: Iterable[str], **options: Any) -> tuple[list[Any], Grouping | None]:
    """``iter_batch`` with every report kept in a list (small batches, tests)."""
    reports, grouping = iter_batch(linter, paths, **options)
    return list(reports), grouping


def iter_batch(linter: Any, paths: Iterable[str], *, output: str | None = None, group_by: str | None = None,
               mask: bool = True, progress: bool | None = None, jobs: int = 1,
               resume: bool = False) -> tuple[Iterator[Any], Grouping | None]:
    """Lint ``paths`` as a batch: the reports as a generator (nothing is kept: memory stays flat
    however large the batch), and the ``group_by`` totals, complete once the generator is spent.
    ``output`` also gets one JSON line per call/script as it finishes; a rich progress bar
    (calls/s) is drawn on stderr when it is a terminal (``progress`` None) or when forced.
    ``resume`` continues an interrupted batch: calls already in ``output`` are skipped and their
    records read back as reports.  Configuration errors (``--output`` unwritable, ``--resume``
    without it) are raised here, before any report."""
    from scriptlint.journal import Journal

    batch = linter.batch(paths)
    grouping = Grouping(group_by) if group_by else None
    done: list[Any] = []
    if resume:
        if not output:
            raise ConfigError("--resume needs --output FILE (the results of the interrupted run)")
        batch.journal = Journal.read(output)
        done = batch.journal.reports
    try:
        sink = open(output, "a" if resume else "w", encoding="utf-8") if output else None  # noqa: SIM115
    except OSError as err:
        raise ConfigError(f"--output {output}: cannot write: {err.strerror or err}") from None
    # Stdout on the same terminal as the bar: the streamed report would tear the bar.
    show = (sys.stderr.isatty() and not sys.stdout.isatty()) if progress is None else progress
    return _reports(linter, batch, sink, grouping, done, mask, show, jobs, resume), grouping


def _reports(linter: Any, batch: Batch, sink: IO[str] | None, grouping: Grouping | None, done: list[Any],
             mask: bool, show: bool, jobs: int, resume: bool) -> Iterator[Any]:
    try:
        for report in done:
            if grouping is not None:
                grouping.add(report)
            yield report
        with _progress(show) as bar:
            parallel = jobs > 1 and linter.options is not None and "-" not in batch.files and not resume
            if parallel:
                from scriptlint.parallel import lint_parallel

                stream = lint_parallel(batch, linter.options, jobs)
            else:
                batch.prepare()
                stream = batch.run_paths()
            task = bar.add_task("checking", total=batch.calls) if bar is not None else None
            for report in stream:
                if sink is not None or grouping is not None:
                    shown = redact_reports([report])[0] if mask else report
                    if sink is not None:
                        write_records(shown, sink)
                    if grouping is not None:
                        grouping.add(shown)  # group names are agent names and ids: masked like the rest
                if bar is not None and task is not None:
                    bar.advance(task, max(1, len(report.results)))
                yield report
    finally:
        if sink is not None:
            with suppress(OSError):  # on a full disk the write already failed; that error wins
                sink.flush()
                os.fsync(sink.fileno())
            sink.close()


class RateColumn(ProgressColumn):
    """Calls checked per second."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:,.0f} calls/s" if speed else "", style="cyan")


@contextmanager
def _progress(show: bool) -> Iterator[Progress | None]:
    if not show:
        yield None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
               RateColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        yield bar


__all__ = ["GROUP_KEYS", "Batch", "Grouping", "collect", "iter_batch", "result_record", "write_records"]
