"""Arabic places nobody knows, found by the place word before them ("ولاية مرباط"),
after them, or listed after a plural one ("ولايات مرباط وسدح وضلكوت")."""

from __future__ import annotations

from collections.abc import Iterable

from newswire_text import WordSet

from workers.gazetteer.names.people import (
    ACCUSATIVE_ENDING,
    FATHER,
    MAX_PLACE_LINKS,
    MAX_PLACE_WORDS,
    PARTICIPLE_MIM,
    names_after,
    not_a_name,
    ordinary_word,
    verbal_noun,
)
from workers.gazetteer.names.rules import Name, NameRules
from workers.gazetteer.names.word_shapes import (
    FEMININE_PLURAL,
    HYPHEN,
    PARTICIPLE_STEMS,
    SOUND_PLURAL,
    bare_name,
    between,
    nisba,
)
from workers.text.arabic import (
    AND,
    ARTICLE,
    LAM,
    NISBA_ADJECTIVE_ENDINGS,
    TEH_MARBUTA,
    is_arabic,
)
from workers.text.tokens import Tokens


def places_by_their_word(
    rules: NameRules,
    text: Tokens,
    place_words: WordSet,
    links: frozenset[str],
    ands: frozenset[str],
    taken: Iterable[tuple[int, int]],
    arabic: bool = False,
) -> list[Name]:
    """Places the gazetteer does not know, named in Latin script right after a
    lower-case place word ("the town of Banibangou", "des villages de Widou
    Thiengoly, Tessékéré et Labgar"): the capitalised words after it and its links,
    and each name a list goes on with after a comma or "and"; none the gazetteer
    knows, none in the `taken` token spans, none that holds a head noun or a stop
    word or opens with a given name. In Arabic copy (`arabic`), the name after an
    Arabic place word (`arabic_place_after`)."""
    hits = place_words.find(text.analysis)
    if not hits:
        return []
    words, caps, count = text.words, text.caps, len(text.words)
    found: list[Name] = []
    index = 0
    for hit in hits:
        if arabic:
            if (name := arabic_place_after(rules, text, hit)) is not None:
                found.append(name)
            continue
        if hit < index or hit + 1 >= count or caps[hit] or not text.joined(hit):
            continue
        index = hit + 1
        if not caps[index] and words[index] not in links:
            continue
        start = text.past(index, links, MAX_PLACE_LINKS)
        # a list goes on over commas and is closed by "and": a name after a comma that
        # no "and" follows is an apposition ("la région Atsinanana, Lalao Rasoamanana,")
        listed: list[Name] = []
        closed, after_comma = 0, False
        while start < count and caps[start]:
            plain = text.capitalised_end(start, MAX_PLACE_WORDS)
            end = _hyphenated_end(text, ands, start, plain)
            run = (
                words[start:end] if end == plain else [w for w in words[start:end] if w not in ands]
            )
            if end == start or not _unknown_place(rules, run):
                break
            listed.append(Name("place", " ".join(words[start:end]), start, end))
            if not after_comma:
                closed = len(listed)
            index = end
            if end >= count:
                break
            after_comma = between(text, end - 1) == ","
            if after_comma:
                following = end
            elif text.joined(end - 1) and words[end] in ands:
                following = end + 1
            else:
                break
            if following < count and words[following] in ands and text.joined(following):
                following, after_comma = following + 1, False  # ", and"
            start = text.past(following, links, MAX_PLACE_LINKS)
        found += listed[:closed]
    if found:
        spans = list(taken)
        found = [n for n in found if not any(a < n.last and n.first < b for a, b in spans)]
    return found


UPPER = frozenset(("haut", "haute"))
"""French "upper", a head of bodies ("Haut conseil") that a hyphen binds to a
region's name instead ("Haut-Katanga")."""


def _hyphenated_end(text: Tokens, ands: frozenset[str], start: int, end: int) -> int:
    """The end of a capitalised name that goes on over "et" or "and" written between
    hyphens ("Logone-et-Chari", one department): else `end`."""
    words = text.words
    while (
        start < end < len(words) - 1
        and words[end] in ands
        and between(text, end - 1) == HYPHEN
        and between(text, end) == HYPHEN
        and text.caps[end + 1]
    ):
        end = max(text.capitalised_end(end + 1, MAX_PLACE_WORDS), end + 2)
    return end


