"""Limits on structured input read whole: size, nesting depth, numbers Python will not convert.

Files come from other people, so a JSON or YAML document may be huge, nested 100 000 levels deep
(the C JSON decoder and PyYAML's composer recurse and would raise ``RecursionError``), hold a
5 000-digit integer (``ValueError`` since Python 3.11) or a YAML alias bomb.  ``loads_json`` and
``load_yaml`` turn every such case into a normal parse error: ``loads_json`` raises a
``json.JSONDecodeError`` (so existing handlers report file and line unchanged) and ``load_yaml``
a ``yaml.YAMLError``.  Only safe YAML loading is used: no tag can construct a Python object.
"""

from __future__ import annotations

import json
from typing import Any

import yaml

MAX_DEPTH = 64
MAX_JSON_CHARS = 100_000_000  # a 100 MB JSON document; larger batches belong in JSONL (streamed)
MAX_YAML_CHARS = 10_000_000  # pure-Python PyYAML reads ~0.2 MB/s: 10 MB is already ~50 s
MAX_NODES = 5_000_000  # containers and scalars visited by the depth check (alias bombs)

# Not libyaml's CSafeLoader: its composer recurses in C without a limit, and 50 000 nested "["
# crash the process (SIGSEGV).  The pure-Python loader raises RecursionError instead.
_SafeLoader = yaml.SafeLoader


class JSONLimitError(json.JSONDecodeError):
    """A JSON document over a limit; a JSONDecodeError so callers need no new handler."""


class YAMLLimitError(yaml.YAMLError):
    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


def too_deep(value: Any, limit: int = MAX_DEPTH) -> str | None:
    """Why ``value`` breaks the nesting or size limit, or None.  Iterative, and shared
    containers (YAML aliases) are visited once, so an alias bomb costs no more than its text."""
    seen: set[int] = set()
    stack: list[tuple[Any, int]] = [(value, 1)]
    visited = 0
    while stack:
        item, depth = stack.pop()
        if not isinstance(item, dict | list | tuple):
            continue
        if depth > limit:
            return f"nested deeper than {limit} levels"
        if id(item) in seen:
            continue
        seen.add(id(item))
        visited += len(item)
        if visited > MAX_NODES:
            return f"more than {MAX_NODES:,} values"
        children = item.values() if isinstance(item, dict) else item
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list | tuple))
    return None


def loads_json(text: str) -> Any:
    """``json.loads`` within the limits; every failure is a ``json.JSONDecodeError``."""
    if len(text) > MAX_JSON_CHARS:
        raise JSONLimitError(f"document larger than {MAX_JSON_CHARS:,} characters (use JSONL)", text, 0)
    try:
        data = json.loads(text)
    except RecursionError:
        raise JSONLimitError(f"nested deeper than {MAX_DEPTH} levels", text, 0) from None
    except json.JSONDecodeError:
        raise
    except ValueError as err:  # an integer literal longer than sys.get_int_max_str_digits()
        raise JSONLimitError(f"unusable number ({str(err).split(':')[0]})", text, 0) from None
    if _within_limits(text):
        return data
    problem = too_deep(data)
    if problem is not None:
        raise JSONLimitError(problem, text, 0)
    return data


def _within_limits(text: str) -> bool:
    """True when the text alone proves ``too_deep`` would find nothing (the common case, a flat
    JSONL line, decided by C-level counting instead of a walk of the parsed value): nesting depth
    is at most the number of opening brackets, and the values counted at most the number of
    commas plus one per container (brackets and commas inside strings only overcount)."""
    containers = text.count("{") + text.count("[")
    return containers <= MAX_DEPTH and text.count(",") + containers < MAX_NODES


def load_yaml(text: str) -> Any:
    """``yaml.safe_load`` within the limits; every failure is a ``yaml.YAMLError``."""
    if len(text) > MAX_YAML_CHARS:
        raise YAMLLimitError(f"document larger than {MAX_YAML_CHARS:,} characters")
    try:
        data = yaml.load(text, Loader=_SafeLoader)  # the safe loader: no tag constructs an object
    except RecursionError:
        raise YAMLLimitError(f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as err:  # huge integers, as for JSON
        raise YAMLLimitError(f"unusable value ({str(err).split(':')[0]})") from None
    problem = too_deep(data)
    if problem is not None:
        raise YAMLLimitError(problem)
    return data
