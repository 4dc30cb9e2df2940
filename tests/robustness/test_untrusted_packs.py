"""Rule packs are untrusted data: safe YAML only, nothing executed, no regular expression can hang a
run, and a pack that fails names its file and line."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scriptlint import Linter
from scriptlint.errors import PackError
from scriptlint.packs import load_packs

RULE = """\
pack: hostile
rules:
  - id: EVIL-001
    category: insult
    principle: respect
    severity: error
    message: m
    basis: 测试
    suggestion: s
    patterns:
      - {pattern}
    examples:
      fire: [{fire}]
"""


def _pack(tmp_path: Path, pattern: str, fire: str = "aaaa!", name: str = "evil.yaml") -> Path:
    path = tmp_path / name
    path.write_text(RULE.format(pattern=pattern, fire=fire), encoding="utf-8")
    return path


@pytest.mark.parametrize("pattern", ["(a+)+$", "(a|a)*b", "(a*)*$", "(x+x+)+y", "(.*a){20}"])
def test_catastrophic_patterns_run_in_linear_time(tmp_path, pattern):
    linter = Linter(packs=[_pack(tmp_path, f"regex: '{pattern}'")], builtin=False)
    text = "a" * 100_000 + "!"  # exponential for a backtracking engine on (a+)+$
    began = time.perf_counter()
    linter.lint_text(text)
    assert time.perf_counter() - began < 10


@pytest.mark.parametrize(("pattern", "reason"), [
    ("(?=a)a", "look-around"),
    ("(?<!b)a", "look-around"),
    ("(a)\\1", "back-reference"),
    ("a{1001}", "repetition"),
    ("(", "missing )"),
])
def test_patterns_re2_cannot_run_are_rejected_with_file_and_line(tmp_path, pattern, reason):
    path = _pack(tmp_path, f"regex: '{pattern}'")
    with pytest.raises(PackError) as caught:
        load_packs([path], builtin=False)
    assert caught.value.path == str(path) and caught.value.line == 11
    assert str(caught.value).startswith(f"{path}:11: EVIL-001.patterns[0].regex: invalid regular expression")


@pytest.mark.parametrize("tag", ["!!python/object/apply:os.system ['touch {marker}']",
                                 "!!python/object/new:subprocess.Popen [['touch', '{marker}']]",
                                 "!!python/name:os.system", "!!binary aGVsbG8="])
def test_yaml_tags_are_rejected_and_never_executed(tmp_path, tag):
    marker = tmp_path / "pwned"
    path = tmp_path / "evil.yaml"
    path.write_text(RULE.format(pattern="phrase: 老赖", fire="老赖").replace(
        "message: m", "message: " + tag.format(marker=marker)), encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_packs([path], builtin=False)
    assert not marker.exists()
    assert caught.value.path == str(path) and caught.value.line is not None
    if "binary" not in tag:
        assert caught.value.line == 7 and "could not determine a constructor" in str(caught.value)


def test_alias_bomb_pack_fails_fast(tmp_path):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\npack: bomb\nrules: [*a8]\n", encoding="utf-8")
    began = time.perf_counter()
    with pytest.raises(PackError) as caught:
        load_packs([path], builtin=False)
    assert time.perf_counter() - began < 30
    assert caught.value.path == str(path) and caught.value.line is not None


def test_deeply_nested_pack_names_its_line(tmp_path):
    path = tmp_path / "deep.yaml"
    path.write_text("pack: deep\nrules:\n  - " + "[" * 100 + "]" * 100 + "\n", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_packs([path], builtin=False)
    assert caught.value.line == 3 and "nested deeper than 64 levels" in str(caught.value)


def test_very_deeply_nested_pack_is_an_error_not_a_crash(tmp_path):
    path = tmp_path / "deeper.yaml"
    path.write_text("pack: deep\nrules: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    with pytest.raises(PackError, match="nested deeper than 64 levels") as caught:
        load_packs([path], builtin=False)
    assert caught.value.path == str(path)


def test_a_failing_pack_on_the_command_line_is_one_line_with_file_and_line(tmp_path, check):
    pack = _pack(tmp_path, "regex: '(?=x)'")
    draft = tmp_path / "a.md"
    draft.write_text("你好", encoding="utf-8")
    result = check("--packs", pack, draft)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"scriptlint: {pack}:11: EVIL-001.patterns[0].regex:")
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_markup_in_pack_text_is_printed_literally(tmp_path):
    from click.testing import CliRunner

    from scriptlint.cli import main

    path = tmp_path / "markup.yaml"
    path.write_text(RULE.format(pattern="phrase: 老赖", fire="老赖").replace(
        "basis: 测试", "basis: '[/bold] [link=x]《法》[/link]'"), encoding="utf-8")
    result = CliRunner().invoke(main, ["rules", "--no-builtin", "--packs", str(path)])
    assert result.exit_code == 0, result.output
    assert "[/bold]" in result.stdout
