"""Compiled text core of newswire: normalization, token alignment, phrase matching, MinHash.

Results are frozen classes with named fields; results of one kind compare equal
when their fields do."""

from collections.abc import Sequence
from typing import final

def normalize_text(text: str) -> str: ...
def fold_arabic(text: str) -> str: ...
def analyze(text: str) -> Analysis: ...
def script_letters(text: str) -> ScriptLetters: ...
def analyze_later(
    texts: Sequence[str],
    finder: EntityFinder | None = None,
    matcher: PhraseMatcher | None = None,
) -> PendingAnalyses:
    """Analyses made on a thread of their own, each holding what `finder` and `matcher`
    find in it (their `find` and `weigh` then give it without matching again)."""

@final
class ScriptLetters:
    """Letters in Arabic script, in Latin script, and whether some are letters that
    Persian, Urdu, Kurdish or Pashto add to the Arabic alphabet."""

    @property
    def arabic(self) -> int: ...
    @property
    def latin(self) -> int: ...
    @property
    def other_alphabet(self) -> bool: ...

@final
class TextSpan:
    """Character offsets `[start, end)` in the original text."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...

@final
class Analysis:
    """A text and its normalization (made by `analyze`); token spans are `[first, last)`."""

    @property
    def original(self) -> str: ...
    @property
    def normalized(self) -> str: ...
    def __len__(self) -> int: ...
    def form(self, first: int, last: int) -> str: ...
    def span(self, first: int, last: int) -> TextSpan: ...
    def surface(self, first: int, last: int) -> str: ...
    def words(self) -> list[str]:
        """The normalized tokens, each word one Python string shared across texts."""
    def capitals(self) -> bytes:
        """Per token, 1 or 0: its word starts with an upper-case letter."""
    def breaks(self) -> bytes:
        """Per token, 1 or 0: punctuation or a line break before the next one (1 for the last)."""

@final
class WordSet:
    """Normalized words, found in an analysis by the tokens' precomputed hashes."""

    def __init__(self, words: Sequence[str]) -> None: ...
    def find(self, analysis: Analysis) -> list[int]:
        """The indexes of the tokens that are words of the set."""

@final
class PendingAnalyses:
    """Analyses made on a thread of their own, handed over in the order of the texts."""

    def take(self, count: int) -> list[Analysis]:
        """The next `count` analyses, once made."""

@final
class PhraseHit:
    """Phrase number `phrase` on tokens `[first, last)`."""

    @property
    def phrase(self) -> int: ...
    @property
    def first(self) -> int: ...
    @property
    def last(self) -> int: ...

@final
class PhraseMatcher:
    def __init__(
        self,
        phrases: Sequence[str],
        cases: Sequence[int] | None = None,
        weights: Sequence[Sequence[tuple[int, float]]] | None = None,
    ) -> None: ...
    def weigh(self, analysis: Analysis) -> list[float]: ...
    def resolve(self, analysis: Analysis) -> list[PhraseHit]: ...

@final
class Fingerprint:
    """What dedup compares: hex SHA-256 of the normalized tokens joined by spaces,
    and their MinHash signature (32-bit values, little-endian)."""

    def __init__(self, normalized_hash: str, signature: bytes) -> None: ...
    @property
    def normalized_hash(self) -> str: ...
    @property
    def signature(self) -> bytes: ...

@final
class MinHasher:
    def __init__(self, num_perm: int, seed: int) -> None: ...
    def fingerprint(
        self, analysis: Analysis, skip_from: int, skip_to: int, shingle_size: int
    ) -> Fingerprint: ...

@final
class EntryMentions:
    """The mentions of gazetteer entry `entry`: the first one's offset (characters of
    the original), how many, whether any was a name rather than an adjective, and
    the surface forms in order of first use."""

    @property
    def entry(self) -> int: ...
    @property
    def first_offset(self) -> int: ...
    @property
    def count(self) -> int: ...
    @property
    def named(self) -> bool: ...
    @property
    def surface_forms(self) -> list[str]: ...

@final
class PersonMentions:
    """The mentions of a person the gazetteer does not know, by normalized name."""

    @property
    def name(self) -> str: ...
    @property
    def first_offset(self) -> int: ...
    @property
    def count(self) -> int: ...
    @property
    def surface_forms(self) -> list[str]: ...

@final
class FoundMentions:
    """Gazetteer entries and unknown people, each in order of first mention."""

    @property
    def known(self) -> list[EntryMentions]: ...
    @property
    def people(self) -> list[PersonMentions]: ...

@final
class EntityFinder:
    """Gazetteer keys `(normalized key, entry index or -1, is a name, case rule)` and
    person triggers `(normalized phrase, language, role)`."""

    def __init__(
        self,
        keys: Sequence[tuple[str, int, bool, int]],
        triggers: Sequence[tuple[str, str, str]],
        stopwords: frozenset[str],
        joiners: frozenset[str],
        known_people: frozenset[str],
        roles: frozenset[str],
        role_links: frozenset[str],
    ) -> None: ...
    def __len__(self) -> int: ...
    def find(self, analysis: Analysis, language: str | None = None) -> FoundMentions: ...

@final
class ChunkForms:
    """Whitespace-free chunk of raw text -> its forms; KeyError names a chunk
    without forms."""

    def __init__(self) -> None: ...
    def __len__(self) -> int: ...
    def clear(self) -> None: ...
    def unknown(self, texts: Sequence[str]) -> list[str]: ...
    def add(self, chunk: str, forms: Sequence[str]) -> None: ...
    def join(self, text: str) -> str: ...
    def tsvector(self, headline: str, body: str) -> str | None: ...
