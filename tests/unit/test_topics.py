from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from newswire_text import analyze

from tests.unit.gazetteer_support import article
from workers.enrich.resources import Resources
from workers.enrich.steps import TOPICS, run_steps
from workers.enrich.steps.topics import (
    MEDIA_TOPICS,
    NEUTRAL,
    TopicLexicon,
    build_lexicon,
    packaged_bodies,
    packaged_lexicons,
    score_topics,
)
from workers.models import EntityTag, Subject

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_cc6b534295ab8a14.txt"
CONFLICT = "medtop:16000000"


def codes(lexicon: TopicLexicon, text: str) -> list[str]:
    return [s.code for s in score_topics(lexicon, analyze(text))]


def test_the_seventeen_top_level_media_topics() -> None:
    assert len(MEDIA_TOPICS) == 17
    assert MEDIA_TOPICS["medtop:01000000"] == "arts, culture, entertainment and media"
    assert MEDIA_TOPICS["medtop:03000000"] == "disaster, accident and emergency incident"
    assert MEDIA_TOPICS["medtop:04000000"] == "economy, business and finance"
    assert MEDIA_TOPICS[CONFLICT] == "conflict, war and peace"
    assert MEDIA_TOPICS["medtop:17000000"] == "weather"
    assert sorted(MEDIA_TOPICS) == [f"medtop:{n:02d}000000" for n in range(1, 18)]


def test_every_topic_has_keywords_in_every_language() -> None:
    for lang, document in packaged_lexicons().items():
        codes = sorted(f"medtop:{n}" for n in document if n != NEUTRAL)
        assert codes == sorted(MEDIA_TOPICS), lang
        for number, table in document.items():
            if number != NEUTRAL:
                assert table["strong"] and table["keywords"], (lang, number)


def test_words_inside_neutral_names_are_no_evidence(resources: Resources) -> None:
    assert codes(resources.lexicon, "حزب العمال الكردستاني حزب العمال الكردستاني حزب العمال") == []
    assert codes(resources.lexicon, "workers workers strike unions wages") == ["medtop:09000000"]


def test_a_crops_disease_is_no_evidence_of_health(resources: Resources) -> None:
    text = "farmers blame swollen shoot virus disease for a smaller cocoa crop and harvest"
    assert codes(resources.lexicon, text)[0] == "medtop:04000000"
    assert "medtop:07000000" not in codes(resources.lexicon, text)


def test_seed_story_is_about_conflict(resources: Resources) -> None:
    tagged = run_steps(
        [TOPICS], article(SEED.read_text(encoding="utf-8"), headline="الرقة"), resources
    )
    assert tagged.subject[0].code == CONFLICT
    assert tagged.subject[0].name == "conflict, war and peace"
    assert tagged.subject[0].scheme == "medtop"
    assert 0.5 < tagged.subject[0].score < 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Real Madrid won the Champions League final, the coach praised the players "
            "after the match and the fans celebrated the title at the stadium.",
            "medtop:15000000",
        ),
        (
            "Le séisme de magnitude 6,8 a fait plus de 2.000 morts; les secouristes cherchent "
            "des survivants dans les décombres après l'effondrement de villages.",
            "medtop:03000000",
        ),
        (
            "ارتفعت اسعار النفط وتراجع التضخم وقال البنك المركزي ان الاقتصاد سيسجل نموا "
            "وان الاستثمارات الاجنبية والصادرات ارتفعت",
            "medtop:04000000",
        ),
        (
            "Météo-France a placé 16 départements en vigilance rouge canicule, les "
            "températures pouvant atteindre 41 degrés, avec des orages en soirée.",
            "medtop:17000000",
        ),
        (
            "Le chantier de la ligne à grande vitesse vers Marrakech avance: les travaux "
            "ferroviaires des gares de Kénitra et Settat seront livrés par le maître d'ouvrage.",
            "medtop:04000000",
        ),
        (
            "الجفاف يدفع مربي الجاموس إلى النزوح من أهوار الجبايش، وقال محافظ ذي قار "
            "إن جفاف الأهوار قضى على المراعي",
            "medtop:06000000",
        ),
    ],
)
def test_main_topic_per_language(text: str, expected: str, resources: Resources) -> None:
    assert codes(resources.lexicon, text)[0] == expected


