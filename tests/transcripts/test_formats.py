"""Each transcript format → calls with roles, turn numbers, times and raw positions."""

from __future__ import annotations

import json

import pytest

from scriptlint.documents import read_text
from scriptlint.errors import InputError
from scriptlint.transcripts import open_calls, sniff_format
from scriptlint.transcripts.call import Call
from scriptlint.transcripts.roles import DEFAULT_ROLES, RoleMap, parse_aliases


def calls_of(path) -> list:
    source = open_calls(str(path))
    assert source is not None, f"{path} was not recognised as a transcript"
    return list(source)


def turns(call: Call) -> list[tuple[str, str]]:
    return [(t.role, t.text) for t in call.turns]


def test_jsonl_utterances_with_header_lines(tmp_path):
    path = tmp_path / "c.jsonl"
    lines = [
        {"type": "call", "call_id": "C1", "agent_id": "1024", "debtor_id": "D1", "start": "2026-03-02 10:00:00",
         "connected": "是"},
        {"call_id": "C1", "role": "坐席", "text": "您好，我是XX银行的李明。", "begin": 0, "end": 2000},
        {"call_id": "C1", "role": "客户", "text": "嗯。", "begin": "2100", "end": 2500.4},
        {"call_id": "C2", "speaker": "staff", "content": "您好。", "bg": 0, "ed": 900, "agent_name": "王芳"},
    ]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    first, second = calls_of(path)
    assert first.meta["call_id"] == "C1" and first.meta["connected"] is True
    assert first.meta["start"] == "2026-03-02T10:00:00"
    assert turns(first) == [("agent", "您好，我是XX银行的李明。"), ("debtor", "嗯。")]
    assert [(t.begin_ms, t.end_ms) for t in first.turns] == [(0, 2000), (2100, 2500)]
    # positions point into the raw line of each utterance
    assert first.turns[0].locate(0) == (2, path.read_text(encoding="utf-8").splitlines()[1].index("您") + 1)
    assert second.meta == {"call_id": "C2", "agent_name": "王芳"} and turns(second) == [("agent", "您好。")]


def test_json_service_shape_with_words_and_nested_header(tmp_path):
    data = {"tickets": [{
        "tid": "T9", "customerServiceId": "A7", "customerServiceName": "赵强", "skillGroupName": "三组",
        "callStartTime": "2026-03-02T23:10:00+08:00", "callType": "outbound",
        "dialogue": [
            {"role": "客服", "words": "您好，我是XX银行的赵强。", "begin": 0, "end": 1500},
            {"role": "客户", "words": [{"word": "你"}, {"word": "好"}], "begin": 1600, "end": 1900},
            {"role": "系统", "words": "通话结束", "begin": 2000, "end": 2100},
        ]}]}
    path = tmp_path / "t.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    (call,) = calls_of(path)
    assert call.meta["call_id"] == "T9" and call.meta["agent_name"] == "赵强" and call.meta["team"] == "三组"
    assert call.meta["direction"] == "outbound"
    assert turns(call) == [("agent", "您好，我是XX银行的赵强。"), ("debtor", "你好"), ("system", "通话结束")]
    line, _column = call.turns[0].locate(0)
    assert "您好，我是XX银行的赵强" in path.read_text(encoding="utf-8").splitlines()[line - 1]


def test_json_asr_pairs(tmp_path):
    path = tmp_path / "mock.json"
    path.write_text(json.dumps({"call_id": "M1", "asr": [["坐席", "您好"], ["债务人", "喂"]]}, ensure_ascii=False))
    (call,) = calls_of(path)
    assert turns(call) == [("agent", "您好"), ("debtor", "喂")]


def test_srt_with_speaker_prefixes(tmp_path):
    path = tmp_path / "call7.srt"
    path.write_text("1\n00:00:01,000 --> 00:00:03,500\n坐席：您好，\n请问是张先生吗？\n\n"
                    "2\n00:00:04,000 --> 00:00:05,000\n[客户] 是我。\n", encoding="utf-8")
    (call,) = calls_of(path)
    assert call.meta["call_id"] == "call7"
    assert turns(call) == [("agent", "您好，\n请问是张先生吗？"), ("debtor", "是我。")]
    assert [(t.begin_ms, t.end_ms) for t in call.turns] == [(1000, 3500), (4000, 5000)]
    assert call.turns[0].locate(4) == (4, 1)  # "请" starts line 4


def test_webvtt_voice_tags_and_note_fields(tmp_path):
    path = tmp_path / "h.vtt"
    path.write_text("WEBVTT\n\nNOTE call_id: H1\nNOTE start: 2026-03-02 22:30\n\n"
                    "00:00.000 --> 00:02.000\n<v 坐席>您好。</v>\n\n01:00:02.500 --> 01:00:03.000\n<v 客户>嗯\n",
                    encoding="utf-8")
    (call,) = calls_of(path)
    assert call.meta["call_id"] == "H1" and call.meta["start"] == "2026-03-02T22:30:00"
    assert turns(call) == [("agent", "您好。"), ("debtor", "嗯")]
    assert call.turns[1].begin_ms == 3_602_500


@pytest.mark.parametrize("text", [
    "坐席：您好，我是XX银行的李明。\n客户：嗯，你说。\n",
    "A: 您好，我是XX银行的李明。\nB: 嗯，你说。\n",
    "[00:01:02] 坐席: 您好，我是XX银行的李明。\n[00:01:05] 客户: 嗯，你说。\n",
])
def test_plain_text_role_prefixes(tmp_path, text):
    path = tmp_path / "call.txt"
    path.write_text(text, encoding="utf-8")
    (call,) = calls_of(path)
    assert turns(call) == [("agent", "您好，我是XX银行的李明。"), ("debtor", "嗯，你说。")]
    if text.startswith("["):
        assert call.turns[0].begin_ms == 62_000
    line, column = call.turns[1].locate(0)
    assert text.splitlines()[line - 1][column - 1:].startswith("嗯")


