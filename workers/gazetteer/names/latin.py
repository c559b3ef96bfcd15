"""English and French organisations: English names end with their head or go on with
an of-phrase ("Saudi Electricity Co", "Free Confederation of Mauritanian Workers"),
French ones start with it, their other words often in lower case ("Cour des
comptes"), a court named for its seat ("cour d'appel de Tunis")."""

from __future__ import annotations

from collections.abc import Callable

from workers.gazetteer.names.people import MAX_PLACE_WORDS
from workers.gazetteer.names.rules import (
    FRENCH_ADJECTIVE_ENDINGS,
    MAX_FRENCH_NAME_WORDS,
    MAX_NAME_WORDS,
    Name,
    NameRules,
)
from workers.gazetteer.names.word_shapes import (
    HYPHEN,
    PARTICIPLE_ENDING,
    SCHOOL_KINDS,
    article_before,
    between,
    glued,
    hyphenated,
    possessive_in_name,
)
from workers.text.tokens import Tokens


def english_organisation(rules: NameRules, text: Tokens, head: int) -> Name | None:
    """The capitalised run (links inside it) around a head noun, ending at its last
    head unless an of-phrase follows ("Bank of Lebanon")."""
    if _trade_of_another(rules, text, head):
        return None  # "Ministry of Energy", "Water and Energy": the trade of another head
    first, end = _run_start(rules, text, head), run_end(rules, text, head)
    heads = rules.latin_heads["en"] | rules.latin_heads["fr"]
    last = (
        max(
            i
            for i in range(head, end)
            if text.words[i] in heads and not _trade_of_another(rules, text, i)
        )
        + 1
    )
    if last < end and text.words[last] == FORCE and text.words[last - 1] in FORCE_KINDS:
        last += 1  # "Uganda Police Force", not "Space Force Base"
    if last < end and text.words[last] in rules.links:
        last = end
        # "Association of Banks in Lebanon": an of-phrase may end with the country
        if (
            last + 1 < len(text.words)
            and text.words[last] == IN
            and text.joined(last - 1)
            and text.joined(last)
        ):
            last = _country_at(rules, text, last + 1) or last
        else:
            last = _english_listed_after_comma(rules, text, last)
        last = _place_across(rules, text, last)
    while first < last and text.words[first] in rules.leading:
        first += 1
    if (
        first < head
        and (first == 0 or not text.joined(first - 1))
        and text.words[first] in rules.kinds["en"]
        and text.words[first] not in heads
    ):
        first += 1  # "Rivals First Abu Dhabi Bank ...": a sentence opens with a noun
    return _latin_organisation(text, first, last)


def _place_across(rules: NameRules, text: Tokens, last: int) -> int:
    """One past a known place whose name the capitalised run ending before token `last`
    cuts at a lower-case word ("University of Dar es Salaam"), else `last`."""
    words = text.words
    for first in range(last - 1, max(-1, last - MAX_PLACE_WORDS), -1):
        for end in range(min(len(words), first + MAX_PLACE_WORDS), last, -1):
            if all(text.joined(i) for i in range(first, end - 1)) and (
                " ".join(words[first:end]) in rules.place_keys
            ):
                return end
    return last


FORCE = "force"

FORCE_KINDS = frozenset(("police", "defence", "defense", "border", "security", "guard"))


def _english_listed_after_comma(rules: NameRules, text: Tokens, last: int) -> int:
    """One past the fields a comma adds to an English of-phrase and "and" closes
    ("Ministry of Electricity, Water and Renewable Energy"), else `last`. Each item is
    capitalised words that name no place nor person ("Ministry of Health, Kenya and
    Uganda" is a list of three)."""
    return _listed_after_comma(text, last, lambda index: _capitalised_field(rules, text, index))


def _capitalised_field(rules: NameRules, text: Tokens, index: int) -> int:
    """One past the capitalised words from token `index` (up to `MAX_FIELD_WORDS`)
    when none names a place or a person, else 0."""
    words, count = text.words, len(text.words)
    end = index
    while (
        end < count
        and end - index < MAX_FIELD_WORDS
        and text.caps[end]
        and (end == index or text.joined(end - 1))
    ):
        if words[end] in rules.place_keys or words[end] in rules.given_latin:
            return 0
        end += 1
    return end if end > index else 0


