"""``check --jobs N``: a process pool over files and over chunks of large JSONL transcripts.

Each worker builds its Linter once (packs loaded and compiled once per worker, in the pool's
initializer).  Work units are whole files, or byte ranges of a JSONL transcript cut where the call
id changes between two lines (so no call is split); a file that gives no such cut stays one unit.
At most ``2 × jobs`` units are in flight, so a large input is streamed, never held in memory, and
reports come back in input order (the same order as ``--jobs 1``).

When a ``call_frequency`` rule is on, a first round has the workers read every unit's call headers
(frequency is counted across the whole batch); the main process works out the breaches and hands
each unit the ones that fall on its calls in the second round.
"""

from __future__ import annotations

import os
import re
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from scriptlint.errors import InputError

if TYPE_CHECKING:  # the pool is imported when one is started: a one-file check never needs it
    from concurrent.futures import Future, ProcessPoolExecutor

CHUNK_BYTES = 1 << 20
_CALL_ID = re.compile(rb'"(?:call_?id|callId|tid)"\s*:\s*"?([^",}]+)', re.IGNORECASE)


# Below this much input a pool costs more than it saves (every worker loads the packs).
PARALLEL_MIN_BYTES = 4 * CHUNK_BYTES


def default_jobs() -> int:
    return os.cpu_count() or 1


def choose_jobs(requested: int | None, paths: Iterable[str]) -> int:
    """``--jobs`` as given; by default the CPU count, but 1 for small inputs (a pre-commit run)."""
    if requested is not None:
        return requested
    size = 0
    for path in paths:
        if path == "-":
            return 1
        for root, _dirs, files in os.walk(path) if os.path.isdir(path) else [("", [], [path])]:
            for name in files:
                try:
                    size += os.path.getsize(os.path.join(root, name))
                except OSError:
                    continue
                if size >= PARALLEL_MIN_BYTES:
                    return default_jobs()
    return 1


@dataclass(frozen=True)
class Unit:
    path: str
    start: int | None = None  # byte range of a JSONL transcript; None: the whole file
    end: int | None = None
    first_line: int = 1


def units(paths: Iterable[str], is_jsonl: Callable[[str], bool]) -> Iterator[Unit]:
    for path in paths:
        if path != "-" and is_jsonl(path):
            yield from _chunks(path)
        else:
            yield Unit(path)


def _chunks(path: str) -> Iterator[Unit]:
    """Byte ranges of about CHUNK_BYTES, each starting on a line whose call id differs from the
    line before it.  Only call ids are read (a regex on raw bytes), never whole records."""
    start, line_number, first_line = 0, 0, 1
    offset, previous = 0, None
    with open(path, "rb") as handle:
        for raw in handle:
            line_number += 1
            found = _CALL_ID.search(raw) if raw.strip() else None
            call_id = found.group(1).strip() if found else None
            if (offset - start >= CHUNK_BYTES and call_id is not None and previous is not None
                    and call_id != previous):
                yield Unit(path, start, offset, first_line)
                start, first_line = offset, line_number
            if raw.strip():
                previous = call_id if call_id is not None else previous
            offset += len(raw)
    if start == 0:
        yield Unit(path)
    else:
        yield Unit(path, start, offset, first_line)


# -- worker side --------------------------------------------------------------------------------
_linter: Any = None


def _init(options: dict[str, Any]) -> None:
    global _linter
    from scriptlint.api import Linter

    _linter = Linter(**options)


def _lines(unit: Unit, encoding: str | None) -> Iterator[tuple[int, str]]:
    from scriptlint.transcripts import _decode_line

    with open(unit.path, "rb") as handle:
        handle.seek(unit.start or 0)
        remaining = (unit.end or 0) - (unit.start or 0)
        number = unit.first_line
        for raw in handle:
            if remaining <= 0:
                return
            remaining -= len(raw)
            yield number, _decode_line(raw, encoding)
            number += 1


