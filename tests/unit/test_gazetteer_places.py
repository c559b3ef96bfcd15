"""Towns, villages and regions below the gazetteer's keys: tagged where the story
says a place is meant (a place word beside the name, or a country the story is
about), and not otherwise."""

from __future__ import annotations

import pytest

from tests.unit.gazetteer_support import tags
from workers.enrich.resources import Resources
from workers.gazetteer.sources import arabic_spelling
from workers.text.normalize import normalize_text

ZOUERAT = "geonames:2375558"
"""A Mauritanian mining town that English copy spells "Zouerate"."""


def places(resources: Resources, text: str, language: str, dateline: bool = False) -> set[str]:
    found = tags(resources, text, language, dateline).values()
    return {tag.id for tag in found if tag.type == "place"}


LAUSANNE, NYON = "geonames:2659994", "geonames:2659422"
VAUD_ELECTIONS = (
    "Communales vaudoises\nLAUSANNE, 29 mars (ATS) - La gauche garde la Municipalité. "
    "À Nyon, la droite est confirmée."
)


def test_the_dateline_town_is_tagged_and_its_country_is_the_storys(resources: Resources) -> None:
    assert {LAUSANNE, NYON} <= places(resources, VAUD_ELECTIONS, "fr", dateline=True)


def test_without_its_dateline_a_story_names_no_country_for_its_towns(resources: Resources) -> None:
    assert not {LAUSANNE, NYON} & places(resources, VAUD_ELECTIONS, "fr")


def test_a_capitalised_function_word_opening_a_sentence_makes_no_longer_name(
    resources: Resources,
) -> None:
    text = "Communales\nLAUSANNE (ATS) - Vote serré. À Nyon, la droite gagne."
    assert NYON in places(resources, text, "fr", dateline=True)


SION, ZERMATT = "geonames:2658576", "geonames:2657928"


def test_a_dateline_town_that_namesakes_share_is_the_one_in_the_storys_country(
    resources: Resources,
) -> None:
    text = "Avalanches\nSION, 12 fév (ATS) - La route de Zermatt est fermée, a-t-on appris à Davos."
    assert {SION, ZERMATT} <= places(resources, text, "fr", dateline=True)


def test_a_curated_place_names_its_country_for_the_storys_small_places(
    resources: Resources,
) -> None:
    assert ZERMATT in places(resources, "Le SLF, basé à Davos, a fermé la route de Zermatt.", "fr")


@pytest.mark.parametrize(
    "text",
    [
        "The satellite, launched from California, will take Earth observation images.",
        "The Hope probe has orbited Mars since 2021, a Florida official said.",
    ],
)
def test_a_town_named_by_an_ordinary_word_is_no_small_place(
    text: str, resources: Resources
) -> None:
    assert not {p for p in places(resources, text, "en") if p.startswith("geonames:")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "NOUAKCHOTT, March 4 (Reuters) - Miners struck at Zouerate on Tuesday."),
        ("ar", "نواكشوط - غمرت الأمطار الزويرات"),
        ("en", "Workers in the town of Zouerate walked out."),
        ("ar", "وغمرت الأمطار مدينة الزويرات"),
    ],
)
def test_a_small_town_is_tagged_in_a_story_about_its_country_or_after_a_place_word(
    language: str, text: str, resources: Resources
) -> None:
    assert ZOUERAT in places(resources, text, language)


def test_a_small_town_without_context_is_not_tagged(resources: Resources) -> None:
    assert ZOUERAT not in places(resources, "Miners struck at Zouerate.", "en")


def test_a_name_inside_a_longer_capitalised_name_is_no_place(resources: Resources) -> None:
    found = places(resources, "Paris Saint-Germain beat Lyon in France on Sunday.", "en")
    assert not any(place.startswith("geonames:") and place != "geonames:2996944" for place in found)


def test_a_region_inside_a_known_bodys_name_is_still_a_place_where_named_on_its_own(
    resources: Resources,
) -> None:
    text = (
        "تظاهر مئات المعلمين في الناصرية وفي مدن محافظة ذي قار الأخرى. "
        "وانضم عاملون في شركة نفط ذي قار إلى الاحتجاج."
    )
    assert "iso3166-2:IQ-DQ" in places(resources, text, "ar")
    assert "iso3166-2:IQ-DQ" not in places(resources, "وانضم عاملون في شركة نفط ذي قار.", "ar")


ADDIS_ABABA = "geonames:344979"


def test_the_first_word_of_a_known_name_is_its_short_form_not_a_town(
    resources: Resources,
) -> None:
    text = "Ethiopia hosted talks in Addis Ababa. Delegates left Addis on Friday."
    assert places(resources, text, "en") == {"Q115", ADDIS_ABABA}


def test_a_given_name_is_a_person_not_a_village_of_the_story_country(resources: Resources) -> None:
    assert places(resources, "WASHINGTON (Reuters) - Donald said on Tuesday.", "en") == {"Q61"}


def test_a_place_of_another_country_is_not_tagged_from_a_common_word(resources: Resources) -> None:
    assert places(resources, "تونس - قال سالم إن الوضع مستقر", "ar") <= {
        "place:tunis",
        "Q948",
    }


def test_a_first_level_region_is_tagged_by_its_region_word(resources: Resources) -> None:
    assert "iso3166-2:MR-11" in places(
        resources, "Officials in the Tiris Zemmour region said", "en"
    )


@pytest.mark.parametrize(
    ("language", "text", "regions"),
    [
        ("en", "CAIRO (Reuters) - Floods hit Sohag governorate on Monday.", {"EG-SHG"}),
        ("ar", "القاهرة - غمرت السيول قرى في محافظتي سوهاج وأسيوط", {"EG-SHG", "EG-AST"}),
        ("fr", "ALGER - Des feux dans les wilayas de Tizi Ouzou et Bejaia.", {"DZ-15", "DZ-06"}),
    ],
)
def test_a_region_word_names_the_region_not_the_city_of_its_name_and_carries_along_a_list(
    language: str, text: str, regions: set[str], resources: Resources
) -> None:
    found = places(resources, text, language)
    assert {f"iso3166-2:{code}" for code in regions} <= found
    assert "geonames:347796" not in found  # the city of Sohag


