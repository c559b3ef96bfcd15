from __future__ import annotations

import pytest

from tests.unit.gazetteer_support import tags
from workers.enrich.resources import Resources
from workers.enrich.steps.entities import CANDIDATE_CONFIDENCE
from workers.text.normalize import normalize_text


def candidates(resources: Resources, text: str) -> set[str]:
    return {
        tag.id.removeprefix("candidate:") for tag in tags(resources, text).values() if tag.candidate
    }


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("وقال عبد الرحمن ان المقاتلين غادروا", "عبد الرحمن"),
        ("وقال المتحدث باسم الوزارة محمد العبد العالي ان الوضع مستقر", "محمد العبد العالي"),
        ("واكد حسام الدين الجبابلي ان القارب غرق", "حسام الدين الجبابلي"),
        ("واعلن وزير الخارجية الهولندي كاسبار فيلدكامب ان", "كاسبار فيلدكامب"),
        ("وقال مدرب الهلال ماركو روسيني في المؤتمر الصحفي", "ماركو روسيني"),
        ("وقال محافظ كربلاء نصيف جاسم الخطابي إن الخطة نجحت", "نصيف جاسم الخطابي"),
        ("ومن بين المتهمين رئيس الحزب الجمهوري وشقيق عصام الشابي", "عصام الشابي"),
        ("وقال محافظ حضرموت عوض سالم باحميش في اجتماع طارئ", "عوض سالم باحميش"),
        ("واستقبل محافظ ذي قار مرتضى الإبراهيمي وفدا من المتظاهرين", "مرتضى الإبراهيمي"),
        ("وأوضح المدير العام لبترومسيلة محمد سعيد بن سميط أن الشركة", "محمد سعيد بن سميط"),
        ("وقال عبد الرزاق الورتاني عشر مرات إنه بريء", "عبد الرزاق الورتاني"),
        ("فيما اعترض مدرب منتخب المغرب وليد الزياني على القرار", "وليد الزياني"),
        ("وقال مديرها سامر عبد الغني إن الانتهاكات وثقت", "سامر عبد الغني"),
        ("بينما نال الممثل الإيراني بيمان معادي جائزة أفضل أداء", "بيمان معادي"),
        # the trigger's words past the name's structure are the sentence's object
        ("وافتتح المهاجم يوسف الحمداوي حصة التسجيل لفائدة الفريق", "يوسف الحمداوي"),
        ("وتفقد رئيس الجامعة البروفسور بسام بدران قاعات الامتحان", "بسام بدران"),
        ("واوضح المتحدث باسم المنظمة فلافيو دي جاكومو ان الناجين", "فلافيو دي جاكومو"),
        ("John Smith, a spokesman for the group, said", "John Smith"),
        ("Safaricom Chief Financial Officer Dilip Pal said on Thursday.", "Dilip Pal"),
        ("Chief Executive Officer Peter Ndegwa told reporters.", "Peter Ndegwa"),
        ("said Hichem Abu Chkiouat, a minister", "Hichem Abu Chkiouat"),
        ("Mayor Vitali Klitschko said on Telegram", "Vitali Klitschko"),
        ("a déclaré le prévisionniste François Gourand", "François Gourand"),
        ("Roberto De Zerbi a reconnu que", "Roberto De Zerbi"),
        ("selon le colonel Souleymane Dembélé, porte-parole", "Souleymane Dembélé"),
        ("dont Abir Moussi, présidente du Parti destourien libre", "Abir Moussi"),
        ("le président du Conseil européen Pedro Marques a reçu", "Pedro Marques"),
        ("et l'émissaire américain Ethan Goldrich s'est rendu", "Ethan Goldrich"),
        ("Goldman Sachs analyst Toshiya Hari raised", "Toshiya Hari"),
        ("The visitors' goalkeeper Tomasz Rivera kept them level", "Tomasz Rivera"),
        ("His lawyer Moussa Traore told the court", "Moussa Traore"),
        ("He was jailed along with his wife Amina Dabo last year", "Amina Dabo"),
        ("a expliqué l'avocate Claire Fontenay à la sortie", "Claire Fontenay"),
        ("Mariam Traore Kone, a teacher at the school, lost her home.", "Mariam Traore Kone"),
        (
            "Aline Mbarga Essomba, mère de trois enfants, attend depuis mardi.",
            "Aline Mbarga Essomba",
        ),
        (
            "Chantal Mbarga Mbock, une commerçante du marché, a perdu son stock.",
            "Chantal Mbarga Mbock",
        ),
        # a Somali given name that is also a city's
        ("Speaker Aden Mohamed Nur told reporters the law passed", "Aden Mohamed Nur"),
        # East African given names
        ("In the village of Adaitu, Fatuma Hassan Ahmed carried her twins", "Fatuma Hassan Ahmed"),
        # the present after a quote
        (
            "« Les prix ont doublé », explique Hery Rakotomanga, installé à Antalaha.",
            "Hery Rakotomanga",
        ),
        ("« C'est dur », témoigne Florentine Agbodjan au marché Dantokpa.", "Florentine Agbodjan"),
    ],
)
def test_trigger_patterns_find_unknown_people(text: str, name: str, resources: Resources) -> None:
    assert normalize_text(name) in candidates(resources, text)


