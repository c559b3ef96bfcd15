from __future__ import annotations

import pytest

from tests.unit.gazetteer_support import tags
from workers.enrich.resources import Resources
from workers.gazetteer.inflection import arabic_spellings, english_spellings
from workers.text.normalize import normalize_text

RAQQA = "place:raqqa"
SYRIA = "Q858"
LEBANON = "Q822"
ISLAMIC_STATE = "Q2429253"


@pytest.mark.parametrize(
    "text",
    ["سيطرت القوات على الرقة", "والرقة مدينة", "بالرقة امس", "للرقة", "وللرقة", "فالرقة", "كالرقة"],
)
def test_arabic_proclitics_all_tag_raqqa(text: str, resources: Resources) -> None:
    assert RAQQA in tags(resources, text)


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("وصلت المساعدات بغزة", "place:gaza-strip"),
        ("قدم قرضا لمصر", "Q79"),
        ("وبمصر ارتفع التضخم", "Q79"),
        ("اشتباكات بحمص", "place:homs"),
        ("دعم ايراني لحزب الله", "Q41053"),
    ],
)
def test_three_letter_names_take_the_prepositions(
    text: str, entity: str, resources: Resources
) -> None:
    assert entity in tags(resources, text)


@pytest.mark.parametrize("text", ["Le Caire a démenti", "réunion au Caire mardi", "parti du Caire"])
def test_french_names_with_le_contract_after_a_and_de(text: str, resources: Resources) -> None:
    assert "Q85" in tags(resources, text)


@pytest.mark.parametrize("text", ["قال بها", "لنا ولكم", "بين الطرفين", "لدى الوزارة", "بكل وضوح"])
def test_prepositions_on_short_words_name_no_place(text: str, resources: Resources) -> None:
    assert [t.id for t in tags(resources, text).values() if t.type == "place"] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقاتلين سوريين", SYRIA),
        ("الحكومة السورية", SYRIA),
        ("الجيش السوري الحر يقاتل", "org:free-syrian-army"),
        ("حزب الله اللبناني", LEBANON),
        ("وزير لبناني", LEBANON),
        ("والسوريون", SYRIA),
    ],
)
def test_nisba_adjectives_tag_the_country(text: str, expected: str, resources: Resources) -> None:
    assert expected in tags(resources, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقالت الشركة الكورية الجنوبية إن القمر جاهز", "Q884"),
        ("وأطلق الجيش الكوري الشمالي صاروخا", "Q423"),
        ("وقال المدرب الجنوب أفريقي فادلو ديفيز إن", "Q258"),
        ("وفر آلاف الجنوب سودانيين من القتال", "Q958"),
    ],
)
def test_an_adjective_of_two_words_names_its_country(
    text: str, expected: str, resources: Resources
) -> None:
    assert expected in tags(resources, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وسجل المهاجم السنغالي هدفا", "Q1041"),
        ("وقال الرئيس الكيني إن", "Q114"),
        ("والنيجيريون يحتفلون", "Q1033"),
        ("اللاعبة السنغالية", "Q1041"),
    ],
)
def test_a_country_without_a_curated_adjective_is_named_by_its_regular_nisba(
    text: str, expected: str, resources: Resources
) -> None:
    assert expected in tags(resources, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Ghanaian midfielder scored", "Q117"),
        ("Kenyan runners won", "Q114"),
        ("two Tanzanian miners", "Q924"),
        ("un attaquant ghanéen", "Q117"),
        ("les autorités kényanes", "Q114"),
        ("des pêcheurs sénégalais", "Q1041"),
        ("Senegalese fishermen", "Q1041"),
    ],
)
def test_countries_are_named_by_their_english_and_french_demonyms(
    text: str, expected: str, resources: Resources
) -> None:
    assert expected in tags(resources, text)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("a annoncé Boureima Hama Sambo, représentant", "place:hama"),
        ("said Abdi Mogadishu Warsame, a trader", "geonames:53654"),
        ("NFF president Ibrahim Gusau thanked the hosts", "geonames:2339937"),
    ],
)
def test_a_known_place_inside_a_latin_persons_name_is_no_place(
    text: str, place: str, resources: Resources
) -> None:
    assert place not in tags(resources, text)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("بهدف للمهاجم ساديو ماني", "Q183"),  # "ألماني" keeps its alef: "ماني" is no German
        ("وقال المدرب جورجي جيسوس", "Q230"),  # a bare derived nisba may be a given name
    ],
)
def test_a_name_that_looks_like_a_nisba_without_its_article_is_no_country(
    text: str, wrong: str, resources: Resources
) -> None:
    assert wrong not in tags(resources, text)


