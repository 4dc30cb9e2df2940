"""Context filters: behaviour named, prohibited, negated, reported or quoted is not committed."""

import pytest


def fired(linter, text):
    return [f.rule for f in linter.lint_text(text).findings]


@pytest.mark.parametrize("text", [
    "我们不会联系您的家人",
    "严禁向债务人的家人透露欠款信息",
    "催收人员不得联系债务人的家人或父母",
    "避免打电话找客户的父母",
    "严禁以下行为：联系债务人的家人",
    "有客户反映，催收员说要联系他的家人",
    "新闻：有催收员冒充法院工作人员联系其家人",
    "严禁说：“我们会联系你的家人。”",
    "不得以“我们会找你父母”这类说法施压",
])
def test_named_not_committed(fixture_linter, text):
    assert fired(fixture_linter, text) == []


@pytest.mark.parametrize("text", [
    "我们会联系你的家人",
    "别以为我们找不到你父母",           # 别以为 is a threat, not a negation
    "我不想这样，但是我会联系你的家人",    # the contrast ends the negation's scope
    "比如：“我们会联系你的家人！”",      # a quoted example with no prohibition is still flagged
    "我跟你说我们会联系你的家人",          # the agent addressing the debtor is not reported speech
])
def test_committed(fixture_linter, text):
    assert fired(fixture_linter, text) == ["TEST-003"]


def test_idioms(fixture_linter):
    assert fired(fixture_linter, "打死也不能拖欠工资") == []
    assert fired(fixture_linter, "这事急得要死") == []


@pytest.mark.parametrize("text", [
    "请找出“我们会联系你的家人”这句话违反了哪一条规定",    # a quotation that is then classified
    "不得出现“联系你的家人”“找你父母”等字样",               # a run of quotations after a prohibition
    "客户反映，对方扬言要联系他的家人",                      # a report opening the sentence
    "您家人的工作都不会因为这件事受到影响，我们不会联系你的家人",  # negation after the match
])
def test_mentions_and_reports(fixture_linter, text):
    assert fired(fixture_linter, text) == []


@pytest.mark.parametrize("text", [
    "A.“我们会联系你的家人” B.“请您按时还款”",             # an exam option label before the quotation
    "某地法院审理的案件中，催收员多次表示我们会联系你的家人",  # a third-person frame opening the sentence
    "监管通报：某公司员工对借款人说我们会联系你的家人",        # a report frame ending in a colon
])
def test_exam_options_and_report_frames(fixture_linter, text):
    assert fired(fixture_linter, text) == []


def test_frame_addressing_the_debtor_is_not_a_report(fixture_linter):
    # the first clause speaks to 你, so it is no report frame
    assert fired(fixture_linter, "明天你就上新闻了，我们会联系你的家人") == ["TEST-003"]


# Mentions whose quotation marks normalisation removed (an ASCII " between two Chinese characters is
# evasion noise), and guidance that names the behaviour without quoting it.
@pytest.mark.parametrize("text", [
    "不得向客户宣称不还就会联系你的家人",                     # a ban on saying scopes over its clause
    "严禁对债务人说我们会找你父母",
    "关于我们会联系你的家人或者找你单位等违规用语，一律禁止",   # listed, then named by 等…用语
    '有人说"我们会联系你的家人"，这种说法是错误的',           # the opening " was lost, the closing one names it
    "以下哪句违规？a.请您按时还款 b.我们会联系你的家人 c.可以申请分期",  # options without quotes
    "庭审中，被告人承认曾联系借款人的家人",                    # a court hearing frames the sentence
    '债务人反映："他们说要联系我的家人。"',                     # a complaint reported
    "网上传的联系你的家人一说是不存在的",                       # a rumour denied after it is named
])
def test_unquoted_mentions(fixture_linter, text):
    assert fired(fixture_linter, text) == []


@pytest.mark.parametrize("text", [
    '必要时来一句"我们会联系你的家人"，让他知道怕',   # a lost opening quote, nothing names the quotation
    "我们不能随便说但是我们会联系你的家人",             # a contrast ends the ban's scope
    "我不想跟你说了我们会联系你的家人",                 # the agent's impatience bans nothing
    "方案b.我们会联系你的家人",                         # one label is no multiple-choice list
    "等你下班我们会联系你的家人",                       # 等你 is not a list
])
def test_still_committed(fixture_linter, text):
    assert fired(fixture_linter, text) == ["TEST-003"]


@pytest.mark.parametrize(("text", "expected"), [
    ("我不会说第二遍明天就去你家堵你", True),   # the emphatic opener negates only itself
    ("我不跟你废话了明天就去你家堵你", True),
    ("不想多说了我们不会去你家堵你", False),     # the second clause is negated on its own
    ("我们不会去你家堵你", False),
])
def test_emphatic_openers_do_not_negate_what_follows(linter, text, expected):
    findings = [f for f in linter.lint_text(text).findings if f.category == "threat"]
    assert bool(findings) is expected, findings


