"""The words names are built from, read once from the data documents and normalized
(`NameRules`), and a name found in a text (`Name`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from newswire_text import WordSet

from workers.models import EntityType
from workers.text.arabic import (
    ARTICLE,
    CONJUNCTIONS,
    CUE_PROCLITICS,
    HEAD_PROCLITICS,
    LAM,
    LAM_ARTICLE,
    NAME_PARTICLES,
    PERSON_PROCLITICS,
    is_arabic,
)
from workers.text.normalize import normalize_text

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

    def tables(section: dict[str, Any], name: str) -> dict[str, frozenset[str]]:
        """A table of word lists, one per head: head -> its words, normalized."""
        return {normalize_text(head): words(section[name], head) for head in section.get(name, {})}

    def pairs(section: dict[str, Any], name: str) -> frozenset[tuple[str, str]]:
        """Phrases of two parts, the first word apart from the rest."""
        return frozenset(
            (first, rest) for first, _, rest in (w.partition(" ") for w in words(section, name))
        )

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
        arabic_compound_adjectives=pairs(heads["ar"], "compound_adjectives"),
        arabic_courts=words(heads["ar"], "courts"),
        arabic_seated=words(heads["ar"], "seated"),
        arabic_schools=words(heads["ar"], "schools"),
        arabic_regional=words(heads["ar"], "regional"),
        arabic_districts=words(heads["ar"], "districts"),
        arabic_local=words(heads["ar"], "local"),
        arabic_professions=words(heads["ar"], "professions"),
        arabic_memorials=words(heads["ar"], "memorials"),
        arabic_complemented=words(heads["ar"], "complemented"),
        arabic_purposed=tables(heads["ar"], "purposed"),
        arabic_honoured=words(heads["ar"], "honoured"),
        arabic_designated=tables(heads["ar"], "designated"),
        arabic_purposed_in=tables(heads["ar"], "purposed_in"),
        arabic_facilities=words(heads["ar"], "facilities"),
        arabic_served=words(heads["ar"], "served"),
        arabic_descriptions=tables(heads["ar"], "descriptions"),
        arabic_idioms=pairs(heads["ar"], "idioms"),
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


ALI_WRITTEN = ("علي", "وعلي")

DAUGHTER = "بنت"

MAURITANIAN_SONSHIP = frozenset(("ولد", "منت"))

SONSHIP = frozenset(("بن", DAUGHTER, *MAURITANIAN_SONSHIP))
"""The particles of "son of" and "daughter of" (and Mauritania's "ولد", "منت"): the
word before them is a given name, listed or not ("جوهر بن مبارك", "حمادي ولد سيدي
المختار")."""

SERVANT = "عبد"


def _servant_compound(name: str) -> bool:
    return name.startswith(SERVANT) and name != SERVANT


SERVANT_PROCLITICS = (*PERSON_PROCLITICS, "ل", "ول")
"""A compound given name written as one word ("عبدالرحمن") is no ordinary word, so it
opens a name after "ل" too ("عرضية متقنة لعبدالرحمن العبود")."""
"""The first word of the compound given names "servant of" one of God's names."""
