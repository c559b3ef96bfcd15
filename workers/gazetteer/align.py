"""Mapping token spans of the normalized text back to the text as written.

`normalize_text` turns every run of non-word characters into one space and drops
Arabic diacritics, tatweel, combining accents and invisible characters without
splitting words, so token i of the normalized text is word-run i of the original.
One C-level split of each text (built on the first query) gives every token's
offset; a query is then two bisections. Characters whose compatibility form adds
or removes a word break ("½", "ﷺ", a diacritic standing alone) make the token
counts differ; such texts fall back to normalized spans."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

# Removed inside words by normalization: combining and Arabic marks, tatweel, and
# invisible characters (soft hyphen, zero-width and directional marks, BOM).
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640"
    "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
)
_SEPARATORS = re.compile(f"([^\\w{_MARKS}]+)")
_ONE = (1).__add__


class Alignment:
    __slots__ = (
        "_base",
        "_norm_starts",
        "_offsets",
        "_ready",
        "_words",
        "aligned",
        "normalized",
        "original",
    )

    def __init__(self, original: str, normalized: str) -> None:
        # "_" is a word character to `re` but a separator to `normalize_text`
        self.original = original.replace("_", " ") if "_" in original else original
        self.normalized = normalized
        self.aligned = True
        self._ready = False
        self._norm_starts: list[int] = []
        self._offsets: list[int] = []
        self._words: list[str] = []
        self._base = 0

    def _build(self) -> None:
        self._ready = True
        words = self._words = self.normalized.split(" ") if self.normalized else []
        self._norm_starts = list(accumulate(map(_ONE, map(len, words)), initial=0))
        parts = _SEPARATORS.split(self.original)
        self._offsets = list(accumulate(map(len, parts), initial=0))
        self._base = 2 if parts[0] == "" else 0
        count = (len(parts) + 1) // 2 - self._base // 2 - (1 if parts[-1] == "" else 0)
        self.aligned = count == len(words)

    def token_index(self, position: int) -> int:
        """Index of the normalized token that starts at `position`."""
        if not self._ready:
            self._build()
        return bisect_left(self._norm_starts, position)

    def words(self) -> list[str]:
        """The normalized tokens."""
        if not self._ready:
            self._build()
        return self._words

    def token_start(self, index: int) -> int:
        """Start of normalized token `index` in the normalized text."""
        if not self._ready:
            self._build()
        return self._norm_starts[index]

    def token_count(self) -> int:
        if not self._ready:
            self._build()
        return len(self._norm_starts) - 1

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the normalized span [start, end) of whole tokens;
        the normalized span itself when the texts do not align."""
        if not self._ready:
            self._build()
        if not self.aligned:
            return start, end
        first = bisect_left(self._norm_starts, start)
        last = bisect_left(self._norm_starts, end + 1) - 1
        return self._offsets[self._base + 2 * first], self._offsets[self._base + 2 * last + 1]

    def first_char(self, start: int) -> str:
        """First character as written of the token starting at normalized `start`."""
        if not self._ready:
            self._build()
        if not self.aligned:
            return self.normalized[start]
        return self.original[self._offsets[self._base + 2 * bisect_left(self._norm_starts, start)]]

    def surface(self, start: int, end: int) -> str:
        first, last = self.span(start, end)
        return self.original[first:last] if self.aligned else self.normalized[first:last]

    def token(self, index: int) -> str:
        """Token `index` as written (normalized when the texts do not align)."""
        if not self._ready:
            self._build()
        if not self.aligned:
            return self.normalized[self._norm_starts[index] : self._norm_starts[index + 1] - 1]
        part = self._base + 2 * index
        return self.original[self._offsets[part] : self._offsets[part + 1]]
