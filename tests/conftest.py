from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PACKS = ROOT / "tests" / "fixtures" / "packs"

# The start-up cache of this test session (and of the CLIs it runs) lives in a directory of its
# own, never in the user's ~/.cache.
os.environ["SCRIPTLINT_CACHE_DIR"] = tempfile.mkdtemp(prefix="scriptlint-test-cache-")
os.environ.pop("SCRIPTLINT_NO_CACHE", None)
atexit.register(shutil.rmtree, os.environ["SCRIPTLINT_CACHE_DIR"], ignore_errors=True)


@pytest.fixture(scope="session")
def fixture_linter():
    """A linter with only the fixture pack, so engine tests don't depend on shipped rule content."""
    from scriptlint import Linter

    return Linter(packs=[FIXTURE_PACKS], builtin=False)


@pytest.fixture(scope="session")
def linter():
    from scriptlint import Linter

    return Linter()


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "scriptlint.cli", *args], input=stdin,
                          capture_output=True, cwd=cwd or ROOT)


def cli_json(*args: str, stdin: bytes | None = None) -> tuple[int, dict]:
    run = run_cli("check", "--format", "json", *args, stdin=stdin)
    return run.returncode, json.loads(run.stdout.decode("utf-8"))
