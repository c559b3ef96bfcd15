"""Natural features and stadiums named with their feature word ("Caspian Sea", "Lake
Edward", "fleuve Gambie", "حوض تشاد", "Uhuru Stadium"): one place each, the
feature and not the place or person it is named after."""

from __future__ import annotations

import pytest

from tests.unit.gazetteer_support import tags
from workers.enrich.resources import Resources
from workers.text.normalize import normalize_text

GAMBIA, CHAD = "iso3166:GM", "Q657"


def places(resources: Resources, text: str, language: str) -> set[str]:
    return {tag.id for tag in tags(resources, text, language).values() if tag.type == "place"}


@pytest.mark.parametrize(
    ("language", "text", "feature"),
    [
        ("en", "The capsule came down in the Caspian Sea on Monday.", "caspian sea"),
        ("en", "Miners polluted the Tapajos river, villagers said.", "tapajos river"),
        ("en", "Fishermen on Lake Edward said the catch had fallen.", "lake edward"),
        ("en", "Pirates seized a tanker in the Gulf of Aden.", "gulf of aden"),
        ("en", "The plant on Obi island reopened.", "obi island"),
        ("en", "Storms lashed the Timor Sea coast.", "timor sea"),
        ("en", "The typhoon moved into the South China Sea.", "south china sea"),
        ("en", "The Pra river burst its banks.", "pra river"),
        ("en", "Lions left Amboseli National Park at night.", "amboseli national park"),
        ("en", "Rangers patrol the Mau Forest reserve.", "mau forest"),
        ("en", "Cattle moved deep into Chyulu Hills National Park.", "chyulu hills national park"),
        ("fr", "Les pêcheurs du golfe de Gascogne manifestent.", "golfe de gascogne"),
        ("ar", "وتراجع منسوب المياه في حوض الديسي الجوفي", "حوض الديسي"),
        ("ar", "وانتشل الصيادون قاربا في بحيرة إدوارد", "بحيره ادوارد"),
        ("ar", "وجرفت السيول سيارتين في وادي السحتن", "وادي السحتن"),
        ("ar", "وعلقت أسر في وادي بني خروص بعد السيول", "وادي بني خروص"),
        ("ar", "وهطلت أمطار غزيرة على جبال الحجر الغربي أمس", "جبال الحجر الغربي"),
        ("ar", "وانحسرت المياه في هور الحمار جنوبي العراق", "هور الحمار"),
        ("ar", "وقال صيادون في هور أبو زرك إن الأسماك نفقت", "هور ابو زرك"),
        ("ar", "وقال إن الإنتاج في منجم سيدي شنان ارتفع", "منجم سيدي شنان"),
        ("ar", "وتوقف العمل في منجم تازيازت شمال البلاد", "منجم تازيازت"),
        ("ar", "وهو تقني في مغسلة الفوسفاط بمنجم سيدي شنان، قال", "منجم سيدي شنان"),
        ("ar", "وغرق القارب قبالة جزيرة إل هييرو فجر الأحد", "جزيره ال هييرو"),
        ("en", "Simba drew 1-1 at the Uhuru Stadium on Sunday.", "uhuru stadium"),
        ("en", "Ahly won at Suez Stadium.", "suez stadium"),
        ("fr", "Le match se jouera au stade Omar-Hamadi de Bologhine.", "stade omar hamadi"),
    ],
)
def test_a_feature_is_a_place_named_with_its_feature_word(
    language: str, text: str, feature: str, resources: Resources
) -> None:
    assert f"candidate:{feature}" in places(resources, text, language)


@pytest.mark.parametrize(
    ("language", "text", "feature", "named_after"),
    [
        ("en", "Floods swelled the Gambia River last year.", "gambia river", GAMBIA),
        ("fr", "La crue du fleuve Gambie menace les rizières.", "fleuve gambie", GAMBIA),
        ("ar", "وجفت أجزاء من حوض تشاد", "حوض تشاد", CHAD),
    ],
)
def test_a_feature_is_not_the_country_it_is_named_after(
    language: str, text: str, feature: str, named_after: str, resources: Resources
) -> None:
    found = places(resources, text, language)
    assert f"candidate:{feature}" in found
    assert named_after not in found


