"""Property-based tests (hypothesis): findings map back to their raw text; the readers and the CLI
survive random bytes and random structured input; and a deterministic fuzz sample of the CLI."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scriptlint.documents import read_bytes
from scriptlint.documents.positions import LineIndex
from scriptlint.errors import InputError
from scriptlint.normalize import HOMOPHONES, fold, normalize
from scriptlint.transcripts import open_calls
from scriptlint.transcripts.call import Call
from tests.robustness.fuzz_cli import fuzz

SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".csv", ".tsv", ".yaml", ".srt", ".vtt"]
PROFILE = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                           HealthCheck.too_slow])

# Text that exercises normalisation: rule vocabulary, traditional and full-width forms, evasion noise
# between characters, zero-width characters, Latin letters, digits and line breaks.
_PIECES = ["老赖", "傻逼", "還錢", "还钱", "单位", "领导", "家人", "联系", "坐牢", "法院", "起诉", "你", "我", "不",
           "ｓｂ", "SB", "n.m.s.l", "老*赖", "老 赖", "傻\u200b逼", "１３８", "，", "。", "！", "\n", "\r\n", " ",
           "…", "“", "”", "的", "死", "滚", "找", "去", "a", "Z", "0"]
texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=40).map("".join)


@PROFILE
@given(texts)
def test_finding_spans_round_trip_through_normalisation(fixture_linter, text):
    result = fixture_linter.lint_text(text)
    index = LineIndex(text)
    for finding in result.findings:
        start = index.starts[finding.line - 1] + finding.column - 1
        end = index.starts[finding.end_line - 1] + finding.end_column - 1
        assert text[start:end] == finding.match  # line/column point at the raw text of the match
        assert normalize(finding.match).text in finding.context  # which normalises back into its sentence
        assert finding.excerpt[slice(*finding.excerpt_span)] == finding.match


@PROFILE
@given(texts)
def test_normalised_offsets_map_to_raw_offsets(text):
    norm = normalize(text)
    assert len(norm.text) <= len(text)
    previous = -1
    for index, char in enumerate(norm.text):
        raw = norm.to_raw(index)
        assert raw > previous  # monotonic: no two normalised characters share a raw one
        previous = raw
        if text[raw] == '"' and char in "“”":
            continue  # a paired ASCII quote becomes curly: a context-dependent fold
        if _homophone_at(text, raw, char):
            continue  # a dodge spelling replaced by its word (捞赖 → 老赖): context-dependent too
        assert fold(text[raw]) == char  # the character it came from, folded


def _homophone_at(text: str, raw: int, char: str) -> bool:
    """Whether ``text[raw]`` lies in a spelling of ``HOMOPHONES`` whose word has ``char`` there."""
    folded = "".join(fold(c) for c in text)
    for spelling, word in HOMOPHONES.items():
        start = folded.find(spelling, max(0, raw - len(spelling) + 1))
        while start != -1 and start <= raw:
            if word[raw - start] == char:
                return True
            start = folded.find(spelling, start + 1)
    return False


@PROFILE
@given(data=st.binary(max_size=600), suffix=st.sampled_from(SUFFIXES))
def test_readers_survive_random_bytes(tmp_path, data, suffix):
    try:
        scripts = read_bytes(data, f"random{suffix}")
    except InputError as err:
        assert str(err).startswith(f"random{suffix}")
    else:
        assert all(s.path == f"random{suffix}" for s in scripts)
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    source = open_calls(str(path))
    for item in source or ():
        assert isinstance(item, Call | InputError)


_keys = st.sampled_from(["id", "text", "role", "speaker", "content", "call_id", "sentences", "begin", "end",
                         "start", "scripts", "calls", "话术", "角色", "number", "agent_id", "connected", "words"])
_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True),
                     st.text(alphabet=string.printable + "坐席客户老赖还钱你我：:", max_size=20))
structured = st.recursive(_scalars, lambda inner: st.one_of(st.lists(inner, max_size=5),
                                                            st.dictionaries(_keys, inner, max_size=6)),
                          max_leaves=30)


@PROFILE
@given(data=structured, suffix=st.sampled_from([".json", ".jsonl", ".yaml", ".txt", ".csv"]))
def test_readers_survive_random_structures(linter, data, suffix):
    if suffix == ".yaml":
        text = yaml.safe_dump(data, allow_unicode=True)
    elif suffix == ".jsonl":
        text = "\n".join(json.dumps(item, ensure_ascii=False) for item in (data if isinstance(data, list) else [data]))
    elif suffix == ".csv":
        text = "id,text\n" + "\n".join(f"{i},{json.dumps(item, ensure_ascii=False)}" for i, item in enumerate([data]))
    else:
        text = json.dumps(data, ensure_ascii=False)
    try:
        results = linter.lint_source(text, f"structured{suffix}")
    except InputError:
        return
    assert all(set(r.scores) >= {"legal", "respect", "overall"} for r in results)


@PROFILE
@given(data=st.binary(max_size=400), suffix=st.sampled_from([*SUFFIXES, "-"]),
       output_format=st.sampled_from(["text", "json", "sarif", "junit", "github"]))
def test_cli_survives_random_bytes(tmp_path, check, data, suffix, output_format):
    if suffix == "-":
        result = check("--format", output_format, "-", input=data)
    else:
        path = Path(tmp_path) / f"random{suffix}"
        path.write_bytes(data)
        result = check("--format", output_format, path)
    assert isinstance(result.exception, SystemExit | None), result.exception
    assert result.exit_code in (0, 1, 2) and "Traceback" not in result.stderr
    if output_format in ("json", "sarif"):
        json.loads(result.stdout)


def test_fuzz_sample_of_the_cli():
    """2,000 generated inputs through the CLI entry point (``fuzz_cli.py --count 100000`` for the full run)."""
    summary = fuzz(2000, seed=7_000_000, timeout=20)
    assert summary["outcomes"] == {"ok": 2000}, json.dumps(summary["failures"][:5], ensure_ascii=False, indent=1)
    assert set(summary["exit_status"]) == {0, 1, 2}  # the sample reaches clean, failing and unreadable inputs


@pytest.mark.parametrize("seed", [0, 1])
def test_fuzz_catches_a_planted_leak(monkeypatch, seed):
    """The fuzz harness can fail: with masking switched off it reports the planted numbers."""
    import scriptlint.report as reporting

    real = reporting.writer
    monkeypatch.setattr(reporting, "writer", lambda name, stream, mask=True, **o: real(name, stream, mask=False, **o))
    summary = fuzz(300, seed=31 + seed * 1000)
    assert summary["outcomes"].get("pii", 0) > 0
