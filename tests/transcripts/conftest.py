from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CALL_PACK = ROOT / "rules" / "call.yaml"
CORPUS = ROOT / "corpora" / "transcripts"


@pytest.fixture(scope="session")
def call_linter():
    """Only the call-level pack, so these tests do not depend on the utterance packs' content."""
    from scriptlint import Linter

    return Linter(packs=[CALL_PACK], builtin=False)


@pytest.fixture(scope="session")
def fdcpa_linter():
    from scriptlint import Linter

    return Linter(packs=[CALL_PACK], builtin=False, profile="fdcpa")


def lint_calls(linter, tmp_path: Path, name: str, text: str):
    """(results, errors) of one transcript file checked as a batch."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    reports = list(linter.lint_paths([str(path)]))
    results = [r for report in reports for r in report.results]
    errors = [report.error for report in reports if report.error is not None]
    return results, errors


def rules_of(result) -> set[str]:
    return {f.rule for f in result.findings}