def test_nisba_tags_carry_lower_confidence_than_names(resources: Resources) -> None:
    assert (
        tags(resources, "مقاتلين سوريين")[SYRIA].confidence
        < tags(resources, "في سوريا")[SYRIA].confidence
    )


@pytest.mark.parametrize(
    "text",
    [
        "تنظيم الدولة يتراجع",
        "مقاتلو داعش",
        "الدولة الإسلامية",
        "Islamic State fighters",
        "ISIS fighters",
        "le groupe Etat islamique (EI)",
        "les jihadistes de Daech",
    ],
)
def test_islamic_state_names_are_one_organisation(text: str, resources: Resources) -> None:
    found = tags(resources, text)
    assert ISLAMIC_STATE in found
    assert found[ISLAMIC_STATE].type == "organisation"


def test_all_islamic_state_mentions_count_as_one_entity(resources: Resources) -> None:
    found = tags(resources, 'تنظيم الدولة "داعش" وعناصر داعش والدولة الاسلامية')
    assert found[ISLAMIC_STATE].count == 4
    assert [t for t in found if t != ISLAMIC_STATE] == []


def test_english_possessive_and_french_elision(resources: Resources) -> None:
    assert SYRIA in tags(resources, "Syria's president spoke")
    assert "Q796" in tags(resources, "les forces d'Irak")
    assert "Q794" in tags(resources, "l'Iran a répondu")


@pytest.mark.parametrize(
    ("text", "entity", "tagged"),
    [
        ("US forces withdrew", "Q30", True),
        ("he told us that", "Q30", False),
        ("the UN said", "Q1065", True),
        ("un accord a été signé", "Q1065", False),
        ("Turkey said", "Q43", True),
        ("a roast turkey", "Q43", False),
        # a longer one-word name that is also a word
        ("the floods hit riverside villages", "geonames:5387877", False),
        ("the mayor of Riverside said", "geonames:5387877", True),
    ],
)
def test_latin_case_rules(text: str, entity: str, tagged: bool, resources: Resources) -> None:
    assert (entity in tags(resources, text)) is tagged


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        ("الرقةالجديدة", RAQQA),
        ("Parisian cafes", "Q90"),
        ("Syrians' hopes and Syriac liturgy", "org:sohr"),
        ("سورياتي", SYRIA),
    ],
)
def test_no_match_inside_a_longer_word(text: str, entity: str, resources: Resources) -> None:
    assert entity not in tags(resources, text)


@pytest.mark.parametrize("word", ["مدينة", "بيان", "حصار", "الخميس", "بحري"])
def test_common_words_are_not_places(word: str, resources: Resources) -> None:
    found = tags(resources, f"قال في {word} صدر اليوم")
    assert [t.id for t in found.values() if t.type == "place"] == []


def test_ignored_phrase_hides_the_name_inside(resources: Resources) -> None:
    assert "Q90" not in tags(resources, "The Paris Agreement was signed")
    assert "Q90" in tags(resources, "The summit in Paris")


def test_force_majeure_is_no_mention_of_cairo(resources: Resources) -> None:
    found = tags(resources, "وأعلنت المؤسسة حالة القوة القاهرة على الحقول النفطية", "ar")
    assert [t.id for t in found.values() if t.type == "place"] == []


def test_a_companys_general_assembly_is_no_un_general_assembly(resources: Resources) -> None:
    text = "ودعا مجلس إدارة البنك الجمعية العامة إلى الانعقاد في أبريل لإقرار الأرباح"
    assert "org:un-general-assembly" not in tags(resources, text, "ar")
    text = "وصوتت الجمعية العامة للأمم المتحدة على القرار"
    assert "org:un-general-assembly" in tags(resources, text, "ar")


def test_a_strike_that_paralyses_is_no_mention_of_shell(resources: Resources) -> None:
    assert "org:shell" not in tags(resources, "شل إضراب وطني المدارس العمومية الثلاثاء", "ar")
    assert "org:shell" in tags(resources, "وأعلنت شركة شل انسحابها من الحقل", "ar")


