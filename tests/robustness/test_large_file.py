"""A 50 MB file on a single line: finishes in bounded time and memory, with positions still right.

Sentences are cut into 400-character windows, findings are deduplicated through a span index
(not all pairs) and line/column mapping is a binary search, so the cost is linear in the input.
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import time

import pytest

SIZE = 50 * 1024 * 1024
BENIGN = ["您好，这里是信用卡中心，关于您的账单已经逾期，希望您能尽快安排还款。",
          "如有困难可以申请分期或者协商还款计划，谢谢配合。",
          "Your account is overdue, please contact us at your convenience. ",
          "我们会在工作时间再与您联系，祝您生活愉快！"]
BAD = "你这个老赖，再不还钱就去你单位找你领导。"
LAST = "最后一句：你这个老赖。"


@pytest.mark.slow
def test_fifty_megabytes_on_one_line(tmp_path):
    rng = random.Random(50)
    parts, size, count = [], 0, 0
    while size < SIZE:
        piece = BAD if count % 200 == 0 else rng.choice(BENIGN)
        parts.append(piece)
        size += len(piece.encode())
        count += 1
    body = "".join(parts)
    path = tmp_path / "one-line.txt"
    path.write_text(body + LAST, encoding="utf-8")
    assert path.stat().st_size >= SIZE and b"\n" not in path.read_bytes()[:1 << 20]

    began = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "scriptlint.cli", "check", "--isolated", "--format", "json",
                          "--no-builtin", "--packs", "tests/fixtures/packs", str(path)],
                         capture_output=True, text=True, timeout=900)
    elapsed = time.perf_counter() - began
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    assert run.returncode == 1, run.stderr
    findings = json.loads(run.stdout)["files"][0]["findings"]
    assert {f["line"] for f in findings} == {1}
    last = len(body) + LAST.index("老赖") + 1  # 1-based column, counted in code points
    columns = sorted(f["column"] for f in findings)
    assert any(f["column"] == last and f["match"] == "老赖" for f in findings), columns[-3:]
    assert len([f for f in findings if f["match"] == "老赖"]) == len(parts[::200]) + 1
    assert elapsed < 600, f"{elapsed:.0f} s"
    assert peak_mb < 4096, f"{peak_mb:.0f} MB"
