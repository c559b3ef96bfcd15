"""Mapping token spans of the normalized text back to the text as written.

`normalize_text` turns every run of non-word characters into one space and drops
Arabic diacritics, tatweel, combining accents and invisible characters without
splitting words, so token i of the normalized text is word-run i of the original.
Characters whose compatibility form adds or removes a word break ("½", "ﷺ", a
diacritic standing alone) make the token counts differ; such texts fall back to
normalized spans.

The word runs of the original are found per space-separated piece through a
cache: news vocabulary repeats, so splitting a text at spaces and looking its
pieces up costs far less than running a Unicode character class over every
character. A query is then two bisections."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, chain

# Removed inside words by normalization: combining and Arabic marks, tatweel, and
# invisible characters (soft hyphen, zero-width and directional marks, BOM).
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640"
    "\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff"
)
_WORD_RUN = re.compile(f"[\\w{_MARKS}]+")
_ONE = (1).__add__

PIECE_CACHE_SIZE = 1 << 16


class _PieceRuns(dict[str, tuple[int, ...]]):
    """Word runs of one space-free piece: flat (start, end, start, end, ...) offsets.
    Emptied when full."""

    def __missing__(self, piece: str) -> tuple[int, ...]:
        if len(self) >= PIECE_CACHE_SIZE:
            self.clear()
        runs = self[piece] = tuple(chain.from_iterable(m.span() for m in _WORD_RUN.finditer(piece)))
        return runs


_piece_runs = _PieceRuns()


class Alignment:
    __slots__ = (
        "_norm_starts",
        "_piece_offsets",
        "_piece_starts",
        "_ready",
        "_run_bounds",
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
        self._words: list[str] = []
        self._piece_offsets: list[tuple[int, ...]] = []
        self._piece_starts: list[int] = []
        self._run_bounds: list[int] = []

    def _build(self) -> None:
        self._ready = True
        words = self._words = self.normalized.split(" ") if self.normalized else []
        self._norm_starts = list(accumulate(map(_ONE, map(len, words)), initial=0))
        # a line break separates pieces as a space does ("end.\n\nNext" would be a piece
        # seen once, missing the cache); the same length keeps every offset
        pieces = self.original.replace("\n", " ").split(" ")
        self._piece_offsets = offsets = list(map(_piece_runs.__getitem__, pieces))
        # piece j starts at _piece_starts[j] + j (one space before each piece but the first)
        self._piece_starts = list(accumulate(map(len, pieces), initial=0))
        # word runs before piece j, counted twice (one start and one end offset each)
        self._run_bounds = list(accumulate(map(len, offsets), initial=0))
        self.aligned = self._run_bounds[-1] == 2 * len(words)

    def _run(self, index: int) -> tuple[int, int]:
        """Original (start, end) of word run `index`."""
        bound = 2 * index
        piece = bisect_right(self._run_bounds, bound) - 1
        offsets = self._piece_offsets[piece]
        local = bound - self._run_bounds[piece]
        base = self._piece_starts[piece] + piece
        return base + offsets[local], base + offsets[local + 1]

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

    def token_starts(self) -> list[int]:
        """Start of every normalized token in the normalized text, then its length + 1."""
        if not self._ready:
            self._build()
        return self._norm_starts

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
        return self._run(first)[0], self._run(last)[1]

    def first_char(self, start: int) -> str:
        """First character as written of the token starting at normalized `start`."""
        if not self._ready:
            self._build()
        if not self.aligned:
            return self.normalized[start]
        return self.original[self._run(bisect_left(self._norm_starts, start))[0]]

    def token_first_char(self, index: int) -> str:
        """First character as written of token `index`."""
        if not self._ready:
            self._build()
        if not self.aligned:
            return self.normalized[self._norm_starts[index]]
        return self.original[self._run(index)[0]]

    def surface(self, start: int, end: int) -> str:
        first, last = self.span(start, end)
        return self.original[first:last] if self.aligned else self.normalized[first:last]

    def token(self, index: int) -> str:
        """Token `index` as written (normalized when the texts do not align)."""
        if not self._ready:
            self._build()
        if not self.aligned:
            return self.normalized[self._norm_starts[index] : self._norm_starts[index + 1] - 1]
        first, last = self._run(index)
        return self.original[first:last]
