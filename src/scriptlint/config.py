"""Configuration: ``[tool.scriptlint]`` in ``pyproject.toml`` or a ``scriptlint.toml``, plus CLI flags.

Discovery walks upward from the checked path (ruff's rule): the nearest directory holding
``.scriptlint.toml``, ``scriptlint.toml`` or a ``pyproject.toml`` with a ``[tool.scriptlint]`` table
wins; files do not cascade.  Command-line values replace configured ones (mappings are merged
key by key).  Every resolved value remembers where it came from, for ``scriptlint config``.

Rule selectors are rule ids or id prefixes (``THREAT``, ``THREAT-001``) or ``ALL``; of the
selectors in ``select`` and ``ignore`` that match a rule, the longest decides (ignore wins a tie),
so ``select = ["THREAT-001"]`` with ``ignore = ["THREAT"]`` keeps THREAT-001.
"""

from __future__ import annotations

import fnmatch
import os
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from scriptlint.errors import ConfigError
from scriptlint.model import SEVERITIES

if TYPE_CHECKING:
    from scriptlint.packs import RuleSet

CONFIG_FILES = (".scriptlint.toml", "scriptlint.toml", "pyproject.toml")
FAIL_ON = ("error", "warning", "info", "never")
SCORE_KEYS = ("overall", "legal", "respect")
# ScoringModel attributes a config may override: name → (kind, allowed sub-keys or None).
SCORING_KEYS: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "base": ("number", None),
    "penalty": ("table", SEVERITIES),
    "repeat-factor": ("number", None),
    "spill": ("table", None),
    "error-ceiling": ("number", None),
    "bonus-cap": ("number", None),
    "overall": ("table", ("legal", "respect")),
}

DEFAULTS: dict[str, Any] = {
    "select": ["ALL"],
    "ignore": [],
    "per-file-ignores": {},
    "severity": {},
    "packs": [],
    "builtin": True,
    "exclude": [],
    "scoring": {},
    "fail-on": "error",
    "fail-under": {},
    "baseline": None,
    "mask-pii": True,
    "encoding": None,
    "format": "text",
    "skip-non-scripts": False,
    "profile": None,
    "role-aliases": {},
}
ROLE_NAMES = ("agent", "debtor", "third_party", "system")
FORMATS = ("text", "json", "sarif", "junit", "github")


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _problem(key: str, value: Any) -> str | None:
    """Why ``value`` is not valid for ``key``, or None."""
    if key in ("select", "ignore", "packs", "exclude"):
        return None if _strings(value) else "must be a list of strings"
    if key == "per-file-ignores":
        if not isinstance(value, dict) or not all(_strings(v) for v in value.values()):
            return "must be a table of glob = [rule ids or prefixes]"
        return None
    if key == "severity":
        if not isinstance(value, dict):
            return "must be a table of rule id or prefix = severity"
        for rule, level in value.items():
            if level not in SEVERITIES:
                return f"{rule}: {level!r} is not one of {', '.join(SEVERITIES)}"
        return None
    if key in ("builtin", "mask-pii", "skip-non-scripts"):
        return None if isinstance(value, bool) else "must be true or false"
    if key == "fail-on":
        return None if value in FAIL_ON else f"{value!r} is not one of {', '.join(FAIL_ON)}"
    if key == "format":
        return None if value in FORMATS else f"{value!r} is not one of {', '.join(FORMATS)}"
    if key == "role-aliases":
        if not isinstance(value, dict) or not all(isinstance(k, str) and k for k in value):
            return "must be a table of speaker label = role"
        for label, role in value.items():
            if role not in ROLE_NAMES:
                return f"{label}: {role!r} is not one of {', '.join(ROLE_NAMES)}"
        return None
    if key in ("baseline", "encoding", "profile"):
        return None if value is None or (isinstance(value, str) and value) else "must be a string"
    if key == "fail-under":
        table = value if isinstance(value, dict) else {"overall": value}
        for name, threshold in table.items():
            if name not in SCORE_KEYS:
                return f"{name!r} is not one of {', '.join(SCORE_KEYS)}"
            if not _number(threshold) or not 0 <= threshold <= 100:
                return f"{name}: must be a number from 0 to 100"
        return None
    if key == "scoring":
        if not isinstance(value, dict):
            return "must be a table"
        for name, item in value.items():
            if name not in SCORING_KEYS:
                return f"unknown scoring key {name!r} (allowed: {', '.join(SCORING_KEYS)})"
            kind, allowed = SCORING_KEYS[name]
            if kind == "number" and not _number(item):
                return f"{name}: must be a number"
            if kind == "table":
                if not isinstance(item, dict) or not all(_number(v) for v in item.values()):
                    return f"{name}: must be a table of numbers"
                extra = [k for k in item if allowed is not None and k not in allowed]
                if extra:
                    return f"{name}.{extra[0]}: not one of {', '.join(allowed or ())}"
        return None
    return f"unknown key (allowed: {', '.join(DEFAULTS)})"


