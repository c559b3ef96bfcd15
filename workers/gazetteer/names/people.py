"""People: an Arabic chain of given names, particles and one family name ("أحمد ولد
داداه"), a Latin run of capitalised words opened by a given name ("Mohamed Lemine
Ould Sidi"), and where either ends; with the word tests (verbs, ordinary words,
adjectives) that stop a name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from workers.gazetteer.inflection import arabic_variants
from workers.gazetteer.names.rules import (
    ALI_WRITTEN,
    APOSTROPHES,
    DAUGHTER,
    MAURITANIAN_SONSHIP,
    MAX_ARABIC_CHAIN,
    MAX_PERSON_WORDS,
    POSSESSIVE,
    SERVANT,
    Name,
    NameRules,
)
from workers.gazetteer.names.word_shapes import (
    ALI,
    BI,
    HYPHEN,
    PLACE_PREPOSITIONS,
    PRESENT_PREFIXES,
    ali_written,
    bare_name,
    glued,
    inside_run,
    nisba,
    written_word,
)
from workers.text.arabic import (
    AND,
    ARTICLE,
    ARTICLE_FORMS,
    CLITIC_ARTICLES,
    COMMON_COMPOUND_NAME_ENDINGS,
    COMPOUND_NAME_ENDINGS,
    CONJUNCTIONS,
    FEMININE_NISBA_ENDING,
    FILIATION_PARTICLES,
    LAM,
    LAM_ARTICLE,
    NAME_PARTICLES,
    NISBA_LETTER,
    PREPOSITIONS,
    TEH_MARBUTA,
    is_arabic,
)
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens


def person_at(rules: NameRules, text: Tokens, start: int) -> Name | None:
    word = text.words[start]
    if word in rules.arabic_titles and _given_name_after(rules, text, start):
        # "السيد حمود بن فيصل": a title (a given name too) before a given name
        return arabic_person(rules, text, start + 1)
    # "علي" as written opens a name as an opener does: the preposition "على"
    # normalizes alike ("علي الحسناوي", "على الصعيد")
    ali = word in ALI_WRITTEN
    if word in rules.openers_arabic or ali:
        after, words = start + 1, text.words
        if (
            after < len(words)
            and text.joined(start)
            and (
                (words[after] in rules.given_arabic and words[after] not in rules.openers_arabic)
                or (words[after] == ALI and ali_written(text, after))
                or words[after] in rules.particles_arabic
                or words[after] in COMPOUND_ENDS
                or (_family_nisba(rules, words[after]) and not alef_maqsura(text, after))
            )
            and (not ali or ali_written(text, start))
        ):
            return arabic_person(rules, text, start, ALI if ali else None)
        return None
    if word in rules.given_arabic:
        if _verb_in_double_ya(text, start):
            return None
        return arabic_person(rules, text, start)
    if word not in rules.given_latin or not text.caps[start]:
        return None
    if word in rules.word_given_latin and (
        start + 1 >= len(text.words)
        or not text.joined(start)
        or text.words[start + 1] in rules.common
        or text.words[start + 1] in rules.keys
    ):
        return None
    if inside_run(rules, text, start) and _demonym_at(rules, text, start - 1) is None:
        return None
    return _latin_person(rules, text, start, start + 1)


DOUBLE_YA = "يي"


def _verb_in_double_ya(text: Tokens, index: int) -> bool:
    """Token `index` written with two dotted ya at its end ("يحيي", he revives: "يحيي
    الفنان حفلتين") is the verb; the given name is written "يحيى". Normalization makes
    the two alike; the spelling as written tells them apart."""
    return text.words[index].endswith(DOUBLE_YA) and written_word(text, index).endswith(DOUBLE_YA)


def _family_nisba(rules: NameRules, word: str) -> bool:
    """A family name shaped as a nisba, singular ("العوادي", not "العراقيين"), no
    ordinary word, no demonym, no place: after an opener, a person's name ("باسم
    العوادي"), where an ordinary word is the phrase it opens ("باسم الحكومة")."""
    return (
        nisba(word)
        and word.endswith(NISBA_LETTER)
        and not word.endswith(PLURAL_NISBA_ENDING)
        and word not in rules.common
        and word not in rules.arabic_demonyms
        and word not in rules.place_keys
    )


def _plain_family_name(rules: NameRules, word: str) -> bool:
    """A word that is a family's name and nothing else: a singular nisba no ordinary
    word ("الشناوي"), or a tribe's name of the shape الفعاللة ("الخوالدة",
    "الرواشدة") that is no ordinary plural."""
    stem = word[len(ARTICLE) :]
    return _family_nisba(rules, word) or (
        word.startswith(ARTICLE)
        and len(stem) == TRIBE_PLURAL_LETTERS
        and stem[2] == "ا"
        and stem.endswith(TEH_MARBUTA)
        and word not in rules.common
        and word not in rules.place_keys
    )


TRIBE_PLURAL_LETTERS = 6


def alef_maqsura(text: Tokens, index: int) -> bool:
    """Token `index` is written with a final "ى", which normalizes as a nisba's "ي"
    does: "باسم المنتدى" is "on behalf of the forum", no "باسم العوادي"."""
    return written_word(text, index).endswith(ALEF_MAQSURA)


ALEF_MAQSURA = "ى"

HEH = "ه"

PLURAL_NISBA_ENDING = "يين"


def _given_name_after(rules: NameRules, text: Tokens, index: int) -> bool:
    following = index + 1
    return (
        following < len(text.words)
        and text.joined(index)
        and text.words[following] in rules.given_arabic
    )


def _latin_person(rules: NameRules, text: Tokens, start: int, last: int) -> Name | None:
    """The name words and particles from token `last` on, after the first one(s)."""
    before = start - 1
    if (
        before >= 0
        and text.joined(before)
        and not text.caps[before]
        and text.words[before] in rules.named_after
    ):
        return None  # "au stade Ernest-Wallon", "le prix Albert-Londres"
    if _after_place_word(rules, text, before):
        return None  # "the village of Adan Yabaal": a place named like a person
    words, count = text.words, len(text.words)
    while last < count and last - start < MAX_PERSON_WORDS and text.joined(last - 1):
        following = words[last]
        particle = (
            (
                following in rules.particles_latin
                and (following not in ENGLISH_PARTICLES or glued(text, last) == HYPHEN)
            )
            or (following in TITLES_IN_NAMES and text.caps[last])
        ) and (last + 1 < count and text.joined(last) and latin_name_word(rules, text, last + 1))
        if following in TITLES_IN_NAMES and text.caps[last] and not particle:
            last += 1  # "Ahmed Mohamud Sheikh, director of ...": the family's name
            break
        if (
            not particle
            and not latin_name_word(rules, text, last)
            and not _after_apostrophe(text, last)
        ):
            break
        last += 1
    while last - 1 > start and words[last - 1] in rules.particles_latin:
        last -= 1
    # "King Abdullah Sports City", "Zayed Book Award": a thing named after the person
    after = start + 1
    while after < count and (after < last or (text.joined(after - 1) and text.caps[after])):
        if names_after(rules, words[after]):
            return None
        after += 1
    return _unknown_person(rules, words[start:last], start, last)


ENGLISH_PARTICLES = frozenset({"as", "at", "an", "ad", "do"})
"""Particles that are English words: in a name only hyphenated to the next word
("as-Sisi"), not in "Guillaume Faury at Dubai World Central"."""

MAX_LETTERS_AFTER_APOSTROPHE = 2


def _after_apostrophe(text: Tokens, index: int) -> bool:
    """Token `index` is the short lower-case end of a capitalised word an apostrophe
    joins it to, no space between ("Eto'o"): the rest of the name word; not the
    possessive ("Ruto's")."""
    word = text.words[index]
    if text.caps[index] or len(word) > MAX_LETTERS_AFTER_APOSTROPHE or word == POSSESSIVE:
        return False
    return bool(text.caps[index - 1]) and glued(text, index - 1) in APOSTROPHES


def _after_place_word(rules: NameRules, text: Tokens, index: int) -> bool:
    """A lower-case place word ends at token `index`, links allowed after it ("the
    village of", "la commune de")."""
    index = text.back(index, rules.place_links, MAX_PLACE_LINKS)
    return (
        index >= 0
        and text.joined(index)
        and not text.caps[index]
        and text.words[index] in rules.place_words
    )


TITLES_IN_NAMES = frozenset({"sheikh", "sheik", "cheikh"})
"""Titles that are also a name word inside a name ("Hassan Sheikh Mohamud") or at
its end ("Ahmed Mohamud Sheikh")."""


def names_after(rules: NameRules, word: str) -> bool:
    """A word (normalized) that names a body or thing after the person before it: a
    head noun, "Award", "Stadium"."""
    return (
        word in rules.named_after
        or word in rules.latin_heads["en"]
        or word in rules.latin_heads["fr"]
    )


def _demonym_at(rules: NameRules, text: Tokens, index: int) -> int | None:
    """The first token of a place's adjective ending at token `index` ("Nigerian",
    "Sud-Africain"), if one does."""
    for start in (index, index - 1):
        if start < 0 or any(not text.joined(i) for i in range(start, index + 1)):
            continue
        if " ".join(text.words[start : index + 1]) in rules.demonyms:
            return start
    return None


FRENCH_DETERMINERS = frozenset({"le", "la", "l", "du", "au", "les", "des", "aux"})


def after_demonym(rules: NameRules, text: Tokens, index: int) -> Name | None:
    """French writes a nationality as a capitalised noun before the person's name
    ("l'Algérien Houssem Aouar", "au Palestinien Karim Abu Sitta"): after a
    determiner, the capitalised demonym and two name words or more are a person's
    name, its first word known as a given name or not."""
    if not text.caps[index] or index + 1 >= len(text.words) or not text.joined(index):
        return None
    first = _demonym_at(rules, text, index)
    if first is None or first == 0 or not text.joined(first - 1):
        return None
    if text.words[first - 1] not in FRENCH_DETERMINERS:
        return None
    start = index + 1
    if not latin_name_word(rules, text, start) or text.words[start] in rules.keys:
        return None
    return _latin_person(rules, text, start, start + 1)


MAX_DEMONYM_NAME_WORDS = 3

PRONOUN_SUFFIX = "ه"
"""Normalized, "his" and the feminine ending alike: "نظيره", "ضيفه"."""


def after_arabic_demonym(rules: NameRules, text: Tokens, index: int) -> Name | None:
    """A country's adjective standing for a person, as the subject of a verb or the
    complement of an indefinite noun ("وافتتح البوركينابي ستيفان عزيز كي", "بهدفي
    البرتغالي كريستيانو رونالدو"), and two name words or three after it: words
    without the article that are no ordinary, function or verb-shaped words, the
    last one a definite family name at most ("التونسي ماهر الكنزاري"). After a
    definite noun, a noun with a pronoun ("نظيره") or a given name the adjective
    is that noun's or the family name ("الحكومة المصرية", "الحكم الغامبي", "أسامة
    المصري")."""
    words, count = text.words, len(text.words)
    if index > 0 and text.joined(index - 1):
        before = words[index - 1]
        if (
            before.startswith(ARTICLE_FORMS)
            or before.endswith(PRONOUN_SUFFIX)
            or before in rules.arabic_heads
            or before in rules.given_arabic
        ):
            return None
    start = last = index + 1
    while last < count and last - start < MAX_DEMONYM_NAME_WORDS and text.joined(last - 1):
        word = words[last]
        if word.startswith(ARTICLE_FORMS):
            if last - start >= 1 and nisba(word) and word not in rules.keys:
                last += 1  # a family name of relation ends the name
            break
        # a given name that is an ordinary word too ("عمران"), and "علي" as written,
        # are names here
        given = word in rules.given_arabic or (word == ALI and ali_written(text, last))
        if word in rules.particles_arabic:
            return None  # "التونسي محمد علي بن رمضان": the names walk reads the whole name
        if (
            not (bare_name(rules, word) or given)
            or word in rules.keys
            or word in rules.arabic_heads
            or word in rules.place_words
            or not_a_name(word)
            or (last > start and word.startswith(CONJUNCTIONS))
            or (last > start and opens_a_phrase(rules, word))  # "... أوكافور بجائزة"
        ):
            break
        last += 1
    if last - start < 2:
        return None
    return Name("person", " ".join(words[start:last]), start, last)


def latin_name_word(rules: NameRules, text: Tokens, index: int) -> bool:
    word = text.words[index]
    return (
        text.caps[index] != 0
        and word not in rules.stopwords
        and word not in rules.latin_heads["en"]
        and word not in rules.latin_heads["fr"]
    )


MONTH_WORDS = frozenset(form for form, _ in arabic_variants("شهر"))
"""The word "month" before a month's name that is a given name too ("رمضان", "رجب")."""

WELLS = frozenset(("بءر", "بير", "حاسي"))
"""A well ("بئر", "حاسي" in Algeria), normalized: a person's name after it is a town's
("بئر علي بن خليفة", "حاسي مسعود")."""

MIN_GIVEN_LETTERS = 3


def named_before_father(rules: NameRules, text: Tokens, index: int, floor: int) -> Name | None:
    """The person whose given name, one the lists may lack and may be an ordinary
    word elsewhere ("جوهر"), stands right before "بن" or "بنت" (token `index`) and
    its name word, not before `floor`."""
    given, words = index - 1, text.words
    if given < floor or index + 1 >= len(words) or not (text.joined(given) and text.joined(index)):
        return None
    word, father = words[given], words[index + 1]
    # Mauritania's given names take the article as often as not, titles of rank
    # among them ("الداه ولد عبد الجليل", "الشيخ ولد اعبيد"); before "بن" such a
    # word is a title or a noun
    definite = words[index] in MAURITANIAN_SONSHIP and word.startswith(ARTICLE)
    if (
        word in rules.given_arabic
        # "تركي بن فهد": a people's adjective without the article names a man
        or (word in rules.place_keys and not word.endswith(NISBA_LETTER))
        or word in rules.arabic_heads
        or (word in rules.stopwords and not (definite and word in rules.arabic_namesakes))
        or word in rules.place_words
        or word in rules.place_word_forms  # "بقضاء بنت جبيل"
        or word.removeprefix(AND) in rules.toponym_prefixes  # "وبرج بن عزوز": a town
        or f"{words[index]} {father}" in rules.place_keys
        or not is_arabic(word)
        or (word.startswith(ARTICLE_FORMS) and not definite)
        or len(word) < MIN_GIVEN_LETTERS
        or not_a_name(word)
        or _present_verb(word)
        or not is_arabic(father)
        or (
            (father in rules.stopwords or ordinary_word(rules, father))
            and not _given_stopword(text, index + 1)
        )
    ):
        return None
    if word.startswith(AND) and len(word) > MIN_GIVEN_LETTERS:
        word = word[len(AND) :]  # "وعلي بن أحمد الرواس": "و" and the given name
    return arabic_person(rules, text, given, word)


def _present_verb(word: str) -> bool:
    """A word the lists lack shaped as a verb in the present, "ي" and three root
    letters after "و" at most ("ويوجد بن عيسى رهن الحبس"): the given names so shaped
    ("يوسف", "يونس", "يحيى") are listed."""
    stem = word[len(AND) :] if word.startswith(AND) and len(word) > PRESENT_VERB_LETTERS else word
    return len(stem) == PRESENT_VERB_LETTERS and stem.startswith(PRESENT_PREFIX)


PRESENT_PREFIX = "ي"

PRESENT_VERB_LETTERS = 4


def arabic_person(
    rules: NameRules, text: Tokens, start: int, first: str | None = None
) -> Name | None:
    """A given name (after و or ف at most; `first`, a given name found otherwise),
    then other given names, particles with the word they bind, definite family
    names, or one bare family name."""
    words, count = text.words, len(text.words)
    if start > 0 and text.joined(start - 1) and words[start - 1] in rules.place_word_forms:
        return None  # "إقليم سيدي بنور", "بمنجم سيدي شنان": a place named like a person
    if start > 0 and text.joined(start - 1) and words[start - 1] in MONTH_WORDS:
        return None  # "شهر رمضان المبارك": the month, which names people too
    if start > 0 and text.joined(start - 1) and words[start - 1].removeprefix(AND) in WELLS:
        return None  # "وبئر علي بن خليفة": a town named for a man's well
    if _patronymic_alone(rules, text, start):
        return None  # "وتتهم النيابة ولد أحمد سالم": a man named in full before
    parts = [first or rules.given_arabic.get(words[start]) or rules.openers_arabic[words[start]]]
    last = start + 1
    if parts[0].startswith(ARTICLE) and not _opens_with_article(rules, text, start):
        return None  # "العربي" opens a name less often than it is the adjective
    definite = False
    while last < count and last - start < MAX_ARABIC_CHAIN and text.joined(last - 1):
        following = words[last]
        if len(parts) > 1 and parts[-2] in MAURITANIAN_SONSHIP and following in rules.completions:
            parts.append(following)  # "فاطمة منت أحمد باب": the father's name goes on
            last += 1
            break
        if not definite and _named_by_father(rules, text, last):
            parts.append(following)  # "محمد الأمين ولد ...": a name, not the title
            last += 1
            continue
        if len(parts) == 1 and f"{parts[0]} {following}" in rules.compound_given:
            parts.append(following)  # "فاطمة الزهراء المنصوري"
            last += 1
            continue
        if len(parts) == 1 and parts[0] in rules.particles_arabic and following.startswith(ARTICLE):
            parts.append(following)  # "عبد الرحيم": the word it binds is no family name
            last += 1
            continue
        if following in rules.arabic_titles and (
            len(parts) == 1 or (not definite and following in FAMILY_TITLES)
        ):
            parts.append(following)  # "مازن القاضي", "محمود عبد الحميد السيد": the family's
            last += 1
            if len(parts) > 2 and _given_name_after(rules, text, last - 1):
                continue  # "عبد الحميد السيد منصور": a father's name, as it is in Egypt
            if last < count and text.joined(last - 1) and _plain_family_name(rules, words[last]):
                parts.append(words[last])  # "عبد الفتاح السيد الشناوي": the family's after
                last += 1
            break
        if (
            not definite
            and _one_given_name(parts)
            and _family_word_after_compound(rules, following)
        ):
            parts.append(following)  # "عبد الرحمن الفقيه": the family's, a nisba may follow
            definite = True
            last += 1
            continue
        if not definite and _given_stopword(text, last):
            parts.append(following)  # "توفيق محمد علي", "مثنى أمين": a name, no function word
            last += 1
            continue
        if (
            not is_arabic(following)
            or following in rules.stopwords
            or following in rules.arabic_ends
            or following in COUNTS  # "ليديا ثلاث ساعات": a count, after the name
            or following in rules.arabic_heads
            or _and_another(rules, following)
            or (
                following.startswith(AND)
                and following not in rules.given_arabic
                and following not in rules.particles_arabic
                and following not in FATHER
            )
            or (opens_a_phrase(rules, following) and not _family_name_before_clause(text, last))
            or _at_place(rules, following)
        ):
            break  # "و" and a word that is no given name ("وليد") opens the next phrase
        if (
            following in PILGRIMS
            and not definite
            and last + 1 < count
            and text.joined(last)
            and (bare_name(rules, words[last + 1]) or words[last + 1] in rules.given_arabic)
        ):
            # "أنس حاج زيدان", "كامل عبد الله الحاج حسن": a family's name
            parts += [following, words[last + 1]]
            last += 2
            break
        if following == TRIBE and last + 1 < count and text.joined(last):
            parts += [following, words[last + 1]]  # "فاطمة عبد الرحمن بني هاني"
            last += 2
            break
        if following in rules.particles_arabic or (
            following in PERSON_LINKS
            and last + 1 < count
            and text.joined(last)
            and words[last + 1] not in rules.stopwords
            and not ordinary_word(rules, words[last + 1])
        ):
            # "ستيفان دي وولف", "فلافيو دي جاكومو": a foreign name's link binds too
            if last + 1 >= count or not text.joined(last):
                break
            if following == NATIVE_OF and (
                len(parts) >= FULL_NAME_WORDS or words[last + 1] in rules.arabic_local_places
            ):
                break  # "رشيد آيت الحاج ابن إملشيل": a son of the town, born there
            parts += [following, words[last + 1]]
            last += 2
            if following == ARTICLE:
                break  # "آل ثاني": the family's name ends it
            if (
                parts[-1] == SERVANT
                and last < count
                and text.joined(last - 1)
                and words[last].startswith(ARTICLE)
            ):
                parts.append(words[last])  # "يوسف بن عبد السلام": the servant of a name
                last += 1
        elif (
            following in COMPOUND_ENDS
            and not definite
            and (parts[-1] in rules.given_arabic or parts[-1] in rules.openers_arabic)
        ):
            # "حسام الدين فتحي", "عز الدين الميداوي": one given name, more may follow
            parts.append(following)
            last += 1
        elif ordinary_word(rules, following):
            if (
                not definite
                and last + 1 < count
                and text.joined(last)
                and _plain_family_name(rules, words[last + 1])
            ):
                # "محمد خير الرواشدة", "عمر فلاح الخوالدة": a father's name that is also
                # a word, before the family's
                parts += [following, words[last + 1]]
                last += 2
            break
        elif following in rules.given_arabic and not definite:
            parts.append(following)
            last += 1
        elif (
            following.startswith(ARTICLE)
            and _family_name(
                parts,
                following,
                written_word(text, last).endswith(HEH),
                len(parts) == 2 and " ".join(parts) in rules.compound_given,
            )
            and (not no_family_name(rules, following) or _plain_family_name(rules, following))
            and not _demonym_before_name(rules, text, last)
        ):
            definite = True
            parts.append(following)
            last += 1
        elif (
            not definite
            and bare_name(rules, following)
            and not not_a_name(following)
            and not defective_verb(rules, following)
            and not no_family_name(rules, following)
        ):
            parts.append(following)  # a family name without the article ends the name
            last += 1
            if (
                last + 1 < count
                and words[last] in PERSON_LINKS
                and text.joined(last - 1)
                and text.joined(last)
                and bare_name(rules, words[last + 1])
            ):
                parts += words[last : last + 2]  # "ماركوس فيليبي دا سيلفا": a link, its name
                last += 2
            elif last < count and text.joined(last - 1) and words[last] in COMPOUND_ENDS:
                parts.append(words[last])  # "بهي الدين", "جاب الله"
                last += 1
            elif last < count and text.joined(last - 1) and _tribal_name(rules, words[last]):
                parts.append(words[last])
                last += 1
            elif (
                _given_and_father(parts)
                and last < count
                and text.joined(last - 1)
                and (words[last] in rules.given_arabic or _given_stopword(text, last))
                and not _and_another(rules, words[last])  # "وغازي زعيتر ويوسف فنيانوس"
            ):
                parts.append(words[last])  # "مريم جرجس فهمي": the father's, then the grandfather's
                last += 1
            elif _given_and_father(parts) and _family_name_at_end(rules, text, last):
                parts.append(words[last])  # "مني أركو مناوي،": the father's, then the family's
                last += 1
            elif _given_and_father(parts) and _definite_family_after_father(rules, text, last):
                parts.append(words[last])  # "أحمد ديب الخطيب": the father's, then the family's
                last += 1
            break
        else:
            break
    person = _unknown_person(rules, parts, start, last)
    if person is not None and _kunya_before(text, start):
        # "جارها أبو سامر الحنبلي": the father of Samer is the man named
        return replace(person, name=f"{KUNYA} {person.name}", first=start - 1)
    return person


PERSON_LINKS = frozenset(("دي", "دا", "دو", "فان", "فون"))
"""Links of foreign people's names written in Arabic letters (de, da, van, von)."""

NATIVE_OF = "ابن"

PILGRIM = "حاج"

PILGRIMS = frozenset((PILGRIM, ARTICLE + PILGRIM))
"""The pilgrim's title that opens Levantine families' names ("حاج زيدان", "الحاج حسن")."""

FULL_NAME_WORDS = 3
"""A given name and a family's of two words ("رشيد آيت الحاج"): "ابن" after them says
where the man is from, his father named already or never."""


def _patronymic_alone(rules: NameRules, text: Tokens, start: int) -> bool:
    """ "ولد" or "منت" stands right before token `start` with no given name before it:
    the name after is a father's, by which Mauritanian copy names again a person
    named in full before ("سيدي محمد ولد أحمد سالم" ... "ولد أحمد سالم")."""
    particle, before = start - 1, start - 2
    words = text.words
    return (
        particle >= 0
        and text.joined(particle)
        and words[particle] in MAURITANIAN_SONSHIP
        and (
            before < 0
            or not text.joined(before)
            or (words[before] not in rules.given_arabic and words[before] not in rules.completions)
        )
    )


KUNYA = "ابو"

KUNYA_FORMS = frozenset(clitic + KUNYA for clitic in ("", "و", "ف"))


def _kunya_before(text: Tokens, start: int) -> bool:
    """ "أبو" stands right before the name at token `start`, as the name's first word."""
    previous = start - 1
    return previous >= 0 and text.joined(previous) and text.words[previous] in KUNYA_FORMS


FAMILY_TITLES = frozenset(("السيد", "القاضي", "الوزير"))
"""Titles that are as often a family's name, and are so after a name of two words or
more ("محمد عبد العزيز السيد"), where no title stands."""


def _demonym_before_name(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is a country's adjective before a given name: it stands for the
    person named next ("حافظ المغربي سفيان البقالي على لقبه"), no family name of the
    word before it."""
    following = index + 1
    return (
        text.words[index] in rules.arabic_demonyms
        and following < len(text.words)
        and text.joined(index)
        and text.words[following] in rules.given_arabic
    )


def _given_stopword(text: Tokens, index: int) -> bool:
    """Token `index` is a given name that is also a stop word, inside a name: "علي" as
    written (not the preposition "على"), "أمين" unless a secretary's office follows
    ("أمين عام")."""
    word = text.words[index]
    return (word == ALI and ali_written(text, index)) or (
        word == AMIN and not _office_of_amin(text, index)
    )


AMIN = "امين"
"""A given name ("أمين") that is also the title of a secretary ("أمين عام")."""

AMIN_OFFICES = frozenset(("عام", "العام", "سر", "السر"))


def _office_of_amin(text: Tokens, index: int) -> bool:
    """ "أمين" at `index` is the secretary's title: "عام" or "السر" follows it."""
    following = index + 1
    return (
        following < len(text.words) and text.joined(index) and text.words[following] in AMIN_OFFICES
    )


def _family_name_before_clause(text: Tokens, index: int) -> bool:
    """A word "با" and a verbal noun's shape ("بايتاس", "بارجاش", as "بإنشاء") is a
    family name where the name ends after it, at punctuation or at the "إن" or "أن"
    of reported speech: a preposition's phrase goes on with its complement."""
    words, following = text.words, index + 1
    return words[index].startswith(BI + ALIF) and (
        following >= len(words) or not text.joined(index) or words[following] == THAT
    )


THAT = "ان"
""""إن" and "أن" normalized, which open what a person said after the name."""

ALIF = "ا"


def _family_name_at_end(rules: NameRules, text: Tokens, index: int) -> bool:
    """A bare word after a father's bare name is the family's when the name ends with
    it: punctuation, or a new clause with "و" or "ف", follows ("كاروان كاكه حمه
    فقال")."""
    words = text.words
    if index >= len(words) or not text.joined(index - 1):
        return False
    word = words[index]
    if not bare_name(rules, word) or not_a_name(word) or defective_verb(rules, word):
        return False
    if word.startswith(AND) or opens_a_phrase(rules, word) or word in rules.arabic_heads:
        return False
    if word.endswith(DUAL_PLURAL_ENDINGS) and word[:-2] in rules.common:
        return False  # "ميتروفيتش هدفين": two goals
    following = index + 1
    return (
        following >= len(words)
        or not text.joined(index)
        or (words[following][0] in CONJUNCTIONS and words[following] not in rules.given_arabic)
    )


def _definite_family_after_father(rules: NameRules, text: Tokens, index: int) -> bool:
    """A definite word after a father's bare name is the family's where it could be
    no sentence's word: no ordinary or function word, head, demonym, place or
    feminine adjective, and an age or another name follows ("أحمد ديب الخطيب (52
    عاما)", not "أحمد ديب الجديد")."""
    words = text.words
    if index >= len(words) or not text.joined(index - 1):
        return False
    word = words[index]
    if _plain_family_name(rules, word) and not alef_maqsura(text, index):
        return True  # "محمد خير الرواشدة", "عمر فلاح الخوالدة": a family's name only
    return (
        _family_word_after_compound(rules, word)
        and not word.endswith(FEMININE_NISBA_ENDING)
        and not no_family_name(rules, word)
        and not ordinary_word(rules, word)
        and not opens_a_phrase(rules, word)
        and word not in rules.common
        and not alef_maqsura(text, index)
        and _before_age_or_another_name(rules, text, index)
    )


def _before_age_or_another_name(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is followed by a person's age in brackets ("(52 عاما)") or by
    "و" and a given name ("الشرفات وعلي خلف"): a name ends there, where a noun after
    a name is as often its verb's object ("كوليبالي الفوز لفريقه", "كرزون البرنامج")."""
    words, following = text.words, index + 1
    if following >= len(words):
        return False
    word = words[following]
    if not text.joined(index):
        return word.isdigit()
    return word[0] == AND and (word[1:] in rules.given_arabic or word[1:] == ALI)


DUAL_PLURAL_ENDINGS = ("ين", "ان", "ات", "ون")
"""The endings of a noun's dual and sound plurals: on an ordinary word ("هدفين"), no name."""

COMPOUND_ENDS = frozenset(COMMON_COMPOUND_NAME_ENDINGS)

TRIBE = "بني"
"""The tribe's name after a person's given and father's names ("بني هاني")."""

CLITICS = frozenset(PREPOSITIONS + CONJUNCTIONS) - {AND}
"""A preposition or "ف" on a word ("بجائزة", "فقال"), which a name's word is not
unless it is a given name: the phrase after the name. (و has its own rule.)"""

PAST_VERB_PREFIX = "است"

ATTACHED_PRONOUNS = ("ها", "هم", "هما", "كم")

ATTACHED_PRONOUN_MIN_LETTERS = 5
"""A pronoun is attached to a stem of three letters at least."""

ACCUSATIVE_ENDING = "ا"

PARTICIPLE_PREFIX = "م"

ACCUSATIVE_MIN_LETTERS = 5

FATHER = frozenset(FILIATION_PARTICLES)

NAME_LIKE_CLITIC_ARTICLE = "بال"

MIN_PHRASE_AFTER_BAL = len(NAME_LIKE_CLITIC_ARTICLE) + 2


def _at_place(rules: NameRules, word: str) -> bool:
    """ "ب", "ف" or "ك" on a place's name or the first word of one ("بتيزي" of "بتيزي
    وزو"): where the person is, after the name ("ملعب حسين آيت أحمد بتيزي وزو"); not
    a Maghreb family name in "بو" ("بوعلي")."""
    stem = word[1:]
    return (
        not stem.startswith(AND)
        and word not in rules.given_arabic
        and (
            on_place(rules, word) or (word[0] in PLACE_PREPOSITIONS and stem in rules.place_openers)
        )
    )


def on_place(rules: NameRules, word: str) -> bool:
    """ "ب", "ف" or "ك" on a known place's name ("بورقلة"): where, not a name's word;
    "ك", rare on a place, not on a place's own name ("كسلا" is no "ك" on Salé)."""
    return (
        word[0] in PLACE_PREPOSITIONS
        and word[1:] in rules.place_keys
        and not (word[0] == AS and word in rules.place_keys)
    )


AS = "ك"


def opens_a_phrase(rules: NameRules, word: str) -> bool:
    """An Arabic word with a preposition, or ف, on it ("بالاستيلاء", "بجائزة",
    "فقال"), no given name: the phrase after a name, never a word of it. Besides
    the ordinary words, a count or span of time ("بخمس سنوات", "بسنتين") and a
    verbal noun of the derived forms ("بتجميد", "بإنشاء", "بانتخاب", "باستخدام")
    are known by their shape."""
    if word.startswith(CLITIC_ARTICLES):
        # "بالدي" (Baldé): no noun is two letters after the article
        return not word.startswith(NAME_LIKE_CLITIC_ARTICLE) or len(word) > MIN_PHRASE_AFTER_BAL
    if word[0] not in CLITICS or word in rules.given_arabic:
        return False
    stem = word[1:]
    return (
        stem in rules.common
        or stem in rules.openers_arabic  # "بنجاح": a given name that is a word ("نجاح")
        or stem in COUNTS
        or verbal_noun(stem)
        or (len(stem) >= MIN_POSSESSED_LETTERS and stem.endswith(POSSESSED_FEMININE))
        or _with_feminine_nisba(word)
    )


def _with_feminine_nisba(word: str) -> bool:
    """ "ب" on an indefinite feminine nisba ("بذهبية", "ببرونزية": with the gold, the
    bronze); not on a Maghreb family name in "بو" ("بوعطية")."""
    return (
        word.startswith(WITH)
        and not word.startswith(MAGHREB_FAMILY)
        and len(word) - len(WITH) >= MIN_NISBA_NOUN_LETTERS
        and word.endswith(FEMININE_NISBA_ENDING)
    )


WITH = "ب"

MAGHREB_FAMILY = "بو"

MIN_NISBA_NOUN_LETTERS = 4
"""A feminine nisba of three root letters ("فضيه" as normalization writes it)."""

POSSESSED_FEMININE = ("ته", "تها", "تهم", "تهما")
"""A feminine noun and a possessive pronoun ("لتسديدته": his shot): after a
preposition, the phrase after a name."""

MIN_POSSESSED_LETTERS = 6

COUNTS = frozenset(
    normalize_text(word)
    for word in (
        "ثلاث", "ثلاثة", "أربع", "أربعة", "خمس", "خمسة", "ست", "ستة", "سبع", "سبعة",
        "ثماني", "ثمانية", "تسع", "تسعة", "عشر", "عشرة", "عشرين", "ثلاثين", "أربعين",
        "خمسين", "مئة", "مائة", "مئات", "ألف", "آلاف", "مليون", "ملايين", "مليار",
        "سنة", "سنتين", "سنوات", "عام", "عامين", "أعوام", "شهر", "شهرين", "أشهر",
        "يوم", "يومين", "أيام", "أسبوع", "أسبوعين", "أسابيع", "ساعة", "ساعات", "نسبة",
    )
)  # fmt: skip
"""Numbers and spans of time, which follow a name only as the start of a phrase."""


def verbal_noun(stem: str) -> bool:
    """The shape of a verbal noun of a derived form, which no name has: تفعيل
    ("تجميد"), تفعلة ("توسعة"), إفعال ("إنشاء"), إفالة ("إضافة"), افتعال ("انتخاب"),
    استفعال ("استخدام")."""
    size = len(stem)
    return (
        (size == 5 and stem[0] == "ت" and stem[3] == "ي")
        or (size == 5 and stem[0] == "ت" and stem[4] == TEH_MARBUTA)
        or (size == 5 and stem[0] == "ا" and stem[3] == "ا")
        or (size == 5 and stem[0] == "ا" and stem[2] == "ا" and stem[4] == TEH_MARBUTA)
        or (size == 6 and stem[0] == "ا" and stem[2] in "تط" and stem[4] == "ا")
        or (size == 7 and stem.startswith(PAST_VERB_PREFIX) and stem[5] == "ا")
    )


DEFECTIVE_VERB_LETTERS = 4


def defective_verb(rules: NameRules, word: str) -> bool:
    """A past verb of form IV whose root ends weak ("أجرى", "ألقى", "أبدى"), no
    given name: the sentence going on after a name."""
    return (
        len(word) == DEFECTIVE_VERB_LETTERS
        and word[0] == "ا"
        and word[-1] == "ي"
        and word not in rules.given_arabic
    )


FEMININE_ADJECTIVE_MIN_LETTERS = 5
"""A stem of three letters and the ending "ية": "محلية"; "عطية" is a name."""


def feminine_adjective(rules: NameRules, word: str) -> bool:
    """An indefinite feminine adjective of relation ("إجمالية", "عرضية", "محلية"),
    which follows a noun and ends no person's name; no woman's given name ("سامية")."""
    return (
        len(word) >= FEMININE_ADJECTIVE_MIN_LETTERS
        and word.endswith(FEMININE_NISBA_ENDING)
        and not word.startswith(ARTICLE)
        and word not in rules.given_arabic
    )


def ordinary_word(rules: NameRules, word: str) -> bool:
    """An ordinary word that is no given name as well, or the feminine of an ordinary
    participle ("مرشحة" of "مرشح"): never a word of a name."""
    return (
        word in rules.common
        or (
            word.startswith(PARTICIPLE_MIM)
            and word.endswith(TEH_MARBUTA)
            and word[: -len(TEH_MARBUTA)] in rules.common
        )
    ) and word not in rules.given_arabic


PARTICIPLE_MIM = "م"
"""The prefix of participles ("مرشح", "مدير", "مسؤول"), whose feminine names a woman's
role after her name."""


def no_family_name(rules: NameRules, word: str) -> bool:
    """A word after a name that opens the rest of the sentence: an indefinite
    feminine adjective ("محلية"), a verbal noun of the forms تفعيل and تفعلة
    ("تعطيل", "توسعة") that is no given name ("توفيق" is one), or any derived form's
    verbal noun with the article ("التسجيل", "الانتخاب"), an ordinary noun after a
    preposition with its pronoun ("بفيلمه"); the bare shape إفعال is left to names
    ("أمغار")."""
    return (
        feminine_adjective(rules, word)
        or (
            word.startswith(VERBAL_NOUN_TA) and verbal_noun(word) and word not in rules.given_arabic
        )
        or (word.startswith(ARTICLE) and verbal_noun(word[len(ARTICLE) :]))
        # "بفيلمه": a preposition, an ordinary noun and "his" ("ه" is also "ة": "لمجموعه"
        # is "لمجموعة")
        or (
            word.startswith((BI, LAM))
            and word.endswith(TEH_MARBUTA)
            and ordinary_word(rules, word[1:-1])
            and word[1:] not in rules.common
        )
    )


VERBAL_NOUN_TA = "ت"

ACCUSATIVE_HAMZA = "ءا"


def not_a_name(word: str) -> bool:
    """An Arabic word shaped as no family name is: a verb in the past of the form
    استفعل ("استقبل"), a noun with an attached pronoun ("أراضيها"), an adverbial
    participle or verbal noun in the accusative ("مؤكدا", "اكتظاظا"), a noun in the
    accusative on its hamza ("جزءا", "شيئا"), a sound verb in the future ("سيطلب",
    "ستعقد"), a feminine verb in the past of form VIII ("امتدت")."""
    return (
        word.endswith(ACCUSATIVE_HAMZA)
        or _future_verb(word)
        or (len(word) == len(PAST_VERB_PREFIX) + 3 and word.startswith(PAST_VERB_PREFIX))
        or _past_feminine_of_viii(word)
        or (len(word) >= ATTACHED_PRONOUN_MIN_LETTERS and word.endswith(ATTACHED_PRONOUNS))
        or (
            len(word) >= ACCUSATIVE_MIN_LETTERS
            and word.endswith(ACCUSATIVE_ENDING)
            and (
                (word.startswith(PARTICIPLE_PREFIX) and not _foreign_ma(word))
                or (word[0] == "ا" and word[-3] == "ا")
            )
        )
    )


def _past_feminine_of_viii(word: str) -> bool:
    """A verb in the past of the form افتعلت (its ta assimilated: اضطرت, ازدهرت),
    feminine: "امتدت", "انتهت"."""
    return (
        len(word) in FORM_VIII_PAST_LETTERS
        and word[0] == ALIF
        and word[2] in FORM_VIII_TA_FORMS
        and word.endswith(FEMININE_PAST_TA)
    )


FORM_VIII_PAST_LETTERS = (5, 6)
FORM_VIII_TA_FORMS = frozenset("تطد")
FEMININE_PAST_TA = "ت"


def _future_verb(word: str) -> bool:
    """ "س" and a sound verb of three letters in the present ("سيطلب", "ستعقد",
    "سنعمل"); a name in "سي" has a long vowel in it ("سيمون", "سيلفا", "سيرين")."""
    return (
        len(word) == FUTURE_VERB_LETTERS
        and word[0] == FUTURE
        and word[1] in PRESENT_PREFIXES
        and not any(letter in LONG_VOWELS for letter in word[2:])
    )


FUTURE = "س"

FUTURE_VERB_LETTERS = 5

LONG_VOWELS = "اوي"


def _foreign_ma(word: str) -> bool:
    """A word of six letters or more opening with "ما" and ending with "ا": no
    participle in the accusative, which takes no alef second ("مؤكدا", "مقاتلا"), but
    a foreign name ("ماريغا", "مانديلا")."""
    return len(word) >= FOREIGN_MA_LETTERS and word[1] == "ا"


FOREIGN_MA_LETTERS = 6


def _named_by_father(rules: NameRules, text: Tokens, index: int) -> bool:
    """A definite word that is also an ordinary word or a title ("الأمين", "الحاج")
    is part of the name when "ولد", "بن" or "بنت" and a name follow it."""
    word, following = text.words[index], index + 1
    return (
        word.startswith(ARTICLE)
        and (word in rules.stopwords or word in rules.common)
        and word not in rules.arabic_ends
        and word not in rules.arabic_heads
        and following + 1 < len(text.words)
        and text.joined(index)
        and text.joined(following)
        and text.words[following] in FATHER
        and is_arabic(text.words[following + 1])
    )


def _opens_with_article(rules: NameRules, text: Tokens, start: int) -> bool:
    """A given name written with the article ("الكسندر", "المياسة", "الحبيب") opens a
    name only before a particle or a bare name word, where it is no adjective, or
    before a given name or a family's nisba where no definite noun precedes it for it
    to qualify ("قال الطاهر محمد نور", "قال الهادي العمري", not "اللاعب العربي محمد
    صلاح", "المحيط الهادي"), or before a family's nisba wherever it stands ("الفلاح
    الهادي الجموسي")."""
    following = start + 1
    if following >= len(text.words) or not text.joined(start):
        return False
    word = text.words[following]
    if _family_nisba(rules, word) and text.words[start] not in rules.arabic_demonyms:
        return True  # "وقال الفلاح الهادي الجموسي": no adjective is followed by a family's nisba
    if (word in rules.given_arabic or _family_nisba(rules, word)) and (
        start == 0 or not text.joined(start - 1) or not text.words[start - 1].startswith(ARTICLE)
    ):
        return True
    return word in rules.particles_arabic or (len(word) > 2 and bare_name(rules, word))


def _family_name(parts: list[str], word: str, heh: bool = False, compound: bool = False) -> bool:
    """A definite word that may carry on a person's name: never a feminine
    adjective ("الرياضية") but after بنت, nothing after a family name shaped as a
    nisba ("سالم الدوسري" ends there: "الهدف" is the next phrase), and only a nisba
    after another definite family name. `compound`: `parts` are one compound given
    name, whose second word is no family's ("محمد العربي التمسماني")."""
    if word.endswith(FEMININE_NISBA_ENDING) and DAUGHTER not in parts and not heh:
        # "مريم بنت علي الجابرية": a woman's family name takes the feminine; a word
        # written with "ه" is no feminine ("أنيس الفقيه")
        return False
    last = parts[-1]
    if not last.startswith(ARTICLE):
        return True
    if (
        len(parts) == 1
        or compound
        or last in COMPOUND_ENDS
        or (len(parts) > 1 and parts[-2] in NAME_PARTICLES)
    ):
        return True  # "الهادي", "عبد الله", "نصر الدين": a given name, the family's may follow
    # after a definite family name only a nisba goes on ("... الحمدان العتيبي"):
    # "عبد الله الحمدان التسجيل" is the name and the object of its verb
    return not nisba(last) and nisba(word)


def _tribal_name(rules: NameRules, word: str) -> bool:
    """A definite nisba after a father's name, the family's or tribe's name that ends
    a name of three ("أحمد مطلك الفهداوي"): no country's adjective, title or ordinary
    word."""
    return (
        nisba(word)
        and not word.endswith(FEMININE_NISBA_ENDING)
        and word not in rules.keys
        and word not in rules.arabic_ends
        and word not in rules.arabic_heads
        and word not in rules.common
        and word not in rules.stopwords
    )


def _and_another(rules: NameRules, word: str) -> bool:
    """ "و" and a name: the next name of a list ("منى وعرفات"), not this one's."""
    return word.startswith(AND) and (
        word[len(AND) :] in rules.given_arabic or word[len(AND) :] in rules.keys
    )


def _unknown_person(rules: NameRules, words: list[str], first: int, last: int) -> Name | None:
    """The person, unless the name is one word; where the gazetteer knows the name it
    opens with ("محمد السادس" in "محمد السادس الحداد", "محمد صلاح" in "سجل محمد
    صلاح هدفا"), that known name, which the walk then goes on after, unless a
    family's nisba ends the name."""
    if len(words) < 2 or _one_given_name(words):
        return None
    for end in range(2, len(words)):
        if " ".join(words[:end]) in rules.keys and not another_family(rules, words, end):
            return Name("person", " ".join(words[:end]), first, first + end)
    return Name("person", " ".join(words), first, last)


def another_family(rules: NameRules, words: Sequence[str], end: int) -> bool:
    """The name's first `end` words, a known person's name, are followed by a family's
    nisba that ends the name: another family's man ("محمد صلاح البنعلي", no Mohamed
    Salah), whom the gazetteer does not know."""
    return end == len(words) - 1 and _family_nisba(rules, words[end])


def _given_and_father(parts: list[str]) -> bool:
    """The name so far is a given name, of one word or a compound ("عبد الله"), and
    a father's bare name: a grandfather's or the family's name may follow."""
    return len(parts) == 2 or (len(parts) == 3 and _one_given_name(parts[:2]))


def _one_given_name(words: list[str]) -> bool:
    """Two words that make one compound given name ("عبد الكريم", "نور الدين"): a
    first name alone, the rest of the person's name not found ("باسم عبد الكريم")."""
    return len(words) == 2 and (words[0] == SERVANT or words[1] in COMPOUND_NAME_ENDINGS)


def _family_word_after_compound(rules: NameRules, word: str) -> bool:
    """A definite word after a compound given name is the family's name, an ordinary
    word ("الفقيه", the jurist, in "عبد الرحمن الفقيه") included, the compound alone
    being no person's name; no function word, head, place, demonym or time word."""
    return (
        word.startswith(ARTICLE)
        and word not in rules.stopwords
        and word not in rules.arabic_ends
        and word not in rules.arabic_heads
        and word not in rules.place_keys
        and word not in rules.arabic_demonyms
        and not word.startswith(LAM_ARTICLE)
    )


MAX_PLACE_WORDS = 3

MAX_PLACE_LINKS = 2