@pytest.mark.parametrize("text", [
    "据当地晚报报道，有催收员群发伪造的开庭通知，已被治安拘留。",  # a report cue ending in 道
    "有人叫您转到私人账户的话，请先打官方客服电话核实。",        # an anti-fraud warning
    "您刚才骂了句滚远点，没关系，您先消消气。",                  # the debtor's words quoted back
])
def test_reports_and_warnings_are_not_committed(linter, text):
    assert [f.rule for f in linter.lint_text(text).findings] == []


@pytest.mark.parametrize("text", [
    "这是民事欠款，不会因为逾期就让您坐牢。",                            # a negated cause keeps its 就
    "如果有人自称公安说您涉嫌洗钱，要您先还网贷，请直接挂断并报警。",      # a warning against a scheme
    "凡是让您交“解冻费”的，都不是我们公司的人。",
    "诈骗团伙常冒充检察官要求转账到安全账户，本公司绝不会这样做。",
    "客户在通话中说要去公司楼下拉横幅，已转交客户关系部。",               # the customer's words, logged
    "投诉工单：客户称夜里仍收到催收短信，已调取记录核查。",               # a saying cue opening the match
    "您担心会像驴打滚一样越滚越多，其实罚息按合同单利计算。",             # the debtor's worry, answered
])
def test_warnings_worries_and_logged_reports(linter, text):
    assert [f.rule for f in linter.lint_text(text).findings] == []


@pytest.mark.parametrize("text", [
    "你不会因为我们是外包就不还吧，再不还就让你坐牢。",       # the contrast 再不 still ends the cue
    "新人打电话时可以自称是经侦民警，效果好。",               # 自称 is what the rule reads, not a report
    "我们是受国家反电诈中心委托的清收单位，今天必须还。",      # 反电诈中心 is no warning
    "到时候有人自称执行局的去你单位，你别怪我。",              # someone announced, not warned against
    "你不还的话不是我们公司的人去找你，是道上的兄弟。",        # disowning that goes on to threaten
    "请直接挂断也没用，我们换号继续打。",
])
def test_still_committed_near_those_contexts(linter, text):
    assert linter.lint_text(text).findings, text


@pytest.mark.parametrize("text", [
    "录音抽检标准：出现“后果自负”“别怪我们不客气”任一表述，即判定为违规。",  # a QA standard frames the sentence
    "质检规则：出现“等着瞧”任一表述即扣分。",
    "培训手册里“适当吓唬一下”那一页已经删掉了。",                          # the document part that held it
    "客户提出“你们是不是要爆我通讯录”，坐席应答：“不会的。”",              # the customer's question quoted
    "有客户问你们是不是要爆我通讯录",
    "网上说的“爆通讯录”是违法的，我们公司不这么做。",                        # a practice named and disowned
    "坐席称“我是执行局书记员”，属冒充司法人员，已上报合规部。",              # classified right after a comma
])
def test_qa_standards_questions_and_disowned_practices(linter, text):
    assert [f.rule for f in linter.lint_text(text).findings] == []


@pytest.mark.parametrize("text", [
    "客户问起就说明天去他家堵他",                          # coaching what to answer is no report
    "你不还我们公司不这么做也得做，明天去你家堵你",        # a disowning that goes on to threaten
])
def test_still_committed_near_questions_and_disowning(linter, text):
    assert linter.lint_text(text).findings, text


@pytest.mark.parametrize(("text", "expected"), [
    ("面子你不要的话我们就换一套玩法", True),      # 的话 marks a condition: the cue's scope ends there
    ("不要说让你好看这种吓唬人的话", False),        # 的话 after the match is just "words"
])
def test_a_condition_marked_by_de_hua_ends_negation(linter, text, expected):
    findings = [f for f in linter.lint_text(text).findings if f.category == "threat"]
    assert bool(findings) is expected, findings


@pytest.mark.parametrize("text", [
    "不得以地域、职业等对客户进行贬损，例如“你们东北人”“娘炮”。",         # an example after a formal ban
    "您刚才提到的那个“砍头息”，我们合同里是没有的。",                       # the debtor's word, answered
    "防骗小贴士：凡是让您扫员工个人收款码的，都不是我们，一律不要理会。",     # an anti-fraud tip
])
def test_banned_examples_answered_words_and_fraud_tips(linter, text):
    assert [f.rule for f in linter.lint_text(text).findings] == []


@pytest.mark.parametrize("text", [
    "比如：“我们会联系你的家人！”",                  # an example with no ban before it
    "不得不说，比如“再不还就去你家堵你”",            # 不得不 is no ban
])
def test_examples_without_a_ban_are_committed(linter, text):
    assert linter.lint_text(text).findings, text