def test_multi_label_with_scores_in_order(resources: Resources) -> None:
    text = (
        "The election campaign was overshadowed by the war: the president and the "
        "opposition parties argued in parliament over the ceasefire, the offensive, "
        "the troops and airstrikes, while voters went to the polls and the minister "
        "of defence resigned over the military campaign."
    )
    subjects = score_topics(resources.lexicon, analyze(text))
    assert {s.code for s in subjects} >= {CONFLICT, "medtop:11000000"}
    scores = [s.score for s in subjects]
    assert scores == sorted(scores, reverse=True)
    assert all(0.0 < s <= 1.0 for s in scores)


def test_longest_keyword_wins(resources: Resources) -> None:
    assert codes(resources.lexicon, "air strikes air strikes air strikes") == [CONFLICT]


def test_an_arabic_keyword_counts_with_the_article_too() -> None:
    lexicon = build_lexicon({"ar": {"03000000": {"strong": ["زلزال"]}}})
    assert codes(lexicon, "بعد عامين على الزلزال وبالزلزال") == ["medtop:03000000"]


@pytest.mark.parametrize(
    "text",
    ["احتج المزارعون", "وقال مزارعان", "اجتمع بالمزارعين", "أصناف المزارعات"],
)
def test_an_arabic_keyword_counts_in_its_sound_plurals_and_duals(text: str) -> None:
    lexicon = build_lexicon({"ar": {"06000000": {"strong": ["مزارع"]}}})
    assert codes(lexicon, f"{text} {text}") == ["medtop:06000000"]


def test_a_feminine_arabic_keyword_counts_in_its_plural_and_dual() -> None:
    lexicon = build_lexicon({"ar": {"11000000": {"strong": ["حكومة"]}}})
    for text in ("تشكيل الحكومات والحكومات", "بين حكومتين وحكومتين"):
        assert codes(lexicon, text) == ["medtop:11000000"]


def test_a_short_keyword_with_the_article_takes_no_plural_ending() -> None:
    lexicon = build_lexicon({"ar": {"09000000": {"strong": ["العمل"]}}})
    assert codes(lexicon, "تراجع العملات والعملات الأجنبية") == []


def test_the_preposition_spelled_as_an_imam_is_no_evidence_of_religion(
    resources: Resources,
) -> None:
    text = "وقف المتهمون أمام المحكمة وأمام القاضي ومثلوا أمام النيابة"
    assert "medtop:12000000" not in codes(resources.lexicon, text)


def test_the_lead_paragraph_weighs_more_than_the_background_after_it(
    resources: Resources,
) -> None:
    lead = "Troops and rebels clashed in the north, the army said."
    background = "Exports of cocoa and coffee fell. Prices on the market rose.\n\nBanks cut rates."
    tagged = run_steps([TOPICS], article(f"{lead}\n\n{background}", "Northern town"), resources)
    assert tagged.subject[0].code == CONFLICT


def test_a_body_of_one_paragraph_is_not_counted_twice_as_its_lead(
    resources: Resources,
) -> None:
    body = "Troops clashed in the north. Exports of cocoa and coffee fell, prices rose."
    tagged = run_steps([TOPICS], article(body, "Northern town"), resources)
    text = analyze(f"Northern town\n{body}")
    expected = score_topics(resources.lexicon, text, headline=analyze("Northern town"))
    assert tagged.subject == expected


def test_no_topic_without_evidence(resources: Resources) -> None:
    assert codes(resources.lexicon, "Bonjour à tous") == []


def test_source_subjects_are_kept_and_enrichment_ones_replaced(resources: Resources) -> None:
    source = article("war fighting troops clashes airstrikes offensive").model_copy(
        update={
            "subject": [
                Subject(code="GOV", scheme="agency", origin="source"),
                Subject(code="medtop:08000000", origin="enrichment"),
            ]
        }
    )
    subjects = run_steps([TOPICS], source, resources).subject
    assert subjects[0].code == "GOV"
    assert [s.code for s in subjects[1:]] == [CONFLICT]


def organisation(tag_id: str, **names: str) -> EntityTag:
    return EntityTag(id=tag_id, type="organisation", names=names)


def topic_of(lexicon: TopicLexicon, index: int) -> str:
    return lexicon.codes[index]


def primary_topic(resources: Resources, headline: str, body: str) -> str:
    """The first topic of an article of this headline and body, the headline read
    alone as the tagging step reads it."""
    text = analyze(f"{headline}\n{body}")
    return score_topics(resources.lexicon, text, headline=analyze(headline))[0].code


