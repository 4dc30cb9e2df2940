"""Validation of call-rule parameters, profile overrides, and compiled pattern lists.

Every call-level kind accepts ``enabled`` (default true) and ``profiles``: a mapping of profile
name → parameter overrides (``{fdcpa: {quiet: ["21:00-08:00"]}}``, ``{fdcpa: {enabled: false}}``).
``default`` is the profile used when none is chosen.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from scriptlint.matchers import Matcher, build_pattern
from scriptlint.model import ROLES
from scriptlint.packs import schema

Problem = tuple[tuple[Any, ...], str]
Validator = Callable[[dict[str, Any]], list[Problem]]
DEFAULT_PROFILE = "default"
COMMON_KEYS = {"enabled", "profiles"}
_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def effective(params: dict[str, Any], profile: str) -> dict[str, Any] | None:
    """Parameters for ``profile`` (overrides applied), or None when the rule is off for it."""
    merged = {k: v for k, v in params.items() if k != "profiles"}
    merged.update((params.get("profiles") or {}).get(profile) or {})
    return merged if merged.get("enabled", True) else None


def profiles_of(params: dict[str, Any]) -> set[str]:
    return set((params.get("profiles") or {}).keys())


def validating(keys: dict[str, Callable[[Any], str | None]], required: tuple[str, ...] = ()) -> Validator:
    """A validator for a kind whose parameters are ``keys`` (name → check returning a problem)."""

    def check_one(params: dict[str, Any], where: tuple[Any, ...], need: tuple[str, ...]) -> list[Problem]:
        problems: list[Problem] = []
        for key, value in params.items():
            if key in COMMON_KEYS:
                continue
            if key not in keys:
                allowed = ", ".join([*keys, *sorted(COMMON_KEYS)])
                problems.append(((*where, key), f"unknown parameter (allowed: {allowed})"))
                continue
            problem = keys[key](value)
            if problem:
                problems.append(((*where, key), problem))
        problems += [((*where,), f"missing required parameter {key!r}") for key in need if key not in params]
        if "enabled" in params and not isinstance(params["enabled"], bool):
            problems.append(((*where, "enabled"), "must be true or false"))
        return problems

    def validate(params: dict[str, Any]) -> list[Problem]:
        if not isinstance(params, dict):
            return [((), "must be a mapping")]
        problems = check_one(params, (), required)
        profiles = params.get("profiles", {})
        if not isinstance(profiles, dict):
            return [*problems, (("profiles",), "must map profile names to parameter overrides")]
        for name, overrides in profiles.items():
            if not isinstance(overrides, dict):
                problems.append((("profiles", name), "must be a mapping of parameter overrides"))
            elif "profiles" in overrides:
                problems.append((("profiles", name, "profiles"), "profiles cannot be nested"))
            else:
                problems += check_one(overrides, ("profiles", name), ())
        return problems

    return validate


# -- value checks: each returns a problem or None ------------------------------------------------
def positive_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 1
    return None if ok else "must be a whole number ≥ 1"


def non_negative_int(value: Any) -> str | None:
    ok = isinstance(value, int) and not isinstance(value, bool) and value >= 0
    return None if ok else "must be a whole number ≥ 0"


def boolean(value: Any) -> str | None:
    return None if isinstance(value, bool) else "must be true or false"


def one_of(*choices: str) -> Callable[[Any], str | None]:
    return lambda value: None if value in choices else f"must be one of {', '.join(choices)}"


def roles(value: Any) -> str | None:
    if not isinstance(value, list) or not value or any(r not in ROLES for r in value):
        return f"must be a list of roles: {', '.join(ROLES)}"
    return None


def timezone(value: Any) -> str | None:
    from zoneinfo import ZoneInfo

    if value is None:
        return None
    try:
        ZoneInfo(str(value))
    except (KeyError, ValueError):
        return f"unknown time zone {value!r} (use an IANA name such as Asia/Shanghai)"
    return None


def clock_window(value: Any) -> tuple[int, int] | None:
    """"HH:MM-HH:MM" → (from, to) minutes after midnight, or None when malformed."""
    if not isinstance(value, str) or value.count("-") != 1:
        return None
    parts = [_CLOCK.match(p.strip()) for p in value.split("-")]
    if not all(parts):
        return None
    (h1, m1), (h2, m2) = (p.groups() for p in parts if p)
    return int(h1) * 60 + int(m1), int(h2) * 60 + int(m2)


def windows(value: Any) -> str | None:
    if not isinstance(value, list) or any(clock_window(v) is None for v in value):
        return 'must be a list of "HH:MM-HH:MM" windows, e.g. ["22:00-08:00"]'
    return None


def patterns(value: Any) -> str | None:
    """A list of pattern specs, as in a pattern rule (``{regex: …}``, ``{phrase: […]}`` …)."""
    if not isinstance(value, list) or not value:
        return "must be a non-empty list of patterns ({regex: …}, {phrase: […]} …)"
    for i, spec in enumerate(value):
        if not isinstance(spec, dict):
            return f"[{i}] must be a mapping with one of {', '.join(schema.PATTERN_KINDS)}"
        kinds = [k for k in spec if k in schema.PATTERN_KINDS]
        if len(kinds) != 1 or any(k not in schema.PATTERN_KINDS and k not in schema.PATTERN_OPTIONS for k in spec):
            return f"[{i}] needs exactly one of {', '.join(schema.PATTERN_KINDS)}"
        try:
            build_pattern(spec)
        except Exception as err:  # a bad regex or option; the message is what the author needs
            return f"[{i}] invalid pattern: {err}"
    return None


def requirement_groups(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a non-empty list of {label, patterns} items"
    for i, item in enumerate(value):
        if not isinstance(item, dict) or set(item) - {"label", "patterns"} or "patterns" not in item:
            return f"[{i}] must be a mapping with label and patterns"
        if not isinstance(item.get("label", ""), str):
            return f"[{i}].label must be a string"
        problem = patterns(item["patterns"])
        if problem:
            return f"[{i}].patterns{problem if problem.startswith('[') else ': ' + problem}"
    return None


# id(list) → (the list, its matchers); holding the list keeps its id from being reused.
_COMPILED: dict[int, tuple[list[dict[str, Any]], list[Matcher]]] = {}


def compiled(specs: list[dict[str, Any]] | None) -> list[Matcher]:
    """Matchers for a (validated) pattern list, compiled once per list object."""
    if not specs:
        return []
    key = id(specs)
    if key not in _COMPILED:
        _COMPILED[key] = (specs, [build_pattern(spec) for spec in specs])
    return _COMPILED[key][1]
