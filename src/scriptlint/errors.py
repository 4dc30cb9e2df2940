"""Errors that end in exit status 2 with a one-line message instead of a traceback."""

from __future__ import annotations


class ScriptlintError(Exception):
    """Base class: ``str(err)`` is the one-line message shown to the user."""


class PackError(ScriptlintError):
    """A rule pack failed validation. Names the file, the line and the field."""

    def __init__(self, path: str, line: int | None, field: str, problem: str) -> None:
        self.path, self.line, self.field, self.problem = path, line, field, problem
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {field}: {problem}" if field else f"{where}: {problem}")


class InputError(ScriptlintError):
    """An input file could not be read or parsed; other inputs are still checked."""

    def __init__(self, path: str, problem: str, line: int | None = None) -> None:
        self.path, self.problem, self.line = path, problem, line
        where = f"{path}:{line}" if line else path
        super().__init__(f"{where}: {problem}")


class ConfigError(ScriptlintError):
    """A configuration file or option is invalid."""


class NotScriptError(InputError):
    """The file parsed but holds no scripts (a YAML or JSON file of another kind).

    ``check --skip-non-scripts`` (used by the pre-commit hook) skips such files instead of failing.
    """