def test_a_name_the_gazetteer_has_whole_is_its_entrys(resources: Resources) -> None:
    found = places(resources, "Houthis fired at ships in the Red Sea.", "en")
    assert "place:red-sea" in found
    assert not any(id_.startswith("candidate:") for id_ in found)


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("en", "Tourists left Zanzibar island on Monday.", "geonames:148730"),
        ("ar", "وصلت السفينة إلى جزيرة قبرص", "Q229"),
    ],
)
def test_an_island_named_by_a_known_place_is_that_place(
    language: str, text: str, place: str, resources: Resources
) -> None:
    found = places(resources, text, language)
    assert place in found
    assert not any(id_.startswith("candidate:") for id_ in found)


@pytest.mark.parametrize(
    "text",
    [
        "Gulf Air cut flights to Beirut.",
        "A Chinese river barge sank.",
        "Rain fell over the Lake Victoria basin.",
    ],
)
def test_no_feature_from_a_bodys_name_a_demonym_or_a_word_after_a_feature(
    text: str, resources: Resources
) -> None:
    found = places(resources, text, "en")
    assert not {"candidate:gulf air", "candidate:chinese river"} & found
    assert "candidate:lake victoria basin" not in found


def test_a_capitalised_stade_opens_a_clubs_name_not_a_stadiums(resources: Resources) -> None:
    found = places(resources, "Le Stade d'Abidjan a battu l'ASEC Mimosas 2-0.", "fr")
    assert "candidate:stade d abidjan" not in found


@pytest.mark.parametrize(
    ("text", "stadium"),
    [
        ("حقق الفريق فوزا ثمينا مساء السبت بملعب عمر حمادي بالعاصمة", "ملعب عمر حمادي"),
        ("وتقام المباراة على ملعب 19 ماي 1956 بعنابة", "ملعب 19 ماي 1956"),
        ("فاز وفاق سطيف على ملعب 8 ماي 1945 أمام جماهيره", "ملعب 8 ماي 1945"),
        ("في ملعب أحمد زبانة بوهران", "ملعب أحمد زبانة"),
        ("على ملعب مولاي عبد الله بالرباط", "ملعب مولاي عبد الله"),
        ("بسبب تعذر اللعب على ملعب فيصل الحسيني الدولي في الرام", "ملعب فيصل الحسيني الدولي"),
        ("تطيح بضيفها في ملعب عمر حمادي وتقترب من اللقب", "ملعب عمر حمادي"),
    ],
)
def test_an_arabic_stadium_named_after_a_person_or_a_date_is_a_place_not_a_person(
    text: str, stadium: str, resources: Resources
) -> None:
    found = tags(resources, text, "ar").values()
    assert f"candidate:{normalize_text(stadium)}" in {t.id for t in found if t.type == "place"}
    assert not [t for t in found if t.type == "person"]


@pytest.mark.parametrize(
    "text",
    ["وغادر اللاعبون أرض ملعب بعد صافرة النهاية", "وافتتح ملعب 11 لاعبا في المدينة"],
)
def test_a_stadium_word_before_no_name_or_date_names_no_stadium(
    text: str, resources: Resources
) -> None:
    assert not [i for i in places(resources, text, "ar") if i.startswith("candidate:")]


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Dams on the Karun and Dez rivers cut their output.",
            {"candidate:karun river", "candidate:dez river"},
            set(),
        ),
        (
            "Farmers between the Tigris and Euphrates rivers lost their crops.",
            {"place:tigris", "place:euphrates"},
            {"candidate:tigris river", "candidate:euphrates river"},
        ),
    ],
)
def test_a_plural_feature_word_after_two_names_makes_a_feature_of_each(
    text: str, expected: set[str], absent: set[str], resources: Resources
) -> None:
    found = places(resources, text, "en")
    assert expected <= found and not absent & found, found
