from __future__ import annotations

import pytest
from pydantic import ValidationError

from workers.storage.search import SearchQuery, snippet


def test_snippet_highlights_every_form_of_the_query_word() -> None:
    text = "قالت مصادر إن اشتباكات اندلعت في الرَّقّة وإن القوات وصلت بالرقة أمس"
    result = snippet(text, SearchQuery(text="الرقه").groups())
    assert "«الرَّقّة»" in result and "«بالرقة»" in result


def test_snippet_centres_on_the_first_match() -> None:
    text = " ".join(f"w{i}" for i in range(100)) + " Beirut " + " ".join("x" * 3 for _ in range(50))
    result = snippet(text, SearchQuery(text="beirut").groups(), width=12)
    assert result.startswith("… ") and result.endswith(" …")
    assert "«Beirut»" in result
    assert len(result.split()) <= 12 + 2


def test_snippet_without_query_is_the_opening() -> None:
    assert snippet("one two three", []) == "one two three"
    assert snippet("", []) == ""


def test_query_validation() -> None:
    with pytest.raises(ValidationError):
        SearchQuery(text="x", limit=0)
    with pytest.raises(ValidationError):
        SearchQuery(text="x", unknown="y")  # type: ignore[call-arg]


def test_queries_are_hashable_cache_keys() -> None:
    assert SearchQuery(text="a", lang="ar") == SearchQuery(text="a", lang="ar")
    assert SearchQuery(text="a").model_dump_json() != SearchQuery(text="b").model_dump_json()
