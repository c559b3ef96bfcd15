"""Surface variants generated from one normalized name: Arabic proclitics and nisba
endings, English and French adjective endings. Inputs are already normalized
(`normalize_text`), so teh marbuta is "ه" and alef variants are "ا"."""

from __future__ import annotations

import re

from workers.text.arabic import (
    ARTICLE,
    BEFORE_ARTICLE,
    BEFORE_BARE,
    BEFORE_LAM_ARTICLE,
    BEFORE_SHORT,
    BEFORE_THREE_LETTERS,
    LAM,
    LAM_ARTICLE,
    NISBA_INFLECTIONS,
    NISBA_LETTER,
    RARE_CLITICS,
    TEH_MARBUTA,
)


def arabic_variants(name: str, common_clitics_only: bool = False) -> list[tuple[str, int]]:
    """Every proclitic form of a normalized Arabic name, with the proclitic length.
    `common_clitics_only` leaves out the rarer ك and ف (for names from bulk data,
    where each extra form is one more chance to spell an ordinary word)."""
    if name.startswith(ARTICLE) and len(name) > 3:
        out = [(p + name, len(p)) for p in BEFORE_ARTICLE]
        # "ل" and the article before a word opening with "ل" write two lams, not three:
        # "اللجنة" -> "للجنة", "اللواء" -> "للواء"
        stem = name[len(ARTICLE) :]
        lam = (LAM if stem.startswith(LAM) else LAM_ARTICLE) + stem
        out.extend((p + lam, len(p) + 1) for p in BEFORE_LAM_ARTICLE)
    else:
        first = len(name.split(" ", 1)[0])
        clitics = BEFORE_SHORT if first < 3 else BEFORE_THREE_LETTERS if first == 3 else BEFORE_BARE
        out = [(p + name, len(p)) for p in clitics]
    if common_clitics_only:
        return [(v, n) for v, n in out if not any(c in RARE_CLITICS for c in v[:n])]
    return out


POSSESSIVE_PRONOUNS = ("ه", "ها", "هم", "هما", "هن", "ي", "نا")
"""The pronouns a noun takes as a suffix for its possessor: his, her, their, my, our."""


def possessed_forms(noun: str) -> list[str]:
    """A normalized Arabic noun with each possessive pronoun, its teh marbuta written
    "ت" before one ("زوجه" -> "زوجته", "زوجها"; "جار" -> "جاره"), bare and after "و",
    "ف", "ل" or "ب"."""
    stem = noun[:-1] + "ت" if noun.endswith("ه") else noun
    return [
        clitic + stem + pronoun
        for pronoun in POSSESSIVE_PRONOUNS
        for clitic in ("", "و", "ف", "ل", "ب")
    ]


SOUND_ENDINGS = ("ون", "ين", "ان", "ات")
"""Endings of a noun or adjective's sound masculine plurals and dual, and of the plural
in "ات" nouns of things take ("مهرجانات")."""
FEMININE_SOUND_ENDINGS = ("ات", "تين", "تان")
"""Endings of a feminine noun's sound plural and dual, after its teh marbuta."""
SOUND_STEM_MIN = 4
"""Letters a word needs, without its article, to take a sound ending: a shorter stem
with an ending spells too many other words."""


def sound_forms(word: str) -> list[str]:
    """A normalized single Arabic noun or adjective with the endings of its sound
    plurals and duals, bare and with the article ("مزارع" -> "مزارعون", "المزارعين",
    "مزارعان", ...; "حكومه" -> "حكومات", "الحكومتين", ...). Broken plurals have no rule
    and are written out where they are wanted."""
    stem = word.removeprefix(ARTICLE)
    if len(stem) < SOUND_STEM_MIN or " " in stem:
        return []  # "العمل" is no "العملات" (currencies)
    if stem.endswith(TEH_MARBUTA):
        inflected = [stem[: -len(TEH_MARBUTA)] + ending for ending in FEMININE_SOUND_ENDINGS]
    else:
        inflected = [stem + ending for ending in SOUND_ENDINGS]
    return [article + form for form in inflected for article in ("", ARTICLE)]


def nisba_forms(base: str) -> list[str]:
    """ "سوري" -> سوري, سوريه, سوريون, السوريين, ... (with and without the article).
    `base` is written without the article, so a leading "ال" is the word's own
    ("ألماني", normalized "الماني"): taking it off would make "ماني" German. Of two
    words, each nisba agrees ("كوري جنوبي" -> "الكوريه الجنوبيه"); a first word that
    is a noun takes only the article ("جنوب افريقي" -> "الجنوب افريقيين")."""
    words = base.split(" ")
    inflected = [word.endswith(NISBA_LETTER) for word in words]
    out: list[str] = []
    for article in ("", ARTICLE):
        for ending in NISBA_INFLECTIONS:
            out.append(
                " ".join(
                    (article if i == 0 or inflected[0] else "") + word + (ending if agrees else "")
                    for i, (word, agrees) in enumerate(zip(words, inflected, strict=True))
                )
            )
    return out


