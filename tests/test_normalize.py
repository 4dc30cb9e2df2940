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
    # ASR mishearings and the traditional 紀錄 (纪录 once simplified) read as the word
    assert normalize("我是镇上派出搜的，你这个鱼期记录").text == "我是镇上派出所的,你这个逾期记录"
    assert normalize("調到你的借款紀錄").text == "调到你的借款记录"
    assert normalize("你这种 q i o n g 鬼").text == "你这种穷鬼"


def test_pinyin_next_to_han_is_joined_across_evasion_noise():
    assert normalize("你个sha 币").text == "你个sha币"
    assert normalize("你个傻 币").text == "你个傻逼"  # homophones are read after the noise is gone
    assert normalize("bao 你通讯录").text == "bao你通讯录"
    assert normalize("明天上 men").text == "明天上门"  # then read as the word it spells
    assert normalize("hello world").text == "hello world"  # two English words keep their space
    norm = normalize("tong - 讯录")
    assert norm.text == "通讯录" and norm.span_to_raw(0, 3) == (0, 9)


def test_hyphenated_pinyin_is_joined():
    norm = normalize("你的 tong-xun-lu 打包好了")
    assert norm.text == "你的通讯录打包好了"
    assert norm.span_to_raw(2, 5) == (3, 14)


def test_spaced_pinyin_syllables_are_one_word():
    assert normalize("另外还要收 shou xu fei 五百").text == "另外还要收手续费五百"
    assert normalize("明天就会有 j ing cha 上门").text == "明天就会有警察上门"
    assert normalize("你说别打？mei yong，我们照样打").text == "你说别打?meiyong,我们照样打"
    # English words seldom read as pinyin syllables, so they keep their spaces
    assert normalize("thank you for the call").text == "thank you for the call"
    assert normalize("i am in the car").text == "i am in the car"


def test_pinyin_spellings_read_as_the_word():
    raw = "这里是 j.i.n.g 侦，请找lian xi ren，警cha来了"
    norm = normalize(raw)
    assert norm.text == "这里是经侦,请找联系人,警察来了"
    spans = {word: norm.span_to_raw(norm.text.index(word), norm.text.index(word) + len(word))
             for word in ("经侦", "联系人", "警察")}
    assert {word: raw[a:b] for word, (a, b) in spans.items()} == {
        "经侦": "j.i.n.g 侦", "联系人": "lian xi ren", "警察": "警cha"}
    # a spelling inside a longer run of letters is not the word (xjing察), nor is a bare syllable
    assert normalize("xjing察").text == "xjing察"
    assert normalize_many(["收shouxufei", "jingcha来了"]) == ("收手续费\n警察来了", [0, 5])


def test_paired_ascii_quotes_are_a_quotation_not_noise():
    norm = normalize('坐席说"后果自负"属于违规')
    assert norm.text == "坐席说“后果自负”属于违规" and norm.span_to_raw(4, 8) == (4, 8)
    assert normalize('你个傻"逼').text == "你个傻逼"  # a lone quote inside a word is evasion noise
    assert normalize('你个傻"逼"').text == '你个傻逼"'  # so is a pair around one character
    assert normalize_many(['他说"等着瞧"', '傻"逼'])[0] == "他说“等着瞧”\n傻逼"


_PINYIN_SOUP = list("jingchashouxufeilianxrenzuolao警察手续费联系人坐牢 ,。ab1")


@given(st.text(alphabet=st.sampled_from(_PINYIN_SOUP), max_size=60))
def test_windowed_pinyin_search_finds_what_a_whole_text_search_finds(text):
    from scriptlint.normalize import _spelling_matcher, _spelling_matches

    _table, pattern, segments = _spelling_matcher()
    assert [m.span() for m in _spelling_matches(text, pattern, segments)] == [
        m.span() for m in pattern.finditer(text)]


def test_simplified_text_survives_opencc_phrase_conversions():
    # OpenCC's t2s phrase table reads 一坏 as a traditional phrase; simplified text must not change
    assert normalize("门锁万一坏了").text == "门锁万一坏了"
    # next to traditional characters the phrase conversion is right and is kept
    assert normalize("三個工作日內回覆。").text == "三个工作日内回复。"


def test_joined_texts_keep_simplified_characters_too():
    # the hot path normalises a call's turns as one text: it must not differ from one turn at a time
    raws = ["门锁万一坏了", "三個工作日內回覆。"]
    assert normalize_many(raws)[0] == "\n".join(normalize(r).text for r in raws) == "门锁万一坏了\n三个工作日内回复。"
