"""Normalisation before matching, with a map back to raw offsets.

Steps, in order: traditional → simplified (OpenCC ``t2s``), full-width → half-width, ASCII lower
case, removal of evasion noise (spaces, ``*``, ``.``, ``-`` … inserted inside a word, zero-width
characters anywhere), and evasion homophones of the same length (薇信 → 微信, also when spelt
薇 信).  Every step but noise removal keeps the length, so the offset map only has to remember
which raw positions were dropped.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

# Full-width ASCII block (U+FF01–U+FF5E) → ASCII, ideographic space → space, and ASCII lower case.
_WIDTH_AND_CASE = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_WIDTH_AND_CASE[0x3000] = 0x20
for _upper in range(ord("A"), ord("Z") + 1):
    _WIDTH_AND_CASE[_upper] = _upper + 32
for _upper in range(0xFF21, 0xFF3B):  # Ａ–Ｚ → a–z directly
    _WIDTH_AND_CASE[_upper] = _upper - 0xFEE0 + 32

# Latin letters with accents or tone marks (pinyin gè, zhàng, lǜ) → their base letter, so that
# pinyin evasions match like plain letters; one character in, one out.
for _code in range(0x00C0, 0x0250):
    _base = unicodedata.normalize("NFKD", chr(_code))[0]
    if _base.isascii() and _base.isalpha():
        _WIDTH_AND_CASE[_code] = ord(_base.lower())
for _code in (0x01D6, 0x01D8, 0x01DA, 0x01DC, 0x00FC):  # ǖ ǘ ǚ ǜ ü: pinyin writes them as v
    _WIDTH_AND_CASE[_code] = ord("v")
# Dialect characters with a one-to-one Mandarin counterpart (Cantonese 唔/哋/喺/搵/佢/咗/嘅/睇/冇,
# northern 俺), so that rules written in Mandarin read dialect speech too.
DIALECT = {"唔": "不", "哋": "们", "喺": "在", "搵": "找", "揾": "找", "佢": "他", "咗": "了", "嘅": "的", "睇": "看",
           "冇": "没", "嘢": "东", "俾": "给", "俺": "我", "畀": "给", "咁": "这", "乜": "什",
           "恁": "你", "侬": "你", "啲": "的"}  # 恁: 你 in Henan and Shandong speech (恁再不还中不中); 侬: Wu
for _dialect, _mandarin in DIALECT.items():
    _WIDTH_AND_CASE[ord(_dialect)] = ord(_mandarin)

# Homophone spellings that exist only to dodge a keyword filter, each the same length as the word
# it stands for (offsets survive): 薇信转我, 你这个老癞, 傻币.  Only spellings that are not words of
# their own (威信 "prestige" is left alone).
HOMOPHONES = {"薇信": "微信", "徽信": "微信", "老癞": "老赖", "捞赖": "老赖", "劳赖": "老赖", "老濑": "老赖",
              "傻币": "傻逼", "沙币": "傻逼", "傻笔": "傻逼", "啤事": "屁事", "通迅录": "通讯录", "通汛录": "通讯录",
              "通讯路": "通讯录", "通信录": "通讯录", "纪录": "记录",  # ASR mishearings, variants (紀錄 → 纪录)
              "正信": "征信",  # ASR for 征信 in every compound (正信中心, 正信黑了); the rare 正信 of faith loses
              "行事案件": "刑事案件", "派处所": "派出所", "通辑": "通缉",
              "派出锁": "派出所", "派出搜": "派出所", "鱼期": "逾期", "网代": "网贷",
              "动结": "冻结", "冻洁": "冻结", "谐商": "协商", "嘿名单": "黑名单", "2百5": "二百五"}
_HOMOPHONE = re.compile("|".join(sorted(HOMOPHONES, key=len, reverse=True)))


def _dehomophone(text: str) -> str:
    return _HOMOPHONE.sub(lambda m: HOMOPHONES[m.group()], text)


# Words spelt wholly or partly in pinyin to dodge a keyword filter (jingcha, jing察, 警cha, shouxufei,
# lian xi ren once its spaces are gone), read as the word itself.  Only words of two or more
# syllables whose spelling is not an everyday word of its own; the pinyin side of a mixed spelling
# must not run into other letters (jing察 but not xjing察).  The packs may list the same spellings:
# they are normalised with this function too.  立案 is left out: its spelling lian is 脸, 连, 恋 … too.
PINYIN_SPELLINGS = {
    "警察": "jing cha", "公安": "gong an", "法院": "fa yuan", "检察院": "jian cha yuan", "派出所": "pai chu suo",
    "经侦": "jing zhen", "刑警": "xing jing", "法官": "fa guan", "律师": "lv shi", "律师函": "lv shi han",
    "坐牢": "zuo lao", "拘留": "ju liu", "判刑": "pan xing", "起诉": "qi su", "通缉": "tong ji",
    "进去": "jin qu", "蹲监狱": "dun jian yu", "监狱": "jian yu", "犯罪": "fan zui", "诈骗": "zha pian",
    "老赖": "lao lai", "穷鬼": "qiong gui", "征信": "zheng xin", "黑名单": "hei ming dan", "失信": "shi xin",
    "通讯录": "tong xun lu", "联系人": "lian xi ren", "紧急联系人": "jin ji lian xi ren",
    "家人": "jia ren", "父母": "fu mu", "老婆": "lao po", "老公": "lao gong", "孩子": "hai zi",
    "单位": "dan wei", "领导": "ling dao", "同事": "tong shi",
    "上门": "shang men", "爆通讯录": "bao tong xun lu",
    "手续费": "shou xu fei", "服务费": "fu wu fei", "违约金": "wei yue jin", "滞纳金": "zhi na jin",
    "管理费": "guan li fei", "上门费": "shang men fei", "利息": "li xi",
    "身份证": "shen fen zheng", "银行卡": "yin hang ka", "住址": "zhu zhi",
    "黑户": "hei hu", "私户": "si hu", "炸机": "zha ji", "后果自负": "hou guo zi fu", "刑拘": "xing ju",
    "交警": "jiao jing", "保证金": "bao zheng jin", "网警": "wang jing", "等着": "deng zhe",
    "逃债": "tao zhai", "传票": "chuan piao", "人渣": "ren zha", "意外": "yi wai", "老家": "lao jia",
    "欠款": "qian kuan", "系统": "xi tong", "找上门": "zhao shang men", "外访": "wai fang",
    "傻逼": "sha bi", "废物": "fei wu", "垃圾": "la ji", "畜生": "chu sheng", "去死": "qu si", "弄死": "nong si",
    "骚扰": "sao rao", "呼死你": "hu si ni", "轰炸": "hong zha",
    "酒店": "jiu dian", "查到": "cha dao", "开房": "kai fang", "冻结": "dong jie",
    "行踪": "xing zong", "定位": "ding wei",
    "婊子": "biao zi", "脑残": "nao can",
    "联系": "lian xi", "老丈人": "lao zhang ren", "屁股": "pi gu", "追逃": "zhui tao", "高铁": "gao tie",
    "看守所": "kan shou suo", "套现": "tao xian", "拉黑": "la hei",
}


def _spellings() -> dict[str, str]:
    """Every spelling of each word that mixes in at least one pinyin syllable, mapped to the word."""
    from itertools import product

    table: dict[str, str] = {}
    for word, reading in PINYIN_SPELLINGS.items():
        syllables = reading.split()
        if len(syllables) != len(word):
            raise ValueError(f"PINYIN_SPELLINGS[{word!r}] needs one syllable per character")
        for choice in product((False, True), repeat=len(word)):
            if any(choice):
                table["".join(s if latin else ch for ch, s, latin in zip(word, syllables, choice, strict=True))] = word
    return table


@lru_cache(maxsize=1)
def _spelling_matcher() -> tuple[dict[str, str], re.Pattern[str], frozenset[str]]:
    # built on first use: most text has no pinyin, and a clean run should not pay for it
    table = _spellings()
    # every run of letters inside a spelling is a whole run of the text (the boundaries below), so a
    # text can hold a spelling only next to a run of letters from this set
    segments = frozenset(run for spelling in table for run in _LETTER_RUN.findall(spelling))
    pattern = re.compile(
        "|".join(
            # a spelling that starts or ends in letters must start or end the run of letters
            ("(?<![a-z])" if spelling[0].isascii() else "") + re.escape(spelling)
            + ("(?![a-z])" if spelling[-1].isascii() else "")
            for spelling in sorted(table, key=len, reverse=True)
        )
    )
    return table, pattern, segments


_HAS_LETTERS = re.compile("[a-z]{2}")
_LETTER_RUN = re.compile("[a-z]+")
_REACH = max(len(word) for word in PINYIN_SPELLINGS)  # Han characters a spelling may hold around a run


def _depinyin(text: str) -> tuple[str, list[int]]:
    """``text`` with pinyin spellings replaced by their words, and the positions of ``text`` that the
    shorter words leave out (each word keeps the first positions of its spelling)."""
    if not _HAS_LETTERS.search(text):
        return text, []
    table, pattern, segments = _spelling_matcher()
    dropped: list[int] = []
    pieces: list[str] = []
    last = 0
    for match in _spelling_matches(text, pattern, segments):
        word = table[match.group()]
        pieces.append(text[last:match.start()])
        pieces.append(word)
        dropped.extend(range(match.start() + len(word), match.end()))
        last = match.end()
    if not dropped and not pieces:
        return text, []
    pieces.append(text[last:])
    return "".join(pieces), dropped


def _spelling_matches(text: str, pattern: re.Pattern[str], segments: frozenset[str]) -> Iterator[re.Match[str]]:
    """Matches of ``pattern``, searched only around the runs of letters that a spelling can hold
    (a long call has many letters — app, ok, A1024 — and few spellings)."""
    searched_to = 0
    for run in _LETTER_RUN.finditer(text):
        if run.group() not in segments or run.end() <= searched_to:
            continue
        # a spelling holding this run starts and ends within _REACH syllables of it; the window must
        # not end inside a run of letters, or the search would see a boundary that is not there
        position = max(searched_to, run.start() - 6 * _REACH)
        end = min(len(text), run.end() + 6 * _REACH)
        while end < len(text) and "a" <= text[end] <= "z" and "a" <= text[end - 1] <= "z":
            end += 1
        while True:
            match = pattern.search(text, position, end)
            if match is None or match.start() >= run.end():
                break
            yield match
            position = searched_to = match.end()
        searched_to = max(searched_to, run.end())


def _compose(removed: list[int], dropped: list[int]) -> list[int]:
    """Raw positions removed by both steps: ``removed`` are raw positions, ``dropped`` positions of
    the text that ``removed`` left."""
    if not dropped:
        return removed
    if not removed:
        return sorted(set(dropped))
    # the text position p sits at raw p + (number of removed raw positions before it)
    gaps = [position - j for j, position in enumerate(removed)]
    return sorted(set(removed).union(p + bisect_right(gaps, p) for p in dropped))


_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Noise inside a word: up to three filler characters between two Han characters, between
# isolated Latin letters (``s b``, ``n.m.s.l``), or where a pinyin syllable meets a Han character
# (``sha 币``, ``tong-讯录``, ``上 men``), and a hyphen inside spelt-out pinyin (``tong-xun-lu``):
# mixed spellings exist to dodge filters, and joining an English word to the Chinese next to it
# (``app 上``) or a hyphenated English word (``wi-fi``) changes no reading.  Newlines are never
# noise: they end sentences.
_NOISE = re.compile(
    rf"(?<=[{_HAN}])[ \t*.\-_~·•#@+|/\\^`'\"]{{1,3}}(?=[{_HAN}])"
    r"|(?<![a-z][a-z])(?<=[a-z])[ \t*.\-_~·•#@+|]{1,2}(?=[a-z](?![a-z]))"
    rf"|(?<=[a-z])[ \t*\-_~·•]{{1,3}}(?=[{_HAN}])|(?<=[{_HAN}])[ \t*\-_~·•]{{1,3}}(?=[a-z])"
    # hyphenated pinyin (tong-xun-lu, f-a-yuan): a hyphen between letters
    r"|(?<=[a-z])-(?=[a-z])"
    # spaced digits (5 0 0 的手续费; 138 1234 5678): a number written apart is still the number
    r"|(?<=[0-9])[ \t](?=[0-9])"
    rf"|(?<=[0-9])[ \t](?=[{_HAN}])|(?<=[{_HAN}])[ \t](?=[0-9])"
    rf"|[{_ZERO_WIDTH}]"
)


# A pair of ASCII double quotes around a phrase is a quotation (坐席说"后果自负"属于违规), not
# noise to strip: it becomes “…” (same length), so the context layer sees what is only named.
# A lone ASCII quote inside a word (傻"逼), or a pair around one character (傻"逼"), is still noise.
_ASCII_QUOTED = re.compile(r'"([^"\n]{2,60})"')


def _curl_quotes(text: str) -> str:
    return _ASCII_QUOTED.sub(r"“\1”", text) if '"' in text else text


@lru_cache(maxsize=1)
def _opencc():
    import opencc  # deferred: a clean run on ASCII text never needs it

    return opencc.OpenCC("t2s")


_HAN_CHAR = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# OpenCC also converts CJK extension characters beyond the BMP, which ``_has_han`` does not count.
_ASTRAL = re.compile(r"[\U00010000-\U0010ffff]")
# Characters that ``_WIDTH_AND_CASE`` changes: skip ``translate`` when there are none.
_FOLDABLE = re.compile("[A-Z\uff01-\uff5e\u3000\u00c0-\u024f" + "".join(DIALECT) + "]")


def _has_han(text: str) -> bool:
    return _HAN_CHAR.search(text) is not None


def to_simplified(text: str) -> str:
    """OpenCC t2s, kept length-preserving so offsets survive (phrase conversions that change the
    length fall back to character-by-character conversion)."""
    if not text or not _has_han(text):
        return text
    converted = _opencc().convert(text)
    if len(converted) != len(text):
        return "".join(_simplified_char(ch) for ch in text)
    return _keep_simplified(text, converted)


def _keep_simplified(text: str, converted: str) -> str:
    """OpenCC's phrase table also rewrites characters that are already simplified (万一坏了 →
    万一坯了): a character that converts to itself on its own keeps its phrase conversion only next
    to a traditional character of the same line (內回覆 → 内回复)."""
    if converted == text:
        return text
    out = list(converted)
    for i, (old, new) in enumerate(zip(text, converted, strict=True)):
        if new != old and _simplified_char(old) == old:
            line_start = text.rfind("\n", 0, i) + 1
            line_end = text.find("\n", i)
            window = text[max(line_start, i - 3):min(i + 4, len(text) if line_end == -1 else line_end)]
            if not any(_simplified_char(ch) != ch for ch in window):
                out[i] = old
    return "".join(out)


@lru_cache(maxsize=8192)
def _simplified_char(ch: str) -> str:
    single = _opencc().convert(ch)
    return single if len(single) == 1 else ch


@dataclass(slots=True)
class Normalized:
    """Normalised text plus the raw positions that were dropped."""

    text: str
    raw: str
    _gaps: list[int]  # g_j = r_j - j for removed raw positions r_0 < r_1 < …

    def to_raw(self, index: int) -> int:
        """Raw offset of the character at normalised ``index`` (``len(text)`` maps to ``len(raw)``)."""
        if index >= len(self.text):
            return len(self.raw)
        return index + bisect_right(self._gaps, index) if self._gaps else index

    def span_to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw [start, end) of a normalised [start, end)."""
        if end <= start:
            raw_start = self.to_raw(start)
            return raw_start, raw_start
        raw_end = self.to_raw(end - 1) + 1
        # a word read from pinyin keeps the first positions of its spelling: take in the rest (the
        # only letters or Han characters ever removed), not the evasion noise after it
        stop = self.to_raw(end)
        for probe in range(raw_end, stop):
            if self.raw[probe].isalnum():
                raw_end = probe + 1
        return self.to_raw(start), raw_end


