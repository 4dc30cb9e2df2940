"""The rule-pack format, as data: which keys exist, which are required, and their types.

A pack file::

    pack: threat                 # required, the pack's name
    description: …
    terms: [上门, 老赖]            # extra words for jieba's dictionary
    lexicons: {亲属: [父母, 老婆]}   # word classes: {{亲属}} in a regex, or a list item "{{亲属}}"
                                  # (rules/_lexicons.yaml holds the classes shared by all packs)
    rules:
      - id: THREAT-001           # stable id: PREFIX-NNN
        category: threat          # one of CATEGORIES
        principle: legal          # legal | respect
        severity: error           # error | warning | info
        message: …                # Chinese, shown with each finding
        basis: [{source: 《刑法》第二百九十三条之一, grade: A, ref: XF 293-1}]
        suggestion: …             # a compliant rewrite
        patterns: [{regex: …}, {phrase: [...]}, {tokens: [[…], …]}, {near: {a: …, b: …, within: 4}}]
        exclude: [{phrase: …, scope: overlap}]
        examples: {fire: […], pass: […]}
"""

from __future__ import annotations

import re

CATEGORIES = ("threat", "insult", "third_party", "privacy", "impersonation", "false_consequence",
              "harassment", "unlawful_debt", "disclosure", "respect")
PRINCIPLES = ("legal", "respect")
SEVERITIES = ("error", "warning", "info")
ROLES = ("agent", "debtor", "third_party", "system")
GRADES = ("A", "B", "C", "U")
RULE_ID = re.compile(r"^[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d{3}$")

PACK_KEYS = {"pack": str, "description": str, "terms": list, "lexicons": dict, "rules": list, "version": int}
PACK_REQUIRED = ("pack", "rules")

RULE_KEYS = {
    "id": str, "name": str, "category": str, "principle": str, "severity": str, "message": str,
    "basis": (list, str), "suggestion": str, "description": str, "roles": list, "kind": str,
    "params": dict, "patterns": list, "exclude": list, "context": dict, "examples": dict,
    "tags": list, "link": str,
}
RULE_REQUIRED = ("id", "category", "principle", "severity", "message", "basis", "suggestion", "examples")

BASIS_KEYS = {"source": str, "grade": str, "ref": str, "quote": str}
PATTERN_KINDS = ("phrase", "regex", "tokens", "near", "pii")
PII_KINDS = ("cn_id", "bank_card", "cn_mobile")
PATTERN_OPTIONS = {"mode": str, "scope": str, "note": str}
PATTERN_MODES = ("raw", "token")
EXCLUDE_SCOPES = ("overlap", "clause", "sentence")
NEAR_KEYS = {"a": (list, str, dict), "b": (list, str, dict), "within": int, "chars": int, "ordered": bool}
CONTEXT_KEYS = {"negation": bool, "meta": bool, "idioms": bool}
EXAMPLE_KEYS = {"fire": list, "pass": list}
