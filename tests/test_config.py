"""Configuration: discovery, every key, command-line overrides, `scriptlint config`, and errors."""

from __future__ import annotations

import json
import shutil

import pytest

from tests.conftest import FIXTURE_PACKS
from tests.workflow_support import check, command, write

INSULT = "你这个傻逼，快还钱。\n"  # TEST-001, error
FAMILY = "我们会联系你的家人。\n"  # TEST-003, warning


def rules_found(outcome) -> list[str]:
    report = json.loads(outcome.out)
    return sorted(f["rule"] for item in report["files"] for f in item["findings"])


@pytest.fixture
def project(tmp_path):
    write(tmp_path / "drafts" / "a.md", INSULT + FAMILY)
    return tmp_path


def test_pyproject_is_discovered_upward_from_the_checked_path(project):
    write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.scriptlint]\nselect = ["TEST-003"]\n')
    outcome = check("--format", "json", str(project / "drafts" / "a.md"))
    assert rules_found(outcome) == ["TEST-003"]


def test_pyproject_without_the_table_is_passed_over(project):
    write(project / "pyproject.toml", '[tool.scriptlint]\nselect = ["TEST-003"]\n')
    write(project / "drafts" / "pyproject.toml", '[project]\nname = "inner"\n')
    assert rules_found(check("--format", "json", str(project / "drafts"))) == ["TEST-003"]


def test_scriptlint_toml_wins_over_pyproject_in_the_same_directory(project):
    write(project / "pyproject.toml", '[tool.scriptlint]\nselect = ["TEST-003"]\n')
    write(project / "scriptlint.toml", 'select = ["TEST-001"]\n')
    assert rules_found(check("--format", "json", str(project / "drafts"))) == ["TEST-001"]


def test_ignore_by_prefix_and_the_more_specific_selector_wins(project):
    write(project / "scriptlint.toml", 'ignore = ["TEST"]\n')
    assert rules_found(check("--format", "json", str(project / "drafts"))) == []
    write(project / "scriptlint.toml", 'select = ["TEST-001"]\nignore = ["TEST"]\n')
    assert rules_found(check("--format", "json", str(project / "drafts"))) == ["TEST-001"]


def test_ignored_rules_are_not_evaluated(project):
    from scriptlint import Linter
    from scriptlint.config import Config

    config = Config().with_value("ignore", ["TEST-00"], "test").with_value("select", ["ALL", "TEST-003"], "test")
    linter = Linter(packs=[FIXTURE_PACKS], builtin=False, config=config)
    assert [rule.id for rule in linter.ruleset.rules] == ["TEST-003"]
    assert [rule.id for rule in linter.engine.rules] == ["TEST-003"]


def test_per_file_ignores(project):
    write(project / "training" / "b.md", INSULT)
    write(project / "scriptlint.toml", '[per-file-ignores]\n"training/**" = ["TEST-001"]\n"*.md" = ["TEST-003"]\n')
    report = json.loads(check("--format", "json", str(project)).out)
    found = {item["path"].split("/")[-1]: [f["rule"] for f in item["findings"]] for item in report["files"]}
    assert found == {"a.md": ["TEST-001"], "b.md": []}


def test_severity_override_changes_the_exit_status(project):
    write(project / "drafts" / "a.md", FAMILY)
    assert check(str(project / "drafts")).code == 0
    write(project / "scriptlint.toml", '[severity]\n"TEST-003" = "error"\n')
    outcome = check("--format", "json", str(project / "drafts"))
    assert outcome.code == 1
    assert json.loads(outcome.out)["files"][0]["findings"][0]["severity"] == "error"


def test_packs_are_relative_to_the_config_file(project):
    shutil.copytree(FIXTURE_PACKS, project / "house-rules")
    write(project / "scriptlint.toml", 'builtin = false\npacks = ["house-rules"]\n')
    outcome = check("--format", "json", "drafts", cwd=project / "drafts" / "..", fixture=False)
    assert rules_found(outcome) == ["TEST-001", "TEST-003"]


def test_score_weights(project):
    write(project / "drafts" / "a.md", FAMILY)
    before = json.loads(check("--format", "json", str(project / "drafts")).out)["files"][0]["scores"]
    write(project / "scriptlint.toml", "[scoring]\npenalty = {warning = 50}\noverall = {legal = 1, respect = 0}\n")
    after = json.loads(check("--format", "json", str(project / "drafts")).out)["files"][0]["scores"]
    assert before["legal"] == 88 and after["legal"] == 50 and after["overall"] == after["legal"]


def test_fail_on(project):
    write(project / "drafts" / "a.md", FAMILY)
    assert check(str(project / "drafts")).code == 0
    write(project / "scriptlint.toml", 'fail-on = "warning"\n')
    assert check(str(project / "drafts")).code == 1
    write(project / "drafts" / "a.md", INSULT)
    write(project / "scriptlint.toml", 'fail-on = "never"\n')
    assert check(str(project / "drafts")).code == 0


def test_fail_under_overall_and_per_principle(project):
    write(project / "drafts" / "a.md", FAMILY)  # legal 88, overall 93: passes fail-on=error
    write(project / "scriptlint.toml", "fail-under = 90\n")
    assert check(str(project / "drafts")).code == 0
    write(project / "scriptlint.toml", "fail-under = 95\n")
    outcome = check(str(project / "drafts"))
    assert outcome.code == 1 and "overall score 93 is below 95" in outcome.err
    write(project / "scriptlint.toml", "fail-under = {legal = 90}\n")
    assert check(str(project / "drafts")).code == 1
    assert check("--fail-under", "legal=80", str(project / "drafts")).code == 0


