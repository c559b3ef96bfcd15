from __future__ import annotations

import pytest

from workers.text.normalize import (
    fold_arabic,
    normalize_text,
    tokens,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("أعلن التحالف الدولي", "اعلن التحالف الدولى"),
        ("إجلاء", "اجلاء"),
        ("آلاف", "الاف"),
        ("مُسْلِحُونَ", "مسلحون"),
        ("الـــرقة", "الرقة"),
        ("مدينة الرقة", "مدينه الرقه"),
        ("مسؤول", "مسئول"),
        ("شؤون", "شئون"),
        ("قتل ١٥٠ شخصا", "قتل 150 شخصا"),
        ("۲۰۱۷", "2017"),
        ("L'ARMÉE SYRIENNE", "l’armee syrienne"),
        ("cœur", "coeur"),
        ("Ça suffit !", "ca suffit"),
        ("cessez-le-feu", "cessez le feu"),
        ("U.S.-led coalition", "u s led coalition"),
        ("ﻻ", "لا"),
        ("ﬁn", "fin"),
        ("１２３", "123"),
        ("word\u00a0word", "word word"),
        ("Da\u200besh", "daesh"),
        ("الر\u200cقة", "الرقة"),
    ],
)
def test_variants_normalize_alike(a: str, b: str) -> None:
    assert normalize_text(a) == normalize_text(b)


def test_arabic_story_normalizes_to_plain_words() -> None:
    text = 'عواصم - (وكالات): أعلن "التحالف الدولي"، بقيادة واشنطن، عن اتفاق.'
    assert normalize_text(text) == "عواصم وكالات اعلن التحالف الدولي بقياده واشنطن عن اتفاق"


def test_punctuation_and_whitespace_collapse() -> None:
    assert normalize_text("  Hello,\n\n  World!!  — (Reuters)  ") == "hello world reuters"
    assert normalize_text("« Bonjour » ; « Salut »") == "bonjour salut"
    assert normalize_text("snake_case_word") == "snake case word"
    assert normalize_text("— … !!!") == ""
    assert normalize_text("") == ""


def test_distinct_words_stay_distinct() -> None:
    assert normalize_text("الرقة") != normalize_text("الرقم")
    assert normalize_text("résumé") != normalize_text("resume tout")
    assert normalize_text("دير الزور") != normalize_text("ديرالزور")


def test_fold_arabic_keeps_other_text() -> None:
    assert fold_arabic("Raqqa الرقّة ٢٠") == "Raqqa الرقه 20"
    assert fold_arabic("à l'Élysée") == "à l'Élysée"


def test_tokens() -> None:
    assert tokens("BEYROUTH, 14 oct (AFP) - L'armée") == [
        "beyrouth",
        "14",
        "oct",
        "afp",
        "l",
        "armee",
    ]


def test_one_word_may_split_or_vanish() -> None:
    assert normalize_text("l'armée") == "l armee"
    assert normalize_text("—") == ""
    assert normalize_text("Word") == "word"
    assert normalize_text("Straße ẞ") == "strasse ss"
    assert normalize_text("½") == "1 2"


def test_marks_inside_words_never_split_them() -> None:
    assert normalize_text("co\u00adoperate") == "cooperate"
    assert normalize_text("e\u0301te\u0301") == "ete"
    assert normalize_text("الـ\u064fرقة") == "الرقه"


def test_repeated_calls_are_stable() -> None:
    text = "Les forces démocratiques syriennes (FDS) ont repris Raqqa. " * 50
    assert normalize_text(text) == normalize_text(text)
