"""话术 libraries: each entry is its own script, findings name the entry and point at the raw file."""

from scriptlint.documents import read_text


def lint(linter, text, name):
    return [r for r in linter.lint_source(text, name)]


def findings_by_entry(results):
    return {r.entry: [(f.rule, f.line, f.column) for f in r.findings] for r in results}


def test_yaml_library(fixture_linter):
    text = "scripts:\n  - id: A1\n    text: 您好\n  - id: B2\n    text: 你这个傻逼\n"
    results = lint(fixture_linter, text, "lib.yaml")
    assert findings_by_entry(results) == {"A1": [], "B2": [("TEST-001", 5, 14)]}


def test_yaml_mapping_and_block_scalar(fixture_linter):
    text = "A1: 您好\nB2: |\n  第一句\n  你这个傻逼\n"
    results = lint(fixture_linter, text, "lib.yml")
    assert findings_by_entry(results) == {"A1": [], "B2": [("TEST-001", 4, 6)]}


def test_json_library_with_escapes(fixture_linter):
    text = '[{"id": "x", "content": "第一句\\n你这个傻逼"}]'
    (result,) = lint(fixture_linter, text, "lib.json")
    (finding,) = result.findings
    assert result.entry == "x"
    assert (finding.line, finding.column) == (1, 34)


def test_jsonl_library(fixture_linter):
    text = '{"id": "a", "text": "您好"}\n{"id": "b", "text": "你这个傻逼"}\n'
    results = lint(fixture_linter, text, "lib.jsonl")
    assert findings_by_entry(results) == {"a": [], "b": [("TEST-001", 2, 25)]}


def test_csv_library(fixture_linter):
    text = "编号,话术\nS1,您好\nS2,\"你这个傻逼, 对吧\"\n"
    results = lint(fixture_linter, text, "lib.csv")
    assert findings_by_entry(results) == {"S1": [], "S2": [("TEST-001", 3, 8)]}


def test_text_draft_is_one_script():
    (script,) = read_text("第一行\n第二行", "draft.md")
    assert script.entry is None and script.segments[0].locate(4) == (2, 1)
