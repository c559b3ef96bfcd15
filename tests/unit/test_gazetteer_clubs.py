"""Clubs that match reports name by one ordinary word (Arabic) or a capitalised
name (English, French), found where the report puts a team, and nowhere else."""

from __future__ import annotations

from tests.unit.gazetteer_support import tags
from workers.enrich.resources import Resources
from workers.gazetteer.clubs import definite
from workers.text.normalize import normalize_text

REPORT = (
    "تغلب الوفاق على ضيفه النجم بهدفين لواحد في المباراة التي جرت على ملعب المدينة "
    "ضمن الجولة العاشرة من الدوري. وسجل المهاجم هدفين للوفاق في الشوط الثاني، "
    "وقال مدرب النجم إن فريقه قدم مباراة جيدة. وتعادل الشروق الرياضي مع الأمل."
)


def clubs(resources: Resources, text: str, language: str = "ar") -> dict[str, int]:
    return {
        tag.id.removeprefix("candidate:"): tag.count
        for tag in tags(resources, text, language).values()
        if tag.candidate and tag.type == "organisation"
    }


def test_a_match_report_names_its_clubs_by_their_bare_word(resources: Resources) -> None:
    found = clubs(resources, REPORT)
    assert set(found) == {normalize_text(n) for n in ("الوفاق", "النجم", "الشروق الرياضي", "الأمل")}


def test_every_mention_of_a_club_counts_with_its_proclitics(resources: Resources) -> None:
    found = clubs(resources, REPORT)
    assert found[normalize_text("الوفاق")] == 2
    assert found[normalize_text("النجم")] == 2


def test_the_same_words_outside_a_match_report_are_no_club(resources: Resources) -> None:
    text = (
        "تغلب الوفاق على الخلاف بين الأحزاب، وقال رئيس الحكومة إن النجم الصاعد في "
        "الاقتصاد هو قطاع الخدمات."
    )
    assert clubs(resources, text) == {}


def test_a_country_named_for_its_national_side_stays_the_country(
    resources: Resources,
) -> None:
    text = (
        "فاز المغرب على ضيفه النجم بهدفين في المباراة التي جرت على الملعب الكبير "
        "ضمن الدوري، وسجل المهاجم هدفين في الشوط الثاني."
    )
    found = tags(resources, text, "ar")
    assert "Q1028" in found
    assert normalize_text("المغرب") not in clubs(resources, text)


def test_the_nationality_of_a_coach_is_not_part_of_the_club(resources: Resources) -> None:
    text = REPORT + " وقال مدرب الوفاق البرتغالي جورجي جيسوس إن الفوز مستحق."
    found = clubs(resources, text)
    assert normalize_text("الوفاق") in found
    assert normalize_text("الوفاق البرتغالي") not in found
    assert "Q45" in tags(resources, text, "ar")


def test_a_club_the_gazetteer_knows_as_a_club_is_linked_to_it(resources: Resources) -> None:
    text = REPORT + " ويلتقي الفريق بعد ذلك مع الهلال الذي فاز الهلال في مباراته الأخيرة."
    assert "org:al-hilal" in tags(resources, text, "ar")


def test_a_club_named_for_a_word_and_its_town_takes_both(resources: Resources) -> None:
    text = REPORT + " وتعادل النجم مع حسنية تارودانت في مباراة أخرى."
    assert normalize_text("حسنية تارودانت") in clubs(resources, text)


def test_a_club_whose_head_word_opens_its_name_is_found_wherever_the_report_names_it(
    resources: Resources,
) -> None:
    text = REPORT + " وصعد وفاق المسيلة إلى الصدارة، فيما تراجعت مولودية سعيدة بعد الخسارة."
    assert {normalize_text("وفاق المسيلة"), normalize_text("مولودية سعيدة")} <= set(
        clubs(resources, text)
    )


def test_an_oil_companys_club_named_with_its_town_is_the_club_the_gazetteer_knows(
    resources: Resources,
) -> None:
    text = REPORT + " وفاز الشرطة على نفط ميسان على ملعب ميسان الأولمبي في العمارة."
    assert "org:naft-maysan" in {tag.id for tag in tags(resources, text, "ar").values()}


def test_a_club_head_word_outside_a_match_report_names_no_club(resources: Resources) -> None:
    text = "وطالب شباب سطيف بفرص عمل، وقال إن نجم وهران السابق عاد إلى المدينة."
    assert not clubs(resources, text)