def test_a_curated_names_variant_that_spells_an_ordinary_word_is_no_mention(
    resources: Resources,
) -> None:
    found = tags(resources, "وقدم الوزير ورقة عمل حول الأوضاع في الرقة", "ar")
    assert found["place:raqqa"].surface_forms == ["الرقة"]
    assert not [t for t in found.values() if t.type == "person"]


def test_longest_match_wins(resources: Resources) -> None:
    found = tags(resources, "وذكر المرصد السوري لحقوق الانسان")
    assert "org:sohr" in found
    assert SYRIA not in found


def test_surface_forms_are_as_written_and_offsets_point_at_them(resources: Resources) -> None:
    text = "أعلن التحالف الدولي، وقالت مصادر في الرقّة والرقة."
    found = tags(resources, text)
    raqqa = found[RAQQA]
    assert raqqa.surface_forms == ["الرقّة", "والرقة"]
    assert raqqa.count == 2
    assert text[raqqa.first_offset :].startswith("الرقّة")
    coalition = found["org:international-coalition"]
    assert coalition.surface_forms == ["التحالف الدولي"]
    assert text[coalition.first_offset :].startswith("التحالف الدولي")


def test_tags_come_with_names_in_three_languages(resources: Resources) -> None:
    found = tags(resources, "Fighting in Raqqa and Damascus")
    for entity in (RAQQA, "Q3766"):
        assert set(found[entity].names) == {"ar", "en", "fr"}
    assert found["Q3766"].names["fr"] == "Damas"


def test_packaged_cities_have_arabic_and_french_names(resources: Resources) -> None:
    found = tags(resources, "زار الوفد نواكشوط ثم Dakar")
    dakar = next(t for t in found.values() if t.names.get("en") == "Dakar")
    assert dakar.names.get("ar") and dakar.names.get("fr")
    assert any(t.names.get("en") == "Nouakchott" for t in found.values())


@pytest.mark.parametrize(
    ("language", "text", "entity"),
    [
        ("en", "Rio Tinto and Alcoa agreed to sell the stake.", "org:rio-tinto"),
        ("fr", "Les actionnaires de Bank Audi ont été convoqués.", "org:bank-audi"),
        ("ar", "وأعلنت شركة ريو تينتو عن خطة جديدة", "org:rio-tinto"),
        ("fr", "La JS Kabylie a battu le MC Alger 2-0.", "org:js-kabylie"),
        ("ar", "وتغلب شباب بلوزداد على ضيفه", "org:cr-belouizdad"),
        ("fr", "L'Union générale tunisienne du travail a appelé à la grève.", "org:ugtt"),
        ("ar", "ودعت حركة مجتمع السلم إلى الحوار", "org:msp-algeria"),
        ("en", "Kenyan President William Ruto said on Monday", "person:william-ruto"),
        ("ar", "وقال الرئيس الكيني وليام روتو إن", "person:william-ruto"),
        ("fr", "Une attaque revendiquée par le JNIM a visé Djibo.", "org:jnim"),
        ("ar", "واستأنف حقل الشرارة إنتاجه أمس", "place:sharara-oilfield"),
        ("en", "Fighting spread across Kordofan on Monday.", "place:kordofan"),
        ("ar", "وقالت الناطقة باسم يونيفيل كانديس أرديل إن القوة تتابع", "org:unifil"),
        ("en", "A delegation from Al-Azhar also attended.", "org:al-azhar"),
        ("ar", "واستقبل شيخ الأزهر الشريف الوفد", "org:al-azhar"),
        (
            "en",
            "The Coptic Orthodox Church follows the Julian calendar.",
            "org:coptic-orthodox-church",
        ),
        ("fr", "L'Église copte orthodoxe célèbre Noël le 7 janvier.", "org:coptic-orthodox-church"),
    ],
)
def test_companies_clubs_parties_leaders_and_places_of_the_field_are_known(
    language: str, text: str, entity: str, resources: Resources
) -> None:
    assert entity in tags(resources, text, language)


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("وطالب الشباب السعودي بفرص عمل", "org:al-shabab-riyadh"),
        ("وقالت الحكومة إن البيت الأبيض رحب", "org:elbit-systems"),
        ("وتوقفت الحافلات في الضاحية الجنوبية للعاصمة تونس", "place:dahiyeh"),
    ],
)
def test_a_known_name_is_never_an_ordinary_phrase(
    text: str, wrong: str, resources: Resources
) -> None:
    assert wrong not in tags(resources, text)


