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


# Round-5 phenomena (dev_e misses), each written as a paraphrase of the family, not a dev line.
@pytest.mark.parametrize(("text", "category"), [
    ("手头紧？那就去刷一下分期乐，额度出来先补上", "unlawful_debt"),       # push to a consumer-credit product
    ("我发你一个软件，半小时就能下款", "unlawful_debt"),                    # a fast lender recommended
    ("本金八千实际到手六千，利息还是按八千算", "unlawful_debt"),             # 砍头息 by arithmetic
    ("月利率百分之六，这是你当初认的", "unlawful_debt"),                    # usurious monthly rate
    ("别还到官方app了，转到我本人支付宝", "unlawful_debt"),                 # official account refused
    ("每天加三十块的滞纳金，是我们内部定的标准", "unlawful_debt"),          # self-made per-day fee
    ("给我转一千五，我们找人把你的逾期记录删掉", "unlawful_debt"),          # paid credit repair
    ("我这边是 fa 院执行部门的", "impersonation"),                         # spaced pinyin organ
    ("你的借款案件已经转到我们这边处理了", "false_consequence"),             # a case claimed as pending
    ("你这种行为已经构成恶意透支了", "false_consequence"),                  # the situation called a crime
    ("你拖着不还，春节的火车票都订不到", "false_consequence"),               # travel cut off
    ("你不还会影响你姐姐的工作，她们单位肯定处分她", "false_consequence"),    # relative's employer
    ("园方一查家长征信有问题就不收", "false_consequence"),                   # school checks parents
    ("你们公司前台的座机我们存了，明天开始打", "third_party"),              # workplace landline held
    ("你的同学录我们也有，明天挨个通知", "third_party"),                    # list of acquaintances
    ("你哥不接就打你嫂子，你爸妈那边也轮着来", "third_party"),              # relatives in rotation
    ("她本人欠款两万多，一直拖着，您是她房东吧", "privacy"),                 # debt told, 本人 in between
    ("李某在本平台借款逾期30天，因您是其紧急联系人，请督促还款", "privacy"),   # notice to the contact
    ("你的 zheng xin 报告复印了一沓，周一分给你们车间的人", "privacy"),      # records handed to coworkers
    ("我们从她的外卖记录里看到她每天中午都在公司", "privacy"),               # records read by the collector
    ("这些号码都是从别的平台那边导出来的", "privacy"),                      # cross-platform data
    ("你的身份证照片现在朋友圈里到处都是", "privacy"),                      # data all over a channel
])
def test_round5_phenomena(linter, text, category):
    assert category in categories(linter, text)


@pytest.mark.parametrize("text", [
    "手头紧的话可以申请延期，不用去借钱",
    "您的月利率是百分之一点五，以合同为准",
    "请不要转给个人账户，只转公司对公账户",
    "违约金标准以合同约定为准，我们不会另行收费",
    "如您未按传票出庭，法院可能依法缺席判决。",
    "过年期间高铁票难买，您注意安排行程",
    "您女儿入学和这笔欠款无关，学校不会查家长征信。",
    "那您先照顾孩子，我们过两天再联系您",
    "您单位的座机号码变了吗？我们想更新一下联系方式",
    "从您提供的银行流水里看到收入不稳定，可以申请分期",
    "您可以通过官方渠道查询还款进度",
    "您是他的紧急联系人，麻烦您转告他回电",
])
def test_round5_lawful_near_misses_stay_clean(linter, text):
    mine = {"third_party", "privacy", "impersonation", "unlawful_debt", "false_consequence"}
    assert not set(categories(linter, text)) & mine
