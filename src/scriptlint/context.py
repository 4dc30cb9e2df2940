"""Context filters: a match is dropped when its context shows the behaviour is named, not done.

- negation: a prohibition or negation cue (不得, 严禁, 不会 …) earlier in the same clause, within
  a window and with no contrast word (但是, 否则 …) in between, and not a false friend
  (不得不, 别逼 …), as in 我们不会联系您的家人 or 催收人员不得采取威胁、恐吓的行为;
- meta: the match is named as a kind of behaviour (…威胁性的语言, 遭遇辱骂) rather than used;
- endorsement: praise after the match (…值得大家学习, …这种词最能刺激客户还钱) overrides the two
  above — a quoted threat held up as an example to follow is coaching, not a mention;
- idioms: the match sits inside an idiom or word that merely contains it (打死也不, 急得要死);
- reported speech: the clause reports what someone else said or did (客户反映…, 新闻：…, 您说…),
  and a quotation introduced by a prohibition or a report (严禁说“…”, 有客户反映接到过“…”的电话)
  or classified afterwards (“…”等说法) is named, not said;
- mentions whose quotation marks normalisation removed (an ASCII ``"`` between two Chinese
  characters is evasion noise): a ban on saying something scopes over the rest of its clause
  (不得向客户宣称逾期就会坐牢…), a match listed before 等…用语/说法 is named (关于后果自负、别怪我们
  不客气等模糊威胁用语…), a closing ``"`` left without its opening still closes a quotation
  (…我们从不协商",这种说法违反…; so does a curly one whose opening a ？ split into the previous
  sentence), and multiple-choice options (a.… b.… c.…) are exam material.

The lexicons are data: ``rules/_context.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from scriptlint.normalize import normalize_term
from scriptlint.packs.yamlpos import load
from scriptlint.segment import CLAUSE_BREAK, clause_bounds


def _terms(values: list[str]) -> tuple[str, ...]:
    # an unquoted "通报:" in a YAML flow list parses as a mapping; say so instead of failing in normalize
    odd = [v for v in values if not isinstance(v, str)]
    if odd:
        raise ValueError(f"_context.yaml: cue lists hold strings only (quote entries with ':'), got {odd[0]!r}")
    return tuple(sorted({normalize_term(v) for v in values}, key=len, reverse=True))


@dataclass
class ContextLexicon:
    cues: tuple[str, ...]
    not_negating: tuple[str, ...]
    breakers: tuple[str, ...]
    window: int
    meta_after: tuple[str, ...]
    meta_before: tuple[str, ...]
    idioms: tuple[str, ...]
    reported: tuple[str, ...] = ()
    not_reported: tuple[str, ...] = ()
    negation_after: tuple[str, ...] = ()
    after_not: tuple[str, ...] = ()
    negation_inside: tuple[str, ...] = ()
    denials: tuple[str, ...] = ()
    sanctions: tuple[str, ...] = ()
    quote_bans: tuple[str, ...] = ()
    yes_no_markers: tuple[str, ...] = ()
    list_goes_on: tuple[str, ...] = ()
    own_turn: tuple[str, ...] = ()
    third_person_owners: tuple[str, ...] = ()
    quote_after: tuple[str, ...] = ()
    frames: tuple[str, ...] = ()
    speech_bans: tuple[str, ...] = ()
    speech_verbs: tuple[str, ...] = ()
    speech_not_bans: tuple[str, ...] = ()
    speech_breakers: tuple[str, ...] = ()
    enumerated: tuple[str, ...] = ()
    causal: tuple[str, ...] = ()
    contrast: tuple[str, ...] = ()
    overlapping_cue_endings: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    example_cues: tuple[str, ...] = ()
    example_bans: tuple[str, ...] = ()
    endorsements: tuple[str, ...] = ()

    @classmethod
    def from_file(cls, path: Path) -> ContextLexicon:
        data = load(path.read_text(encoding="utf-8")).data
        negation, meta = data["negation"], data["meta"]
        return cls(
            cues=_terms(negation["cues"]), not_negating=_terms(negation["not_negating"]),
            breakers=_terms(negation["breakers"]), window=int(negation.get("window", 16)),
            meta_after=_terms(meta["after"]), meta_before=_terms(meta["before"]),
            idioms=_terms(data["idioms"]),
            reported=_terms(data.get("reported", {}).get("cues", [])),
            not_reported=_terms(data.get("reported", {}).get("not_reported", [])),
            negation_after=_terms(negation.get("after", [])),
            after_not=_terms(negation.get("after_not", [])),
            negation_inside=_terms(negation.get("inside", [])),
            denials=_terms(negation.get("denials", [])),
            sanctions=_terms(negation.get("sanctions", [])),
            quote_bans=_terms(negation.get("quote_bans", [])),
            yes_no_markers=_terms(negation.get("yes_no_markers", [])),
            list_goes_on=_terms(negation.get("list_goes_on", [])),
            own_turn=_terms(data.get("reported", {}).get("own_turn", [])),
            third_person_owners=_terms(meta.get("third_person_owners", [])),
            quote_after=_terms(data.get("reported", {}).get("quote_after", [])),
            frames=_terms(data.get("reported", {}).get("frames", [])),
            speech_bans=_terms(data.get("reported", {}).get("speech_bans", [])),
            speech_verbs=_terms(data.get("reported", {}).get("speech_verbs", [])),
            speech_not_bans=_terms(data.get("reported", {}).get("speech_not_bans", [])),
            speech_breakers=_terms(data.get("reported", {}).get("speech_breakers", [])),
            enumerated=_terms(meta.get("enumerated", [])),
            causal=_terms(negation.get("causal", [])), contrast=_terms(negation.get("contrast", [])),
            overlapping_cue_endings=tuple(data.get("reported", {}).get("overlapping_cue_endings", [])),
            warnings=tuple(data.get("reported", {}).get("warnings", [])),
            example_cues=_terms(data.get("reported", {}).get("example_cues", [])),
            example_bans=_terms(data.get("reported", {}).get("example_bans", [])),
            endorsements=tuple(data.get("reported", {}).get("endorsements", [])),
        )


class ContextFilter:
    def __init__(self, lexicon: ContextLexicon) -> None:
        self.lex = lexicon
        self._ban_pattern: re.Pattern[str] | None = None
        self._warning = re.compile("|".join(f"(?:{w})" for w in lexicon.warnings)) if lexicon.warnings else None
        self._endorsement = (re.compile("|".join(f"(?:{w})" for w in lexicon.endorsements))
                             if lexicon.endorsements else None)
        # a speaker and a verb of saying (客户称, 客户反映) may open the match itself; two-character
        # cues (自称, 谎称) are what impersonation patterns read, so they never do
        endings = lexicon.overlapping_cue_endings
        self._cue_set = frozenset(lexicon.cues)
        self._cue_lengths = sorted({len(c) for c in lexicon.cues})
        self._longest_cue = max(self._cue_lengths, default=0)
        self._saying_cues = tuple(c for c in lexicon.reported if len(c) > 2 and endings and c.endswith(endings))
        self._longest_sanction = max(map(len, lexicon.sanctions), default=0)
        self._longest_denial = max(map(len, lexicon.denials), default=0)

    def negation_cue(self, sentence: str, start: int, end: int) -> str | None:
        """The cue that negates [start, end) of ``sentence``, or None."""
        left, _ = clause_bounds(sentence, start, end)
        # A clause ending in a colon that holds a cue scopes over what follows (严禁以下行为：…), and so
        # does a ban whose list goes on after a comma (禁止张贴催收告示，或拉挂横幅、摆放花圈).
        if left > 0 and (sentence[left - 1] in ":：" or sentence.startswith(self.lex.list_goes_on, left)):
            prev_left, _ = clause_bounds(sentence, left - 1, left - 1)
            cue = self._last_cue(sentence, prev_left, left - 1)
            if cue is not None:
                return cue[0]
        _, right = clause_bounds(sentence, start, end)
        # a rule's topic clause ending in 的, then its sanction (冒用法院名义的，一律按红线处理), perhaps
        # after who applies it (…吓唬客户的，质检直接判不合格)
        if right < len(sentence) and sentence[right - 1] == "的":
            following = sentence[right + 1:right + 1 + _SANCTION_ACTOR + self._longest_sanction]
            for cue in self.lex.sanctions:
                if 0 <= following.find(cue) <= _SANCTION_ACTOR:
                    return cue
        tail = sentence[start + 1:min(right, end + 16)]  # may sit inside a long match, too
        for cue in self.lex.negation_after:
            # 发生什么事都跟我们没关系 disowns what may happen; it denies nothing
            if cue in tail and not any(cue in phrase and phrase in tail for phrase in self.lex.after_not):
                return cue
        # a ban between a topic and its verb lies inside a loose match (通讯录数据不得导出)
        for cue in self.lex.negation_inside:
            position = sentence.find(cue, start, end - 1)
            if position != -1 and not self._false_friend(sentence, position, cue):
                return cue
        left = max(left, start - self.lex.window)
        cue = self._last_cue(sentence, left, start)
        if cue is None:
            # a cue that runs into the match (不|可以恐吓客户: the pattern reads 可以恐吓)
            return self._straddling_cue(sentence, start)
        word, cue_end = cue
        # a quoted 等着 is part of what is banned, and 之类的话 names it: neither is a breaker
        between = _QUOTATION.sub("", sentence[cue_end:start]).replace("之类的话", "")
        # 不会因为逾期就让您坐牢: the 就 of a negated cause belongs to the cause, only a contrast ends it
        breakers = self.lex.contrast if between.startswith(self.lex.causal) else self.lex.breakers
        if any(b in between for b in breakers):
            return None
        return word

    def denied_question(self, text: str, end: int) -> bool:
        """The sentence ending at ``end`` of ``text`` is a yes/no question that the next sentence
        answers with a denial (我们会不会跟您家人说？不会的): what the question names is negated."""
        if text[end:end + 1] != "?":
            return False
        answer = text[end + 1:end + 3 + self._longest_denial].lstrip(" ,~")
        if not self.lex.denials or not answer.startswith(self.lex.denials):
            return False
        question = text[max(0, text.rfind("\n", 0, end) + 1, end - 40):end]
        return any(marker in question for marker in self.lex.yes_no_markers)

    def _straddling_cue(self, sentence: str, start: int) -> str | None:
        # set lookups of the few substrings that cross ``start``: this runs for most matches
        for back in range(1, min(start, self._longest_cue - 1) + 1):
            position = start - back
            for length in self._cue_lengths:
                if length <= back:
                    continue
                cue = sentence[position:position + length]
                if cue in self._cue_set and not self._false_friend(sentence, position, cue):
                    return cue
        return None

    def _last_cue(self, sentence: str, left: int, right: int, cues: tuple[str, ...] | None = None,
                  false_friends: tuple[str, ...] | None = None) -> tuple[str, int] | None:
        best: tuple[int, str] | None = None
        for cue in self.lex.cues if cues is None else cues:
            position = sentence.rfind(cue, left, right)
            if position == -1 or self._false_friend(sentence, position, cue, false_friends):
                continue
            if best is None or position > best[0]:
                best = (position, cue)
        if best is None:
            return None
        return best[1], best[0] + len(best[1])

    def _false_friend(self, sentence: str, position: int, cue: str,
                      phrases: tuple[str, ...] | None = None) -> bool:
        for phrase in self.lex.not_negating if phrases is None else phrases:
            found = sentence.find(phrase, max(0, position - len(phrase) + 1), position + len(cue) + len(phrase))
            while found != -1 and found <= position + len(cue):
                if found <= position < found + len(phrase):
                    return True
                found = sentence.find(phrase, found + 1, position + len(cue) + len(phrase))
        return False

    def is_meta(self, sentence: str, start: int, end: int) -> bool:
        after = sentence[end:end + 6]
        if any(after.startswith(m) for m in self.lex.meta_after):
            return True
        # allow a short joiner: 威胁、恐吓等行为 / 侮辱或威胁性的语言
        tail = after.lstrip("、或和及与,")
        if tail != after and any(tail.startswith(m) for m in self.lex.meta_after):
            return True
        before = sentence[max(0, start - 7):start].rstrip(_OPENING)  # 俗称的“爆通讯录”: the cue sits before the quote
        for cue in self.lex.meta_before:
            if before.endswith(cue):
                # 逾期客户的驾驶证会被暂扣，你跑滴滴的话就别干了: a third-person claim told to 你 is said
                return not (cue in self.lex.third_person_owners and ("你" in sentence[end:] or "您" in sentence[end:]))
        return self._enumerated(sentence, start, end)

    def _enumerated(self, sentence: str, start: int, end: int) -> bool:
        """The match is one item of a list that the clause then names (…后果自负别怪我们不客气等模糊
        威胁用语): 等, a few words, and a naming noun after the match in its clause."""
        if not self.lex.enumerated:
            return False
        _, right = clause_bounds(sentence, start, end)
        tail = sentence[end:right]
        position = tail.find("等")
        while position != -1:
            follower = tail[position + 1:position + 2]
            if follower and follower not in _NOT_ENUMERATING:
                window = tail[position + 1:position + 1 + _ENUMERATION_REACH]
                if any(noun in window for noun in self.lex.enumerated):
                    return True
            position = tail.find("等", position + 1)
        return False

    def is_endorsed(self, sentence: str, start: int, end: int) -> bool:
        """Praise after the match, or closing it (…“你孩子几点放学我们都清楚”，客户当场答应还款，值得大家学习;
        …外呼40次，属于积极催收，予以表扬), makes a quotation or a named phrase an example to follow, so
        neither report nor meta can excuse it."""
        if self._endorsement is None:
            return False
        praise = self._endorsement.search(sentence, start)  # the praise may close the match (…，予以表扬)
        if praise is None:
            return False
        # praise after a later quotation is for that one (客户原话“…”，坐席回应“…”，值得表扬), unless
        # the quotations are one list (“窝囊废”“软骨头”这种词最能刺激客户)
        between = sentence[end:max(end, praise.start())]
        for position, mark in enumerate(between):
            if mark in "“「" and between[:position].strip("”」\"、,， "):
                return False
        return True

    @staticmethod
    def joins_quotations(sentence: str, start: int, end: int) -> bool:
        """The match starts inside one quoted item and ends inside a later one (“爆通讯录”“群发亲友”):
        the words it joins were listed side by side, never said together.  A match that holds whole
        quotations (引导去“易借花”“速借宝”借出来) is left alone."""
        span = sentence[start:end]
        if "“" not in span and "「" not in span:  # most matches: no opening quote inside, nothing to check
            return False
        marks = [c for c in span if c in "“”「」"]
        return marks[0] in "”」" and marks[-1] in "“「"

    def is_reported(self, sentence: str, start: int, end: int) -> bool:
        """Someone else's words or deeds are being reported, or a quotation is named, not said."""
        left, _ = clause_bounds(sentence, start, end)
        # A report opening the sentence scopes over the clauses after it (客户反映，…).
        if left > 0:
            head = sentence[:left - 1]
            stripped = head.rstrip("说称道")  # 客户说 → 客户; but 报道 must stay a cue as written
            if any(head.endswith(cue) or stripped.endswith(cue) for cue in self.lex.reported):
                return True
            # A third-person frame in the sentence's first clause (某地法院审理的案件中，…; 监管通报：…)
            # scopes over the whole sentence; a clause that addresses 你/您 is not a frame.
            first_left, first_right = clause_bounds(sentence, 0, 0)
            first = _QUOTATION.sub("", sentence[first_left:first_right])  # a quoted 你 belongs to the report
            if (first_right < left and "你" not in first and "您" not in first
                    and any(frame in first for frame in self.lex.frames)):
                return True
        if self._speech_banned(sentence, left, start):
            return True
        if _exam_option(sentence, start):
            return True
        left = max(left, start - self.lex.window - 4)
        # A warning against someone else's scheme (…那是诈骗，请拨110核实; 都不是我们公司的人，请直接挂断)
        if self._warning is not None and self._warning.search(sentence):
            return True
        if self._opens_with_saying_cue(sentence, left, start):
            return True
        if self.lex.reported:
            cue = self._last_cue(sentence, left, start, self.lex.reported, self.lex.not_reported)
            # a contrast after the report turns to the speaker's own words (您说不要再打了，但是…我们还是得打)
            if cue is not None and not any(c in sentence[cue[1]:start] for c in self.lex.own_turn):
                return True
        quote = quoted_span(sentence, start, end)
        if quote is None:
            closing = _orphan_closing(sentence, start, end)
            if closing is None:
                return False
            # the opening mark was lost, so only what follows the quotation can name it
            after = sentence[closing + 1:closing + 12]
            return any(m in after for m in self.lex.quote_after)
        opening, closing = _quote_group(sentence, *quote)
        introducer = sentence[max(0, opening - 12):opening]
        if any(c in introducer for c in self.lex.cues) and not any(
                f in sentence[max(0, opening - 14):opening + 1] for f in self.lex.not_negating):
            return True
        if self._last_cue(sentence, max(0, opening - 12), opening, self.lex.reported,
                          self.lex.not_reported) is not None:
            return True
        if _OPTION_LABEL.search(introducer):  # an exam or QA option: A.“…” B.“…”
            return True
        if self._banned_example(sentence, opening):
            return True
        # a ban later in the sentence (“上门费”“停催费”…，一律不准向客户开口要)
        rest = sentence[closing + 1:]
        if any(ban in rest for ban in self.lex.quote_bans):
            return True
        after = sentence[closing + 1:closing + 12]
        if any(after.startswith(m) for m in self.lex.meta_after if not m.startswith(("”", "」", '"'))):
            return True
        return any(m in after for m in self.lex.quote_after)

    def _banned_example(self, sentence: str, opening: int) -> bool:
        """A quotation given as an example right after a formal prohibition in the same sentence (不得以
        地域、职业等对客户进行贬损，例如“你们东北人”): the example is what is banned."""
        introducer = sentence[max(0, opening - 4):opening].rstrip(":：,， ")
        if not any(introducer.endswith(cue) for cue in self.lex.example_cues):
            return False
        head = sentence[:opening]
        return any(ban in head and not self._false_friend(sentence, head.rfind(ban), ban)
                   for ban in self.lex.example_bans)

    def _opens_with_saying_cue(self, sentence: str, left: int, start: int) -> bool:
        """The match begins inside a cue of saying (投诉工单：客户称夜里十一点仍收到…, where 客户 is
        also a word a pattern reads): the clause is still the customer's report."""
        for cue in self._saying_cues:
            position = sentence.find(cue, max(left, start - len(cue) + 1), start + len(cue))
            if position != -1 and position <= start:
                return True
        return False

    def _speech_banned(self, sentence: str, left: int, start: int) -> bool:
        """A ban on saying something earlier in the clause (不得向客户宣称…, 严禁对债务人说…): what
        follows in the clause is what must not be said, whatever breakers it contains.  The verb
        follows the ban directly or after its listener (向客户, 对债务人 — never 跟我: 不要跟我说你没钱
        is the agent's own retort)."""
        if self._ban_pattern is None:
            if not (self.lex.speech_bans and self.lex.speech_verbs):
                return False
            alternation = "|".join(re.escape(t) for t in self.lex.speech_bans)
            verbs = "|".join(re.escape(t) for t in self.lex.speech_verbs)
            self._ban_pattern = re.compile(
                rf"({alternation})(?:随意|随便|轻易|私自|擅自|主动|公开|再)?"
                rf"(?:(?:向|对|跟|和|给)[^,。!?;:我]{{1,6}}?)?(?:{verbs})")
        # the verb of saying may open the match itself (别跟客户|说“我们已经立案了”)
        for match in self._ban_pattern.finditer(sentence, left, min(len(sentence), start + _BAN_REACH)):
            if match.start() >= start:
                break
            if self._false_friend(sentence, match.start(), match.group(1)):
                continue
            # the agent's own reticence, not a ban (我不会说第二遍, 丑话不能说太满)
            if self._false_friend(sentence, match.start(), match.group(1), self.lex.speech_not_bans):
                continue
            # a contrast after the ban ends its scope (丑话不能说太满，但你再拖…)
            if any(b in sentence[match.end():start] for b in self.lex.speech_breakers):
                continue
            return True
        return False

    def in_idiom(self, sentence: str, start: int, end: int) -> bool:
        for idiom in self.lex.idioms:
            position = sentence.find(idiom, max(0, start - len(idiom) + 1))
            while position != -1 and position < end:
                # the idiom holds the match's first or last character: a match that merely passes
                # through an idiom (监控死角我们都摸清楚了) is about something else
                if position <= start < position + len(idiom) or position < end <= position + len(idiom):
                    return True
                position = sentence.find(idiom, position + 1)
        return False


