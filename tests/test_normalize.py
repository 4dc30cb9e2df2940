from hypothesis import given
from hypothesis import strategies as st

from scriptlint.normalize import normalize, normalize_many


def test_traditional_fullwidth_case_and_noise():
    assert normalize("催收人的經歷").text == "催收人的经历"
    assert normalize("ＳＢ，ＡＢＣ").text == "sb,abc"
    assert normalize("你这个傻 逼").text == "你这个傻逼"
    assert normalize("老*赖").text == "老赖"
    assert normalize("你\u200b他\u200b妈").text == "你他妈"
    assert normalize("你是s b吗").text == "你是sb吗"


def test_offsets_map_back_to_raw():
    raw = "他是老 * 赖啊"
    norm = normalize(raw)
    assert norm.text == "他是老赖啊"
    start = norm.text.index("老赖")
    raw_start, raw_end = norm.span_to_raw(start, start + 2)
    assert raw[raw_start:raw_end] == "老 * 赖"


def test_ordinary_text_is_unchanged():
    for text in ("逾期会影响征信", "1.5万元, 2024-07-08", "hello world"):
        assert normalize(text).text == text


@given(st.text(alphabet=st.sampled_from(list("傻逼老赖你他妈 *.-_\u200bａＢc經歷abc1")), max_size=40))
def test_every_normalised_char_maps_to_a_raw_char(raw):
    norm = normalize(raw)
    for i in range(len(norm.text)):
        j = norm.to_raw(i)
        assert 0 <= j < len(raw)
    positions = [norm.to_raw(i) for i in range(len(norm.text))]
    assert positions == sorted(set(positions))


def test_evasion_homophones_read_as_the_word_they_stand_for():
    from scriptlint.normalize import normalize, normalize_many

    assert normalize("直接薇信转我").text == "直接微信转我"
    assert normalize("你这个老癞").text == "你这个老赖"
    assert normalize("他在单位很有威信").text == "他在单位很有威信"  # a word of its own
    norm = normalize("你 这个捞赖")
    assert norm.text == "你这个老赖" and norm.span_to_raw(3, 5) == (4, 6)
    assert normalize_many(["薇信", "傻币"])[0] == "微信\n傻逼"


def test_pinyin_next_to_han_is_joined_across_evasion_noise():
    assert normalize("你个sha 币").text == "你个sha币"
    assert normalize("你个傻 币").text == "你个傻逼"  # homophones are read after the noise is gone
    assert normalize("bao 你通讯录").text == "bao你通讯录"
    assert normalize("明天上 men").text == "明天上men"
    assert normalize("hello world").text == "hello world"  # two English words keep their space
    norm = normalize("tong - 讯录")
    assert norm.text == "tong讯录" and norm.span_to_raw(4, 6) == (7, 9)


def test_hyphenated_pinyin_is_joined():
    norm = normalize("你的 tong-xun-lu 打包好了")
    assert norm.text == "你的tongxunlu打包好了"
    assert norm.span_to_raw(2, 11) == (3, 14)


def test_paired_ascii_quotes_are_a_quotation_not_noise():
    norm = normalize('坐席说"后果自负"属于违规')
    assert norm.text == "坐席说“后果自负”属于违规" and norm.span_to_raw(4, 8) == (4, 8)
    assert normalize('你个傻"逼').text == "你个傻逼"  # a lone quote inside a word is evasion noise
    assert normalize('你个傻"逼"').text == '你个傻逼"'  # so is a pair around one character
    assert normalize_many(['他说"等着瞧"', '傻"逼'])[0] == "他说“等着瞧”\n傻逼"
