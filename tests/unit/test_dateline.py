from __future__ import annotations

import pytest

from workers.text.dateline import extract_dateline, split_dateline


@pytest.mark.parametrize(
    ("lead", "place", "agency", "date", "rest"),
    [
        ("عواصم - (وكالات): اعلن التحالف الدولي", "عواصم", "وكالات", None, "اعلن التحالف الدولي"),
        ("دمشق (رويترز) - قال الجيش السوري", "دمشق", "رويترز", None, "قال الجيش السوري"),
        (
            "BEIRUT, Oct 14 (Reuters) - The coalition said",
            "BEIRUT",
            "Reuters",
            "Oct 14",
            "The coalition said",
        ),
        (
            "BEYROUTH, 14 oct (AFP) - La coalition a annoncé",
            "BEYROUTH",
            "AFP",
            "14 oct",
            "La coalition a annoncé",
        ),
        ("لندن، 14 أكتوبر (رويترز) - قال", "لندن", "رويترز", "14 أكتوبر", "قال"),
        ("طهران 14 تشرين الأول (رويترز) - قال", "طهران", "رويترز", "14 تشرين الأول", "قال"),
        ("القدس المحتلة - (وكالات): قال", "القدس المحتلة", "وكالات", None, "قال"),
        ("بيروت ـ (أ ف ب) - قال", "بيروت", "أ ف ب", None, "قال"),
        ("القاهرة - أ ف ب: قال", "القاهرة", "أ ف ب", None, "قال"),
        ("دمشق - سانا: قال", "دمشق", "سانا", None, "قال"),
        ("الدوحة - قنا - وقعت الخطوط", "الدوحة", "قنا", None, "وقعت الخطوط"),
        ("الرباط - ومع - كشف", "الرباط", "ومع", None, "كشف"),
        ("بغداد - واع - لقي", "بغداد", "واع", None, "لقي"),
        ("المنامة - بنا - أعلنت", "المنامة", "بنا", None, "أعلنت"),
        ("مسقط في 28 يناير /العمانية/ سجل", "مسقط", "العمانية", "28 يناير", "سجل"),
        ("الدوحة في 12 مايو /قنا/ أعلنت", "الدوحة", "قنا", "12 مايو", "أعلنت"),
        ("الكويت - 5 - 3 (كونا) -- أعلنت", "الكويت", "كونا", "5 - 3", "أعلنت"),
        ("دير البلح (قطاع غزة) - (وفا) - انطلقت", "دير البلح", "وفا", None, "انطلقت"),
        ("بيروت - «الحياة»: قال", "بيروت", "الحياة", None, "قال"),
        (
            "NEW YORK, Oct. 14, 2017 (Reuters) — Stocks rose",
            "NEW YORK",
            "Reuters",
            "Oct. 14, 2017",
            "Stocks rose",
        ),
        ("WASHINGTON (AP) — President", "WASHINGTON", "AP", None, "President"),
        ("BEIRUT, Lebanon (AP) — Israeli jets", "BEIRUT", "AP", None, "Israeli jets"),
        ("GAZA CITY, Oct 14 (Reuters/AP) - x", "GAZA CITY", "Reuters/AP", "Oct 14", "x"),
        ("BERLIN (dpa) - Die", "BERLIN", "dpa", None, "Die"),
        ("PARIS (AFP) - Le gouvernement", "PARIS", "AFP", None, "Le gouvernement"),
        ("Beyrouth (AFP) - Le Liban", "Beyrouth", "AFP", None, "Le Liban"),
        ("Paris, le 14 octobre (AFP) - Le", "Paris", "AFP", "le 14 octobre", "Le"),
        ("JÉRUSALEM, 14 oct 2017 (AFP) - Le", "JÉRUSALEM", "AFP", "14 oct 2017", "Le"),
        ("RAMALLAH, Cisjordanie (AFP) - Le", "RAMALLAH", "AFP", None, "Le"),
        (
            "SAINT-DENIS DE LA RÉUNION, 14 oct (AFP) - Le",
            "SAINT-DENIS DE LA RÉUNION",
            "AFP",
            "14 oct",
            "Le",
        ),
        ("LONDON — Britain's finance minister", "LONDON", None, None, "Britain's finance minister"),
    ],
)
def test_datelines(lead: str, place: str, agency: str | None, date: str | None, rest: str) -> None:
    dateline, remainder = split_dateline(lead)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.date) == (place, agency, date)
    assert remainder == rest
    assert lead.startswith(dateline.raw)


@pytest.mark.parametrize(
    "text",
    [
        "اعلن التحالف الدولي بقيادة واشنطن عن اتفاق",
        "وقال مسؤول - رفض الكشف عن اسمه: ان القافلة غادرت",
        "بيروت - قال مسؤول - إن القافلة غادرت",
        "The army (SDF) - said on Saturday",
        "Hezbollah (the Party of God) - a powerful group, said",
        "Le président (LR) - a dit",
        "The talks (which began in May) - ended",
        "UPDATE 2-Oil prices (Reuters) - rose",
        "BREAKING — Quake hits",
        "A convoy left Raqqa on Saturday.",
        "سعر الصرف /24/ ارتفع",
        "",
    ],
)
def test_not_datelines(text: str) -> None:
    assert split_dateline(text) == (None, text)


def test_leading_whitespace_and_paragraphs() -> None:
    text = "\n\n  BEIRUT, Oct 14 (Reuters) - First paragraph.\n\nSecond paragraph."
    dateline, rest = split_dateline(text)
    assert dateline is not None and dateline.place == "BEIRUT"
    assert rest == "First paragraph.\n\nSecond paragraph."


def test_dateline_only_at_the_start() -> None:
    assert extract_dateline("Lead sentence. BEIRUT, Oct 14 (Reuters) - later") is None


def test_seed_story_dateline() -> None:
    from pathlib import Path

    seeds = Path(__file__).resolve().parents[2] / "seeds"
    story = next(seeds.glob("000_*.txt"))
    dateline = extract_dateline(story.read_text("utf-8"))
    assert dateline is not None
    assert (dateline.place, dateline.agency) == ("عواصم", "وكالات")
