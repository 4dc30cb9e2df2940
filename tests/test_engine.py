from scriptlint import tokenize


def rules_fired(linter, text):
    return [f.rule for f in linter.lint_text(text).findings]


def test_phrase_after_normalisation(fixture_linter):
    assert rules_fired(fixture_linter, "你这个傻 逼") == ["TEST-001"]
    assert rules_fired(fixture_linter, "你這個老*賴") == ["TEST-001"]


def test_token_mode_respects_word_boundaries(fixture_linter):
    assert "TEST-002" in rules_fired(fixture_linter, "你死了算了")
    assert "TEST-002" in rules_fired(fixture_linter, "你给我滚")
    assert rules_fired(fixture_linter, "准呆账、呆账、死账几类") == []
    assert rules_fired(fixture_linter, "可以申请滚动还款") == []


def test_pack_terms_join_the_jieba_dictionary(fixture_linter):
    # jieba alone cuts 我们会上门催收 as 我们/会上/门/催收; the pack term 上门催收 fixes that.
    fixture_linter.lint_text("你死了算了")  # make sure jieba is initialised
    assert tokenize.is_initialised()
    words = [w for w, _s, _e in tokenize.tokens("我们会上门催收")]
    assert "上门催收" in words


def test_near_and_negation(fixture_linter):
    assert rules_fired(fixture_linter, "我们会联系你的家人") == ["TEST-003"]
    assert rules_fired(fixture_linter, "我们不会联系您的家人") == []
    assert rules_fired(fixture_linter, "严禁向债务人的家人透露欠款信息") == []
    # a contrast word ends the negation's scope
    assert rules_fired(fixture_linter, "我不想这样，但是我会联系你的家人") == ["TEST-003"]


def test_raw_mode_sees_across_jieba_splits_and_exclusions(fixture_linter):
    assert rules_fired(fixture_linter, "我们会上门催收") == ["TEST-004"]
    assert rules_fired(fixture_linter, "我们会预约后上门拜访") == []


def test_pii_pattern(fixture_linter):
    assert rules_fired(fixture_linter, "请联系13812345678") == ["TEST-005"]
    assert rules_fired(fixture_linter, "请联系138****5678") == []


def test_positions_after_normalisation(fixture_linter):
    text = "第一行\n他說你這個ＳＢ\n再来一行：老 * 赖"
    findings = fixture_linter.lint_text(text).findings
    assert [(f.line, f.column, f.end_line, f.end_column, f.match) for f in findings] == [
        (3, 6, 3, 11, "老 * 赖"),
    ]
    text = "你是個傻\u3000逼吧"
    (finding,) = fixture_linter.lint_text(text).findings
    assert (finding.line, finding.column, finding.end_column, finding.match) == (1, 4, 7, "傻\u3000逼")


def test_traditional_match_reports_raw_columns(fixture_linter):
    (finding,) = fixture_linter.lint_text("前面的話\n說你是老賴").findings
    assert (finding.line, finding.column, finding.end_column, finding.match) == (2, 4, 6, "老賴")


def test_prefilter_gives_the_same_findings_as_the_full_scan():
    from scriptlint import Linter
    from tests.conftest import FIXTURE_PACKS

    texts = ["你这个傻 逼", "我们会联系你的家人", "我们会上门催收", "准呆账、呆账、死账几类", "请联系13812345678",
             "你死了算了，老赖", "一切正常的句子。"]
    fast = Linter(packs=[FIXTURE_PACKS], builtin=False)
    slow = Linter(packs=[FIXTURE_PACKS], builtin=False, prefilter=False)
    for text in texts:
        assert [f.to_json() for f in fast.lint_text(text).findings] == [
            f.to_json() for f in slow.lint_text(text).findings]