@pytest.mark.parametrize(
    ("name", "spelled"),
    [
        ("World Food Programme", ["World Food Program"]),
        ("United Nations Development Program", ["United Nations Development Programme"]),
        ("Centre for Strategic Studies", ["Center for Strategic Studies"]),
        ("defence ministry", ["defense ministry"]),
        ("Sudanese army", []),
    ],
)
def test_an_english_name_is_also_spelled_the_other_side_of_the_atlantic(
    name: str, spelled: list[str]
) -> None:
    assert english_spellings(name) == spelled


def test_a_body_is_known_by_its_american_spelling_too(resources: Resources) -> None:
    assert "org:wfp" in tags(resources, "The World Food Program warned of famine.", "en")


def test_the_country_a_body_is_led_by_stays_the_countrys(resources: Resources) -> None:
    tagged = tags(resources, "وقال التحالف بقيادة السعودية إن الضربات توقفت", "ar")
    assert "Q851" in tagged
    assert "org:saudi-led-coalition" not in tagged


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("بحسب وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين (أونروا)", "org:unrwa"),
        ("على قائمة التراث العالمي لمنظمة الأمم المتحدة للتربية والعلم والثقافة", "Q7809"),
    ],
)
def test_a_un_agency_named_in_full_is_the_agency_and_not_the_un(
    text: str, agency: str, resources: Resources
) -> None:
    found = tags(resources, text, "ar")
    assert agency in found and "Q1065" not in found, list(found)


@pytest.mark.parametrize(
    ("text", "agency", "namesake"),
    [
        (
            "ZIGUINCHOR, 9 fév (APS) - Le Casa Sports a battu le Jaraaf au Sénégal, selon l'APS.",
            "org:aps-senegal",
            "org:aps",
        ),
        (
            "ORAN, 9 fév (APS) - Le MC Oran a battu le CR Belouizdad en Algérie, selon l'APS.",
            "org:aps",
            "org:aps-senegal",
        ),
    ],
)
def test_a_national_body_is_its_namesake_of_the_storys_country(
    text: str, agency: str, namesake: str, resources: Resources
) -> None:
    found = tags(resources, text, "fr", dateline=True)
    assert agency in found and namesake not in found, list(found)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "باتنة - أجلت الحماية المدنية 63 شخصا علقوا في الثلوج بولاية باتنة في الجزائر",
            "org:algerian-civil-protection",
        ),
        (
            "صفاقس - تدخلت الحماية المدنية لإخماد حريق في معمل بصفاقس التونسية",
            "org:tunisian-civil-protection",
        ),
        (
            "نواكشوط - أغلقت الشركة مواقع التنقيب بالتنسيق مع الدرك الوطني في موريتانيا",
            "org:mauritanian-gendarmerie",
        ),
        (
            "الزقازيق - دفعت الحماية المدنية بعشر سيارات إطفاء إلى المصنع في محافظة الشرقية بمصر",
            "candidate:" + normalize_text("الحماية المدنية"),
        ),
    ],
)
def test_the_civil_protection_or_the_gendarmerie_named_bare_is_the_storys_countrys(
    text: str, body: str, resources: Resources
) -> None:
    found = tags(resources, "\n" + text, "ar", dateline=True)
    assert body in found, list(found)
    assert len([i for i in found if "civil-protection" in i or "gendarmerie" in i]) <= 1


def test_jordans_housing_bank_in_a_story_about_bahrain_is_bahrains_own(
    resources: Resources,
) -> None:
    text = (
        "\nالمنامة - قال النواب في البحرين إن برنامج التمويل الذي يديره بنك الإسكان "
        "استفاد منه الآلاف"
    )
    found = tags(resources, text, "ar", dateline=True)
    assert "org:housing-bank" not in found
    assert "candidate:" + normalize_text("بنك الإسكان") in found


def test_a_saudi_clubs_name_in_a_story_of_another_country_is_that_countrys_club(
    resources: Resources,
) -> None:
    text = "OMDURMAN, Sudan (AP) - Al Hilal beat Al Merrikh 2-0 in Omdurman on Sunday."
    assert "org:al-hilal" not in tags(resources, text, "en", dateline=True)


