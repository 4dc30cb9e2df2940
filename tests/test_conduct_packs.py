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


# Generalisation: each case swaps in a different member of a shared word class (rules/_lexicons.yaml)
# than the rule's own examples use, so a rule that only knows its examples' words fails here.
@pytest.mark.parametrize("text, category", [
    ("你那个鱼塘哪天让人给毒了可别哭，招牌被人砸了可别怪我们。", "threat"),
    ("你那台挖掘机挺值钱吧，停工地上可得看好。", "threat"),
    ("你姥姥一个人在村里，岁数大了可经不住这么闹。", "threat"),
    ("你二姑那边我们过两天也会去拜访一下。", "threat"),
    ("你们车间主任知道你在外面欠了高利贷吗？", "threat"),
    ("二百五，账单上写得清清楚楚。", "insult"),
    ("你们这些搬砖的天生就懒。", "insult"),
    ("就你那点家底，还不够我换个手机。", "respect"),
    ("你丈母娘的公职保不住了。", "false_consequence"),
    ("你的港澳通行证已经被锁定了。", "false_consequence"),
    ("每小时给你发几十条，发到你崩溃。", "harassment"),
    ("中秋晚上我们也照样给你打电话。", "harassment"),
])
def test_word_classes_generalise_beyond_the_examples(linter, text, category):
    assert category in categories(linter, text)


@pytest.mark.parametrize("text", [
    "您的房东、邻居都不会从我们这里听到任何关于这笔借款的事。",
    "您家养鸡场的回款周期我们了解，可以按季度还款。",
    "公积金能不能提取用来还这笔钱，需要问公积金中心。",
    "您说车被人划了要修，这个月紧张我们理解，可以申请延期。",
    "春节期间我们暂停外呼，节后再联系您。",
    "我们每天外呼不超过三次，晚上十点以后不会打电话。",
    "严禁使用“猪脑子”“穷鬼”等贬损性词语。",
])
def test_compliant_lines_sharing_the_vocabulary_stay_clean(linter, text):
    assert not categories(linter, text) & {"threat", "insult", "respect", "harassment", "false_consequence"}


# Generalisation by shape (round 3): the phrasing of each case is not in any rule's examples; what
# carries over is the structure — a possessive target plus surveillance or a hazard hint, people +
# time + the debtor's place, "你个 + noun + pause", hardship + brush-off, refusal to stop calling,
# and sanctions on entitlements that a debt does not touch.
@pytest.mark.parametrize("text, category", [
    ("你家那个小卖部的卷帘门，我们弟兄几个都瞧过了。", "threat"),
    ("你儿子在哪个幼儿园我们早就摸清了。", "threat"),
    ("你那台挖掘机停在河边，晚上可没人看着。", "threat"),
    ("你爸每天早上去公园遛弯，那个湖边挺滑的。", "threat"),
    ("下礼拜我们几个去你老丈人家坐坐。", "threat"),
    ("你不接电话？那就换几个人上门跟你聊。", "threat"),
    ("不还钱我们让你上热门，全网都认识你。", "threat"),
    ("不还就 gao si 你。", "threat"),
    ("你个怂蛋，借钱时候的胆子呢？", "insult"),
    ("你个木头疙瘩，问你话呢。", "insult"),
    ("你就是个吃白饭的。", "insult"),
    ("你住院也不耽误你玩手机吧？", "respect"),
    ("你坐个月子也能看手机，咋就不能还钱。", "respect"),
    ("你懂什么叫契约精神？", "respect"),
    ("哟，大老总终于舍得接电话了？", "respect"),
    ("不用跟我哭，眼泪又不值钱。", "respect"),
    ("你说别打了？那不行，一天打二十遍。", "harassment"),
    ("你媳妇说别打她电话了，我们偏打。", "harassment"),
    ("就挑你上班开会的时候打。", "harassment"),
    ("你不还，你老婆的医保卡就会被停用。", "false_consequence"),
    ("你的信息已经推送到边检系统了。", "false_consequence"),
    ("欠款不结清，你孩子落户都会受影响。", "false_consequence"),
])
def test_shapes_generalise_to_unseen_wording(linter, text, category):
    assert category in categories(linter, text)


