"""Interrupted batches: Ctrl-C or SIGTERM mid-batch keeps whole JSONL records, ``--resume`` finishes
the batch with every call exactly once, and report files are replaced atomically."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from scriptlint.journal import Journal

CALLS = 1500


def _batch(root: Path) -> list[Path]:
    lines = []
    for i in range(CALLS):
        call_id = f"C{i:05d}"
        text = f"您好，这里是信用卡中心，第{i}通电话，请尽快还款，否则我们会联系你的家人。"
        lines.append(json.dumps({"call_id": call_id, "role": "坐席", "text": text, "debtor_id": f"D{i % 40}",
                                 "start": f"2026-03-02 {10 + i % 8:02d}:00:00+08:00"}, ensure_ascii=False))
        lines.append(json.dumps({"call_id": call_id, "role": "客户", "text": "好的，我知道了。"}, ensure_ascii=False))
        if i == CALLS // 2:
            lines.append('{"call_id": "BROKEN", "role": "坐席", "text": ')  # one malformed call
    calls = root / "calls.jsonl"
    calls.write_text("\n".join(lines) + "\n", encoding="utf-8")
    draft = root / "draft.md"
    draft.write_text("你这个老赖，再不还钱就去你单位找你领导。", encoding="utf-8")
    return [calls, draft]


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "scriptlint.cli", "check", "--isolated", "--jobs", "1", *args]


def _default_sigint() -> None:
    # A shell starts background jobs with SIGINT ignored, and Python then installs no Ctrl-C handler
    # (CI may run the suite that way): give the child the disposition a terminal user's process has.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _key(record: dict) -> tuple:
    if "error" in record:
        return "error", record["line"]
    return record["path"], record.get("entry")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupt_then_resume_checks_every_call_exactly_once(tmp_path, signum):
    inputs = _batch(tmp_path)
    output = tmp_path / "results.jsonl"
    # stdout to a file, not a pipe: the report is streamed, and an unread pipe would block the batch
    report, errors = tmp_path / "report.json", tmp_path / "stderr.txt"
    with open(report, "w") as out, open(errors, "w") as err:
        process = subprocess.Popen(_command("--format", "json", "--output", str(output), *map(str, inputs)),
                                   stdout=out, stderr=err, text=True, preexec_fn=_default_sigint)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None:
        if output.exists() and output.stat().st_size > 60_000:  # a few hundred calls in
            break
        time.sleep(0.05)
    assert process.poll() is None, "the batch finished before it could be interrupted"
    process.send_signal(signum)
    process.wait(timeout=60)
    stderr = errors.read_text(encoding="utf-8")
    assert process.returncode == 128 + signum, stderr
    assert "interrupted" in stderr and "--resume" in stderr and "Traceback" not in stderr
    first = _records(output)  # every line is a whole JSON record
    assert 0 < len(first) < CALLS

    resumed = subprocess.run(_command("--format", "json", "--resume", "--output", str(output), *map(str, inputs)),
                             capture_output=True, text=True, timeout=300)
    assert resumed.returncode == 2, resumed.stderr  # the malformed call is an input error
    records = _records(output)
    counts = Counter(_key(r) for r in records)
    assert max(counts.values()) == 1
    entries = {r["entry"] for r in records if r.get("meta", {}).get("kind") == "call"}
    assert entries == {f"C{i:05d}" for i in range(CALLS)}
    assert sum("error" in r for r in records) == 1
    assert sum(r.get("path") == str(inputs[1]) for r in records) == 1
    assert records[:len(first)] == first  # appended, nothing rewritten
    report = json.loads(resumed.stdout)  # the final report covers the whole batch
    assert report["summary"]["scripts"] == CALLS + 1 and report["summary"]["input_errors"] == 1


def test_resume_drops_a_torn_last_line(tmp_path):
    path = tmp_path / "results.jsonl"
    whole = {"path": "a.jsonl", "entry": "C1", "meta": {"kind": "call", "call_id": "C1", "line": 1},
             "scores": {"overall": 100}, "practices": [], "findings": []}
    path.write_text(json.dumps(whole) + "\n" + '{"path": "a.jsonl", "entry": "C2", "me', encoding="utf-8")
    journal = Journal.read(str(path))
    assert path.read_text(encoding="utf-8") == json.dumps(whole) + "\n"
    assert ("call", "a.jsonl", "C1", 1) in journal.done and len(journal.reports) == 1


def test_resume_refuses_a_file_that_is_not_a_journal(tmp_path, check):
    output = tmp_path / "results.jsonl"
    output.write_text("not json\n{}\n", encoding="utf-8")
    draft = tmp_path / "a.md"
    draft.write_text("您好", encoding="utf-8")
    result = check("--resume", "--output", output, draft)
    assert result.exit_code == 2 and f"{output}:1: not a scriptlint record" in result.stderr
    assert check("--resume", draft).exit_code == 2


def test_resume_of_a_finished_batch_lints_nothing_again(tmp_path, check):
    inputs = _batch(tmp_path)[1:]
    output = tmp_path / "results.jsonl"
    assert check("--output", output, *inputs).exit_code == 1
    before = output.read_text(encoding="utf-8")
    result = check("--format", "json", "--resume", "--output", output, *inputs)
    assert result.exit_code == 1  # the gate still sees the earlier findings
    assert output.read_text(encoding="utf-8") == before
    assert json.loads(result.stdout)["summary"]["findings"] > 0


def test_report_file_is_replaced_atomically(tmp_path, check, monkeypatch):
    draft = tmp_path / "a.md"
    draft.write_text("你这个老赖", encoding="utf-8")
    report = tmp_path / "report.sarif"
    report.write_text("previous report\n", encoding="utf-8")

    import scriptlint.report as reporting

    real = reporting.writer

    class Interrupted:
        def __init__(self, name, stream, **options):
            self.stream = stream

        def add(self, report):
            self.stream.write('{"half": ')
            raise KeyboardInterrupt

    monkeypatch.setattr(reporting, "writer", Interrupted)
    result = check("--format", "sarif", "--report-file", report, draft)
    assert result.exit_code == 130 and "interrupted" in result.stderr
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.md", "report.sarif"]  # no temporary file left

    monkeypatch.setattr(reporting, "writer", real)
    result = check("--format", "sarif", "--report-file", report, draft)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(report.read_text(encoding="utf-8"))["runs"][0]["results"]
    assert os.stat(report).st_size > 0
