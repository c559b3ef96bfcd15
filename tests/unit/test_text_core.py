"""The compiled text core (`native/`, module `newswire_text`): token alignment,
phrase matching and the MinHash fingerprint, through its Python interface."""

from __future__ import annotations

import hashlib
from itertools import pairwise

import pytest
from newswire_text import (
    Analysis,
    ChunkForms,
    MinHasher,
    PhraseMatcher,
    analyze,
    analyze_later,
    script_letters,
)

from workers.dedup.minhash import estimated_jaccard
from workers.text.analysis import AnalysesAhead, article_analysis, article_text


def test_tokens_map_back_to_the_text_as_written() -> None:
    text = "Le président Macron à Paris,\nوالرقّة (AFP)."
    analysis = analyze(text)
    assert analysis.normalized == "le president macron a paris والرقه afp"
    assert len(analysis) == 7
    assert analysis.word(5) == "والرقه"
    assert analysis.form(1, 3) == "president macron"
    first, last = analysis.span(1, 3)
    assert text[first:last] == "président Macron"
    assert analysis.surface(4, 6) == "Paris,\nوالرقّة"
    assert analysis.capitalised(2) and not analysis.capitalised(1)
    assert analysis.original == text


def test_a_word_that_normalizes_to_several_tokens_keeps_its_span() -> None:
    analysis = analyze("un ½ litre")
    assert analysis.normalized == "un 1 2 litre"
    assert analysis.surface(1, 2) == analysis.surface(2, 3) == "½"


def test_spans_outside_the_text_are_refused() -> None:
    analysis = analyze("two words")
    with pytest.raises(IndexError):
        analysis.span(1, 3)
    with pytest.raises(IndexError):
        analysis.word(2)
    assert len(analyze("")) == 0 and analyze("— …").normalized == ""


def test_phrases_match_whole_tokens_leftmost_longest() -> None:
    matcher = PhraseMatcher(["new york", "york", "new york times", "raqqa"])
    analysis = analyze("The New York Times in Newyork, York and al-Raqqah raqqa")
    assert matcher.resolve(analysis) == [(2, 1, 4), (1, 6, 7), (3, 10, 11)]
    assert (0, 1, 3) in matcher.find_all(analysis)
    assert matcher.count(analysis) == [(2, 1), (1, 1), (3, 1)]


def test_case_rules_are_checked_against_the_original() -> None:
    matcher = PhraseMatcher(["us", "nice"], [2, 1])
    assert matcher.resolve(analyze("US troops in Nice")) == [(0, 0, 1), (1, 3, 4)]
    assert matcher.resolve(analyze("let us be nice")) == []


def test_weights_add_up_per_mention() -> None:
    matcher = PhraseMatcher(["air strike", "strike"], weights=[[(0, 2.0)], [(1, 1.0)]])
    assert matcher.weigh(analyze("An air strike, then a strike.")) == [2.0, 1.0]
    with pytest.raises(ValueError):
        PhraseMatcher(["a", "b"], weights=[[(0, 1.0)]])


def test_script_letters() -> None:
    assert script_letters("قال abc") == (3, 3, False)
    assert script_letters("گفت") == (3, 0, True)


def test_fingerprint_leaves_out_the_skipped_tokens() -> None:
    hasher = MinHasher(128, 7)
    analysis = Analysis("Headline here\nBEIRUT (AFP) - body words follow here")
    digest, signature = hasher.fingerprint(analysis, 2, 4, 2)
    kept = "headline here body words follow here"
    assert digest == hashlib.sha256(kept.encode()).hexdigest()
    assert signature == hasher.signature(kept, 2)
    assert len(signature) == 4 * 128
    with pytest.raises(IndexError):
        hasher.fingerprint(analysis, 3, 99, 2)


def test_signatures_estimate_jaccard_without_bias() -> None:
    hasher = MinHasher(128, 20171014)
    words = [f"w{i}" for i in range(400)]
    changed = list(words)
    for i in range(0, 400, 40):
        changed[i] = f"x{i}"
    a = set(pairwise(words))
    b = set(pairwise(changed))
    truth = len(a & b) / len(a | b)
    estimate = estimated_jaccard(
        hasher.signature(" ".join(words), 2), hasher.signature(" ".join(changed), 2)
    )
    assert abs(estimate - truth) < 0.1


def test_analyses_made_on_another_thread_equal_those_made_here() -> None:
    texts = ["BEIRUT, Oct 14 (Reuters) - A convoy left Raqqa.", "عواصم - (وكالات): والرقّة", ""]
    pending = analyze_later(texts)
    made = pending.wait()
    assert [a.normalized for a in made] == [analyze(t).normalized for t in texts]
    assert [a.original for a in made] == texts
    assert [a.span(0, len(a)) for a in made[:2]] == [
        analyze(t).span(0, len(analyze(t))) for t in texts[:2]
    ]
    assert pending.wait() == []
    with pytest.raises(RuntimeError, match="1 analyses asked for, 0 left"):
        pending.take(1)


def test_analyses_are_handed_over_in_order_as_they_are_taken() -> None:
    texts = [f"text {n} about Raqqa" for n in range(5)]
    pending = analyze_later(texts)
    first = pending.take(2)
    rest = pending.wait()
    assert [a.original for a in first + rest] == texts


def test_ahead_analyses_are_the_ones_article_analysis_gives() -> None:
    headline, body = (
        "Convoy to leave Raqqa",
        "BEIRUT, Oct 14 (Reuters) - A convoy will leave Raqqa.",
    )
    ahead = AnalysesAhead([(headline, body)])
    ahead.take(1)
    first = article_analysis(headline, body)
    assert article_analysis(headline, body) is first
    assert first.normalized == analyze(article_text(headline, body)).normalized


def test_chunk_forms_join_the_forms_of_each_chunk_in_text_order() -> None:
    forms = ChunkForms()
    assert forms.unknown(["a b\x1cc  a", "d a"]) == ["a", "b", "c", "d"]
    forms.add("a", ["x", "y"])
    forms.add("b", [])
    assert forms.join("a b\ta") == "x y x y"
    assert forms.unknown(["a b e"]) == ["e"]
    with pytest.raises(KeyError, match="e"):
        forms.join("a e")
    forms.clear()
    assert len(forms) == 0


def test_chunk_forms_number_tsvector_positions_across_headline_and_body() -> None:
    forms = ChunkForms()
    forms.add("the", [""])
    forms.add("cats", ["'cat':"])
    forms.add("sat", ["'sat':"])
    # The body starts after the headline's last lexeme, not after its stop words.
    assert forms.tsvector("cats the", "the cats sat") == "'cat':1A 'cat':3B 'sat':4B"
    forms.add("x", ["\x00"])
    assert forms.tsvector("x", "cats") is None
    assert forms.tsvector(" ".join(["cats"] * 256), "") is None