NISBA_STEM_MIN = 3
"""Letters left of a country's name once its article and ending are off."""
COUNTRY_ENDINGS = ("يه", "يا", "ه", "ا")
"""Endings a country's name drops before the nisba: "السعودية", "كينيا", "سنغافورة"."""


def country_nisba(name: str, article: bool) -> str | None:
    """A country's adjective by the regular rule, from its normalized Arabic name:
    the article (`article`: the name as written opens with it, not with "أل" as
    "ألمانيا" does) and a final "ا", "يا", "ة" or "ية" off, "ي" on ("السنغال" ->
    "سنغالي", "كينيا" -> "كيني", "السعودية" -> "سعودي"). None for a name of several
    words or one that ends in "ي" already ("مالي"), whose adjective the rule does not
    give."""
    if " " in name or name.endswith(NISBA_LETTER):
        return None
    stem = name.removeprefix(ARTICLE) if article else name
    for ending in COUNTRY_ENDINGS:
        if stem.endswith(ending) and len(stem) - len(ending) >= NISBA_STEM_MIN:
            stem = stem[: -len(ending)]
            break
    return stem + NISBA_LETTER if len(stem) >= NISBA_STEM_MIN else None


def english_adjective_forms(adjective: str) -> list[str]:
    """ "Syrian" -> Syrian, Syrians; "Iraqi" -> Iraqi, Iraqis."""
    if adjective.endswith(("s", "sh", "ch", "ese")):
        return [adjective]
    return [adjective, adjective + "s"]


def french_adjective_forms(adjective: str) -> list[str]:
    """Masculine singular -> the four forms: "syrien" -> syrien(s), syrienne(s)."""
    if adjective.endswith("e"):
        return [adjective, adjective + "s"]
    if adjective.endswith(("ien", "éen", "en")):
        return [adjective, adjective + "s", adjective + "ne", adjective + "nes"]
    if adjective.endswith(("s", "x")):
        return [adjective, adjective + "e", adjective + "es"]
    return [adjective, adjective + "s", adjective + "e", adjective + "es"]


def french_contractions(name: str) -> list[str]:
    """A French name that starts with the article "Le" also reads "au"/"du" after
    à and de: "Le Caire" -> "au Caire", "du Caire"."""
    if name.startswith("Le ") and name[3:4].isupper():
        rest = name[3:]
        return [f"au {rest}", f"du {rest}"]
    return []


SPELLINGS = {
    "programme": "program",
    "organisation": "organization",
    "organisations": "organizations",
    "centre": "center",
    "defence": "defense",
}
"""British spellings of the words of bodies' names and their American ones: British
copy (Reuters) writes "World Food Programme", American (AP) "World Food Program"."""
_SPELLING = {**SPELLINGS, **{us: uk for uk, us in SPELLINGS.items()}}


def english_spellings(name: str) -> list[str]:
    """The name with its British words spelled the American way, or the American ones
    the British way ("Centre for ..." -> "Center for ..."); none when it has neither."""
    words = name.split(" ")
    out = []
    for word in words:
        other = _SPELLING.get(word.lower())
        out.append(word if other is None else other if word.islower() else other.capitalize())
    return [" ".join(out)] if out != words else []


_ABD_APART = re.compile(r"(^|\s)عبد\s(?=ال)")
_ABD_JOINED = re.compile(r"(^|\s)عبد(?=ال)")


_AMERICA = ("اميرك", "امريك")
"""America's two spellings, both common: "الأميركية", "الأمريكية"."""


def arabic_spellings(name: str) -> list[str]:
    """The name's other spellings Arabic copy writes too: "عبد" and the word it binds
    joined where they stand apart, apart where they are joined ("عبد الله" and
    "عبدالله"), and America's other spelling ("الأميركي", "الأمريكي"); none when it
    has neither."""
    other = _ABD_APART.sub(r"\1عبد", name)
    if other == name:
        other = _ABD_JOINED.sub(r"\1عبد ", name)
    forms = {name, other}
    for one, two in (_AMERICA, _AMERICA[::-1]):
        forms |= {form.replace(one, two) for form in forms if one in form}
    forms.discard(name)
    return sorted(forms)
