"""Call-level checks at their boundaries; speaker awareness; profiles."""

from __future__ import annotations

import json

import pytest

from tests.transcripts.conftest import lint_calls, rules_of

OPENING = "坐席：您好，我是XX银行信用卡中心的李明，工号A1024，本次通话将被录音。请问是张三先生本人吗？\n"


def header(call_id: str, start: str, **fields: object) -> str:
    lines = [f"# call_id: {call_id}", f"# start: {start}"]
    lines += [f"# {key}: {value}" for key, value in fields.items()]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(("start", "fires"), [
    ("2026-03-02 21:59:00", False), ("2026-03-02 22:00:00", True),
    ("2026-03-03 07:59:59", True), ("2026-03-03 08:00:00", False),
    ("2026-03-02T13:59:00Z", False), ("2026-03-02T14:00:00Z", True),  # 21:59 / 22:00 in Shanghai
    ("2026-03-02T22:30:00-05:00", False),  # 11:30 next day in Shanghai
])
def test_quiet_hours_boundaries(call_linter, tmp_path, start, fires):
    (result,), _ = lint_calls(call_linter, tmp_path, "n.txt", header("N", start) + OPENING + "客户：是我。\n")
    assert ("CALL-TIME-001" in rules_of(result)) is fires


def test_quiet_hours_use_the_call_timezone_field(call_linter, tmp_path):
    text = header("N", "2026-03-02T03:30:00Z", timezone="America/New_York") + OPENING
    (result,), _ = lint_calls(call_linter, tmp_path, "n.txt", text)
    (finding,) = [f for f in result.findings if f.rule == "CALL-TIME-001"]  # 22:30 in New York
    assert finding.extra["local_start"].startswith("2026-03-01T22:30") and finding.line == 1
    text = header("N", "2026-03-02T02:30:00Z", timezone="America/New_York") + OPENING  # 21:30 there
    (result,), _ = lint_calls(call_linter, tmp_path, "n.txt", text)
    assert "CALL-TIME-001" not in rules_of(result)


@pytest.mark.parametrize(("start", "fires"), [("2026-03-02 20:59", False), ("2026-03-02 21:00", True),
                                              ("2026-03-03 07:59", True), ("2026-03-03 08:00", False)])
def test_fdcpa_profile_window(fdcpa_linter, tmp_path, start, fires):
    text = header("U", start) + "agent: Hi, this is Dana with Acme Recovery. This is an attempt to collect a debt.\n"
    (result,), _ = lint_calls(fdcpa_linter, tmp_path, "u.txt", text)
    assert ("CALL-TIME-001" in rules_of(result)) is fires


def calls_jsonl(rows: list[dict]) -> str:
    return "".join(json.dumps({"sentences": [], **row}, ensure_ascii=False) + "\n" for row in rows)


def test_connected_calls_per_debtor_third_vs_fourth(call_linter, tmp_path):
    # out of order on purpose: counting follows start time, not file order
    rows = [{"call_id": f"C{i}", "debtor_id": "D1", "connected": True, "start": f"2026-03-02T{h:02d}:00:00+08:00"}
            for i, h in [(3, 14), (1, 9), (4, 16), (2, 11)]]
    rows.append({"call_id": "OTHER-DAY", "debtor_id": "D1", "connected": True, "start": "2026-03-03T09:00:00+08:00"})
    rows.append({"call_id": "MISSED", "debtor_id": "D1", "connected": False, "start": "2026-03-02T17:00:00+08:00"})
    results, errors = lint_calls(call_linter, tmp_path, "f.jsonl", calls_jsonl(rows))
    assert not errors
    fired = {r.entry for r in results if "CALL-FREQ-001" in rules_of(r)}
    assert fired == {"C4"}
    (finding,) = [f for r in results if r.entry == "C4" for f in r.findings if f.rule == "CALL-FREQ-001"]
    assert finding.extra["count"] == 4 and finding.extra["limit"] == 3 and "第4次" in finding.message


def test_unanswered_attempts_per_number_sixth_vs_seventh(call_linter, tmp_path):
    rows = [{"call_id": f"A{i}", "number": "13800000000", "connected": False,
             "start": f"2026-03-02T10:{i:02d}:00+08:00"} for i in range(1, 8)]
    rows.append({"call_id": "OTHER", "number": "13900000000", "connected": False, "start": "2026-03-02T10:30:00+08:00"})
    results, _ = lint_calls(call_linter, tmp_path, "a.jsonl", calls_jsonl(rows))
    assert {r.entry for r in results if "CALL-FREQ-002" in rules_of(r)} == {"A7"}
    assert not any("CALL-FREQ-001" in rules_of(r) for r in results)


