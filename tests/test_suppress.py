"""Inline suppressions and counter-example marks: honoured, unused, missing reason, ranges, YAML."""

from __future__ import annotations

import json

import pytest

from scriptlint import Linter
from tests.conftest import FIXTURE_PACKS
from tests.workflow_support import check, write


@pytest.fixture(scope="module")
def lint():
    linter = Linter(packs=[FIXTURE_PACKS], builtin=False)
    return linter.lint_text


def active(result) -> list[tuple[str, int]]:
    return [(f.rule, f.line) for f in result.findings if f.suppressed is None]


def test_next_line_directive_with_reason_is_honoured(lint):
    result = lint("<!-- scriptlint-disable-next-line TEST-001 -- 反面教材 -->\n\n你这个傻逼\n你这个傻逼\n")
    assert active(result) == [("TEST-001", 4)]
    hidden = [f for f in result.findings if f.suppressed is not None]
    assert [(f.rule, f.line, f.suppressed) for f in hidden] == [("TEST-001", 3, "反面教材")]
    assert hidden[0].extra["suppression"] == {"kind": "directive", "line": 1, "reason": "反面教材"}


def test_suppressed_findings_do_not_cost_score(lint):
    plain = lint("你这个傻逼\n")
    hidden = lint("你这个傻逼  <!-- scriptlint-disable-line TEST-001 -- 培训反例 -->\n")
    assert plain.scores["respect"] < 100 and hidden.scores == {"legal": 100, "respect": 100, "overall": 100}


def test_error_level_suppression_without_reason_does_not_apply(lint):
    result = lint("<!-- scriptlint-disable-next-line TEST-001 -->\n你这个傻逼\n")
    assert active(result) == [("SCRIPTLINT-002", 1), ("TEST-001", 2)]
    assert "TEST-001" in next(f.message for f in result.findings if f.rule == "SCRIPTLINT-002")


def test_warning_level_suppression_needs_no_reason(lint):
    result = lint("# scriptlint: disable-next-line=TEST-003\n我们会联系你的家人\n")
    assert active(result) == []
    assert result.findings[0].suppressed == "未注明理由"


def test_unused_suppressions_are_reported(lint):
    result = lint("<!-- scriptlint-disable-next-line TEST-001, TEST-003 -- 反面教材 -->\n你这个傻逼\n"
                  "# scriptlint: disable-next-line -- 旧话术\n您好，请问方便还款吗\n")
    unused = [(f.line, f.message) for f in result.findings if f.rule == "SCRIPTLINT-001"]
    assert len(unused) == 2
    assert unused[0][0] == 1 and "TEST-003" in unused[0][1]
    assert unused[1][0] == 3


def test_directive_for_a_rule_switched_off_is_not_unused():
    from scriptlint.config import Config

    config = Config().with_value("ignore", ["TEST-003"], "test")
    linter = Linter(packs=[FIXTURE_PACKS], builtin=False, config=config)
    result = linter.lint_text("<!-- scriptlint-disable-next-line TEST-003 -->\n我们会联系你的家人\n")
    assert result.findings == []


def test_unknown_rules_and_actions_are_reported(lint):
    result = lint("<!-- scriptlint-disable-next-line TSET-001 -- typo -->\n你这个傻逼\n"
                  "<!-- scriptlint-disabel TEST-001 -->\n")
    problems = [(f.rule, f.line) for f in result.findings if f.rule.startswith("SCRIPTLINT")]
    assert problems == [("SCRIPTLINT-003", 1), ("SCRIPTLINT-003", 3)]
    assert ("TEST-001", 2) in active(result)  # a typo suppresses nothing


def test_ranges_by_prefix_and_enable(lint):
    text = ("# scriptlint: disable=TEST -- 历史话术\n你这个傻逼\n我们会联系你的家人\n"
            "# scriptlint: enable=TEST\n你这个傻逼\n")
    assert active(lint(text)) == [("TEST-001", 5)]
    unclosed = "<!-- scriptlint-disable TEST-001 -- 附录：反面案例 -->\n\n你这个傻逼\n\n你这个傻逼\n"
    assert active(lint(unclosed)) == []