@dataclass
class Config:
    """Resolved settings; ``sources[key]`` says where each value came from."""

    values: dict[str, Any] = field(default_factory=lambda: dict(DEFAULTS))
    sources: dict[str, str] = field(default_factory=lambda: dict.fromkeys(DEFAULTS, "default"))
    path: Path | None = None  # the configuration file, if any
    root: Path = field(default_factory=Path.cwd)  # relative paths and globs are resolved here

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    # -- rules --------------------------------------------------------------------------------
    def enabled(self, rule_id: str, file_path: str | None = None) -> bool:
        """Whether ``rule_id`` runs (on ``file_path``, when per-file ignores are to be applied)."""
        if not _decide(rule_id, self.values["select"], self.values["ignore"]):
            return False
        return not (file_path is not None and rule_id in self.ignored_in(file_path, (rule_id,)))

    def ignored_in(self, file_path: str, rule_ids: Iterable[str]) -> set[str]:
        patterns = [sel for glob, selectors in self.values["per-file-ignores"].items()
                    if self.matches(glob, file_path) for sel in selectors]
        return {r for r in rule_ids if any(_covers(sel, r) for sel in patterns)} if patterns else set()

    def severity_of(self, rule_id: str, default: str) -> str:
        best = max((sel for sel in self.values["severity"] if _covers(sel, rule_id)), key=len, default=None)
        return self.values["severity"][best] if best is not None else default

    def check_selectors(self, known: Iterable[str]) -> None:
        """Selectors that match no loaded rule are errors: a typo must not silently select nothing."""
        known = list(known)
        pairs = [(key, sel) for key in ("select", "ignore") for sel in self.values[key]]
        pairs += [("per-file-ignores", sel) for sels in self.values["per-file-ignores"].values() for sel in sels]
        pairs += [("severity", sel) for sel in self.values["severity"]]
        for key, selector in pairs:
            if selector != "ALL" and not any(_covers(selector, rule) for rule in known):
                raise ConfigError(f"{self.sources[key]}: {key}: {selector!r} matches no loaded rule")

    def apply(self, ruleset: RuleSet) -> RuleSet:
        """The rule set with only the selected rules, at their configured severities.

        Done before the Engine is built, so ignored rules are never compiled or evaluated.
        """
        from scriptlint.packs import RuleSet
        from scriptlint.suppress import META_RULES

        self.check_selectors([rule.id for rule in ruleset.rules] + list(META_RULES))
        rules = [replace(rule, severity=self.severity_of(rule.id, rule.severity))
                 for rule in ruleset.rules if self.enabled(rule.id)]
        return RuleSet(rules, ruleset.terms, ruleset.files, ruleset.data_dir)

    # -- files --------------------------------------------------------------------------------
    def relative(self, file_path: str) -> str:
        """``file_path`` relative to the config root, with forward slashes (for globs and baselines)."""
        if file_path.startswith("<"):
            return file_path
        try:
            rel = os.path.relpath(Path(file_path).resolve(), self.root.resolve())
        except ValueError:  # another drive on Windows
            rel = str(Path(file_path).resolve())
        return PurePosixPath(Path(rel)).as_posix()

    def matches(self, glob: str, file_path: str) -> bool:
        """fnmatch-style (``*`` also crosses ``/``); a glob without ``/`` also matches the file name."""
        rel = self.relative(file_path)
        glob = glob.removeprefix("./")
        if fnmatch.fnmatchcase(rel, glob) or fnmatch.fnmatchcase(rel, glob.removeprefix("**/")):
            return True
        return "/" not in glob and fnmatch.fnmatchcase(PurePosixPath(rel).name, glob)

    def excluded(self, file_path: str) -> bool:
        return any(self.matches(glob, file_path) or self.matches(glob.rstrip("/") + "/*", file_path)
                   for glob in self.values["exclude"])

    # -- thresholds ---------------------------------------------------------------------------
    @property
    def fail_under(self) -> dict[str, float]:
        value = self.values["fail-under"]
        return dict(value) if isinstance(value, dict) else {"overall": value}

    def scoring_overrides(self) -> dict[str, Any]:
        """``scoring`` with ScoringModel attribute names (kebab-case → snake_case)."""
        names = {"overall": "overall_weights"}
        return {names.get(k, k.replace("-", "_")): v for k, v in self.values["scoring"].items()}

    def with_value(self, key: str, value: Any, source: str) -> Config:
        problem = _problem(key, value)
        if problem is not None:
            raise ConfigError(f"{source}: {key}: {problem}")
        values, sources = dict(self.values), dict(self.sources)
        current = values.get(key)
        if key in ("per-file-ignores", "severity", "scoring") and isinstance(current, dict):
            value = _merge(current, value)
        elif key == "fail-under":
            value = {**self.fail_under, **(value if isinstance(value, dict) else {"overall": value})}
        values[key] = value
        sources[key] = source
        return replace(self, values=values, sources=sources)


