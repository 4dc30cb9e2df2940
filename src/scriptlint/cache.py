"""On-disk cache of what start-up derives from the rule packs (as ruff and mypy keep one).

Loading the packs parses YAML with the pure-Python loader and reads the literal anchors of every
regular expression for the prefilter; both are pure functions of the packs' text, and together
they were most of the start-up time.  The cache keeps them:

* ``yaml``: each parsed YAML text (packs, ``_lexicons``, ``_context``, ``_scoring``) as plain data
  with the line of every value, keyed by a hash of the text;
* ``anchors``: each regular expression's required literal sets (its anchors first, then the
  further sets the prefilter checks before running it), keyed by the pattern;
* ``terms``: each literal of the packs (lexicon words, phrases, context cues) in its normalised
  form, keyed by the literal as written (normalising thousands of them was a fifth of start-up).

One cache file per set of loaded packs: its name is a hash of the bytes of every pack file loaded
(built-in and extra, and the shared ``_*.yaml`` files), scriptlint's version, the Python version,
the source of the modules that compute the cached values and the installed OpenCC (whose tables
the normalised terms depend on).  Validation is not cached: it runs
on the cached data every time, so a bad pack is reported exactly as without a cache, and a cache
file is written only after every pack loaded without error.

The format is JSON (never pickle: a cache directory is less trusted than code; a tampered file can
at worst give wrong anchors or normalised terms, not run code).  Files are written atomically
(temporary file, then rename); an unreadable, unwritable or corrupt cache is ignored (and rewritten
when possible).

Where: ``$SCRIPTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/scriptlint``, else ``~/.cache/scriptlint``.
Off: ``--no-cache`` or ``SCRIPTLINT_NO_CACHE=1``.  Clear: ``scriptlint cache clear`` (or delete
the directory).
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

FORMAT = 3
KEEP = 16  # cache files kept (one per distinct set of packs); older ones are removed on write
_PREFIX = "packs-"

# In-process memo, shared by every load in this process (content-addressed, so always valid):
# text digest → JSON of [data, lines]; pattern → anchors.
_yaml: dict[str, str] = {}
Factors = tuple[frozenset[str], ...]  # literal sets a match contains one member of each, best first
_anchors: dict[str, Factors] = {}
_re2_valid: set[str] = set()  # patterns RE2 compiled without error
_MEMO_LIMIT = 4096  # entries of each kind (a fuzzing test loads thousands of throw-away packs)


def enabled() -> bool:
    return os.environ.get("SCRIPTLINT_NO_CACHE", "").strip().lower() in ("", "0", "false", "no")


def disable() -> None:
    """``--no-cache``: for this process and the worker processes it starts."""
    os.environ["SCRIPTLINT_NO_CACHE"] = "1"


def cache_dir() -> Path:
    explicit = os.environ.get("SCRIPTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache"
    return base / "scriptlint"


def clear() -> int:
    """Remove the cache files; the number removed."""
    removed = 0
    directory = cache_dir()
    for path in directory.glob(f"{_PREFIX}*.json") if directory.is_dir() else ():
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


# -- memoised computations ------------------------------------------------------------------------
def text_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def get_yaml(digest: str) -> tuple[Any, dict[tuple[Any, ...], int]] | None:
    """A parsed YAML text, fresh objects each time (callers may keep or change them)."""
    entry = _yaml.get(digest)
    if entry is None:
        return None
    try:
        data, lines = json.loads(entry)
        return data, {tuple(path): line for path, line in lines}
    except (ValueError, TypeError):
        _yaml.pop(digest, None)
        return None


def put_yaml(digest: str, data: Any, lines: dict[tuple[Any, ...], int]) -> None:
    if digest in _yaml or len(_yaml) >= _MEMO_LIMIT or not _plain(data):
        return  # a value JSON would not give back exactly (a date, a number as key …): not cached
    try:
        _yaml[digest] = json.dumps([data, [[list(path), line] for path, line in lines.items()]],
                                   ensure_ascii=False, separators=(",", ":"))
    except (ValueError, TypeError, RecursionError):
        return


def _plain(value: Any, depth: int = 0) -> bool:
    if depth > 200:
        return False
    if value is None or isinstance(value, str | bool | int | float):
        return True
    if type(value) is list:
        return all(_plain(item, depth + 1) for item in value)
    if type(value) is dict:
        return all(type(key) is str and _plain(item, depth + 1) for key, item in value.items())
    return False


def get_anchors(pattern: str) -> tuple[bool, Factors]:
    if pattern in _anchors:
        return True, _anchors[pattern]
    return False, ()


def put_anchors(pattern: str, anchors: Factors) -> None:
    if len(_anchors) < _MEMO_LIMIT * 4:
        _anchors[pattern] = anchors


def normalized_terms() -> dict[str, str]:
    """The in-process memo of ``normalize_term`` (literal → normalised form), which the cache file
    fills and stores."""
    from scriptlint.normalize import TERM_MEMO

    return TERM_MEMO


def re2_valid(pattern: str) -> bool:
    return pattern in _re2_valid


def note_re2_valid(pattern: str) -> None:
    if len(_re2_valid) < _MEMO_LIMIT * 4:
        _re2_valid.add(pattern)


# -- the cache file -------------------------------------------------------------------------------
def _code_fingerprint() -> bytes:
    """The source of the modules whose output is cached (a development checkout keeps its version
    number while they change)."""
    from scriptlint import __version__, normalize
    from scriptlint.matchers import charfreq, regex
    from scriptlint.packs import yamlpos

    digest = hashlib.sha256(f"{FORMAT}|{__version__}|{sys.version}".encode())
    for module in (yamlpos, regex, charfreq, normalize, sys.modules[__name__]):
        try:
            digest.update(Path(module.__file__ or "").read_bytes())
        except OSError:
            digest.update(b"?")
    # the RE2 build that validated the patterns and the OpenCC whose tables normalised the terms
    # (found, not imported: a warm start needs neither to read the cache)
    for name in ("re2", "opencc"):
        try:
            spec = importlib.util.find_spec(name)
            for location in [spec.origin] if spec and spec.origin else []:
                info = os.stat(location)
                digest.update(f"{location}|{info.st_size}|{info.st_mtime_ns}".encode())
        except (OSError, ImportError, ValueError):
            digest.update(b"?")
    return digest.digest()


def key_for(files: Iterable[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256(_code_fingerprint())
    for name, content in files:
        for part in (name.encode("utf-8", "surrogatepass"), content):
            digest.update(len(part).to_bytes(8, "little"))
            digest.update(part)
    return digest.hexdigest()[:40]


class Session:
    """The cache file for one set of packs: read when loading starts, written when it succeeded."""

    def __init__(self, files: Iterable[tuple[str, bytes]]) -> None:
        self.path = cache_dir() / f"{_PREFIX}{key_for(files)}.json"
        self.stored: tuple[set[str], set[str], set[str], set[str]] = (set(), set(), set(), set())  # what the file holds
        self.hit = self._read()

    def _read(self) -> bool:
        try:
            with open(self.path, encoding="utf-8") as handle:
                stored = json.load(handle)
        except (OSError, ValueError, UnicodeDecodeError, RecursionError):
            return False
        if not (isinstance(stored, dict) and stored.get("format") == FORMAT
                and isinstance(stored.get("yaml"), dict) and isinstance(stored.get("anchors"), dict)
                and isinstance(stored.get("re2"), list) and all(isinstance(p, str) for p in stored["re2"])
                and isinstance(stored.get("terms"), dict)):
            return False
        terms = stored["terms"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in terms.items()):
            return False
        yaml_entries, anchor_entries = stored["yaml"], stored["anchors"]
        if not all(isinstance(k, str) and isinstance(v, str) for k, v in yaml_entries.items()):
            return False
        anchors: dict[str, Factors] = {}
        for pattern, found in anchor_entries.items():
            if not (isinstance(found, list) and all(
                    isinstance(f, list) and f and all(isinstance(a, str) and a for a in f) for f in found)):
                return False
            anchors[pattern] = tuple(frozenset(f) for f in found)
        for digest, entry in yaml_entries.items():
            _yaml.setdefault(digest, entry)
        for pattern, found in anchors.items():
            _anchors.setdefault(pattern, found)
        _re2_valid.update(stored["re2"])
        normalized_terms().update(terms)
        self.stored = (set(yaml_entries), set(anchors), set(stored["re2"]), set(terms))
        return True

    def write(self, digests: Iterable[str], patterns: Iterable[str]) -> None:
        """Store the given YAML texts and anchor sets (and the patterns RE2 accepted); silently
        nothing when it cannot."""
        digests = [d for d in digests if d in _yaml]
        patterns = list(patterns)
        terms = normalized_terms()
        if (set(digests) <= self.stored[0] and set(patterns) <= self.stored[1] and _re2_valid <= self.stored[2]
                and terms.keys() <= self.stored[3]):
            return  # the file already holds all of it
        anchors = {}
        for pattern in patterns:
            known, found = get_anchors(pattern)
            if known:
                anchors[pattern] = [sorted(f) for f in found]
        payload = {"format": FORMAT, "yaml": {d: _yaml[d] for d in digests}, "anchors": anchors,
                   "re2": sorted(_re2_valid), "terms": dict(sorted(terms.items()))}
        directory = self.path.parent
        try:
            directory.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(prefix=".tmp-", suffix=".json", dir=directory)
        except OSError:
            return
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(payload, handle, ensure_ascii=False, separators=(",", ":"))
            os.replace(temporary, self.path)
        except (OSError, ValueError, TypeError):
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return
        _prune(directory, self.path)


def _prune(directory: Path, keep: Path) -> None:
    try:
        files = sorted(directory.glob(f"{_PREFIX}*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in [p for p in files if p != keep][KEEP - 1:]:
            old.unlink()
    except OSError:
        pass
