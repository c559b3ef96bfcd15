"""Shapes of single words and tokens that every kind of name is judged by: a word
glued to the one before or hyphenated to it, a Latin article or possessive inside a
name, an Arabic nisba, a bare name (an Amazigh one among them), "علي" as written."""

from __future__ import annotations

from workers.gazetteer.names.rules import ALI_WRITTEN, APOSTROPHES, POSSESSIVE, NameRules
from workers.text.arabic import (
    AND,
    ARTICLE,
    ARTICLE_FORMS,
    NISBA_ADJECTIVE_ENDINGS,
    is_arabic,
)
from workers.text.tokens import Tokens


def seat_follows(text: Tokens, index: int, shortest: int = 2) -> bool:
    """Token `index` is "في" or a word of `shortest` letters or more with "ب" on it,
    joined to the one before: where a body sits may follow ("المديرية الإقليمية للوزارة
    بتارودانت")."""
    if index >= len(text.words) or not text.joined(index - 1):
        return False
    word = text.words[index]
    return word == IN_ARABIC or (word.startswith(BI) and len(word) >= shortest)


PARTICIPLE_ENDING = "ed"
"""A hyphenated word ending so describes the name after it ("Toronto-listed",
"London-based"), no part of it."""

POSSESSIVES_IN_NAMES = frozenset(("people", "women", "children", "men", "lord"))
"""Words whose possessive stands inside bodies' names ("Uganda People's Congress",
"Women's Rights Association", "Lord's Resistance Army"), where a country's or a
person's opens the phrase ("Nigeria's People's Democratic Party")."""

SAINTS = frozenset(("st", "saint"))


def possessive_in_name(text: Tokens, index: int) -> bool:
    """Token `index` is the possessive "s" of a capitalised word of
    `POSSESSIVES_IN_NAMES`, between two words of a name."""
    before = index - 1
    return (
        before >= 0
        and text.words[index] == POSSESSIVE
        and (
            text.words[before] in POSSESSIVES_IN_NAMES
            # "St Patrick's High School": a saint's, whom the school is named for
            or (before > 0 and text.words[before - 1] in SAINTS and text.joined(before - 1))
        )
        and bool(text.caps[before])
        and text.joined(before)
        and between(text, before) in APOSTROPHES
    )


LATIN_ARABIC_ARTICLES = frozenset(("al", "el", "ad", "ar", "as", "ash", "at", "az", "an"))
"""The Arabic article as Latin script writes it, hyphenated to a name ("al-Hussein")."""


def article_before(text: Tokens, index: int) -> bool:
    """Token `index` is the Arabic article hyphenated to the capitalised name after it
    ("al-Hussein Teaching Hospital", "Ibn al-Khatib Hospital"): part of the name."""
    following = index + 1
    if not (
        following < len(text.words)
        and text.words[index] in LATIN_ARABIC_ARTICLES
        and text.caps[following]
        and text.joined(index)
    ):
        return False
    return glued(text, index) == HYPHEN


def hyphenated(text: Tokens, index: int) -> bool:
    """A capitalised token `index` and a lower-case one after it make one word with a
    hyphen ("Co-operative"), which a name runs on through."""
    following = index + 1
    if not (
        following < len(text.words)
        and text.caps[index]
        and not text.caps[following]
        and text.joined(index)
    ):
        return False
    return glued(text, index) == HYPHEN


HYPHEN = "-"


def glued(text: Tokens, index: int) -> str:
    """What stands between token `index` and the next one, as written: a mark that
    makes one word of them ("-" of "Co-operative", "'" of "Eto'o") when no space does;
    nothing after the last token."""
    if index + 1 >= len(text.words):
        return ""
    analysis = text.analysis
    end = analysis.span(index, index + 1).end
    return analysis.original[end : analysis.span(index + 1, index + 2).start]


def written_word(text: Tokens, index: int) -> str:
    """Token `index` as the text writes it, before normalization."""
    span = text.analysis.span(index, index + 1)
    return text.analysis.original[span.start : span.end]


def between(text: Tokens, index: int) -> str:
    """What stands between token `index` and the next one, spaces left out."""
    return glued(text, index).strip()


