"""The Python interface of the compiled text core (`native/`, module `newswire_text`):
named results, errors as Python exceptions, offsets that index Python strings, and
the analysis thread. The core's own behaviour is tested by `cargo test` in `native/`."""

from __future__ import annotations

import pytest
from newswire_text import (
    ChunkForms,
    MinHasher,
    PhraseMatcher,
    analyze,
    analyze_later,
    script_letters,
)

from workers.text.analysis import AnalysesAhead, analyze_article, article_text


def test_spans_are_character_offsets_into_the_python_string() -> None:
    text = "Le président Macron à Paris,\nوالرقّة (AFP)."
    analysis = analyze(text)
    assert analysis.normalized == "le president macron a paris والرقه afp"
    assert analysis.original == text and len(analysis) == 7
    span = analysis.span(1, 3)
    assert text[span.start : span.end] == "président Macron" == analysis.surface(1, 3)
    arabic = analysis.span(5, 6)
    assert text[arabic.start : arabic.end] == "والرقّة" and analysis.form(5, 6) == "والرقه"


def test_spans_outside_the_text_are_refused() -> None:
    analysis = analyze("two words")
    with pytest.raises(IndexError):
        analysis.span(1, 3)
    with pytest.raises(IndexError):
        analysis.form(2, 3)
    with pytest.raises(IndexError):
        analysis.surface(1, 1)


def test_phrase_hits_name_the_phrase_and_its_tokens() -> None:
    matcher = PhraseMatcher(["new york", "raqqa"], [1, 0])
    (hit,) = matcher.resolve(analyze("From New York to new york"))
    assert (hit.phrase, hit.first, hit.last) == (0, 1, 3)
    assert repr(hit) == "PhraseHit(phrase=0, first=1, last=3)"
    assert matcher.resolve(analyze("to Raqqa")) == matcher.resolve(analyze("in raqqa"))


def test_matchers_given_mismatched_lists_are_refused() -> None:
    with pytest.raises(ValueError, match="1 weight lists for 2 phrases"):
        PhraseMatcher(["a", "b"], weights=[[(0, 1.0)]])
    with pytest.raises(ValueError, match="1 case rules for 2 phrases"):
        PhraseMatcher(["a", "b"], [0])


def test_script_letters_are_named() -> None:
    letters = script_letters("گفت abc")
    assert (letters.arabic, letters.latin, letters.other_alphabet) == (3, 3, True)


def test_fingerprints_are_named_and_refuse_a_span_outside_the_tokens() -> None:
    hasher = MinHasher(128, 7)
    analysis = analyze("Headline here\nBEIRUT (AFP) - body words follow here")
    made = hasher.fingerprint(analysis, 2, 4, 2)
    assert len(made.normalized_hash) == 64 and len(made.signature) == 4 * 128
    assert made == hasher.fingerprint(
        analyze("HEADLINE here\nPARIS body words, follow here"), 2, 3, 2
    )
    with pytest.raises(IndexError):
        hasher.fingerprint(analysis, 3, 99, 2)


def test_analyses_made_on_another_thread_equal_those_made_here() -> None:
    texts = ["BEIRUT, Oct 14 (Reuters) - A convoy left Raqqa.", "عواصم - (وكالات): والرقّة", ""]
    pending = analyze_later(texts)
    made = pending.take(len(texts))
    assert [a.normalized for a in made] == [analyze(t).normalized for t in texts]
    assert [a.original for a in made] == texts
    assert [a.span(0, len(a)) for a in made[:2]] == [
        analyze(t).span(0, len(analyze(t))) for t in texts[:2]
    ]
    assert pending.take(0) == []
    with pytest.raises(RuntimeError, match="1 analyses asked for, 0 left"):
        pending.take(1)


def test_analyses_are_handed_over_in_order_as_they_are_taken() -> None:
    texts = [f"text {n} about Raqqa" for n in range(5)]
    pending = analyze_later(texts)
    first = pending.take(2)
    rest = pending.take(3)
    assert [a.original for a in first + rest] == texts


def test_ahead_analyses_are_the_ones_analyze_article_gives_in_order() -> None:
    texts = [
        ("Convoy to leave Raqqa", "BEIRUT, Oct 14 (Reuters) - A convoy will leave Raqqa."),
        ("Un convoi va quitter Raqqa", "BEYROUTH, 14 oct (AFP) - Un convoi quittera Raqqa."),
        ("", ""),
    ]
    ahead = AnalysesAhead(texts)
    made = ahead.take(2) + ahead.take(1)
    assert [a.original for a in made] == [article_text(h, b) for h, b in texts]
    assert [a.normalized for a in made] == [analyze_article(h, b).normalized for h, b in texts]


def test_a_chunk_without_forms_is_a_key_error_naming_it() -> None:
    forms = ChunkForms()
    forms.add("a", ["x", "y"])
    assert forms.join("a a") == "x y x y"
    with pytest.raises(KeyError, match="e"):
        forms.join("a e")
    with pytest.raises(KeyError, match="b"):
        forms.tsvector("a", "b")
