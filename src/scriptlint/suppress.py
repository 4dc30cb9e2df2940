"""Inline suppressions and counter-example marks in Markdown, text and YAML sources.

Two comment styles, the same actions::

    <!-- scriptlint-disable-next-line THREAT-001 -- 反面教材 -->
    # scriptlint: disable-next-line=THREAT-001 -- 反面教材
    # scriptlint: disable=THREAT -- 历史话术，待整改      …      # scriptlint: enable=THREAT
    text: 卸你一条腿  # scriptlint: disable-line=THREAT-001 -- 培训反例
    <!-- scriptlint-counter-example-start -- 错误示范 -->  …  <!-- scriptlint-counter-example-end -->

Rule lists are ids or id prefixes (none = every rule); the reason follows `` -- ``.  A disable
directive hides a finding from the gate but keeps it in JSON and SARIF (an audit trail); one that
covers an error-level finding needs a reason, or it does not apply.  Counter-example marks do not
hide anything: findings inside are reported at info severity with the mark's reason, and do not
count.  Problems with directives themselves are findings of the SCRIPTLINT-* rules below.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from scriptlint.model import Finding

ACTIONS = ("disable", "enable", "disable-next-line", "disable-line",
           "counter-example-start", "counter-example-end", "counter-example-next-line")
_HTML = re.compile(r"<!--\s*scriptlint-(?P<action>[a-z-]+)(?P<rest>.*?)-->")
_HASH = re.compile(r"(?:^|\s)#\s*scriptlint:\s*(?P<action>[a-z-]+)(?P<rest>.*)$")
_REASON = re.compile(r"\s*——\s*|\s--\s*|^--\s*")
COUNTER_EXAMPLE_REASON = "反面案例"
NO_REASON = "未注明理由"


@dataclass(frozen=True)
class MetaRule:
    id: str
    name: str
    severity: str
    message: str
    description: str


META_RULES = {rule.id: rule for rule in (
    MetaRule("SCRIPTLINT-001", "unused-suppression", "warning", "未使用的抑制指令",
             "A disable directive that suppresses nothing: the finding was fixed or the rule id is wrong."),
    MetaRule("SCRIPTLINT-002", "suppression-without-reason", "warning", "抑制错误级规则必须写明理由",
             "Disabling an error-level rule needs a reason after ` -- `; without one it does not apply."),
    MetaRule("SCRIPTLINT-003", "invalid-directive", "warning", "无法识别的 scriptlint 指令",
             "A scriptlint comment with an unknown action or rule id."),
)}


@dataclass
class Directive:
    line: int
    text: str  # the raw line, for the excerpt
    span: tuple[int, int]
    action: str
    rules: tuple[str, ...]  # ids or prefixes; empty means every rule
    reason: str
    target: int = 0  # the line a -next-line directive applies to
    used: set[str] = field(default_factory=set)
    needs_reason: set[str] = field(default_factory=set)

    def names(self, rule_id: str) -> str | None:
        """The selector of this directive that covers ``rule_id`` ("*" for all), or None."""
        if not self.rules:
            return "*"
        return next((r for r in self.rules if rule_id == r or rule_id.startswith(r)), None)


@dataclass
class Scope:
    directive: Directive
    first: int  # lines covered, inclusive
    last: int
    rule: str | None  # one selector, or None for every rule the directive names

    def covers(self, finding: Finding) -> str | None:
        if not (finding.line <= self.last and self.first <= finding.end_line):
            return None
        if self.rule is not None:
            return self.rule if finding.rule.startswith(self.rule) else None
        return self.directive.names(finding.rule)


def parse(text: str) -> list[Directive]:
    directives: list[Directive] = []
    for number, line in enumerate(text.splitlines(), 1):
        for pattern in (_HTML, _HASH):
            for match in pattern.finditer(line):
                rest = match.group("rest").strip()
                rest = rest[1:].strip() if rest.startswith("=") else rest
                parts = _REASON.split(rest, maxsplit=1)
                ids = tuple(part.upper() for part in re.split(r"[,\s]+", parts[0].strip()) if part)
                reason = parts[1].strip() if len(parts) > 1 else ""
                directives.append(Directive(number, line, (match.start(), match.end()),
                                            match.group("action"), ids, reason))
    _set_targets(directives, text)
    return directives


def _set_targets(directives: list[Directive], text: str) -> None:
    """A -next-line directive applies to the next line with text that is not itself a directive."""
    lines = text.splitlines()
    directive_only = {d.line for d in directives if not lines[d.line - 1][:d.span[0]].strip()
                      and not lines[d.line - 1][d.span[1]:].strip()}
    for d in directives:
        if d.action.endswith("-next-line"):
            target = d.line + 1
            while target <= len(lines) and (not lines[target - 1].strip() or target in directive_only):
                target += 1
            d.target = target


def scopes(directives: list[Directive], last_line: int) -> tuple[list[Scope], list[Scope]]:
    """(disable scopes, counter-example scopes); an unclosed range runs to the end of the file."""
    disabled: list[Scope] = []
    examples: list[Scope] = []
    open_disables: list[Scope] = []
    open_examples: list[Scope] = []
    for d in directives:
        if d.action == "disable-next-line":
            disabled.append(Scope(d, d.target, d.target, None))
        elif d.action == "disable-line":
            disabled.append(Scope(d, d.line, d.line, None))
        elif d.action == "counter-example-next-line":
            examples.append(Scope(d, d.target, d.target, None))
        elif d.action == "disable":
            new = [Scope(d, d.line + 1, last_line, r) for r in d.rules] or [Scope(d, d.line + 1, last_line, None)]
            open_disables.extend(new)
            disabled.extend(new)
        elif d.action == "enable":
            for scope in list(open_disables):
                if not d.rules or (scope.rule is not None and scope.rule in d.rules):
                    scope.last = d.line - 1
                    open_disables.remove(scope)
        elif d.action == "counter-example-start":
            scope = Scope(d, d.line + 1, last_line, None)
            open_examples.append(scope)
            examples.append(scope)
        elif d.action == "counter-example-end":
            for scope in open_examples:
                scope.last = d.line - 1
            open_examples.clear()
    return disabled, examples


def apply(findings: Iterable[Finding], directives: list[Directive], last_line: int) -> None:
    """Mark findings covered by directives (in place), recording which directives were used."""
    disabled, examples = scopes(directives, last_line)
    for finding in findings:
        if finding.suppressed is not None:
            continue
        for scope in disabled:
            selector = scope.covers(finding)
            if selector is None:
                continue
            directive = scope.directive
            directive.used.add(selector)
            if finding.severity == "error" and not directive.reason:
                directive.needs_reason.add(finding.rule)
                continue
            finding.suppressed = directive.reason or NO_REASON
            finding.extra["suppression"] = {"kind": "directive", "line": directive.line,
                                            "reason": finding.suppressed}
            break
        if finding.suppressed is not None:
            continue
        for scope in examples:
            if scope.covers(finding) is None:
                continue
            directive = scope.directive
            directive.used.add("*")
            reason = directive.reason or COUNTER_EXAMPLE_REASON
            finding.extra["original_severity"] = finding.severity
            finding.extra["suppression"] = {"kind": "counter-example", "line": directive.line, "reason": reason}
            finding.severity = "info"
            finding.suppressed = reason
            break


def problems(directives: list[Directive], known: Callable[[str], bool],
             enabled: Callable[[str], bool]) -> list[Finding]:
    """SCRIPTLINT-* findings: unknown directives or rule ids, unused suppressions, missing reasons.

    ``known(selector)`` says whether a selector names any loaded rule; ``enabled(selector)``
    whether any rule it names runs on this file (a directive for a rule that is switched off
    here is not reported as unused).
    """
    found: list[Finding] = []
    for d in directives:
        if d.action not in ACTIONS:
            found.append(_meta("SCRIPTLINT-003", d, f"无法识别的指令 {d.action!r}（可用：{', '.join(ACTIONS)}）"))
            continue
        unknown = [r for r in d.rules if not known(r)]
        for rule in unknown:
            found.append(_meta("SCRIPTLINT-003", d, f"指令中的规则 {rule} 不存在"))
        if d.action in ("enable", "counter-example-end"):
            continue
        if d.needs_reason:
            rules = ", ".join(sorted(d.needs_reason))
            found.append(_meta("SCRIPTLINT-002", d,
                               f"抑制错误级规则 {rules} 必须写明理由（在规则后加 `-- 理由`），此指令未生效"))
        if d.action.startswith("counter-example"):
            continue
        if not d.rules:
            if not d.used:
                found.append(_meta("SCRIPTLINT-001", d, "未使用的抑制指令：覆盖范围内没有任何发现"))
            continue
        for rule in d.rules:
            if rule not in d.used and rule not in unknown and enabled(rule):
                found.append(_meta("SCRIPTLINT-001", d, f"未使用的抑制指令：{rule} 在覆盖范围内没有发现"))
    return found


def _meta(rule_id: str, d: Directive, message: str) -> Finding:
    rule = META_RULES[rule_id]
    return Finding(
        rule=rule.id, category="suppression", principle="legal", severity=rule.severity,
        line=d.line, column=d.span[0] + 1, end_line=d.line, end_column=d.span[1] + 1,
        message=message, excerpt=d.text, suggestion="删除或修正这条 scriptlint 指令。",
        match=d.text[d.span[0]:d.span[1]], basis="scriptlint", context=d.text.strip(),
        excerpt_span=d.span,
    )


__all__ = ["META_RULES", "Directive", "apply", "parse", "problems"]
