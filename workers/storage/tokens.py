"""Search tokens: normalized words, with Arabic proclitics handled.

An Arabic word may carry a conjunction (و ف), a preposition (ب ك ل) and the
article (ال), glued on: بالرقة, والرقة, للرقة. Stripping them blindly is wrong
for words whose first letter belongs to the stem (وزير keeps its و, while
الوزير must still find وزير). So every Arabic word yields a small set of
variants (the word and each plausible stripped form). A query matches a word
when any of its variants is indexed; a document indexes each word as written
and with its longest proclitic prefix removed, which is enough for any two
proclitic forms of the same word to share an indexed form while keeping the
index small.
"""

from __future__ import annotations

from functools import lru_cache

from newswire_text import ChunkForms

from workers.text.arabic import starts_arabic, strippable_prefixes
from workers.text.normalize import normalize_text

_PROCLITICS = strippable_prefixes()
_LONGEST = max(map(len, _PROCLITICS))


@lru_cache(maxsize=1 << 18)
def variants(token: str) -> tuple[str, ...]:
    """The token, then its forms without proclitics from the shortest stem up
    (Arabic only)."""
    if not token or not starts_arabic(token):
        return (token,)
    found = [token]
    for size in range(min(_LONGEST, len(token) - 2), 0, -1):
        min_stem = _PROCLITICS.get(token[:size])
        if min_stem is not None and len(token) - size >= min_stem:
            found.append(token[size:])
    return tuple(found)


def words(text: str) -> list[str]:
    """Normalized words of `text` (diacritics, letter forms, accents and case folded)."""
    return normalize_text(text).split()


def index_text(text: str) -> str:
    """What the full-text index stores for `text`: every word, Arabic words also
    without their longest proclitic prefix."""
    try:
        return _indexed.join(text)
    except KeyError:
        if len(_indexed) >= CHUNK_LIMIT:
            _indexed.clear()
        for chunk in _indexed.unknown([text]):
            _indexed.add(chunk, indexed_words(chunk))
        return _indexed.join(text)


def indexed_words(chunk: str) -> list[str]:
    """The words `index_text` stores for one whitespace-free chunk of raw text."""
    return [form for word in words(chunk) for form in variants(word)[:2]]


CHUNK_LIMIT = 1 << 18
"""Chunks whose forms a `ChunkForms` remembers before it starts afresh (bounded memory)."""


_indexed = ChunkForms()
"""The forms of `indexed_words`, per chunk."""


def query_groups(text: str) -> list[tuple[str, ...]]:
    """One group of alternatives per query word; a document matches when it
    holds at least one alternative of every group."""
    groups: list[tuple[str, ...]] = []
    for word in words(text):
        group = variants(word)
        if group not in groups:
            groups.append(group)
    return groups


class QueryWords:
    """Recognises the words of a text that answer a query (for highlighting).

    Latin words also match on a shared stem of at least four letters, roughly
    what the stemmers of the full-text indexes do (élections ~ election).
    """

    def __init__(self, groups: list[tuple[str, ...]]) -> None:
        self._wanted = {alt for group in groups for alt in group}
        self._stems = [alt for alt in self._wanted if not starts_arabic(alt) and len(alt) >= 4]

    def __bool__(self) -> bool:
        return bool(self._wanted)

    def matches(self, raw: str) -> bool:
        """Whether a raw word of text (punctuation and all) answers the query."""
        return any(self._matches_word(word) for word in words(raw))

    def _matches_word(self, word: str) -> bool:
        if any(v in self._wanted for v in variants(word)):
            return True
        if starts_arabic(word) or len(word) < 4:
            return False
        for alt in self._stems:
            common = min(len(alt), len(word)) - 2
            if common >= 4 and word[:common] == alt[:common]:
                return True
        return False
