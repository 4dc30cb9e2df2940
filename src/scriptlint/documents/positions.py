"""Offsets in a file's text to 1-based (line, column) in code points, and back to raw lines."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable

_LINE_BREAKS = ("\r\n", "\n", "\r")


class LineIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        starts = [0]
        i = 0
        while True:
            j = text.find("\n", i)
            if j == -1:
                break
            starts.append(j + 1)
            i = j + 1
        self.starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_text(self, line: int) -> str:
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else len(self.text)
        return self.text[start:end].rstrip("\r")


def linear(index: LineIndex, base: int) -> Callable[[int], tuple[int, int]]:
    """Segment text that is a verbatim slice of the file starting at ``base``."""
    return lambda offset: index.position(base + offset)


def piecewise(index: LineIndex, value: str, start_hint: int, fallback: int) -> Callable[[int], tuple[int, int]]:
    """Segment text that was unescaped from the file (JSON/YAML/CSV strings).

    The value is cut at characters that escaping changes (newline, quotes, backslash, tab); each
    piece is found in the raw text in order after ``start_hint``, giving a piecewise map.  Pieces
    that cannot be found map to the last found position (or ``fallback``).
    """
    raw = index.text
    anchors: list[tuple[int, int]] = []  # (value offset, raw offset)
    cursor = start_hint
    piece_start = 0
    for i, ch in enumerate([*value, "\n"]):
        if ch in '\n"\\\t\'\r' or i == len(value):
            piece = value[piece_start:i]
            if piece:
                found = raw.find(piece, cursor)
                if found != -1:
                    anchors.append((piece_start, found))
                    cursor = found + len(piece)
            piece_start = i + 1
    if not anchors:
        return lambda offset: index.position(fallback)
    keys = [a[0] for a in anchors]

    def locate(offset: int) -> tuple[int, int]:
        k = max(bisect_right(keys, offset) - 1, 0)
        value_start, raw_start = anchors[k]
        return index.position(raw_start + max(offset - value_start, 0))

    return locate
