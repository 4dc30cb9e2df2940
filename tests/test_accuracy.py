"""Accuracy on the labelled development corpora (issue: recall ≥ 95%, false-positive rate ≤ 2%).

The held-out set (corpora/labelled/holdout.jsonl) is measured and reported, never asserted here,
so that nobody tunes rules against it.
"""

import subprocess
import sys

import pytest

from scriptlint.evaluate import evaluate, read_corpus
from tests.conftest import ROOT

LABELLED = ROOT / "corpora" / "labelled"
DEV_SETS = ["corpus.jsonl", "dev_b.jsonl", "dev_c.jsonl", "dev_d.jsonl", "dev_e.jsonl", "dev_f.jsonl", "dev_g.jsonl",
            "dev_h.jsonl", "dev_i.jsonl", "dev_j.jsonl", "dev_k.jsonl", "dev_l.jsonl",
            "dev_m.jsonl", "dev_n.jsonl", "dev_o.jsonl", "dev_p.jsonl", "dev_q.jsonl", "dev_r.jsonl", "dev_s.jsonl",
            "dev_t.jsonl", "dev_u.jsonl", "dev_v.jsonl", "dev_w.jsonl", "dev_x.jsonl", "dev_y.jsonl"]


@pytest.mark.parametrize("name", DEV_SETS)
def test_recall_and_false_positive_rate(linter, name):
    report = evaluate(linter, read_corpus(str(LABELLED / name)))
    misses = "\n".join(f"  {o.id}: {o.text}" for o in report.misses()[:20])
    alarms = "\n".join(f"  {o.id} {o.rules}: {o.text}" for o in report.false_alarms()[:20])
    assert report.recall() >= 0.95, f"recall {report.recall():.1%}; misses:\n{misses}"
    assert report.false_positive_rate() <= 0.02, f"FPR {report.false_positive_rate():.1%}:\n{alarms}"


def test_corpus_files_are_valid():
    run = subprocess.run([sys.executable, str(LABELLED / "check_corpus.py")], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
