"""Output formats.  Each renderer takes the list of FileReports and writes to a stream."""

from __future__ import annotations

from collections.abc import Callable
from typing import IO

from scriptlint.report import json_format, text_format

Renderer = Callable[..., None]
FORMATS: dict[str, Renderer] = {
    "text": text_format.render,
    "json": json_format.render,
}


def render(name: str, reports: list, stream: IO[str], **options) -> None:
    FORMATS[name](reports, stream, **options)
