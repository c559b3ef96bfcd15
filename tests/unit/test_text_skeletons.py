"""Consonant skeletons shared by an Arabic name and its Latin transcriptions."""

from __future__ import annotations

import pytest

from workers.text.normalize import normalize_text
from workers.text.skeletons import MAX_SKELETONS, arabic_skeletons, latin_skeleton


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("ماطر", "Mateur"),
        ("واقر", "Wagar"),
        ("كتم", "Kutum"),
        ("صحم", "Şaḩam"),
        ("منزل شاكر", "Menzel Chaker"),
        ("بنكرير", "Ben Guerir"),
        ("انواذيبو", "Nouadhibou"),
        ("الرستاق", "Ar Rustāq"),
        ("بورهكبة", "Bur Hakaba"),
        ("دانانغ", "Da Nang"),
    ],
)
def test_an_arabic_name_and_its_latin_transcription_share_a_skeleton(
    arabic: str, latin: str
) -> None:
    assert latin_skeleton(normalize_text(latin)) in arabic_skeletons(normalize_text(arabic))


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [("ماطر", "Matmata"), ("كتم", "Kassala"), ("صحم", "Sohar")],
)
def test_names_of_other_consonants_share_none(arabic: str, latin: str) -> None:
    assert latin_skeleton(normalize_text(latin)) not in arabic_skeletons(normalize_text(arabic))


def test_a_letter_heard_two_ways_gives_a_skeleton_for_each() -> None:
    assert arabic_skeletons(normalize_text("واقر")) == {"KR", "GR"}


def test_a_doubled_consonant_counts_once_and_vowels_and_semivowels_none() -> None:
    assert latin_skeleton("kassala") == "KSL"
    assert latin_skeleton("ouadane") == "DN"


def test_a_latin_digraph_is_read_within_a_word_never_across_two() -> None:
    assert latin_skeleton("chebba") == "SB"
    assert latin_skeleton("dong ha") == "DNGH"


def test_the_article_of_the_first_word_is_left_out_in_both_alphabets() -> None:
    assert latin_skeleton("al fuhud") == "FHD"
    assert "FHD" in arabic_skeletons(normalize_text("الفهود"))


def test_the_feminine_ending_is_a_vowel_at_a_words_end_only() -> None:
    assert arabic_skeletons(normalize_text("فريحة")) == {"FRH"}


def test_a_name_too_ambiguous_to_spell_gives_no_skeleton() -> None:
    letters = "قجقكجق"  # 2 ** 6 readings
    assert MAX_SKELETONS < 2**6
    assert arabic_skeletons(letters + "ر") == frozenset()
