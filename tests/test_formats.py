"""Output formats: SARIF (validated against the 2.1.0 schema), JUnit (parsed as XML), GitHub
annotations, statistics — and no personal number in any of them."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest

from tests.workflow_support import BANK_CARD, ID_CARD, PHONE, check, write

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
FORMATS = ("text", "json", "sarif", "junit", "github")


@pytest.fixture
def inputs(tmp_path):
    draft = write(tmp_path / "drafts" / "话术.md", (
        "# 催收话术\n\n"
        f"你这个傻逼，身份证{ID_CARD}，卡号{BANK_CARD}，电话{PHONE}，赶紧还钱。\n"
        "<!-- scriptlint-disable-next-line TEST-003 -- 引用监管通报原文 -->\n"
        "我们会联系你的家人。\n"
        "<!-- scriptlint-counter-example-next-line -- 错误示范 -->\n"
        "你这个傻逼\n"
    ))
    library = write(tmp_path / "lib.yaml", (
        "- id: SMS-1\n  text: 您好，请按时还款。\n"
        f"- id: SMS-2\n  text: 我们会联系你的家人，回电{PHONE}\n"
    ))
    return tmp_path, draft, library


def run(inputs, fmt: str, *extra: str):
    root = inputs[0]
    return check("--format", fmt, *extra, "drafts", "lib.yaml", cwd=root)


def test_sarif_is_valid_sarif_2_1_0(inputs):
    outcome = run(inputs, "sarif")
    assert outcome.code == 1
    sarif = json.loads(outcome.out)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validate(sarif, schema, cls=jsonschema.Draft4Validator)
    run_ = sarif["runs"][0]
    assert sarif["version"] == "2.1.0" and run_["columnKind"] == "unicodeCodePoints"
    rules = run_["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules][:5] == ["TEST-001", "TEST-002", "TEST-003", "TEST-004", "TEST-005"]
    assert "《治安管理处罚法》第四十二条" in rules[0]["help"]["text"]
    assert rules[0]["defaultConfiguration"]["level"] == "error"
    results = run_["results"]
    first = results[0]
    assert first["ruleId"] == "TEST-001" and first["level"] == "error"
    assert rules[first["ruleIndex"]]["id"] == "TEST-001"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "drafts/%E8%AF%9D%E6%9C%AF.md"
    assert location["region"]["startLine"] == 3 and location["region"]["startColumn"] == 4
    assert first["partialFingerprints"]["scriptlintFingerprint/v1"]
    suppressed = {r["ruleId"]: r["suppressions"] for r in results if "suppressions" in r}
    assert suppressed["TEST-003"][0] == {"kind": "inSource", "status": "accepted", "justification": "引用监管通报原文"}
    counter = next(r for r in results if r["locations"][0]["physicalLocation"]["region"]["startLine"] == 7)
    assert counter["level"] == "note" and counter["suppressions"][0]["justification"] == "错误示范"
    entries = [r["locations"][0].get("logicalLocations") for r in results if r["ruleId"] == "TEST-003"]
    assert [{"name": "SMS-2", "kind": "member"}] in entries


def test_sarif_baseline_findings_are_external_suppressions(inputs, tmp_path):
    baseline = tmp_path / "b.json"
    run(inputs, "text", "--write-baseline", str(baseline))
    sarif = json.loads(run(inputs, "sarif", "--baseline", str(baseline)).out)
    kinds = {s["kind"] for r in sarif["runs"][0]["results"] for s in r.get("suppressions", [])}
    assert kinds == {"inSource", "external"}


def test_junit_has_a_testcase_per_script(inputs):
    outcome = run(inputs, "junit")
    assert outcome.code == 1
    root = ET.fromstring(outcome.out)
    assert root.tag == "testsuites"
    cases = {(case.get("classname").split("/")[-1], case.get("name")): case for case in root.iter("testcase")}
    assert set(cases) == {("话术.md", "drafts/话术.md"), ("lib.yaml", "SMS-1"), ("lib.yaml", "SMS-2")}
    failure = cases[("话术.md", "drafts/话术.md")].find("failure")
    assert failure is not None and failure.get("type") == "TEST-001"
    assert cases[("lib.yaml", "SMS-1")].find("failure") is None
    assert cases[("lib.yaml", "SMS-2")].find("failure") is None  # only a warning: fail-on is error
    assert root.get("tests") == "3" and root.get("failures") == "1"
    strict = ET.fromstring(run(inputs, "junit", "--fail-on", "warning").out)
    assert strict.get("failures") == "2"


def test_junit_reports_input_errors_and_low_scores(tmp_path):
    write(tmp_path / "bad.json", "{not json")
    write(tmp_path / "ok.md", "我们会联系你的家人。\n")
    outcome = check("--format", "junit", "--fail-under", "95", "bad.json", "ok.md", cwd=tmp_path)
    assert outcome.code == 2
    root = ET.fromstring(outcome.out)
    assert root.get("errors") == "1" and root.get("failures") == "1"
    failure = next(root.iter("failure"))
    assert failure.get("type") == "fail-under" and "score overall = 93 < 95" in failure.text


def test_github_annotations(inputs):
    outcome = run(inputs, "github")
    lines = outcome.out.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    assert errors[0].startswith("::error file=drafts/话术.md,line=3,endLine=3,col=4,endColumn=6,title=TEST-001::")
    assert any(line.startswith("::notice ") and "已标注: 错误示范" in line for line in lines)
    assert not any("引用监管通报原文" in line for line in lines)  # suppressed: not annotated
    assert any("title=TEST-003 [SMS-2]" in line for line in lines)
    assert lines[-1].startswith("scriptlint: 2 file(s), 3 script(s): 1 error(s)")


def test_github_escapes_newlines_and_commas():
    from scriptlint.report.github import _data, _property

    assert _data("a%b\nc\r") == "a%25b%0Ac%0D"
    assert _property("x,y:z") == "x%2Cy%3Az"


def test_statistics(inputs):
    outcome = run(inputs, "text", "--statistics")
    lines = outcome.out.splitlines()
    assert lines[0].split()[:3] == ["3", "TEST-005", "warning"]
    assert "辱骂" in outcome.out and "你这个傻逼" not in outcome.out  # counts, not findings
    assert lines[-1] == "5 finding(s) in 3 rule(s)"
    data = json.loads(run(inputs, "json", "--statistics").out)
    assert {row["rule"]: row["count"] for row in data["by_rule"]} == {"TEST-005": 3, "TEST-001": 1, "TEST-003": 1}
    assert {row["category"]: row["count"] for row in data["by_category"]} == {
        "privacy": 3, "insult": 1, "third_party": 1}


def test_exit_zero(inputs):
    assert run(inputs, "text", "--exit-zero").code == 0


def test_json_keeps_its_contract_and_adds_fingerprints(inputs):
    report = json.loads(run(inputs, "json").out)
    finding = report["files"][0]["findings"][0]
    for key in ("rule", "category", "principle", "severity", "line", "column", "end_line", "end_column",
                "message", "excerpt", "suggestion", "entry", "speaker"):
        assert key in finding
    assert len(finding["fingerprint"]) == 24


def windows(number: str, size: int = 8) -> list[str]:
    return [number[i:i + size] for i in range(len(number) - size + 1)]


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_personal_number_in_any_format(inputs, fmt):
    outcome = run(inputs, fmt)
    assert outcome.out.strip()
    for number in (ID_CARD, BANK_CARD, PHONE):
        for piece in windows(number):
            assert piece not in outcome.out, f"{fmt} leaks {piece!r} of {number}"
    assert "110101********1233" in outcome.out or fmt == "junit"  # masked, not dropped


@pytest.mark.parametrize("fmt", ("text", "json", "sarif", "github"))
def test_statistics_and_show_pii_opt_out(inputs, fmt):
    assert PHONE in run(inputs, fmt, "--show-pii").out