def test_a_club_written_with_its_countrys_adjective_is_that_countrys_in_any_story(
    resources: Resources,
) -> None:
    text = "الرباط - ومع - وحافظ الركراكي على الحارس ياسين بونو (الهلال السعودي) في لائحة المغرب"
    assert "org:al-hilal" in tags(resources, text, "ar", dateline=True)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("War broke out between Sudan's army and the RSF in April 2023.", "org:sudanese-army"),
        ("Mali's army said on Monday it had retaken the town.", "org:malian-army"),
        (
            "Jawhar Ben Mbarek, a co-founder of the National Salvation Front, said",
            "org:national-salvation-front-tunisia",
        ),
    ],
)
def test_a_countrys_forces_are_named_by_its_possessive_as_by_its_adjective(
    text: str, body: str, resources: Resources
) -> None:
    assert body in tags(resources, text, "en")


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وهنأ الملك عبدالله الثاني الطلبة المتفوقين", "person:king-abdullah-ii"),
        ("وحضر الأمير الحسين بن عبدالله الحفل", "person:hussein-bin-abdullah"),
    ],
)
def test_abd_and_the_word_it_binds_match_written_joined_or_apart(
    text: str, person: str, resources: Resources
) -> None:
    assert person in tags(resources, text, "ar")


@pytest.mark.parametrize(
    ("name", "other"),
    [
        ("عبد الله الثاني", ["عبدالله الثاني"]),
        ("محمد عبدالرحمن", ["محمد عبد الرحمن"]),
        ("عبد ربه منصور", []),
        ("عبدي", []),
    ],
)
def test_the_other_spelling_of_abd_and_its_word(name: str, other: list[str]) -> None:
    assert arabic_spellings(name) == other


def test_americas_two_spellings_name_a_body_alike(resources: Resources) -> None:
    assert arabic_spellings("وكاله الفضاء الاميركيه") == ["وكاله الفضاء الامريكيه"]
    text = "وقالت وكالة الفضاء الأمريكية إن المسبار وصل"
    assert "org:nasa" in tags(resources, text, "ar")


def test_a_rivers_west_bank_is_no_west_bank(resources: Resources) -> None:
    text = "وتضم المدينة القديمة على الضفة الغربية لنهر دجلة آلاف المنازل التراثية"
    assert "place:west-bank" not in tags(resources, text, "ar")
    assert "place:west-bank" not in tags(resources, "Luxor lies on the west bank of the Nile", "en")
    assert "place:west-bank" in tags(resources, "وداهم الجيش مخيم جنين في الضفة الغربية", "ar")


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("وقال النائب إن الطبقة الوسطى تدفع ثمن الأزمة في بيروت", False),
        ("وقال المسؤول إن الأمطار تدمر المحاصيل في مأرب كل عام", False),
        ("وعاد مئات النازحين إلى الطبقة والرقة في شمال سوريا", True),
    ],
)
def test_a_place_named_by_an_everyday_word_needs_its_country_or_a_place_word(
    text: str, present: bool, resources: Resources
) -> None:
    found = tags(resources, text, "ar")
    assert ("place:tabqa" in found or "place:palmyra" in found) is present, found


def test_a_feminine_elative_is_no_countrys_adjective(resources: Resources) -> None:
    text = "وسدد اللاعب بالقدم اليمنى في الشباك وأحرز الهدف الثاني"
    assert "Q805" not in tags(resources, text, "ar")
    assert "Q805" in tags(resources, "وقال المسؤول اليمني إن الهدنة صامدة", "ar")


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("وارتفعت أسعار الذهب الأبيض في السودان هذا العام", False),
        ("وتراجعت صادرات الذهب الأبيض من السودان", False),
        ("وصلت القافلة إلى الأبيض عاصمة شمال كردفان في السودان", True),
        ("وقال سكان مدينة الأبيض في السودان إن القصف توقف", True),
    ],
)
def test_a_colour_after_a_definite_noun_is_its_adjective_no_town(
    text: str, town: bool, resources: Resources
) -> None:
    assert ("geonames:379003" in tags(resources, text, "ar")) is town


