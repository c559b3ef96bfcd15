"""The agency a dateline credits is a body of the story: the known agency of that
name, or a candidate; never a place the agency's short name also spells."""

from __future__ import annotations

import pytest

from tests.unit.gazetteer_support import tags
from workers.enrich.resources import Resources


def bodies(resources: Resources, text: str, language: str) -> set[str]:
    found = tags(resources, text, language, dateline=True).values()
    return {tag.id for tag in found if tag.type == "organisation"}


@pytest.mark.parametrize(
    ("language", "text", "agency"),
    [
        ("fr", "Football\nABIDJAN, 16 févr (APA) - L'ASEC a perdu dimanche.", "candidate:apa"),
        ("ar", "كرة القدم\nالدوحة - (قنا) - فاز السد على الدحيل", "org:qna"),
        ("ar", "الجفاف\nالرباط - (ومع) - تراجع محصول القمح هذا العام", "org:map"),
        ("ar", "الموانئ\nمسقط في 28 يناير /العمانية/ سجل ميناء صلالة نموا", "org:ona-oman"),
        ("ar", "الموانئ\nمسقط - (العمانية) - سجل ميناء صلالة نموا", "org:ona-oman"),
        ("ar", "الطقس\nالدوحة في 12 مايو /قنا/ توقعت إدارة الأرصاد أمطارا", "org:qna"),
        ("ar", "الموانئ\nمصراتة (ليبيا) - (وال) - وقعت المنطقة الحرة عقدا", "org:lana"),
        ("ar", "الطاقة\nأبوظبي في 3 مارس /وام/ أعلنت الشركة أرباحها", "org:wam"),
        # the short name the gazetteer holds after "وكالة"
        ("ar", "الصحة\nدير البلح (قطاع غزة) - (وفا) - انطلقت حملة التطعيم", "org:wafa"),
        ("ar", "الأسرى\nبيت لحم - (معا) - أفرجت السلطات عن ثلاثة أسرى", "org:maan-news"),
        (
            "fr",
            "Culture\nABIDJAN, 18 avril (AIP) - Le festival s'est ouvert.",
            "org:aip-cote-divoire",
        ),
        ("ar", "الاتصالات\nالمنامة - بنا - أعلنت الشركة أرباحها", "org:bna-bahrain"),
        ("ar", "حريق\nبغداد - واع - لقي ثمانية أشخاص حتفهم", "org:ina-iraq"),
        ("fr", "Musique\nBRAZZAVILLE, 20 juillet (ACI) - Le festival a ouvert.", "org:aci-congo"),
    ],
)
def test_the_agency_a_dateline_credits_is_a_body_of_the_story(
    language: str, text: str, agency: str, resources: Resources
) -> None:
    assert agency in bodies(resources, text, language)


@pytest.mark.parametrize(
    "text",
    [
        "كرة القدم\nالدوحة - (قنا) - فاز السد على الدحيل",
        # credited again later, enclosed as the dateline encloses it, in a story that
        # names Egypt, where Qena is
        "معرض\nالدوحة في 12 نوفمبر /قنا/ افتتح المعرض. وقالت أمينة المعرض لوكالة الأنباء "
        "القطرية /قنا/ إن خبراء من مكتبة الإسكندرية في مصر يشاركون، وقال زائر لـ(قنا) إنه سعيد.",
    ],
)
def test_an_agency_short_name_that_spells_a_town_is_no_place_there(
    text: str, resources: Resources
) -> None:
    found = tags(resources, text, "ar", True)
    assert not any(tag.type == "place" for tag in found.values() if "قنا" in tag.surface_forms)
    assert "org:qna" in {tag.id for tag in found.values()}


@pytest.mark.parametrize(
    "text",
    [
        "أسواق\nعواصم - (وكالات): تراجعت أسعار النفط",
        "الموصل\nالموصل (العراق) - عاد النازحون إلى المدينة",
    ],
)
def test_agencies_in_general_or_a_place_in_brackets_credit_no_body(
    text: str, resources: Resources
) -> None:
    assert not any(body.startswith("candidate:") for body in bodies(resources, text, "ar"))


def test_and_a_mother_is_no_agency_that_normalizes_alike(resources: Resources) -> None:
    text = "الهجرة\nصفاقس - (وات) - قالت أميناتا وهي إيفوارية وأم لطفلين إنها تريد العودة"
    assert "org:wam" not in bodies(resources, text, "ar")
