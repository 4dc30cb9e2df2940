"""Shared helpers: the CLI in-process, with the rule packs compiled once per profile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from click.testing import CliRunner, Result

from scriptlint.cli import main
from tests.robustness.fuzz_cli import cached_linters


def jobs_args() -> list[str]:
    return ["--jobs", "1"] if "jobs" in {p.name for p in main.commands["check"].params} else []


@pytest.fixture(scope="session")
def check() -> Callable[..., Result]:
    """``check(*args, input=bytes)``: ``scriptlint check --isolated …`` through the click entry point."""
    runner = CliRunner()

    def run(*args: Any, input: bytes | None = None) -> Result:
        with cached_linters():
            return runner.invoke(main, ["check", "--isolated", *jobs_args(), *map(str, args)], input=input)

    return run