def field_described(rules: NameRules, text: Tokens, index: int) -> bool:
    """At token `index`, a definite noun and a definite adjective or a second noun
    after "و": the field a department of government is for ("دائرة الأرصاد الجوية",
    "دائرة الأحوال المدنية والجوازات"), where one noun alone is as often a circle
    ("دائرة الضوء", "دائرة العنف")."""
    words, following = text.words, index + 1
    if following >= len(words) or not (text.joined(index - 1) and text.joined(index)):
        return False
    noun, after = words[index], words[following]
    return (
        noun.startswith(ARTICLE)
        and noun not in rules.arabic_ends
        and noun not in rules.stopwords
        and (
            (after.startswith(ARTICLE) and (nisba(after) or after in rules.arabic_adjectives))
            or (after.startswith(AND + ARTICLE) and after[len(AND) :] not in rules.arabic_ends)
        )
    )


SCHOOL_KINDS = frozenset(
    ("classique", "pilote", "moderne", "technique", "professionnel", "bilingue", "agricole")
)


def inside_run(rules: NameRules, text: Tokens, index: int) -> bool:
    """A capitalised word other than an article, a title or a role ("Opener Abdullah
    Shafique") runs on to token `index`."""
    if index == 0 or not text.joined(index - 1) or not text.caps[index - 1]:
        return False
    before = text.words[index - 1]
    return (
        before not in rules.leading and before not in rules.stopwords and before not in rules.roles
    )


IN_ARABIC = "في"

FEMININE_PLURAL = "ات"
"""The sound feminine plural's ending: never an adjective of a body, whose adjectives
are singular."""

SOUND_PLURAL = "ون"
"""The nominative of a sound plural, which a construct's second noun never takes."""


def nisba_adjective(word: str) -> bool:
    """A definite adjective of relation (normalized): "السعوديه", "الجمهوري"."""
    return nisba(word)


MIN_NISBA_LETTERS = len(ARTICLE) + 3
"""The article, a stem of two letters at least and the ending: "إلى" normalized
("الي") has the shape and is none."""


def nisba(word: str) -> bool:
    """A definite adjective of relation: "السعوديه", "التونسي", "الوطني"."""
    return (
        len(word) >= MIN_NISBA_LETTERS
        and word.startswith(ARTICLE)
        and word.endswith(NISBA_ADJECTIVE_ENDINGS)
    )


PARTICIPLE_STEMS = ("مت", "مست")
"""How participles of forms V, VI and X open ("متخصصة", "مستقلة")."""

BI = "ب"

ALI = "علي"
"""Normalized, both the given name Ali and the preposition "على"."""


def ali_written(text: Tokens, index: int) -> bool:
    """Token `index` is the given name Ali as written ("علي", "وعلي"), not the
    preposition "على" that normalizes alike."""
    return text.words[index].endswith(ALI) and written_word(text, index) in ALI_WRITTEN


PLACE_PREPOSITIONS = "بفك"
"""Prepositions that put a place after a body's name, not in it (ل makes its
complement: "المفوضية السامية للأمم المتحدة")."""


def foreign_word(rules: NameRules, word: str) -> bool:
    """An Arabic word without the article, no ordinary or stop word: after a foreign
    name's link one of the name, though shaped like a verb in the present ("توبرو")."""
    return (
        is_arabic(word)
        and not word.startswith(ARTICLE_FORMS)
        and word not in rules.common
        and word not in rules.stopwords
    )


def bare_name(rules: NameRules, word: str) -> bool:
    """One word without the article that may name a company, a club or a person:
    Arabic, no ordinary word, not shaped like a verb in the present ("تتعامل") unless
    shaped as a Maghreb family name ("تيطراوي"), no preposition or conjunction with
    the article ("بالرباط")."""
    return foreign_word(rules, word) and (
        word in rules.place_keys
        or not (len(word) > 3 and word[0] in PRESENT_PREFIXES)
        or (len(word) >= MIN_AWI_LETTERS and word.endswith(AWI))
        or _amazigh_feminine(word)
    )


def _amazigh_feminine(word: str) -> bool:
    """The Amazigh feminine in "ت...ت" with a long vowel before its last consonant
    ("تماسينت", "تفرسيت", "تارودانت"), a place's or a family's name; a verb with the
    same letters at its ends has none there ("تضررت", "تراجعت")."""
    return (
        len(word) >= MIN_AMAZIGH_LETTERS and word[0] == AMAZIGH_T and word.endswith(AMAZIGH_ENDINGS)
    )


PRESENT_PREFIXES = "يتن"
"""The letters a verb in the present opens with ("يقول", "تشهد", "نعمل")."""

AMAZIGH_T = "ت"

AMAZIGH_ENDINGS = ("يت", "ينت", "انت")

MIN_AMAZIGH_LETTERS = 6

AWI = "اوي"
"""The nisba ending of Maghreb family names ("تيطراوي", "يحياوي"), which a verb in
the present has in "يساوي" alone."""

MIN_AWI_LETTERS = 6
