"""The start-up cache (``scriptlint.cache``): a warm start gives the same findings as a cold one,
any change to a pack invalidates it, and a missing, unwritable or corrupt cache never matters."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import FIXTURE_PACKS, ROOT

TEXT = "你再不还钱，我就去你单位找你领导，让你身败名裂！你这个老赖。\n我们会联系你的家人。\n"
REGEX_PACK = """\
pack: cache-test
rules:
  - id: CACHE-001
    category: threat
    principle: legal
    severity: error
    message: 测试
    basis: 测试
    suggestion: 请文明沟通。
    patterns:
      - regex: "(曝光|公开)(你|您)的(照片|通讯录)"
    examples:
      fire: [我们会曝光你的照片]
"""


def run(cache: Path | str | None, *args: str, text: str = TEXT, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("SCRIPTLINT_CACHE_DIR", "SCRIPTLINT_NO_CACHE")}
    if cache is not None:
        env["SCRIPTLINT_CACHE_DIR"] = str(cache)
    return subprocess.run([sys.executable, "-m", "scriptlint.cli", *args], input=text.encode("utf-8"),
                          capture_output=True, cwd=cwd, env=env)


def findings(cache: Path | str | None, *args: str, text: str = TEXT) -> list[dict]:
    result = run(cache, "check", "--format", "json", "--exit-zero", *args, "-", text=text)
    assert result.returncode == 0, result.stderr.decode()
    report = json.loads(result.stdout)
    return [f for file in report["files"] for f in file["findings"]]


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("packs-*.json"))


def newest(cache: Path) -> dict:
    """The cache file written last (the built-in packs may change while the tests run: then a
    run writes a new file under a new key, and comparisons are made between adjacent runs)."""
    return json.loads(max(cache_files(cache), key=lambda p: p.stat().st_mtime_ns).read_text(encoding="utf-8"))


def test_warm_start_gives_the_same_findings_as_a_cold_one(tmp_path):
    cache = tmp_path / "cache"
    cold = findings(cache)
    assert cold and cache_files(cache)
    stored = newest(cache)
    assert stored["yaml"] and stored["anchors"] and stored["re2"]
    warm = findings(cache)
    assert warm == findings(None, "--no-cache")
    assert warm == cold or findings(cache) == warm  # equal unless a pack changed in between


def test_no_cache_neither_reads_nor_writes(tmp_path):
    cache = tmp_path / "cache"
    findings(cache, "--no-cache")
    assert not cache.exists()


def test_editing_a_pack_invalidates_the_cache(tmp_path):
    cache, packs = tmp_path / "cache", tmp_path / "packs"
    shutil.copytree(FIXTURE_PACKS, packs)
    (packs / "extra.yaml").write_text(REGEX_PACK, encoding="utf-8")
    text = TEXT + "我们会曝光你的照片。\n我们会公开您的通讯录。\n"
    before = findings(cache, "--no-builtin", "--packs", str(packs), text=text)
    assert [f["rule"] for f in before].count("CACHE-001") == 2
    assert findings(cache, "--no-builtin", "--packs", str(packs), text=text) == before
    (packs / "extra.yaml").write_text(REGEX_PACK.replace("(曝光|公开)", "曝光"), encoding="utf-8")
    after = findings(cache, "--no-builtin", "--packs", str(packs), text=text)
    assert [f["rule"] for f in after].count("CACHE-001") == 1
    assert after == findings(None, "--no-cache", "--no-builtin", "--packs", str(packs), text=text)
    assert len(cache_files(cache)) >= 2


def test_an_unwritable_cache_directory_is_ignored(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    assert findings(blocker / "cache") == findings(None, "--no-cache")


def test_a_corrupt_cache_file_is_ignored_and_rewritten(tmp_path):
    cache = tmp_path / "cache"
    findings(cache)
    for garbage in ("{not json", json.dumps({"format": 1, "yaml": {"x": 1}, "anchors": {}, "re2": []}),
                    json.dumps({"format": 1, "yaml": {}, "anchors": {"我": []}, "re2": []}), "\udcff"):
        for path in cache_files(cache):
            path.write_text(garbage, encoding="utf-8", errors="surrogateescape")
        assert findings(cache) == findings(None, "--no-cache")
        stored = newest(cache)
        assert stored["yaml"] and stored["anchors"]


def test_a_bad_pack_is_reported_the_same_and_never_cached(tmp_path):
    cache, packs = tmp_path / "cache", tmp_path / "packs"
    packs.mkdir()
    (packs / "bad.yaml").write_text(REGEX_PACK.replace("severity: error", "severity: fatal"), encoding="utf-8")
    first = run(cache, "check", "--no-builtin", "--packs", str(packs), "-")
    second = run(cache, "check", "--no-builtin", "--packs", str(packs), "-")
    uncached = run(None, "check", "--no-cache", "--no-builtin", "--packs", str(packs), "-")
    assert first.returncode == second.returncode == uncached.returncode == 2
    assert first.stderr == second.stderr == uncached.stderr
    assert b"severity" in first.stderr
    assert cache_files(cache) == []


def test_cache_clear(tmp_path):
    cache = tmp_path / "cache"
    findings(cache)
    assert cache_files(cache)
    result = run(cache, "cache", "clear")
    assert result.returncode == 0 and b"removed 1" in result.stdout
    assert cache_files(cache) == []
    assert run(cache, "cache", "dir").stdout.decode().strip() == str(cache)


WARM_START_PROBE = """\
import scriptlint.normalize as normalize
calls = []
original = normalize.normalize
normalize.normalize = lambda raw: calls.append(raw) or original(raw)
from scriptlint import Linter
Linter()
print(len(normalize.TERM_MEMO), len(calls))
"""


def test_a_warm_start_normalises_no_pack_literal(tmp_path):
    """The cache stores every literal the packs and the context lexicon normalise at start-up, so
    a warm start reads them instead of normalising thousands of words again."""
    env = {**os.environ, "SCRIPTLINT_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("SCRIPTLINT_NO_CACHE", None)

    def start() -> tuple[int, int]:
        result = subprocess.run([sys.executable, "-c", WARM_START_PROBE], capture_output=True, cwd=ROOT, env=env,
                                text=True)
        assert result.returncode == 0, result.stderr
        terms, calls = result.stdout.split()
        return int(terms), int(calls)

    cold_terms, cold_calls = start()
    assert cold_calls >= cold_terms > 1000  # the built-in packs hold thousands of literals
    warm_terms, warm_calls = start()
    assert warm_terms >= cold_terms and warm_calls == 0
    assert newest(tmp_path / "cache")["terms"]