def test_frequency_counts_across_files(call_linter, tmp_path):
    from scriptlint import Linter

    assert isinstance(call_linter, Linter)
    for i in range(1, 5):
        (tmp_path / f"c{i}.txt").write_text(header(f"K{i}", f"2026-03-02 1{i}:00", debtor_id="D7") + OPENING
                                            + "客户：是我。\n", encoding="utf-8")
    reports = list(call_linter.lint_paths([str(tmp_path)]))
    fired = {r.entry for report in reports for r in report.results if "CALL-FREQ-001" in rules_of(r)}
    assert fired == {"K4"}


def test_fdcpa_seven_in_seven(fdcpa_linter, tmp_path):
    # 8 attempts within 1–7 March (two on the 7th): the 8th crosses; the one on the 9th sees 7 in its window
    days = [1, 2, 3, 4, 5, 6, 7, 7, 9]
    rows = [{"call_id": f"U{i}", "debtor_id": "D9", "connected": i % 2 == 0,
             "start": f"2026-03-0{d}T1{i}:00:00-05:00"} for i, d in enumerate(days, 1)]
    results, _ = lint_calls(fdcpa_linter, tmp_path, "u.jsonl", calls_jsonl(rows))
    assert {r.entry for r in results if "CALL-FREQ-003" in rules_of(r)} == {"U8"}
    assert not any({"CALL-FREQ-001", "CALL-FREQ-002"} & rules_of(r) for r in results)


def test_opening_self_identification(call_linter, tmp_path):
    bad = "坐席：喂，张三吧？钱什么时候还？\n客户：你谁啊？\n坐席：你别管我是谁。\n"
    (result,), _ = lint_calls(call_linter, tmp_path, "a.txt", bad)
    (finding,) = [f for f in result.findings if f.rule == "CALL-ID-001"]
    assert finding.turn == 1 and finding.speaker == "agent" and "机构名称" in finding.message
    (result,), _ = lint_calls(call_linter, tmp_path, "b.txt", OPENING + "客户：是我。\n")
    assert not rules_of(result) & {"CALL-ID-001", "CALL-REC-001", "CALL-VERIFY-001"}


def test_identification_late_in_the_call_does_not_count(call_linter, tmp_path):
    text = ("坐席：喂？\n客户：喂。\n坐席：听得到吗？\n客户：听得到。\n坐席：喂喂？\n"
            "坐席：我是XX银行的李明，工号1024。\n")
    (result,), _ = lint_calls(call_linter, tmp_path, "late.txt", text)
    assert "CALL-ID-001" in rules_of(result)


def test_recording_notice_by_the_system_counts(call_linter, tmp_path):
    text = "系统：本次通话将被录音。\n坐席：您好，我是XX银行的李明，工号1024。\n客户：嗯。\n"
    (result,), _ = lint_calls(call_linter, tmp_path, "r.txt", text)
    assert "CALL-REC-001" not in rules_of(result)
    (result,), _ = lint_calls(call_linter, tmp_path, "r2.txt", text.split("\n", 1)[1])
    assert "CALL-REC-001" in rules_of(result)


def test_verify_before_details(call_linter, tmp_path):
    early = "坐席：您好，我是XX银行的李明，工号1024。您的信用卡欠款5000元已逾期。\n客户：你找谁？\n"
    (result,), _ = lint_calls(call_linter, tmp_path, "v1.txt", early)
    (finding,) = [f for f in result.findings if f.rule == "CALL-VERIFY-001"]
    assert finding.turn == 1 and finding.match == "5000元"
    verified = ("坐席：您好，我是XX银行的李明，工号1024，请问是张先生本人吗？\n客户：是我。\n"
                "坐席：您欠款5000元已逾期。\n")
    (result,), _ = lint_calls(call_linter, tmp_path, "v2.txt", verified)
    assert "CALL-VERIFY-001" not in rules_of(result)


THIRD_PARTY = ("坐席：您好，我是XX银行的李明，工号1024，本次通话将被录音。请问是张三先生吗？\n"
               "客户：我是他同事，他不在。\n")