@pytest.mark.parametrize(
    ("language", "text", "country"),
    [
        ("ar", "وأرسلت المنظمة لقاحات الحصبة والحصبة الألمانية إلى المحافظتين", "Q183"),
        ("ar", "وقال الوزير إن بلاده ملتزمة باتفاق باريس للمناخ", "Q90"),
        ("en", "The campaign covers measles and German measles in both provinces", "Q183"),
    ],
)
def test_a_phrase_that_holds_a_place_names_no_place_with_a_proclitic_too(
    language: str, text: str, country: str, resources: Resources
) -> None:
    assert country not in tags(resources, text, language)


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("وعاد الترجي بتعادل ثمين في دوري أبطال أفريقيا أمام البوركينابي", "geonames:2361082"),
        ("تحولت المدينة المطلة على البحر الأحمر إلى مقر للحكومة", "geonames:294247"),
        (
            "وقال أحمد بن علي الكندي، وهو صاحب محل تجاري، إن المياه غمرت الشارع لأول مرة",
            "geonames:6050610",
        ),
        ("وقال المصدر إن الصمغ يُعرض في بورصة السلع التركية بأسعار مرتفعة", "geonames:750269"),
    ],
)
def test_ordinary_words_that_spell_a_town_name_no_town(
    text: str, town: str, resources: Resources
) -> None:
    assert town not in tags(resources, text, "ar")


@pytest.mark.parametrize("name", ["Abdel Fattah el-Sisi", "Abdel Fattah al-Sisi"])
def test_a_known_persons_arabic_article_is_read_written_either_way(
    name: str, resources: Resources
) -> None:
    found = tags(resources, f"CAIRO (Reuters) - President {name} said on Monday.", "en")
    people = {t for t in found if found[t].type == "person"}
    assert people == {"person:abdel-fattah-al-sisi"}


def test_a_somali_given_name_is_no_city_and_the_city_stays_one(resources: Resources) -> None:
    assert "place:aden" not in tags(resources, "Health Cabinet Secretary Aden Duale said", "en")
    assert "place:aden" in tags(resources, "Houthi drones struck ships off Aden on Monday", "en")


@pytest.mark.parametrize(
    ("text", "capital", "country"),
    [
        ("الجزائر - واج - أعلنت السلطة المستقلة النتائج", "place:algiers", "Q262"),
        ("تونس (وات) - أعلنت وزارة الصحة التونسية", "place:tunis", "Q948"),
        ("الكويت - كونا - أعلنت وزارة الصحة الكويتية", "geonames:285787", "Q817"),
    ],
)
def test_a_dateline_naming_its_country_names_the_capital_too(
    text: str, capital: str, country: str, resources: Resources
) -> None:
    found = tags(resources, "\n" + text, "ar", dateline=True)
    assert capital in found, list(found)
    assert country in found, list(found)


def test_a_dateline_naming_a_city_the_gazetteer_holds_names_no_other_town(
    resources: Resources,
) -> None:
    found = tags(resources, "\nبيروت - أعلنت وزارة الصحة العامة", "ar", dateline=True)
    assert [i for i in found if i.startswith(("place:", "geonames:", "Q"))] == ["Q3820"]


@pytest.mark.parametrize(
    ("text", "mali"),
    [
        ("وخطف البديل المالي سيدو كوناتي هدف الفوز", True),
        ("وقال المدير المالي أحمد سالم إن الأرباح ارتفعت", False),
        ("وقال وزير المالية آوات شيخ جناب إن الرواتب صرفت", False),
        ("وارتفع العجز المالي إلى ثلاثة مليارات", False),
    ],
)
def test_malis_adjective_before_a_persons_name_is_the_country_unless_an_office_takes_it(
    text: str, mali: bool, resources: Resources
) -> None:
    assert ("Q912" in tags(resources, text, "ar")) is mali


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "عمان - أغلقت المديرية العامة للدفاع المدني الطرق المؤدية إلى عجلون في الأردن",
            "org:jordan-civil-defence",
        ),
        (
            "جدة - رفعت المديرية العامة للدفاع المدني جاهزيتها في السعودية",
            "org:saudi-civil-defence",
        ),
    ],
)
def test_the_general_directorate_of_civil_defence_is_the_storys_countrys(
    text: str, body: str, resources: Resources
) -> None:
    found = tags(resources, "\n" + text, "ar", dateline=True)
    assert body in found, list(found)
    assert len([i for i in found if "civil-defence" in i]) == 1