def test_a_keyword_in_the_headline_weighs_more_than_the_same_keyword_in_the_body(
    resources: Resources,
) -> None:
    body = "The strike went on. The election went on."
    lexicon = resources.lexicon
    for headline, expected in (("Strike", "medtop:09000000"), ("Election", "medtop:11000000")):
        text = analyze(f"{headline}\n{body}")
        subjects = score_topics(lexicon, text, headline=analyze(headline))
        assert subjects[0].code == expected


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        (
            "Kenyan doctors strike over pay arrears",
            "Patients were turned away from county hospitals, the health ministry said.",
        ),
        (
            "إضراب شامل في مدارس الضفة الغربية",
            "تعطلت الدراسة في معظم المدارس الحكومية وقال معلمون إن الرواتب لم تصرف.",
        ),
        (
            "Grève des enseignants dans les écoles de Tunis",
            "Les cours ont été suspendus dans les écoles et les lycées publics.",
        ),
    ],
)
def test_a_strike_the_headline_names_is_labours_whatever_trade_strikes(
    headline: str, body: str, resources: Resources
) -> None:
    assert primary_topic(resources, headline, body) == "medtop:09000000"


@pytest.mark.parametrize(
    ("headline", "body", "topic"),
    [
        # a disaster outweighs the displaced it leaves
        (
            "غرق قارب مهاجرين قبالة زوارة ومخاوف من فقدان العشرات",
            "قالت المنظمة الدولية للهجرة إن المهاجرين واللاجئين والنازحين في المخيمات "
            "يحتاجون إلى مساعدات إنسانية عاجلة.",
            "medtop:03000000",
        ),
        # a derailment outweighs the inquiry the prosecutor opens
        (
            "Cameroun : au moins 14 morts dans le déraillement d'un train près d'Eséka",
            "Le procureur a ouvert une enquête et la gendarmerie a entendu le conducteur, "
            "placé en garde à vue.",
            "medtop:03000000",
        ),
        # a beauty contest is leisure though its entrants compete
        (
            "Qatari breeder's herd wins top prize at Al Dhafra camel beauty contest",
            "Judges scored the camels, and the winners beat more than 300 entries in the "
            "competition; owners competed for the top prize and the champion's flag.",
            "medtop:10000000",
        ),
        # a dust storm is weather, though it fills the hospitals
        (
            "Dust storm shuts Baghdad and Najaf airports, hundreds treated for breathing problems",
            "Hospitals received patients with breathing problems, the health ministry said; "
            "doctors at the medical city treated asthma cases and the elderly.",
            "medtop:17000000",
        ),
        # pollution is the environment's, whatever the companies that cause it
        (
            "Indonesia sanctions nickel smelters over river pollution",
            "The companies' shares fell and investors feared the mining licences of the "
            "industrial park's operators, whose exports and revenue have grown.",
            "medtop:06000000",
        ),
        # researchers make a university's study science
        (
            "باحثون في جامعة خليفة يطورون غشاء لتحلية مياه البحر",
            "وقال أستاذ في الجامعة إن طلاب الدكتوراه شاركوا في تطوير الغشاء.",
            "medtop:13000000",
        ),
        (
            "مجلس النواب يقر الموازنة العامة بأغلبية 78 صوتا",
            "وبلغت النفقات 12 مليار دينار والإيرادات 10 مليارات، وارتفع العجز والدين العام"
            " وخدمة الدين وفوائد القروض، وقال وزير المالية إن النمو الاقتصادي سيبلغ 3 في المئة"
            " وإن التضخم والأسعار والضرائب والاستثمار والصادرات ستتحسن.",
            "medtop:11000000",
        ),
        # an exchange of prisoners is the war's, whatever the talks around it
        (
            "تبادل مئات الأسرى بين الحوثيين والحكومة عبر مطاري صنعاء ومأرب",
            "وقالت اللجنة الدولية للصليب الأحمر إن الطائرات نقلت 400 محتجز، وجاءت الصفقة"
            " بعد مفاوضات سياسية برعاية الأمم المتحدة بين الحكومة والحوثيين.",
            "medtop:16000000",
        ),
        (
            "Sudan's army and RSF carry out prisoner swap in Jeddah",
            "The deal follows political talks, the parliament's debate and the elections "
            "the government has promised; the ministers and parties welcomed the agreement.",
            "medtop:16000000",
        ),
        # an outbreak of a disease is health's, wherever it breaks out
        (
            "الصحة: 63 إصابة بالتهاب الكبد الوبائي في مدارس بالزرقاء",
            "وقالت مديرة المدرسة إن الطلاب والمعلمين والصفوف والامتحانات والمناهج والتعليم"
            " والدراسة تأثرت، وإن وزارة التربية والتعليم علقت الدوام في المدارس.",
            "medtop:07000000",
        ),
        (
            "Congo : des nappes de pétrole souillent les plages de Pointe-Noire",
            "Les pêcheurs évaluent leurs pertes : le marché, les prix, les ventes, le commerce"
            " et les exportations de poisson sont à l'arrêt, selon les entreprises du port.",
            "medtop:06000000",
        ),
        # a kidnapping is crime's, whoever the gunmen fight
        (
            "Gunmen abduct more than 60 villagers in northwest Nigeria",
            "The army and troops have fought armed groups and militants in the region;"
            " soldiers, military operations, insurgents and fighters were deployed.",
            "medtop:02000000",
        ),
        # a plague of locusts is the environment's, whatever weather or harvest it follows
        (
            "أسراب الجراد الصحراوي تجتاح مزارع في كسلا",
            "وقالت الهيئة العامة للأرصاد الجوية إن الرياح والأمطار والحرارة ساعدت على التكاثر"
            " وإن الطقس سيبقى رطبا، فيما توقع مزارعون تراجع المحصول.",
            "medtop:06000000",
        ),
        # a fire is the disaster's, whatever trade it stops or whoever it sends to hospital
        (
            "حريق في مستشفى ببغداد يودي بحياة ثلاثة مرضى",
            "وقالت وزارة الصحة إن الأطباء والممرضين نقلوا المرضى إلى مستشفيات أخرى وإن"
            " العلاج والأدوية والرعاية الصحية استؤنفت في الأقسام.",
            "medtop:03000000",
        ),
        (
            "Fire guts hundreds of stalls at a city market",
            "Traders counted their losses as the market's business, prices, sales, supply, "
            "trade, customers, credit and revenue stopped; shops and wholesale suffered.",
            "medtop:03000000",
        ),
    ],
)
def test_the_event_a_headline_names_decides_the_topic_over_the_bodys_vocabulary(
    headline: str, body: str, topic: str, resources: Resources
) -> None:
    assert primary_topic(resources, headline, body) == topic


