"""PostgreSQL tsvectors built in the application, identical to

    setweight(to_tsvector(config, search_headline), 'A')
    || setweight(to_tsvector(config, search_body), 'B')

over the indexed text of `tokens.index_text`.

Most of `to_tsvector`'s cost is its parser walking every character of every
word; the stemmer and the tsvector itself are cheap. Here each distinct word is
analysed once by the server (its parser and dictionaries, so the lexemes are
the server's own) and remembered; an article's vector is then assembled from
those analyses with PostgreSQL's position rules (positions counted per
recognized token, stop words included; at most 255 positions per lexeme in
each part and 256 in all; positions clamped at 16383; the body shifted by the
highest position the headline holds).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate, chain

from newswire_text import ChunkForms

from workers.storage.tokens import CHUNK_LIMIT, indexed_words

Slot = tuple[str, ...]
"""The lexemes at one position, each written as a tsvector literal prefix (`'lexeme':`)."""
Analyse = Callable[[str, list[str]], dict[str, tuple[Slot, ...]]]
"""Asks the server for the slots of words under a configuration."""

MAX_POSITION = 16383
"""MAXENTRYPOS - 1: larger positions are clamped to it."""
MAX_PART_POSITIONS = 255
"""Positions of one lexeme kept by `to_tsvector` (MAXNUMPOS - 1)."""
MAX_POSITIONS = 256
"""Positions of one lexeme kept by `||` (MAXNUMPOS)."""
MAX_TOKEN_BYTES = 2047
"""Tokens this long or longer are skipped by the parser (MAXSTRLEN)."""

ANALYSIS_SQL = """
WITH tokens AS MATERIALIZED (
    SELECT p.k, p.tokid, p.token,
           sum(length(p.token)) OVER (ORDER BY p.k) - length(p.token) AS start
    FROM ts_parse(
        (SELECT cfgparser FROM pg_catalog.pg_ts_config WHERE oid = %(config)s::regconfig), %(text)s
    ) WITH ORDINALITY AS p(tokid, token, k)
), lexized AS MATERIALIZED (
    SELECT t.k, t.start, m.mapseqno,
           pg_catalog.ts_lexize(m.mapdict::regdictionary, t.token) AS lexemes
    FROM tokens t
    JOIN pg_catalog.pg_ts_config_map m
      ON m.mapcfg = %(config)s::regconfig AND m.maptokentype = t.tokid
    WHERE octet_length(t.token) < %(max_bytes)s
)
SELECT DISTINCT ON (k) start, lexemes FROM lexized
WHERE lexemes IS NOT NULL
ORDER BY k, mapseqno
"""
"""What `to_tsvector` does per token, for the words of `text` at once: the
configuration's parser, then its dictionaries for the token type in order until
one recognizes the token (a stop word is recognized with no lexeme and still
takes a position). Rows: the token's character offset in `text`, its lexemes."""


def literal(lexeme: str) -> str:
    """`lexeme` as the start of a tsvector literal entry."""
    return "'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "':"


def analysis_text(words: list[str]) -> str:
    """The text `ANALYSIS_SQL` parses for `words` (no token spans a space)."""
    return " ".join(words)


def slots_of(
    rows: Iterable[tuple[int, Sequence[str]]], words: list[str]
) -> dict[str, tuple[Slot, ...]]:
    """Group `ANALYSIS_SQL` rows by the word each token starts in."""
    starts = list(accumulate((len(w) + 1 for w in words[:-1]), initial=0))
    found: dict[str, list[Slot]] = {word: [] for word in words}
    for start, lexemes in rows:
        word = words[bisect_right(starts, start) - 1]
        found[word].append(tuple(literal(x) for x in dict.fromkeys(lexemes)))
    return {word: tuple(slots) for word, slots in found.items()}


class TsvectorBuilder:
    """Builds tsvector literals; remembers the analysis of every word it has seen,
    per text-search configuration.

    Each chunk of raw text is remembered as its tsvector entry prefixes, one per
    position (empty for a stop word), and the compiled text core assembles an
    article's literal from them: one `'lexeme':position` entry per token, in
    text order, the server's tsvector input merging the entries of a lexeme."""

    def __init__(self) -> None:
        self._words: dict[str, dict[str, tuple[Slot, ...]]] = {}
        self._chunks: dict[str, ChunkForms] = {}

    def prepare(self, config: str, texts: list[str], analyse: Analyse) -> None:
        """Make sure every chunk of `texts` is known under `config` (one call to
        `analyse` for all the words not seen before). The memory is bounded by
        emptying it here, never between `prepare` and `build`."""
        words = self._words.setdefault(config, {})
        chunks = self._chunks.setdefault(config, ChunkForms())
        if len(chunks) >= CHUNK_LIMIT or len(words) >= CHUNK_LIMIT:
            chunks.clear()
            words.clear()
        pending = {chunk: indexed_words(chunk) for chunk in chunks.unknown(texts)}
        unknown = list(dict.fromkeys(w for ws in pending.values() for w in ws if w not in words))
        if unknown:
            words.update(analyse(config, unknown))
        for chunk, chunk_words in pending.items():
            slots = chain.from_iterable(map(words.__getitem__, chunk_words))
            chunks.add(chunk, [_SEVERAL if len(s) > 1 else "".join(s) for s in slots])

    def build(self, config: str, headline: str, body: str) -> str:
        """The weighted tsvector literal of an article; every chunk must have been prepared."""
        found = self._chunks[config].tsvector(headline, body)
        if found is None:
            return _exact(self._slots(config, headline), self._slots(config, body))
        return found

    def _slots(self, config: str, text: str) -> list[Slot]:
        words = self._words[config]
        return [slot for c in text.split() for w in indexed_words(c) for slot in words[w]]


_SEVERAL = "\x00"
"""Stands for a position with several lexemes (no built-in configuration has one);
the same marker as the compiled text core's."""


def _part(slots: list[Slot]) -> dict[str, list[int]]:
    """One `to_tsvector` result: positions per lexeme, clamped, capped."""
    positions: dict[str, list[int]] = {}
    for position, slot in enumerate(slots, 1):
        clamped = min(position, MAX_POSITION)
        for lexeme in slot:
            kept = positions.setdefault(lexeme, [])
            if not kept or (
                len(kept) < MAX_PART_POSITIONS and kept[-1] not in (clamped, MAX_POSITION)
            ):
                kept.append(clamped)
    return positions


def _exact(head_slots: list[Slot], body_slots: list[Slot]) -> str:
    """The general case (long texts): PostgreSQL's rules step by step."""
    head = _part(head_slots)
    body = _part(body_slots)
    shift = max((p[-1] for p in head.values() if p), default=0)
    entries = {lexeme: [f"{p}A" for p in positions] for lexeme, positions in head.items()}
    for lexeme, positions in body.items():
        kept = entries.setdefault(lexeme, [])
        last = head[lexeme][-1] if head.get(lexeme) else 0
        for p in positions:
            if len(kept) >= MAX_POSITIONS or last == MAX_POSITION:
                break
            last = min(p + shift, MAX_POSITION)
            kept.append(f"{last}B")
    return " ".join(lexeme + ",".join(labels) for lexeme, labels in entries.items())
