"""The Python API.  The CLI is a thin layer over it.

    >>> from scriptlint import Linter
    >>> result = Linter().lint_text("你再不还钱，我就去你单位找你领导")
    >>> [f.rule for f in result.findings]   # doctest: +SKIP
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from scriptlint.documents import expand_paths, read_path, read_text, text_script
from scriptlint.engine import Engine
from scriptlint.errors import InputError
from scriptlint.model import Script, ScriptResult
from scriptlint.packs import RuleSet, load_packs


@dataclass
class FileReport:
    """Everything scriptlint has to say about one input path."""

    path: str
    results: list[ScriptResult] = field(default_factory=list)
    error: InputError | None = None


class Linter:
    def __init__(self, ruleset: RuleSet | None = None, *, packs: Iterable[str | Path] = (),
                 builtin: bool = True, prefilter: bool = True, encoding: str | None = None) -> None:
        self.ruleset = ruleset if ruleset is not None else load_packs(packs, builtin=builtin)
        self.engine = Engine(self.ruleset, prefilter_enabled=prefilter)
        self.encoding = encoding

    def lint_script(self, script: Script) -> ScriptResult:
        return self.engine.lint_script(script)

    def lint_text(self, text: str, path: str = "<text>") -> ScriptResult:
        """Lint one string as a single draft."""
        return self.lint_script(text_script(text, path))

    def lint_source(self, text: str, path: str, kind: str | None = None) -> list[ScriptResult]:
        """Lint decoded text read as ``kind`` (a suffix such as ".jsonl"; default: from ``path``)."""
        return [self.lint_script(s) for s in read_text(text, path, kind)]

    def lint_file(self, path: str) -> FileReport:
        try:
            scripts = read_path(path, self.encoding)
        except InputError as err:
            return FileReport(path if path != "-" else "<stdin>", error=err)
        shown = "<stdin>" if path == "-" else path
        return FileReport(shown, [self.lint_script(s) for s in scripts])

    def lint_paths(self, paths: Iterable[str]) -> Iterator[FileReport]:
        """Reports for files and directories (walked recursively); missing paths give an error report."""
        files, errors = expand_paths(list(paths))
        for error in errors:
            yield FileReport(error.path, error=error)
        for path in files:
            yield self.lint_file(path)


def lint_text(text: str, **options) -> ScriptResult:
    return Linter(**options).lint_text(text)


def lint_paths(paths: Iterable[str], **options) -> list[FileReport]:
    return list(Linter(**options).lint_paths(paths))


__all__ = ["FileReport", "Linter", "lint_paths", "lint_text", "load_packs"]
