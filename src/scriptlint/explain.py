"""One rule's documentation, generated from its pack entry (so docs and behaviour never drift)."""

from __future__ import annotations

from scriptlint.packs.model import Rule


def explain_text(rule: Rule) -> str:
    lines = [
        f"{rule.id} ({rule.name})",
        f"  类别 category: {rule.category}    原则 principle: {rule.principle}    级别 severity: {rule.severity}",
        f"  适用角色 roles: {', '.join(sorted(rule.roles))}",
        "",
        f"问题 What: {rule.message}",
    ]
    if rule.description:
        lines += ["", rule.description]
    lines += ["", "依据 Basis:"]
    for basis in rule.basis:
        lines.append(f"  - {basis}" + (f" ({basis.ref})" if basis.ref else ""))
        if basis.quote:
            lines.append(f"    “{basis.quote}”")
    lines += ["", "违规示例 Fires on:"]
    lines += [f"  ✗ {text}" for text in rule.fire]
    if rule.passes:
        lines += ["", "合规示例 Does not fire on:"]
        lines += [f"  ✓ {text}" for text in rule.passes]
    lines += ["", f"建议改为 Use instead: {rule.suggestion}", "", f"定义于 Defined in: {rule.source}"]
    return "\n".join(lines)
