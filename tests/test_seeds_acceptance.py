"""The shared acceptance check on the seed documents (../shared/acceptance/check_seeds.py)."""

import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CHECK = ROOT.parent / "shared" / "acceptance" / "check_seeds.py"


@pytest.mark.skipif(not CHECK.exists(), reason="../shared is not beside this checkout")
def test_seed_acceptance():
    bin_dir = str(Path(sys.executable).parent)
    env = {"PATH": bin_dir + ":/usr/bin:/bin", "PYTHONIOENCODING": "utf-8"}
    run = subprocess.run([sys.executable, str(CHECK)], cwd=ROOT, capture_output=True, text=True, env=env)
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, run.stdout + run.stderr
    assert last.endswith(" 0 failed"), last
