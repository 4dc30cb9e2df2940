"""Hostile input: bad encodings, binary and empty files, huge or deeply nested JSON/YAML, walks
through symlink loops and unreadable entries.  An input error gives exit status 2, and every other
file is still checked and reported."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from scriptlint.documents import expand_paths, limits

BAD = "你这个老赖，再不还钱就去你单位找你领导。"


def _good(tmp_path: Path) -> Path:
    path = tmp_path / "good.md"
    path.write_text(BAD, encoding="utf-8")
    return path


def _report(result) -> dict:
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return json.loads(result.stdout)


def _checked(report: dict, path: Path) -> bool:
    return any(f["path"] == str(path) and f["findings"] for f in report["files"])


# -- encodings -----------------------------------------------------------------------------------
def test_gb18030_file_is_decoded(tmp_path, check):
    path = tmp_path / "gbk.md"
    path.write_bytes(BAD.encode("gb18030"))
    result = check("--format", "json", path)
    assert result.exit_code == 1
    assert _checked(_report(result), path)


def test_undecodable_file_names_the_byte_offset_and_others_are_still_checked(tmp_path, check):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("开头".encode() + b"\xff\xfe\xfd tail")  # 0xFF is invalid in UTF-8 and GB18030
    good = _good(tmp_path)
    result = check("--format", "json", bad, good)
    assert result.exit_code == 2
    assert f"{bad}: not valid UTF-8 (byte 6) nor GB18030" in result.stderr
    assert _checked(_report(result), good)


def test_mixed_encodings_never_crash(tmp_path, check):
    path = tmp_path / "mixed.txt"
    path.write_bytes("前半是UTF-8，".encode() + "后半是GBK：你这个老赖".encode("gbk") + b"\x80")
    result = check("--format", "json", path)
    assert result.exit_code in (1, 2)
    if result.exit_code == 2:
        assert "byte " in result.stderr


def test_forced_encoding_error_is_an_input_error(tmp_path, check):
    path = tmp_path / "a.md"
    path.write_bytes(b"\xe4\xbd")
    result = check("--encoding", "utf-8", path)
    assert result.exit_code == 2 and "cannot decode as utf-8" in result.stderr


# -- binary and empty files ----------------------------------------------------------------------
def test_binary_file_is_skipped_with_a_notice(tmp_path, check):
    binary = tmp_path / "image.md"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = _good(tmp_path)
    result = check("--format", "json", binary, good)
    assert result.exit_code == 2
    assert f"{binary}: binary file, skipped" in result.stderr
    assert _checked(_report(result), good)


@pytest.mark.parametrize("suffix", [".md", ".txt", ".json", ".jsonl", ".yaml", ".csv", ".tsv", ".srt", ".vtt"])
def test_empty_files_are_clean(tmp_path, check, suffix):
    empty = tmp_path / f"empty{suffix}"
    empty.write_bytes(b"")
    blank = tmp_path / f"blank{suffix}"
    blank.write_bytes(b" \n\r\n\t\n")
    result = check("--format", "json", empty, blank)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""


# -- structured input: depth, size, numbers ------------------------------------------------------
def test_depth_limit_boundary():
    assert limits.too_deep(json.loads("[" * 64 + "]" * 64)) is None
    assert limits.too_deep(json.loads("[" * 65 + "]" * 65)) == "nested deeper than 64 levels"


def test_alias_bomb_is_walked_once():
    text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8))
    data = limits.load_yaml(text)  # 10**9 leaves if expanded
    assert limits.too_deep(data) is None


@pytest.mark.parametrize(("name", "content", "line"), [
    ("deep.json", "[" * 100_000 + "]" * 100_000, 1),
    ("deep_object.json", '{"a":' * 5000 + "1" + "}" * 5000, 1),
    ("deep.jsonl", '{"id": 1, "text": "ok"}\n' + "[" * 100_000 + "]" * 100_000 + "\n", 2),
    ("deep.yaml", "[" * 50_000 + "]" * 50_000, None),
    ("deep_block.yaml", "".join("  " * i + "- \n" for i in range(3000)), None),
    ("bigint.json", '[{"id": ' + "9" * 5000 + ', "text": "你好"}]', 1),
    ("deep_call.json", '{"call_id": "C1", "sentences": [' + "[" * 3000 + "]" * 3000 + "]}", 1),
])
def test_deep_or_unusable_structures_are_input_errors(tmp_path, check, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    good = _good(tmp_path)
    result = check("--format", "json", path, good)
    assert result.exit_code == 2, result.output
    where = f"{path}:{line}:" if line else f"{path}:"
    message = [m for m in result.stderr.splitlines() if str(path) in m]
    assert len(message) == 1 and message[0].startswith(f"scriptlint: {where}")
    assert "nested deeper than 64 levels" in message[0] or "unusable number" in message[0]
    assert _checked(_report(result), good)


def test_size_limits(monkeypatch, tmp_path, check):
    monkeypatch.setattr(limits, "MAX_JSON_CHARS", 1000)
    monkeypatch.setattr(limits, "MAX_YAML_CHARS", 1000)
    entries = [{"id": str(i), "text": "您好，请按时还款。"} for i in range(100)]
    big_json, big_yaml = tmp_path / "big.json", tmp_path / "big.yaml"
    big_json.write_text(json.dumps(entries, ensure_ascii=False), encoding="utf-8")
    big_yaml.write_text("\n".join(f"- id: {i}\n  text: 您好，请按时还款。" for i in range(100)), encoding="utf-8")
    result = check(big_json, big_yaml)
    assert result.exit_code == 2
    assert f"{big_json}:1: invalid JSON: document larger than 1,000 characters" in result.stderr
    assert f"{big_yaml}: invalid YAML: document larger than 1,000 characters" in result.stderr


def test_yaml_tags_do_not_construct_objects(tmp_path, check):
    marker = tmp_path / "pwned"
    path = tmp_path / "lib.yaml"
    path.write_text(f"scripts:\n  - id: 1\n    text: !!python/object/apply:os.system ['touch {marker}']\n",
                    encoding="utf-8")
    result = check(path)
    assert result.exit_code == 2
    assert f"{path}:3: invalid YAML" in result.stderr
    assert not marker.exists()


@pytest.mark.parametrize(("name", "content", "line"), [
    ("bad.json", '[{"id": 1, "text": "a"},\n {"id": 2 "text": "b"}]', 2),
    ("bad.jsonl", '{"id": 1, "text": "a"}\n{"id": 2, "text": \n', 2),
    ("bad.yaml", "scripts:\n  - id: 1\n    text: [unclosed\n", 3),
    ("bad.csv", 'id,text\n1,"ok"\n2,"' + "长" * 200_000 + '"\n', 3),  # over csv's field size limit
    ("bad_header.csv", 'id,"te\rxt"x\n', 1),
    ("bad_call.jsonl", '{"call_id": "C1", "role": "坐席", "text": "您好", "begin": "soon"}\n', 1),
    ("bad_time.jsonl", '{"call_id": "C1", "role": "坐席", "text": "您好", "begin": 1e400}\n', 1),
    ("bad_start.jsonl", '{"call_id": "C1", "role": "坐席", "text": "您好", "start": 1e300}\n', 1),
    ("bad_year.jsonl", '{"call_id": "C1", "role": "坐席", "text": "您好", "start": "9999-12-31T23:00:00"}\n', 1),
    ("bad_zone.jsonl", '{"call_id": "C1", "role": "坐席", "text": "您好", "timezone": "../../etc/passwd"}\n', 1),
    ("bad.srt", "1\n00:00:01,000 --> later\n坐席：您好\n", 2),
])
def test_reader_errors_name_file_and_line(tmp_path, check, name, content, line):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = check(path)
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [m for m in result.stderr.splitlines() if m.startswith(f"scriptlint: {path}")]
    assert lines, result.stderr
    if line is not None:
        assert lines[0].startswith(f"scriptlint: {path}:{line}:"), lines[0]


# -- directory walks -----------------------------------------------------------------------------
def test_symlink_loop_is_walked_once(tmp_path):
    root = tmp_path / "scripts"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.md").write_text("您好", encoding="utf-8")
    (root / "sub" / "loop").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(root / "sub", target_is_directory=True)
    files, errors = expand_paths([str(root)])
    assert [Path(f).name for f in files] == ["a.md"]
    assert errors == []


def test_broken_symlink_and_fifo_are_reported_not_read(tmp_path, check):
    root = tmp_path / "scripts"
    root.mkdir()
    good = root / "good.md"
    good.write_text(BAD, encoding="utf-8")
    (root / "gone.md").symlink_to(root / "missing.md")
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    result = check("--format", "json", root)
    assert result.exit_code == 2
    assert f"{root / 'gone.md'}: broken symbolic link, skipped" in result.stderr
    assert f"{root / 'pipe.txt'}: not a regular file, skipped" in result.stderr
    assert _checked(_report(result), good)


def test_unreadable_file_and_directory(tmp_path, monkeypatch, check):
    # chmod 000 means nothing to root (CI runs as root), so the OS refusal is simulated.
    root = tmp_path / "scripts"
    (root / "locked").mkdir(parents=True)
    (root / "locked" / "x.md").write_text("您好", encoding="utf-8")
    secret = root / "secret.md"
    secret.write_text("您好", encoding="utf-8")
    good = root / "good.md"
    good.write_text(BAD, encoding="utf-8")
    read_bytes_, iterdir = Path.read_bytes, Path.iterdir

    def refuse_read(self: Path) -> bytes:
        if self.name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return read_bytes_(self)

    def refuse_list(self: Path):
        if self.name == "locked":
            raise PermissionError(13, "Permission denied")
        return iterdir(self)

    monkeypatch.setattr(Path, "read_bytes", refuse_read)
    monkeypatch.setattr(Path, "iterdir", refuse_list)
    result = check("--format", "json", root)
    assert result.exit_code == 2
    assert f"{secret}: cannot read: Permission denied" in result.stderr
    assert f"{root / 'locked'}: cannot list directory: Permission denied" in result.stderr
    assert _checked(_report(result), good)


def test_missing_path_is_an_input_error_and_others_are_checked(tmp_path, check):
    good = _good(tmp_path)
    result = check("--format", "json", tmp_path / "nope.md", good)
    assert result.exit_code == 2
    assert _checked(_report(result), good)

