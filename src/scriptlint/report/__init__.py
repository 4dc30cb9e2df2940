"""Output formats.  Each renderer takes the list of FileReports and writes to a stream."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from scriptlint.redact import redact_reports
from scriptlint.report import github, json_format, junit, sarif, text_format

Renderer = Callable[..., None]
FORMATS: dict[str, Renderer] = {
    "text": text_format.render,
    "json": json_format.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "github": github.render,
}


def render(name: str, reports: list, stream: IO[str], *, mask: bool = True, **options) -> None:
    """Write ``reports`` in format ``name``; personal numbers are masked unless ``mask`` is False."""
    FORMATS[name](redact_reports(reports) if mask else reports, stream, **options)
