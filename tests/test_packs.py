"""Each kind of bad pack stops the run with exit status 2 and one line: file, line, field."""

import textwrap

import pytest

from scriptlint.errors import PackError
from scriptlint.packs import load_packs
from tests.conftest import run_cli

GOOD_RULE = """\
  - id: X-001
    category: threat
    principle: legal
    severity: error
    message: m
    basis: b
    suggestion: s
    patterns:
      - phrase: 坏话
    examples:
      fire: [坏话]
"""


def write_pack(tmp_path, body: str, name: str = "pack.yaml"):
    path = tmp_path / name
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


BAD_PACKS = {
    "yaml-syntax": ("pack: p\nrules:\n  - id: X-001\n    message: [unclosed\n", 4, ""),
    "unknown-field": ("pack: p\nrules:\n" + GOOD_RULE + "    colour: red\n", 14, "X-001.colour"),
    "invalid-regex": ("pack: p\nrules:\n" + GOOD_RULE.replace("phrase: 坏话", "regex: '(坏话'"), 11,
                      "X-001.patterns[0].regex"),
    "lookbehind-regex": ("pack: p\nrules:\n" + GOOD_RULE.replace("phrase: 坏话", "regex: '(?<=a)坏话'"), 11,
                         "X-001.patterns[0].regex"),
    "missing-id": ("pack: p\nrules:\n" + GOOD_RULE.replace("  - id: X-001\n    category", "  - category"), 3,
                   "rules[0].id"),
    "bad-category": ("pack: p\nrules:\n" + GOOD_RULE.replace("category: threat", "category: rudeness"), 4,
                     "X-001.category"),
    "wrong-type": ("pack: p\nrules:\n" + GOOD_RULE.replace("examples:\n      fire: [坏话]", "examples: 坏话"), 12,
                   "X-001.examples"),
    "no-firing-example": ("pack: p\nrules:\n" + GOOD_RULE.replace("fire: [坏话]", "pass: [好话]"), 13,
                          "X-001.examples.fire"),
}


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_bad_pack_is_reported_with_file_line_field(tmp_path, case):
    body, line, field = BAD_PACKS[case]
    path = write_pack(tmp_path, body)
    with pytest.raises(PackError) as caught:
        load_packs([path], builtin=False)
    err = caught.value
    assert err.path == str(path)
    assert err.line == line, str(err)
    assert err.field == field, str(err)


def test_duplicate_id_across_packs(tmp_path):
    write_pack(tmp_path, "pack: a\nrules:\n" + GOOD_RULE, "a.yaml")
    second = write_pack(tmp_path, "pack: b\nrules:\n" + GOOD_RULE, "b.yaml")
    with pytest.raises(PackError) as caught:
        load_packs([tmp_path], builtin=False)
    assert caught.value.path == str(second)
    assert caught.value.line == 3
    assert "duplicate rule id" in str(caught.value)


@pytest.mark.parametrize("case", sorted(BAD_PACKS))
def test_cli_exits_2_with_one_line_and_no_traceback(tmp_path, case):
    path = write_pack(tmp_path, BAD_PACKS[case][0])
    draft = tmp_path / "draft.txt"
    draft.write_text("你好", encoding="utf-8")
    run = run_cli("check", "--packs", str(path), str(draft))
    assert run.returncode == 2
    stderr = run.stderr.decode("utf-8").strip()
    assert len(stderr.splitlines()) == 1, stderr
    assert str(path) in stderr and "Traceback" not in stderr


def test_shipped_packs_load_and_every_rule_cites_a_basis():
    ruleset = load_packs()
    assert ruleset.rules
    for rule in ruleset.rules:
        assert rule.basis and all(b.source for b in rule.basis), rule.id
        assert rule.suggestion and rule.message, rule.id


def test_every_regex_literal_can_occur_in_normalised_text(linter):
    """Regexes are matched against normalised text, so a literal in upper case, traditional script or
    dialect (实名APP, 冇) would never match: the loader folds them as it folds the text."""
    from scriptlint.normalize import fold

    unreachable = sorted({(rule.id, anchor) for rule in linter.ruleset.rules
                          for pattern in getattr(rule, "patterns", [])
                          for anchor in (pattern.anchors() if hasattr(pattern, "anchors") else None) or ()
                          if fold(anchor) != anchor})
    assert unreachable == []


def test_fold_pattern_keeps_escapes_and_full_width_metacharacters_literal():
    from scriptlint.normalize import fold_pattern

    assert fold_pattern(r"实名APP\S\p{Han}（欠款）[A-Z]冇") == r"实名app\S\p{Han}\(欠款\)[a-z]没"
    assert fold_pattern("還錢") == "还钱"
