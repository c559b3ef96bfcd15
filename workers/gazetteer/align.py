"""Mapping token spans of the normalized text back to the text as written.

`normalize_text` turns every run of non-word characters into one space and drops
Arabic diacritics, tatweel and combining accents without splitting words. Splitting
the original on the same separators gives the same tokens in the same order, so
token i of one is token i of the other. When the counts differ (rare: characters
whose compatibility form adds or removes a word break) spans fall back to the
normalized text."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

_MARKS = "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640"
_SEPARATORS = re.compile(f"([^\\w{_MARKS}]+)")
_ONE = (1).__add__


class Alignment:
    __slots__ = ("_base", "_norm_starts", "_offsets", "aligned", "normalized", "original")

    def __init__(self, original: str, normalized: str) -> None:
        self.original = original
        self.normalized = normalized
        norm_tokens = normalized.split(" ") if normalized else []
        self._norm_starts = list(accumulate(map(_ONE, map(len, norm_tokens)), initial=0))
        # "_" is a word character to `re` but a separator to `normalize_text`
        parts = _SEPARATORS.split(original.replace("_", " ") if "_" in original else original)
        self._base = 2 if parts and parts[0] == "" else 0
        self._offsets = list(accumulate(map(len, parts), initial=0))
        count = (len(parts) + 1) // 2 - (self._base // 2) - (1 if parts and parts[-1] == "" else 0)
        self.aligned = count == len(norm_tokens)

    def token_index(self, position: int) -> int:
        """Index of the normalized token starting at `position`."""
        return bisect_left(self._norm_starts, position)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalized span [start, end) of whole tokens."""
        if not self.aligned:
            return start, end
        first = self.token_index(start)
        last = bisect_left(self._norm_starts, end + 1) - 1
        return self._offsets[self._base + 2 * first], self._offsets[self._base + 2 * last + 1]

    def surface(self, start: int, end: int) -> str:
        first, last = self.span(start, end)
        return self.original[first:last] if self.aligned else self.normalized[first:last]

    def token(self, index: int) -> str:
        """Token `index` as written (normalized when unaligned)."""
        if not self.aligned:
            return self.normalized[self._norm_starts[index] : self._norm_starts[index + 1] - 1]
        part = self._base + 2 * index
        return self.original[self._offsets[part] : self._offsets[part + 1]]

    def token_start(self, index: int) -> int:
        """Start of normalized token `index` in the normalized text."""
        return self._norm_starts[index]

    @property
    def token_count(self) -> int:
        return len(self._norm_starts) - 1
