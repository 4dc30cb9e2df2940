"""No raw ID-card, bank-card or mobile number in any output: every format, --output, --group-by,
--statistics, the baseline file, score explanations and error messages (which quote what they
read).  Each run is a real process, so anything written to stdout or stderr is seen."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from scriptlint.pii import valid_cn_id, valid_luhn
from tests.robustness.fuzz_cli import bank_card, cn_id, mobile

RNG = random.Random(20260323)
ID, ID2 = cn_id(RNG), cn_id(RNG)
CARD, CARD2 = bank_card(RNG), bank_card(RNG)
PHONES = [mobile(RNG) for _ in range(7)]
NUMBERS = [ID, ID2, CARD, CARD2, *PHONES]


def test_planted_numbers_are_valid():
    assert valid_cn_id(ID) and valid_cn_id(ID2) and valid_luhn(CARD) and valid_luhn(CARD2)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[Path]:
    root = tmp_path_factory.mktemp("pii")
    draft = root / "draft.md"
    draft.write_text(f"你这个老赖，身份证{ID}，卡号{CARD}，电话{PHONES[0]}，再不还钱就去你单位找你领导。\n"
                     f"卡号 {CARD2[:4]} {CARD2[4:8]} {CARD2[8:12]} {CARD2[12:]} 已冻结，你全家都跑不了。\n",
                     encoding="utf-8")
    library = root / "library.yaml"
    library.write_text(f"scripts:\n  - id: '{PHONES[1]}'\n    text: 你这个老赖，卡号{CARD}还不还？\n"
                       f"  - id: {ID2}\n    text: 再不还钱就去你单位找你领导\n", encoding="utf-8")
    calls = root / "calls.jsonl"
    lines = [
        {"type": "call", "call_id": PHONES[2], "agent_id": ID2, "agent_name": f"张三{PHONES[3]}",
         "number": PHONES[4], "team": f"组{PHONES[3]}", "start": "2026-03-02 23:30:00+08:00"},
        {"call_id": PHONES[2], "role": "坐席", "text": f"你这个老赖，身份证{ID}，我们去你单位找你领导。"},
        {"call_id": PHONES[2], "role": "客户", "text": f"我的电话是{PHONES[0]}"},
        {"call_id": "C2", "role": PHONES[5], "text": "您好"},  # unknown speaker: the error quotes the label
        {"call_id": "C3", "role": "坐席", "text": "您好", "start": f"{PHONES[6]}x"},  # the error quotes the value
        {"call_id": "C4", "role": "坐席", "text": "您好", "duration_ms": int(PHONES[6])},
    ]
    calls.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    broken = root / "broken.json"
    broken.write_text(f'[{{"id": "{PHONES[1]}", "text": "{ID}" "x"}}]', encoding="utf-8")
    csv = root / "library.csv"
    csv.write_text(f"id,text\n{PHONES[3]},你这个老赖 {CARD}\n", encoding="utf-8")
    return [draft, library, calls, broken, csv]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scriptlint.cli", "check", "--isolated", *args],
                          capture_output=True, text=True, cwd=cwd)


def _leaks(*texts: str) -> list[str]:
    return [number for number in NUMBERS for text in texts if number in text]


@pytest.mark.parametrize("extra", [
    ["--format", "text", "--group-by", "agent", "--fail-under", "100"],
    ["--format", "json", "--group-by", "team"],
    ["--format", "sarif"],
    ["--format", "junit", "--fail-under", "100"],
    ["--format", "github"],
    ["--format", "json", "--statistics"],
    ["--format", "json", "--jobs", "2"],
])
def test_no_raw_personal_number_in_any_output(inputs, tmp_path, extra):
    if "--jobs" in extra and "--jobs" not in _run("--help", cwd=tmp_path).stdout:
        pytest.skip("no --jobs option")
    output, baseline = tmp_path / "calls.out.jsonl", tmp_path / "baseline.json"
    run = _run(*extra, "--output", str(output), *map(str, inputs), cwd=tmp_path)
    assert run.returncode == 2, run.stderr  # broken.json and the malformed calls are input errors
    assert "Traceback" not in run.stderr
    assert "scriptlint:" in run.stderr and run.stdout
    assert _leaks(run.stdout, run.stderr, output.read_text(encoding="utf-8")) == []
    written = _run("--write-baseline", str(baseline), *map(str, inputs), cwd=tmp_path)
    assert _leaks(written.stdout, written.stderr, baseline.read_text(encoding="utf-8")) == []


def test_show_pii_does_show_them(inputs, tmp_path):
    """The check above can fail: unmasked output does contain the numbers."""
    run = _run("--format", "json", "--show-pii", *map(str, inputs), cwd=tmp_path)
    assert {ID, CARD, PHONES[0]} <= set(_leaks(run.stdout))


def test_error_messages_are_masked_even_with_show_pii(inputs, tmp_path):
    run = _run("--format", "json", "--show-pii", *map(str, inputs[2:]), cwd=tmp_path)
    assert run.returncode == 2
    assert _leaks(run.stderr) == []
    assert f"{PHONES[5][:3]}****{PHONES[5][-4:]}" in run.stderr  # the unknown speaker label, masked
