"""Behaviour of the threat, insult, respect, harassment and false_consequence packs that the
per-rule examples do not pin down: severity grading, evasion spellings, quoted guidance, and
lawful conditional statements."""

import pytest


def findings(linter, text: str) -> list[tuple[str, str, str]]:
    return [(f.rule, f.category, f.severity) for f in linter.lint_text(text).findings]


def categories(linter, text: str) -> set[str]:
    return {category for _rule, category, _severity in findings(linter, text)}


@pytest.mark.parametrize("text", ["今天不处理的话后果自负", "你要是再不还钱,我可就得采取其他措施了哦"])
def test_vague_threats_are_warnings(linter, text):
    threat = [f for f in findings(linter, text) if f[1] == "threat"]
    assert threat and all(severity == "warning" for _r, _c, severity in threat)


def test_clear_threat_is_an_error(linter):
    assert ("threat", "error") in {(c, s) for _r, c, s in findings(linter, "不还钱就卸你一条腿")}


@pytest.mark.parametrize("text", ["你个傻 逼", "你就是个ＳＢ", "老*赖还想赖账", "你就是个煞笔", "nmsl赶紧还"])
def test_profanity_evasions_are_insults(linter, text):
    assert "insult" in categories(linter, text)


@pytest.mark.parametrize("text", [
    "培训材料：“小心你的腿”“等着瞧”均属威胁用语，禁止使用。",
    "质检扣分项：坐席使用“后果自负”“等着瞧”等威胁性语言。",
    "培训提示：“你再不还我就找你家人”属于违规话术，一经发现严肃处理。",
])
def test_quoted_phrases_named_in_guidance_are_not_findings(linter, text):
    assert not categories(linter, text) & {"threat", "insult", "respect", "harassment", "false_consequence"}


@pytest.mark.parametrize("text", [
    "逾期会影响您的征信记录",
    "我行可能依法通过诉讼途径主张权利",
    "恶意透支在法律上有明确构成条件，建议您尽快还款以免产生不利后果。",
    "如持续逾期，我方保留依法起诉的权利；是否构成违法由司法机关依法认定。",
    "法院立案之后会向您送达起诉状副本，您有权答辩。",
    "您的信用卡已经被冻结了，需要还款后才能解冻",
])
def test_lawful_conditional_statements_are_clean(linter, text):
    assert "false_consequence" not in categories(linter, text)


@pytest.mark.parametrize("text", [
    "系统会滚动更新您的账单", "罚息滚得越多", "请您抓紧时间处理", "我们不是骗子，您可以拨打官方客服核实",
])
def test_words_containing_a_bad_character_are_clean(linter, text):
    assert not findings(linter, text)
