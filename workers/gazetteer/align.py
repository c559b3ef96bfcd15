"""Mapping token spans of the normalized text back to the text as written.

`normalize_text` turns every run of non-word characters into one space and drops
Arabic diacritics, tatweel, combining accents and invisible characters without
splitting words, so token i of the normalized text is word-run i of the original.
Positions are found on demand: from the nearest known anchor, compiled patterns
skip whole words in C
(in power-of-two strides), so aligning every match costs about one regex pass over
the text and no per-token objects. Characters whose compatibility form adds or
removes a word break ("½", "ﷺ") make the counts differ; such texts are checked
once and fall back to normalized spans."""

from __future__ import annotations

import re
from bisect import bisect_right
from unicodedata import is_normalized

# Removed inside words by normalization: combining and Arabic marks, tatweel, and
# invisible characters (soft hyphen, zero-width and directional marks, BOM).
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640"
    "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
)
_WORD = f"[\\w{_MARKS}]"
_SEP = f"[^\\w{_MARKS}]"
_STRIDES = tuple(1 << i for i in range(11, -1, -1))  # 2048 ... 1
_SKIP = {n: re.compile(f"(?:{_SEP}*+{_WORD}++){{{n}}}") for n in _STRIDES}
_LEADING_SEP = re.compile(f"{_SEP}*+")
_ALL_WORDS = re.compile(f"(?:{_SEP}*+{_WORD}++)*+")
_WORD_RUN = re.compile(f"{_WORD}++")
_MARK = re.compile(f"[{_MARKS}]")
_WORD_CHAR = re.compile(_WORD)


class Alignment:
    __slots__ = ("_cursor", "_norm_pos", "_token", "aligned", "normalized", "original")

    def __init__(self, original: str, normalized: str) -> None:
        # "_" is a word character to `re` but a separator to `normalize_text`
        self.original = original.replace("_", " ") if "_" in original else original
        self.normalized = normalized
        # anchors: normalized position of token k, k, original offset after token k-1
        self._norm_pos = [0]
        self._token = [0]
        self._cursor = [0]
        self.aligned = True
        if not is_normalized("NFKC", self.original) or _stray_marks(self.original):
            self.aligned = _count_words(self.original) == normalized.count(" ") + 1

    def token_index(self, position: int) -> int:
        """Index of the normalized token that starts at `position`."""
        i = bisect_right(self._norm_pos, position) - 1
        return self._token[i] + self.normalized.count(" ", self._norm_pos[i], position)

    def token_start(self, index: int) -> int:
        """Start of normalized token `index` in the normalized text."""
        i = bisect_right(self._token, index) - 1
        position, k = self._norm_pos[i], self._token[i]
        for _ in range(index - k):
            position = self.normalized.index(" ", position) + 1
        return position

    def _after(self, index: int) -> int:
        """Original offset right after token index-1 (0 for index 0), -1 past the end."""
        i = bisect_right(self._token, index) - 1
        k, cursor = self._token[i], self._cursor[i]
        if k == index:
            return cursor
        remaining = index - k
        for stride in _STRIDES:
            while remaining >= stride:
                found = _SKIP[stride].match(self.original, cursor)
                if found is None:
                    return -1
                cursor = found.end()
                remaining -= stride
        return cursor

    def _remember(self, position: int, index: int, cursor: int) -> None:
        i = bisect_right(self._token, index)
        if i == 0 or self._token[i - 1] != index:
            self._token.insert(i, index)
            self._norm_pos.insert(i, position)
            self._cursor.insert(i, cursor)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalized span [start, end) of whole tokens;
        the normalized span itself when the texts do not align."""
        if not self.aligned:
            return start, end
        first = self.token_index(start)
        last = first + self.normalized.count(" ", start, end)
        before = self._after(first)
        after = self._after(last + 1) if before >= 0 else -1
        if after < 0:
            self.aligned = False
            return start, end
        self._remember(start, first, before)
        if end + 1 < len(self.normalized):
            self._remember(end + 1, last + 1, after)
        leading = _LEADING_SEP.match(self.original, before)
        return (leading.end() if leading else before), after

    def surface(self, start: int, end: int) -> str:
        first, last = self.span(start, end)
        return self.original[first:last] if self.aligned else self.normalized[first:last]

    def token(self, index: int) -> str:
        """Token `index` as written (normalized when the texts do not align)."""
        start = self.token_start(index)
        end = self.normalized.find(" ", start)
        return self.surface(start, len(self.normalized) if end < 0 else end)


def _count_words(text: str) -> int:
    found = _ALL_WORDS.match(text)
    return 0 if found is None else len(_WORD_RUN.findall(text, 0, found.end()))


def _stray_marks(text: str) -> bool:
    """A diacritic standing alone between separators is a word run to `re` but
    vanishes in normalization."""
    for mark in _MARK.finditer(text):
        start = mark.start()
        if start == 0 or _WORD_CHAR.match(text, start - 1) is None:
            return True
    return False
