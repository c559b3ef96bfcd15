"""Organisations and people the gazetteer does not know, found from how their
names are built rather than from a list of them.

- **Organisations** are built around a head noun (`workers/data/organisation_heads.toml`):
  English names end with it or continue with an of-phrase ("Saudi Electricity Co",
  "Free Confederation of Mauritanian Workers"); French names start with it, their
  other words often in lower case ("Cour des comptes", "Assemblée nationale");
  Arabic names are the head and the definite words of its construct ("وزارة الطاقة
  السعودية", "الاتحاد العام التونسي للشغل"). An acronym in brackets right after a
  name ("(UGTT)") is another form of it, and its later mentions count.
- **People** open with a given name (`workers/data/given_names.toml`) followed by
  at least one more name word: capitalised words and name particles in Latin
  script ("Mohamed Lemine Ould Sidi"), given names, particles and one family name
  in Arabic ("أحمد ولد داداه", "رياض محرز").

A name never runs across punctuation or a line break. A name that is a gazetteer
key is left to the gazetteer. The search starts only at head nouns and given names
(set lookups over the tokens), so a text without them costs one pass."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from newswire_text import Analysis, WordSet

from workers.gazetteer.inflection import arabic_variants
from workers.models import EntityType
from workers.text.arabic import (
    AND,
    ARTICLE,
    ARTICLE_FORMS,
    CLITIC_ARTICLES,
    COMMON_COMPOUND_NAME_ENDINGS,
    COMPOUND_NAME_ENDINGS,
    CONJUNCTIONS,
    CUE_PROCLITICS,
    FEMININE_NISBA_ENDING,
    FILIATION_PARTICLES,
    HEAD_PROCLITICS,
    LAM,
    LAM_ARTICLE,
    NAME_PARTICLES,
    NISBA_ADJECTIVE_ENDINGS,
    NISBA_LETTER,
    PERSON_PROCLITICS,
    PREPOSITIONS,
    TEH_MARBUTA,
    is_arabic,
)
from workers.text.normalize import normalize_text
from workers.text.tokens import Tokens

ORGANISATION_HEADS = "organisation_heads.toml"
GIVEN_NAMES = "given_names.toml"
MAX_NAME_WORDS = 10
MAX_FRENCH_NAME_WORDS = 16
"""French names run longer, their links written out: "Centre international pour le
règlement des différends relatifs aux investissements"."""
MAX_PERSON_WORDS = 5
MAX_ARABIC_CHAIN = 9
"""Arabic names run longer with their particles: "المياسة بنت حمد بن خليفة آل ثاني"."""
FRENCH_ADJECTIVE_ENDINGS = (
    "al", "ale", "aux", "ales", "el", "elle", "els", "elles", "ien", "ienne", "iens", "iennes",
    "aire", "aires", "ique", "iques", "if", "ive", "ifs", "ives", "ais", "aise", "aises", "ois",
    "oise", "oises", "ain", "aine", "ains", "aines", "eur", "eure", "eures", "ee", "ees",
    "nel", "nelle", "ier", "iere", "iers", "ieres", "ies", "ue", "ues", "ante", "antes",
    "iste", "istes", "il", "ile", "ils", "iles", "able", "ables", "ible", "ibles", "ant", "ants",
    "ic", "ics", "estre", "estres",
)  # fmt: skip
"""How the lower-case adjectives of a French name end ("nationale", "constitutionnel")."""
ACRONYM_LETTERS = range(2, 9)
POSSESSIVE = "s"
WORD_JOINS = ("'", "\u2019", "-")
APOSTROPHES = frozenset({"'", "\u2019"})
TITLE_CASE_SHARE = 0.6
"""Above this share of capitalised words a headline's capitals say nothing of names."""


@dataclass(frozen=True, slots=True)
class NameRules:
    """The words names are built from, normalized, and what must not become one."""

    latin_heads: dict[str, frozenset[str]]
    """Head nouns of organisation names in English and French."""
    latin_head_words: frozenset[str]
    english_trades: frozenset[str]
    english_offices: frozenset[str]
    """The English and French heads, the French lower-case ones and courts."""
    french_lower: frozenset[str]
    french_lower_named: frozenset[str]
    """Lower-case French heads that name a body only before a capitalised name ("lycée
    Askia Mohamed"); with "de" and a place they describe ("l'école de Toukra")."""
    french_courts: frozenset[str]
    """Lower-case heads of courts, a body when named for their seat ("cour d'appel
    de Tunis")."""
    """French heads that open a name in lower case ("le ministère de la Santé")."""
    kinds: dict[str | None, frozenset[str]]
    """Per language (None: any), the lower-case nouns that say what kind of body the
    name after them is ("maker Covestro", "le groupe OCP")."""
    kinds_after: frozenset[str]
    """(English) the kinds, and the nouns that only follow a name ("radio"): the
    name before them is a body's ("the Rudaw news network", "SAfm radio")."""
    kind_modifiers: frozenset[str]
    """(English) words between a name and its kind after it ("news", "ruling")."""
    arabic_heads: dict[str, str]
    """Every written form of an Arabic head noun (proclitics, article) -> the head
    as the name starts with it (article kept, proclitic dropped)."""
    links: frozenset[str]
    leading: frozenset[str]
    never: frozenset[str]
    """Words never inside a Latin-script name: days and months."""
    arabic_named: frozenset[str]
    arabic_weak: frozenset[str]
    arabic_states: frozenset[str]
    """Heads that with the article and one adjective name a body, as courts do:
    "الجامعة الأردنية"."""
    arabic_owned: frozenset[str]
    """Heads of bodies a country's adjective after the name says whose they are, no
    part of the name: "مجموعة البيرق التركية", "فرقة المسرح الحر الأردنية"."""
    arabic_placed: frozenset[str]
    """Heads that name a body only before a construct a place's name ends: "بلدية
    مصراتة", "دائرة صحة ذي قار", "قيادة عمليات كربلاء"."""
    arabic_fields: frozenset[str]
    """Heads whose names list their fields ("وزارة النقل والاتصالات وتقنية المعلومات")."""
    arabic_compound_adjectives: frozenset[tuple[str, str]]
    """Adjectives of two words, an indefinite one and the definite noun it is said
    of, that go on with a body's name: "جامعة محمد السادس متعددة التخصصات", "القوة
    المشتركة متعددة الجنسيات"."""
    arabic_anaphoric: frozenset[str]
    """Heads with the article that after "لل" at a name's end refer back to a body named
    before: "الإدارة العامة للشركة" is that company's management, no body of its own."""
    arabic_fields_alone: frozenset[str]
    """Heads whose names hold their fields alone, never what the body is for: a
    لل-word after one is the sentence's purpose ("وزارة المالية للنظر في")."""
    arabic_idioms: frozenset[tuple[str, str]]
    """A word and a head after it that make no body: ("تحت", "لواء")."""
    arabic_facilities: frozenset[str]
    """Heads of the names of airports, ports and dams: places, named like companies
    ("مطار بورتسودان", "سد مروي", "مطار رفيق الحريري الدولي")."""
    arabic_served: frozenset[str]
    """What a port or an airport serves, after its head: no name ("ميناء الصيد")."""
    arabic_descriptions: dict[str, frozenset[str]]
    """Per head, the words after it that make a description ("مسرح الجريمة")."""
    arabic_courts: frozenset[str]
    """Heads that with the article and one adjective name a body ("المحكمة الدستورية")."""
    arabic_seated: frozenset[str]
    """Weak heads that with one word name the local body of the place after them
    ("مديرية الزراعة بالحسكة")."""
    arabic_schools: frozenset[str]
    """Heads of schools whose town, with "ب", ends a name that describes them ("كلية
    الطب بسوسة"); none named for a person or a place."""
    arabic_districts: frozenset[str]
    """Heads that with a town's name alone name a district ("مركز أبو حمص" in Egypt,
    "لواء المزار الجنوبي" in Jordan), no body."""
    arabic_regional: frozenset[str]
    """Heads of a government's bodies that a region has its own of ("وزارة الصحة
    بولاية كسلا")."""
    arabic_local: frozenset[str]
    """Heads of local offices, named with "في" or "ب" and their town or region ("مكتب
    الصحة العامة والسكان في تعز")."""
    arabic_professions: frozenset[str]
    """Professions' plurals: a body of one is the order of its seat ("هيئة المحامين
    بفاس", "نقابة المحامين في بيروت"), the seat part of its name."""
    arabic_memorials: frozenset[str]
    """Heads of bodies often named for a person, whose given name may follow them
    without a title ("مستشفى كمال عدوان", "مدرسة خالد بن الوليد")."""
    arabic_complemented: frozenset[str]
    """Participles that take a complement ("المختصة", specialised in): a body's name
    ending with one before "في" or "ب" is cut short."""
    arabic_purposed: dict[str, frozenset[str]]
    """Heads that name a body only with what it does after the name -> those
    purposes ("دار" -> "للنشر")."""
    arabic_honoured: frozenset[str]
    """Titles of the fallen and of veterans a body is named for with the person's
    whole name ("مدرسة الشهيد أحمد منسي")."""
    arabic_designated: dict[str, frozenset[str]]
    """Heads that name a body with one bare word only before an adjective of its kind
    -> those adjectives ("مستشفى" -> "العام": "مستشفى سيئون العام")."""
    arabic_purposed_in: dict[str, frozenset[str]]
    """Of those heads, the words of a story about what the body does in which the head
    and one name word name it without the purpose ("دار الساقي" in a story about a book
    fair: "الناشرين", "للكتاب")."""
    arabic_adjectives: frozenset[str]
    """Definite adjectives of names that are not shaped like a nisba ("العام", "الأعلى")."""
    arabic_ends: frozenset[str]
    arabic_titles: frozenset[str]
    arabic_namesakes: frozenset[str]
    """Titles of rank that open, after a head noun, the name of the person a body is
    named for ("جامعة الملك عبد العزيز")."""
    """Titles ("القاضي", "المهندس"), among `arabic_ends`: after a given name alone,
    the family name ("مازن القاضي")."""
    arabic_function: frozenset[str]
    """Function words, which an indefinite construct inside a body's name never holds."""
    given_latin: frozenset[str]
    """The curated given names and those of many countries (`world_given`)."""
    word_given_latin: frozenset[str]
    """Those that are also English words ("Grace"): one opens a name only before a
    word that is no ordinary word ("Grace Atieno", not "Grace Church")."""
    particles_latin: frozenset[str]
    given_arabic: dict[str, str]
    """Every written form of an Arabic given name (after و or ف) -> the name."""
    openers_arabic: dict[str, str]
    """The same for words that open a name only before a given name ("سيد أحمد")."""
    particles_arabic: frozenset[str]
    stopwords: frozenset[str]
    """Words never inside a person's name (the person triggers' stop words)."""
    common: frozenset[str]
    """Ordinary words: never the one bare word that names a company or club."""
    keys: frozenset[str]
    """The gazetteer's keys: a name that is one of them is the gazetteer's."""
    body_keys: frozenset[str]
    """The keys of organisations and people: a name holding one, or the start of
    one, is (part of) a body or person the gazetteer knows."""
    place_keys: frozenset[str]
    """The keys of places: an Arabic place name is definite without the article
    ("موانئ أبوظبي", "لطلبة موريتانيا")."""
    demonyms: frozenset[str]
    """The Latin-script adjectives of places ("nigerian", "algerienne", "sud
    africain"): a person's name may follow one ("l'Algérien Houssem Aouar")."""
    arabic_demonyms: frozenset[str]
    """The definite masculine Arabic adjectives of countries ("البرازيلي"), which
    sports and culture copy writes before a foreign name ("البوركينابي ستيفان عزيز
    كي")."""
    possessors: frozenset[str]
    """The Latin-script names of the places that have Latin-script adjectives
    (countries, continents): "Spain's Repsol" names a body of the country."""
    place_words: frozenset[str]
    """Words that say the name after them is a place ("مدينة", "ولاية"): never a
    given name ("مدينة بن قردان")."""
    appositions: dict[str, frozenset[str]]
    roles: frozenset[str]
    """Every language's `appositions` together: a capitalised one before a given name
    is a title ("Opener Abdullah Shafique")."""
    """Per Latin-script language, the roles and trades written as an apposition beside
    a name ("Jane Doe, an analyst at ...", "son gérant, Issouf Traoré, ...")."""
    place_links: frozenset[str]
    """The Latin words that may stand between a place word and its name ("of")."""
    toponym_prefixes: frozenset[str]
    """The words many Arabic place names open with ("سيدي", "عين", "أولاد"), followed
    by a word of any kind, a given name included."""
    named_after: frozenset[str]
    """What is often named after a person ("award", "stadium"): a person's name
    followed by one is that thing's ("King Abdullah Sports City")."""
    person_keys: frozenset[str]
    """The keys of people: a body's name holding one is named after the person
    ("King Abdullah University of Science and Technology", "مركز الملك سلمان
    للإغاثة"), a body of its own."""

    starts: WordSet
    """Every word a name can be found from: heads and given names, as written, the
    kinds, the last words of the demonyms and the possessive's "s"."""
    side_starts: frozenset[str]
    """The starts that are only demonyms or the possessive: the name after them is
    looked for alone."""
    arabic_regions: frozenset[str] = frozenset()
    """The Arabic names of first-level regions ("كسلا", "ذي قار", "صلاح الدين"),
    which are no keys (`workers/gazetteer/places.py` finds regions): one of several
    words is definite like a place's key at the end of a construct ("مجلس محافظة ذي
    قار"), and one after "ب" and a region word is a body's seat ("وزارة الصحة بولاية
    كسلا")."""
    region_words: frozenset[str] = frozenset()
    """(Arabic) The singular words that name a first-level region ("محافظة",
    "ولاية")."""
    place_openers: frozenset[str] = frozenset()
    """The first words of the Arabic places' names of several words, keys and
    `arabic_regions`: "ذي", "كفر"."""
    place_word_forms: frozenset[str] = frozenset()
    """`place_words` as written, an Arabic one with its proclitics too ("بمنجم"), none
    with the article: no person's name follows one."""
    list_ends: frozenset[str] = frozenset()
    """(Arabic) The words before which a list of places may end (`places_in_lists`)."""
    several_places: frozenset[str] = frozenset()
    """(Arabic) Place words that name more than one place ("ولايات"), with their
    proclitics."""
    local_places: WordSet = field(default_factory=lambda: WordSet([]))
    """The Arabic keys of one word of known places within a country (towns, regions,
    sites; no country, continent or sea), with their proclitics: a list of places may
    go on after one (`places_in_lists`)."""
    arabic_local_places: frozenset[str] = frozenset()
    """The Arabic keys of known places within a country, of any number of words: a
    local office named with "في" and one is that place's ("مكتب الصحة العامة والسكان
    في تعز")."""
    compound_given: frozenset[str] = frozenset()
    """Arabic given names of two words whose second is an ordinary word elsewhere
    ("فاطمة الزهراء", "نور الهدى")."""
    completions: frozenset[str] = frozenset()
    """Words that complete a Mauritanian name after "ولد" or "منت" and a given name
    ("ولد محمد فال", "منت أحمد باب"), ordinary words or titles elsewhere."""