# A multiple-choice option label right before a quotation (A.“…”, b、“…”, (c)“…”, B“…”, ②“…”).
_OPTION_LABEL = re.compile(r"((^|[^a-z0-9])\(?[a-d][.、:)）]?|[①-⑩])\s*$")
# Option labels anywhere in a sentence (a.请您按时还款 b.不还就让你社死 c.…; a“…” b“…”; ①…②…).
_OPTION_LABELS = re.compile(r"(?:^|[^a-z0-9])\(?([a-d])(?:[.、:)）]|(?=[“\"]))|([①-⑩])")
_OPTION_REACH = 40  # an option's text runs at most this far after its label
_ENUMERATION_REACH = 8  # 等 + this many characters may hold the naming noun (等模糊威胁用语)
_NOT_ENUMERATING = set("着你您我他她到一会下了待候级")  # 等着, 等你, 等一下, 等到, 等级 … are not lists
_SANCTION_ACTOR = 6  # 质检, 公司, 一经查实立即 … may come before a sanction
_BAN_REACH = 10  # a ban and its verb of saying: 不得向催收对象宣称



def _exam_option(sentence: str, start: int) -> bool:
    """The match sits in one option of a multiple-choice list (two or more labels a./b./c.)."""
    labels = [(m.group(1) or m.group(2), m.end()) for m in _OPTION_LABELS.finditer(sentence)]
    if len({letter for letter, _ in labels}) < 2:
        return False
    before = [end for _letter, end in labels if end <= start]
    return bool(before) and start - before[-1] <= _OPTION_REACH