def places_before_their_word(
    rules: NameRules,
    text: Tokens,
    place_words: WordSet,
    ands: frozenset[str],
    taken: Iterable[tuple[int, int]],
) -> list[Name]:
    """Places the gazetteer does not know, named in Latin script right before a
    lower-case administrative word ("Kulaura upazila", "Migori county"), and the names
    a list of them goes back over ("Chhatak, Dowarabazar and Tahirpur sub-districts");
    none the gazetteer knows, none in the `taken` token spans, none that holds a head
    noun or a stop word or opens with a given name."""
    hits = place_words.find(text.analysis)
    if not hits:
        return []
    words, caps = text.words, text.caps
    found: list[Name] = []
    for hit in hits:
        if caps[hit]:
            continue
        end = hit - 1 if hit > 0 and words[hit - 1] == SUB and text.joined(hit - 1) else hit
        if end == 0 or not text.joined(end - 1):
            continue
        while end > 0 and caps[end - 1]:
            start = text.capitalised_start(end, MAX_PLACE_WORDS)
            if start == end:
                break  # part of a longer name
            name = " ".join(words[start:end])
            if name not in rules.keys:  # a known one is the gazetteer's; the list goes on
                if not _unknown_place(rules, words[start:end]):
                    break
                found.append(Name("place", name, start, end))
            before = start - 1  # back over a list: "A, B and C sub-districts"
            if before >= 0 and words[before] in ands and text.joined(before):
                end = before
            elif before >= 0 and between(text, before) == ",":
                end = start
            else:
                break
    if found:
        spans = list(taken)
        found = [n for n in found if not any(a < n.last and n.first < b for a, b in spans)]
    return found


SUB = "sub"
""""sub" of "sub-district", whose "district" is the place word."""


def arabic_place_after(rules: NameRules, text: Tokens, hit: int) -> Name | None:
    """The place the gazetteer does not know after an Arabic place word ("قرية ود
    الحليو", "بلدة تينبكتو"): a name word without the article, then one more or a
    definite word that is no adjective; no given name, no word shaped as an
    adjective, a verb or no name."""
    words, count = text.words, len(text.words)
    start = hit + 1
    if start >= count or not text.joined(hit):
        return None
    if hit > 0 and text.joined(hit - 1) and words[hit - 1].isdigit():
        return None  # "نحو 300 مخيم باتت تشغل": a count of camps, no camp's name
    if hit > 0 and text.joined(hit - 1) and _plurals_adjective(words[hit - 1], words[hit]):
        return None  # "سلالات محلية جمعت": the plural's adjective, no place word
    prefix = words[start] in rules.toponym_prefixes
    if not prefix and not _unknown_arabic_place_word(rules, words[start]):
        # a name with the article, alone before the phrase goes on: "مخيم الجفينة"
        if (
            words[hit] not in rules.arabic_heads  # "مديرية الحراج", "دائرة المحاسبات"
            and _definite_place_word(rules, words[start])
            and _list_item_ends(rules, text, start + 1)
            and (words[hit] not in rules.several_places or _next_listed(rules, text, start + 1))
        ):
            return Name("place", words[start], start, start + 1)
        return None
    end = start + 1
    if end < count and text.joined(start):
        following = words[end]
        if (
            # "ولايتي مرباط وطاقة": "و" opens the list's next place
            (_unknown_arabic_place_word(rules, following) and not following.startswith(AND))
            or (prefix and _after_toponym_prefix(rules, following))
            or (
                following.startswith(ARTICLE)
                and not nisba(following)
                and not _agreeing_participle(following)  # "قرية فوغالة المجاورة"
                and following not in rules.keys
                and following not in rules.stopwords
                and following not in rules.arabic_ends
            )
        ):
            end += 1
    if prefix and end == start + 1:
        return None
    name = " ".join(words[start:end])
    return None if name in rules.keys else Name("place", name, start, end)


ADJECTIVE_PLACE_WORDS = frozenset(("محليه", "بلديه"))
"""Place words that are adjectives too: "محلية" a locality and local, "بلدية" a
municipality and municipal."""


def _plurals_adjective(before: str, place_word: str) -> bool:
    """A place word that is an adjective too, after an indefinite plural of things
    ("سلالات محلية", "انتخابات بلدية"): the adjective such a plural takes, no locality
    or municipality."""
    return (
        place_word in ADJECTIVE_PLACE_WORDS
        and before.endswith(FEMININE_PLURAL)
        and not before.startswith(ARTICLE)
        and is_arabic(before)
    )


