"""``check --jobs N``: chunks of a JSONL batch linted in worker processes give the same reports, in
the same order, as one process (frequency breaches across chunks included)."""

from __future__ import annotations

import dataclasses
import json

from scriptlint import parallel


def _reports(reports) -> list:
    return [(r.path, r.error and str(r.error), [dataclasses.asdict(x) for x in r.results]) for r in reports]


def _batch(path, calls: int) -> None:
    lines = []
    for number in range(calls):
        call = f"P{number:04d}"
        # every 7th call goes to the same debtor, so frequency limits are breached across chunks
        debtor = "D-SAME" if number % 7 == 0 else f"D{number}"
        lines.append({"type": "call", "call_id": call, "debtor_id": debtor, "number": f"1380000{number:04d}",
                      "start": f"2026-03-02T{9 + number % 12:02d}:00:00+08:00", "connected": True})
        lines.append({"call_id": call, "role": "坐席", "text": "您好，我是XX银行的客服专员，工号A1，本次通话录音。"})
        lines.append({"call_id": call, "role": "客户", "text": "是我。"})
        text = "你再不还钱，我就去你单位找你领导。" if number % 5 == 0 else "请问今天方便安排还款吗？"
        lines.append({"call_id": call, "role": "坐席", "text": text})
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    lines_bad = path.read_text(encoding="utf-8") + '{"call_id": "BAD", "role": "坐席", "text": \n'
    path.write_text(lines_bad, encoding="utf-8")


def test_jobs_give_the_same_reports_in_the_same_order(tmp_path, monkeypatch, linter):
    monkeypatch.setattr(parallel, "CHUNK_BYTES", 2000)  # many chunks from a small file
    path = tmp_path / "calls.jsonl"
    _batch(path, 120)
    draft = tmp_path / "draft.md"
    draft.write_text("你这个老赖\n", encoding="utf-8")
    units = list(parallel.units([str(path)], lambda p: True))
    assert len(units) > 5
    expected = _reports(linter.lint_paths([str(path), str(draft)]))
    got = _reports(parallel.lint_parallel(linter.batch([str(path), str(draft)]), linter.options, 2))
    assert got == expected
    assert any(f["rule"].startswith("CALL-FREQ") for _p, _e, rs in expected for r in rs for f in r["findings"])
    assert expected[-2][1] is not None  # the malformed last call is reported as an error, in place


def test_small_inputs_stay_in_process(tmp_path):
    small = tmp_path / "a.md"
    small.write_text("您好\n", encoding="utf-8")
    assert parallel.choose_jobs(None, [str(small)]) == 1
    assert parallel.choose_jobs(3, [str(small)]) == 3
