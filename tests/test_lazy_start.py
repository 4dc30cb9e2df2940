"""A clean one-page draft must not pay for jieba: the CLI neither imports nor initialises it."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

CLEAN = "您好，我是XX银行信用卡中心的客服专员，工号A1024，本次通话将被录音。\n请问您方便安排还款吗？\n"


def test_clean_file_does_not_import_jieba(tmp_path):
    draft = tmp_path / "clean.md"
    draft.write_text(CLEAN, encoding="utf-8")
    run = subprocess.run([sys.executable, "-X", "importtime", "-m", "scriptlint.cli", "check", str(draft)],
                         capture_output=True, cwd=ROOT)
    assert run.returncode == 0, run.stdout.decode() + run.stderr.decode()
    imported = [line.rsplit("|", 1)[-1].strip() for line in run.stderr.decode().splitlines()
                if line.startswith("import time:")]
    assert "scriptlint.engine" in imported  # the probe sees the engine being imported …
    assert not [name for name in imported if name.split(".")[0] == "jieba"]  # … but never jieba


def test_a_clean_text_leaves_jieba_uninitialised():
    code = ("from scriptlint import Linter, tokenize\n"
            f"result = Linter().lint_text({CLEAN!r})\n"
            "import sys\n"
            "print(len(result.findings), tokenize.is_initialised(), 'jieba' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.split() == ["0", "False", "False"]