def test_the_article_comes_off_with_any_proclitic() -> None:
    assert definite(normalize_text("للهلال")) == normalize_text("الهلال")
    assert definite(normalize_text("وللهلال")) == normalize_text("الهلال")
    assert definite(normalize_text("والهلال")) == normalize_text("الهلال")
    assert definite(normalize_text("بالهلال")) == normalize_text("الهلال")
    assert definite(normalize_text("هلال")) is None


def test_the_next_fixture_names_both_of_its_clubs(resources: Resources) -> None:
    text = REPORT + " ويلتقي الساحل مع الرمال السبت المقبل."
    found = clubs(resources, text)
    assert {normalize_text("الساحل"), normalize_text("الرمال")} <= set(found)


SAUDI_REPORT = (
    "قلب الاتفاق تأخره أمام ضيفه التعاون إلى فوز في مباراة الدوري على ملعب إيجو، وسجل "
    "المهاجم هدفين. ورفع الاتفاق رصيده إلى 17 نقطة، بينما بقي التعاون خلف الهلال "
    "والاتحاد والنصر. ويحل الاتفاق في الجولة المقبلة ضيفا على الشباب، ويستقبل التعاون "
    "فريق الخليج."
)


def test_a_club_known_by_its_name_and_country_is_that_club_not_the_place_of_its_name(
    resources: Resources,
) -> None:
    found = tags(resources, SAUDI_REPORT, "ar")
    assert "org:al-khaleej-fc" in found and "place:persian-gulf" not in found


def test_no_function_word_is_a_clubs_adjective(resources: Resources) -> None:
    assert normalize_text("التعاون") in clubs(resources, SAUDI_REPORT)
    assert not any(name.endswith(" الي") for name in clubs(resources, SAUDI_REPORT))


def test_a_list_goes_on_with_clubs_and_a_guest_plays_the_club_after_on(
    resources: Resources,
) -> None:
    text = "تعادل الوحدة مع الرائد والأهلي والنجمة في دوري المدارس. " + SAUDI_REPORT
    found = {tag.id for tag in tags(resources, text, "ar").values()}
    assert {"candidate:" + normalize_text(n) for n in ("الشباب", "الأهلي", "النجمة")} <= found


ENGLISH_REPORT = (
    "Kampala Lions edged Mbarara Rangers 2-1 on Saturday, with the winning goal of the "
    "match scored in the 88th minute. Rangers coach Peter Okello said his striker was "
    "unlucky, and Lions will face Gulu Stars in the semi-final of the league cup."
)
FRENCH_REPORT = (
    "L'Étoile de Kindia a battu le Séquence Conakry 2-0 dimanche en match du championnat, "
    "grâce à deux buts en seconde période. L'entraîneur du Séquence a regretté la défaite."
)


def test_an_english_match_report_names_its_clubs_in_their_slots(resources: Resources) -> None:
    found = clubs(resources, ENGLISH_REPORT, "en")
    assert set(found) == {"kampala lions", "mbarara rangers", "gulu stars"}
    assert found["mbarara rangers"] == 2  # "Rangers coach": the name it ends


def test_a_french_club_takes_the_town_the_story_once_writes_with_it(
    resources: Resources,
) -> None:
    assert clubs(resources, FRENCH_REPORT, "fr").get("sequence conakry") == 2


def test_capitalised_names_outside_a_match_report_are_no_club(resources: Resources) -> None:
    text = "Kampala Lions edged higher on Monday as investors bought shares of Mbarara Rangers."
    assert clubs(resources, text, "en") == {}


def test_a_club_name_that_runs_on_into_a_known_clubs_name_is_that_club(
    resources: Resources,
) -> None:
    text = (
        "L'AS FAR a dominé la Renaissance sportive de Berkane 1-0 dimanche en match du "
        "championnat, grâce à un but en seconde période."
    )
    assert "renaissance" not in clubs(resources, text, "fr")
    assert "org:rs-berkane" in tags(resources, text, "fr")


def test_a_coachs_country_after_the_club_is_no_town_of_the_clubs_name(
    resources: Resources,
) -> None:
    text = (
        "وقال مدرب بيراميدز الكرواتي كرونوسلاف يورتشيتش إن فريقه فاز في مباراة الدوري "
        "على ملعب الدفاع الجوي وسجل المهاجم هدفين."
    )
    found = tags(resources, text, "ar")
    assert "org:pyramids-fc" in found and "Q224" in found


