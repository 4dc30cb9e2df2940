"""The pre-commit hook, driven by the real ``pre-commit try-repo`` in temporary git repositories.

The hook repository is a committed copy of this project (try-repo only sees committed or tracked
files), so the test does not depend on the state of the working tree's git index.  pre-commit
installs the package with pip into its own environment (dependencies come from the package index),
which takes a minute or two on a cold cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

GIT = shutil.which("git")
pytestmark = pytest.mark.skipif(GIT is None, reason="git is not installed")
PROJECT_FILES = ("src", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml")


def git(cwd: Path, *args: str) -> None:
    subprocess.run([GIT, "-c", "user.name=t", "-c", "user.email=t@example.invalid", "-c", "commit.gpgsign=false",
                    "-c", "init.defaultBranch=main", *args], cwd=cwd, check=True, capture_output=True)


def make_repo(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True)
    git(path, "init", "-q")
    return path


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> Path:
    repo = make_repo(tmp_path_factory.mktemp("hook") / "scriptlint")
    for name in PROJECT_FILES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, repo / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "_rules"))
        else:
            shutil.copy2(source, repo / name)
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "snapshot")
    return repo


def try_repo(hook_repo: Path, target: Path, *files: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_repo.parent / "pre-commit-home"), "NO_COLOR": "1"}
    env.pop("VIRTUAL_ENV", None)
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "scriptlint", "--files", *files]
    return subprocess.run(command, cwd=target, env=env, capture_output=True, text=True, timeout=900)


def test_hook_blocks_a_violating_file_and_passes_clean_ones(hook_repo, tmp_path):
    target = make_repo(tmp_path / "training")
    (target / "bad.md").write_text("# 施压话术\n\n不还钱就卸你一条腿，说到做到。\n", encoding="utf-8")
    (target / "clean.md").write_text("您好，我是XX银行的客服，请问您今天方便安排还款吗？\n", encoding="utf-8")
    (target / "ci.yaml").write_text("jobs:\n  lint:\n    runs-on: ubuntu-latest\n", encoding="utf-8")
    (target / "tool.py").write_text("x = '不还钱就卸你一条腿'\n", encoding="utf-8")
    git(target, "add", "-A")

    blocked = try_repo(hook_repo, target, "bad.md")
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode == 1, output
    assert "Failed" in output and "THREAT-001" in output and "bad.md:3:" in output

    # A clean draft passes; a YAML file that is not a 话术 library and a Python file are not linted.
    passed = try_repo(hook_repo, target, "clean.md", "ci.yaml", "tool.py")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
