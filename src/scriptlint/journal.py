"""Interrupted batches: ``--output`` is a journal that ``--resume`` continues.

``check --output FILE`` writes one JSON line per call (or script, or input error) as soon as it is
checked, flushed each time and written with SIGINT/SIGTERM held back for the few microseconds of
the write, so Ctrl-C or a kill leaves whole lines only (a SIGKILL mid-write can still tear the
last one).  ``check --resume --output FILE`` reads FILE, drops a torn last line, skips every call
already recorded — by file, call id and the line the call starts on; errors by file and line;
drafts and 话术 libraries by file — and appends only new results, so each call appears exactly
once.  The earlier results are read back into reports, so the final report, the summary and the
exit status cover the whole batch.

Report files (``--report-file``, ``--write-baseline``) are written to a temporary file beside the
target and renamed over it: an interrupted run leaves the previous file whole, never half of one.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import IO, Any

from scriptlint.errors import ConfigError, InputError
from scriptlint.model import Finding, ScriptResult
from scriptlint.redact import mask_text

_FINDING_FIELDS = frozenset(f.name for f in fields(Finding)) - {"extra", "excerpt_span", "context"}


@contextmanager
def signals_deferred() -> Iterator[None]:
    """Hold SIGINT and SIGTERM until the block ends (a record is written whole or not at all)."""
    try:
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    except (AttributeError, OSError, ValueError):  # no pthread_sigmask on this platform
        yield
        return
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def atomic_write(path: str | Path, encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text stream whose content replaces ``path`` only when the block completes."""
    target = Path(path)
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding=encoding, newline="") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _call_key(path: str, call_id: Any, line: Any) -> tuple:
    # Records are masked (unless --show-pii): compare call ids the way they were written.
    return "call", path, mask_text(str(call_id), strict=True), line


@dataclass
class Journal:
    """What an earlier run of the batch already wrote to its ``--output`` file."""

    done: set[tuple] = field(default_factory=set)
    reports: list[Any] = field(default_factory=list)

    @classmethod
    def read(cls, path: str) -> Journal:
        """Read ``path`` (missing: nothing done yet), cutting off a torn last line in place."""
        try:
            with open(path, "rb+") as handle:
                data = handle.read()
                lines = data.split(b"\n")
                kept = len(data)
                if lines[-1]:  # no newline at the end: the last write was torn
                    kept -= len(lines[-1])
                lines = lines[:-1]
                records = []
                for number, raw in enumerate(lines, 1):
                    try:
                        records.append(json.loads(raw))
                    except (json.JSONDecodeError, UnicodeDecodeError):
                        if number < len(lines):
                            raise ConfigError(f"--resume: {path}:{number}: not a scriptlint record") from None
                        kept -= len(raw) + 1
                if kept < len(data):
                    handle.truncate(kept)
        except FileNotFoundError:
            return cls()
        except OSError as err:
            raise ConfigError(f"--resume: cannot read {path}: {err.strerror or err}") from None
        journal = cls()
        for record in records:
            journal.add(record)
        return journal

    def add(self, record: dict[str, Any]) -> None:
        from scriptlint.api import FileReport

        if not isinstance(record, dict) or "path" not in record:
            return
        path = str(record["path"])
        if "error" in record:
            line = record.get("line")
            self.done.add(("error", path, line))
            self.done.add(("error-file", path))
            where = f"{path}:{line}: " if line else f"{path}: "
            problem = str(record["error"]).removeprefix(where)
            self.reports.append(FileReport(path, error=InputError(path, problem, line)))
            return
        meta = record.get("meta") or {}
        if meta.get("kind") == "call":
            self.done.add(_call_key(path, meta.get("call_id"), meta.get("line")))
        else:
            self.done.add(("file", path))
        self.reports.append(FileReport(path, [_result(record)]))

    # -- what to skip -------------------------------------------------------------------------
    def has_call(self, call: Any) -> bool:
        return _call_key(call.path, call.call_id, call.line) in self.done

    def has_error(self, error: InputError) -> bool:
        return ("error", error.path, error.line) in self.done

    def has_file(self, path: str) -> bool:
        return ("file", path) in self.done or ("error-file", path) in self.done


def _result(record: dict[str, Any]) -> ScriptResult:
    findings = []
    for data in record.get("findings") or []:
        known = {k: v for k, v in data.items() if k in _FINDING_FIELDS}
        extra = {k: v for k, v in data.items() if k not in _FINDING_FIELDS}
        findings.append(Finding(**known, extra=extra))
    return ScriptResult(str(record["path"]), record.get("entry"), findings, record.get("scores") or {},
                        list(record.get("practices") or []), dict(record.get("meta") or {}))


__all__ = ["Journal", "atomic_write", "signals_deferred"]