def test_the_table_names_the_clubs_a_team_leads_or_trails(resources: Resources) -> None:
    text = REPORT + (
        " ورفع الوفاق رصيده متقدما بفارق نقطتين على الشعلة، بينما بقي النجم في المركز"
        " الخامس خلف الشعاع والإرادة."
    )
    found = clubs(resources, text)
    assert {normalize_text(n) for n in ("الشعلة", "الشعاع", "الإرادة")} <= set(found), found


def test_what_stands_behind_a_goal_or_bars_is_no_club(resources: Resources) -> None:
    text = REPORT + " ووقف الجمهور خلف المرمى، وبقي اللاعب خلف القضبان."
    found = clubs(resources, text)
    assert not {normalize_text(n) for n in ("المرمى", "القضبان")} & set(found), found


def test_the_leader_of_the_table_is_no_club_of_its_own(resources: Resources) -> None:
    text = REPORT + " وبقي الأمل في المركز الثالث خلف المتصدر الشعاع والوصيف الإرادة."
    found = clubs(resources, text)
    assert not {normalize_text(n) for n in ("المتصدر", "الوصيف")} & set(found), found


KUWAITI_REPORT = (
    "الكويت - كونا - انتزع فريق كاظمة صدارة الدوري الكويتي لكرة اليد بفوزه على القادسية "
    "29-27، وسجل الجناح تسعة أهداف في الشوط الثاني من المباراة. ويستضيف القادسية فريق "
    "العربي في الجولة المقبلة، فيما يلتقي كاظمة مع الجهراء."
)


def test_a_name_clubs_of_several_countries_bear_is_the_club_of_the_storys_country(
    resources: Resources,
) -> None:
    found = tags(resources, KUWAITI_REPORT, "ar")
    assert {"org:al-qadsia", "org:al-arabi-kuwait"} <= set(found), found
    assert not {"org:al-qadsiah", "org:al-arabi-qatar"} & set(found), found


def test_a_bare_word_the_gazetteer_names_a_club_after_club_is_that_club_in_a_team_slot(
    resources: Resources,
) -> None:
    assert tags(resources, KUWAITI_REPORT, "ar")["org:kazma-sc"].count == 2


def test_a_shared_club_name_stays_a_candidate_where_the_story_has_no_country_of_its_own(
    resources: Resources,
) -> None:
    text = (
        "تغلب القادسية على ضيفه الخلود 2-0 في مباراة الدوري، وسجل المهاجم هدفين في "
        "الشوط الثاني وقال مدرب القادسية إن الفوز مستحق."
    )
    found = tags(resources, text, "ar")
    assert "candidate:" + normalize_text("القادسية") in found, found


def test_a_teams_place_in_the_table_after_its_name_is_no_part_of_it(
    resources: Resources,
) -> None:
    text = (
        "وتعادل الجيش الملكي المتصدر مع الوداد في مباراة الدوري، وسجل المهاجم هدفين في "
        "الشوط الثاني وقال مدرب الوداد إن فريقه لعب جيدا."
    )
    assert "org:as-far" in tags(resources, text, "ar")


def test_a_club_named_by_its_town_is_its_bare_names_in_its_towns_country(
    resources: Resources,
) -> None:
    libyan = (
        "طرابلس (رويترز) - قلب فريق الاتحاد تأخره بهدف إلى فوز مثير 2-1 على جاره أهلي "
        "طرابلس في ديربي العاصمة ضمن الدوري الليبي، وسجل المهاجم هدفين للاتحاد في "
        "الشوط الثاني وقال مدرب الأهلي إن فريقه لعب جيدا."
    )
    saudi = (
        "الرياض (واس) - قلب الهلال تأخره بهدف إلى فوز 3-1 على ضيفه الاتحاد في الدوري "
        "السعودي، وسجل المهاجم هدفين للهلال في الشوط الثاني وقال مدرب الاتحاد إن فريقه "
        "لعب جيدا."
    )
    assert "org:al-ittihad-tripoli" in tags(resources, libyan, "ar")
    found = tags(resources, saudi, "ar")
    assert "org:al-ittihad-jeddah" in found
    assert "org:al-ittihad-tripoli" not in found
