"""Personal data in text: mainland ID-card numbers (valid GB 11643 checksum), bank-card numbers
(valid Luhn checksum, 16–19 digits) and mobile numbers (1[3-9] + 9 digits).

Used twice: the ``pii`` pattern kind reports raw personal data inside a script, and every output
format masks these numbers so that reports never leak what they inspect.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
# Digit runs not glued to other digits; separators inside card numbers (spaces, dashes) allowed.
_DIGIT_RUN = re.compile(r"(?<![0-9A-Za-z])(\d[\d \-]{9,24}[\dXx])(?![0-9A-Za-z])")
_GROUP = re.compile(r"[\dXx]+")
_MOBILE = re.compile(r"(?<!\d)(?:\+?86[ -]?)?(1[3-9]\d[ -]?\d{4}[ -]?\d{4})(?!\d)")

KINDS = ("cn_id", "bank_card", "cn_mobile")


def valid_cn_id(number: str) -> bool:
    if len(number) != 18 or not number[:17].isdigit():
        return False
    month, day = int(number[10:12]), int(number[12:14])
    if not (1 <= month <= 12 and 1 <= day <= 31 and number[6:8] in ("19", "20")):
        return False
    total = sum(int(d) * w for d, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17].upper()


def valid_luhn(number: str) -> bool:
    if not number.isdigit() or not 16 <= len(number) <= 19:
        return False
    total = 0
    for i, digit in enumerate(reversed(number)):
        value = int(digit)
        if i % 2 == 1:
            value *= 2
            if value > 9:
                value -= 9
        total += value
    return total % 10 == 0


def _kind(raw: str, kinds: tuple[str, ...]) -> str | None:
    digits = re.sub(r"[ \-]", "", raw)
    if "cn_id" in kinds and " " not in raw and "-" not in raw and valid_cn_id(digits):
        return "cn_id"
    if "bank_card" in kinds and valid_luhn(digits):
        return "bank_card"
    return None


def _numbers(raw: str, kinds: tuple[str, ...]) -> Iterator[tuple[str, int, int]]:
    """Numbers in one separator-joined digit run: the whole run, else the longest valid runs of
    whole groups (an ID followed by " 12月" or a second number is still an ID)."""
    kind = _kind(raw, kinds)
    if kind is not None:
        yield kind, 0, len(raw)
        return
    groups = [m.span() for m in _GROUP.finditer(raw)]
    i = 0
    while i < len(groups):
        for j in range(len(groups) - 1, i - 1, -1):
            piece = raw[groups[i][0]:groups[j][1]]
            kind = _kind(piece, kinds) if len(piece) >= 11 else None
            if kind is not None:
                yield kind, groups[i][0], groups[j][1]
                i = j
                break
        i += 1


def find(text: str, kinds: tuple[str, ...] = KINDS) -> Iterator[tuple[str, int, int]]:
    """(kind, start, end) of each personal number in ``text``."""
    taken: list[tuple[int, int]] = []
    for match in _DIGIT_RUN.finditer(text):
        base = match.start(1)
        for kind, start, end in _numbers(match.group(1), kinds):
            taken.append((base + start, base + end))
            yield kind, base + start, base + end
    if "cn_mobile" in kinds:
        for match in _MOBILE.finditer(text):
            start, end = match.span(1)
            if not any(s <= start < e for s, e in taken):
                yield "cn_mobile", start, end


def mask_number(value: str, kind: str) -> str:
    digits = [c for c in value if c.isalnum()]
    keep_head, keep_tail = {"cn_id": (6, 4), "bank_card": (4, 4), "cn_mobile": (3, 4)}[kind]
    masked = digits[:keep_head] + ["*"] * (len(digits) - keep_head - keep_tail) + digits[-keep_tail:]
    return "".join(masked)


def mask(text: str) -> str:
    """``text`` with every personal number masked (110101********1234, 6222********1234, 138****5678)."""
    if not text or not any(c.isdigit() for c in text):
        return text
    spans = sorted(find(text), key=lambda s: s[1])
    if not spans:
        return text
    out, last = [], 0
    for kind, start, end in spans:
        if start < last:
            continue
        out.append(text[last:start])
        out.append(mask_number(text[start:end], kind))
        last = end
    out.append(text[last:])
    return "".join(out)
