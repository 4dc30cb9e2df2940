"""Output formats.  Each format has a ``Writer`` fed one FileReport at a time (``add``) and
finished with ``close`` — a batch is streamed, never held; ``render`` drives one over a list."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import IO, Any

from scriptlint.redact import redact_reports
from scriptlint.report import github, json_format, junit, sarif, text_format

WRITERS: dict[str, Callable[..., Any]] = {
    "text": text_format.Writer,
    "json": json_format.Writer,
    "sarif": sarif.Writer,
    "junit": junit.Writer,
    "github": github.Writer,
}


class Masked:
    """A format's writer behind the personal-number mask."""

    def __init__(self, writer: Any) -> None:
        self.writer = writer

    def add(self, report: Any) -> None:
        self.writer.add(redact_reports([report])[0])

    def close(self, **options: Any) -> None:
        self.writer.close(**options)


def writer(name: str, stream: IO[str], *, mask: bool = True, **options: Any) -> Any:
    """A writer for format ``name``; personal numbers are masked unless ``mask`` is False."""
    created = WRITERS[name](stream, **options)
    return Masked(created) if mask else created


def render(name: str, reports: Iterable[Any], stream: IO[str], *, mask: bool = True, **options: Any) -> None:
    """Write ``reports`` in format ``name``; personal numbers are masked unless ``mask`` is False."""
    out = writer(name, stream, mask=mask, **options)
    for report in reports:
        out.add(report)
    out.close()
