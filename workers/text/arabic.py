"""The Arabic rules, in one place (docs/ARCHITECTURE.md, The compiled core):
which letters normalization folds, the proclitics and the article glued on
words, the particles that join the parts of a name and how a nisba ends.

Everything that reads Arabic words takes its rules from here: the gazetteer's
inflection, name and place finding, entity tagging, search tokens (and through
them the PostgreSQL index, which is fed the expanded words) and story
signatures. The compiled core keeps its own copies where speed wants them
(letter folding in `normalize.rs`, name endings in `entities.rs`); tests assert
that they equal these.

Rules apply to normalized text (`normalize_text`): teh marbuta is already "ه",
alef maqsura "ي" and every alef form "ا"."""

from __future__ import annotations

import re
from itertools import product

# Letters

ARABIC_BLOCK = ("\u0600", "\u06ff")
"""The first and last characters of the Unicode block that makes a word Arabic."""
_ARABIC = re.compile(f"[{ARABIC_BLOCK[0]}-{ARABIC_BLOCK[1]}]")


def is_arabic(text: str) -> bool:
    """Whether any character of `text` is of the Arabic block."""
    return _ARABIC.search(text) is not None


def starts_arabic(word: str) -> bool:
    """Whether `word` opens with a character of the Arabic block (a normalized
    word is of one script, so its first character tells)."""
    return ARABIC_BLOCK[0] <= word[:1] <= ARABIC_BLOCK[1]


LETTER_FOLDING: dict[str, str] = {
    "\u0622": "\u0627",  # alef with madda
    "\u0623": "\u0627",  # alef with hamza above
    "\u0625": "\u0627",  # alef with hamza below
    "\u0671": "\u0627",  # alef wasla
    "\u0672": "\u0627",  # alef with wavy hamza above
    "\u0673": "\u0627",  # alef with wavy hamza below
    "\u0649": "\u064a",  # alef maqsura
    "\u06cc": "\u064a",  # Farsi yeh
    "\u06d2": "\u064a",  # yeh barree
    "\u0629": "\u0647",  # teh marbuta
    "\u06c1": "\u0647",  # heh goal
    "\u06d5": "\u0647",  # ae
    "\u0624": "\u0621",  # waw with hamza above
    "\u0626": "\u0621",  # yeh with hamza above
    "\u06a9": "\u0643",  # keheh
}
"""Letter variants normalization writes as one letter."""

DIGIT_BLOCKS = ("\u0660", "\u06f0")
"""The zeros of the Arabic-Indic and Persian digits, folded to ASCII digits."""

DIACRITIC_RANGES = (
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06ED),
    (0x08D3, 0x08FF),
)
"""Marks normalization removes (harakat, shadda, sukun, Quranic marks), inclusive."""

TATWEEL = "\u0640"
"""The kashida stretching a word, removed too."""

# Proclitics and the article

ARTICLE = "ال"
LAM_ARTICLE = "لل"
"""ل + ال, as written: "للرقة", "للشغل"."""
AND = "و"
LAM = "ل"
"""The preposition ل: before the article it is written `LAM_ARTICLE`."""
CONJUNCTIONS = (AND, "ف")
PREPOSITIONS = ("ب", "ك", LAM)
RARE_CLITICS = "كف"
"""The rarer proclitics left out where each extra form is one more chance to
spell an ordinary word (names from bulk data)."""

ARTICLE_FORMS = (*(clitic + ARTICLE for clitic in ("و", "ب", "ف", "ك")), LAM_ARTICLE, ARTICLE)
"""The article with at most one proclitic, longest first: "وال", ..., "لل", "ال"."""
CLITIC_ARTICLES = ARTICLE_FORMS[:-1]
"""A proclitic and the article: a word so written is not a name's first word."""

