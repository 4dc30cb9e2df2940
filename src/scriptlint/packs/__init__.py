"""Rule packs: YAML files of rules, validated and compiled once at load."""

from scriptlint.packs.loader import RuleSet, builtin_rules_dir, load_packs
from scriptlint.packs.model import Rule

__all__ = ["Rule", "RuleSet", "builtin_rules_dir", "load_packs"]

# Registers the call-level rule kinds (opening_disclosure, quiet_hours …) with the loader.
import scriptlint.calls  # noqa: F401