_METACHARACTERS = frozenset(".^$*+?{}[]|()\\")


def fold_pattern(pattern: str) -> str:
    """A pack's regular expression in the form of the text it is matched against: simplified,
    dialect characters read as Mandarin, literals half-width and lower case.  Escapes (\\S,
    \\p{Han}) stay as written, and a full-width metacharacter stays a literal (（ → \\().  Without
    this a literal like 实名APP or 冇 could never match normalised text."""
    pattern = to_simplified(pattern)
    if not _FOLDABLE.search(pattern):
        return pattern  # most patterns: nothing to fold, so no walk over their characters
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\" and i + 1 < len(pattern):
            width = 2
            if pattern[i + 1] in "pP" and pattern.startswith("{", i + 2):
                width = pattern.index("}", i) + 1 - i
            out.append(pattern[i:i + width])
            i += width
            continue
        mapped = ch.translate(_WIDTH_AND_CASE)
        if mapped != ch and not ch.isascii() and mapped in _METACHARACTERS:
            mapped = "\\" + mapped
        out.append(mapped)
        i += 1
    return "".join(out)


def fold(text: str) -> str:
    """The length-preserving part: simplified, half-width, lower case (homophones come later)."""
    text = to_simplified(text)
    return _curl_quotes(text.translate(_WIDTH_AND_CASE) if _FOLDABLE.search(text) else text)


