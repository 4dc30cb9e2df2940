"""Batch QA through the CLI: bad calls do not stop the batch, per-call output, grouping, profiles."""

from __future__ import annotations

import json

from tests.conftest import run_cli
from tests.transcripts.conftest import CALL_PACK, CORPUS

GOOD = ('{{"call_id": "{id}", "agent_id": "{agent}", "team": "{team}", "debtor_id": "D{id}", '
        '"start": "{start}", "role": "坐席", "text": "您好，我是XX银行的李明，工号1024。", "begin": 0, "end": 1800}}\n'
        '{{"call_id": "{id}", "role": "客户", "text": "嗯。", "begin": 1900, "end": 2300}}\n')


def good(call_id: str, start: str = "2026-03-02T10:00:00+08:00", agent: str = "1024", team: str = "一组") -> str:
    return GOOD.format(id=call_id, start=start, agent=agent, team=team)


def check(*args: str):
    return run_cli("check", "--isolated", "--no-builtin", "--packs", str(CALL_PACK), *args)


def test_malformed_calls_are_reported_and_the_rest_still_checked(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(
        good("C1", "2026-03-02T22:30:00+08:00")
        + '{"call_id": "C2", "text": "没有角色"}\n'
        + '{"call_id": "C3", "role": "坐席", "text": "您好", "begin": "1s"}\n'
        + '{"call_id": "C4", "role": "坐席", "text": "截断了\n'
        + good("C5", "2026-03-02T23:00:00+08:00"), encoding="utf-8")
    run = check("--format", "json", str(path))
    assert run.returncode == 2
    data = json.loads(run.stdout)
    errors = [f["error"] for f in data["files"] if f.get("error")]
    assert [e.split(": ")[0] for e in errors] == [f"{path}:3", f"{path}:4", f"{path}:5"]
    assert "no role" in errors[0] and "not a number" in errors[1] and "invalid JSON line" in errors[2]
    checked = {f["entry"]: {x["rule"] for x in f["findings"]} for f in data["files"] if not f.get("error")}
    assert checked == {"C1": {"CALL-TIME-001", "CALL-REC-001"}, "C5": {"CALL-TIME-001", "CALL-REC-001"}}
    stderr = run.stderr.decode("utf-8")
    assert f"{path}:4: call C3: begin" in stderr and stderr.count("scriptlint:") == 3


def test_json_findings_carry_call_fields(tmp_path):
    path = tmp_path / "t.jsonl"
    path.write_text(
        '{"call_id": "T1", "role": "坐席", "text": "您好，请问是张三吗？", "begin": 0, "end": 1500}\n'
        '{"call_id": "T1", "role": "客户", "text": "我是他老婆。", "begin": 1600, "end": 2500}\n'
        '{"call_id": "T1", "role": "坐席", "text": "他欠款3000元已经逾期了。", "begin": 2600, "end": 5200}\n',
        encoding="utf-8")
    run = check("--format", "json", str(path))
    assert run.returncode == 1
    (item,) = json.loads(run.stdout)["files"]
    assert item["entry"] == "T1" and item["meta"]["call_id"] == "T1" and item["meta"]["turns"] == 3
    assert set(item["scores"]) == {"legal", "respect", "overall"} and item["scores"]["legal"] < 60
    (finding,) = [f for f in item["findings"] if f["rule"] == "CALL-3P-001"]
    assert (finding["entry"], finding["speaker"], finding["turn"]) == ("T1", "agent", 3)
    assert (finding["begin_ms"], finding["end_ms"], finding["line"]) == (2600, 5200, 3)


def test_output_file_and_group_by(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(good("G1", agent="1024", team="一组") + good("G2", agent="2048", team="二组")
                    + good("G3", "2026-03-03T23:00:00+08:00", agent="2048", team="二组"), encoding="utf-8")
    out = tmp_path / "results.jsonl"
    run = check("--format", "json", "--group-by", "agent", "--output", str(out), str(path))
    assert run.returncode == 1
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["entry"] for r in records] == ["G1", "G2", "G3"]
    assert all({"path", "meta", "scores", "findings"} <= set(r) for r in records)
    groups = json.loads(run.stdout)["groups"]
    assert groups["by"] == "agent"
    assert groups["groups"]["1024"]["calls"] == 1 and groups["groups"]["2048"]["calls"] == 2
    assert groups["groups"]["2048"]["by_category"]["harassment"] == 1
    assert groups["groups"]["1024"]["mean_scores"]["overall"] > groups["groups"]["2048"]["mean_scores"]["overall"]
    text = check("--group-by", "day", "--no-scores", str(path))
    body = text.stdout.decode("utf-8")
    assert "2026-03-02" in body and "2026-03-03" in body and "by day" in body


def test_no_progress_bar_when_not_a_terminal(tmp_path):
    path = tmp_path / "p.jsonl"
    path.write_text(good("P1"), encoding="utf-8")
    run = check(str(path))
    assert "calls/s" not in run.stderr.decode("utf-8")


def test_progress_bar_counts_calls(tmp_path, capsys):
    from scriptlint import Linter
    from scriptlint.batch import collect

    path = tmp_path / "p.jsonl"
    path.write_text(good("P1") + good("P2") + good("P3"), encoding="utf-8")
    linter = Linter(packs=[CALL_PACK], builtin=False)
    reports, grouping = collect(linter, [str(path)], progress=True)
    assert grouping is None and [r.results[0].entry for r in reports] == ["P1", "P2", "P3"]
    batch = linter.batch([str(path)])
    batch.prepare()
    assert batch.calls == 3  # the progress bar's total comes from the first pass


def test_profile_option(tmp_path):
    path = tmp_path / "us.txt"
    path.write_text("# call_id: U1\n# start: 2026-03-02 21:30\nagent: Hi, this is Dana with Acme.\ncustomer: Yes?\n",
                    encoding="utf-8")
    default = json.loads(check("--format", "json", str(path)).stdout)["files"][0]
    fdcpa = json.loads(check("--format", "json", "--profile", "fdcpa", str(path)).stdout)["files"][0]
    assert "CALL-TIME-001" not in {f["rule"] for f in default["findings"]}
    assert {"CALL-TIME-001", "CALL-FDCPA-001"} <= {f["rule"] for f in fdcpa["findings"]}
    bad = check("--profile", "mars", str(path))
    assert bad.returncode == 2 and "unknown profile 'mars'" in bad.stderr.decode("utf-8")


def test_role_alias_option(tmp_path):
    path = tmp_path / "r.txt"
    path.write_text("催收员甲：您好，我是XX银行的李明，工号1024，本次通话将被录音。\n借款方：嗯。\n催收员甲：好的。\n",
                    encoding="utf-8")
    run = check("--format", "json", "--role-alias", "催收员甲=agent", "--role-alias", "借款方=debtor", str(path))
    (item,) = json.loads(run.stdout)["files"]
    assert item["meta"]["kind"] == "call" and item["meta"]["turns"] == 3
    assert check("--role-alias", "x=boss", str(path)).returncode == 2


def test_sample_corpus():
    run = run_cli("check", "--isolated", "--format", "json", str(CORPUS))
    data = json.loads(run.stdout)
    assert run.returncode == 1 and data["summary"]["input_errors"] == 0
    by_entry = {f["entry"]: {x["rule"] for x in f["findings"]} for f in data["files"] if f.get("entry")}
    clean = ["OK-001", "OK-002", "compliant_call", "H-001", "TP-002", "N1", "N4", "F1", "F2", "F3", "M6"]
    assert {entry: by_entry[entry] for entry in clean} == {entry: set() for entry in clean}
    assert by_entry["F4"] == {"CALL-FREQ-001"} and by_entry["M7"] == {"CALL-FREQ-002"}
    assert {e for e in ("N2", "N3", "N5") if "CALL-TIME-001" in by_entry[e]} == {"N2", "N3", "N5"}
    assert any(rule.startswith(("CALL-3P", "THIRD")) for rule in by_entry["TP-001"])