def _merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in extra.items():
        merged[key] = _merge(merged[key], value) if isinstance(value, dict) and isinstance(
            merged.get(key), dict) else value
    return merged


def _covers(selector: str, rule_id: str) -> bool:
    return selector == "ALL" or rule_id == selector or rule_id.startswith(selector)


def _decide(rule_id: str, select: list[str], ignore: list[str]) -> bool:
    def weight(selector: str) -> int:
        return 0 if selector == "ALL" else len(selector)

    best_select = max((weight(s) for s in select if _covers(s, rule_id)), default=-1)
    best_ignore = max((weight(s) for s in ignore if _covers(s, rule_id)), default=-1)
    return best_select > best_ignore


# -- files ----------------------------------------------------------------------------------------
def read_file(path: Path) -> dict[str, Any] | None:
    """The scriptlint table of a config file; None for a pyproject.toml without one."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as err:
        raise ConfigError(f"{path}: cannot read: {err.strerror or err}") from None
    except tomllib.TOMLDecodeError as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("scriptlint")
        if table is not None and not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.scriptlint: must be a table")
        return table
    return data


def discover(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest configuration at or above ``start`` (a file or directory)."""
    directory = start.resolve()
    if not directory.is_dir():
        directory = directory.parent
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                table = read_file(candidate)
                if table is not None:
                    return candidate, table
    return None


def from_table(path: Path, table: dict[str, Any]) -> Config:
    label = f"{path} [tool.scriptlint]" if path.name == "pyproject.toml" else str(path)
    config = Config(path=path, root=path.parent)
    for key, value in table.items():
        if key not in DEFAULTS:
            raise ConfigError(f"{label}: {key}: unknown key (allowed: {', '.join(DEFAULTS)})")
        if key == "packs":  # paths in a config file are relative to that file
            value = [str(path.parent / p) for p in value] if _strings(value) else value
        elif key == "baseline" and isinstance(value, str) and value:
            value = str(path.parent / value)
        config = config.with_value(key, value, label)
    return config