@pytest.mark.parametrize(
    ("language", "text", "region"),
    [
        ("en", "JAKARTA (Reuters) - Floods hit Central Sulawesi on Monday.", "ID-ST"),
        ("fr", "JAKARTA (AFP) - Des inondations à Sulawesi central lundi.", "ID-ST"),
        ("ar", "جاكرتا - ضربت فيضانات جاوة الغربية يوم الاثنين", "ID-JB"),
        ("en", "MANILA (Reuters) - The typhoon hit Albay and Northern Samar.", "PH-ALB"),
        ("en", "MANILA (Reuters) - The typhoon hit Albay and Northern Samar.", "PH-NSA"),
        ("en", "MANILA (Reuters) - Power failed across the Bicol region.", "PH-05"),
        ("en", "Shelling hit the Sumy oblast overnight.", "UA-59"),
        ("ar", "قصف مدفعي على مقاطعة بيلغورود", "RU-BEL"),
        ("en", "Fighting went on in North Kivu province.", "CD-NK"),
        ("ar", "نزوح آلاف السكان في إقليم شمال كيفو", "CD-NK"),
    ],
)
def test_a_region_is_tagged_by_the_name_copy_gives_it_provinces_under_a_grouping_too(
    language: str, text: str, region: str, resources: Resources
) -> None:
    assert f"iso3166-2:{region}" in places(resources, text, language)


def test_the_city_word_keeps_the_city(resources: Resources) -> None:
    assert "geonames:347796" in places(resources, "القاهرة - غمرت السيول مدينة سوهاج", "ar")


def test_the_word_of_a_french_name_with_its_article_is_no_region_of_its_own(
    resources: Resources,
) -> None:
    assert places(resources, "Le film a été achevé au Caire, en Egypte.", "fr") == {
        "Q85",
        "Q79",
    }


def test_a_name_after_a_neighbourhood_word_is_no_town(resources: Resources) -> None:
    assert places(resources, "عدن - سقطت قذيفة على حي الروضة في المدينة", "ar") == {"place:aden"}


def test_an_accusative_adverb_is_no_town(resources: Resources) -> None:
    assert places(resources, "عمان - أصدرت المحكمة حكما بالسجن", "ar") <= {
        "Q3805",
        "Q810",
    }


def test_a_name_built_like_a_persons_is_the_place_its_context_names(
    resources: Resources,
) -> None:
    text = "RABAT - Des pluies sur les provinces de Kenitra et Sidi Kacem."
    found = tags(resources, text, "fr")
    assert "geonames:2533191" in found
    assert not any(tag.type == "person" for tag in found.values())


@pytest.mark.parametrize(
    ("language", "text", "region", "namesake"),
    [
        (
            "en",
            "Floods in Pakistan's Punjab province killed 20 people.",
            "iso3166-2:PK-PB",
            "iso3166-2:IN-PB",
        ),
        (
            "en",
            "Floods in India's Punjab province killed 20 people.",
            "iso3166-2:IN-PB",
            "iso3166-2:PK-PB",
        ),
        # a place's own name beats another's with a proclitic in its country
        (
            "ar",
            "وقال مشجع قادم من وجدة إن المباراة كانت قوية في المغرب",
            "geonames:2540483",
            "place:jeddah",
        ),
        (
            "ar",
            "وافتتحت الشركة فروعا في الرياض وجدة والدمام بالسعودية",
            "place:jeddah",
            "geonames:2540483",
        ),
    ],
)
def test_the_storys_country_tells_namesake_places_apart(
    language: str, text: str, region: str, namesake: str, resources: Resources
) -> None:
    found = places(resources, text, language)
    assert region in found and namesake not in found


TRIPOLIS = frozenset({"place:tripoli", "place:tripoli-lebanon"})
CONGOS = frozenset({"Q971", "Q974"})


@pytest.mark.parametrize(
    ("language", "text", "place", "namesakes"),
    [
        (
            "fr",
            "BEYROUTH, 3 mars (AFP) - Des fonctionnaires libanais ont manifesté à Tripoli.",
            "place:tripoli-lebanon",
            TRIPOLIS,
        ),
        (
            "fr",
            "TRIPOLI, 3 mars (AFP) - Le gouvernement libyen a annoncé mardi",
            "place:tripoli",
            TRIPOLIS,
        ),
        ("fr", "Des fonctionnaires ont manifesté à Tripoli.", "place:tripoli", TRIPOLIS),
        # "Congo" alone: Kinshasa's beside Goma, Brazzaville's beside Pointe-Noire
        (
            "en",
            "GOMA (AP) - Health workers in eastern Congo began vaccinating in Bukavu.",
            "Q974",
            CONGOS,
        ),
        (
            "en",
            "BRAZZAVILLE (Reuters) - Congo's president said Pointe-Noire would host it.",
            "Q971",
            CONGOS,
        ),
    ],
)
def test_a_name_two_countries_places_bear_is_the_one_in_the_country_the_story_names(
    language: str, text: str, place: str, namesakes: frozenset[str], resources: Resources
) -> None:
    found = places(resources, text, language)
    assert place in found and len(found & namesakes) == 1


def test_a_region_whose_arabic_name_only_is_a_phrase_is_read_bare_in_latin_script(
    resources: Resources,
) -> None:
    french = "MAROUA (AFP) - Le choléra qui frappe l'Extrême-Nord du Cameroun a fait 47 morts."
    arabic = "\nياوندي (أ ف ب) - وصلت الأمطار إلى أقصى الشمال في الكاميرون."
    assert "iso3166-2:CM-EN" in places(resources, french, "fr")
    assert "iso3166-2:CM-EN" not in places(resources, arabic, "ar")


AMMAN, OMAN = "Q3805", "Q842"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("مسقط - (العمانية) - أعلنت سلطنة عمان نتائج الانتخابات في ولايات عمان كلها", OMAN),
        ("عمان - (بترا) - قال وزير المالية الأردني إن العجز تراجع", AMMAN),
    ],
)
def test_amman_and_oman_written_alike_are_told_apart_by_the_storys_country(
    text: str, place: str, resources: Resources
) -> None:
    found = tags(resources, text, "ar")
    assert place in found and len(found.keys() & {AMMAN, OMAN}) == 1