# Pinyin spelt out with spaces between syllables (收 shou xu fei 五百, 你的 lian xi ren 我们都有,
# j ing cha): a run of letter groups that all read as pinyin (one to four syllables, or a lone
# initial) is one word, so the spaces go.  English rarely passes the syllable test (thank, the, ok).
_PINYIN_SYLLABLE = (r"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
                    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ui|ao|ou|iu|ie|ue|ve|er|an|en|in|un"
                    r"|ia|ua|uo|a|o|e|i|u|v)")
_PINYIN_GROUP = re.compile(rf"(?:{_PINYIN_SYLLABLE}){{1,4}}|zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw]")
_LETTER_CHAIN = re.compile(r"(?<![a-z])[a-z]+(?:[ \t][a-z]+)+(?![a-z])")
_SPACED_LETTERS = re.compile(r"[a-z][ \t][a-z]")


def _pinyin_spaces(folded: str) -> list[int]:
    positions: list[int] = []
    for chain in _LETTER_CHAIN.finditer(folded):
        groups = chain.group().split()
        if all(_PINYIN_GROUP.fullmatch(group) for group in groups):
            offset = chain.start()
            positions.extend(offset + i for i, ch in enumerate(chain.group()) if ch in " \t")
    return positions


def _remove_noise(folded: str) -> tuple[str, list[int]]:
    """``folded`` without evasion noise, and the removed positions in ascending order."""
    removed: list[int] = []
    for match in _NOISE.finditer(folded):
        removed.extend(range(match.start(), match.end()))
    if _SPACED_LETTERS.search(folded):
        removed = sorted(set(removed).union(_pinyin_spaces(folded)))
    if not removed:
        return folded, removed
    pieces: list[str] = []
    last = 0
    for position in removed:  # one slice per run of removed positions, not per position
        if position > last:
            pieces.append(folded[last:position])
        last = position + 1
    pieces.append(folded[last:])
    return "".join(pieces), removed