def load(paths: Iterable[str] = (), config_file: str | None = None, isolated: bool = False) -> Config:
    """The configuration for a run over ``paths``: explicit file, else discovered, else defaults."""
    if isolated:
        return Config()
    if config_file is not None:
        path = Path(config_file)
        if not path.is_file():
            raise ConfigError(f"{config_file}: configuration file not found")
        table = read_file(path)
        if table is None:
            raise ConfigError(f"{config_file}: no [tool.scriptlint] table")
        return from_table(path, table)
    found = discover(_common_parent([p for p in paths if p != "-"]))
    return from_table(*found) if found else Config()


def _common_parent(paths: list[str]) -> Path:
    if not paths:
        return Path.cwd()
    resolved = [Path(p).resolve() for p in paths]
    try:
        return Path(os.path.commonpath([str(p) for p in resolved]))
    except ValueError:
        return Path.cwd()


# -- command-line overrides -----------------------------------------------------------------------
def _pairs(flag: str, items: Iterable[str]) -> list[tuple[str, str]]:
    pairs = []
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key.strip() or not value.strip():
            raise ConfigError(f"{flag}: expected KEY=VALUE, got {item!r}")
        pairs.append((key.strip(), value.strip()))
    return pairs


def _ids(items: Iterable[str]) -> list[str]:
    return [part.strip().upper() if part.strip().upper() != "ALL" else "ALL"
            for item in items for part in item.split(",") if part.strip()]


def _float(flag: str, text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise ConfigError(f"{flag}: {text!r} is not a number") from None


def _fail_under(items: Iterable[str]) -> dict[str, float]:
    table: dict[str, float] = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep:
            key, value = "overall", item
        table[key.strip()] = _float("--fail-under", value.strip())
    return table


def _weights(items: Iterable[str]) -> dict[str, Any]:
    table: dict[str, Any] = {}
    for key, value in _pairs("--score-weight", items):
        head, _, sub = key.partition(".")
        number = _float("--score-weight", value)
        if sub:
            table.setdefault(head, {})[sub] = number
        else:
            table[head] = number
    return table


# Each CLI option: (config key, how the flag's value becomes a config value).
CLI_OPTIONS: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "select": ("select", _ids),
    "ignore": ("ignore", _ids),
    "per_file_ignores": ("per-file-ignores",
                         lambda items: {g: _ids([ids]) for g, ids in _pairs("--per-file-ignores", items)}),
    "severity": ("severity", lambda items: {k.upper(): v.lower() for k, v in _pairs("--severity", items)}),
    "fail_on": ("fail-on", lambda value: value),
    "fail_under": ("fail-under", _fail_under),
    "score_weight": ("scoring", _weights),
    "exclude": ("exclude", list),
    "skip_non_scripts": ("skip-non-scripts", lambda value: value),
    "show_pii": ("mask-pii", lambda value: not value),
    "encoding": ("encoding", lambda value: value),
    "profile": ("profile", lambda value: value),
    "role_alias": ("role-aliases", lambda items: dict(_pairs("--role-alias", items))),
}


def apply_cli(config: Config, options: dict[str, Any]) -> Config:
    """Lay command-line values over ``config``; options left unset (None, empty, False) are skipped."""
    for name, (key, convert) in CLI_OPTIONS.items():
        value = options.get(name)
        if value is None or value == () or value is False:
            continue
        config = config.with_value(key, convert(value), "command line")
    return config


def describe(config: Config) -> str:
    """The resolved configuration as TOML-like lines, each with its source."""
    import json

    head = f"# configuration file: {config.path}" if config.path else "# no configuration file found"
    lines = [head, "[tool.scriptlint]"]
    for key in DEFAULTS:
        value = config.values[key]
        if key == "fail-under":
            value = config.fail_under
        if value is None:
            lines.append(f'# {key} = ""  # unset ({config.sources[key]})')
            continue
        lines.append(f"{key} = {json.dumps(value, ensure_ascii=False)}  # {config.sources[key]}")
    return "\n".join(lines)


__all__ = ["Config", "ConfigError", "apply_cli", "describe", "discover", "load"]