NOUAKCHOTT_ARAFAT, MOUNT_ARAFAT = "geonames:9222766", "place:arafat"


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("نواكشوط - فاز حزب الإنصاف في بلديات عرفات ولكصر وتفرغ زينة", NOUAKCHOTT_ARAFAT),
        ("مكة المكرمة - (واس) - وقف الحجاج على صعيد عرفات ثم على عرفات", MOUNT_ARAFAT),
    ],
)
def test_a_moughataa_of_nouakchott_and_mount_arafat_are_told_apart_by_the_storys_country(
    text: str, place: str, resources: Resources
) -> None:
    found = places(resources, text, "ar")
    assert place in found and len(found & {NOUAKCHOTT_ARAFAT, MOUNT_ARAFAT}) == 1


def test_a_namesake_read_as_an_entry_the_story_also_names_makes_one_tag(
    resources: Resources,
) -> None:
    text = "أعلنت سلطنة عمان أن مسقط ستستضيف المؤتمر، وقال مسؤولون في عمان إن"
    found = tags(resources, text, "ar")[OMAN]
    assert found.count == 2 and found.surface_forms == ["سلطنة عمان", "عمان"]


def test_a_name_after_a_comma_that_no_and_closes_is_an_apposition_not_a_place(
    resources: Resources,
) -> None:
    text = "La gouverneure de la région Atsinanana, Lalao Rasoamanana, a interdit la marche."
    found = places(resources, text, "fr")
    assert "candidate:atsinanana" in found
    assert "candidate:lalao rasoamanana" not in found


@pytest.mark.parametrize(
    ("language", "text", "names"),
    [
        ("en", "Gunmen attacked the town of Banibangou and burned the market.", {"banibangou"}),
        (
            "fr",
            "Les habitants des villages de Widou Thiengoly, Tessékéré et Labgar ont fui.",
            {"widou thiengoly", "tessekere", "labgar"},
        ),
        ("en", "The river flooded villages in Kulaura upazila on Monday.", {"kulaura"}),
        (
            "en",
            "Water entered homes in Kanaighat, Dowarabazar and Tahirpur sub-districts.",
            {"kanaighat", "dowarabazar", "tahirpur"},
        ),
    ],
)
def test_an_unknown_name_beside_a_place_word_is_a_candidate_place_and_so_is_its_list(
    language: str, text: str, names: set[str], resources: Resources
) -> None:
    assert places(resources, text, language) == {f"candidate:{name}" for name in names}


@pytest.mark.parametrize(
    "text",
    [
        "He lives in the city of Kigali Convention Centre staff.",
        "The village of John Smith was never found.",
        "the town of Kigali",
        "Aides in the Harris camp said the Biden area was quiet.",
        "John Smith district officials met.",
    ],
)
def test_no_candidate_place_after_a_place_word_for_known_names_bodies_or_people(
    text: str, resources: Resources
) -> None:
    assert not {p for p in places(resources, text, "en") if p.startswith("candidate:")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وتفشى المرض في قرية ود الحليو بولاية كسلا", "candidate:ود الحليو"),
        ("وقال سكان بلدة كفرنبودة إن القصف استمر", "candidate:كفرنبوده"),
        ("وجفت الآبار في قرية أولاد بوعزة المجاورة", "candidate:اولاد بوعزه"),
        ("وفي إقليم سيدي بوزكري، قالت منسقة الاتحاد إن", "candidate:سيدي بوزكري"),
    ],
)
def test_an_unknown_name_after_an_arabic_town_or_village_word_is_a_candidate_place(
    text: str, found: str, resources: Resources
) -> None:
    assert found in places(resources, text, "ar")


def test_near_after_a_village_or_camp_word_is_no_place(resources: Resources) -> None:
    text = "وفي قرية قرب الشدادي جنوب الحسكة، وعاد من مخيم قرب بلدة دير حسان"
    assert "candidate:" + normalize_text("قرب") not in places(resources, text, "ar")


def test_a_latin_name_after_a_place_word_is_neither_a_person_nor_a_town_inside_it(
    resources: Resources,
) -> None:
    text = "Fighters overran a base in the village of Adan Qorowle on Sunday."
    tagged = tags(resources, text, "en").values()
    assert not [t for t in tagged if t.type == "person"]
    assert not [t for t in tagged if t.id.startswith("geonames:")]


def test_a_place_named_like_a_person_after_a_place_word_is_no_person(
    resources: Resources,
) -> None:
    text = "وفي إقليم سيدي بوزكري، قالت منسقة الاتحاد إن"
    people = [t for t in tags(resources, text, "ar").values() if t.type == "person"]
    assert not people


def test_a_province_named_after_its_town_and_no_region_name_is_the_town(
    resources: Resources,
) -> None:
    text = "الرباط - وفي إقليم سيدي بنور، قالت منسقة الاتحاد إن المحصول تراجع"
    assert "geonames:2536074" in places(resources, text, "ar")


@pytest.mark.parametrize(
    "text",
    [
        "وتقع المدينة في منطقة عسكرية مغلقة",
        "ونزح الآلاف إلى مخيم زمزم القريب من الفاشر",
        "وزار الوزير مدينة جديدة للعمال",
        "وقالت بلدية محمد الخامس",
    ],
)
def test_no_arabic_candidate_place_for_ordinary_words_known_names_or_people(
    text: str, resources: Resources
) -> None:
    assert not {p for p in places(resources, text, "ar") if p.startswith("candidate:")}


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "The side will play before the 2027 Africa Cup of Nations kicks off."),
        ("en", "The Tunisian side won the African Champions League last year."),
        ("ar", "وتوج المنتخب بكأس أمم أفريقيا بفوزه في النهائي."),
        ("fr", "L'équipe a remporté la Coupe d'Afrique des nations de handball."),
    ],
)
def test_a_continent_named_only_in_a_competitions_name_is_no_place_of_the_story(
    language: str, text: str, resources: Resources
) -> None:
    assert "place:africa" not in places(resources, text, language)


def test_a_continent_named_outside_the_competition_stays(resources: Resources) -> None:
    text = "Before the Africa Cup of Nations, floods hit East Africa and much of Africa."
    assert "place:africa" in places(resources, text, "en")


@pytest.mark.parametrize(
    "text",
    [
        "ووصفه بأنه خطوة أولى نحو الحل",
        "وقال في كلمة أمام الحشود إن الزيارة نجحت",
        "وقال مسؤول إيراني إن الحكومة ستعلن خطتها في كلمة للرئيس",
        "وأغلقت محلات الصرافة في عدن أبوابها",  # Mahallat, a town of Iran
        "وتحمي الشعاب مرجان البحر الأحمر من الحرارة",  # Maryanaj, a town of Iran
    ],
)
def test_an_ordinary_arabic_word_that_a_town_also_bears_is_no_place(
    text: str, resources: Resources
) -> None:
    found = places(resources, text, "ar")
    assert not {p for p in found if p.startswith("geonames:")}, found


