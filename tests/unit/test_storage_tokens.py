from __future__ import annotations

import pytest

from workers.storage.tokens import QueryWords, index_text, query_groups, variants, words


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("الرقة", "رقه"),
        ("بالرقة", "رقه"),
        ("والرقة", "رقه"),
        ("وبالرقة", "رقه"),
        ("للرقة", "رقه"),
        ("فالرقة", "رقه"),
        ("كالرقة", "رقه"),
    ],
)
def test_proclitic_forms_share_the_stem(word: str, stem: str) -> None:
    [normalized] = words(word)
    assert stem in variants(normalized)


def test_words_keep_root_letters_that_look_like_proclitics() -> None:
    # وزير (minister) keeps its و; الوزير must still meet وزير.
    assert "وزير" in variants("وزير")
    assert "وزير" in variants("الوزير")
    assert "وزير" in index_text("الوزير").split()


def test_short_words_are_not_stripped_to_nothing() -> None:
    assert variants("ال") == ("ال",)
    assert variants("في") == ("في",)
    assert variants("بل") == ("بل",)


def test_latin_words_have_no_variants() -> None:
    assert variants("beirut") == ("beirut",)
    assert index_text("Élections à Beyrouth!") == "elections a beyrouth"


def test_index_text_folds_arabic_spelling() -> None:
    indexed = index_text("اشتباكاتٌ في الرَّقَّة وإدلب")
    assert "رقه" in indexed.split()
    assert "ادلب" in indexed.split()


@pytest.mark.parametrize("query", ["الرقه", "بالرقة", "الرَّقَّة", "والرقة"])
def test_every_arabic_query_form_meets_the_indexed_text(query: str) -> None:
    indexed = set(index_text("قتلى في الرقة").split())
    [group] = query_groups(query)
    assert indexed & set(group)


def test_query_groups_one_per_distinct_word() -> None:
    groups = query_groups("Beirut beirut talks")
    assert groups == [("beirut",), ("talks",)]
    assert query_groups("  ...  ") == []


def test_matches_uses_variants_and_latin_stems() -> None:
    query = QueryWords(query_groups("بالرقة election"))
    assert query.matches("الرقة،")
    assert query.matches("Elections")
    assert not query.matches("electricity")
    assert not query.matches("دمشق")
    assert not QueryWords([])