@pytest.mark.parametrize(("text", "rule"), [
    ('本周优秀录音：坐席跟客户说"你孩子几点放学我们都清楚"，客户当场答应还款，值得大家学习。', "THREAT-010"),
    ('培训心得：骂人要骂到点子上，"窝囊废""软骨头"这种词最能刺激客户还钱。', "INSULT-006"),
])
def test_praised_quotations_are_coaching(linter, text, rule):
    assert rule in fired(linter, text)


@pytest.mark.parametrize("text", [
    "严禁说“你孩子几点放学我们都清楚”这种话，这种做法不值得学习。",
    '督导提醒：有坐席在电话里说"协商？我们从不协商"，这种说法违反公司政策。',
])
def test_unpraised_or_split_quotations_stay_mentions(linter, text):
    assert fired(linter, text) == []


@pytest.mark.parametrize("text, committed", [
    # a negation cue that runs into the match (不|可以恐吓) negates it; Cantonese 唔 reads as 不
    ("公司規定：催收員唔可以恐嚇客戶。", False),
    ("你们可以恐吓他一下。", True),
    # a ban whose verb of saying opens the match (别跟客户|说“…”) makes the quotation a mention
    ("主管提醒：别跟客户说“我们已经立案了”，没有立案就是没有。", False),
    ("你就跟客户说“我们已经立案了”。", True),
])
def test_cues_that_overlap_the_match(linter, text, committed):
    assert bool(fired(linter, text)) is committed


@pytest.mark.parametrize("text, committed", [
    # a yes/no question answered with a denial in the next sentence names the act without doing it
    ("我们会不会跟您家人说？不会的，除非您自己愿意告诉他们。", False),
    ("会不会找你家人？当然会，你不还就找。", True),
    # a prohibition between a topic and its verb negates a loose match (通讯录数据|不得|导出到表格)
    ("他的通讯录我们不得导出到表格。", False),
    ("他的通讯录我们已经导出到表格了。", True),
    # a report ends where the speaker turns to their own words with a contrast
    ("阿姨您说不要再打了但是您儿子不还的话我们还是得每天给您打早中晚都会打", True),
    ("您说我们早中晚都会打电话来，这个我们核实一下。", False),
])
def test_denied_questions_inner_bans_and_contrasts_after_reports(linter, text, committed):
    assert bool(fired(linter, text)) is committed


@pytest.mark.parametrize("text, committed", [
    # a rule's topic clause ending in 的, then its sanction: the topic is what is forbidden
    ("坐席冒用派出所、法院名义的，一律按红线处理。", False),
    ("我们是派出所的，你今天必须处理。", True),
    # a ban later in the sentence names the quoted phrases
    ("流程外冒出来的“上门费”“停催费”，合同里都没有，一律不准向客户开口要。", False),
    ("“上门费”五百，今天一起转过来。", True),
    # a victim asking where to complain about a threat reports it
    ("我朋友说催收的扬言要去她公司闹，这种情况应该向哪里投诉？", False),
])
def test_sanctions_after_a_topic_bans_after_quotes_and_complaint_questions(linter, text, committed):
    assert bool(fired(linter, text)) is committed


@pytest.mark.parametrize("text, committed", [
    # a denial that opens the match itself (我们不会|报警) negates it, a wish to die (不得好死) is no ban
    ("逾期并不等于犯罪，我们不会报警，也没有任何人会来抓您。", False),
    ("欠钱不还的人不得好死", True),
    # a rule withdrawn is not a rule applied
    ("管理层通知：即日起取消“单户日拨打三十次”的旧考核，改为按沟通质量考核。", False),
])
def test_denials_opening_a_match_and_withdrawn_rules(linter, text, committed):
    assert bool(fired(linter, text)) is committed


@pytest.mark.parametrize("text, committed", [
    # a ban's list that goes on after a comma (禁止张贴催收告示，或拉挂横幅)
    ("禁止在客户小区、单位张贴催收告示，或拉挂横幅、摆放花圈。", False),
    ("我们明天就去你们小区拉横幅。", True),
    # disowning what may happen is no denial
    ("过了今晚，发生什么事都跟我们没关系。", True),
    ("您孩子上学跟这笔欠款没有关系。", False),
    # a pet's name in quotes is a name
    ("您家的狗叫“老赖”？这名字挺有意思。", False),
])
def test_lists_after_a_ban_disowning_and_names(linter, text, committed):
    assert bool(fired(linter, text)) is committed