def test_a_town_as_common_in_english_news_as_in_arabic_stays_a_place(
    resources: Resources,
) -> None:
    assert "geonames:3128760" in places(resources, "وفاز ريال مدريد على مضيفه في برشلونة", "ar")


@pytest.mark.parametrize("village", ["كفرزيتا", "كفر زيتا"])
def test_a_kafr_village_is_found_written_apart_or_joined(
    village: str, resources: Resources
) -> None:
    text = f"دمشق - عادت الأسر إلى {village} في ريف حماة بسوريا"
    assert "geonames:168620" in places(resources, text, "ar")


MALI = "Q912"


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("أودت الفيضانات بحياة العشرات في مالي والنيجر", True),
        ("تضم المنظمة موريتانيا والسنغال ومالي وغينيا", True),
        ("توجه الرعاة بقطعانهم نحو الحدود مع مالي", True),
        ("ارتفع صافي أرباح الشركة للعام المالي الماضي", False),
        ("حصل المزارعون على دعم مالي كبير", False),
    ],
)
def test_a_country_named_by_an_ordinary_word_is_tagged_where_a_place_is_meant(
    text: str, tagged: bool, resources: Resources
) -> None:
    assert (MALI in places(resources, text, "ar")) is tagged


@pytest.mark.parametrize(
    ("text", "region"),
    [
        (
            "LUSAKA (Reuters) - Mines in Zambia's North-Western province were hit.",
            "iso3166-2:ZM-06",
        ),
        ("KARACHI (Reuters) - Floods hit Pakistan's southern Sindh province.", "iso3166-2:PK-SD"),
        ("KHARTOUM (Reuters) - Cholera spread in Sudan's Red Sea state.", "iso3166-2:SD-RS"),
    ],
)
def test_a_region_is_found_by_its_name_with_or_without_its_own_word(
    text: str, region: str, resources: Resources
) -> None:
    assert region in places(resources, text, "en")


def test_a_town_geonames_names_in_latin_only_is_found_by_the_arabic_name_copy_gives_it(
    resources: Resources,
) -> None:
    text = "الخرطوم - نزح آلاف السودانيين من كبكابية ومليط بعد المعارك في شمال دارفور"
    assert {"geonames:373198", "geonames:370181"} <= places(resources, text, "ar")


@pytest.mark.parametrize(
    ("text", "region", "namesake"),
    [
        (
            "نواكشوط - قالت الحكومة الموريتانية إن الأمطار هطلت في ولاية آدرار، وإن موريتانيا"
            " ستطلب دعما من الجزائر",
            "iso3166-2:MR-07",
            "iso3166-2:DZ-01",
        ),
        (
            "الجزائر - أعلنت وزارة الصحة الجزائرية حملة تلقيح في ولاية أدرار، بعد حالات في"
            " الجزائر العاصمة ووهران وقرب الحدود مع موريتانيا",
            "iso3166-2:DZ-01",
            "iso3166-2:MR-07",
        ),
    ],
)
def test_a_region_two_countries_of_the_story_name_alike_is_the_one_of_the_country_named_most(
    text: str, region: str, namesake: str, resources: Resources
) -> None:
    found = places(resources, text, "ar")
    assert region in found and namesake not in found, found


MASCARA = "geonames:2490098"
"""An Algerian city whose Arabic name, "معسكر", is the word for a camp."""


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("بورتسودان - نزحت أسر من الخرطوم إلى معسكر ود شريفي قرب كسلا في السودان.", False),
        ("الجزائر - اندلعت حرائق في غابات معسكر وتلمسان غربي الجزائر.", True),
        ("بورتسودان - وصل وفد سوداني إلى مدينة معسكر لبحث التعاون.", True),
        ("معسكر - (واج) - افتتح والي الولاية مستشفى جديدا.", True),
    ],
)
def test_a_town_named_by_a_word_is_tagged_where_its_country_a_place_word_or_the_dateline_says_so(
    text: str, tagged: bool, resources: Resources
) -> None:
    assert (MASCARA in places(resources, "\n" + text, "ar")) is tagged


def test_a_country_read_whole_is_no_town_of_the_storys_country_read_with_a_proclitic(
    resources: Resources,
) -> None:
    text = "\nدرعا - طالب بإشراك الشباب العائدين من لبنان والأردن في لجان الخدمات في سوريا."
    found = places(resources, text, "ar")
    assert "Q822" in found and "geonames:171851" not in found, found


def test_a_town_named_by_a_word_in_the_headline_is_no_dateline_town(
    resources: Resources,
) -> None:
    text = "حرائق في معسكر للنازحين\nالخرطوم - اندلعت حرائق في خيام النازحين."
    assert MASCARA not in places(resources, text, "ar")


@pytest.mark.parametrize(
    ("name", "kept"),
    [("روما", True), ("عيسى الغربية", True), ("رىم", False), ("تهران", True), ("پاریس", False)],
)
def test_a_geonames_arabic_name_keeps_alef_maksura_only_where_a_word_ends(
    name: str, kept: bool
) -> None:
    assert arabic_spelling(name) is kept


def test_a_given_name_is_no_misspelled_alternate_of_a_city(resources: Resources) -> None:
    text = "وقالت الممثلة الفلسطينية ريم تلحمي إن العرض"
    assert "Q220" not in places(resources, text, "ar")


YAO = "geonames:1848522"
"""A Japanese city, and an Ivorian given name."""


@pytest.mark.parametrize(
    ("text", "tagged"),
    [
        ("ABIDJAN (AFP) - Yao Kouassi, un planteur de cacao en Côte d'Ivoire, a déclaré", False),
        ("ABIDJAN (AFP) - Le ministre est arrivé à Yao mardi, a-t-on appris", True),
    ],
)
def test_a_latin_town_of_a_country_the_story_leaves_out_is_no_part_of_a_longer_name(
    text: str, tagged: bool, resources: Resources
) -> None:
    assert (YAO in places(resources, "\n" + text, "fr")) is tagged