def test_third_party_call_with_debt_disclosure(call_linter, tmp_path):
    text = THIRD_PARTY + "坐席：麻烦您转告他，他的信用卡欠款5000元已经逾期两个月了。\n"
    (result,), _ = lint_calls(call_linter, tmp_path, "t.txt", text)
    (finding,) = [f for f in result.findings if f.rule == "CALL-3P-001"]
    assert (finding.speaker, finding.turn, finding.category) == ("agent", 3, "third_party")
    assert "我是他同事" in finding.message and finding.line == 3


def test_third_party_call_without_disclosure(call_linter, tmp_path):
    text = THIRD_PARTY + "坐席：好的，这边不方便透露具体事宜，麻烦您转告他方便时回电，谢谢。\n"
    (result,), _ = lint_calls(call_linter, tmp_path, "t.txt", text)
    assert "CALL-3P-001" not in rules_of(result)


def test_answered_by_field_and_third_party_role_switch_mode(call_linter, tmp_path):
    text = "# answered_by: 配偶\n坐席：您好，我是XX银行的李明，工号1024。他在我们这里的贷款逾期了。\n"
    (result,), _ = lint_calls(call_linter, tmp_path, "a.txt", text)
    assert "CALL-3P-001" in rules_of(result)
    labelled = "坐席：您好，我是XX银行的李明，工号1024。\n第三方：你找谁？\n坐席：他欠款3000元。\n"
    (result,), _ = lint_calls(call_linter, tmp_path, "b.txt", labelled)
    assert "CALL-3P-001" in rules_of(result)


def test_debt_details_before_the_callee_speaks_are_not_third_party(call_linter, tmp_path):
    text = "坐席：您好，请问是张先生吗？\n客户：是我。\n坐席：您欠款3000元已逾期。\n客户：我不是不还，是没钱。\n"
    (result,), _ = lint_calls(call_linter, tmp_path, "d.txt", text)
    assert "CALL-3P-001" not in rules_of(result)


def test_debtor_side_words_never_count_against_the_agent(linter, tmp_path):
    """With all built-in packs: threats, insults and impersonation by the debtor are context only."""
    text = (OPENING + "客户：是我。我要去法院告你们，我是律师，信不信我弄死你！你们这帮骗子，滚！\n"
            "坐席：我理解您的心情，如有困难可以为您登记分期还款申请。\n")
    (result,), errors = lint_calls(linter, tmp_path, "h.txt", text)
    assert not errors and result.findings == []
    as_agent = text.replace("客户：是我。", "坐席：")
    (result,), _ = lint_calls(linter, tmp_path, "h2.txt", as_agent)
    assert any(f.speaker == "agent" and f.category in ("threat", "insult", "impersonation") for f in result.findings)


def test_unknown_profile_is_a_config_error():
    from scriptlint import Linter
    from scriptlint.errors import ConfigError
    from tests.transcripts.conftest import CALL_PACK

    with pytest.raises(ConfigError, match="known: default, fdcpa"):
        Linter(packs=[CALL_PACK], builtin=False, profile="mars")


def test_call_rule_params_are_validated(tmp_path):
    from scriptlint.errors import PackError
    from scriptlint.packs import load_packs

    pack = tmp_path / "bad.yaml"
    pack.write_text("""pack: bad
rules:
  - id: BAD-001
    kind: quiet_hours
    category: harassment
    principle: legal
    severity: error
    message: m
    basis: b
    suggestion: s
    params:
      quiet: ["25:00-08:00"]
      profiles: {x: {max: 3}}
    examples: {fire: ["坐席：x"]}
""", encoding="utf-8")
    with pytest.raises(PackError) as caught:
        load_packs([pack], builtin=False)
    assert "bad.yaml:12" in str(caught.value) and "HH:MM-HH:MM" in str(caught.value)


def test_call_rule_examples_run_in_test_rules(call_linter):
    from scriptlint.selftest import check_examples

    assert check_examples(call_linter) == []
    rule = call_linter.ruleset.get("CALL-TIME-001")
    rule.fire.append("# start: 2026-03-02 12:00\n坐席：您好\n")
    try:
        assert any("CALL-TIME-001 should fire" in p for p in check_examples(call_linter, {"CALL-TIME-001"}))
    finally:
        rule.fire.pop()