def test_exclude(project):
    write(project / "drafts" / "old" / "c.md", INSULT)
    write(project / "scriptlint.toml", 'exclude = ["drafts/old"]\n')
    paths = [item["path"] for item in json.loads(check("--format", "json", str(project)).out)["files"]]
    assert [p.split("/")[-1] for p in paths] == ["a.md"]


def test_format_and_mask_pii_keys(project):
    write(project / "drafts" / "a.md", "你这个傻逼，电话13812345678。\n")
    write(project / "scriptlint.toml", 'format = "json"\nmask-pii = false\n')
    outcome = check(str(project / "drafts"))
    assert json.loads(outcome.out)["version"] == 1
    assert "13812345678" in outcome.out


def test_encoding_key(project):
    (project / "drafts" / "a.md").write_bytes("你這個傻逼".encode("big5"))
    write(project / "scriptlint.toml", 'encoding = "big5"\n')
    assert rules_found(check("--format", "json", str(project / "drafts"))) == ["TEST-001"]


def test_skip_non_scripts_key(project):
    write(project / "ci.yaml", "jobs:\n  build:\n    runs-on: ubuntu-latest\n")
    assert check(str(project / "ci.yaml")).code == 2
    write(project / "scriptlint.toml", "skip-non-scripts = true\n")
    assert check(str(project / "ci.yaml"), str(project / "drafts")).code == 1  # the draft still fails


def test_command_line_overrides_the_file(project):
    write(project / "scriptlint.toml", 'select = ["TEST-003"]\n')
    assert rules_found(check("--format", "json", "--select", "TEST-001", str(project / "drafts"))) == ["TEST-001"]
    assert rules_found(check("--format", "json", "--isolated", str(project / "drafts"))) == ["TEST-001", "TEST-003"]
    other = write(project / "elsewhere.toml", 'ignore = ["TEST-003"]\n')
    assert rules_found(check("--format", "json", "--config", str(other), str(project / "drafts"))) == ["TEST-001"]
    outcome = check("--format", "json", "--severity", "TEST-001=warning", str(project / "drafts"))
    assert outcome.code == 0
    outcome = check("--format", "json", "--per-file-ignores", "drafts/*=TEST-001", str(project / "drafts"),
                    cwd=project)
    assert rules_found(outcome) == ["TEST-003"]


def test_config_command_shows_values_and_their_sources(project):
    write(project / "pyproject.toml", '[tool.scriptlint]\nselect = ["TEST"]\nfail-on = "warning"\n')
    outcome = command("config", "--fail-under", "legal=70", str(project / "drafts"))
    assert outcome.code == 0
    lines = outcome.out.splitlines()
    source = f"{project / 'pyproject.toml'} [tool.scriptlint]"
    assert f'select = ["TEST"]  # {source}' in lines
    assert f'fail-on = "warning"  # {source}' in lines
    assert 'fail-under = {"legal": 70.0}  # command line' in lines
    assert "ignore = []  # default" in lines


@pytest.mark.parametrize(("text", "message"), [
    ("selct = []\n", "selct: unknown key"),
    ('select = "TEST"\n', "select: must be a list of strings"),
    ('fail-on = "warn"\n', "fail-on: 'warn' is not one of error, warning, info, never"),
    ("fail-under = 120\n", "fail-under: overall: must be a number from 0 to 100"),
    ("fail-under = {total = 80}\n", "fail-under: 'total' is not one of overall, legal, respect"),
    ('[severity]\nTEST-001 = "fatal"\n', "severity: TEST-001: 'fatal' is not one of info, warning, error"),
    ('[per-file-ignores]\n"a/*" = "TEST"\n', "per-file-ignores: must be a table of glob"),
    ("builtin = 1\n", "builtin: must be true or false"),
    ('packs = "rules"\n', "packs: must be a list of strings"),
    ("[scoring]\npenalty = {fatal = 3}\n", "scoring: penalty.fatal: not one of info, warning, error"),
    ("[scoring]\nweights = 3\n", "scoring: unknown scoring key 'weights'"),
    ('format = "xml"\n', "format: 'xml' is not one of text, json, sarif, junit, github"),
    ('select = ["TSET"]\n', "select: 'TSET' matches no loaded rule"),
    ("select = [\n", "invalid TOML"),
])
def test_config_errors_name_the_file_and_key_and_exit_2(project, text, message):
    config = write(project / "scriptlint.toml", text)
    outcome = check(str(project / "drafts"))
    assert outcome.code == 2
    assert outcome.err.startswith(f"scriptlint: {config}")
    assert message in outcome.err
    assert "Traceback" not in outcome.err


def test_pyproject_errors_name_the_table(project):
    write(project / "pyproject.toml", "[tool.scriptlint]\nmask_pii = false\n")
    outcome = check(str(project / "drafts"))
    assert outcome.code == 2
    assert f"{project / 'pyproject.toml'} [tool.scriptlint]: mask_pii: unknown key" in outcome.err


@pytest.mark.parametrize(("args", "message"), [
    (("--severity", "TEST-001"), "--severity: expected KEY=VALUE"),
    (("--severity", "TEST-001=loud"), "command line: severity: TEST-001: 'loud' is not one of"),
    (("--fail-under", "legal=high"), "--fail-under: 'high' is not a number"),
    (("--score-weight", "penalty.fatal=3"), "scoring: penalty.fatal"),
    (("--select", "NOPE"), "command line: select: 'NOPE' matches no loaded rule"),
    (("--config", "missing.toml"), "missing.toml: configuration file not found"),
])
def test_bad_flags_exit_2(project, args, message):
    outcome = check(*args, str(project / "drafts"))
    assert outcome.code == 2 and message in outcome.err, outcome.err