def test_plain_text_headers_split_calls_and_continuation_lines(tmp_path):
    path = tmp_path / "many.txt"
    path.write_text("# call_id: X1\n# start: 2026-03-02 21:00\n坐席：第一句\n接着说\n客户：好\n"
                    "# call_id: X2\n# connected: false\n# call_id: X3\n坐席：您好\n客户：嗯\n", encoding="utf-8")
    calls = calls_of(path)
    assert [c.meta["call_id"] for c in calls] == ["X1", "X2", "X3"]
    assert turns(calls[0]) == [("agent", "第一句\n接着说"), ("debtor", "好")]
    assert calls[1].turns == [] and calls[1].connected() is False and calls[2].connected() is True


def test_role_aliases_are_configurable():
    roles = RoleMap().with_aliases(parse_aliases(["催收一组=agent", "0=debtor"]))
    assert roles.role("催收一组") == "agent" and roles.role("0") == "debtor"
    assert roles.role(" Staff ") == "agent" and roles.role("第三方") == "third_party"
    assert DEFAULT_ROLES.role("催收一组") is None
    with pytest.raises(ValueError, match="not one of"):
        RoleMap().with_aliases({"x": "boss"})
    with pytest.raises(ValueError, match="LABEL=ROLE"):
        parse_aliases(["agent"])


def test_custom_alias_reaches_the_reader(tmp_path):
    from scriptlint import Linter

    path = tmp_path / "c.jsonl"
    path.write_text('{"call_id": "C", "role": 1, "text": "您好"}\n{"call_id": "C", "role": 0, "text": "喂"}\n')
    linter = Linter(packs=[], builtin=False, role_aliases={"1": "agent", "0": "debtor"})
    (report,) = list(linter.lint_paths([str(path)]))
    assert report.error is None and report.results[0].meta["turns"] == 2
    (bad,) = list(Linter(packs=[], builtin=False).lint_paths([str(path)]))
    assert "unknown speaker label '1'" in str(bad.error) and bad.error.line == 1


def test_libraries_and_drafts_are_not_transcripts():
    library_jsonl = '{"id": "S1", "text": "您好，请问今天能还款吗？"}\n{"id": "S2", "text": "感谢您的配合"}\n'
    assert sniff_format("lib.jsonl", library_jsonl) is None
    assert sniff_format("lib.json", json.dumps([{"id": "S1", "text": "您好"}])) is None
    assert sniff_format("draft.txt", "客户：您好\n这份话术用于逾期提醒。\n注意事项如下。\n还有一行。\n") is None
    scripts = read_text(library_jsonl, "lib.jsonl")
    assert [s.entry for s in scripts] == ["S1", "S2"] and all(s.meta.get("kind") != "call" for s in scripts)


def test_stdin_style_text_is_sniffed_into_calls():
    (script,) = read_text("坐席：您好\n客户：嗯\n", "<stdin>", ".txt")
    assert script.meta["kind"] == "call"
    assert [(s.speaker, s.turn) for s in script.segments] == [("agent", 1), ("debtor", 2)]


@pytest.mark.parametrize(("name", "text", "line", "problem"), [
    ("a.jsonl", '{"call_id": "A", "role": "坐席", "text": "好"}\n{"call_id": "A", "text": "没有角色"}\n',
     2, "no role"),
    ("b.jsonl", '{"call_id": "B", "role": "坐席", "text": "好", "begin": "soon"}\n', 1, "not a number"),
    ("c.jsonl", '{"call_id": "C", "role": "坐席", "text": "好"}\n{"call_id": "C", "role": "坐席", "text": "截断\n',
     2, "invalid JSON line"),
    ("d.txt", "坐席：您好\n客户：嗯\n[00:00:xx] 坐席：再见\n", 3, "not a number"),
    ("e.srt", "1\n00:00:01,000 --> 00:00:02,000\n您好\n", 3, "no known speaker"),
    ("f.json", '{"call_id": "F", "sentences": [\n {"role": "坐席", "text": "a"},\n {"text": "b"}\n]}', 3, "no role"),
])
def test_malformed_calls_name_file_and_line(tmp_path, name, text, line, problem):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    items = calls_of(path)
    errors = [i for i in items if isinstance(i, InputError)]
    assert len(errors) == 1
    assert errors[0].path == str(path) and errors[0].line == line and problem in str(errors[0])
    assert str(errors[0]).startswith(f"{path}:{line}:")


def test_jsonl_is_read_lazily():
    from scriptlint.transcripts.jsonl import read_jsonl_lines

    def lines():
        yield 1, '{"call_id": "A", "role": "坐席", "text": "您好"}'
        yield 2, '{"call_id": "B", "role": "坐席", "text": "您好"}'
        raise AssertionError("read past the second call before the first was handed out")

    first = next(read_jsonl_lines(lines(), "x.jsonl", DEFAULT_ROLES))
    assert isinstance(first, Call) and first.meta["call_id"] == "A"


def test_an_offset_longer_than_a_day_is_not_a_time():
    """A phone number or an id in a begin field (``"bg": "14812431437"``) is not echoed as a time offset."""
    import pytest

    from scriptlint.transcripts.call import FieldError, to_ms

    assert to_ms("23:59:59.5", "begin") == 86_399_500
    assert to_ms(600_000, "begin") == 600_000
    for value in ("14812431437", 14812431437, 10**9):
        with pytest.raises(FieldError, match="too large"):
            to_ms(value, "begin")
