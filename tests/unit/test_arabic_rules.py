from __future__ import annotations

import re
from pathlib import Path

import pytest

from workers.gazetteer.inflection import arabic_variants, nisba_forms, possessed_forms
from workers.storage.tokens import index_text
from workers.text import arabic
from workers.text.normalize import fold_arabic, normalize_text

ENTITIES_RS = Path(__file__).resolve().parents[2] / "native" / "src" / "entities.rs"


def _rust_constant(name: str) -> str:
    found = re.search(rf"^const {name}: [^=]+= (.+);$", ENTITIES_RS.read_text("utf-8"), re.M)
    assert found is not None, f"{name} is not a constant of {ENTITIES_RS.name}"
    return found.group(1)


def _declared_folding(c: str) -> str:
    code = ord(c)
    if c == arabic.TATWEEL or any(lo <= code <= hi for lo, hi in arabic.DIACRITIC_RANGES):
        return ""
    if c in arabic.LETTER_FOLDING:
        return arabic.LETTER_FOLDING[c]
    for zero in arabic.DIGIT_BLOCKS:
        if 0 <= code - ord(zero) <= 9:
            return str(code - ord(zero))
    return c


def test_the_compiled_folding_does_exactly_what_the_rules_declare() -> None:
    code_points = [*range(0x0600, 0x0700), *range(0x08D3, 0x0900)]
    differing = {
        f"U+{code:04X}": (fold_arabic(chr(code)), _declared_folding(chr(code)))
        for code in code_points
        if fold_arabic(chr(code)) != _declared_folding(chr(code))
    }
    assert differing == {}


@pytest.mark.parametrize("letter", sorted(arabic.LETTER_FOLDING))
def test_normalized_text_writes_each_letter_variant_as_its_folded_letter(letter: str) -> None:
    assert normalize_text(f"ب{letter}ب") == f"ب{arabic.LETTER_FOLDING[letter]}ب"


def test_normalized_text_drops_tatweel_and_every_declared_diacritic() -> None:
    marks = [chr(code) for lo, hi in arabic.DIACRITIC_RANGES for code in range(lo, hi + 1)] + [
        arabic.TATWEEL
    ]
    kept = [f"U+{ord(m):04X}" for m in marks if normalize_text(f"سل{m}ام") != "سلام"]
    assert kept == []


def test_the_compiled_name_rules_equal_the_declared_ones() -> None:
    endings = re.findall(r'"([^"]+)"', _rust_constant("ARABIC_NAME_ENDINGS"))
    assert tuple(endings) == arabic.COMPOUND_NAME_ENDINGS
    assert _rust_constant("ARABIC_ARTICLE") == f'"{arabic.ARTICLE}"'
    assert _rust_constant("ARABIC_SURNAME_ENDING") == f"'{arabic.NISBA_LETTER}'"
    assert _rust_constant("CONJUNCTION") == f"'{arabic.AND}'"


def test_every_rule_word_is_written_as_normalization_writes_it() -> None:
    words = {
        arabic.ARTICLE,
        arabic.LAM_ARTICLE,
        *arabic.ARTICLE_FORMS,
        *arabic.NAME_PARTICLES,
        *arabic.COMPOUND_NAME_ENDINGS,
        *arabic.strippable_prefixes(),
    }
    assert {w for w in words if normalize_text(w) != w} == set()


@pytest.mark.parametrize(
    "table",
    [
        arabic.BEFORE_ARTICLE,
        arabic.BEFORE_LAM_ARTICLE,
        arabic.BEFORE_BARE,
        arabic.BEFORE_THREE_LETTERS,
        arabic.BEFORE_SHORT,
        arabic.HEAD_PROCLITICS,
        arabic.PERSON_PROCLITICS,
        arabic.CUE_PROCLITICS,
    ],
)
def test_every_proclitic_is_a_conjunction_then_a_preposition_each_optional(
    table: tuple[str, ...],
) -> None:
    allowed = {c + p for c in ("", *arabic.CONJUNCTIONS) for p in ("", *arabic.PREPOSITIONS)}
    assert set(table) <= allowed
    assert len(set(table)) == len(table)


def test_no_preposition_lam_is_written_before_the_article() -> None:
    assert not any(p.endswith(arabic.LAM) for p in arabic.BEFORE_ARTICLE)
    assert arabic.LAM + arabic.ARTICLE not in arabic.strippable_prefixes()


@pytest.mark.parametrize("prefix", sorted(arabic.strippable_prefixes()))
def test_the_search_index_stores_a_word_without_each_proclitic_sequence(prefix: str) -> None:
    assert "سلام" in index_text(prefix + "سلام").split()


def test_the_article_forms_run_longest_first() -> None:
    lengths = [len(form) for form in arabic.ARTICLE_FORMS]
    assert lengths == sorted(lengths, reverse=True)
    assert arabic.ARTICLE_FORMS[-1] == arabic.ARTICLE


def test_a_text_is_arabic_by_any_letter_and_a_word_by_its_first() -> None:
    assert arabic.is_arabic("Raqqa الرقة")
    assert not arabic.is_arabic("Raqqa 20")
    assert arabic.starts_arabic("الرقه")
    assert not arabic.starts_arabic("raqqa")
    assert not arabic.starts_arabic("")


def test_a_possessed_noun_writes_its_teh_marbuta_as_teh_before_the_pronoun() -> None:
    forms = possessed_forms("زوجه")
    assert {"زوجته", "زوجتها", "وزوجته", "لزوجتهم"} <= set(forms)
    assert "زوجهه" not in forms
    assert {"جاره", "جارهم", "فجاري"} <= set(possessed_forms("جار"))


def test_a_nisba_of_two_words_agrees_in_both_and_a_noun_first_takes_only_the_article() -> None:
    assert {"الكوريه الجنوبيه", "كوريون جنوبيون"} <= set(nisba_forms("كوري جنوبي"))
    assert {"الجنوب افريقي", "جنوب افريقيه"} <= set(nisba_forms("جنوب افريقي"))
    assert "الجنوب الافريقي" not in nisba_forms("جنوب افريقي")


@pytest.mark.parametrize(
    ("name", "with_lam"),
    [("اللجنه الاولمبيه", "للجنه الاولمبيه"), ("اللواء 444", "للواء 444"), ("الرقه", "للرقه")],
)
def test_lam_and_the_article_before_a_word_opening_with_lam_write_two_lams(
    name: str, with_lam: str
) -> None:
    forms = [form for form, _ in arabic_variants(name)]
    assert with_lam in forms
    assert "ل" + with_lam not in forms
