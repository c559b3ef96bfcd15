from __future__ import annotations

import pytest

from workers.gazetteer.align import Alignment
from workers.text.normalize import normalize_text


def tokens_as_written(text: str) -> tuple[bool, list[str]]:
    normalized = normalize_text(text)
    alignment = Alignment(text, normalized)
    words = normalized.split(" ")
    start, surfaces = 0, []
    for word in words:
        surfaces.append(alignment.surface(start, start + len(word)))
        start += len(word) + 1
    return alignment.aligned, surfaces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Syria's war, (U.S.-led)!", ["Syria", "s", "war", "U", "S", "led"]),
        ("وقال   نوري محمودٌ، «المتحدث»", ["وقال", "نوري", "محمودٌ", "المتحدث"]),
        ("snake_case Élysée", ["snake", "case", "Élysée"]),
        ('بـ"150 عنصرا', ["بـ", "150", "عنصرا"]),
        ("a\u200cb c", ["a\u200cb", "c"]),
        (
            "Alpha\tbeta\u00a0gamma\n\nDelta  (epsilon) Alpha",
            ["Alpha", "beta", "gamma", "Delta", "epsilon", "Alpha"],
        ),
        (" -- lead, trail --  ", ["lead", "trail"]),
    ],
)
def test_tokens_map_to_the_text_as_written(text: str, expected: list[str]) -> None:
    assert tokens_as_written(text) == (True, expected)


@pytest.mark.parametrize("text", ["x ½ y", "Syria \u0651 x", "word \u200b word"])
def test_texts_whose_word_breaks_change_fall_back_to_normalized_spans(text: str) -> None:
    aligned, surfaces = tokens_as_written(text)
    assert not aligned
    assert surfaces == normalize_text(text).split(" ")


def test_spans_cover_several_tokens_and_any_order_of_queries() -> None:
    text = "One two, three: four five."
    normalized = normalize_text(text)
    alignment = Alignment(text, normalized)
    assert alignment.span(normalized.index("four"), len(normalized)) == (16, 25)
    assert alignment.span(0, normalized.index(" three")) == (0, 7)
    assert alignment.token_index(normalized.index("five")) == 4
