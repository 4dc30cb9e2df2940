"""Behaviour of the third_party / privacy / impersonation / unlawful_debt / disclosure packs that a
single rule's inline examples cannot show: one utterance reported under two categories, shared
exclusions, context cues added for these packs, and the severity split of the pii rules."""

import pytest


def categories(linter, text: str, floor: str = "warning") -> dict[str, str]:
    rank = {"info": 0, "warning": 1, "error": 2}
    found: dict[str, str] = {}
    for f in linter.lint_text(text).findings:
        if rank[f.severity] >= rank[floor] and rank[f.severity] >= rank.get(found.get(f.category, "info"), 0):
            found[f.category] = f.severity
    return found


def test_debt_told_to_a_third_party_is_both_third_party_and_privacy(linter):
    # THIRD-002 and PRIV-005 share their patterns through a YAML anchor; both must report.
    found = categories(linter, "请问是李四的同事吗？他在我们这欠了3万逾期半年了。")
    assert found.get("third_party") == "error"
    assert found.get("privacy") == "error"


def test_seed_family_threat_is_a_third_party_error(linter):
    assert categories(linter, "你再不还,我可就得找你家人谈谈咯").get("third_party") == "error"


@pytest.mark.parametrize("text", [
    "催收人员不得将债务人的个人信息泄露给他人,否则可能会涉及到侵权行为。",
    "培训提示：“你再不还我就找你家人”属于违规话术，一经发现严肃处理。",
    "质检案例：坐席说“我们是法院的”，属于冒充司法机关，判定为严重违规。",
    "近期有不法分子冒充催收人员，以“上门费”“手续费”为名索取钱财，请勿轻信。",
    "您不需要找家人帮忙还款，这是您本人的账户。",
    "如您已被法院判决，执行事宜请直接联系承办法院，我们无权代表法院。",
    "之前多收了您的手续费，我们会在三个工作日内退还。",
    "麻烦您转告他回电，谢谢。",
])
def test_guidance_reports_and_lawful_lines_stay_clean(linter, text):
    mine = {"third_party", "privacy", "impersonation", "unlawful_debt", "disclosure"}
    assert not set(categories(linter, text)) & mine


def test_a_not_a_question_does_not_negate(linter):
    # 能不能 contains the cue 不能; as a question it must not suppress the request to pay for him.
    found = categories(linter, "您是他姐姐？那正好，他这笔钱您看今天能不能先帮他还一部分？")
    assert "third_party" in found


def test_pii_severity_split(linter):
    assert categories(linter, "请向6222020200112233446账户还款").get("privacy") == "error"
    assert categories(linter, "有事直接打我电话13912345678").get("privacy") == "warning"
    assert "privacy" not in categories(linter, "请联系138****5678，或拨打官方客服95588")


# The packs are written over word classes (rules/_lexicons.yaml), so any member of a class works,
# not only the words in the rules' examples.
@pytest.mark.parametrize(("text", "category"), [
    ("你继母那边我们下午就去一趟", "third_party"),            # kin, object first
    ("我们已经发函到你们街道办了", "third_party"),             # organisation, reached remotely
    ("您是他徒弟吧？他欠了我们一笔网贷", "privacy"),           # associate + debt fact
    ("你的门禁记录我们都调出来了", "privacy"),                  # tracked data
    ("我这边是市信访局的，你的借款问题有人反映了", "impersonation"),  # state organ
    ("激活费两百，交了才给你放款结清", "unlawful_debt"),        # ad hoc fee name
    ("去小额贷款那边周转一下，先把这期平了", "unlawful_debt"),   # borrowing channel
])
def test_word_classes_generalise(linter, text, category):
    assert category in categories(linter, text)


@pytest.mark.parametrize("text", [
    "您的合作伙伴我们从来没有联系过，也不会联系",     # a negation inside an object-first match
    "您的照片和证件我们不会发布到任何地方",
    "分期手续费每期三十元，以合同约定为准",             # a contract fee stated, not charged ad hoc
    "判决生效后由法院依法执行，我们无权干预",
])
def test_negation_inside_a_match_and_lawful_fees_stay_clean(linter, text):
    mine = {"third_party", "privacy", "impersonation", "unlawful_debt"}
    assert not set(categories(linter, text)) & mine


def test_public_group_is_privacy_not_third_party(linter):
    # posting to a neighbourhood group is publication; a group of colleagues reaches third persons
    public = categories(linter, "你的欠款截图我们发到你们小区业主群了")
    assert "privacy" in public and "third_party" not in public
    colleagues = categories(linter, "你的欠款截图我们发到你们同事群了")
    assert {"privacy", "third_party"} <= set(colleagues)


# Generalisation round: phrasings built from the word classes (social circles, records, official
# bodies, fee names, lenders) that none of the rules' own examples use.
@pytest.mark.parametrize(("text", "category"), [
    ("你们广场舞队每个阿姨都会接到我们的电话", "third_party"),            # a circle + "will hear from us"
    ("你欠钱的事，你们车间的人现在都知道了", "privacy"),                  # the debt told to a circle
    ("舅舅您好，您外甥这笔账我们就算在您头上了", "third_party"),          # the debt moved onto a relative
    ("他的工钱发下来，麻烦老板先扣给我们", "third_party"),                # money owed to him diverted
    ("你昨天在哪家药店刷的医保卡，我们系统里都看得到", "privacy"),        # any record + "we can see"
    ("你的开房记录我们复印了，准备寄给你老丈人", "privacy"),              # any record sent to a relative
    ("本人系区医保局稽查专员，你的欠款要马上处理", "impersonation"),      # any bureau, 本人系
    ("【全国失信执行通知中心】你已被限制出行", "impersonation"),          # fake header
    ("先交一笔档案调取费，不交不给你出证明", "unlawful_debt"),            # an invented fee + condition
    ("把钱打到我们组长的个人收款码上", "unlawful_debt"),                  # a private channel
    ("没钱就去找村里放水的借点，先还上", "unlawful_debt"),               # a private lender
    ("以后有事加我vx私聊，别打公司那个号", "disclosure"),                # moving to a private channel
])
def test_new_phrasings_are_caught(linter, text, category):
    assert category in categories(linter, text, floor="info")


@pytest.mark.parametrize("text", [
    "您的还款记录我们系统里都有，可以随时给您开结清证明",
    "您的来电我们都有记录，会尽快回复",
    "您丈人刚才打电话来问情况，我们没有透露任何信息",
    "我们不是政府部门，是受银行委托的催收公司，您可以向金管局投诉",
    "我是市消费者协会推荐的调解员，双方自愿参加调解",
    "有人让您先交“解冻费”才能还款的，都是骗局，请勿轻信",
    "请通过App或对公账户还款，不要添加任何个人微信",
    "您家的房子如果卖了，可以先还上一部分，这是您自己的决定",
    "您的客户经理我们已经联系了，他会给您回电说明减免方案",
    "群发短信模板须经合规审核，不得出现客户姓名",
    "这类曝光视频上热门后，平台已经下架并处罚",
])
def test_lawful_lines_near_the_new_patterns_stay_clean(linter, text):
    mine = {"third_party", "privacy", "impersonation", "unlawful_debt", "disclosure"}
    assert not set(categories(linter, text, floor="info")) & mine
