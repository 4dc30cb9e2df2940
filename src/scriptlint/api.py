"""The Python API.  The CLI is a thin layer over it.

    >>> from scriptlint import Linter
    >>> result = Linter().lint_text("你再不还钱，我就去你单位找你领导")
    >>> [f.rule for f in result.findings]   # doctest: +SKIP
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from scriptlint.baseline import Baseline
from scriptlint.batch import Batch
from scriptlint.calls.params import DEFAULT_PROFILE
from scriptlint.config import Config
from scriptlint.documents import expand_paths, load_path, read_text, text_script
from scriptlint.engine import Engine
from scriptlint.errors import ConfigError, InputError
from scriptlint.model import Finding, Script, ScriptResult
from scriptlint.packs import RuleSet, load_packs
from scriptlint.postprocess import process_file
from scriptlint.suppress import META_RULES
from scriptlint.transcripts.roles import DEFAULT_ROLES


@dataclass
class FileReport:
    """Everything scriptlint has to say about one input path."""

    path: str
    results: list[ScriptResult] = field(default_factory=list)
    error: InputError | None = None


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the packs load and compile: they build some
    hundred thousand long-lived objects, and the collections that building them triggers find no
    garbage but cost a tenth of start-up."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Linter:
    """Lints scripts with a rule set, under a configuration (selection, severities, suppressions …).

    ``config`` adds its packs to ``packs``; ``baseline`` marks already-accepted findings.
    """

    def __init__(self, ruleset: RuleSet | None = None, *, packs: Iterable[str | Path] = (),
                 builtin: bool = True, prefilter: bool = True, encoding: str | None = None,
                 config: Config | None = None, baseline: Baseline | None = None,
                 profile: str | None = None, role_aliases: Mapping[str, str] | None = None) -> None:
        self.config = config if config is not None else Config()
        # How to build this Linter again in a worker process (``check --jobs``); None: cannot be.
        self.options: dict | None = None if ruleset is not None else dict(
            packs=list(packs), builtin=builtin, prefilter=prefilter, encoding=encoding, config=config,
            baseline=baseline, profile=profile, role_aliases=dict(role_aliases or {}))
        with _collector_paused():
            if ruleset is None:
                ruleset = load_packs([*self.config["packs"], *packs], builtin=builtin and self.config["builtin"])
            self.known = frozenset(rule.id for rule in ruleset.rules) | frozenset(META_RULES)
            self.ruleset = self.config.apply(ruleset)
            self.engine = Engine(self.ruleset, prefilter_enabled=prefilter,
                                 profile=_check_profile(self.ruleset, profile or DEFAULT_PROFILE))
        try:  # speaker labels of call transcripts (坐席/客户/A/B …) plus the caller's own
            self.roles = DEFAULT_ROLES.with_aliases(role_aliases or {})
        except ValueError as err:
            raise ConfigError(str(err)) from None
        if self.config["scoring"]:
            self.engine.scoring = self.engine.scoring.with_weights(self.config.scoring_overrides())
        self.encoding = encoding if encoding is not None else self.config["encoding"]
        self.baseline = baseline

    def lint_script(self, script: Script) -> ScriptResult:
        return self.engine.lint_script(script)

    def lint_call(self, script: Script, extra: Iterable[Finding] = ()) -> ScriptResult:
        """One call of a batch; ``extra`` holds findings decided across calls (frequency)."""
        result = self.engine.lint_script(script, extra)
        return process_file(script.path, [script], [result], source=None, config=self.config,
                            scoring=self.engine.scoring, known=self.known, baseline=self.baseline)[0]

    def _process(self, path: str, scripts: list[Script], source: str | None) -> list[ScriptResult]:
        results = [self.lint_script(s) for s in scripts]
        return process_file(path, scripts, results, source=source, config=self.config,
                            scoring=self.engine.scoring, known=self.known, baseline=self.baseline)

    def lint_text(self, text: str, path: str = "<text>") -> ScriptResult:
        """Lint one string as a single draft."""
        return self._process(path, [text_script(text, path)], text)[0]

    def lint_source(self, text: str, path: str, kind: str | None = None) -> list[ScriptResult]:
        """Lint decoded text read as ``kind`` (a suffix such as ".jsonl"; default: from ``path``)."""
        return self._process(path, read_text(text, path, kind), text)

    def lint_file(self, path: str) -> FileReport:
        try:
            source, scripts = load_path(path, self.encoding)
        except InputError as err:
            return FileReport(path if path != "-" else "<stdin>", error=err)
        shown = "<stdin>" if path == "-" else path
        return FileReport(shown, self._process(shown, scripts, source))

    def lint_paths(self, paths: Iterable[str]) -> Iterator[FileReport]:
        """Reports for files and directories (walked recursively); missing paths give an error report.

        Files matched by the configuration's ``exclude`` globs are skipped.
        """
        yield from self.batch(paths).run_paths()

    def batch(self, paths: Iterable[str]) -> Batch:
        """A Batch over ``paths``: call transcripts are streamed one report per call (frequency
        limits counted across all of them), other files give one report each."""
        files, errors = expand_paths(list(paths))
        files = [p for p in files if p == "-" or not (self.config["exclude"] and self.config.excluded(p))]
        return Batch(self, self.roles, files=files, errors=errors)


def _check_profile(ruleset: RuleSet, profile: str) -> str:
    from scriptlint.calls import known_profiles

    known = known_profiles(ruleset.rules)
    if profile not in known:
        raise ConfigError(f"unknown profile {profile!r} (known: {', '.join(sorted(known))})")
    return profile


def lint_text(text: str, **options) -> ScriptResult:
    return Linter(**options).lint_text(text)


def lint_paths(paths: Iterable[str], **options) -> list[FileReport]:
    return list(Linter(**options).lint_paths(paths))


__all__ = ["FileReport", "Linter", "lint_paths", "lint_text", "load_packs"]