def given_name_words(given: dict[str, Any]) -> frozenset[str]:
    """Every given name of the document, normalized, in both scripts."""
    return frozenset(
        normalize_text(name)
        for section in given.values()
        for key in ("given", WORD_GIVEN)
        for name in section.get(key, [])
    )


WORD_GIVEN = "word_given"
"""The Latin given names that are also English words ("Grace", "Mercy")."""


def name_rules(
    heads: dict[str, Any],
    given: dict[str, Any],
    stopwords: frozenset[str],
    common: frozenset[str],
    keys: frozenset[str],
    body_keys: frozenset[str],
    demonyms: frozenset[str] = frozenset(),
    possessors: frozenset[str] = frozenset(),
    named_after: frozenset[str] = frozenset(),
    place_words: frozenset[str] = frozenset(),
    person_keys: frozenset[str] = frozenset(),
    arabic_demonyms: frozenset[str] = frozenset(),
    toponym_prefixes: frozenset[str] = frozenset(),
    world_given: frozenset[str] = frozenset(),
    appositions: dict[str, frozenset[str]] | None = None,
    place_links: frozenset[str] = frozenset(),
    several_places: frozenset[str] = frozenset(),
) -> NameRules:
    """The rules from the two data documents, every word normalized. `world_given`:
    given names beyond the curated ones, kept unless the gazetteer has them as a key
    or they are a stop word, an ordinary word, a head or a kind."""
    appositions = {lang: roles for lang, roles in (appositions or {}).items() if roles}

    def words(section: dict[str, Any], name: str) -> frozenset[str]:
        return frozenset(normalize_text(w) for w in section.get(name, []))

    latin = [heads["en"], heads["fr"]]
    arabic_heads: dict[str, str] = {}
    for head in words(heads["ar"], "heads") | words(heads["ar"], "facilities"):
        for clitic in HEAD_PROCLITICS:
            arabic_heads.setdefault(clitic + head, head)
            if clitic.endswith(LAM):
                arabic_heads.setdefault(clitic[:-1] + LAM_ARTICLE + head, ARTICLE + head)
            else:
                arabic_heads.setdefault(clitic + ARTICLE + head, ARTICLE + head)
    for head in words(heads["ar"], "indefinite"):  # "ثانوية ..."; "الثانوية" is no head
        for clitic in HEAD_PROCLITICS:
            arabic_heads.setdefault(clitic + head, head)
    for phrase in words(heads["ar"], "phrases"):  # "بقيادة": led by, no body
        for clitic in ("", *CONJUNCTIONS):
            arabic_heads.pop(clitic + phrase, None)
    # "علي" (Ali) normalizes as "على" (on) does: a given name that is a function
    # word cannot open a name
    given_arabic = {
        clitic + name: name
        for name in words(given["ar"], "given") - stopwords
        for clitic in (SERVANT_PROCLITICS if _servant_compound(name) else PERSON_PROCLITICS)
    }
    openers_arabic = {
        clitic + name: name
        for name in words(given["ar"], "openers") | words(given["ar"], "word_openers")
        for clitic in PERSON_PROCLITICS
    }
    latin_heads = {lang: words(heads[lang], "heads") for lang in ("en", "fr")}
    kinds: dict[str | None, frozenset[str]] = {
        lang: words(heads[lang], "kinds") for lang in ("en", "fr")
    }
    kinds[None] = kinds["en"] | kinds["fr"]
    kinds_after = kinds["en"] | words(heads["en"], "kinds_after")
    word_given = words(given["latin"], WORD_GIVEN)
    given_latin = (
        words(given["latin"], "given")
        | word_given
        | (
            world_given
            - keys
            - stopwords
            - common
            - kinds[None]
            - kinds_after
            - latin_heads["en"]
            - latin_heads["fr"]
        )
    )
    demonym_ends = frozenset(d.rsplit(" ", 1)[-1] for d in demonyms)
    side = (demonym_ends | ({POSSESSIVE} if possessors else frozenset())) - (
        given_latin | latin_heads["en"] | latin_heads["fr"] | kinds[None]
    )
    return NameRules(
        latin_heads=latin_heads,
        english_trades=words(heads["en"], "trades"),
        english_offices=words(heads["en"], "offices"),
        latin_head_words=frozenset().union(
            *latin_heads.values(), words(heads["fr"], "lower"), words(heads["fr"], "courts")
        ),
        french_lower=words(heads["fr"], "lower"),
        french_lower_named=words(heads["fr"], "lower_named"),
        french_courts=words(heads["fr"], "courts"),
        kinds=kinds,
        kinds_after=kinds_after,
        kind_modifiers=words(heads["en"], "kind_modifiers"),
        arabic_heads=arabic_heads,
        links=frozenset().union(*(words(s, "links") for s in latin)),
        leading=frozenset().union(*(words(s, "leading") for s in latin)),
        never=frozenset().union(*(words(s, "never") for s in latin)),
        arabic_named=words(heads["ar"], "named"),
        arabic_weak=words(heads["ar"], "weak"),
        arabic_placed=words(heads["ar"], "placed"),
        arabic_owned=words(heads["ar"], "owned"),
        arabic_states=words(heads["ar"], "states"),
        arabic_fields=words(heads["ar"], "fields"),
        arabic_fields_alone=words(heads["ar"], "fields_alone"),
        arabic_anaphoric=words(heads["ar"], "anaphoric"),
        arabic_compound_adjectives=frozenset(
            (first, second)
            for first, second in (
                w.split(" ", 1) for w in words(heads["ar"], "compound_adjectives")
            )
        ),
        arabic_courts=words(heads["ar"], "courts"),
        arabic_seated=words(heads["ar"], "seated"),
        arabic_schools=words(heads["ar"], "schools"),
        arabic_regional=words(heads["ar"], "regional"),
        arabic_districts=words(heads["ar"], "districts"),
        arabic_local=words(heads["ar"], "local"),
        arabic_professions=words(heads["ar"], "professions"),
        arabic_memorials=words(heads["ar"], "memorials"),
        arabic_complemented=words(heads["ar"], "complemented"),
        arabic_purposed={
            normalize_text(head): words(heads["ar"]["purposed"], head)
            for head in heads["ar"].get("purposed", {})
        },
        arabic_honoured=words(heads["ar"], "honoured"),
        arabic_designated={
            normalize_text(head): words(heads["ar"]["designated"], head)
            for head in heads["ar"].get("designated", {})
        },
        arabic_purposed_in={
            normalize_text(head): words(heads["ar"]["purposed_in"], head)
            for head in heads["ar"].get("purposed_in", {})
        },
        arabic_facilities=words(heads["ar"], "facilities"),
        arabic_served=words(heads["ar"], "served"),
        arabic_descriptions={
            normalize_text(head): words(heads["ar"]["descriptions"], head)
            for head in heads["ar"].get("descriptions", {})
        },
        arabic_idioms=frozenset(
            (before, head)
            for before, head in (idiom.split(" ", 1) for idiom in words(heads["ar"], "idioms"))
        ),
        arabic_adjectives=words(heads["ar"], "adjectives"),
        arabic_ends=words(heads["ar"], "ends") | words(heads["ar"], "titles"),
        arabic_titles=words(heads["ar"], "titles"),
        arabic_namesakes=words(heads["ar"], "namesakes"),
        arabic_function=words(heads["ar"], "function"),
        given_latin=given_latin,
        word_given_latin=word_given,
        particles_latin=words(given["latin"], "particles"),
        given_arabic=given_arabic,
        openers_arabic=openers_arabic,
        particles_arabic=frozenset(NAME_PARTICLES),
        stopwords=stopwords,
        common=common,
        keys=keys,
        body_keys=body_keys,
        place_keys=keys - body_keys,
        demonyms=demonyms,
        arabic_demonyms=arabic_demonyms,
        possessors=possessors,
        named_after=named_after,
        person_keys=person_keys,
        place_words=place_words,
        compound_given=words(given["ar"], "compounds"),
        completions=words(given["ar"], "completions"),
        place_word_forms=frozenset(
            clitic + word
            for word in place_words
            if not word.startswith(ARTICLE)  # "سياسة المدينة فاطمة ...": a phrase ends there
            for clitic in (CUE_PROCLITICS if is_arabic(word) else ("",))
        ),
        toponym_prefixes=toponym_prefixes,
        place_links=place_links,
        several_places=frozenset(
            clitic + word for word in several_places for clitic in CUE_PROCLITICS
        ),
        appositions=appositions,
        roles=frozenset().union(*appositions.values()),
        starts=WordSet(
            sorted(
                frozenset().union(
                    *latin_heads.values(),
                    arabic_heads,
                    given_latin,
                    given_arabic,
                    openers_arabic,
                    SONSHIP,
                    ALI_WRITTEN,
                    *appositions.values(),
                    kinds[None],
                    kinds_after,
                    side,
                    arabic_demonyms,
                )
            )
        ),
        side_starts=side,
    )


@dataclass(frozen=True, slots=True)
class Name:
    """A name found in the text: tokens `[first, last)`, its type and normalized
    name (without an Arabic proclitic), and an acronym given for it."""

    type: EntityType
    name: str
    first: int
    last: int
    acronym: str | None = None
    yields: bool = False
    """Found from the words around it alone ("Spain's Repsol"): a small place of the
    same words is the place."""
    seat: int | None = None
    """The token where the body's seat opens ("بولاية كسلا" of "وزارة الصحة بولاية
    كسلا"): the place there is named too."""


def find_names(rules: NameRules, text: Tokens, language: str | None) -> list[Name]:
    """Organisations and people in the text, in order, none that the gazetteer knows
    (`_known`)."""
    hits = rules.starts.find(text.analysis)
    if not hits:
        return _spelled_out(rules, text, [])
    skip = _title_case_headline(text) if _in_headline(text.analysis, hits[0]) else 0
    found: list[Name] = []
    covered = -1
    words, caps, kinds, side = text.words, text.caps, rules.kinds[None], rules.side_starts
    kinds_after, arabic = rules.kinds_after, language == "ar"
    latin_heads = rules.latin_head_words
    for index in hits:
        if index < skip or index < covered:
            continue
        word = words[index]
        if arabic:
            if word in SONSHIP:
                name = _named_before_father(rules, text, index, max(covered, skip))
            elif word in rules.arabic_demonyms:
                name = _after_arabic_demonym(rules, text, index)
            elif word in rules.arabic_heads:
                name = _arabic_organisation(rules, text, index) or _person(rules, text, index)
            elif _town_after_in(rules, text, index):
                continue
            else:
                name = _person(rules, text, index)
        elif (
            not caps[index]
            and word in rules.appositions.get(language or "", ())
            and word not in kinds
            and word not in kinds_after
        ):
            name = _beside_role(rules, text, index)
        elif not caps[index] and (word in kinds or word in kinds_after):
            name = _after_kind(rules, text, index, language) if word in kinds else None
            if name is None and language != "fr" and word in kinds_after:
                name = _before_kind(rules, text, index)
        elif word in side:
            if word == POSSESSIVE:
                name = _after_possessive(rules, text, index) if language != "fr" else None
            else:
                name = _after_demonym(rules, text, index) if language == "fr" else None
        elif word in latin_heads or word in rules.arabic_heads:
            name = _organisation(rules, text, index, language) or _person(rules, text, index)
        elif caps[index] or word in rules.given_arabic or word in rules.openers_arabic:
            name = _person(rules, text, index)
        else:
            continue
        if name is not None and name.first >= covered:
            covered = name.last
            if not _known(rules, text, name, language):
                found.append(_with_acronym(text, name))
    if arabic:
        found = [_with_ali(text, n) if n.type == "person" else n for n in found]
    found = _spelled_out(rules, text, found)
    acronyms = {normalize_text(n.acronym) for n in found if n.acronym is not None}
    if acronyms:  # "the miner SNIM" after "... (SNIM)": the same body
        found = [n for n in found if n.acronym is not None or n.name not in acronyms]
    return found


def _seat_follows(text: Tokens, index: int, shortest: int = 2) -> bool:
    """Token `index` is "في" or a word of `shortest` letters or more with "ب" on it,
    joined to the one before: where a body sits may follow ("المديرية الإقليمية للوزارة
    بتارودانت")."""
    if index >= len(text.words) or not text.joined(index - 1):
        return False
    word = text.words[index]
    return word == IN_ARABIC or (word.startswith(BI) and len(word) >= shortest)