@pytest.mark.parametrize(
    "text",
    [
        "وقال مصدر عسكري ان القافلة خرجت",
        "وقال التحالف في بيان ان",
        "وقال المسؤول ان المقاتلين سلموا اسلحتهم",
        "وقال المدرب في المؤتمر الصحفي ان الفريق جاهز",
        "واكد اللاعب الدولي ان هدفه هو اللقب",
        "Police said on Monday that",
        "The ministry said in a statement",
        "Le gouvernement a déclaré mardi",
        "Le président de la République a reçu le chef du gouvernement",
        "l'émir du Qatar, cheikh Tamim ben Hamad Al Thani, a reçu",
        "واعلن الملك محمد السادس الحداد الوطني ثلاثة ايام وعرضت دول المساعدة",
        "وقضت المحكمة بسجن رئيس حي سابق بالجيزة عشر سنوات",
        # a place that ends a quote; a capitalised preposition opening the next sentence
        "« Les familles sont parties vers Bordj Badji Mokhtar », a raconté un éleveur.",
        "« Ils arrivent trop tard », regrette-t-elle. Aux Cliniques universitaires, rien.",
        # a place after a preposition, after the trigger
        "Measles spread for years, she said at the hospital in Kebri Dehar.",
        "« Ils ont tout brûlé », a raconté un habitant à Fada N'Gourma.",
    ],
)
def test_no_candidate_without_a_name(text: str, resources: Resources) -> None:
    assert candidates(resources, text) == set()


@pytest.mark.parametrize(
    ("text", "name", "relative"),
    [
        ("وقالت زوجته فاطمة علي حسن إن النار اشتعلت", "فاطمة علي حسن", "زوجته"),
        ("وقال شقيقه محمود عبد الله إن الجيش وصل", "محمود عبد الله", "شقيقه"),
        ("وقالت جارته سلمى يوسف إبراهيم إن النار اشتعلت", "سلمى يوسف إبراهيم", "جارته"),
        ("وأكد ابن عمه خالد سعيد أن القصف استمر", "خالد سعيد", "عمه"),
    ],
)
def test_a_relative_with_a_possessive_pronoun_stands_before_the_name_not_in_it(
    text: str, name: str, relative: str, resources: Resources
) -> None:
    found = candidates(resources, text)
    assert normalize_text(name) in found
    assert not any(relative in candidate.split(" ") for candidate in found)


def test_known_people_are_not_candidates(resources: Resources) -> None:
    found = tags(resources, "وقال نوري محمود، المتحدث باسم وحدات حماية الشعب الكردية")
    assert "person:nouri-mahmoud" in found
    assert candidates(resources, "وقال نوري محمود، المتحدث باسم") == set()


def test_candidates_are_people_with_low_confidence(resources: Resources) -> None:
    tag = tags(resources, "وقال عبد الرحمن ان")["candidate:عبد الرحمن"]
    assert tag.type == "person"
    assert tag.candidate
    assert tag.confidence == CANDIDATE_CONFIDENCE < 1.0
    assert tag.names == {"ar": "عبد الرحمن"}


def test_a_known_person_named_without_the_article_is_the_known_person(
    resources: Resources,
) -> None:
    found = tags(resources, "The talks failed, army chief Abdel Fattah Burhan said on Monday.")
    assert "person:abdel-fattah-al-burhan" in found
    assert candidates(resources, "army chief Abdel Fattah Burhan said on Monday.") == set()


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        ("وقال محافظ حضرموت عوض سالم باحميش في اجتماع طارئ", "حضرموت عوض سالم باحميش"),
        ("وأوضح المدير العام لبترومسيلة محمد سعيد بن سميط أن الشركة", "لبترومسيلة محمد سعيد"),
        ("واستقبل محافظ ذي قار مرتضى الإبراهيمي وفدا", "ذي قار مرتضى الإبراهيمي"),
    ],
)
def test_the_complement_of_a_title_is_no_part_of_the_name_after_it(
    text: str, wrong: str, resources: Resources
) -> None:
    assert normalize_text(wrong) not in candidates(resources, text)


def test_a_word_of_direction_after_a_title_is_no_persons_name(resources: Resources) -> None:
    text = "صدت القوات هجوما من محور جبرة الشيخ شمالي بارا، وإن المهاجمين تكبدوا خسائر"
    assert not [tag for tag in tags(resources, text).values() if tag.type == "person"]


def test_a_ministrys_portfolio_before_the_ministers_name_is_no_part_of_it(
    resources: Resources,
) -> None:
    text = "Egypt's Minister of Water Resources and Irrigation Hani Sewilam said on Monday."
    people = {tag.id for tag in tags(resources, text, "en").values() if tag.type == "person"}
    assert people == {"candidate:hani sewilam"}