def normalize(raw: str) -> Normalized:
    # Homophones and pinyin after the noise is gone, so that 傻 币 and sha 币 read like 傻币, and
    # lian xi ren (its spaces gone) like 联系人.
    text, removed = _remove_noise(fold(raw))
    text, dropped = _depinyin(_dehomophone(text))
    removed = _compose(removed, dropped)
    if not removed:
        return Normalized(text, raw, [])
    gaps = [position - j for j, position in enumerate(removed)]
    return Normalized(text, raw, gaps)


def normalize_many(raws: list[str]) -> tuple[str, list[int]]:
    """The normalised texts of ``raws`` joined by newlines, and where each starts in the result.

    Equal to ``"\n".join(normalize(r).text for r in raws)`` but done in a few C-level passes over
    one string instead of several Python calls per text: the hot path of a call with hundreds of
    short turns.  Joining is safe because no step looks across a newline (noise never includes
    one, OpenCC has no phrase holding one); when OpenCC changes the length of the joined text, or
    there are characters outside the BMP (which OpenCC converts but ``_has_han`` ignores), each
    text is folded on its own as ``normalize`` does.
    """
    joined = "\n".join(raws)
    simplified = _opencc().convert(joined) if _has_han(joined) else joined
    if len(simplified) != len(joined) or (simplified is not joined and _ASTRAL.search(joined)):
        simplified = "\n".join(to_simplified(raw) for raw in raws)
    elif simplified is not joined:
        simplified = _keep_simplified(joined, simplified)
    folded = _curl_quotes(simplified.translate(_WIDTH_AND_CASE) if _FOLDABLE.search(simplified) else simplified)
    text, removed = _remove_noise(folded)
    text, dropped = _depinyin(_dehomophone(text))
    removed = _compose(removed, dropped)
    starts: list[int] = []
    position = 0
    for raw in raws:
        starts.append(position)
        position += len(raw) + 1
    if removed:
        starts = [start - bisect_left(removed, start) for start in starts]
    return text, starts


# literal → normalised form: thousands of pack literals are normalised at every start, so the
# start-up cache (cache.py) stores this memo and fills it before the packs load.
TERM_MEMO: dict[str, str] = {}
_TERM_MEMO_LIMIT = 1 << 16  # a fuzzing test loads thousands of throw-away packs


def normalize_term(term: str) -> str:
    """Normalise a literal from a rule pack the same way as the text it is matched against."""
    hit = TERM_MEMO.get(term)
    if hit is None:
        hit = normalize(term).text
        if len(TERM_MEMO) < _TERM_MEMO_LIMIT:
            TERM_MEMO[term] = hit
    return hit