def _town_after_in(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` opens a town's name after "في": a word many towns' names open
    with, as a person's may ("في سيدي يحيى الغرب", "Sidi" of a saint's town)."""
    return (
        index > 0
        and text.words[index] in rules.toponym_prefixes
        and text.words[index - 1].removeprefix(AND) == IN_ARABIC
        and text.joined(index - 1)
    )


EXTENSION_WORDS = 3
"""How far past a name to look for the known name it may be the start of; a Latin
one, its links written out, up to `LATIN_EXTENSION_WORDS` ("Groupe de soutien" of
"Groupe de soutien à l'islam et aux musulmans")."""
LATIN_EXTENSION_WORDS = 6


def _known(rules: NameRules, text: Tokens, name: Name, language: str | None) -> bool:
    """Whether the gazetteer has the name: as a key; for an organisation, a known body
    inside it ("مكتب الأمم المتحدة"), not a person it is named after, or a known body
    it only begins ("صندوق النقد" of "صندوق النقد الدولي"); for a person, any known name of two
    words or more inside it but a father's after "بن" or "بنت", or one known person's
    word ("Dagalo"), unless a family's nisba follows that name. A head-first
    name (Arabic, French) that goes on past a known body of two words or more it
    opens with is another body ("التجمع الوطني الديمقراطي", "Rassemblement national
    des indépendants"), unless a country's adjective alone follows it ("حزب الله
    اللبناني")."""
    if name.name in rules.keys:
        return True
    if name.type == "place":
        return False  # an airport named after a known person or town is neither
    words = name.name.split(" ")
    count = len(words)
    person = name.type == "person"
    arabic = is_arabic(name.name)
    head_first = not person and (language == "fr" or arabic)
    body_keys, keys = rules.body_keys, rules.keys
    for size in range(1 if not person else 2, count):
        for start in range(count - size + 1):
            if (
                start == 0
                and size > 1
                and head_first
                and words[size] not in COORDINATORS
                and not all(_nisba(w) and w in rules.place_keys for w in words[size:])
            ):
                continue
            part = " ".join(words[start : start + size])
            if size == 1 and part in FRENCH_IN:
                continue  # "au" of "... au Liban" is no African Union
            if (
                size == 1
                and start > 0
                and start + size == count
                and not head_first
                and part in rules.latin_head_words
            ):
                continue  # "Uganda People's Congress" is no US Congress: its head
            if person and start > 0 and words[start - 1] in SONSHIP:
                continue  # the father's name ("المياسة بنت حمد بن خليفة آل ثاني")
            if person and start == 0 and _another_family(rules, words, size):
                continue
            if (part in body_keys and (person or part not in rules.person_keys)) or (
                size > 1 and person and part in keys
            ):
                return True
    return begins_known_body(rules, text, words, name.last, arabic)


def begins_known_body(
    rules: NameRules, text: Tokens, name: Sequence[str], last: int, arabic: bool
) -> bool:
    """Whether the words of `name`, ending before token `last`, run on into a known
    body's name ("Renaissance" of "Renaissance sportive de Berkane")."""
    words, following = list(name), last
    for _ in range(EXTENSION_WORDS if arabic else LATIN_EXTENSION_WORDS):
        if following >= len(text.words) or not text.joined(following - 1):
            break
        words.append(text.words[following])
        following += 1
        if " ".join(words) in rules.body_keys:
            return True
    return False


def _in_headline(analysis: Analysis, index: int) -> bool:
    end = analysis.original.find("\n")
    return end >= 0 and analysis.span(index, index + 1).start < end


def _title_case_headline(text: Tokens) -> int:
    """The first token after the headline when the headline is in title case
    ("Ahly Club Beats Sundowns"), whose capitals say nothing about names; else 0."""
    low = text.body
    latin = [i for i in range(low) if text.words[i].isascii() and len(text.words[i]) > 3]
    capitals = sum(1 for i in latin if text.caps[i])
    return low if latin and capitals / len(latin) > TITLE_CASE_SHARE else 0


# -- organisations -------------------------------------------------------------------


def _organisation(rules: NameRules, text: Tokens, index: int, language: str | None) -> Name | None:
    word = text.words[index]
    if word in rules.arabic_heads:
        return _arabic_organisation(rules, text, index)
    heads = rules.latin_heads
    if (
        index + 1 < len(text.words)
        and text.words[index + 1] in COMPASS_POINTS
        and _glued(text, index) == HYPHEN
    ):
        return None  # "dans le Centre-Nord": a region named by the compass, no body
    if word in UPPER and _glued(text, index) == HYPHEN:
        return None  # "la région du Haut-Katanga", "la Haute-Kotto": a region, no body
    if language == "fr" and not text.caps[index] and word in rules.french_courts:
        return _french_court(rules, text, index)
    if language == "fr" and not text.caps[index] and word in rules.french_lower:
        if word in rules.french_lower_named:
            named = _school_named(rules, text, index)
        else:
            named = _capital_next(rules, text, index)
        return _french_organisation(rules, text, index) if named else None
    if not text.caps[index] or (word not in heads["en"] and word not in heads["fr"]):
        return None
    if language == "fr" and word in heads["fr"] and not _inside_run(rules, text, index):
        return _french_organisation(rules, text, index)
    return _english_organisation(rules, text, index)


MAX_KIND_NAME_WORDS = 4
COMPASS_POINTS = frozenset({"nord", "sud", "est", "ouest", "north", "south", "east", "west"})


def _after_kind(rules: NameRules, text: Tokens, index: int, language: str | None) -> Name | None:
    """The capitalised name right after a lower-case noun of its kind ("chemicals
    maker Covestro", "le groupe OCP"), or between commas after it ("the opposition
    coalition, Takku Wallu, said"): up to a given name, a title or a word of the
    trigger stop list; none that holds a head noun (the head finds it), none the
    gazetteer knows or that begins with a known name ("le groupe Etat islamique")."""
    word, words = text.words[index], text.words
    kinds = rules.kinds.get(language)
    if (
        kinds is None
        or word not in kinds
        or text.caps[index]
        or index + 1 >= len(words)
        or not text.caps[index + 1]
    ):
        return None
    start = index + 1
    end = min(_run_end(rules, text, start), start + MAX_KIND_NAME_WORDS)
    if not text.joined(index) and not (
        _between(text, index) == "," and end < len(words) and _between(text, end - 1) == ","
    ):
        return None
    last = start
    heads_en, heads_fr = rules.latin_heads["en"], rules.latin_heads["fr"]
    while last < end:
        following = words[last]
        if following in heads_en or following in heads_fr:
            return None
        if (last > start and following in rules.given_latin) or following in rules.stopwords:
            break
        last += 1
    while last > start and words[last - 1] in rules.links:
        last -= 1
    name = words[start:last]
    if not name or (len(name) == 1 and name[0] in rules.common) or is_arabic(name[0]):
        return None
    if name[0] in rules.given_latin or name[0] in rules.demonyms or name[0] in rules.body_keys:
        return None
    # a place may open the name ("le groupe Africa Global Logistics"), a longer known
    # name may not
    if any(" ".join(name[:size]) in rules.keys for size in range(2, len(name))):
        return None
    return Name("organisation", " ".join(name), start, last)


def _after_possessive(rules: NameRules, text: Tokens, index: int) -> Name | None:
    """A body named after a country's possessive ("Spain's Repsol", "Egypt's
    Pyramids"): the whole capitalised run after it, with no head noun (the head
    finds it), title, stop word or given name in it, nothing the gazetteer knows
    at its start (a place, a person), no ordinary word alone."""
    words = text.words
    if (
        words[index] != POSSESSIVE
        or index == 0
        or index + 1 >= len(words)
        or not text.joined(index - 1)
        or not text.joined(index)
        or not text.caps[index + 1]
        or not text.caps[index - 1]
        or _between(text, index - 1) not in APOSTROPHES
    ):
        return None
    if words[index - 1] not in rules.possessors and (
        index < 2 or " ".join(words[index - 2 : index]) not in rules.possessors
    ):
        return None
    start = index + 1
    last = _run_end(rules, text, start)
    for link in range(start + 1, last - 1):
        if words[link] in COORDINATORS and words[link + 1] in rules.possessors:
            last = link  # "Austria's OMV and Norway's Equinor"
            break
    if last - start > MAX_KIND_NAME_WORDS:
        return None
    heads_en, heads_fr = rules.latin_heads["en"], rules.latin_heads["fr"]
    name = words[start:last]
    if any(
        w in heads_en
        or w in heads_fr
        or w in rules.stopwords
        or w in rules.given_latin
        or w in rules.never
        for w in name
    ):
        return None
    if (len(name) == 1 and name[0] in rules.common) or name[0] in rules.demonyms:
        return None
    if any(" ".join(name[:size]) in rules.keys for size in range(1, len(name) + 1)):
        return None
    return Name("organisation", " ".join(name), start, last, yields=True)


def _before_kind(rules: NameRules, text: Tokens, index: int) -> Name | None:
    """The capitalised name right before an English noun of its kind ("the Rudaw news
    network", "SAfm radio"), a modifier between them allowed: no title, given name,
    head noun or nationality in it, nothing the gazetteer knows at its start, no
    ordinary word alone."""
    words, caps = text.words, text.caps
    last = index
    if last > 0 and not caps[last - 1] and words[last - 1] in rules.kind_modifiers:
        last -= 1
    if last == 0 or not text.joined(last - 1) or not caps[last - 1]:
        return None
    first = last - 1
    while first > 0 and text.joined(first - 1) and caps[first - 1]:
        first -= 1
        if last - first > MAX_KIND_NAME_WORDS:
            return None
    if first > 0 and text.joined(first - 1) and words[first - 1] == POSSESSIVE:
        return None  # "National People's Power alliance": the end of a longer name
    while first < last and words[first] in rules.leading:
        first += 1
    name = words[first:last]
    if not name or any(
        w in rules.stopwords
        or w in rules.given_latin
        or w in rules.latin_heads["en"]
        or w in rules.never
        or w in rules.demonyms
        for w in name
    ):
        return None
    if (len(name) == 1 and name[0] in rules.common) or is_arabic(name[0]):
        return None
    if any(" ".join(name[:size]) in rules.keys for size in range(1, len(name) + 1)):
        return None
    if " ".join(name) + "s" in rules.keys:
        return None  # "the Houthi movement": a known body's name in the singular
    return Name("organisation", " ".join(name), first, last, yields=True)


APPOSITION_DETERMINERS = frozenset(
    ("a", "an", "the", "its", "his", "her", "their", "un", "une", "le", "la", "l", "son", "sa")
)
MAX_APPOSITION_NAME_WORDS = 4
MAX_ROLE_WORDS = 8


def _beside_role(rules: NameRules, text: Tokens, index: int) -> Name | None:
    """The person named in an apposition with the role at token `index`: the name
    before it and a comma ("Jane Doe, an analyst at ...") or, after the role and a
    comma, the name closed by another ("son gérant, Issouf Traoré, s'inquiète")."""
    words, caps = text.words, text.caps
    role = index
    if role > 0 and text.joined(role - 1) and words[role - 1] in APPOSITION_DETERMINERS:
        role -= 1
    if (
        role > 1
        and caps[role - 1]
        and caps[role - 2]
        and not text.joined(role - 1)
        and _between(text, role - 1) == ","
    ):
        name = _apposed_name(rules, text, role - 1, backwards=True)
        if name is not None:
            return name
    after = index
    while after < len(words) and after - index < MAX_ROLE_WORDS and text.joined(after):
        after += 1
    if after - index >= MAX_ROLE_WORDS or after + 2 >= len(words):
        return None
    if not (caps[after + 1] and caps[after + 2]) or _between(text, after) != ",":
        return None
    return _apposed_name(rules, text, after + 1, backwards=False)


def _apposed_name(rules: NameRules, text: Tokens, edge: int, backwards: bool) -> Name | None:
    """Two to four capitalised name words ending (`backwards`) or starting at token
    `edge`, punctuation on their far side, and, going forward, a comma after them."""
    words = text.words
    first = last = edge
    if backwards:
        while first > 0 and text.joined(first - 1) and last - first < MAX_APPOSITION_NAME_WORDS:
            first -= 1
        if first > 0 and text.joined(first - 1):
            return None
    else:
        while (
            last < len(words) - 1 and text.joined(last) and last - first < MAX_APPOSITION_NAME_WORDS
        ):
            last += 1
        if last >= len(words) - 1 or text.joined(last) or _between(text, last) != ",":
            return None
    name = words[first : last + 1]
    if not 2 <= len(name) <= MAX_APPOSITION_NAME_WORDS or not all(
        _name_word(rules, text, i) for i in range(first, last + 1)
    ):
        return None
    if any(
        w in rules.demonyms or w in rules.leading or w in rules.never or is_arabic(w) for w in name
    ):
        return None
    if any(" ".join(name[:size]) in rules.keys for size in range(1, len(name) + 1)):
        return None
    return Name("person", " ".join(name), first, last + 1)


PARTICIPLE_ENDING = "ed"
"""A hyphenated word ending so describes the name after it ("Toronto-listed",
"London-based"), no part of it."""


POSSESSIVES_IN_NAMES = frozenset(("people", "women", "children", "men", "lord"))
"""Words whose possessive stands inside bodies' names ("Uganda People's Congress",
"Women's Rights Association", "Lord's Resistance Army"), where a country's or a
person's opens the phrase ("Nigeria's People's Democratic Party")."""
SAINTS = frozenset(("st", "saint"))


def _possessive_in_name(text: Tokens, index: int) -> bool:
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
        and _between(text, before) in APOSTROPHES
    )


LATIN_ARABIC_ARTICLES = frozenset(("al", "el", "ad", "ar", "as", "ash", "at", "az", "an"))
"""The Arabic article as Latin script writes it, hyphenated to a name ("al-Hussein")."""


def _article_before(text: Tokens, index: int) -> bool:
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
    return _glued(text, index) == HYPHEN


def _hyphenated(text: Tokens, index: int) -> bool:
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
    return _glued(text, index) == HYPHEN


HYPHEN = "-"


def _glued(text: Tokens, index: int) -> str:
    """What stands between token `index` and the next one, as written: a mark that
    makes one word of them ("-" of "Co-operative", "'" of "Eto'o") when no space does;
    nothing after the last token."""
    if index + 1 >= len(text.words):
        return ""
    analysis = text.analysis
    end = analysis.span(index, index + 1).end
    return analysis.original[end : analysis.span(index + 1, index + 2).start]


def _written(text: Tokens, index: int) -> str:
    """Token `index` as the text writes it, before normalization."""
    span = text.analysis.span(index, index + 1)
    return text.analysis.original[span.start : span.end]


def _between(text: Tokens, index: int) -> str:
    """What stands between token `index` and the next one, spaces left out."""
    return _glued(text, index).strip()


def _field_described(rules: NameRules, text: Tokens, index: int) -> bool:
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
            (after.startswith(ARTICLE) and (_nisba(after) or after in rules.arabic_adjectives))
            or (after.startswith(AND + ARTICLE) and after[len(AND) :] not in rules.arabic_ends)
        )
    )


def _school_named(rules: NameRules, text: Tokens, index: int) -> bool:
    """The lower-case school word at token `index` ("lycée", "école") is followed by
    a name: capitalised words ("lycée Djignabo Bassène"), or a kind of school, "de"
    and its town ("lycée classique de Bafoussam", "lycée pilote de Sfax")."""
    words, following = text.words, index + 1
    if following >= len(words) or not text.joined(index):
        return False
    if text.caps[following]:
        return True
    # "l'école de Kousseri" is the town's school, no name of its own
    return (
        words[following] in SCHOOL_KINDS
        and following + 1 < len(words)
        and text.joined(following)
        and words[following + 1] in SCHOOL_LINKS
        and _capital_next(rules, text, following)
    )


SCHOOL_KINDS = frozenset(
    ("classique", "pilote", "moderne", "technique", "professionnel", "bilingue", "agricole")
)
SCHOOL_LINKS = frozenset(("de", "d"))
"""The words after a kind of school that bring in its town."""


def _capital_next(rules: NameRules, text: Tokens, index: int) -> bool:
    """The first word after token `index` and its links is capitalised: "ministère
    de la Santé" names a ministry, "ministère de tutelle" does not; a country's
    adjective may come first ("ministère gabonais des Mines")."""
    following = index + 1
    if (
        following + 1 < len(text.words)
        and text.joined(index)
        and text.words[following] in rules.demonyms
        and text.words[following + 1] in rules.links
    ):
        following += 1
    while following < len(text.words) and text.joined(following - 1):
        if text.words[following] not in rules.links:
            return bool(text.caps[following])
        following += 1
    return False


def _inside_run(rules: NameRules, text: Tokens, index: int) -> bool:
    """A capitalised word other than an article, a title or a role ("Opener Abdullah
    Shafique") runs on to token `index`."""
    if index == 0 or not text.joined(index - 1) or not text.caps[index - 1]:
        return False
    before = text.words[index - 1]
    return (
        before not in rules.leading and before not in rules.stopwords and before not in rules.roles
    )


def _english_organisation(rules: NameRules, text: Tokens, head: int) -> Name | None:
    """The capitalised run (links inside it) around a head noun, ending at its last
    head unless an of-phrase follows ("Bank of Lebanon")."""
    if _trade_of_another(rules, text, head):
        return None  # "Ministry of Energy", "Water and Energy": the trade of another head
    first, end = _run_start(rules, text, head), _run_end(rules, text, head)
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
                and _hyphenated(text, before - 1)
            )
            or _article_before(text, before)
        ):
            index = before
        elif _possessive_in_name(text, before):
            index = before - 1  # "Uganda People's Congress"
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


def _run_end(rules: NameRules, text: Tokens, index: int) -> int:
    """One past the capitalised run from `index` on, links inside it."""
    count, last = len(text.words), index + 1
    while last < count and text.joined(last - 1) and last - index < MAX_NAME_WORDS:
        if text.caps[last] and text.words[last] not in rules.never:
            last += 1
        elif _hyphenated(text, last - 1):
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


def _french_court(rules: NameRules, text: Tokens, start: int) -> Name | None:
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
            while 0 < seat < count and text.caps[seat] and _glued(text, seat - 1) == HYPHEN:
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


def _french_organisation(rules: NameRules, text: Tokens, start: int) -> Name | None:
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
        if end >= count or text.joined(end - 1) or _between(text, end - 1) != ",":
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


def _arabic_organisation(rules: NameRules, text: Tokens, start: int) -> Name | None:
    """A head noun (a proclitic and the article allowed) and the definite words of
    its construct; a company or club may be named by one bare word."""
    words, count = text.words, len(text.words)
    head = rules.arabic_heads[words[start]]
    bare = head.removeprefix(ARTICLE)
    if (
        head == bare
        and words[start].startswith(LAM_ARTICLE)
        and bare.startswith(LAM)
        and start + 1 < count
        and text.joined(start)
        and _nisba(words[start + 1])
    ):
        head = ARTICLE + bare  # "للجنة الجهوية": "ل" and "اللجنة", which its adjective says
    if start > 0 and text.joined(start - 1) and (words[start - 1], bare) in rules.arabic_idioms:
        return None
    if start + 1 < count and words[start + 1] in rules.arabic_descriptions.get(bare, ()):
        return None  # "مسرح الجريمة": the crime scene, no theatre
    if (
        words[start].endswith(TEH_MARBUTA)
        and words[start][:-1] in rules.arabic_heads
        and start + 1 < count
        and text.joined(start)
        and words[start + 1].startswith(ARTICLE)
        and words[start + 1].endswith(NISBA_LETTER)
    ):
        return None  # "مكتبه الإعلامي": his office, a masculine adjective; no library
    before = (
        rules.arabic_heads.get(words[start - 1]) if start > 0 and text.joined(start - 1) else None
    )
    if before is not None and words[start] in rules.arabic_descriptions.get(
        before.removeprefix(ARTICLE), ()
    ):
        return None  # "مجلس إدارة المصرف المركزي": a body's board, no body of its own
    if bare in rules.arabic_purposed:
        return _purposed(rules, text, start, head)
    if (
        start + 1 < count
        and words[start + 1].startswith(ARTICLE)
        and words[start + 1].endswith(SOUND_PLURAL)
        and len(words[start + 1]) >= len(ARTICLE) + MIN_SOUND_PLURAL_LETTERS
    ):
        return None  # "وتجمع المحتجون": a verb and its subject, no construct
    if start + 1 < count and (
        words[start + 1].startswith(LAM_ARTICLE)
        or (words[start + 1].startswith(LAM) and _verbal_noun(words[start + 1][len(LAM) :]))
    ):
        # "وكيل الجامعة للشؤون التعليمية": an office's field; "شركة للتصدير", "شركة
        # لتعليب الزيت": a description; a body's name comes between its head and what
        # it is for
        return None
    last = start + 1
    named = False
    facility = bare in rules.arabic_facilities
    owned = head == bare and bare in rules.arabic_owned
    whose = 0
    only_adjectives = designated = False
    placed = False
    place_at: int | None = None
    after_place = -1
    if (
        head == bare
        and (bare in rules.arabic_named or facility)
        and last < count
        and text.joined(start)
        and (
            _bare_name(rules, words[last])
            or words[last] in rules.given_arabic
            or _name_after_masculine(rules, bare, words[last])
        )
        and not feminine_adjective(rules, words[last])
        and not _feminine_participle(rules, text, last)
        and words[last] not in rules.arabic_namesakes
    ):
        last += 1
        named = True
        # "جامعة حمد بن خليفة": a person's name, its particles binding
        while (
            last + 1 < count
            and words[last] in rules.particles_arabic
            and text.joined(last - 1)
            and text.joined(last)
        ):
            last += 2
        if (
            last == start + 2
            and _bare_name(rules, words[start + 1])
            and (
                _second_name_word(rules, text, last)
                or (facility and _facility_construct(rules, text, last))
            )
        ):
            last += 1  # "جامعة قاصدي مرباح", "شركة كامكو إنفست": a name of two words
        last = _foreign_name_end(rules, text, last)
    elif (
        facility
        and head == bare
        and last + 1 < count
        and text.joined(start)
        and text.joined(last)
        and words[last] in rules.particles_arabic
        and (_bare_name(rules, words[last + 1]) or words[last + 1] not in rules.common)
    ):
        last, named = last + 2, True  # "ميناء أبو فلوس", "مطار أم الجرس"
    elif (
        head == bare
        and bare in rules.arabic_designated
        and last + 1 < count
        and text.joined(start)
        and text.joined(last)
        and _bare_name(rules, words[last])
        and words[last + 1] in rules.arabic_designated[bare]
    ):
        # "مستشفى أوباري العام": only adjectives go on, no purpose ("... التعليمي لأخذ
        # عينات")
        last, named, only_adjectives, designated = last + 2, True, True, True
    elif (
        head == bare
        and (end := _named_for(rules, text, last, bare in rules.arabic_memorials)) > last
    ):
        last, named = end, True
    elif (
        head == bare
        and last + 1 < count
        and words[last] in VILLAGE_ADJECTIVES
        and text.joined(last)
        and (end := _village_named_at(rules, text, last + 1)) > last + 1
    ):
        last, named = end, True  # "مجلس قروي بورين": a village's council
    elif (
        head != bare
        and bare in rules.arabic_memorials
        and last + 1 < count
        and words[last] in MEMORIAL_ADJECTIVES
        and text.joined(last)
        and (end := _named_for(rules, text, last + 1, True)) > last + 1
    ):
        last, named = end, True  # "المستشفى الجامعي ابن باديس": named for a person
    elif head == bare:
        if facility and last < count and words[last] in rules.arabic_served:
            return None  # "ميناء الصيد", "مطار العاصمة": what it serves, where it is
        end, place_at = _construct_chain(rules, text, last, bare in rules.arabic_placed)
        placed = place_at is not None
        if bare in rules.arabic_placed and not placed and not _field_described(rules, text, last):
            # "دائرة الضوء"; but "دائرة صحة ذي قار", "بلدية مصراتة", "دائرة الأرصاد الجوية"
            return None
        # a weak head ("مجموعة", "سوق") is a body's before a place: "مجموعة موانئ أبوظبي",
        # or before the people it gathers: "رابطة موظفي الإدارة العامة"
        if (
            bare not in rules.arabic_weak
            or placed
            or (last < count and (_members_construct(words[last]) or words[last] in MISSIONS))
        ):
            last = end
        # "بلدية صفاقس الملاحقين": after the place, the sentence goes on
        only_adjectives = placed and bare in rules.arabic_placed
        after_place = end if placed else -1
    # A definite head is followed by its adjectives ("المجلس الأعلى للقضاء"); an
    # indefinite one by a definite noun and its adjectives ("وزارة الصحة السعودية").
    # After an adjective only adjectives and a لل-complement ("للشغل") go on: a noun
    # there starts the next phrase ("... السعودية الحجاج").
    adjectives_only = head != bare or only_adjectives
    # "المجلس التنفيذي", "إدارة السوق": a definite or weak head and one word are
    # more often a description than a name
    needed = 3 if head != bare or bare in rules.arabic_weak else 2
    if head != bare and (bare in rules.arabic_courts or bare in rules.arabic_states):
        needed = 2
    # what a body does may follow its head and adjectives, or a company's name:
    # "الشركة السودانية لنقل الكهرباء", "شركة سرت لإنتاج وتصنيع النفط"; after a
    # noun it is more often the purpose of a sentence ("وزارة الصحة لمواجهة ...")
    # and after a place that ends the construct ("معهد قطر لبحوث البيئة والطاقة"), but
    # for a university's, after which it is the sentence's ("جامعة القاهرة لقضاء ...")
    plain, purpose = (
        last == start + 1 or named,
        (named and not designated) or (placed and head == bare and bare not in rules.arabic_states),
    )
    while last < count and last - start < MAX_NAME_WORDS and text.joined(last - 1):
        word = words[last]
        if (
            word == NOT_ARABIC
            and last > start + 1
            and last + 1 < count
            and text.joined(last)
            and words[last + 1].startswith(ARTICLE)
            and _nisba(words[last + 1])
        ):
            adjectives_only = True  # "جهاز مكافحة الهجرة غير الشرعية"
            last += 2
            continue
        if (
            last > start + 1
            and last + 1 < count
            and text.joined(last)
            and (word, words[last + 1]) in rules.arabic_compound_adjectives
        ):  # not right after a head: "الكلية متعددة التخصصات" is any town's
            adjectives_only = True
            last += 2
            continue
        if last > start + 1 and (end := _from_complement(rules, text, start, last)) > last:
            # "الجمعية اللبنانية من أجل ديمقراطية الانتخابات", "المركز الوطني للإنذار
            # المبكر من المخاطر المتعددة"
            adjectives_only = words[end - 1].startswith(ARTICLE)
            plain = purpose = False
            last = end
            continue
        if (
            last - start >= (2 if head == bare else needed)
            # "بلدية صيدا والبلديات المجاورة": after a town's council, the next phrase
            and not (bare in rules.arabic_placed and last == after_place)
            and _conjunct(rules, word, _closes_for(text, last))
            and " ".join([head, *words[start + 1 : last]]) not in rules.keys
        ):
            # "وزارة الصحة والسكان", "... والبحث العلمي", after an indefinite head's
            # first noun even where a weak head needs more ("لجنة المال والموازنة");
            # a description does not take one: "المستشفى الوطني والملعب البلدي" are
            # two places
            adjectives_only = True
            last += 1
            continue
        if (
            last - start >= needed
            and (
                bare in rules.arabic_fields
                or any(w.startswith(LAM_ARTICLE) for w in words[start + 1 : last])
            )
            and not plain
            and _construct_conjunct(rules, text, last)
        ):
            # "وزارة النقل والاتصالات وتقنية المعلومات", "... وموارد المياه"; what a
            # body is for, twice: "المندوبية العامة للتضامن الوطني ومكافحة الإقصاء"
            adjectives_only = True
            last += 2
            continue
        if (
            purpose
            and (end := _purpose(rules, text, last)) > last
            and " ".join([head, *words[start + 1 : last]]) not in rules.keys
        ):  # a known body's name ends before the sentence's purpose: "الجيش الإسرائيلي لتمكين"
            adjectives_only = True
            plain = purpose = False
            last = end
            continue
        if (
            word.startswith(AND)
            and word[len(AND) :] in rules.place_keys
            and _for_place(rules, words[last - 1])
        ):
            last += 1  # "الهيئة الملكية للجبيل وينبع": the places a body is for
            continue
        if last - start >= needed and (end := _for_place_of_words(rules, text, last)) > last:
            last = end  # "الهيئة العامة للمنطقة الاقتصادية لقناة السويس"
            continue
        if (
            word.startswith(LAM_ARTICLE)
            and _without_lam(word) in rules.arabic_anaphoric
            and not _seat_follows(text, last + 1)
        ):
            return None  # "الإدارة العامة للشركة": the management of a company named before
        if (
            word == IN_ARABIC
            and last - 1 > start
            and words[last - 1].startswith(LAM_ARTICLE)
            and " ".join([head, *words[start + 1 : last]]) not in rules.keys
            and (end := _object_in(rules, text, last)) > last
        ):
            # "الوكالة الوطنية للتصرف في النفايات", "المؤسسة الوطنية للأشغال في الآبار":
            # what the body's work is in, no place
            adjectives_only = True
            last = end
            continue
        if word.startswith(LAM_ARTICLE) and (
            words[last - 1].startswith(LAM_ARTICLE)
            or _pronoun_object_after(text, last)
            or _form_v_purpose(text, last)
            or (bare in rules.arabic_fields_alone and words[start + 1] != OF_STATE)
            # "جامعة بني سويف للتدريب": a university named by its place takes no purpose
            or (placed and bare in rules.arabic_states and last == after_place)
        ):
            # "الهيئة القضائية للانتخابات للمصادقة على النتائج", "وزارة الداخلية
            # للمصادقة عليه", "وزارة المالية للنظر في": what the sentence's subject
            # does it for, after the name; but "وزارة الدولة للشؤون الخارجية"
            break
        if last == after_place and word.startswith(ARTICLE) and word.endswith(FEMININE_PLURAL):
            break  # "أرجأت جامعة الزاوية الامتحانات": a plural after the place is no adjective
        if word in rules.arabic_ends or not (
            word.startswith((ARTICLE, LAM_ARTICLE))
            or (word in rules.place_keys and not feminine_adjective(rules, word))
        ):
            break
        if word.startswith(LAM_ARTICLE) and _without_lam(word) in rules.arabic_ends:
            break  # "لليوم": a time, after the name
        if last + 1 < count and text.joined(last) and words[last + 1] in TIME_AFTER:
            break  # "... العليا العام الماضي": "last year", after the name
        if on_place(rules, word):
            break  # "جامعة قاصدي مرباح بورقلة": where the body is, not its name
        if _bare_place(rules, word) and _bare_place(rules, words[last - 1]):
            break  # "طالبت حكومة إقليم كردستان أنقرة": the object, after the name
        # "القوى" normalizes as a nisba does, and is a noun ("وزارة القوى العاملة")
        adjective = (
            (_nisba(word) and not _alef_maqsura(text, last))
            or word in rules.arabic_adjectives
            or _participle(word)
            # "للعمال الجزائريين": a plural nisba agrees with the plural noun of a لل-complement
            or (word.endswith(PLURAL_NISBA_ENDING) and words[last - 1].startswith(LAM_ARTICLE))
        )
        if adjectives_only and not adjective and not word.startswith(LAM_ARTICLE):
            break
        if (
            (named or owned)
            and word in COMPANY_DESCRIPTIONS
            and not words[last - 1].startswith(ARTICLE)  # "... المساهمات الحكومية": its noun's
            and " ".join(words[start + 1 : last + 1]) not in rules.keys
        ):
            whose = 1  # "شركة سوفايكون الاستشارية": what the company is, after its name
            break
        if (
            (facility or named or owned)
            and (
                word in rules.place_keys
                or (last + 1 < count and f"{word} {words[last + 1]}" in rules.place_keys)
            )
            and (facility or _nisba(word))
            and " ".join(words[start + 1 : last + 1]) not in rules.keys
        ):
            # "مطار ... التركي", "شركة روتانا لإدارة الفنادق الإماراتية", "مجموعة البيرق
            # التركية", "... الكورية الجنوبية": the country's adjective says whose the
            # airport, the company or the troupe is, no part of its name, though it tells
            # a body is meant
            whose = 1
            break
        if (
            head == bare
            and not adjective
            and last > start + 1
            and word.startswith(ARTICLE)
            and words[last - 1].startswith(ARTICLE)
            and words[last - 1] not in RANKS
            and words[last - 1] not in rules.place_keys
            and word not in rules.place_keys
            and word not in rules.given_arabic
            and not _nisba(words[last - 1])
            # participles and plural or colour adjectives the lists lack ("المتقاعدين",
            # "المصدرة", "الخضراء"), and "آل" of a family's name
            and not word.startswith(PARTICIPLE_ARTICLE)
            and not word.endswith(NOUN_PHRASE_ADJECTIVE_ENDINGS)
            and len(word) > len(ARTICLE)
            and len(words[last - 1]) > len(ARTICLE)
        ):
            break  # "أيدت محكمة الاستئناف العقوبة": a definite noun takes no second one
        plain = purpose = plain and adjective and bare not in rules.arabic_fields_alone
        adjectives_only = adjectives_only or adjective
        last += 1
    seated = (
        last - start == needed - 1
        and last < count
        and text.joined(last - 1)
        and (
            (bare in rules.arabic_seated and _seated_at(rules, text, last))
            # "المجلس البلدي بسوسة", "المجلس البلدي أوباري": a town's own council
            or (words[last - 1] in LOCAL_ADJECTIVES and _local_seat(rules, text, last, True) > 0)
        )
    )
    if last - start + whose < needed and not seated:
        return None
    if (
        last - start == 2
        and whose == 0
        and bare not in rules.arabic_fields
        and _another_head(rules, words[start + 1])
    ):
        return None  # "مجلس المفوضية", "رئيس الهيئة": a part or office of a body named before
    if head == bare and any(
        _countrys_adjective(rules, w) for w in words[start + 1 : min(count, last + 1)]
    ):
        # "بنك إسباني", "بعثة ألمانية", "شركة مقاولات تركية": a Spanish bank, a German
        # mission, a Turkish contractor
        return None
    if (
        bare in rules.arabic_districts
        and head == bare
        and _place_named_at(rules, text, start + 1 + (words[start + 1] in rules.region_words))
        == last
    ):
        # "مركز أبو حمص", "لواء المزار الجنوبي": a district, named by its town; "مركز
        # محافظة نينوى": a region's chief town
        return None
    if _cut_short(rules, text, last):
        return None  # "الدائرة الجنائية المختصة بالنظر في ...": the rest is no name found
    seat = last
    if (
        (bare in rules.arabic_courts or seated or (bare in rules.arabic_schools and not named))
        and last < count
        and text.joined(last - 1)
    ):
        # a town, or a region with its word: "المحكمة الجنائية بولاية نواكشوط الغربية"
        last += _seat(rules, text, last) or _region_seat(rules, text, last)
    elif _order_of(rules, words[last - 1]) and last < count and text.joined(last - 1):
        last += _seat(rules, text, last) or 2 * _seated_at(rules, text, last)
    if bare in rules.arabic_regional and last < count and text.joined(last - 1):
        last += _region_seat(rules, text, last)
    regional = any(w in REGIONAL_ADJECTIVES for w in words[start + 1 : last])
    if (
        (regional or bare in rules.arabic_regional)
        and last == seat
        and last < count
        and text.joined(last - 1)
    ):
        last += _region_seat(rules, text, last, LAM)  # "مديرية التربية لولاية خنشلة"
    local = words[last - 1] in LOCAL_ADJECTIVES
    if (
        (
            bare in rules.arabic_local
            or local
            or regional
            or _local_court(rules, bare, words[start:last])
        )
        and last == seat
        and last < count
        and text.joined(last - 1)
    ):
        last += _local_seat(rules, text, last, bare_town=local)
    if last == seat and last < count and text.joined(last - 1):
        last = _workers_trade(rules, text, last)
    # "مركز الدوحة للمعارض والمؤتمرات": a venue
    venue = any(w.removeprefix(AND) in VENUE_PURPOSES for w in words[start + 1 : last])
    kind: EntityType = "place" if facility or venue else "organisation"
    return Name(
        kind,
        " ".join([head, *words[start + 1 : last]]),
        start,
        last,
        seat=seat if last > seat else place_at,
    )


def _local_court(rules: NameRules, bare: str, name: list[str]) -> bool:
    """A court (`bare`, its head without the article) of a town, named with its town
    after "في" ("محكمة الاستئناف في عدن"): no court the gazetteer knows, none of the
    state's or the world's ("المحكمة الاتحادية العليا في بغداد", "محكمة العدل الدولية
    في لاهاي"). `name`: the court's words as written."""
    return (
        bare in rules.arabic_courts
        and not any(word in NATIONAL_COURTS for word in name[1:])
        and " ".join(name) not in rules.keys
    )


NATIONAL_COURTS = frozenset(("العليا", "الدستوريه", "الدوليه", "الاتحاديه"))
"""Adjectives of a state's or the world's courts, whose seat is no part of their name."""


def _village_named_at(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after a village's name at token `index`, after the word that says a
    village is meant: a known town's, or one nobody knows read as after a place word
    ("بورين", "دير استيا"); else `index`."""
    if (end := _place_named_at(rules, text, index)) > index:
        return end
    place = _arabic_place_after(rules, text, index - 1)
    return place.last if place is not None else index


VILLAGE_ADJECTIVES = frozenset(("قروي",))
"""The indefinite adjective of a village's own body ("مجلس قروي بورين")."""


def _pronoun_object_after(text: Tokens, index: int) -> bool:
    """Token `index` is followed by a preposition with a pronoun ("عليه", "منها"): a
    verbal noun with its object, a sentence's, never a name's."""
    following = index + 1
    return (
        following < len(text.words)
        and text.joined(index)
        and text.words[following] in PRONOUN_OBJECTS
    )


PRONOUN_OBJECTS = frozenset(
    preposition + pronoun
    for preposition in ("علي", "من", "في", "ل", "ب", "عن")
    for pronoun in ("ه", "ها", "هم", "هما", "هن")
)
"""A preposition and a pronoun, normalized ("عليه", "منها", "لها")."""


def _countrys_adjective(rules: NameRules, word: str) -> bool:
    """An indefinite adjective of a country, masculine or feminine ("إسباني",
    "ألمانية")."""
    return ARTICLE + word in rules.arabic_demonyms or (
        word.endswith(TEH_MARBUTA) and ARTICLE + word[: -len(TEH_MARBUTA)] in rules.arabic_demonyms
    )


def _feminine_participle(rules: NameRules, text: Tokens, index: int) -> bool:
    """An indefinite feminine participle ("مدرجة", listed; "مملوكة", owned) after a
    head, as its adjective: no body's name; a noun of that shape opens a construct
    instead ("شركة مصفاة عدن")."""
    word, following = text.words[index], index + 1
    if not (
        len(word) >= FEMININE_ADJECTIVE_MIN_LETTERS
        and word.startswith(PARTICIPLE_PREFIX)
        and word.endswith(TEH_MARBUTA)
        and word not in rules.given_arabic
    ):
        return False
    return not (
        following < len(text.words)
        and text.joined(index)
        and (text.words[following].startswith(ARTICLE) or text.words[following] in rules.place_keys)
    )


def _name_after_masculine(rules: NameRules, head: str, word: str) -> bool:
    """A word shaped as a verb in the present with "ت" ("تقدم", "تواصل") after a
    masculine head ("حزب", "نادي"), whose verb would not take it: the body's name,
    "حزب تقدم"; after a feminine one it is more often the verb ("شركة تعمل")."""
    return (
        not head.endswith(TEH_MARBUTA)
        and word.startswith(PRESENT_TA)
        and word not in rules.common
        and word not in rules.stopwords
        and not not_a_name(word)
    )


PRESENT_TA = "ت"


def _cut_short(rules: NameRules, text: Tokens, last: int) -> bool:
    """A body's name ending with a participle that takes a complement ("المختصة",
    "المكلفة") before "في" or "ب" and a word: the name goes on with what the body
    deals with, which the walk does not read, so none is found."""
    return (
        last + 1 < len(text.words)
        and text.joined(last)
        and text.words[last - 1] in rules.arabic_complemented
        and _seat_follows(text, last, len(BI) + 3)
    )


MAX_PURPOSED_NAME_WORDS = 5


def _members_construct(word: str) -> bool:
    """A sound masculine plural of a participle in construct, "م" to "ي" ("موظفي",
    "معلمي", "مزارعي"): the people a league or a committee gathers."""
    return (
        len(word) >= MIN_MEMBERS_LETTERS
        and word.startswith(PARTICIPLE_PREFIX)
        and word.endswith(CONSTRUCT_PLURAL_END)
    )


CONSTRUCT_PLURAL_END = "ي"
MEMORIAL_ADJECTIVES = frozenset(("الجامعي", "الجهوي", "الاقليمي", "العسكري"))
"""Adjectives between a definite memorial head and the person it is named for
("المستشفى الجامعي الطاهر صفر", "المستشفى العسكري ...")."""


def _from_complement(rules: NameRules, text: Tokens, start: int, index: int) -> int:
    """The token after "من أجل" (for) and the noun of a body's cause at token `index`
    ("الجمعية اللبنانية من أجل ديمقراطية الانتخابات", "حزب التحالف من أجل العدالة
    ..."), after "من" and the definite noun a body's warning or protection is from
    ("المركز الوطني للإنذار المبكر من المخاطر المتعددة"), or after "على" and what it
    preserves ("جمعية المحافظة على البيئة"); else `index`."""
    words, count = text.words, len(text.words)
    if index + 1 >= count or not text.joined(index):
        return index
    noun = index + 1
    if words[index] == ON_ARABIC:
        # "جمعية المحافظة على البيئة": what a body preserves or oversees, after "على"
        # "للرقابة على الصادرات" too
        if _without_lam(words[index - 1]) not in ON_NOUNS or not words[noun].startswith(ARTICLE):
            return index
    elif words[index] != FROM_ARABIC:
        return index
    elif words[noun] == FOR_SAKE:
        noun += 1
        if noun >= count or not text.joined(noun - 1):
            return index
    elif not any(w in FROM_NOUNS for w in words[start + 1 : index]) or (
        start > 0 and text.joined(start - 1) and words[start - 1] in WARNS
    ):
        return index  # "وحذر المركز الوطني للإنذار المبكر من الأمطار": the verb's "من"
    word = words[noun]
    if word in rules.stopwords or word in rules.arabic_ends or not is_arabic(word):
        return index
    if word.startswith(ARTICLE):
        return noun + 1
    following = noun + 1  # an indefinite noun and the definite one it is construct with
    if (
        following < count
        and text.joined(noun)
        and words[following].startswith(ARTICLE)
        and words[following] not in rules.arabic_ends
    ):
        return following + 1
    return index


WARNS = frozenset(
    clitic + verb for verb in ("حذر", "يحذر", "حذرت", "تحذر") for clitic in ("", *CONJUNCTIONS)
)
"""Verbs of warning, whose object follows "من" after their subject."""
ON_ARABIC = "علي"
ON_NOUNS = frozenset(("المحافظه", "الحفاظ", "القضاء", "الرقابه"))
"""Verbal nouns of what a body is for whose object follows "على": preserving,
eradicating, overseeing."""
FROM_ARABIC = "من"
FOR_SAKE = "اجل"
FROM_NOUNS = frozenset(("للانذار", "للوقايه", "للحمايه", "للتحذير"))
"""The verbal nouns of what a body is for ("ل" and the article) whose object follows
"من": warning, prevention and protection from something."""


MISSIONS = frozenset(("مكافحه",))
"""Verbal nouns whose construct after a weak head names what a body fights ("إدارة
مكافحة المخدرات", "وحدة مكافحة الإرهاب"): a body's name, no description."""
OF_STATE = "الدوله"
"""A ministry of state's ("وزارة الدولة للشؤون الخارجية"), whose name says what for."""
NOT_ARABIC = "غير"
"""The negation of an adjective inside a name: "الهجرة غير الشرعية", "غير الحكومية"."""
FOREIGN_LINKS = frozenset(("اند", "دي", "دو", "فان", "فون"))
"""Links of foreign names written in Arabic letters ("آند", and; "دي", de; "فان", van),
only ever inside a name: "لارسن آند توبرو", "جان دي نول"."""
SPELLED_LETTERS = frozenset(
    ("سي", "دي", "جي", "ايه", "بي", "تي", "كيه", "اكس", "اتش", "زد", "ام", "اس", "جيه", "كيو")
)
"""Latin letters spelled out in Arabic letters, as a foreign company's initials are
written ("سي دي جي", "سي إم إيه سي جي إم"); not "أن" (that) or "أو" (or)."""
MIN_MEMBERS_LETTERS = 5


def _purposed(rules: NameRules, text: Tokens, start: int, head: str) -> Name | None:
    """A head that names a body only with what the body does after its name ("دار
    القصبة للنشر", "دار لوسيل للنشر والتوزيع"): the head, its name and the
    purpose, with the fields "و" adds to it; elsewhere the head is an ordinary noun
    ("دار الأيتام")."""
    words, count = text.words, len(text.words)
    purposes = rules.arabic_purposed[head.removeprefix(ARTICLE)]
    last = start + 1
    while last < count and last - start <= MAX_PURPOSED_NAME_WORDS and text.joined(last - 1):
        word = words[last]
        if word in purposes and last > start + 1:
            last += 1
            while (
                last < count
                and text.joined(last - 1)
                and words[last].startswith(AND + ARTICLE)
                and words[last] not in rules.arabic_ends
            ):
                last += 1
            return Name("organisation", " ".join([head, *words[start + 1 : last]]), start, last)
        if not is_arabic(word) or word in rules.stopwords or word in rules.arabic_function:
            break
        last += 1
    return _named_in_its_trade(rules, text, start, head)


POSSESSORS = frozenset(("ذات", "ذو", "ذي"))
"""Nouns that name with the word after them ("ذات السلاسل", the one of the chains)."""


def _named_in_its_trade(rules: NameRules, text: Tokens, start: int, head: str) -> Name | None:
    """A head that names a body only with its purpose, and one name word, in a story
    about that trade (`NameRules.arabic_purposed_in`): "دار الساقي" among publishers."""
    words, name_at = text.words, start + 1
    cues = rules.arabic_purposed_in.get(head.removeprefix(ARTICLE))
    if not cues or name_at >= len(words) or not text.joined(start):
        return None
    word = words[name_at]
    if not (
        is_arabic(word)
        and not word.startswith(CLITIC_ARTICLES)
        and word not in rules.stopwords
        and word not in rules.arabic_function
        and word not in rules.arabic_ends
        and word not in rules.arabic_heads
        and not ordinary_word(rules, word)
        and word not in cues
        and any(w in cues for w in words)
    ):
        return None
    last = name_at + 1
    if word in POSSESSORS and last < len(words) and text.joined(name_at):
        last += 1  # "دار ذات السلاسل"
    return Name("organisation", " ".join([head, *words[name_at:last]]), start, last)


PARTICIPLE_PREFIXES = (ARTICLE + "مت", ARTICLE + "مست")
MIN_PARTICIPLE_LETTERS = 7


def _participle(word: str) -> bool:
    """A definite participle of form V, VI, VIII or X, feminine singular for form VIII:
    an adjective ("المتخصصة", "المستقلة", "المحترفة"); no plural, which names people
    ("المتظاهرين")."""
    return (
        len(word) >= MIN_PARTICIPLE_LETTERS
        and (
            word.startswith(PARTICIPLE_PREFIXES)
            or (
                word.startswith(PARTICIPLE_PREFIXES[0][:3])
                and word[4] == FORM_VIII_TA
                and word.endswith(TEH_MARBUTA)
            )
        )
        and not word.endswith(("ين", "ون", "ات"))
    )


FORM_VIII_TA = "ت"
"""The infixed ta of a form VIII participle: "المحترفة" (م ح ت ر ف)."""


def _form_v_purpose(text: Tokens, index: int) -> bool:
    """Token `index` is "لل" on a verbal noun of form V (تفعّل) and a preposition
    follows it ("المجلس الدستوري للتأكد من مطابقته", "للتحقق من"): what the body is
    to do, after its name."""
    stem = text.words[index][len(LAM_ARTICLE) :]
    following = index + 1
    return (
        len(stem) == FORM_V_LETTERS
        and stem[0] == VERBAL_NOUN_TA
        and following < len(text.words)
        and text.joined(index)
        and text.words[following] in PURPOSE_PREPOSITIONS
    )


FORM_V_LETTERS = 4
PURPOSE_PREPOSITIONS = frozenset(("من", "عن", "بين"))
"""Prepositions a form V verb takes that no body's field goes on with ("للتصرف في
النفايات" is one)."""


def _for_place(rules: NameRules, word: str) -> bool:
    """ "ل" on a known place's name ("للجبيل", "لسوس"): the place a body is for."""
    if word.startswith(LAM_ARTICLE):
        return _without_lam(word) in rules.place_keys
    return word.startswith(LAM) and word[len(LAM) :] in rules.place_keys


COMPANY_DESCRIPTIONS = frozenset(
    normalize_text(word)
    for word in (
        "الاستشارية",
        "الحكومية",
        "الناشئة",
        "العملاقة",
        "المدرجة",
        "المملوكة",
        "المشغلة",
        "المنفذة",
        "المصنعة",
        "المتعاقدة",
        "المطورة",
        "المحلية",
        "الأجنبية",
    )
)
"""Definite adjectives that say what a named company is ("شركة سوفايكون الاستشارية",
"شركة معادن موريتانيا الحكومية"): after its name, no part of it."""


def _another_head(rules: NameRules, word: str) -> bool:
    """A definite head noun standing alone for a body the story names elsewhere
    ("المفوضية", "الوزارة")."""
    return word.startswith(ARTICLE) and rules.arabic_heads.get(word) == word


def _for_place_of_words(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after a known place's or a region's name of two words or more with
    "ل" on its first ("لقناة السويس", "لموانئ دبي", "لسوس ماسة"), opening at token
    `index`, else `index`."""
    if text.words[index].startswith(LAM_ARTICLE):
        return index
    # a region's name of several words too: "وكالة الحوض المائي لسوس ماسة"
    return _place_with(rules, text, index, LAM, 2, (rules.place_keys, rules.arabic_regions))


def _place_with(
    rules: NameRules,
    text: Tokens,
    index: int,
    proclitic: str,
    fewest: int = 1,
    names: tuple[frozenset[str], ...] = (),
) -> int:
    """The token after the longest place's name (of any of `names`, else the known
    places') of `fewest` words or more with `proclitic` on its first word, opening at
    token `index`, else `index`."""
    names = names or (rules.place_keys,)
    words = text.words
    word = words[index]
    if not word.startswith(proclitic):
        return index
    for end in range(min(len(words), index + MAX_PLACE_WORDS), index + fewest - 1, -1):
        if not all(text.joined(i) for i in range(index, end - 1)):
            continue
        name = " ".join([word[len(proclitic) :], *words[index + 1 : end]])
        if any(name in known for known in names):
            return end
    return index


def _without_lam(word: str) -> str:
    """A word written with "ل" and the article ("للرقابة") as the article alone writes
    it ("الرقابة"); any other word as it is."""
    if word.startswith(LAM_ARTICLE):
        return ARTICLE + word[len(LAM_ARTICLE) :]
    return word


def _order_of(rules: NameRules, word: str) -> bool:
    """A profession's plural, alone or after "ل" ("المحامين", "للمحامين")."""
    return _without_lam(word) in rules.arabic_professions


def _bare_place(rules: NameRules, word: str) -> bool:
    """A place's name without the article ("كردستان", "أنقرة")."""
    return word in rules.place_keys and not word.startswith(ARTICLE)


def _seated_at(rules: NameRules, text: Tokens, index: int) -> bool:
    """A known place's seat at token `index`: "ب" and the place ("بالحسكة"), or "في"
    and the place ("في حماة")."""
    words = text.words
    if _seat(rules, text, index):
        return True
    following = index + 1
    return (
        words[index] == IN_ARABIC
        and following < len(words)
        and text.joined(index)
        and words[following] in rules.place_keys
    )


def _object_in(rules: NameRules, text: Tokens, index: int) -> int:
    """One past the definite noun after "في" at token `index`, an indefinite noun of a
    construct before it allowed ("في جرائم الفساد"), where neither is a place nor a
    function word; else `index`."""
    words, count = text.words, len(text.words)
    at = index + 1
    if (
        at < count
        and text.joined(index)
        and _purpose_construct_noun(rules, words[at])
        and not _verbal_noun(words[at])  # "في تحديث الخرائط": what it is for, now
        and words[at] not in rules.place_word_forms  # "في حي الشرج": where it stands
    ):
        at += 1
    if (
        at < count
        and text.joined(at - 1)
        and words[at].startswith(ARTICLE)
        and words[at] not in rules.stopwords
        and words[at] not in rules.place_keys
        and words[at] not in rules.arabic_regions
        and not _nisba(words[at])
    ):
        return at + 1
    return index


IN_ARABIC = "في"


def _seat(rules: NameRules, text: Tokens, index: int) -> int:
    """The tokens of "ب" and a known place at token `index`, a court's seat in Maghreb
    copy ("المحكمة الابتدائية بتونس", "محكمة الاستئناف بالدار البيضاء"), else 0."""
    return _place_with(rules, text, index, BI) - index


def _region_seat(rules: NameRules, text: Tokens, index: int, clitic: str = "ب") -> int:
    """The tokens of "ب", a region word and a region's name at token `index` ("وزارة
    الصحة بولاية كسلا", "مكتب الصحة العامة والسكان بمحافظة الحديدة"): the body of
    that region, its name going on to it; else 0. A regional body's may be named with
    "ل" (`clitic`) and the region word: "الأكاديمية الجهوية للتربية والتكوين لجهة
    الرباط سلا القنيطرة"."""
    word = text.words[index]
    if not word.startswith(clitic) or not text.joined(index):
        return 0
    if clitic != BI:
        return _named_after(rules, text, index, index + 1) if word[1:] in rules.region_words else 0
    if word[len(BI) :] not in rules.region_words:
        # a region named with its own word, no town's name: "الإدارة العامة للتعليم
        # بالمنطقة الشرقية", "مديرية القوى العاملة بالشرقية"; "بصنعاء" is the city's
        end = _place_with(rules, text, index, BI, names=(rules.arabic_regions,))
        name = " ".join([word[len(BI) :], *text.words[index + 1 : end]])
        return end - index if end > index and name not in rules.place_keys else 0
    return _named_after(rules, text, index, index + 1)


def _local_seat(rules: NameRules, text: Tokens, index: int, bare_town: bool = False) -> int:
    """The tokens of "في", a region word or none, and a town's or region's name at
    token `index` ("مكتب الصحة العامة والسكان في تعز", "مديرية الموارد المائية في
    محافظة البصرة"), or of "ب" and a town's name ("دائرة التنمية الزراعية بنزوى"),
    or (`bare_town`) of the town's name alone ("المجلس البلدي أوباري"): a local
    office of that place; else 0. A country or a sea after "في" says where a body
    is, no part of its name."""
    words, following = text.words, index + 1
    word = words[index]
    if bare_town and (size := _named_after(rules, text, index, index)):
        return size
    if word.startswith(BI) and word != BI:
        return _place_with(rules, text, index, BI, names=(rules.arabic_local_places,)) - index
    if word != IN_ARABIC or following >= len(words) or not text.joined(index):
        return 0
    if words[following] in rules.region_words and text.joined(following):
        following += 1
    return _named_after(rules, text, index, following)


def _named_after(rules: NameRules, text: Tokens, index: int, start: int) -> int:
    """The tokens from `index` to the end of a region's or town's name opening at
    token `start`, else 0."""
    end = _local_name_end(rules, text, start)
    return end - index if end > start else 0


REGIONAL_ADJECTIVES = frozenset(("الجهوي", "الجهويه", "الاقليمي", "الاقليميه"))
"""Adjectives of a region's own body ("الأكاديمية الجهوية", "المديرية الإقليمية"): "ل"
and the region word after its name name the region ("... لجهة سوس ماسة")."""
LOCAL_ADJECTIVES = frozenset(
    ("البلدي", "البلديه", "المحلي", "المحليه", "القروي", "الجهوي", "الجهويه")
)
"""Adjectives of a town's or a region's own body ("المجلس البلدي", "المجلس القروي"):
the town named after them is the body's."""


def _workers_trade(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after the trade or the country a name ending with "العاملين" or
    "العمال" (the workers) goes on to at token `index`, after "في" ("النقابة العامة
    للعاملين في الموانئ البحرية", "الاتحاد العام لنقابات العمال في العراق") or "ب"
    ("النقابة العامة للعاملين بالغزل والنسيج", "... بقطاع النفط"), with the trade's
    adjectives or a second trade after "و"; else `index`. The workers of a body named
    before ("للعاملين بالشركة") are no trade."""
    words, count = text.words, len(text.words)
    if words[index - 1] not in WORKERS or not text.joined(index - 1):
        return index
    word = words[index]
    if word == IN_ARABIC or word == BI + SECTOR:
        trade = index + 1
        named = words[trade] if trade < count and text.joined(index) else ""
    elif word.startswith(BI + ARTICLE):
        trade, named = index, word[len(BI) :]
    else:
        return index
    if not (
        named.startswith(ARTICLE)
        and named not in rules.stopwords
        and named not in rules.arabic_ends
        and named not in rules.arabic_anaphoric
    ):
        return index
    end = trade + 1
    while (
        end < count
        and text.joined(end - 1)
        and words[end].startswith(ARTICLE)
        and (_nisba(words[end]) or words[end] in rules.arabic_adjectives)
    ):
        end += 1
    second = words[end][len(AND) :] if end < count else ""
    if (
        second.startswith(ARTICLE)
        and words[end].startswith(AND)
        and text.joined(end - 1)
        and second not in rules.stopwords
        and second not in rules.arabic_ends
        and second[len(ARTICLE) :] not in rules.arabic_heads
    ):
        end += 1
    return end


SECTOR = "قطاع"


WORKERS = frozenset(("العاملين", "للعاملين", "العمال", "للعمال"))
RANKS = frozenset(
    ("الملك", "الملكه", "الامير", "الاميره", "الشيخ", "الشيخه", "السلطان", "الامام", "الشهيد")
)
"""Titles a body's name carries before the name of the person it is named for
("مستشفى الأمير الحسين"), where a definite noun after a definite one ends a name."""
VENUE_PURPOSES = frozenset(("للمعارض", "للمءتمرات", "المعارض", "المءتمرات", "اكسبو"))
"""What a place is for that makes a body's name a venue's: exhibitions, conferences
("مركز إكسبو الشارقة", the Expo Centre)."""


def _local_name_end(rules: NameRules, text: Tokens, start: int) -> int:
    """The token after a region's or a town's name of up to `MAX_PLACE_WORDS` words
    opening at token `start`, else `start`."""
    return _place_with(rules, text, start, "", 1, (rules.arabic_regions, rules.arabic_local_places))


def _purpose(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after "ل" and an indefinite noun, up to one more after "و", and the
    definite noun that completes them ("لنقل الكهرباء", "لإنتاج وتصنيع النفط"),
    else `index`."""
    words, count = text.words, len(text.words)
    word = words[index]
    if not (
        word.startswith(LAM)
        and not word.startswith((LAM_ARTICLE, LAM_OF_THE_ROOT))
        and len(word) > MIN_PURPOSE_LETTERS
        and word not in rules.stopwords
        and word not in rules.arabic_function
        and is_arabic(word)
    ):
        return index
    following = index + 1
    if (
        following + 1 < count
        and text.joined(following - 1)
        and words[following].startswith(AND)
        and not words[following].startswith(AND + ARTICLE)
        and words[following] not in rules.stopwords
    ):
        following += 1
    # a construct may go on over indefinite nouns: "لتسيير شبكة نقل الكهرباء"
    end = following
    while (
        end < count
        and end - following < CONSTRUCT_NOUNS
        and text.joined(end - 1)
        and _purpose_construct_noun(rules, words[end])
    ):
        end += 1
    if end > following and end < count and text.joined(end - 1) and words[end].startswith(ARTICLE):
        following = end
    if following >= count or not text.joined(following - 1):
        return index
    complement = words[following]
    if complement in rules.place_keys and is_arabic(complement):
        return following + 1  # "لطلبة موريتانيا"
    if (
        complement.startswith(ARTICLE)
        and complement not in rules.arabic_ends
        and complement not in rules.stopwords
        and (not _nisba(complement) or _alef_maqsura(text, following))  # "لألعاب القوى"
    ):
        return following + 1
    return index


def _purpose_construct_noun(rules: NameRules, word: str) -> bool:
    """An indefinite noun inside the construct of a body's purpose ("شبكة", "نقل" of
    "لتسيير شبكة نقل الكهرباء")."""
    return (
        is_arabic(word)
        and not word.startswith((AND, *ARTICLE_FORMS))
        and word not in rules.arabic_function
        and word not in rules.stopwords
        and word not in rules.given_arabic
        and word not in rules.place_keys
        and word not in rules.arabic_regions
        and not feminine_adjective(rules, word)
        and not not_a_name(word)
    )


MIN_PURPOSE_LETTERS = 3
LAM_OF_THE_ROOT = "لاء"
"""Normalized "لائـ", whose "ل" is the root's, no preposition: "لائحة الاتهام" (the
charge sheet) after "النيابة العامة" is the sentence's object."""
""""ل" and a noun of three letters at least: "لنقل"."""


CONSTRUCT_NOUNS = 2
"""How many indefinite nouns a construct may chain before its definite noun."""


def _construct_chain(
    rules: NameRules, text: Tokens, start: int, nesting: bool = False
) -> tuple[int, int | None]:
    """The token of the definite noun that ends a construct of indefinite nouns after
    the head ("محكمة أمن الدولة", "شركة نفط الشمال"), else `start`; and the token
    where a place's name that ends it opens, else None. With `nesting`, a head noun
    may be one of the nouns ("قيادة شرطة ذي قار")."""
    words, index = text.words, start
    while index < len(words) and index - start <= CONSTRUCT_NOUNS and text.joined(index - 1):
        word = words[index]
        if on_place(rules, word) or (
            word[0] in PLACE_PREPOSITIONS and word[1:] in rules.place_words
        ):
            return start, None  # "بلدية أوجفت بولاية أدرار": where it is, after the name
        if (end := _place_named_at(rules, text, index)) > index:
            return end, index  # a place ends it as a definite noun does: "موانئ أبوظبي"
        if word.startswith(ARTICLE):
            definite = word not in rules.arabic_ends and word not in rules.stopwords
            return (index if definite and index > start else start), None
        if (
            not is_arabic(word)
            or word.startswith((AND, *ARTICLE_FORMS))
            or (len(word) > 3 and word[0] in "ين")  # a verb in the present: "شركة يملكها"
            or word in rules.arabic_function
            # a head that is a verbal noun is the body's task: "هيئة تنظيم المياه"
            or (word in rules.arabic_heads and not nesting and not _verbal_noun(word))
            or word in rules.given_arabic
        ):
            return start, None
        index += 1
    return start, None


FEMININE_PLURAL = "ات"
"""The sound feminine plural's ending: never an adjective of a body, whose adjectives
are singular."""
SOUND_PLURAL = "ون"
"""The nominative of a sound plural, which a construct's second noun never takes."""
MIN_SOUND_PLURAL_LETTERS = 5
"""Shorter words so ending are nouns of their own ("العون", "الشؤون")."""


def _place_named_at(rules: NameRules, text: Tokens, index: int) -> int:
    """The token after an Arabic place's name opening at token `index` ("أبوظبي", "كفر
    الشيخ", "ذي قار"), else `index`."""
    words = text.words
    word = words[index]
    if word in rules.place_openers and (
        # the longest name first: "مجلس جهة فاس مكناس" is the region's, not Fez's
        (end := _place_with(rules, text, index, "", 2, (rules.place_keys, rules.arabic_regions)))
        > index
    ):
        return end
    if word in rules.place_keys or word in rules.arabic_regions:
        # "شركة صينية" (a Chinese company): a people's adjective, no place's name; a
        # region's name of one word: "مديرية زراعة ديالى"
        return index + 1 if is_arabic(word) and not feminine_adjective(rules, word) else index
    return index


def _conjunct(rules: NameRules, word: str, after_for: bool = False) -> bool:
    """ "و" and a definite noun that shares the body's name with the noun before it
    ("وزارة التعليم العالي والبحث العلمي", "... والتنمية القروية", whose ending
    is a nisba's), or a second adjective ("المجلس الاقتصادي والاجتماعي"): no head
    noun, which starts the next body ("... والهيئة") unless it shares a "ل" before
    it (`after_for`: "المديرية العامة للآثار والمتاحف"), no name the gazetteer knows
    (a country's adjective: "السعودية والإماراتية" are two countries' bodies), no
    word that ends a name."""
    if not word.startswith(AND + ARTICLE):
        return False
    bare = word[len(AND) :]
    return (
        (after_for or word not in rules.arabic_heads)
        and bare not in rules.arabic_ends
        and bare not in rules.keys
        and bare not in rules.stopwords
    )


def _closes_for(text: Tokens, index: int) -> bool:
    """The word at `index` follows a word with "لل" and ends the name: "والمتاحف" of
    "للآثار والمتاحف", where "والمؤسسة الوطنية" opens another body."""
    words, following = text.words, index + 1
    return words[index - 1].startswith(LAM_ARTICLE) and (
        following >= len(words)
        or not text.joined(index)
        or not words[following].startswith((ARTICLE, LAM_ARTICLE))
    )


def _construct_conjunct(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is "و" and an indefinite noun, and a definite noun completes it
    ("وموارد المياه", "وتقنية المعلومات"): one more field of a ministry's or a
    company's name. No head noun, which starts the next body ("وقوات الأمن"), no
    role or other stop word ("ومدير المستشفى")."""
    words = text.words
    word = words[index]
    if (
        index + 1 >= len(words)
        or not text.joined(index)
        or not word.startswith(AND)
        or word.startswith(AND + ARTICLE)
    ):
        return False
    stem, complement = word[len(AND) :], words[index + 1]
    return (
        is_arabic(stem)
        # a word that opens with و itself: "وزير", "وائل"
        and word not in rules.given_arabic
        and word not in rules.stopwords
        and word not in rules.common
        and word not in rules.arabic_heads
        and stem not in rules.stopwords
        and stem not in rules.arabic_ends
        and stem not in rules.given_arabic
        and stem not in rules.keys
        and complement.startswith(ARTICLE)
        and complement not in rules.stopwords
        and complement not in rules.keys
        and (not _nisba(complement) or _plural_in_ya(complement))
    )


def _plural_in_ya(word: str) -> bool:
    """A definite broken plural of the shapes أفاعل and مفاعل ending with ي
    ("الأراضي", "المباني"), which a nisba's shape hides: after an indefinite noun it
    completes it ("واستصلاح الأراضي")."""
    stem = word[len(ARTICLE) :]
    return len(stem) == PLURAL_IN_YA_LETTERS and stem[0] in "ام" and stem[2] == "ا"


PLURAL_IN_YA_LETTERS = 5


def nisba_adjective(word: str) -> bool:
    """A definite adjective of relation (normalized): "السعوديه", "الجمهوري"."""
    return _nisba(word)


MIN_NISBA_LETTERS = len(ARTICLE) + 3
"""The article, a stem of two letters at least and the ending: "إلى" normalized
("الي") has the shape and is none."""


def _nisba(word: str) -> bool:
    """A definite adjective of relation: "السعوديه", "التونسي", "الوطني"."""
    return (
        len(word) >= MIN_NISBA_LETTERS
        and word.startswith(ARTICLE)
        and word.endswith(NISBA_ADJECTIVE_ENDINGS)
    )


MAX_NAMESAKE_WORDS = 4
BI = "ب"


ALI = "علي"
"""Normalized, both the given name Ali and the preposition "على"."""
ALI_WRITTEN = ("علي", "وعلي")


def _with_ali(text: Tokens, name: Name) -> Name:
    """The person with the given name Ali before it, written with ي where the
    preposition takes ى ("علي حسن المجيد"): normalized alike, the two are told apart
    by the spelling as written."""
    before = name.first - 1
    if before < 0 or not text.joined(before) or not _ali_written(text, before):
        return name
    return Name(name.type, f"{ALI} {name.name}", before, name.last, name.acronym, name.yields)


def _ali_written(text: Tokens, index: int) -> bool:
    """Token `index` is the given name Ali as written ("علي", "وعلي"), not the
    preposition "على" that normalizes alike."""
    return text.words[index].endswith(ALI) and _written(text, index) in ALI_WRITTEN


def _named_for(rules: NameRules, text: Tokens, index: int, memorial: bool = False) -> int:
    """The token after a title of rank and the given names and particles of the
    person a body is named for, at token `index` right after its head ("جامعة الملك
    عبد العزيز", "مركز الملك سلمان للإغاثة"); after a `memorial` head, the person's
    name without a title too ("مستشفى كمال عدوان"); `index` when there is none."""
    words, count = text.words, len(text.words)
    if index + 1 >= count:
        return index
    if words[index] in rules.arabic_honoured and text.joined(index):
        bare = words[index + 1]
        opens = bare in rules.given_arabic or bare in rules.openers_arabic
        if opens and (person := _arabic_person(rules, text, index + 1)) is not None:
            return person.last
        return index + 2 if _namesake_word(rules, bare) else index
    if words[index] in rules.arabic_namesakes:
        # a title that opens places' names too is a person's before a given name only:
        # "جامعة سيدي محمد بن عبد الله", not "جماعة سيدي بيبي"
        first = index + 1
        bare_at = -1 if words[index] in rules.toponym_prefixes else first
    elif words[index] in rules.given_arabic:
        person = _arabic_person(rules, text, index)
        if not memorial and not _with_purpose(text, index, person):
            return index
        first, bare_at = index, -1  # a given name alone, or a person's whole name
        if person is not None:
            return person.last
    elif memorial and words[index] in rules.particles_arabic:
        first, bare_at = index, -1
    else:
        return index
    last = first
    fathered = False
    while last < count and last - first < MAX_NAMESAKE_WORDS and text.joined(last - 1):
        if (
            words[last] in rules.particles_arabic
            and (last == first or words[last] in FATHER)
            and last + 1 < count
            and text.joined(last)
        ):
            fathered = fathered or words[last] in FATHER
            last += 2
            if words[last - 1] == SERVANT and last < count and text.joined(last - 1):
                last += 1  # "بن عبد العزيز": the father's compound name
        elif words[last] in rules.given_arabic and not fathered and last == first:
            last += 1  # one given name; after it, a particle or the name's end
        elif last == bare_at and _namesake_word(rules, words[last]):
            last += 1  # "مستشفى السلطان قابوس": a name the lists may lack
        elif last > first and words[last] in REGNAL_NUMBERS:
            last += 1  # "مدرسة الملك عبدالله الثاني": the ruler's number ends the name
            break
        else:
            break
    return last if last > first else index


def _namesake_word(rules: NameRules, word: str) -> bool:
    """A bare word after a title that is the name of the person a body is named for,
    though the lists may lack it ("السلطان قابوس", "العقيد عميروش"): no place's name."""
    return _bare_name(rules, word) and word not in rules.place_keys and not not_a_name(word)


def _with_purpose(text: Tokens, index: int, person: Name | None) -> bool:
    """The `person` found at token `index`, right after a head, has three words or
    more and a لل-word right after it: a body named for the person and what it is
    for ("مركز محمد بن راشد للفضاء")."""
    if person is None or person.last - index < 3 or person.last >= len(text.words):
        return False
    return text.joined(person.last - 1) and text.words[person.last].startswith(LAM_ARTICLE)


REGNAL_NUMBERS = frozenset(
    normalize_text(word)
    for word in ("الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع")
)


TIME_AFTER = frozenset(
    normalize_text(word)
    for word in ("الماضي", "المقبل", "الجاري", "الحالي", "الماضية", "المقبلة", "الجارية", "الحالية")
)
"""Words after a noun of time ("العام الماضي"), which ends a body's name before it."""
PLACE_PREPOSITIONS = "بفك"
"""Prepositions that put a place after a body's name, not in it (ل makes its
complement: "المفوضية السامية للأمم المتحدة")."""


def _second_name_word(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` goes on with the one bare word naming a body before it: a bare
    name word itself, the word before it no place ("جامعة دمشق" is named for its
    town), neither a head nor the start of a phrase."""
    words = text.words
    if index >= len(words) or not text.joined(index - 1):
        return False
    word, before = words[index], words[index - 1]
    return (
        _bare_name(rules, word)
        and before not in rules.place_keys
        and word not in rules.place_keys
        and word not in rules.arabic_heads
        and not opens_a_phrase(rules, word)
        and not not_a_name(word)
    )


def _facility_construct(rules: NameRules, text: Tokens, index: int) -> bool:
    """Token `index` is the definite noun that completes the one bare word naming a
    port or an airport ("ميناء خور الزبير", "مطار رأس الخيمة"): no place's name
    before it ("مطار بغداد الدولي"), no adjective, no ordinary word."""
    words = text.words
    if index >= len(words) or not text.joined(index - 1):
        return False
    word = words[index]
    return (
        words[index - 1] not in rules.place_keys
        and word.startswith(ARTICLE)
        and word not in rules.common
        and word not in rules.arabic_ends
        and word not in rules.arabic_adjectives
        and not _nisba(word)
        and not _participle(word)
    )


def _foreign_name_end(rules: NameRules, text: Tokens, last: int) -> int:
    """Where a foreign name written in Arabic letters, which ends before token `last`,
    really ends: past more spelled letters after its letters ("سي دي جي") and then past
    one bare word after a letter or a link ("سي دي جي كابيتال", "جان دي نول", "لارسن آند
    توبرو")."""
    words, count = text.words, len(text.words)
    while (
        last < count
        and text.joined(last - 1)
        and words[last] in SPELLED_LETTERS
        and words[last - 1] in SPELLED_LETTERS
    ):
        last += 1
    if last >= count or not text.joined(last - 1):
        return last
    word = words[last]
    if (words[last - 1] in FOREIGN_LINKS and _foreign_word(rules, word)) or (
        words[last - 1] in SPELLED_LETTERS and _bare_name(rules, word)
    ):
        last += 1
    return last


def _foreign_word(rules: NameRules, word: str) -> bool:
    """An Arabic word without the article, no ordinary or stop word: after a foreign
    name's link one of the name, though shaped like a verb in the present ("توبرو")."""
    return (
        is_arabic(word)
        and not word.startswith(ARTICLE_FORMS)
        and word not in rules.common
        and word not in rules.stopwords
    )


def _bare_name(rules: NameRules, word: str) -> bool:
    """One word without the article that may name a company, a club or a person:
    Arabic, no ordinary word, not shaped like a verb in the present ("تتعامل") unless
    shaped as a Maghreb family name ("تيطراوي"), no preposition or conjunction with
    the article ("بالرباط")."""
    return _foreign_word(rules, word) and (
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


def _with_acronym(text: Tokens, name: Name) -> Name:
    """`name` with the acronym in brackets right after it, if any: "(UGTT)"."""
    if name.type != "organisation" or name.last >= len(text.words):
        return name
    analysis = text.analysis
    end = analysis.span(name.first, name.last).end
    following = analysis.span(name.last, name.last + 1)
    first, after = following.start, following.end
    written = analysis.surface(name.last, name.last + 1)
    letters = [c for c in written if c.isalpha()]
    if (
        analysis.original[end:first].strip() == "("
        and analysis.original[after : after + 1] == ")"
        and len(letters) in ACRONYM_LETTERS
        and all(c.isupper() for c in letters)
    ):
        return replace(name, acronym=written)
    return name


ACRONYM_SKIPPED = frozenset({"a", "au", "aux", "en", "in", "at", "sur", "contre"})
"""Function words an acronym leaves out, besides the links of names ("Groupe de
soutien à l'islam et aux musulmans (GSIM)")."""


def _spelled_out(rules: NameRules, text: Tokens, found: list[Name]) -> list[Name]:
    """`found` with the organisations an acronym in brackets spells out: the words
    before "(SNIM)" whose initials, function words left out, are its letters
    ("Société nationale industrielle et minière (SNIM)"). Such a name replaces a
    shorter one found inside it; one found from its structure that ends at the
    bracket keeps its own boundaries. Latin script only."""
    original = text.analysis.original
    bracket = original.find("(")
    if bracket < 0:
        return found
    added: list[Name] = []
    while bracket >= 0:
        name = _spelled_before(rules, text, original, bracket)
        if (
            name is not None
            and not any(n.first <= name.first and n.last == name.last for n in found)
            # the letters it spells make it a body of its own, whatever known body its
            # words hold ("United Nations Office on Drugs and Crime (UNODC)")
            and name.name not in rules.keys
        ):
            added.append(name)
        bracket = original.find("(", bracket + 1)
    if not added:
        return found
    kept = [n for n in found if not any(a.first <= n.first and n.last <= a.last for a in added)]
    return sorted([*kept, *added], key=lambda n: n.first)


def _acronym_cased(written: str) -> bool:
    """Written as an acronym: in capitals ("OCRTIS"), or as French copy writes a long
    one, capitalised only ("Ocrtis"); the initials it must spell tell it from a word."""
    return written.isupper() or (
        len(written) >= MIN_CAPITALISED_ACRONYM and written[0].isupper() and written[1:].islower()
    )


MIN_CAPITALISED_ACRONYM = 4


def _spelled_before(rules: NameRules, text: Tokens, original: str, bracket: int) -> Name | None:
    """The organisation whose initials the acronym opening at character `bracket` of
    `original` (the analysis's text) spells, ending right before the bracket, if any."""
    analysis, words = text.analysis, text.words
    inside = original[bracket + 1 : bracket + 2 + ACRONYM_LETTERS.stop]
    closing = inside.find(")")
    if closing < ACRONYM_LETTERS.start or not _acronym_cased(inside[:closing]):
        return None
    # the acronym's last letter is the initial of the word before the bracket
    before = original[max(0, bracket - 30) : bracket].split()
    word = before[-1] if before else ""
    for mark in WORD_JOINS:
        word = word.rsplit(mark, 1)[-1]
    initial = word[:1].lower()
    last = inside[closing - 1].lower()
    if initial != last and (initial.isascii() or normalize_text(initial) != last):
        return None
    content = inside[:closing]
    letters = (
        "".join(c for c in content.lower() if c != HYPHEN)
        if content.isascii()
        else normalize_text(content)
    )
    if letters in rules.keys:
        return None
    low, high = 0, len(words)
    while low < high:  # the first token that starts after the bracket
        middle = (low + high) // 2
        if analysis.span(middle, middle + 1).start <= bracket:
            low = middle + 1
        else:
            high = middle
    acronym = low
    if acronym == 0 or acronym >= len(words) or words[acronym - 1].isdigit():
        return None
    # its parts may be joined by hyphens ("(DAP-K)", "(SPLM-IO)")
    end = acronym + 1
    while end < len(words) and original[analysis.span(end - 1, end).end] == HYPHEN:
        end += 1
    span = analysis.span(acronym, end)
    written = original[span.start : span.end]
    if (
        span.start != bracket + 1
        or original[span.end : span.end + 1] != ")"
        or original[analysis.span(acronym - 1, acronym).end : bracket].strip()
        or len(letters) not in ACRONYM_LETTERS
        or not (written.replace(HYPHEN, "").isalpha() and _acronym_cased(written))
        or "".join(words[acronym:end]) != letters
    ):
        return None
    remaining = len(letters)
    index = acronym - 1
    while remaining and index >= 0 and (index == acronym - 1 or text.joined(index)):
        word = words[index]
        if word in rules.links or word in ACRONYM_SKIPPED:
            index -= 1
            continue
        if word[:1] != letters[remaining - 1] or not word.isalpha():
            return None
        remaining -= 1
        index -= 1
    first = index + 1
    if (
        remaining
        # French copy writes a head in lower case: "le centre hospitalier universitaire
        # Sourô Sanou (CHUSS)"
        or not (text.caps[first] or words[first] in rules.latin_head_words)
        or acronym - first < 2
        or is_arabic(words[first])
    ):
        return None
    return Name("organisation", " ".join(words[first:acronym]), first, acronym, written)


# -- people --------------------------------------------------------------------------


def _person(rules: NameRules, text: Tokens, start: int) -> Name | None:
    word = text.words[start]
    if word in rules.arabic_titles and _given_name_after(rules, text, start):
        # "السيد حمود بن فيصل": a title (a given name too) before a given name
        return _arabic_person(rules, text, start + 1)
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
                or (words[after] == ALI and _ali_written(text, after))
                or words[after] in rules.particles_arabic
                or words[after] in COMPOUND_ENDS
                or (_family_nisba(rules, words[after]) and not _alef_maqsura(text, after))
            )
            and (not ali or _ali_written(text, start))
        ):
            return _arabic_person(rules, text, start, ALI if ali else None)
        return None
    if word in rules.given_arabic:
        if _verb_in_double_ya(text, start):
            return None
        return _arabic_person(rules, text, start)
    if word not in rules.given_latin or not text.caps[start]:
        return None
    if word in rules.word_given_latin and (
        start + 1 >= len(text.words)
        or not text.joined(start)
        or text.words[start + 1] in rules.common
        or text.words[start + 1] in rules.keys
    ):
        return None
    if _inside_run(rules, text, start) and _demonym_at(rules, text, start - 1) is None:
        return None
    return _latin_person(rules, text, start, start + 1)


DOUBLE_YA = "يي"


def _verb_in_double_ya(text: Tokens, index: int) -> bool:
    """Token `index` written with two dotted ya at its end ("يحيي", he revives: "يحيي
    الفنان حفلتين") is the verb; the given name is written "يحيى". Normalization makes
    the two alike; the spelling as written tells them apart."""
    return text.words[index].endswith(DOUBLE_YA) and _written(text, index).endswith(DOUBLE_YA)


def _family_nisba(rules: NameRules, word: str) -> bool:
    """A family name shaped as a nisba, singular ("العوادي", not "العراقيين"), no
    ordinary word, no demonym, no place: after an opener, a person's name ("باسم
    العوادي"), where an ordinary word is the phrase it opens ("باسم الحكومة")."""
    return (
        _nisba(word)
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


def _alef_maqsura(text: Tokens, index: int) -> bool:
    """Token `index` is written with a final "ى", which normalizes as a nisba's "ي"
    does: "باسم المنتدى" is "on behalf of the forum", no "باسم العوادي"."""
    return _written(text, index).endswith(ALEF_MAQSURA)


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
                and (following not in ENGLISH_PARTICLES or _glued(text, last) == HYPHEN)
            )
            or (following in TITLES_IN_NAMES and text.caps[last])
        ) and (last + 1 < count and text.joined(last) and _name_word(rules, text, last + 1))
        if following in TITLES_IN_NAMES and text.caps[last] and not particle:
            last += 1  # "Ahmed Mohamud Sheikh, director of ...": the family's name
            break
        if not particle and not _name_word(rules, text, last) and not _after_apostrophe(text, last):
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
    return bool(text.caps[index - 1]) and _glued(text, index - 1) in APOSTROPHES


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