def test_a_latin_town_of_a_country_the_story_leaves_out_written_in_capitals_is_an_acronym(
    resources: Resources,
) -> None:
    kemri = "geonames:1267297"  # Kemri, India
    text = (
        "\nSIAYA, Kenya (Reuters) - Researchers at KEMRI said the vaccine, made by the"
        " Serum Institute of India, had been given to 4,800 children in India and Kenya."
    )
    assert kemri not in places(resources, text, "en")
    assert kemri in places(resources, text.replace("KEMRI", "Kemri"), "en")


def test_a_town_named_like_an_ordinary_word_is_read_in_a_story_of_its_country(
    resources: Resources,
) -> None:
    libyan = "\nطرابلس (وال) - اندلعت اشتباكات مسلحة في الزاوية غربي طرابلس ليل الجمعة."
    elsewhere = "\nالرياض (واس) - وسدد اللاعب كرة في الزاوية البعيدة من المرمى."
    zawiya = {"geonames:2218970", "geonames:2216885"}
    assert zawiya & places(resources, libyan, "ar")
    assert not zawiya & places(resources, elsewhere, "ar")


def test_a_region_of_three_letters_is_read_beside_a_region_word_only(
    resources: Resources,
) -> None:
    cued = "\nعدن (سبأ) - أعلن مكتب الصحة بمحافظة لحج تسجيل حالات اشتباه بالحصبة."
    bare = "\nعدن (سبأ) - وسافر المعتمرون لحج بيت الله الحرام."
    assert "iso3166-2:YE-LA" in places(resources, cued, "ar")
    assert "iso3166-2:YE-LA" not in places(resources, bare, "ar")
    jordan = "\nعمان (بترا) - وقال مسؤولون في محافظة جرش إن الحافلات وصلت."
    assert "iso3166-2:JO-JA" in places(resources, jordan, "ar")


def test_a_region_named_like_a_key_or_a_word_is_read_beside_its_region_word_in_its_country(
    resources: Resources,
) -> None:
    omani = "\nنزوى (العمانية) - هطلت أمطار غزيرة على ولايات محافظة الداخلية في سلطنة عمان."
    bare = "\nمسقط (العمانية) - وقال وزير الداخلية إن الأمطار هطلت على مسقط."
    algerian = "\nالجزائر (واج) - انطلقت حملة التلقيح في ولايات الجنوب الجزائري."
    assert "iso3166-2:OM-DA" in places(resources, omani, "ar")
    assert "iso3166-2:OM-DA" not in places(resources, bare, "ar")
    assert "iso3166-2:LB-JA" not in places(resources, algerian, "ar")  # South Lebanon


def test_a_tremor_is_no_town(resources: Resources) -> None:
    text = "\nالجزائر (واج) - ضربت هزة أرضية بقوة 4.9 درجات ولاية ميلة فجر الخميس."
    assert "geonames:1808198" not in places(resources, text, "ar")  # Heze, China


@pytest.mark.parametrize(
    ("text", "listed"),
    [
        ("وقال إن قرى عيمة والعيص وغرندل المحيطة ببصيرا تعاني من شح المياه", ["العيص", "غرندل"]),
        ("واعتقل الجيش 12 مطلوبا في جنين وطمون وعقابا، وفق المصادر الفلسطينية", ["عقابا"]),
        ("وضربت السيول مخيمات في المكلا وسيئون وشبام", ["سيءون"]),
        ("ووصل النازحون من سنجة وأبو حجار إلى كوستي", ["ابو حجار"]),
        ("أغلبها في بلديات طولقة وليشانة وبرج بن عزوز بمنطقة الزيبان", ["برج بن عزوز"]),
    ],
)
def test_an_arabic_list_of_places_goes_on_with_the_places_nobody_knows(
    text: str, listed: list[str], resources: Resources
) -> None:
    found = places(resources, text, "ar")
    assert {"candidate:" + name for name in listed} <= found


@pytest.mark.parametrize(
    "text",
    [
        "وقال شهود إن مسيرات ضربت نيالا ومخازن الوقود قرب المدينة",
        "واحتجز الجنود سيارة إسعاف عند مدخل طمون وأخضع المسعفين للتفتيش",
        "وتراجعت الليرة في عدن وبقية المناطق الخاضعة لسيطرة الحكومة",
        "وتعطلت الحركة في حلب والمجالس المحلية تطالب بالتمويل",
        "وبدأت الفرق في البوكمال وبدأت ترميم المدارس",
    ],
)
def test_no_place_goes_on_a_list_before_a_construct_a_verb_or_an_ordinary_word(
    text: str, resources: Resources
) -> None:
    assert not {p for p in places(resources, text, "ar") if p.startswith("candidate:")}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("ووقعت الأضرار الأكبر في مخيم الجفينة، وفق السلطات", "candidate:الجفينه"),
        ("وامتدت الحملة إلى مخيم الفارعة وفق وزارة الصحة", "candidate:الفارعه"),
        ("ويقيم في بلدة القبيات في عكار", "candidate:القبيات"),
    ],
)
def test_a_name_with_the_article_alone_after_a_place_word_is_a_candidate_place(
    text: str, found: str, resources: Resources
) -> None:
    assert found in places(resources, text, "ar")


@pytest.mark.parametrize(
    "text",
    [
        "ووصلت المساعدات إلى مخيم النازحين قرب المدينة",
        "وقالت مديرية الحراج في وزارة الزراعة إن الحرائق امتدت",
    ],
)
def test_no_place_after_a_place_word_for_a_plural_of_people_or_after_a_head(
    text: str, resources: Resources
) -> None:
    assert not {p for p in places(resources, text, "ar") if p.startswith("candidate:")}


def test_an_arabic_name_only_small_towns_abroad_bear_needs_a_place_word(
    resources: Resources,
) -> None:
    text = "ووقعت الشركة الاتفاق مع الولايات المتحدة، وقال بارك جي هون إن الشحنات تبدأ"
    assert "geonames:5670635" not in tags(resources, text, "ar")
    assert "geonames:5670635" in tags(resources, "وفي بلدة بارك في ولاية مونتانا الأمريكية", "ar")


def test_a_name_that_goes_on_over_a_hyphenated_and_is_one_place(resources: Resources) -> None:
    text = "Les eaux ont noyé des villages des départements du Logone-et-Chari et du Mayo-Danay."
    assert {t for t in tags(resources, text, "fr") if t.startswith("candidate:")} == {
        "candidate:logone et chari",
        "candidate:mayo danay",
    }