def test_enable_closes_only_the_rules_it_names(lint):
    text = ("<!-- scriptlint-disable TEST-001, TEST-003 -- 旧稿 -->\n<!-- scriptlint-enable TEST-003 -->\n"
            "你这个傻逼，我们会联系你的家人\n")
    # TEST-003's range closed before any line, so that half of the directive is unused.
    assert active(lint(text)) == [("SCRIPTLINT-001", 1), ("TEST-003", 3)]


def test_counter_examples_are_reported_at_info_not_hidden(lint):
    text = ("## 错误示范\n<!-- scriptlint-counter-example-start -- 错误示范 -->\n你这个傻逼\n"
            "<!-- scriptlint-counter-example-end -->\n我们会联系你的家人\n")
    result = lint(text)
    example = next(f for f in result.findings if f.line == 3)
    assert (example.rule, example.severity, example.suppressed) == ("TEST-001", "info", "错误示范")
    assert example.extra["original_severity"] == "error"
    assert active(result) == [("TEST-003", 5)]


def test_counter_example_in_output(tmp_path):
    path = write(tmp_path / "handout.md", "<!-- scriptlint-counter-example-next-line -->\n你这个傻逼\n")
    text = check(str(path))
    assert text.code == 0
    assert "TEST-001" in text.out and "提示" in text.out and "已标注: 反面案例" in text.out
    disabled = write(tmp_path / "draft.md", "<!-- scriptlint-disable-next-line TEST-001 -- 引用 -->\n你这个傻逼\n")
    assert "TEST-001" not in check(str(disabled)).out  # hidden from the text report …
    report = json.loads(check("--format", "json", str(disabled)).out)
    finding = report["files"][0]["findings"][0]
    assert finding["suppressed"] == "引用" and report["summary"]["suppressed"] == 1  # … kept for audit


def test_yaml_library_comments(tmp_path):
    path = write(tmp_path / "lib.yaml", (
        "templates:\n"
        "  - id: A\n"
        "    # scriptlint: disable-next-line=TEST-001 -- 质检培训用反例\n"
        "    text: 你这个傻逼\n"
        "  - id: B\n"
        "    text: 你这个傻逼  # scriptlint: disable-line=TEST-001 -- 反例\n"
        "  - id: C\n"
        "    text: 你这个傻逼\n"
    ))
    report = json.loads(check("--format", "json", str(path)).out)
    by_entry = {item["entry"]: [(f["rule"], f.get("suppressed")) for f in item["findings"]] for item in report["files"]}
    assert by_entry == {"A": [("TEST-001", "质检培训用反例")], "B": [("TEST-001", "反例")], "C": [("TEST-001", None)]}


def test_directive_problems_belong_to_the_entry_below(tmp_path):
    path = write(tmp_path / "lib.yaml", (
        "- id: A\n  text: 您好\n"
        "# scriptlint: disable-next-line=TEST-003\n"
        "- id: B\n  text: 请按时还款\n"
    ))
    report = json.loads(check("--format", "json", str(path)).out)
    by_entry = {item["entry"]: [f["rule"] for f in item["findings"]] for item in report["files"]}
    assert by_entry == {"A": [], "B": ["SCRIPTLINT-001"]}


def test_meta_rules_can_be_ignored_and_overridden(tmp_path):
    path = write(tmp_path / "d.md", "<!-- scriptlint-disable-next-line TEST-003 -->\n您好\n")
    assert check("--fail-on", "warning", str(path)).code == 1
    assert check("--fail-on", "warning", "--ignore", "SCRIPTLINT-001", str(path)).code == 0
    outcome = check("--format", "json", "--severity", "SCRIPTLINT=info", str(path))
    assert json.loads(outcome.out)["files"][0]["findings"][0]["severity"] == "info"