BEFORE_ARTICLE = ("", "و", "ف", "ب", "ك", "وب", "فب", "وك", "فك")
"""Proclitics before the article ("بالرقة"); ل takes the article as `LAM_ARTICLE`."""
BEFORE_LAM_ARTICLE = ("", "و", "ف")
"""Proclitics before `LAM_ARTICLE`: "للرقة", "وللرقة"."""
BEFORE_BARE = ("", "و", "ف", "ب", "ل", "ك", "وب", "فب", "ول", "فل", "وك", "فك")
"""Proclitics before a name without the article whose first word has four letters or more."""
BEFORE_THREE_LETTERS = ("", "و", "ب", "ل", "وب", "ول")
"""Before a three-letter first word ("بغزة", "لمصر"): no ك or ف."""
BEFORE_SHORT = ("", "و")
"""Before a first word of two letters: only و, to keep clear of ordinary words."""
HEAD_PROCLITICS = ("", "و", "ف", "ب", "ل", "وب", "ول", "فب", "فل")
"""Proclitics before the head noun of an organisation's name (the article may follow)."""
PERSON_PROCLITICS = ("", "و", "ف")
"""Proclitics before a given name opening a person's name."""
LATIN_ARTICLES = frozenset({"al", "el", "ad", "ash", "as", "at", "ed", "es"})
"""The Arabic article as Latin-script copy writes it ("al-Burhan", "el-Sisi")."""

CUE_PROCLITICS = ("", "و", "ب", "ل", "ف", "وب", "ول", "فب")
"""Proclitics a place word carries: "بمحافظة دهوك", "ولولاية كسلا"."""

MIN_STEM_AFTER_ARTICLE = 2
MIN_BARE_STEM = 3
"""The shortest word that may remain once proclitics are taken off, with and
without the article among them: وزير keeps its و, الوزير gives وزير."""


def strippable_prefixes() -> dict[str, int]:
    """Every proclitic combination (a conjunction, a preposition, the article, in
    that order, each optional), with the shortest stem that may remain after it."""
    found: dict[str, int] = {}
    for conj, prep, article in product(("", *CONJUNCTIONS), ("", *PREPOSITIONS), ("", ARTICLE)):
        prefix = conj + prep + article
        if prep == LAM and article:
            prefix = conj + LAM_ARTICLE
        if prefix:
            found[prefix] = MIN_STEM_AFTER_ARTICLE if article else MIN_BARE_STEM
    return found


# Names

FILIATION_PARTICLES = ("بن", "ابن", "بنت", "ولد", "ول", "منت", "ود")
"""The particles that name a person's father: "son of", "daughter of" ("منت" in
Mauritania: "مريم منت الطالب")."""
NAME_PARTICLES = (*FILIATION_PARTICLES, "ابو", "بو", "ام", "عبد", "العبد", "ال", "اولاد", "ايت")
"""Words that join the parts of a person's name: "ولد" and "ول" (Mauritania), "بن",
"بنت", "ابو" and its short "بو" ("إلياس بو صعب"), "عبد" and "العبد" ("خالد العبد الله"),
"ال" as in "آل ثاني", "آيت" (Amazigh "sons of": "حسين آيت أحمد") (normalized)."""
COMPOUND_NAME_ENDINGS = ("الدين", "الله", "الرحمن", "الحق", "الاسلام")
"""Second words of compound given names: "حسام الدين", "عبد الرحمن"; the compiled
core's trigger-found names take them all."""
COMMON_COMPOUND_NAME_ENDINGS = COMPOUND_NAME_ENDINGS[:2]
"""The two the gazetteer's name finder takes: "بهاء الدين", "نصر الله"."""
NISBA_LETTER = "ي"
"""How a nisba family name ends: "البغدادي", "الحلبي"."""
TEH_MARBUTA = "ه"
"""The feminine ending as normalization writes it."""
FEMININE_NISBA_ENDING = NISBA_LETTER + TEH_MARBUTA
"""A feminine nisba, normalized: "الرياضيه", "السعوديه"."""
NISBA_ADJECTIVE_ENDINGS = (NISBA_LETTER, FEMININE_NISBA_ENDING)
"""How a definite adjective of relation ends: "التونسي", "السعوديه"."""
NISBA_INFLECTIONS = ("", "ه", "ون", "ين", "ات", "ان", "تين", "تان")
"""Endings a nisba takes after its "ي": feminine, plurals, duals."""