@pytest.mark.parametrize("text, committed", [
    # praise after a later quotation is for that one; a list of quotations shares its praise
    ("客户原话“你们这帮吸血鬼”，坐席回应“理解您的不满”，没有回骂，值得表扬。", False),
    ("培训心得：“窝囊废”“软骨头”这种词最能刺激客户还钱。", True),
    # a ban's list continued by 包括
    ("严禁以任何形式爆通讯录，包括群发短信、在社交平台发布债务人信息。", False),
])
def test_praise_for_a_later_quotation_and_lists_after_a_ban(linter, text, committed):
    assert bool(fired(linter, text)) is committed


# Quotation boundaries (round 22–24 filters): a match that runs from one quoted item into the next joins
# words nobody said together; a breaker inside a quoted ban, or a naming cue before the opening quote,
# does not change what the ban or the name covers.
@pytest.mark.parametrize("text", [
    "他写的两条是“先找”“父母代还”",                                # the match would run across ”“
    "不要一边说“等着瞧”一边找他父母",                              # 等着 is a breaker, but quoted
    "严禁群发催收短信，也就是俗称的“联系你的家人”",                 # 俗称的 names the quotation
])
def test_quotation_boundaries(fixture_linter, text):
    assert fired(fixture_linter, text) == []


def test_a_match_holding_whole_quotations_is_kept(fixture_linter):
    assert fired(fixture_linter, "我们会联系你的家人，“老张”“老李”都会知道") == ["TEST-003"]


@pytest.mark.parametrize("text, committed", [
    # an idiom the match only passes through (监控死角) does not excuse it; one at its edge does
    ("你们小区的监控死角我们都摸清楚了。", True),
    ("打死也不能拖欠工资", False),
    # options labelled ①②③, or a letter right before the quotation (A“…” B“…”)
    ("考核题：哪句要扣分？①“您方便今天处理吗”②“不还就让你们村里人都知道”③“可以申请延期”。", False),
    ("培训题：A“您方便今天处理吗” B“不还就让全村都知道”。答案B。", False),
    ("不还就让你们村里人都知道。", True),
    # an instruction that depends on what the customer says is the speaker's own (客户说没钱就引导他…)
    ("组内提示：客户说没钱就引导他去其他网贷平台周转。", True),
    ("客户说催收员引导他去其他网贷平台周转。", False),
    # a noun compound that holds a kin word is not the kin (还款对象)
    ("债权转让后，届时会通知您新的还款对象。", False),
])
def test_idiom_edges_option_labels_and_conditional_instructions(linter, text, committed):
    assert bool(fired(linter, text)) is committed


def test_an_unquoted_colon_in_a_cue_list_is_reported(tmp_path):
    from pathlib import Path

    from scriptlint.context import ContextLexicon

    shipped = (Path(__file__).resolve().parents[1] / "rules" / "_context.yaml").read_text(encoding="utf-8")
    assert "'通报:'" in shipped
    (tmp_path / "_context.yaml").write_text(shipped.replace("'通报:'", "通报:"), encoding="utf-8")
    with pytest.raises(ValueError, match="quote entries"):
        ContextLexicon.from_file(tmp_path / "_context.yaml")


@pytest.mark.parametrize("text, committed", [
    # a sanction may follow who applies it (…吓唬客户的，质检直接判不合格)
    ("坐席用“上门抓人”这类说法吓唬客户的，质检直接判不合格。", False),
    ("坐席就该用“上门抓人”这类说法吓唬客户。", True),
    # a rhetorical denial (我们怎么可能去您家闹呢)
    ("我们怎么可能去您家闹呢，正规机构都有录音。", False),
    # a quotation introduced as what the customer shouted, or named by what follows it (都算…)
    ("您上午吼了一句“滚远点”，没关系，咱们心平气和地说。", False),
    ("话术禁区：劝客户“去别家平台周转”都算诱导借新还旧。", False),
    ("你去别家平台周转一下，先把我们这边还了。", True),
])
def test_sanction_actors_rhetorical_denials_and_named_quotations(linter, text, committed):
    assert bool(fired(linter, text)) is committed


@pytest.mark.parametrize("text, committed", [
    # a notice that someone uses the company's name for fees it never charges
    ("提醒：有人冒用本公司名义索要“解冻费”，本公司从未收取此类费用，请勿转账。", False),
    ("先交五百解冻费，交了才给你办。", True),
    # 你不会去借吗 is a rhetorical push, not a denial
    ("你不会去借吗，网贷那么多，随便找一家借点先还我们。", True),
    # a bill of indictment claimed by the speaker is no report of one (起诉书 frames only as 起诉书显示/称/中)
    ("我们的律师已经把起诉书递上去了，你不去就直接判你刑。", True),
    # a contact removed from the list
    ("您妈妈的电话已经从联系名单里移除，之后不会有人再拨给她。", False),
])
def test_company_notices_rhetorical_pushes_and_claimed_documents(linter, text, committed):
    assert bool(fired(linter, text)) is committed
