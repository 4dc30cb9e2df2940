"""Baseline: write, then only new findings fail; survives inserted lines; rewriting drops fixes."""

from __future__ import annotations

import json

from tests.workflow_support import ID_CARD, check, write

LIBRARY = (
    "templates:\n"
    "  - id: OLD-1\n"
    "    text: 你这个傻逼，快还钱。\n"
    "  - id: OLD-2\n"
    "    text: 我们会联系你的家人。\n"
)


def test_round_trip_survives_inserted_lines(tmp_path):
    library = write(tmp_path / "lib.yaml", LIBRARY)
    baseline = tmp_path / "scriptlint-baseline.json"
    assert check(str(library)).code == 1
    written = check("--write-baseline", str(baseline), str(library))
    assert written.code == 0 and "wrote 2 finding(s)" in written.err
    data = json.loads(baseline.read_text(encoding="utf-8"))
    assert [(e["path"], e["rule"], e["entry"]) for e in data["findings"]] == [
        ("lib.yaml", "TEST-001", "OLD-1"), ("lib.yaml", "TEST-003", "OLD-2")]
    assert check("--baseline", str(baseline), str(library)).code == 0

    # Lines inserted above the findings move them; the baseline still accepts them.
    moved = LIBRARY.replace("templates:\n", "templates:\n  - id: NEW-0\n    text: 您好\n")
    write(library, "# 2025 修订版\n# 审核人：合规部\n\n" + moved)
    outcome = check("--format", "json", "--baseline", str(baseline), str(library))
    assert outcome.code == 0
    findings = [f for item in json.loads(outcome.out)["files"] for f in item["findings"]]
    assert {(f["rule"], f["line"], f["suppressed"]) for f in findings} == {
        ("TEST-001", 8, "baseline"), ("TEST-003", 10, "baseline")}

    # A new violation fails, and only it is counted.
    write(library, library.read_text(encoding="utf-8") + "  - id: NEW-1\n    text: 你这个傻逼！\n")
    outcome = check("--format", "json", "--baseline", str(baseline), str(library))
    assert outcome.code == 1
    report = json.loads(outcome.out)
    assert report["summary"]["by_severity"]["error"] == 1 and report["summary"]["suppressed"] == 2
    text = check("--baseline", str(baseline), str(library)).out
    assert "NEW-1" in text and "OLD-1" not in text.split("评分")[0]


def test_same_sentence_twice_is_one_new_finding(tmp_path):
    library = write(tmp_path / "lib.yaml", LIBRARY)
    baseline = tmp_path / "b.json"
    check("--write-baseline", str(baseline), str(library))
    write(library, LIBRARY + "  - id: COPY\n    text: 你这个傻逼，快还钱。\n")
    outcome = check("--format", "json", "--baseline", str(baseline), str(library))
    assert outcome.code == 1
    active = [(item["entry"], f["rule"]) for item in json.loads(outcome.out)["files"]
              for f in item["findings"] if "suppressed" not in f]
    assert active == [("COPY", "TEST-001")]


def test_rewriting_drops_fixed_findings(tmp_path):
    library = write(tmp_path / "lib.yaml", LIBRARY)
    baseline = tmp_path / "b.json"
    check("--write-baseline", str(baseline), str(library))
    write(library, LIBRARY.replace("你这个傻逼，快还钱。", "请您尽快安排还款。"))
    assert check("--baseline", str(baseline), "--write-baseline", str(baseline), str(library)).code == 0
    entries = json.loads(baseline.read_text(encoding="utf-8"))["findings"]
    assert [e["rule"] for e in entries] == ["TEST-003"]


def test_editing_the_sentence_itself_makes_it_new(tmp_path):
    library = write(tmp_path / "lib.yaml", LIBRARY)
    baseline = tmp_path / "b.json"
    check("--write-baseline", str(baseline), str(library))
    write(library, LIBRARY.replace("你这个傻逼，快还钱。", "你这个傻逼，今天必须还钱。"))
    assert check("--baseline", str(baseline), str(library)).code == 1


def test_baseline_from_config_and_errors(tmp_path):
    library = write(tmp_path / "lib.yaml", LIBRARY)
    write(tmp_path / "scriptlint.toml", 'baseline = "baseline.json"\n')
    missing = check(str(library))
    assert missing.code == 2 and "baseline.json: baseline file not found" in missing.err
    assert check("--write-baseline", str(tmp_path / "baseline.json"), str(library)).code == 0
    assert check(str(library)).code == 0
    write(tmp_path / "baseline.json", '{"version": 99}')
    assert "not a scriptlint baseline" in check(str(library)).err


def test_baseline_file_holds_no_personal_numbers(tmp_path):
    library = write(tmp_path / "d.md", f"你这个傻逼，身份证{ID_CARD}\n")
    baseline = tmp_path / "b.json"
    check("--write-baseline", str(baseline), str(library))
    content = baseline.read_text(encoding="utf-8")
    assert "TEST-005" in content and ID_CARD not in content and ID_CARD[6:14] not in content
