"""Surface variants generated from one normalized name: Arabic proclitics and nisba
endings, English and French adjective endings. Inputs are already normalized
(`normalize_text`), so teh marbuta is "ه" and alef variants are "ا"."""

from __future__ import annotations

from workers.text.arabic import (
    ARTICLE,
    BEFORE_ARTICLE,
    BEFORE_BARE,
    BEFORE_LAM_ARTICLE,
    BEFORE_SHORT,
    BEFORE_THREE_LETTERS,
    LAM_ARTICLE,
    NISBA_INFLECTIONS,
    RARE_CLITICS,
)


def arabic_variants(name: str, common_clitics_only: bool = False) -> list[tuple[str, int]]:
    """Every proclitic form of a normalized Arabic name, with the proclitic length.
    `common_clitics_only` leaves out the rarer ك and ف (for names from bulk data,
    where each extra form is one more chance to spell an ordinary word)."""
    if name.startswith(ARTICLE) and len(name) > 3:
        out = [(p + name, len(p)) for p in BEFORE_ARTICLE]
        lam = LAM_ARTICLE + name[len(ARTICLE) :]
        out.extend((p + lam, len(p) + 1) for p in BEFORE_LAM_ARTICLE)
    else:
        first = len(name.split(" ", 1)[0])
        clitics = BEFORE_SHORT if first < 3 else BEFORE_THREE_LETTERS if first == 3 else BEFORE_BARE
        out = [(p + name, len(p)) for p in clitics]
    if common_clitics_only:
        return [(v, n) for v, n in out if not any(c in RARE_CLITICS for c in v[:n])]
    return out


def nisba_forms(base: str) -> list[str]:
    """ "سوري" -> سوري, سوريه, سوريون, السوريين, ... (with and without the article)."""
    stem = base[len(ARTICLE) :] if base.startswith(ARTICLE) else base
    forms = [stem + ending for ending in NISBA_INFLECTIONS]
    return forms + [ARTICLE + form for form in forms]


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
