"""Capitalised runs read forwards and backwards over an analysis's tokens."""

from __future__ import annotations

import pytest
from newswire_text import analyze

from workers.text.tokens import Tokens

RIVER = Tokens.of(analyze("Floods hit the Tapajos river and the Upper Rio Negro Basin."))


@pytest.mark.parametrize(
    ("end", "most", "low", "start"),
    [
        (4, 3, 0, 3),  # "Tapajos" before "river"
        (2, 3, 0, 2),  # "hit" is no capitalised word
        (11, 3, 0, 11),  # "Upper Rio Negro Basin" runs on past three words
        (11, 4, 0, 7),
        (11, 4, 9, 9),  # not before token 9
    ],
)
def test_the_capitalised_run_before_a_token_starts_where_its_capitals_start(
    end: int, most: int, low: int, start: int
) -> None:
    assert RIVER.capitalised_start(end, most, low) == start


def test_a_run_back_stops_at_punctuation() -> None:
    tokens = Tokens.of(analyze("It reached Kigali. Lake Kivu rose."))
    assert tokens.capitalised_start(5, 3) == 3  # "Lake Kivu", not "Kigali"


@pytest.mark.parametrize(
    "text",
    [
        "Floods hit the Tapajos river.",
        "عواصم - (وكالات): قال وزير النفط العراقي",
        "BEYROUTH (AFP) - L'armée a dit\n\nqu'elle",
        "",
    ],
)
def test_an_analysis_gives_its_normalized_tokens_as_words(text: str) -> None:
    analysis = analyze(text)
    assert analysis.words() == (analysis.normalized.split(" ") if len(analysis) else [])


def test_a_word_is_one_string_in_every_text_it_occurs_in() -> None:
    first, second = analyze("The port of Tangier."), analyze("TANGIER PORT reopened")
    assert first.words()[3] is second.words()[0]
    assert first.words()[1] is second.words()[1]


def test_an_analysis_reads_its_texts_as_the_same_strings_each_time() -> None:
    analysis = analyze("قال وزير النفط العراقي")
    assert analysis.original is analysis.original
    assert analysis.normalized is analysis.normalized