def test_a_long_storys_background_vocabulary_does_not_outweigh_the_event_its_headline_names(
    resources: Resources,
) -> None:
    paragraph = (
        "Schools stayed shut and pupils missed their exams, teachers said; classrooms, "
        "the curriculum, the school year and the students' examinations suffered. "
    )
    assert (
        primary_topic(resources, "Secondary teachers strike over pay", paragraph)
        == "medtop:09000000"
    )


@pytest.mark.parametrize(
    ("headline", "body"),
    [
        (
            "Drone strikes hit villages near Duhok",
            "Turkish drones struck villages near Duhok, killing two fighters and wounding "
            "civilians, the Kurdish authorities said after the attack.",
        ),
        ("زلزال يضرب ولاية ميلة", "ضرب زلزال بقوة 5 درجات ولاية ميلة وتضررت منازل."),
    ],
)
def test_an_air_strike_or_a_quake_that_strikes_names_no_labour_event(
    headline: str, body: str, resources: Resources
) -> None:
    assert primary_topic(resources, headline, body) != "medtop:09000000"


def test_an_event_a_headline_warns_of_is_no_event_of_the_story(resources: Resources) -> None:
    body = (
        "وقال المركز الوطني للأرصاد إن الأمطار الغزيرة والرياح ستستمر حتى الثلاثاء وإن"
        " درجات الحرارة ستنخفض، فيما أجليت عائلات وتضررت منازل."
    )
    warned = "أمطار غزيرة على جدة مع تحذيرات من جريان السيول"
    struck = "أمطار غزيرة على جدة والسيول تجرف السيارات"
    assert primary_topic(resources, warned, body) == "medtop:17000000"
    assert primary_topic(resources, struck, body) == "medtop:03000000"


def test_a_warning_reaches_over_the_list_of_what_it_fears(resources: Resources) -> None:
    body = (
        "Heavy rains are forecast for the coming week and temperatures will drop, the"
        " weather agency said. Some homes were flooded last week."
    )
    warned = "Weather agency warns of heavy rains, floods, landslides"
    assert primary_topic(resources, warned, body) == "medtop:17000000"
    farther = "Tanzania weather agency warns of heavy El Nino rains, floods in north-east"
    assert primary_topic(resources, farther, body) == "medtop:17000000"


def test_an_event_before_a_warning_happened(resources: Resources) -> None:
    body = "Rescue teams searched for survivors after the floods swept homes away."
    headline = "Floods kill 10 as agency warns of more rain"
    assert primary_topic(resources, headline, body) == "medtop:03000000"