def _next_listed(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is a list's next place: "و" and a place's name ("والجازر")."""
    if index >= len(text.words) or not text.joined(index - 1):
        return False
    word = text.words[index]
    if not word.startswith(AND) or word in ALONE:
        return False
    bare = word.removeprefix(AND)
    return bare in rules.place_keys or _place_name_word(rules, bare)


def _definite_place_word(rules: NameRules, word: str) -> bool:
    """A word with the article that may name a place after a place word: no head or
    plural of people ("مخيم النازحين"), and a word that may name a place
    (`_place_name_word`)."""
    return (
        word.startswith(ARTICLE)
        and word not in rules.arabic_heads
        and not word.endswith(PEOPLES_PLURALS)
        and _place_name_word(rules, word)
    )


def _place_name_word(rules: NameRules, word: str) -> bool:
    """An Arabic word, with the article or without, that may name a place nobody
    knows: no key, ordinary word (with or without its article), given name, stop word,
    word that ends a name, place word, adjective or word of no name."""
    bare = word.removeprefix(ARTICLE)
    return (
        is_arabic(word)
        and len(bare) >= MIN_LISTED_LETTERS
        and word not in rules.keys
        and not ordinary_word(rules, word)
        and not ordinary_word(rules, bare)
        and word not in rules.given_arabic
        and word not in rules.stopwords
        and word not in rules.arabic_ends
        and word not in rules.place_words
        and bare not in rules.place_words
        and not nisba(word)
        and not not_a_name(word)
    )


PEOPLES_PLURALS = ("ين", SOUND_PLURAL)

NOUN_PHRASE_ADJECTIVE_ENDINGS = (*PEOPLES_PLURALS, "اء", FEMININE_PLURAL)
"""Endings of the plural and colour adjectives a body's definite noun may take that
the lists lack ("المتقاعدين", "الخضراء")."""


def places_in_lists(
    rules: NameRules,
    text: Tokens,
    places: Iterable[tuple[int, int]],
    taken: Iterable[tuple[int, int]],
) -> list[Name]:
    """(Arabic) The places nobody knows that a list of places goes on with, each on
    its "و" ("قرى عيمة والعيص وغرندل", "طمون وطوباس وعقابا"): after a place the
    story names (`places`: the token spans of those found otherwise; a known place
    of a country, not the country), the next item is one too when it is a word that
    may be a name, no key, given name, head, ordinary word, place word or adjective;
    or a toponym's prefix and its word ("وأبو فلوس"). None in the `taken` spans."""
    words, count = text.words, len(text.words)
    after = sorted(
        {last for _, last in places} | {i + 1 for i in rules.local_places.find(text.analysis)}
    )
    queue = [i for i in after if i < count and words[i][:1] == AND]
    if not queue:
        return []
    blocked = {i for first, last in taken for i in range(first, last)}
    found = [
        Name("place", words[first - 1], first - 1, first)
        for first, _ in sorted(set(places))
        if first - 1 not in blocked and _place_before_listed(rules, text, first)
    ]
    for index in queue:  # grows as each place found goes on with the list
        word = words[index]
        if index in blocked or not text.joined(index - 1):
            continue
        end = _listed_place(rules, text, index)
        if end is not None and not any(i in blocked for i in range(index, end)):
            found.append(
                Name("place", " ".join((word[len(AND) :], *words[index + 1 : end])), index, end)
            )
            if end < count and words[end][:1] == AND:
                queue.append(end)
    return found


def _place_before_listed(rules: NameRules, text: Tokens, first: int) -> bool:
    """The word before a known place the story lists on its "و" (token `first`) is a
    place too, after a preposition of place: "في الدقم وصحار", "بين مرباط وصلالة"."""
    words, item = text.words, first - 1
    return (
        item > 0
        and words[first][:1] == AND
        and text.joined(item - 1)
        and text.joined(item)
        and words[item - 1] in PLACE_LIST_PREPOSITIONS
        and _place_name_word(rules, words[item])
        and words[item] not in rules.arabic_heads
        and (
            words[item].startswith(ARTICLE)
            # "من مكتبات ولاتة": a plural in construct with a place whose name opens
            # with "و"
            or (bare_name(rules, words[item]) and not words[item].endswith(FEMININE_PLURAL))
        )
    )


PLACE_LIST_PREPOSITIONS = frozenset(("في", "وفي", "من", "ومن", "الي", "والي", "بين", "حتي"))
"""Prepositions after which a word and a known place on "و" are two places."""


def _listed_place(rules: NameRules, text: Tokens, index: int) -> int | None:
    """The end of the place a list goes on with at token `index` (its word on "و"),
    or None where the item is no name nobody knows."""
    words = text.words
    item = words[index][len(AND) :]
    if (
        len(item) < MIN_LISTED_LETTERS
        or item in rules.keys
        or words[index] in ALONE
        or words[index] in rules.place_word_forms  # "ومقر ولاية جنوب الغرب": its "و" is its own
    ):
        return None
    if item in rules.toponym_prefixes:
        following = index + 1
        if (
            following + 1 < len(words)
            and words[following] in FATHER
            and text.joined(index)
            and text.joined(following)
            and bare_name(rules, words[following + 1])
        ):
            return following + 2  # "وبرج بن عزوز": the prefix, "بن" and the name it binds
        if (
            following < len(words)
            and text.joined(index)
            and _after_toponym_prefix(rules, words[following])
            and f"{item} {words[following]}" not in rules.keys
        ):
            return following + 1
        return None
    if (
        not _place_name_word(rules, item)
        or words[index] in rules.arabic_heads
        or (len(item) == PAST_VERB_LETTERS and item.endswith(PAST_SUFFIX))
        or (not item.startswith(ARTICLE) and not bare_name(rules, item))
    ):
        return None
    return index + 1 if _list_item_ends(rules, text, index + 1) else None


MIN_LISTED_LETTERS = 3

ALONE = frozenset(("وحده", "وحدها", "وحدهم", "وحدهما", "وحدهن"))
"""The word "alone", whose "و" is its root's: "في بسكرة وحدها" lists no second place."""

PAST_VERB_LETTERS = 4

PAST_SUFFIX = "ت"
"""A word of four letters ending in "ت" is a verb in the past ("بدأت", "قتلت") far
more often than a place."""

PARTICIPLE_ARTICLE = ARTICLE + "م"


def _list_item_ends(rules: NameRules, text: Tokens, end: int) -> bool:
    """A list's item may end before token `end`: at a punctuation mark, before the
    next item's "و", a word of `list_ends`, a place word ("بولاية"), an adverbial
    accusative ("مشيرا") or a participle agreeing with the places ("المجاورة");
    not before the noun of a construct ("ومخازن الوقود") or a verb."""
    words = text.words
    if end >= len(words) or not text.joined(end - 1):
        return True
    following = words[end]
    return (
        (following.startswith(AND) and len(following) > len(AND))
        or following in rules.list_ends
        or following in rules.place_word_forms
        or (following.endswith(ACCUSATIVE_ENDING) and not_a_name(following))
        or _agreeing_participle(following)
    )


def _agreeing_participle(word: str) -> bool:
    """A feminine participle with the article agreeing with the places before it
    ("المجاورة"), no name of theirs."""
    return word.startswith(PARTICIPLE_ARTICLE) and word.endswith(TEH_MARBUTA) and not nisba(word)


def _after_toponym_prefix(rules: NameRules, word: str) -> bool:
    """The word after "سيدي", "عين", "أولاد"...: a place's own name, which may be a
    given name or a word ("سيدي بنور", "أولاد سعيد", "عين الدفلى")."""
    return (
        is_arabic(word)
        and word not in rules.stopwords
        and word not in rules.arabic_heads
        and word not in rules.arabic_ends
        and word not in rules.place_words
        and not not_a_name(word)
    )


def _unknown_arabic_place_word(rules: NameRules, word: str) -> bool:
    return (
        word not in rules.keys
        and word not in rules.place_word_forms  # "بلدة عيناتا بقضاء بنت جبيل"
        and bare_name(rules, word)
        and word not in rules.given_arabic
        and word not in rules.arabic_heads
        and not word.endswith(NISBA_ADJECTIVE_ENDINGS)
        and not not_a_name(word)
        and not _form_iii_noun(word)  # "قرى مجاورة"
        and not _indefinite_participle(word)  # "بذور محلية متكيفة": "محلية" is local
        # "بلدة بولنوار لاستقبال الناخبين": "ل" and a verbal noun, the sentence's purpose
        and not (word.startswith(LAM) and verbal_noun(word[len(LAM) :]))
    )


def _form_iii_noun(word: str) -> bool:
    """The shape مفاعلة, a participle or verbal noun of form III ("مجاورة", "مواجهة",
    "مطالبة"), which names no place."""
    return (
        len(word) == FORM_III_LETTERS
        and word[0] == PARTICIPLE_MIM
        and word[2] == "ا"
        and word.endswith(TEH_MARBUTA)
    )


FORM_III_LETTERS = 6


def _indefinite_participle(word: str) -> bool:
    """A feminine participle of form V, VI or X without the article ("متكيفة",
    "مستقلة"): an adjective, which names no place."""
    return (
        len(word) >= MIN_INDEFINITE_PARTICIPLE_LETTERS
        and word.startswith(PARTICIPLE_STEMS)
        and word.endswith(TEH_MARBUTA)
    )


MIN_INDEFINITE_PARTICIPLE_LETTERS = 6


def _unknown_place(rules: NameRules, run: list[str]) -> bool:
    return not (
        is_arabic(run[0])
        or run[0] in rules.given_latin
        or any(w in rules.stopwords or names_after(rules, w) for w in run)
        or " ".join(run) in rules.keys
    )