def _calls(unit: Unit) -> Iterator[Any]:
    from scriptlint.transcripts.jsonl import read_jsonl_lines

    return read_jsonl_lines(_lines(unit, _linter.encoding), unit.path, _linter.roles)


def _headers(unit: Unit) -> list[Any]:
    """Call headers of a unit for the frequency pass, keyed (unit, ordinal)."""
    from scriptlint.calls.frequency import header_of
    from scriptlint.transcripts.call import Call

    if unit.start is None:
        batch = _linter.batch([unit.path])
        source = batch.source(unit.path)
        items: Iterable[Any] = source if source is not None else ()
    else:
        items = _calls(unit)
    return [header_of((unit, ordinal), {**item.meta, "connected": item.connected()})
            for ordinal, item in enumerate(items) if isinstance(item, Call)]


def _lint(unit: Unit, breaches: dict[int, list]) -> list[Any]:
    from scriptlint.api import FileReport
    from scriptlint.batch import Batch

    if unit.start is None:
        batch: Batch = _linter.batch([unit.path])
        batch._breaches = {(unit.path, ordinal): found for ordinal, found in breaches.items()}
        reports = list(batch.run_paths())
    else:
        batch = Batch(_linter, _linter.roles)
        reports = []
        for ordinal, item in enumerate(_calls(unit)):
            if isinstance(item, InputError):
                reports.append(FileReport(item.path, error=item))
            else:
                reports.append(FileReport(item.path, [batch._lint_call(item, breaches.get(ordinal, []))]))
    return [_portable(report) for report in reports]


def _portable(report: Any) -> Any:
    # Exceptions pickle through their message only; carry InputError's fields instead.
    if report.error is not None:
        error = report.error
        report.error = (type(error), error.path, error.problem, error.line)
    return report


def _restore(report: Any) -> Any:
    if isinstance(report.error, tuple):
        kind, path, problem, line = report.error
        error = kind.__new__(kind)
        InputError.__init__(error, path, problem, line)
        report.error = error
    return report


# -- main side ----------------------------------------------------------------------------------
def lint_parallel(batch: Any, options: dict[str, Any], jobs: int) -> Iterator[Any]:
    """FileReports of ``batch`` (a ``Batch`` built in this process), linted by ``jobs`` workers."""
    from scriptlint import calls
    from scriptlint.api import FileReport
    from scriptlint.calls.frequency import FrequencyLedger

    for error in batch.errors:
        yield FileReport(error.path, error=error)

    def is_jsonl(path: str) -> bool:
        source = batch.source(path)
        return source is not None and source.format == "jsonl" and source.text is None

    engine = batch.linter.engine
    frequency = calls.active(engine.call_rules, engine.profile, batch=True)
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(max_workers=jobs, initializer=_init, initargs=(options,)) as pool:
        breaches: dict[Any, list] = {}
        if frequency and any(batch.source(path) is not None for path in batch.files):
            ledger = FrequencyLedger(frequency)
            count = 0
            for headers in _ordered(pool, _headers, ((u,) for u in units(batch.files, is_jsonl)), jobs):
                for header in headers:
                    ledger.add(header)
                count += len(headers)
            batch.calls = count
            breaches = ledger.breaches()
        by_unit: dict[Unit, dict[int, list]] = {}
        for (unit, ordinal), found in breaches.items():
            by_unit.setdefault(unit, {})[ordinal] = found
        work = ((u, by_unit.get(u, {})) for u in units(batch.files, is_jsonl))
        for reports in _ordered(pool, _lint, work, jobs):
            for report in reports:
                yield _restore(report)


def _ordered(pool: ProcessPoolExecutor, function: Callable[..., Any], arguments: Iterable[tuple],
             jobs: int) -> Iterator[Any]:
    """``function`` over ``arguments`` in the pool, results in input order, at most 2 × jobs pending."""
    pending: deque[Future] = deque()
    for args in arguments:
        pending.append(pool.submit(function, *args))
        if len(pending) >= 2 * jobs:
            yield pending.popleft().result()
    while pending:
        yield pending.popleft().result()
