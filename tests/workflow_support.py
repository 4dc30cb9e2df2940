"""Helpers for the workflow tests (configuration, suppressions, baseline, formats, pre-commit)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from click.testing import CliRunner

from scriptlint.cli import main
from tests.conftest import FIXTURE_PACKS

# Only the fixture pack (TEST-001 insult error, TEST-003 third_party warning, TEST-005 pii warning …),
# so these tests do not depend on the shipped rule content.
FIXTURE = ("--no-builtin", "--packs", str(FIXTURE_PACKS))

# Personal numbers with valid checksums (GB 11643, Luhn) and a mobile number.
ID_CARD = "110101199003071233"
BANK_CARD = "6222021234567894"
PHONE = "13812345678"


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def check(*args: str, cwd: Path | None = None, fixture: bool = True) -> Outcome:
    """``scriptlint check`` in-process (one jieba start for the whole test session)."""
    import os

    runner = CliRunner()
    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = runner.invoke(main, ["check", *(FIXTURE if fixture else ()), *args], catch_exceptions=False)
    finally:
        os.chdir(old)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def command(*args: str, cwd: Path | None = None) -> Outcome:
    import os

    old = Path.cwd()
    try:
        if cwd is not None:
            os.chdir(cwd)
        result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(old)
    return Outcome(result.exit_code, result.stdout, result.stderr)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