MAX_FIELD_WORDS = 3


def _trade_of_another(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is a trade's head ("Energy", "Minerals") after a link or before an
    office: the field of another head's body or of an office ("Ministry of Energy and
    Mineral Resources", "Saudi Energy Minister"), no head there."""
    words, following = text.words, index + 1
    return words[index] in rules.english_trades and (
        (index > 0 and text.joined(index - 1) and words[index - 1] in rules.links)
        or (
            following < len(words)
            and text.joined(index)
            and words[following] in rules.english_offices
        )
    )


def _run_start(rules: NameRules, text: Tokens, index: int) -> int:
    """The first token of the capitalised run ending at `index`; "of" is crossed only
    after a head ("Bank of ..."), never after a person's name ("Birtukan Molla of
    Commercial Bank of Ethiopia")."""
    while index > 0 and text.joined(index - 1):
        before = index - 1
        if (
            text.caps[before]
            or (
                before > 0
                and not text.words[before].endswith(PARTICIPLE_ENDING)
                and hyphenated(text, before - 1)
            )
            or article_before(text, before)
        ):
            index = before
        elif possessive_in_name(text, before):
            index = before - 1  # "Uganda People's Congress"
        elif _place_with_lower_word(rules, text, before):
            index = before - 1  # "Dar es Salaam Rapid Transit Agency", "Ras al Khaimah Ports"
        elif (
            text.words[before] in rules.links
            and before > 0
            and text.joined(before - 1)
            and text.caps[before - 1]
            and (text.words[before] != OF or text.words[before - 1] in rules.latin_head_words)
            and not _two_names(rules, text, before)
        ):
            index = before - 1
        else:
            break
    return index


def _place_with_lower_word(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is a lower-case word inside a place's name of three words, between
    two capitalised ones ("es" of "Dar es Salaam")."""
    return (
        0 < index < len(text.words) - 1
        and text.joined(index - 1)
        and text.joined(index)
        and text.caps[index - 1] != 0
        and " ".join(text.words[index - 1 : index + 2]) in rules.place_keys
    )


def run_end(rules: NameRules, text: Tokens, index: int) -> int:
    """One past the capitalised run from `index` on, links inside it."""
    count, last = len(text.words), index + 1
    while last < count and text.joined(last - 1) and last - index < MAX_NAME_WORDS:
        if text.caps[last] and text.words[last] not in rules.never:
            last += 1
        elif hyphenated(text, last - 1):
            last += 1  # "Co-operative", "Anti-corruption"
        elif (
            text.words[last] in rules.links
            and last + 1 < count
            and text.joined(last)
            and text.caps[last + 1]
            and text.words[last + 1] not in rules.never
            and not _two_names(rules, text, last)
        ):
            last += 2
        elif (
            text.words[last] == OF
            and last + 2 < count
            and text.words[last + 1] == THE
            and text.joined(last)
            and text.joined(last + 1)
            and text.caps[last + 2]
            and text.words[last + 2] not in rules.never
        ):
            last += 3  # "University of the Witwatersrand"
        else:
            break
    return last


OF, THE, IN = "of", "the", "in"


def _country_at(rules: NameRules, text: Tokens, index: int) -> int:
    """One past a country's name (one or two words) at token `index` that ends a
    stretch of capitalised words, else 0."""
    words, count = text.words, len(text.words)
    for size in (2, 1):
        end = index + size
        if end > count or not all(text.caps[i] for i in range(index, end)):
            continue
        if any(not text.joined(i) for i in range(index, end - 1)):
            continue
        if " ".join(words[index:end]) in rules.possessors and (
            end == count or not text.joined(end - 1) or not text.caps[end]
        ):
            return end
    return 0


COORDINATORS = frozenset({"and", "&", "et"})


def _two_names(rules: NameRules, text: Tokens, link: int) -> bool:
    """ "and" right after a head noun joins two names ("First Abu Dhabi Bank and Dubai
    Islamic Bank"), not the words of one."""
    before = text.words[link - 1]
    return (
        text.words[link] in COORDINATORS
        and (before in rules.latin_heads["en"] or before in rules.latin_heads["fr"])
        and not _trade_of_another(rules, text, link - 1)
    )


MAX_COURT_WORDS = 7


def french_court(rules: NameRules, text: Tokens, start: int) -> Name | None:
    """A court or prosecutor's office in lower case named for its seat: the head,
    lower-case words and links, then "de" and the town ("tribunal correctionnel de
    Bruxelles", "cour d'appel de Tunis", "tribunal de première instance de
    Casablanca"); none without a known place at its end ("la cour a rejeté")."""
    words, count = text.words, len(text.words)
    last = start + 1
    while last < count and last - start < MAX_COURT_WORDS and text.joined(last - 1):
        word = words[last]
        if text.caps[last]:
            seat = _place_key_at(rules, text, last) if words[last - 1] in FRENCH_OF else 0
            # the commune of the town the court sits in: "d'Abidjan-Plateau"
            while 0 < seat < count and text.caps[seat] and glued(text, seat - 1) == HYPHEN:
                seat += 1
            if seat:
                return Name("organisation", " ".join(words[start:seat]), start, seat)
            return None
        if word in rules.never or (
            word in rules.stopwords and word not in rules.links and word not in FRENCH_BEFORE_NOUNS
        ):
            return None
        last += 1
    return None


def _place_key_at(rules: NameRules, text: Tokens, index: int) -> int:
    """The end of the known place's name that opens at token `index`, of up to
    `MAX_SEAT_WORDS` words ("N'Djamena", "Bobo-Dioulasso"); 0 when none does."""
    words = text.words
    for end in range(min(len(words), index + MAX_SEAT_WORDS), index, -1):
        if all(text.joined(i) for i in range(index, end - 1)) and (
            " ".join(words[index:end]) in rules.place_keys
        ):
            return end
    return 0


MAX_SEAT_WORDS = 3


def french_organisation(rules: NameRules, text: Tokens, start: int) -> Name | None:
    """A capitalised head, then capitalised words, lower-case adjectives and
    de-phrases ("Cour des comptes", "Assemblée nationale", "Union générale
    tunisienne du travail")."""
    words, count = text.words, len(text.words)
    last = start + 1
    while last < count and last - start < MAX_FRENCH_NAME_WORDS and text.joined(last - 1):
        word = words[last]
        if word in rules.links:
            # "de paix et de sécurité": the links, then the word they bring in
            after = last
            while after < count and words[after] in rules.links and text.joined(after):
                after += 1
            if after >= count or not text.joined(after - 1) or words[after] in rules.links:
                break
            french_heads = rules.latin_heads["fr"]
            brought = words[after]
            if word in FRENCH_IN and text.caps[after]:
                break  # "au Liban": a country the name may end with, read after it
            if (
                word in COORDINATORS
                and brought in french_heads
                and (text.caps[after] or brought in rules.french_lower)
            ):
                break  # "Conseil constitutionnel et la Cour africaine ...", "... et du
                # lycée Ba Aminata Diallo": two names
            if (
                word in COORDINATORS
                and after == last + 1
                and not text.caps[after]
                and not brought.endswith(FRENCH_ADJECTIVE_ENDINGS)
                and not _plural_pair(text, last - 1, after)
            ):
                break  # "la Ligue et promis ...": "et" and a verb go on with the sentence
            if (
                word in FRENCH_OF
                and last - start > 2
                and text.caps[after]
                and brought in french_heads
            ):
                break  # "Centre des planètes mineures de l'Union ...": a body of a body
            if word == FRENCH_FOR and after == last + 1 and _french_infinitive(text, after):
                break  # "le ministère des Finances pour apurer ...": the sentence's purpose
            if (
                word in FRENCH_OF
                and after == last + 1
                and not text.caps[last - 1]
                and _french_infinitive(text, after)
                and len(brought) >= MIN_FRENCH_VERB_LETTERS
                and not brought.endswith(FRENCH_NOUN_ENDINGS)
            ):
                break  # "demande au ministère ... maritime de réduire": what it is asked
            if (
                word in FRENCH_OF
                and text.caps[after]
                and brought in rules.given_latin
                and after + 1 < count
                and text.joined(after)
                and text.caps[after + 1]
            ):
                break  # "le Parti des Togolais de Nathaniel Olympio": its leader's
            last = after + 1
            if (
                brought in FRENCH_BEFORE_NOUNS
                and last < count
                and text.joined(after)
                and words[last] not in rules.links
                and not text.caps[last]
            ):
                last += 1  # "de première instance": an adjective before its noun
        elif word not in rules.never and (
            text.caps[last]
            or (word.endswith(FRENCH_ADJECTIVE_ENDINGS) and word not in FRENCH_NOT_ADJECTIVES)
            or word in FRENCH_ADJECTIVES
            or word in SCHOOL_KINDS  # "lycée classique de Bafoussam"
            or word in rules.demonyms  # "... des magistrats burkinabè", "guinéen"
        ):
            last += 1
        else:
            break
    while last - 1 > start and words[last - 1] in rules.links:
        last -= 1
    capitalised = bool(text.caps[last - 1]) or any(text.caps[start + 1 : last])
    last = _listed_after_comma(
        text, last, lambda index: _listed_item(rules, text, index, capitalised)
    )
    if (
        text.caps[start]
        and last + 1 < count
        and words[last] in FRENCH_IN
        and text.joined(last - 1)
        and text.joined(last)
    ):
        # "Association des déposants au Liban": a country the name ends with
        last = _country_at(rules, text, last + 1) or last
    # "l'université Cadi Ayyad de Marrakech", "le ministère de la Santé du Mali": a
    # head in lower case is a description, and "de" and a known place at its end
    # say where the body is; a name written in full keeps its city ("Institut
    # Pasteur de Tunis"), and so does a school of a kind named by it ("lycée pilote de
    # Sfax")
    if not text.caps[start] and last - start > 3 and words[start + 1] not in SCHOOL_KINDS:
        last = _without_place_at_end(rules, text, start, last)
    return _latin_organisation(text, start, last)


FRENCH_FOR = "pour"

FRENCH_INFINITIVE_ENDINGS = ("er", "ir", "re", "oir")

MIN_FRENCH_VERB_LETTERS = 6

FRENCH_NOUN_ENDINGS = ("ier", "iere", "ture", "oire", "aire")
"""Endings of nouns shaped like an infinitive ("quartier", "culture", "histoire")."""


def _french_infinitive(text: Tokens, index: int) -> bool:
    """A lower-case word shaped as a French infinitive ("apurer", "financer"), which
    "pour" brings into a sentence and, in a body's name, an article and a noun do
    ("Association pour la défense")."""
    return not text.caps[index] and text.words[index].endswith(FRENCH_INFINITIVE_ENDINGS)


def _plural_pair(text: Tokens, before: int, after: int) -> bool:
    """Tokens `before` and `after` are two lower-case plural nouns a name joins with
    "et" ("Association des producteurs et exportateurs de fruits")."""
    first, second = text.words[before], text.words[after]
    return (
        not text.caps[before]
        and len(first) >= MIN_PLURAL_PAIR_LETTERS
        and len(second) >= MIN_PLURAL_PAIR_LETTERS
        and first.endswith(FRENCH_PLURAL_ENDINGS)
        and second.endswith(FRENCH_PLURAL_ENDINGS)
    )


MIN_PLURAL_PAIR_LETTERS = 5

FRENCH_PLURAL_ENDINGS = ("s", "x")


def _without_place_at_end(rules: NameRules, text: Tokens, start: int, last: int) -> int:
    """`last`, or the token where "de" (with its article) brings in a known name
    other than a body's that ends the name ("de la République démocratique du
    Congo", "du Mali"), the head keeping at least two words."""
    words = text.words
    for size in range(min(MAX_COUNTRY_WORDS, last - start - 3), 0, -1):
        end = last - size
        place = " ".join(words[end:last])
        if place not in rules.keys or place in rules.body_keys:
            continue
        link = end - 1 if words[end - 1] in FRENCH_ARTICLES else end
        if words[link - 2] in COORDINATORS:
            return last  # "... et du Bassin du Congo": the last field a list names
        if link - start > 2 and words[link - 1] in FRENCH_OF:
            return link - 1
    return last


def _listed_after_comma(text: Tokens, last: int, item_at: Callable[[int], int]) -> int:
    """One past a list of items that a comma adds to a name and "and" or "et" closes,
    else `last`; `item_at` gives one past the item at a token, or 0 where none is.
    French names list de-phrases ("ministère de l'Industrie, des Mines et de
    l'Énergie": a link and a word, and its adjective, capitalised when the name's
    last word is); English ones their fields (`_english_listed_after_comma`)."""
    words, count = text.words, len(text.words)
    end = last
    for _ in range(MAX_LISTED):
        if end >= count or text.joined(end - 1) or between(text, end - 1) != ",":
            return last
        item = item_at(end)
        if item == 0:
            return last
        if item < count and words[item] in COORDINATORS and text.joined(item - 1):
            closed = item_at(item + 1)
            if closed and (closed == count or not text.joined(closed - 1) or not text.caps[closed]):
                return closed
            return last
        end = item
    return last


def _listed_item(rules: NameRules, text: Tokens, index: int, capitalised: bool) -> int:
    """One past "des Mines", "de l'Énergie", "de la plantation" at token `index`, its
    words running on, else 0."""
    words, count = text.words, len(text.words)
    if index >= count or words[index] not in FRENCH_LIST_LINKS:
        return 0
    after = index + 1
    if after < count and words[after] in FRENCH_ARTICLES and text.joined(index):
        after += 1
    if after >= count or not text.joined(after - 1) or words[after] in rules.links:
        return 0
    if bool(text.caps[after]) != capitalised:
        return 0
    end = after + 1
    for size in range(MAX_COUNTRY_WORDS, 1, -1):  # "et du Bassin du Congo": a known name
        if all(text.joined(i) for i in range(after, min(count, after + size) - 1)) and (
            " ".join(words[after : after + size]) in rules.keys
        ):
            return after + size
    if (
        end < count
        and text.joined(after)
        and not text.caps[end]
        and words[end].endswith(FRENCH_ADJECTIVE_ENDINGS)
        and words[end] not in FRENCH_NOT_ADJECTIVES
    ):
        end += 1  # "de la Réforme hospitalière"
    if (
        capitalised
        and end + 2 < count
        and words[end] in FRENCH_LIST_LINKS
        and text.joined(end - 1)
        and text.joined(end)
        and not text.caps[end + 1]
        and words[end + 1] not in rules.links
        and text.joined(end + 1)
        and not text.caps[end + 2]
        and words[end + 2].endswith(FRENCH_ADJECTIVE_ENDINGS)
        and words[end + 2] not in FRENCH_NOT_ADJECTIVES
    ):
        end += 3  # "de la Promotion des langues nationales": a noun and its adjective
    return end


FRENCH_OF = frozenset({"de", "d", "du"})

FRENCH_ARTICLES = frozenset({"la", "l", "le", "les"})

FRENCH_LIST_LINKS = frozenset({"de", "d", "du", "des"})

MAX_COUNTRY_WORDS = 4

MAX_LISTED = 3
"""The most items of a list a comma adds to a French name before its "et"."""

FRENCH_IN = frozenset({"au", "en", "aux"})

FRENCH_ADJECTIVES = frozenset(
    {"supreme", "supremes", "autonome", "autonomes", "maritime", "maritimes", "agricole",
     "agricoles", "etranger", "etrangers", "etrangere", "etrangeres"}
)  # fmt: skip
"""Adjectives of bodies' names no ending tells ("Cour suprême", "Commission électorale
nationale autonome", "ministère des Pêches et de l'Économie maritime")."""

FRENCH_NOT_ADJECTIVES = frozenset(
    {"avant", "devant", "pendant", "durant", "suivant", "maintenant", "cependant", "pourtant",
     "autant", "tant", "quant", "notamment", "selon",
     "sortant", "sortante", "sortants", "sortantes", "actuel", "actuelle", "actuels",
     "actuelles"}
)  # fmt: skip
"""Words shaped like an adjective ("-ant") that go on with the sentence, and adjectives
of a body's term ("le Parlement sortant", "le gouvernement actuel"), no part of its
name."""

FRENCH_BEFORE_NOUNS = frozenset(
    {"premiere", "premier", "grande", "grand", "haute", "haut", "petite", "petit", "seconde",
     "second", "deuxieme", "nouvelle", "nouveau", "moyenne", "moyen"}
)  # fmt: skip
"""Adjectives that stand before the noun they qualify ("tribunal de grande instance")."""


def _latin_organisation(text: Tokens, first: int, last: int) -> Name | None:
    if last - first < 2:
        return None
    return Name("organisation", " ".join(text.words[first:last]), first, last)
