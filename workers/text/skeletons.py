"""Consonant skeletons: what an Arabic name and its Latin transcriptions share.

GeoNames gives many small towns only Latin names ("Mateur", "Wagar", "Kutum"), and
Arabic copy writes them in Arabic letters ("ماطر", "واقر", "كتم"). Both spellings
keep the consonants and lose or change the vowels, so a name is reduced to its
consonants, each mapped to a class both alphabets share: "ماطر" and "Mateur" are
both "MTR". An Arabic letter heard two ways in Latin ("ق" is "q" in one country and
"g" in another) gives one skeleton for each. Long vowels and the semi-vowels ("و",
"ي", "w", "y") are dropped, as are "ع" and the hamza, which Latin copy leaves out,
and the article of the first word ("ال", "al", "el", "ash" ...). Doubled consonants
count once: Arabic writes no shadda in copy."""

from __future__ import annotations

from itertools import product

from workers.text.arabic import ARTICLE, TEH_MARBUTA

ARABIC_CLASSES: dict[str, tuple[str, ...]] = {
    "ب": ("B",),
    "پ": ("B",),
    "ت": ("T",),
    "ث": ("T", "S"),
    "ج": ("J", "G"),
    "ح": ("H",),
    "خ": ("X",),
    "د": ("D",),
    "ذ": ("D", "Z"),
    "ر": ("R",),
    "ز": ("Z",),
    "س": ("S",),
    "ش": ("S",),
    "ص": ("S",),
    "ض": ("D",),
    "ط": ("T",),
    "ظ": ("Z", "D"),
    "غ": ("G",),
    "ف": ("F",),
    "ڤ": ("F",),
    "ق": ("K", "G"),
    "ك": ("K", "G"),
    "گ": ("G",),
    "ڭ": ("G",),
    "ل": ("L",),
    "م": ("M",),
    "ن": ("N",),
    "ه": ("H",),
}
"""Each Arabic consonant's classes; a letter not here (vowels, "ع", hamza) is dropped."""

LATIN_DIGRAPHS = (
    ("sch", "S"),
    ("tch", "S"),
    ("sh", "S"),
    ("ch", "S"),
    ("th", "T"),
    ("dh", "D"),
    ("kh", "X"),
    ("gh", "G"),
    ("dj", "J"),
    ("dz", "Z"),
    ("ck", "K"),
    ("ph", "F"),
)
LATIN_CLASSES = {
    "b": "B",
    "p": "B",
    "t": "T",
    "d": "D",
    "j": "J",
    "g": "G",
    "k": "K",
    "q": "K",
    "c": "K",
    "x": "KS",
    "h": "H",
    "r": "R",
    "l": "L",
    "m": "M",
    "n": "N",
    "s": "S",
    "z": "Z",
    "f": "F",
    "v": "F",
}
"""Each Latin consonant's class; vowels, "w" and "y" are dropped."""

LATIN_ARTICLES = frozenset(
    ("al", "el", "ad", "ed", "ar", "er", "as", "es", "ash", "at", "et", "az", "ez", "an", "en")
)
MAX_SKELETONS = 32
"""An Arabic name whose ambiguous letters would give more skeletons than this gives
none: too loose a spelling to tell towns apart."""


def latin_skeleton(name: str) -> str:
    """The consonant skeleton of a normalized Latin-script name ("mateur" -> "MTR")."""
    words = name.split()
    if len(words) > 1 and words[0] in LATIN_ARTICLES:
        words = words[1:]
    marked = []
    for word in words:
        for digraph, letter in LATIN_DIGRAPHS:
            word = word.replace(digraph, letter)
        marked.append(word)
    return _collapsed(
        "".join(LATIN_CLASSES.get(c, c if c.isupper() else "") for c in "".join(marked))
    )


def arabic_skeletons(name: str) -> frozenset[str]:
    """The consonant skeletons a normalized Arabic name may be spelled with in Latin
    letters ("واقر" -> "KR", "GR"); none for one too ambiguous (`MAX_SKELETONS`)."""
    words = name.split()
    if words and words[0].startswith(ARTICLE) and len(words[0]) > len(ARTICLE) + 1:
        words[0] = words[0][len(ARTICLE) :]
    classes: list[tuple[str, ...]] = []
    for word in words:
        for position, letter in enumerate(word):
            if letter == TEH_MARBUTA and position == len(word) - 1:
                continue  # "ة", normalized as "ه", is a vowel at the word's end
            if (options := ARABIC_CLASSES.get(letter)) is not None:
                classes.append(options)
    count = 1
    for options in classes:
        count *= len(options)
    if count > MAX_SKELETONS:
        return frozenset()
    return frozenset(_collapsed("".join(choice)) for choice in product(*classes))


def _collapsed(skeleton: str) -> str:
    """The skeleton with a doubled consonant counted once ("KSSL" -> "KSL")."""
    return "".join(c for i, c in enumerate(skeleton) if i == 0 or skeleton[i - 1] != c)
