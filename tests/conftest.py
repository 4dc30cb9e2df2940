from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURE_PACKS = ROOT / "tests" / "fixtures" / "packs"


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