def test_upper_bound_to_a_name_by_a_hyphen_is_a_region_no_body(resources: Resources) -> None:
    text = "Les eaux ont noyé des villages de la région du Haut-Katanga, selon la Croix-Rouge."
    found = tags(resources, text, "fr")
    assert "iso3166-2:CD-HK" in found
    assert not any(t.startswith("candidate:") for t in found)


def test_a_word_before_a_town_named_with_son_of_is_no_given_name(resources: Resources) -> None:
    text = "مدنين (وات) - وتعد بن قردان القريبة من الحدود الليبية من أبرز معاقل التجارة في تونس."
    found = tags(resources, text, "ar", dateline=True)
    assert "geonames:2472431" in found
    assert not any(t.startswith("candidate:") for t in found)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Ils ne parlent pas tous l'arabe ni le français, mais il faut les accueillir."),
        ("fr", "Les cours de physique sont donnés en anglais depuis la rentrée."),
        ("ar", "وشارك الناقد في ندوة عن الترجمة بين العربية والفرنسية في المعرض"),
        ("ar", "وصدرت الرواية باللغة الإنجليزية عن دار صغيرة"),
        ("ar", "وأوضحت رئيسة اللجنة أن الأسئلة وضعت بالفرنسية قبل ساعة من الامتحان"),
    ],
)
def test_a_demonym_that_names_a_language_names_no_country(
    language: str, text: str, resources: Resources
) -> None:
    assert not [t for t in tags(resources, text, language).values() if t.type == "place"]


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        ("fr", "Parmi les acheteurs figure le suisse Givaudan, selon les exportateurs.", "Q39"),
        ("ar", "وانعقدت القمة العربية الصينية في الرياض", "Q148"),
        ("ar", "وتعمل الشركة بالسعودية منذ عشر سنوات", "Q851"),
    ],
)
def test_a_demonym_before_a_name_or_after_arab_without_and_is_its_country(
    language: str, text: str, country: str, resources: Resources
) -> None:
    assert country in tags(resources, text, language)


def test_a_town_geonames_names_in_latin_letters_only_is_found_by_its_consonants(
    resources: Resources,
) -> None:
    text = "بنزرت - وات - مثل مسؤول سابق في بلدية ماطر أمام المحكمة. وقال سكان مدينة ماطر إن"
    assert "geonames:2469088" in tags(resources, text, "ar")  # Mateur


@pytest.mark.parametrize(
    ("text", "town", "found_as"),
    [
        (
            "جدة - توقع المركز أن تمتد الحالة المطرية إلى رابغ وخليص والليث والقنفذة",
            "geonames:109253",  # Al Lith: two consonants
            True,
        ),
        (
            "طوباس - امتدت العملية العسكرية إلى مخيم الفارعة في الضفة الغربية",
            "geonames:282489",  # Ofra: "ع" is a consonant Latin letters drop
            False,
        ),
    ],
)
def test_a_town_of_two_consonants_is_found_by_them_unless_its_name_has_a_silent_one(
    text: str, town: str, found_as: bool, resources: Resources
) -> None:
    assert (town in tags(resources, text, "ar")) is found_as


def test_a_town_spelled_in_latin_letters_is_one_of_the_storys_own_country(
    resources: Resources,
) -> None:
    text = "الرباط - ماب - مثل مسؤول سابق في بلدية ماطر أمام المحكمة في المغرب"
    found = tags(resources, text, "ar")
    assert "geonames:2469088" not in found
    assert "candidate:" + normalize_text("ماطر") in found


def test_qatari_after_an_office_of_an_international_body_is_its_country_level(
    resources: Resources,
) -> None:
    office = "بورتسودان - وقال المدير القطري للبرنامج في السودان لوران بوكيرا إن الأسعار ارتفعت"
    assert "Q846" not in tags(resources, office, "ar")
    coach = "الخرطوم - ووصل المدرب القطري إلى المدينة أمس"
    assert "Q846" in tags(resources, coach, "ar")


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("ar", "وقال متحدث باسم شركة النيل للبترول إن ناقلة ستفرغ حمولتها", "place:nile"),
        (
            "fr",
            "La Société de transport du Sahel a suspendu ses lignes à Sousse, selon le syndicat.",
            "place:sahel",
        ),
    ],
)
def test_a_river_or_part_of_the_world_inside_a_bodys_name_is_no_place_of_the_story(
    language: str, text: str, place: str, resources: Resources
) -> None:
    assert place not in tags(resources, text, language)


def test_a_country_is_named_by_each_spelling_of_its_arabic_adjective(
    resources: Resources,
) -> None:
    text = "وتورد شركة توبسو الدنماركية وحدات التحليل الكهربائي للمصنع"
    assert "Q35" in tags(resources, text, "ar")
    assert "Q40" in tags(resources, "وأعلنت شركة أو إم في النمساوية استئناف الإنتاج", "ar")


def test_a_word_after_a_preposition_before_a_listed_known_place_is_a_place(
    resources: Resources,
) -> None:
    text = "مسقط - العمانية - يمتد المسار الساحلي إلى محوت وهيماء وقال المسؤول إن"
    assert "candidate:" + normalize_text("محوت") in tags(resources, text, "ar")


def test_a_plural_before_a_place_whose_name_opens_with_and_is_a_construct(
    resources: Resources,
) -> None:
    text = "نواكشوط - وعرضت مخطوطات نادرة من مكتبات ولاتة العائلية في المهرجان"
    assert "candidate:" + normalize_text("مكتبات") not in tags(resources, text, "ar")


def test_a_place_after_its_word_ends_before_lam_and_a_verbal_noun(resources: Resources) -> None:
    text = "نواكشوط - وفتحت المكاتب أبوابها في بلدة بولنوار لاستقبال الناخبين"
    found = tags(resources, text, "ar")
    assert not any("لاستقبال" in tag for tag in found), found