def _after_demonym(rules: NameRules, text: Tokens, index: int) -> Name | None:
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
    if not _name_word(rules, text, start) or text.words[start] in rules.keys:
        return None
    return _latin_person(rules, text, start, start + 1)


MAX_DEMONYM_NAME_WORDS = 3
PRONOUN_SUFFIX = "ه"
"""Normalized, "his" and the feminine ending alike: "نظيره", "ضيفه"."""


def _after_arabic_demonym(rules: NameRules, text: Tokens, index: int) -> Name | None:
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
            if last - start >= 1 and _nisba(word) and word not in rules.keys:
                last += 1  # a family name of relation ends the name
            break
        # a given name that is an ordinary word too ("عمران"), and "علي" as written,
        # are names here
        given = word in rules.given_arabic or (word == ALI and _ali_written(text, last))
        if word in rules.particles_arabic:
            return None  # "التونسي محمد علي بن رمضان": the names walk reads the whole name
        if (
            not (_bare_name(rules, word) or given)
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


def _name_word(rules: NameRules, text: Tokens, index: int) -> bool:
    word = text.words[index]
    return (
        text.caps[index] != 0
        and word not in rules.stopwords
        and word not in rules.latin_heads["en"]
        and word not in rules.latin_heads["fr"]
    )


MONTH_WORDS = frozenset(form for form, _ in arabic_variants("شهر"))
"""The word "month" before a month's name that is a given name too ("رمضان", "رجب")."""
MIN_GIVEN_LETTERS = 3
DAUGHTER = "بنت"
MAURITANIAN_SONSHIP = frozenset(("ولد", "منت"))
SONSHIP = frozenset(("بن", DAUGHTER, *MAURITANIAN_SONSHIP))
"""The particles of "son of" and "daughter of" (and Mauritania's "ولد", "منت"): the
word before them is a given name, listed or not ("جوهر بن مبارك", "حمادي ولد سيدي
المختار")."""


def _named_before_father(rules: NameRules, text: Tokens, index: int, floor: int) -> Name | None:
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
    return _arabic_person(rules, text, given, word)


def _present_verb(word: str) -> bool:
    """A word the lists lack shaped as a verb in the present, "ي" and three root
    letters after "و" at most ("ويوجد بن عيسى رهن الحبس"): the given names so shaped
    ("يوسف", "يونس", "يحيى") are listed."""
    stem = word[len(AND) :] if word.startswith(AND) and len(word) > PRESENT_VERB_LETTERS else word
    return len(stem) == PRESENT_VERB_LETTERS and stem.startswith(PRESENT_PREFIX)


PRESENT_PREFIX = "ي"
PRESENT_VERB_LETTERS = 4


def _arabic_person(
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
            and (_bare_name(rules, words[last + 1]) or words[last + 1] in rules.given_arabic)
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
            and _family_name(parts, following, _written(text, last).endswith(HEH))
            and (not no_family_name(rules, following) or _plain_family_name(rules, following))
            and not _demonym_before_name(rules, text, last)
        ):
            definite = True
            parts.append(following)
            last += 1
        elif (
            not definite
            and _bare_name(rules, following)
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
                and _bare_name(rules, words[last + 1])
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
    return (word == ALI and _ali_written(text, index)) or (
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
    if not _bare_name(rules, word) or not_a_name(word) or defective_verb(rules, word):
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
    if _plain_family_name(rules, word) and not _alef_maqsura(text, index):
        return True  # "محمد خير الرواشدة", "عمر فلاح الخوالدة": a family's name only
    return (
        _family_word_after_compound(rules, word)
        and not word.endswith(FEMININE_NISBA_ENDING)
        and not no_family_name(rules, word)
        and not ordinary_word(rules, word)
        and not opens_a_phrase(rules, word)
        and word not in rules.common
        and not _alef_maqsura(text, index)
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
        or _verbal_noun(stem)
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


def _verbal_noun(stem: str) -> bool:
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
            word.startswith(VERBAL_NOUN_TA)
            and _verbal_noun(word)
            and word not in rules.given_arabic
        )
        or (word.startswith(ARTICLE) and _verbal_noun(word[len(ARTICLE) :]))
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
    "ستعقد")."""
    return (
        word.endswith(ACCUSATIVE_HAMZA)
        or _future_verb(word)
        or (len(word) == len(PAST_VERB_PREFIX) + 3 and word.startswith(PAST_VERB_PREFIX))
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
    return word in rules.particles_arabic or (len(word) > 2 and _bare_name(rules, word))


def _family_name(parts: list[str], word: str, heh: bool = False) -> bool:
    """A definite word that may carry on a person's name: never a feminine
    adjective ("الرياضية") but after بنت, nothing after a family name shaped as a
    nisba ("سالم الدوسري" ends there: "الهدف" is the next phrase), and only a nisba
    after another definite family name."""
    if word.endswith(FEMININE_NISBA_ENDING) and DAUGHTER not in parts and not heh:
        # "مريم بنت علي الجابرية": a woman's family name takes the feminine; a word
        # written with "ه" is no feminine ("أنيس الفقيه")
        return False
    last = parts[-1]
    if not last.startswith(ARTICLE):
        return True
    if len(parts) == 1 or last in COMPOUND_ENDS or (len(parts) > 1 and parts[-2] in NAME_PARTICLES):
        return True  # "الهادي", "عبد الله", "نصر الدين": a given name, the family's may follow
    # after a definite family name only a nisba goes on ("... الحمدان العتيبي"):
    # "عبد الله الحمدان التسجيل" is the name and the object of its verb
    return not _nisba(last) and _nisba(word)


def _tribal_name(rules: NameRules, word: str) -> bool:
    """A definite nisba after a father's name, the family's or tribe's name that ends
    a name of three ("أحمد مطلك الفهداوي"): no country's adjective, title or ordinary
    word."""
    return (
        _nisba(word)
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
        if " ".join(words[:end]) in rules.keys and not _another_family(rules, words, end):
            return Name("person", " ".join(words[:end]), first, first + end)
    return Name("person", " ".join(words), first, last)


def _another_family(rules: NameRules, words: Sequence[str], end: int) -> bool:
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


SERVANT = "عبد"


def _servant_compound(name: str) -> bool:
    return name.startswith(SERVANT) and name != SERVANT


SERVANT_PROCLITICS = (*PERSON_PROCLITICS, "ل", "ول")
"""A compound given name written as one word ("عبدالرحمن") is no ordinary word, so it
opens a name after "ل" too ("عرضية متقنة لعبدالرحمن العبود")."""
"""The first word of the compound given names "servant of" one of God's names."""
MAX_PLACE_WORDS = 3
MAX_PLACE_LINKS = 2


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
    Arabic place word (`_arabic_place_after`)."""
    hits = place_words.find(text.analysis)
    if not hits:
        return []
    words, caps, count = text.words, text.caps, len(text.words)
    found: list[Name] = []
    index = 0
    for hit in hits:
        if arabic:
            if (name := _arabic_place_after(rules, text, hit)) is not None:
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
            after_comma = _between(text, end - 1) == ","
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
        and _between(text, end - 1) == HYPHEN
        and _between(text, end) == HYPHEN
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
            elif before >= 0 and _between(text, before) == ",":
                end = start
            else:
                break
    if found:
        spans = list(taken)
        found = [n for n in found if not any(a < n.last and n.first < b for a, b in spans)]
    return found


SUB = "sub"
""""sub" of "sub-district", whose "district" is the place word."""


def _arabic_place_after(rules: NameRules, text: Tokens, hit: int) -> Name | None:
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
                and not _nisba(following)
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
        and not _nisba(word)
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
            or (_bare_name(rules, words[item]) and not words[item].endswith(FEMININE_PLURAL))
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
            and _bare_name(rules, words[following + 1])
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
        or (not item.startswith(ARTICLE) and not _bare_name(rules, item))
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
    return word.startswith(PARTICIPLE_ARTICLE) and word.endswith(TEH_MARBUTA) and not _nisba(word)


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
        and _bare_name(rules, word)
        and word not in rules.given_arabic
        and word not in rules.arabic_heads
        and not word.endswith(NISBA_ADJECTIVE_ENDINGS)
        and not not_a_name(word)
        and not _form_iii_noun(word)  # "قرى مجاورة"
        # "بلدة بولنوار لاستقبال الناخبين": "ل" and a verbal noun, the sentence's purpose
        and not (word.startswith(LAM) and _verbal_noun(word[len(LAM) :]))
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


def _unknown_place(rules: NameRules, run: list[str]) -> bool:
    return not (
        is_arabic(run[0])
        or run[0] in rules.given_latin
        or any(w in rules.stopwords or names_after(rules, w) for w in run)
        or " ".join(run) in rules.keys
    )
