"""Plain data passed between the stages of the pipeline."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
ROLES = ("agent", "debtor", "third_party", "system")


@dataclass(slots=True)
class Segment:
    """A run of text to lint, with a way back to the raw file.

    ``locate(offset)`` turns an offset in ``text`` into a 1-based (line, column) of the raw file,
    counted in code points.  ``speaker`` is None for documents where nobody is named (drafts),
    which counts as the agent's voice.
    """

    text: str
    locate: Callable[[int], tuple[int, int]]
    speaker: str | None = None
    turn: int | None = None
    begin_ms: int | None = None
    end_ms: int | None = None
    raw_line: Callable[[int], str] | None = None  # the raw line for an excerpt


@dataclass(slots=True)
class Script:
    """One unit that is linted and scored: a draft, a library entry or a call."""

    path: str
    segments: list[Segment]
    entry: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass(slots=True)
class Finding:
    rule: str
    category: str
    principle: str
    severity: str
    line: int
    column: int
    end_line: int
    end_column: int
    message: str
    excerpt: str
    suggestion: str
    match: str = ""
    basis: str = ""
    entry: str | None = None
    speaker: str | None = None
    turn: int | None = None
    begin_ms: int | None = None
    end_ms: int | None = None
    context: str = ""  # normalised sentence around the match, for fingerprints
    suppressed: str | None = None  # reason, when a directive downgraded it
    excerpt_span: tuple[int, int] = (0, 0)  # the match inside ``excerpt``, for underlining
    extra: dict[str, Any] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        data = {
            "rule": self.rule,
            "category": self.category,
            "principle": self.principle,
            "severity": self.severity,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "message": self.message,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
            "entry": self.entry,
            "speaker": self.speaker,
            "match": self.match,
            "basis": self.basis,
        }
        if self.turn is not None:
            data["turn"] = self.turn
        if self.begin_ms is not None:
            data["begin_ms"] = self.begin_ms
            data["end_ms"] = self.end_ms
        if self.suppressed is not None:
            data["suppressed"] = self.suppressed
        data.update(self.extra)
        return data


@dataclass(slots=True)
class ScriptResult:
    path: str
    entry: str | None
    findings: list[Finding]
    scores: dict[str, int]
    practices: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
