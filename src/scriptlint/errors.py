"""Errors that end in exit status 2 with a one-line message instead of a traceback."""

from __future__ import annotations


def _masked(text: str) -> str:
    """Messages quote what they read (a field value, a speaker label), and error lines end up in CI
    logs: personal numbers in them are masked like everywhere else in the output."""
    from scriptlint.redact import mask_text  # imported on use: redact imports the package

    return mask_text(text) or text


class ScriptlintError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to the user (personal numbers masked)."""

    def __init__(self, *args: object) -> None:
        super().__init__(*(_masked(a) if isinstance(a, str) else a for a in args))


class PackError(ScriptlintError):
    """A rule pack failed validation. Names the file, the line and the field."""

    def __init__(self, path: str, line: int | None, field: str, problem: str) -> None:
        problem = _masked(problem)
        self.path, self.line, self.field, self.problem = path, line, field, problem
        where = f"{path}:{line}" if line else path
        message = f"{where}: {field}: {problem}" if field else f"{where}: {problem}"
        Exception.__init__(self, message)  # the path is shown as given, not masked


class InputError(ScriptlintError):
    """An input file could not be read or parsed; other inputs are still checked."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        problem = _masked(problem)
        self.path, self.problem, self.line = path, problem, line
        where = f"{path}:{line}" if line else path
        Exception.__init__(self, f"{where}: {problem}")  # the path is shown as given, not masked


class ConfigError(ScriptlintError):
    """A configuration file or option is invalid."""


class NotScriptError(InputError):
    """The file parsed but holds no scripts (a YAML or JSON file of another kind).

    ``check --skip-non-scripts`` (used by the pre-commit hook) skips such files instead of failing.
    """