@pytest.mark.parametrize("text", [
    "我们明天上午十点到您单位附近的网点，您方便的话可以过来办理。",
    "您家孩子每天上学辛苦了，还款的事我们可以慢慢商量。",
    "客户说：“你们再打电话我就去跳楼”，坐席应立即安抚并上报。",
    "新闻：某公司催收员威胁要在欠款人门口摆花圈，已被警方刑拘。",
    "您怀孕期间身体要紧，我们可以为您登记困难，申请延期。",
    "你个人名下的两笔贷款都已经逾期了。",
    "您说晚上要哄孩子睡觉，那我们白天再联系您。",
    "您的姐姐说不要再打给她，我们已经登记，不会再联系她。",
    "您的社保、公积金不会因为这笔欠款受到影响。",
    "您一个月挣三千，我们按每月五百分期，您看可以吗？",
    "你那个鱼塘今年收成怎么样？能先还一部分吗？",
    "我们已经看过您提交的收入证明了。",
])
def test_compliant_lines_with_the_new_shapes_stay_clean(linter, text):
    assert not categories(linter, text) & {"threat", "insult", "respect", "harassment", "false_consequence"}


# Round 5: the phrasing of each case is in no rule's examples and no dev set; what carries over is
# the phenomenon — livelihood held hostage (还想不想收/还能不能出摊就难说了), camping at the debtor's
# place, calls giving way to people, copies handed out, shame taunts (看你还怎么做人), a relative's
# timetable, coaching fear; a label behind a description, Cantonese and letter abbreviations;
# flirting address, refusing any arrangement, the hardship set against spending, spelled-out 闭嘴/废话;
# picking the hour, hopping channels, escalating against a plea, the auto-dialler.
@pytest.mark.parametrize("text, category", [
    ("过了周五还不到账，哥几个就去你干活的工地门口蹲点。", "threat"),
    ("你那个早餐铺下个月还开不开得下去就难讲了。", "threat"),
    ("你那几亩葡萄明年还想不想卖了。", "threat"),
    ("下次敲你家门的可就不是快递了，而是我们的人。", "threat"),
    ("你的欠条我们复印了三百份，明天在菜市场门口发给街坊。", "threat"),
    ("这事闹大了，看你以后还有没有脸见人。", "threat"),
    ("你老婆在哪个超市收银我们打听到了，连她的班次都有。", "threat"),
    ("培训：客户嘴硬的时候就得让他知道怕。", "threat"),
    ("跟你这种借钱不还的无赖讲道理没用。", "insult"),
    ("nc吧你，账单都看不明白。", "insult"),
    ("你个lao赖还敢挂电话。", "insult"),
    ("你闭嘴听我讲。", "respect"),
    ("少在这儿跟我打感情牌了。", "respect"),
    ("说是住院了，还有钱天天买彩票？", "respect"),
    ("小姐姐别装了，跟哥哥说说啥时候还。", "respect"),
    ("我们这从来不办理任何减免，要么一次还清要么法院见。", "respect"),
    ("你不让中午打，那我们就专挑你午睡的时候打。", "harassment"),
    ("邮件不回就打电话，电话关机就发短信，总能找到你。", "harassment"),
    ("把他的号码导入自动外呼，开到最高频率。", "harassment"),
    ("你说晚上别打，那我们偏要半夜十二点打。", "harassment"),
])
def test_round5_phenomena_generalise(linter, text, category):
    assert category in categories(linter, text)


@pytest.mark.parametrize("text", [
    "您的号码我们已经录入系统，只在工作日联系您。",
    "您说中午要午休，那我们下午三点以后再打给您。",
    "老哥，咱有话好好说，这个月先还一部分也行。",
    "您家鱼塘要是遇到停电损失，可以先登记困难情况。",
    "根据合同这笔罚息不能减免，但可以为您申请分期。",
    "您哪天方便，我们哪天再联系您。",
    "合同我们给您打印了两份，一份您留存。",
    "您还想不想办分期？想的话我现在帮您登记。",
    "严禁向客户声称不还钱就会被拘留、全家上黑名单等说法。",
    "关于“后果自负”“别怪我们不客气”等模糊威胁用语，公司一律视为违规话术。",
    '督导提醒：有坐席说"协商？我们从不协商"，这种说法违反公司政策。',
    "培训考题：以下哪种说法违规？A.请您按时还款 B.不还就让你社死 C.可以申请分期。",
])
def test_round5_near_misses_stay_clean(linter, text):
    assert not categories(linter, text) & {"threat", "insult", "respect", "harassment", "false_consequence"}
