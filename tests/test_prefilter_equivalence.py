"""The prefiltered hot path (one normalisation and one automaton scan per call, jieba only where a
candidate needs it) must give exactly the findings of evaluating every pattern on every sentence,
turn by turn, with the built-in packs, over every corpus we have (never the held-out set)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from tests.conftest import ROOT

CORPORA = ROOT / "corpora"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def linters():
    from scriptlint import Linter

    return Linter(), Linter(prefilter=False)


def _findings(reports) -> list[dict]:
    out = []
    for report in reports:
        assert report.error is None, report.error
        for result in report.results:
            out.append({"path": result.path, "entry": result.entry, "scores": result.scores,
                        "practices": result.practices,
                        "findings": [dataclasses.asdict(f) for f in result.findings]})
    return out


def _labelled_texts() -> list[str]:
    with open(CORPORA / "labelled" / "corpus.jsonl", encoding="utf-8") as handle:
        return [json.loads(line)["text"] for line in handle if line.strip()]


def test_labelled_lines_one_by_one(linters):
    fast, slow = linters
    texts = _labelled_texts()
    fired = 0
    for text in texts:
        expected = [dataclasses.asdict(f) for f in slow.lint_text(text).findings]
        assert [dataclasses.asdict(f) for f in fast.lint_text(text).findings] == expected, text
        fired += bool(expected)
    assert fired > len(texts) // 3  # the comparison covers many findings, not only clean lines


def test_labelled_lines_as_calls(linters, tmp_path: Path):
    """The same lines as turns of calls: offsets must survive normalising a call as one text."""
    fast, slow = linters
    lines = []
    for number, text in enumerate(_labelled_texts()):
        call = f"C{number // 15}"
        if number % 15 == 0:
            lines.append({"type": "call", "call_id": call, "start": "2026-03-02T10:00:00+08:00"})
        role = "客户" if number % 4 == 3 else "坐席"
        lines.append({"call_id": call, "role": role, "text": text, "begin": number * 1000, "end": number * 1000 + 900})
    path = tmp_path / "calls.jsonl"
    path.write_text("\n".join(json.dumps(line, ensure_ascii=False) for line in lines) + "\n", encoding="utf-8")
    expected = _findings(slow.lint_paths([str(path)]))
    assert sum(len(r["findings"]) for r in expected) > 100
    assert _findings(fast.lint_paths([str(path)])) == expected


@pytest.mark.parametrize("folder", ["examples", "transcripts", "seeds"])
def test_corpus_files(linters, folder: str):
    fast, slow = linters
    directory = SEEDS if folder == "seeds" else CORPORA / folder
    if not directory.is_dir():
        pytest.skip(f"{directory} is not present")
    paths = [str(p) for p in sorted(directory.iterdir()) if p.is_file() and p.name != "README.md"]
    assert _findings(fast.lint_paths(paths)) == _findings(slow.lint_paths(paths))
