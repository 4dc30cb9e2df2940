"""Load, validate and compile rule packs.  A bad pack raises ``PackError`` naming file, line, field."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from scriptlint import cache
from scriptlint.errors import PackError
from scriptlint.matchers import build_pattern
from scriptlint.matchers.regex import RegexMatcher, compile_re2
from scriptlint.normalize import normalize_term
from scriptlint.packs import schema
from scriptlint.packs.model import Basis, ContextOptions, Exclusion, Rule
from scriptlint.packs.yamlpos import PositionedYaml, YamlSyntaxError, load

# Rule kinds other than ``pattern`` (call-level checks) register a params validator here:
# ``validate(params) -> list[(key_path, problem)]``.
RULE_KINDS: dict[str, Callable[[dict[str, Any]], list[tuple[tuple[Any, ...], str]]]] = {}


def builtin_rules_dir() -> Path:
    """The packs shipped with scriptlint: inside the wheel, or ``rules/`` of a source checkout."""
    here = Path(__file__).resolve().parent.parent
    packaged = here / "_rules"
    if packaged.is_dir():
        return packaged
    return here.parent.parent / "rules"


@dataclass
class RuleSet:
    rules: list[Rule]
    terms: set[str] = field(default_factory=set)
    files: list[Path] = field(default_factory=list)
    data_dir: Path | None = None  # where _context.yaml and _scoring.yaml were found

    def by_id(self) -> dict[str, Rule]:
        return {rule.id: rule for rule in self.rules}

    def get(self, rule_id: str) -> Rule | None:
        return self.by_id().get(rule_id)


def pack_files(directories: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for directory in directories:
        if directory.is_file():
            files.append(directory)
            continue
        if not directory.is_dir():
            raise PackError(str(directory), None, "", "rule pack directory not found")
        files.extend(sorted(p for p in directory.glob("*.y*ml")
                            if p.suffix in (".yaml", ".yml") and not p.name.startswith("_")))
    return files


def load_packs(extra: Iterable[str | Path] = (), builtin: bool = True) -> RuleSet:
    """Load the built-in packs (unless ``builtin`` is False) and any extra files or directories."""
    directories = ([builtin_rules_dir()] if builtin else []) + [Path(p) for p in extra]
    rules: list[Rule] = []
    terms: set[str] = set()
    seen: dict[str, str] = {}
    files = pack_files(directories)
    session = _cache_session(files)
    shared = shared_lexicons()
    for path in files:
        pack_rules, pack_terms = load_pack_file(path, shared)
        for rule in pack_rules:
            if rule.id in seen:
                line = int(rule.source.rsplit(":", 1)[1])
                raise PackError(str(path), line, f"{rule.id}.id",
                                f"duplicate rule id (first defined at {seen[rule.id]})")
            seen[rule.id] = rule.source
        rules.extend(pack_rules)
        terms |= pack_terms
    if session is not None:
        _fill_cache(session, files, rules)
    return RuleSet(rules, terms, files, builtin_rules_dir() if builtin else None)


_SHARED_FILES = ("_lexicons.yaml", "_context.yaml", "_scoring.yaml")


def _shared_paths() -> list[Path]:
    return [builtin_rules_dir() / name for name in _SHARED_FILES]


def _cache_session(files: list[Path]) -> cache.Session | None:
    """The start-up cache for exactly these pack files (None: disabled, or a file is unreadable,
    which loading will report)."""
    if not cache.enabled():
        return None
    contents = []
    for path in [*files, *_shared_paths()]:
        try:
            contents.append((str(path), path.read_bytes() if path.exists() or path in files else b""))
        except OSError:
            return None
    return cache.Session(contents)


def _fill_cache(session: cache.Session, files: list[Path], rules: list[Rule]) -> None:
    """After every pack loaded without error: make sure everything start-up derives from the
    packs is computed (the engine would do it next anyway) and store it."""
    digests = []
    for path in [*files, *_shared_paths()]:
        try:
            text = path.read_text(encoding="utf-8-sig" if path in files else "utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if path not in files:
            try:
                load(text)  # _context and _scoring are read by the engine: parsed now, cached
            except YamlSyntaxError:
                continue  # reported by whoever reads the file
            if not session.hit:
                _normalize_engine_terms(path)
        digests.append(cache.text_digest(text))
    patterns = []
    for rule in rules:
        for matcher in rule.patterns:
            for part in (matcher, getattr(matcher, "a", None), getattr(matcher, "b", None)):
                if isinstance(part, RegexMatcher):
                    part.anchors()
                    patterns.append(part.pattern)
    session.write(digests, patterns)


def _normalize_engine_terms(path: Path) -> None:
    """Build what the engine reads from ``_context`` and ``_scoring`` once, so that their cues and
    phrases are normalised now and stored with the rest."""
    from scriptlint.context import ContextLexicon  # the engine's modules: not needed to load packs
    from scriptlint.scoring import ScoringModel

    build = {"_context.yaml": ContextLexicon.from_file, "_scoring.yaml": ScoringModel.from_file}.get(path.name)
    try:
        if build is not None:
            build(path)
    except Exception:  # a broken file is reported when the engine reads it
        return


def shared_lexicons() -> dict[str, list[str]]:
    """Word classes every pack may use (``rules/_lexicons.yaml``): name → terms."""
    path = builtin_rules_dir() / "_lexicons.yaml"
    if not path.exists():
        return {}
    try:
        doc = load(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as err:
        raise PackError(str(path), err.line, "", err.problem) from None
    data = doc.data or {}
    lexicons: dict[str, list[str]] = {}
    for name, terms in data.items():
        if not isinstance(terms, list) or not all(isinstance(t, str) and t for t in terms):
            raise PackError(str(path), doc.line((name,)), str(name), "a lexicon is a list of non-empty strings")
        lexicons[str(name)] = terms
    return lexicons


def load_pack_file(path: Path, shared: dict[str, list[str]] | None = None) -> tuple[list[Rule], set[str]]:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise PackError(str(path), None, "", f"cannot read rule pack: {err}") from None
    try:
        doc = load(text)
    except YamlSyntaxError as err:
        raise PackError(str(path), err.line, "", err.problem) from None
    return _Compiler(str(path), doc, shared if shared is not None else shared_lexicons()).compile()


_LEXICON_REF = re.compile(r"\{\{([^{}]+)\}\}")


@lru_cache(maxsize=512)
def _normalized_words(words: tuple[str, ...]) -> tuple[str, ...]:
    """A lexicon's words as a pattern uses them: normalised, longest first, ties in a fixed order
    (so the expanded pattern is the same in every process).  Memoised: every reference to a
    lexicon expands it, and a large lexicon is referenced by dozens of patterns."""
    return tuple(sorted({normalize_term(w) for w in words}, key=lambda w: (-len(w), w)))


@lru_cache(maxsize=512)
def _alternation(words: tuple[str, ...]) -> str:
    """``{{name}}`` inside a regex: a group of the escaped words (memoised for the same reason)."""
    return "(?:" + "|".join(re.escape(w) for w in words) + ")"


class _Compiler:
    def __init__(self, path: str, doc: PositionedYaml, lexicons: dict[str, list[str]]) -> None:
        self.path, self.doc = path, doc
        self.lexicons = dict(lexicons)

    def fail(self, where: tuple[Any, ...], field_name: str, problem: str) -> PackError:
        return PackError(self.path, self.doc.line(where), field_name, problem)

    def check_keys(self, value: Any, keys: dict[str, Any], where: tuple[Any, ...], label: str,
                   required: Iterable[str] = ()) -> None:
        if not isinstance(value, dict):
            raise self.fail(where, label, "must be a mapping")
        for key, item in value.items():
            if key not in keys:
                raise self.fail((*where, key), f"{label}.{key}" if label else str(key),
                                f"unknown field (allowed: {', '.join(keys)})")
            expected = keys[key]
            if not isinstance(item, expected) or (expected is int and isinstance(item, bool)):
                names = " or ".join(t.__name__ for t in (expected if isinstance(expected, tuple) else (expected,)))
                raise self.fail((*where, key), f"{label}.{key}" if label else str(key),
                                f"must be a {names}")
        for key in required:
            if key not in value:
                raise self.fail(where, f"{label}.{key}" if label else key, "missing required field")

    def compile(self) -> tuple[list[Rule], set[str]]:
        data = self.doc.data
        self.check_keys(data, schema.PACK_KEYS, (), "", schema.PACK_REQUIRED)
        for name, words in data.get("lexicons", {}).items():
            if not isinstance(words, list) or not all(isinstance(w, str) and w for w in words):
                raise self.fail(("lexicons", name), f"lexicons.{name}", "a lexicon is a list of non-empty strings")
            self.lexicons[str(name)] = words
        terms = {str(t) for t in data.get("terms", [])}
        rules = [self.rule(item, ("rules", i), data["pack"]) for i, item in enumerate(data["rules"])]
        return rules, terms

    def rule(self, item: Any, where: tuple[Any, ...], pack: str) -> Rule:
        label = f"rules[{where[1]}]"
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            label = item["id"]
        self.check_keys(item, schema.RULE_KEYS, where, label, schema.RULE_REQUIRED)
        if not schema.RULE_ID.match(item["id"]):
            raise self.fail((*where, "id"), f"{label}.id", "must look like PREFIX-NNN, e.g. THREAT-001")
        for key, allowed in (("category", schema.CATEGORIES), ("principle", schema.PRINCIPLES),
                             ("severity", schema.SEVERITIES)):
            if item[key] not in allowed:
                raise self.fail((*where, key), f"{label}.{key}",
                                f"{item[key]!r} is not one of {', '.join(allowed)}")
        roles = item.get("roles", ["agent"])
        for i, role in enumerate(roles):
            if role not in schema.ROLES:
                raise self.fail((*where, "roles", i), f"{label}.roles",
                                f"{role!r} is not one of {', '.join(schema.ROLES)}")
        kind = item.get("kind", "pattern")
        patterns = [self.pattern(p, (*where, "patterns", i), f"{label}.patterns[{i}]", exclusion=False)
                    for i, p in enumerate(item.get("patterns", []))]
        if kind == "pattern":
            if not patterns:
                raise self.fail(where, f"{label}.patterns", "a pattern rule needs at least one pattern")
        elif kind in RULE_KINDS:
            for key_path, problem in RULE_KINDS[kind](item.get("params", {})):
                raise self.fail((*where, "params", *key_path),
                                f"{label}.params" + "".join(f".{k}" for k in key_path), problem)
        else:
            known = ", ".join(["pattern", *RULE_KINDS])
            raise self.fail((*where, "kind"), f"{label}.kind", f"unknown rule kind {kind!r} (known: {known})")
        exclude = []
        for i, spec in enumerate(item.get("exclude", [])):
            matcher = self.pattern(spec, (*where, "exclude", i), f"{label}.exclude[{i}]", exclusion=True)
            exclude.append(Exclusion(matcher, spec.get("scope", "overlap")))
        context = item.get("context", {})
        self.check_keys(context, schema.CONTEXT_KEYS, (*where, "context"), f"{label}.context")
        examples = item["examples"]
        self.check_keys(examples, schema.EXAMPLE_KEYS, (*where, "examples"), f"{label}.examples", ("fire",))
        for key in ("fire", "pass"):
            for i, text in enumerate(examples.get(key, [])):
                if not isinstance(text, str) or not text.strip():
                    raise self.fail((*where, "examples", key, i), f"{label}.examples.{key}[{i}]",
                                    "must be a non-empty string")
        if not examples.get("fire"):
            raise self.fail((*where, "examples", "fire"), f"{label}.examples.fire",
                            "needs at least one example that fires")
        return Rule(
            id=item["id"], name=item.get("name", item["id"].lower()), category=item["category"],
            principle=item["principle"], severity=item["severity"], message=item["message"].strip(),
            suggestion=item["suggestion"].strip(), basis=self.basis(item["basis"], (*where, "basis"), label),
            description=item.get("description", "").strip(), roles=frozenset(roles), kind=kind,
            patterns=patterns, exclude=exclude, context=ContextOptions(**context),
            fire=list(examples.get("fire", [])), passes=list(examples.get("pass", [])),
            params=item.get("params", {}), pack=pack, source=f"{self.path}:{self.doc.line(where)}",
            tags=[str(t) for t in item.get("tags", [])],
        )

    def basis(self, value: Any, where: tuple[Any, ...], label: str) -> list[Basis]:
        entries = [value] if isinstance(value, str) else value
        if not entries:
            raise self.fail(where, f"{label}.basis", "cite at least one legal or seed basis")
        result = []
        for i, entry in enumerate(entries):
            if isinstance(entry, str):
                result.append(Basis(entry))
                continue
            self.check_keys(entry, schema.BASIS_KEYS, (*where, i), f"{label}.basis[{i}]", ("source",))
            grade = entry.get("grade")
            if grade is not None and grade not in schema.GRADES:
                raise self.fail((*where, i, "grade"), f"{label}.basis[{i}].grade",
                                f"{grade!r} is not one of {', '.join(schema.GRADES)}")
            result.append(Basis(entry["source"], grade, entry.get("ref"), entry.get("quote")))
        return result

    def pattern(self, spec: Any, where: tuple[Any, ...], label: str, exclusion: bool):
        if not isinstance(spec, dict):
            raise self.fail(where, label, "must be a mapping with one of " + ", ".join(schema.PATTERN_KINDS))
        kinds = [k for k in spec if k in schema.PATTERN_KINDS]
        if len(kinds) != 1:
            raise self.fail(where, label, "needs exactly one of " + ", ".join(schema.PATTERN_KINDS))
        kind = kinds[0]
        spec = {**spec, kind: self.expand(spec[kind], (*where, kind), f"{label}.{kind}")}
        allowed = {kind: object, **schema.PATTERN_OPTIONS}
        self.check_keys(spec, allowed, where, label)
        if spec.get("mode", "raw") not in schema.PATTERN_MODES:
            raise self.fail((*where, "mode"), f"{label}.mode", "must be raw or token")
        if "scope" in spec and (not exclusion or spec["scope"] not in schema.EXCLUDE_SCOPES):
            raise self.fail((*where, "scope"), f"{label}.scope",
                            "only exclusions have a scope: " + ", ".join(schema.EXCLUDE_SCOPES))
        value = spec[kind]
        if kind == "phrase":
            if not (isinstance(value, str) and value) and not (
                    isinstance(value, list) and value and all(isinstance(v, str) and v for v in value)):
                raise self.fail((*where, kind), f"{label}.phrase", "must be a string or a list of strings")
        elif kind == "regex":
            self.regex(value, (*where, kind), f"{label}.regex")
        elif kind == "pii":
            values = [value] if isinstance(value, str) else value
            if not isinstance(values, list) or not values or any(v not in schema.PII_KINDS for v in values):
                raise self.fail((*where, kind), f"{label}.pii", "must list some of " + ", ".join(schema.PII_KINDS))
        elif kind == "tokens":
            if not isinstance(value, list) or not value:
                raise self.fail((*where, kind), f"{label}.tokens", "must be a list of words or word lists")
            for i, element in enumerate(value):
                alts = [element] if isinstance(element, str) else element
                if not isinstance(alts, list) or not alts or not all(isinstance(a, str) and a for a in alts):
                    raise self.fail((*where, kind, i), f"{label}.tokens[{i}]", "must be a word or a list of words")
        else:
            self.check_keys(value, schema.NEAR_KEYS, (*where, kind), f"{label}.near", ("a", "b"))
            for side in ("a", "b"):
                part = value[side]
                if isinstance(part, dict):
                    self.check_keys(part, {"regex": str}, (*where, kind, side), f"{label}.near.{side}", ("regex",))
                    self.regex(part["regex"], (*where, kind, side, "regex"), f"{label}.near.{side}.regex")
            for key in ("within", "chars"):
                if key in value and not 0 <= value[key] <= 50:
                    raise self.fail((*where, kind, key), f"{label}.near.{key}", "must be between 0 and 50")
        return build_pattern(spec)

    def expand(self, value: Any, where: tuple[Any, ...], label: str) -> Any:
        """Replace lexicon references: ``{{name}}`` inside a regex becomes an alternation of the
        lexicon's words; a list item that is exactly ``{{name}}`` becomes the words themselves."""
        if isinstance(value, dict):
            return {k: self.expand(v, (*where, k), f"{label}.{k}") for k, v in value.items()}
        if isinstance(value, list):
            out: list[Any] = []
            for i, item in enumerate(value):
                whole = _LEXICON_REF.fullmatch(item) if isinstance(item, str) else None
                if whole:
                    out.extend(self.words(whole.group(1), (*where, i), label))
                else:
                    out.append(self.expand(item, (*where, i), label))
            return out
        if isinstance(value, str) and "{{" in value:
            return _LEXICON_REF.sub(lambda m: _alternation(tuple(self.words(m.group(1), where, label))), value)
        return value

    def words(self, name: str, where: tuple[Any, ...], label: str) -> list[str]:
        if name not in self.lexicons:
            known = ", ".join(sorted(self.lexicons)) or "none"
            raise self.fail(where, label, f"unknown lexicon {{{{{name}}}}} (known: {known})")
        return list(_normalized_words(tuple(self.lexicons[name])))

    def regex(self, value: Any, where: tuple[Any, ...], label: str) -> None:
        if not isinstance(value, str) or not value:
            raise self.fail(where, label, "must be a non-empty string")
        if cache.re2_valid(value):
            return  # RE2 accepted exactly this pattern before (a warm start compiles none of them)
        try:
            compile_re2(value)
        except ValueError as err:
            raise self.fail(where, label, f"invalid regular expression: {err}") from None
