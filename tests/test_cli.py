"""The check command: exit statuses, JSON shape, stdin, GBK input, library entries."""

import json

from tests.conftest import FIXTURE_PACKS, ROOT, cli_json, run_cli

FIXTURE = ["--no-builtin", "--packs", str(FIXTURE_PACKS)]


def test_exit_0_when_clean(tmp_path):
    path = tmp_path / "clean.md"
    path.write_text("您好，请问您今天方便还款吗？", encoding="utf-8")
    assert run_cli("check", *FIXTURE, str(path)).returncode == 0


def test_exit_1_on_an_error_finding(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("你这个傻逼", encoding="utf-8")
    assert run_cli("check", *FIXTURE, str(path)).returncode == 1


def test_exit_0_when_only_warnings(tmp_path):
    path = tmp_path / "warn.md"
    path.write_text("我们会联系你的家人", encoding="utf-8")
    run = run_cli("check", *FIXTURE, str(path))
    assert run.returncode == 0, run.stdout.decode()
    assert "TEST-003" in run.stdout.decode()


def test_exit_2_on_missing_path_but_other_files_are_reported(tmp_path):
    path = tmp_path / "bad.md"
    path.write_text("你这个傻逼", encoding="utf-8")
    run = run_cli("check", "--format", "json", *FIXTURE, str(tmp_path / "missing.md"), str(path))
    assert run.returncode == 2
    stderr = run.stderr.decode().strip().splitlines()
    assert len(stderr) == 1 and "missing.md" in stderr[0] and "Traceback" not in stderr[0]
    report = json.loads(run.stdout)
    assert any(f["findings"] for f in report["files"])


def test_exit_2_on_unreadable_file(tmp_path):
    path = tmp_path / "binary.txt"
    path.write_bytes(b"\x00\x01\x02PK\x03\x04")
    run = run_cli("check", *FIXTURE, str(path))
    assert run.returncode == 2
    assert "binary" in run.stderr.decode()


def test_exit_2_on_usage_error():
    run = run_cli("check", "--format", "nonsense", "x.md")
    assert run.returncode == 2


def test_json_shape(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("第一行\n你这个傻逼\n", encoding="utf-8")
    code, report = cli_json(*FIXTURE, str(path))
    assert code == 1
    assert report["version"] == 1
    (file_report,) = report["files"]
    assert file_report["path"] == str(path)
    assert set(file_report["scores"]) >= {"legal", "respect", "overall"}
    assert all(isinstance(v, int) and 0 <= v <= 100 for v in file_report["scores"].values())
    (finding,) = file_report["findings"]
    expected_keys = {"rule", "category", "principle", "severity", "line", "column", "end_line", "end_column",
                     "message", "excerpt", "suggestion", "entry", "speaker"}
    assert expected_keys <= set(finding)
    assert (finding["line"], finding["column"], finding["end_line"], finding["end_column"]) == (2, 4, 2, 6)
    assert finding["entry"] is None and finding["speaker"] is None
    assert report["summary"]["by_severity"]["error"] == 1


def test_stdin():
    code, report = cli_json(*FIXTURE, "-", stdin="请问您是张先生吗？\n你这个老 赖".encode())
    assert code == 1
    (file_report,) = report["files"]
    assert file_report["path"] == "<stdin>"
    (finding,) = file_report["findings"]
    assert (finding["line"], finding["column"]) == (2, 4)


def test_gbk_input(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("培训讲义\n他說你這個傻逼".encode("gbk"))
    code, report = cli_json(*FIXTURE, str(path))
    assert code == 1
    (finding,) = report["files"][0]["findings"]
    assert (finding["line"], finding["column"], finding["match"]) == (2, 6, "傻逼")


def test_utf8_bom_input(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff你这个傻逼".encode())
    _code, report = cli_json(*FIXTURE, str(path))
    (finding,) = report["files"][0]["findings"]
    assert (finding["line"], finding["column"]) == (1, 4)


def test_directories_are_walked(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("你这个傻逼", encoding="utf-8")
    (tmp_path / "b.txt").write_text("您好", encoding="utf-8")
    (tmp_path / "c.png").write_bytes(b"\x89PNG")
    _code, report = cli_json(*FIXTURE, str(tmp_path))
    assert sorted(f["path"] for f in report["files"]) == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.md")]


def test_rules_and_explain_commands():
    run = run_cli("rules", *FIXTURE)
    assert run.returncode == 0 and "TEST-001" in run.stdout.decode()
    run = run_cli("explain", *FIXTURE, "test-003")
    out = run.stdout.decode()
    assert run.returncode == 0 and "联系家人" in out and "我们会联系你的家人" in out
    assert run_cli("explain", *FIXTURE, "NOPE-001").returncode == 2


def test_text_output_underlines_the_match(tmp_path):
    path = tmp_path / "draft.md"
    path.write_text("你是個老 * 賴", encoding="utf-8")
    out = run_cli("check", *FIXTURE, "--no-color", str(path)).stdout.decode()
    lines = out.splitlines()
    excerpt = next(i for i, line in enumerate(lines) if "│ 你是個老 * 賴" in line)
    # 你是個 is six terminal cells wide, so the carets start six cells after the bar.
    assert lines[excerpt + 1].index("^") - lines[excerpt].index("你") == 6
    assert "draft.md:1:4" in out


def test_bundled_examples_run():
    run = run_cli("check", "--format", "json", str(ROOT / "corpora" / "examples"))
    assert run.returncode == 1, run.stderr.decode()
    report = json.loads(run.stdout)
    paths = {f["path"].rsplit("/", 1)[-1] for f in report["files"]}
    assert {"draft_violations.md", "compliant_script.md", "library.yaml", "library.csv"} <= paths
