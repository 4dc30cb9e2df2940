"""A compiled rule."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from scriptlint.matchers import Matcher


@dataclass(slots=True, frozen=True)
class Basis:
    source: str  # e.g. 《个人信息保护法》第十条
    grade: str | None = None  # confidence grade from regulations.md (A/B/C/U)
    ref: str | None = None  # short key, e.g. "PIPL 10"
    quote: str | None = None

    def __str__(self) -> str:
        return f"{self.source} [{self.grade}]" if self.grade else self.source


@dataclass(slots=True)
class Exclusion:
    matcher: Matcher
    scope: str  # overlap | clause | sentence


@dataclass(slots=True)
class ContextOptions:
    negation: bool = True
    meta: bool = True
    idioms: bool = True


@dataclass(slots=True)
class Rule:
    id: str
    name: str
    category: str
    principle: str
    severity: str
    message: str
    suggestion: str
    basis: list[Basis]
    description: str
    roles: frozenset[str]
    kind: str
    patterns: list[Matcher]
    exclude: list[Exclusion]
    context: ContextOptions
    fire: list[str]
    passes: list[str]
    params: dict[str, Any] = field(default_factory=dict)
    pack: str = ""
    source: str = ""  # file:line where the rule is defined
    tags: list[str] = field(default_factory=list)

    @property
    def basis_text(self) -> str:
        return "; ".join(str(b) for b in self.basis)

    @property
    def is_utterance_rule(self) -> bool:
        return self.kind == "pattern"