def test_a_known_body_points_to_its_topic_whatever_its_name_says(resources: Resources) -> None:
    lexicon = resources.lexicon
    assert [
        topic_of(resources.lexicon, i) for i in lexicon.pointed_to(organisation("org:real-madrid"))
    ] == ["medtop:15000000"]
    assert [topic_of(resources.lexicon, i) for i in lexicon.pointed_to(organisation("Q7795"))] == [
        "medtop:04000000"
    ]


@pytest.mark.parametrize(
    ("tag_id", "expected"),
    [
        ("candidate:university of peshawar", "medtop:05000000"),
        ("candidate:cour d'appel de tunis", "medtop:02000000"),
        ("candidate:وزاره الصحه العراقيه", "medtop:07000000"),
        ("candidate:الاتحاد التونسي لكره القدم", "medtop:15000000"),
        ("candidate:معهد الكويت للابحاث العلميه", "medtop:13000000"),
        ("candidate:syndicat national des enseignants du superieur", "medtop:09000000"),
        (
            "candidate:bureau national de gestion des risques et des catastrophes",
            "medtop:03000000",
        ),
    ],
)
def test_an_organisation_the_gazetteer_does_not_know_points_to_a_topic_by_its_name(
    tag_id: str, expected: str, resources: Resources
) -> None:
    pointed = [
        topic_of(resources.lexicon, i) for i in resources.lexicon.pointed_to(organisation(tag_id))
    ]
    assert expected in pointed


@pytest.mark.parametrize(
    "tag_id",
    ["candidate:النقابه الوطنيه للتعليم", "candidate:kenya national union of teachers"],
)
def test_a_union_points_to_labour_alone_whatever_trade_it_organises(
    tag_id: str, resources: Resources
) -> None:
    pointed = [
        topic_of(resources.lexicon, i) for i in resources.lexicon.pointed_to(organisation(tag_id))
    ]
    assert pointed == ["medtop:09000000"]


def test_a_gazetteer_body_is_read_by_its_names_in_every_language(resources: Resources) -> None:
    who = organisation("Q7817", en="World Health Organization", ar="منظمة الصحة العالمية")
    assert [topic_of(resources.lexicon, i) for i in resources.lexicon.pointed_to(who)] == [
        "medtop:07000000"
    ]


def test_an_organisation_whose_name_says_nothing_points_nowhere(resources: Resources) -> None:
    assert resources.lexicon.pointed_to(organisation("candidate:reuters")) == ()


def test_organisations_count_once_each_and_can_decide_the_topic(resources: Resources) -> None:
    clubs = [organisation("org:al-ahly"), organisation("org:al-hilal")]
    text = analyze("Bonjour à tous")
    assert score_topics(resources.lexicon, text, organisations=clubs[:1]) == []
    named_often = [clubs[0].model_copy(update={"count": 9})]
    assert score_topics(resources.lexicon, text, organisations=named_often) == []
    assert [s.code for s in score_topics(resources.lexicon, text, organisations=clubs)] == [
        "medtop:15000000"
    ]


def test_tagging_reads_the_organisations_found_before_it(resources: Resources) -> None:
    item = article("Bonjour à tous").model_copy(
        update={"organisation": [organisation("org:al-ahly"), organisation("org:al-hilal")]}
    )
    assert [s.code for s in run_steps([TOPICS], item, resources).subject] == ["medtop:15000000"]
    assert run_steps([TOPICS], article("Bonjour à tous"), resources).subject == []


def test_every_known_body_is_an_organisation_of_the_gazetteer() -> None:
    gazetteer = tomllib.loads(
        (Path(__file__).resolve().parents[2] / "workers" / "data" / "gazetteer.toml").read_text(
            encoding="utf-8"
        )
    )
    organisations = {e["id"] for e in gazetteer["entity"] if e["type"] == "organisation"}
    bodies = packaged_bodies()
    assert {f"medtop:{n}" for n in bodies} <= set(MEDIA_TOPICS)
    listed = [body for ids in bodies.values() for body in ids]
    assert len(listed) == len(set(listed))
    assert set(listed) <= organisations


def test_restoring_a_historic_building_is_culture_whatever_the_building_is_for(
    resources: Resources,
) -> None:
    headline = "حرفيون يعيدون بناء منارة الجامع الكبير"
    body = (
        "وقال الحرفيون إن أعمال الترميم في الجامع والمسجد ومنبره ومحرابه تتواصل، وإن"
        " ترميم المباني التاريخية يعيد للمدينة القديمة وجهها."
    )
    assert primary_topic(resources, headline, body) == "medtop:01000000"
