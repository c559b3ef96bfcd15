"""Person names the gazetteer does not know, found next to trigger words: speech
verbs ("قال", "said", "a déclaré"), roles ("المتحدث باسم", "spokesman for") and
titles ("الرئيس", "President", "M."). Latin-script names must be capitalised as
written; Arabic names are two to four tokens that are not common words."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from workers.gazetteer.build import Gazetteer, Trigger
from workers.gazetteer.inflection import ARTICLE
from workers.gazetteer.matcher import Scan

_MAX_TOKENS = 4
_LOWERCASE_SKIP = 5  # "a indiqué le porte-parole du gouvernement, Zabihullah Mujahid"
_ARTICLES = frozenset({"a", "an", "the", "un", "une", "le", "la", "l", "its", "his", "her"})
_ARABIC_SURNAME_ENDING = "ي"  # nisba family names: "البغدادي", "الحلبي"
_ARABIC_NAME_ENDINGS = frozenset({"الدين", "الله", "الرحمن", "الحق", "الاسلام"})  # "حسام الدين"
_CONJUNCTION = "و"


@dataclass(frozen=True, slots=True)
class PersonCandidate:
    name: str  # normalized
    start: int  # span of whole tokens in the normalized text
    end: int


class _Tokens:
    def __init__(self, gazetteer: Gazetteer, result: Scan) -> None:
        self.gazetteer = gazetteer
        self.alignment = alignment = result.alignment
        self.normalized = alignment.words()
        self.stopwords = gazetteer.stopwords
        starts = alignment.token_starts()
        self.covered_tokens: set[int] = set()
        for match in result.matches:
            first = bisect_left(starts, match.start)
            self.covered_tokens.update(range(first, bisect_left(starts, match.end, first)))

    def covered(self, index: int) -> bool:
        return index in self.covered_tokens

    def usable(self, index: int) -> bool:
        if not 0 <= index < len(self.normalized):
            return False
        word = self.normalized[index]
        return (
            word not in self.stopwords and not word.isdigit() and index not in self.covered_tokens
        )

    def capitalised(self, index: int) -> bool:
        return self.alignment.token_first_char(index).isupper()


def _arabic_forward(tokens: _Tokens, index: int, skip_modifiers: bool) -> list[int]:
    words = tokens.normalized
    roles = tokens.gazetteer.roles
    if skip_modifiers or (index < len(words) and words[index] in roles):
        # "وزير الخارجية الاميركي انتوني بلينكن", "المتحدث باسم الوزارة محمد العبد العالي":
        # step over the role and its complements to the name
        index += 0 if skip_modifiers else 1
        for _ in range(4):
            if index < len(words) and (
                tokens.covered(index)
                or words[index] in tokens.gazetteer.role_links
                or words[index].startswith(ARTICLE)
            ):
                index += 1
    return _arabic_name(tokens, index)


def _arabic_name(tokens: _Tokens, index: int) -> list[int]:
    words = tokens.normalized
    joiners = tokens.gazetteer.name_joiners
    picked: list[int] = []
    while len(picked) < _MAX_TOKENS and tokens.usable(index):
        word = words[index]
        if picked and word.startswith(_CONJUNCTION):
            break  # "وعرضت": a new clause, not a second name
        if word.startswith(ARTICLE) and not (
            picked
            and (
                words[picked[-1]] in joiners
                or word in joiners
                or word in _ARABIC_NAME_ENDINGS
                or word.endswith(_ARABIC_SURNAME_ENDING)
            )
        ):
            break
        picked.append(index)
        index += 1
    while picked and words[picked[-1]] in joiners:
        picked.pop()
    return picked


def _arabic_backward(tokens: _Tokens, index: int) -> list[int]:
    words = tokens.normalized
    picked: list[int] = []
    while len(picked) < 3 and tokens.usable(index) and not words[index].startswith(ARTICLE):
        picked.insert(0, index)
        index -= 1
    return picked


def _latin_run(tokens: _Tokens, index: int, step: int, skip: int = 0) -> list[int]:
    """Capitalised tokens from `index` in direction `step`; going forward, up to `skip`
    lower-case words may come first ("a déclaré le prévisionniste François Gourand")."""
    joiners = tokens.gazetteer.name_joiners
    stopwords = tokens.stopwords
    covered = tokens.covered_tokens
    words = tokens.normalized
    count = len(words)
    while (
        skip > 0
        and 0 <= index < count
        and (index in covered or words[index] in stopwords or not tokens.capitalised(index))
    ):
        index += step
        skip -= 1
    picked: list[int] = []
    while len(picked) < _MAX_TOKENS and 0 <= index < count:
        word = words[index]
        if word in joiners and picked:
            if index in covered:
                break
        elif (
            word in stopwords or word.isdigit() or index in covered or not tokens.capitalised(index)
        ):
            break
        picked.append(index)
        index += step
    if step < 0:
        picked.reverse()
    while picked and words[picked[-1]] in joiners:
        picked.pop()
    while picked and words[picked[0]] in joiners:
        picked.pop(0)
    return picked


def _name_tokens(tokens: _Tokens, trigger: Trigger, first: int, last: int) -> list[int]:
    if trigger.lang == "ar":
        if trigger.role == "before":
            return _arabic_backward(tokens, first - 1)
        return _arabic_forward(tokens, last + 1, skip_modifiers=trigger.role == "title")
    if trigger.role == "title":  # "le ministre italien des Affaires étrangères Antonio Tajani"
        return _latin_run(tokens, last + 1, 1, skip=_LOWERCASE_SKIP)
    if trigger.role == "before":
        before = first - 1
        if 0 <= before < len(tokens.normalized) and tokens.normalized[before] in _ARTICLES:
            before -= 1
        found = _latin_run(tokens, before, -1)
        if len(found) >= 2:
            return found
    return _latin_run(tokens, last + 1, 1, skip=_LOWERCASE_SKIP)


def find_candidates(
    gazetteer: Gazetteer, result: Scan, language: str | None = None
) -> Iterator[PersonCandidate]:
    """People named next to trigger words; with `language` known, only that
    language's Latin-script triggers apply (an English "Prince" in French text
    names a stadium)."""
    if not result.triggers:
        return
    tokens = _Tokens(gazetteer, result)
    alignment = result.alignment
    for hit in result.triggers:
        trigger = gazetteer.triggers[hit.entry]
        if language is not None and trigger.lang not in (language, "ar"):
            continue
        first = alignment.token_index(hit.start)
        picked = _name_tokens(tokens, trigger, first, first + trigger.tokens - 1)
        if len(picked) < 2:
            continue
        name = " ".join(tokens.normalized[i] for i in picked)
        if name in gazetteer.known_people:
            continue
        start = alignment.token_start(picked[0])
        yield PersonCandidate(name, start, start + len(name))