def test_a_demonym_that_is_the_family_name_of_a_person_named_is_no_country(
    resources: Resources,
) -> None:
    text = (
        "حريق في مستشفى والسوداني يأمر بالتحقيق\n"
        "بغداد - أمر رئيس الوزراء محمد شياع السوداني بتشكيل لجنة تحقيق"
    )
    assert "Q1049" not in tags(resources, text, "ar")
    delegation = "القاهرة - ووصل الوفد السوداني إلى العاصمة المصرية أمس"
    assert "Q1049" in tags(resources, delegation, "ar")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("واعتمد الفريق على سلالات محلية جمعت من سهل حوران", None),
        ("وشهدت انتخابات بلدية جرت في الجنوب إقبالا", None),
        ("وتواصل القصف في محلية تلودي بجنوب كردفان", "تلودي"),
    ],
)
def test_a_place_word_that_is_an_adjective_too_describes_a_plural_before_it(
    text: str, place: str | None, resources: Resources
) -> None:
    found = places(resources, text, "ar")
    candidates = {i for i in found if i.startswith("candidate:")}
    if place is None:
        assert not candidates, found
    else:
        assert found, text


def test_a_place_word_after_a_number_counts_places_and_names_none(resources: Resources) -> None:
    text = "عمان - بترا - وقال إن مخيمات المحمية البالغ عددها نحو 300 مخيم باتت تشغل الشبان"
    found = tags(resources, text, "ar")
    assert "candidate:" + normalize_text("باتت") not in found, found


@pytest.mark.parametrize(
    ("text", "abroad"),
    [
        (
            "عدن - أوقفت الشرطة المتهمين في بلدة الحصن التابعة لمديرية خنفر بمحافظة أبين اليمنية",
            "geonames:250675",
        ),
        (
            "سيئون - غرق شاب في منطقة الغرفة غربي سيئون بمحافظة حضرموت اليمنية",
            "geonames:2522001",
        ),
    ],
)
def test_a_village_the_story_names_in_its_own_country_is_no_namesake_abroad(
    text: str, abroad: str, resources: Resources
) -> None:
    assert abroad not in places(resources, text, "ar", dateline=True)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("وقالت إن المنحة تفتح بابا لم يكن متاحا لعائلتي", "geonames:2353151"),
        ("ترأس البابا تواضروس الثاني بابا الإسكندرية القداس", "geonames:2353151"),
        ("قطفنا هذه الأرض في نابلس منذ أيام جدي واليوم نحتاج إذنا لندخلها", "geonames:283621"),
        ("ويقول صاحب محل عطارة في سوق البصل بنابلس إن الرائحة تملأ المكان", "geonames:284563"),
        ("وضمت قائمة الأوائل طلابا من محافظات الصعيد", "geonames:77862"),
    ],
)
def test_an_ordinary_word_a_town_also_bears_names_no_town(
    text: str, town: str, resources: Resources
) -> None:
    assert town not in places(resources, text, "ar")


def test_a_town_a_publishing_houses_name_spells_is_no_place_of_the_story(
    resources: Resources,
) -> None:
    text = (
        "الشارقة - وام - وتشارك في المعرض دور النشر العربية، بينها دار الشروق المصرية "
        "ودار الساقي اللبنانية، وقال ناشرون إن الإقبال كبير"
    )
    found = tags(resources, text, "ar")
    assert "geonames:7799998" not in found
    assert "Q79" in found


@pytest.mark.parametrize(
    ("language", "text", "region", "wrong"),
    [
        (
            "ar",
            "وتسعى الشركة إلى زيادة حصتها في أسواق جنوب شرق آسيا",
            "place:southeast-asia",
            "place:asia",
        ),
        ("ar", "وتوسعت المجموعة في أفريقيا وآسيا الوسطى", "place:central-asia", "place:asia"),
        (
            "fr",
            "Les exportations vers l'Asie du Sud-Est ont augmenté.",
            "place:southeast-asia",
            "place:south-asia",
        ),
        ("en", "Exports to Central Asia rose sharply.", "place:central-asia", "place:asia"),
    ],
)
def test_a_part_of_a_continent_is_that_region_not_the_continent(
    language: str, text: str, region: str, wrong: str, resources: Resources
) -> None:
    found = tags(resources, text, language)
    assert region in found
    assert wrong not in found


def test_a_district_only_towns_abroad_are_named_like_is_the_storys_own(
    resources: Resources,
) -> None:
    text = (
        "صلالة - العمانية - قررت وزارة التربية والتعليم تعليق الدراسة في مدارس ولاية "
        "مرباط في محافظة ظفار بسلطنة عمان"
    )
    found = tags(resources, text, "ar")
    assert "candidate:" + normalize_text("مرباط") in found
    assert "geonames:78112" not in found


def test_places_listed_after_a_plural_place_word_are_each_a_place(
    resources: Resources,
) -> None:
    text = (
        "صلالة - العمانية - علقت الوزارة الدراسة في مدارس ولايات مرباط وسدح وضلكوت، "
        "وارتفع الموج على سواحل ولايات الدقم والجازر في سلطنة عمان"
    )
    found = tags(resources, text, "ar")
    for town in ("مرباط", "سدح", "ضلكوت", "الدقم", "الجازر"):
        assert "candidate:" + normalize_text(town) in found
    assert "candidate:" + normalize_text("مرباط وسدح") not in found


def test_a_lone_definite_word_after_a_plural_place_word_is_a_place_only_in_a_list(
    resources: Resources,
) -> None:
    text = (
        "نواكشوط - انتقد نائب ضعف المخصصات الموجهة إلى المستشفيات في ولايات الضفة "
        "وطالب الحكومة بزيادتها في موريتانيا"
    )
    assert "candidate:" + normalize_text("الضفة") not in tags(resources, text, "ar")


def test_an_agreeing_participle_and_the_word_alone_end_a_place_nobody_knows(
    resources: Resources,
) -> None:
    text = (
        "بسكرة - واج - قدرت المصالح الفلاحية الإنتاج بمليوني قنطار في بسكرة وحدها، وقال "
        "فلاح يملك نخيلا بين طولقة وقرية فوغالة المجاورة إن حبة هذا العام أكبر في الجزائر"
    )
    found = tags(resources, text, "ar")
    assert "candidate:" + normalize_text("فوغالة") in found
    assert "candidate:" + normalize_text("فوغالة المجاورة") not in found
    assert "candidate:" + normalize_text("حدها") not in found


def test_congos_army_written_out_without_the_article_is_the_known_army(
    resources: Resources,
) -> None:
    text = (
        "GOMA, Congo (Reuters) - The Armed Forces of the Democratic Republic of Congo "
        "(FARDC) said on Monday its troops held Sake."
    )
    assert "org:fardc" in tags(resources, text, "en")