def _orphan_closing(sentence: str, start: int, end: int) -> int | None:
    """The offset of a closing mark after the match whose opening was removed as noise or left in the
    previous sentence (…“协商？我们从不协商”，这种说法违反…: the ？ ended a sentence inside the quotation)."""
    if any(ch in _OPENING or ch in _CLOSING.values() for ch in sentence[:start]):
        return None
    found = [(position, mark) for mark in _ORPHAN_CLOSERS if (position := sentence.find(mark, end)) != -1]
    if not found:
        return None
    closing, mark = min(found)
    if mark in sentence[closing + 1:] or any(ch in _OPENING for ch in sentence[end:closing]):
        return None
    return closing


_QUOTATION = re.compile(r"“[^”]*”|「[^」]*」")
_ORPHAN_CLOSERS = ('"', "”", "」", "』")
_OPENING = "“「『‘\""
_CLOSING = {"“": "”", "「": "」", "『": "』", "‘": "’", '"': '"'}


def quoted_span(sentence: str, start: int, end: int) -> tuple[int, int] | None:
    """(opening, closing) offsets of the quotation marks around [start, end), if any."""
    for opening in range(start - 1, -1, -1):
        ch = sentence[opening]
        if ch in _CLOSING.values() and ch != '"':
            return None  # a quotation closed before the match began
        if ch in _OPENING:
            closing = sentence.find(_CLOSING[ch], end)
            # An unclosed quotation runs to the end of the sentence (its 。 split it off).
            return opening, closing if closing != -1 else len(sentence)
    return None


def _quote_group(sentence: str, opening: int, closing: int) -> tuple[int, int]:
    """Widen a quotation to the run of quotations it belongs to (“司法送达”“执行局”等字样)."""
    while opening > 0 and sentence[opening - 1] in "”」』’、" and opening >= 2:
        previous = max(sentence.rfind(o, 0, opening - 1) for o in _OPENING)
        if previous == -1:
            break
        opening = previous
    while closing + 1 < len(sentence) and sentence[closing + 1] in _OPENING + "、":
        step = closing + 2 if sentence[closing + 1] == "、" else closing + 1
        if step >= len(sentence) or sentence[step] not in _OPENING:
            break
        nxt = sentence.find(_CLOSING[sentence[step]], step + 1)
        if nxt == -1:
            break
        closing = nxt
    return opening, closing


def clause_of(sentence: str, start: int, end: int) -> str:
    left, right = clause_bounds(sentence, start, end)
    return sentence[left:right]


__all__ = ["CLAUSE_BREAK", "ContextFilter", "ContextLexicon", "clause_of"]