def test_neighbouring_villages_and_a_seat_listed_on_and_are_no_places(
    resources: Resources,
) -> None:
    text = (
        "مقديشو - (أ ف ب) - وفي بيدوا عاصمة إقليم باي ومقر ولاية جنوب الغرب قالت "
        "العاملات إنهن يأتين من قرى مجاورة، وأعلنت سلطات الإقليم بدء الحملة في الصومال"
    )
    found = tags(resources, text, "ar")
    for word in ("مقر", "لاية", "مجاورة"):
        assert "candidate:" + normalize_text(word) not in found
    assert "geonames:2537406" not in found


def test_an_amazigh_town_in_t_is_a_place_not_a_verb(resources: Resources) -> None:
    text = (
        "الحسيمة (و م ع) - حدد مركز الزلزال في عرض البحر قبالة بلدة تماسينت على عمق "
        "نحو عشرة كيلومترات، وتضررت منازل في المغرب"
    )
    assert "geonames:2530814" in tags(resources, text, "ar")


@pytest.mark.parametrize(
    ("language", "text", "order"),
    [
        (
            "ar",
            "وشاركت الطريقة الشاذلية والطريقة الرفاعية في مواكب المولد بطنطا",
            "org:shadhiliyya",
        ),
        (
            "fr",
            "TOUBA (APS) - La confrérie des mourides a accueilli les pèlerins.",
            "org:mouride-brotherhood",
        ),
    ],
)
def test_a_sufi_order_is_the_known_order(
    language: str, text: str, order: str, resources: Resources
) -> None:
    assert order in tags(resources, text, language)


def test_a_competitions_sponsor_is_no_body_of_the_story(resources: Resources) -> None:
    text = (
        "العين (وام) - فاز العين على الشارقة في دوري أدنوك للمحترفين ليقلص الفارق مع "
        "شباب الأهلي المتصدر إلى نقطتين"
    )
    found = tags(resources, text, "ar")
    assert "org:adnoc" not in found
    assert "org:shabab-al-ahli" in found
    league = "CAIRO (Reuters) - Egypt's foreign minister told the Arab League last week."
    assert "Q7172" in tags(resources, league, "en")


def test_a_camp_is_the_place_not_the_town_it_is_named_after(resources: Resources) -> None:
    text = (
        "نيالا - (رويترز) - وسجلت إصابات بالحصبة في مخيم الرياض قرب نيالا في السودان، "
        "وعاد لاجئون من مخيم بعرسال إلى بلداتهم"
    )
    found = tags(resources, text, "ar")
    assert "candidate:" + normalize_text("مخيم الرياض") in found
    assert "Q3692" not in found
    assert "candidate:" + normalize_text("مخيم بعرسال") not in found


@pytest.mark.parametrize(
    ("language", "text", "body"),
    [
        (
            "fr",
            "ABIDJAN (AFP) - L'ASEC compte deux longueurs d'avance sur l'Africa Sports, "
            "vainqueur samedi à Yamoussoukro.",
            "org:africa-sports",
        ),
        (
            "en",
            "NAIROBI (Reuters) - Equity Group said on Tuesday its profit rose 14%.",
            "org:equity-group",
        ),
    ],
)
def test_a_club_and_a_bank_by_their_short_names_are_the_known_bodies(
    language: str, text: str, body: str, resources: Resources
) -> None:
    assert body in tags(resources, text, language)


def test_a_countrys_full_name_stays_its_own_where_a_namesakes_town_is_named(
    resources: Resources,
) -> None:
    text = (
        "KAMPALA (Reuters) - Cases in 2019 were imported from neighbouring Democratic "
        "Republic of Congo, the WHO's regional office in Brazzaville said."
    )
    found = tags(resources, text, "en")
    assert "Q974" in found
    assert "Q971" not in found


def test_ain_shams_university_is_the_known_university(resources: Resources) -> None:
    text = "القاهرة (أ ش أ) - وقال أستاذ في جامعة عين شمس إن النتائج مطمئنة"
    assert "org:ain-shams-university" in tags(resources, text, "ar")


def test_a_hospital_named_for_a_queen_holds_her_name_and_surgery_is_no_town(
    resources: Resources,
) -> None:
    text = (
        "عمان (بترا) - ونقل الطفل إلى مستشفى الملكة رانيا العبدالله للأطفال، وقال إن "
        "الفريق الجراحي بات يعتمد تقنية المنظار في الأردن"
    )
    found = tags(resources, text, "ar")
    assert "candidate:" + normalize_text("مستشفى الملكة رانيا العبدالله للأطفال") in found
    assert "person:queen-rania" not in found
    assert "geonames:79284" not in found


def test_a_participle_after_a_place_word_used_as_an_adjective_is_no_place(
    resources: Resources,
) -> None:
    text = "وأرجع نجاح الغرس إلى اختيار بذور محلية متكيفة مع ملوحة المياه."
    assert not {p for p in places(resources, text, "ar") if p.startswith("candidate:")}


def test_a_feminine_verb_of_form_viii_listed_on_and_after_a_town_is_no_place(
    resources: Resources,
) -> None:
    text = "اندلعت اشتباكات في مدينة الزاوية وامتدت إلى صرمان المجاورة"
    assert "candidate:" + normalize_text("امتدت") not in tags(resources, text, "ar")


def test_an_english_airport_is_the_place_its_capitalised_name_before_it_makes(
    resources: Resources,
) -> None:
    text = "ACCRA (Reuters) - Flights resumed at Kotoka International Airport on Monday."
    assert "candidate:" + normalize_text("Kotoka International Airport") in places(
        resources, text, "en"
    )


@pytest.mark.parametrize(
    ("language", "text", "place"),
    [
        ("en", "He flew in from Bole airport on Monday.", "place:bole-airport"),
        ("ar", "وهبطت الطائرة في مطار حمد بعد رحلة قصيرة", "place:hamad-international-airport"),
        (
            "fr",
            "Les migrants sont partis de l'aéroport de Tunis-Carthage.",
            "place:tunis-carthage-airport",
        ),
    ],
)
def test_a_known_international_airport_is_named_without_international(
    language: str, text: str, place: str, resources: Resources
) -> None:
    assert place in places(resources, text, language)
