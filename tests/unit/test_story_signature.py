from __future__ import annotations

from datetime import UTC, datetime

from tests.dedup_support import make_article
from workers.enrich.engine import to_enriched
from workers.models import Dateline, EnrichedArticle, EntityTag, Subject, evolve
from workers.stories.numbers import canonical_number, numbers_of
from workers.stories.signature import EventSignature, content_words, event_signature
from workers.text.normalize import normalize_text


def tagged(body: str, **tags: list[EntityTag]) -> EnrichedArticle:
    article = to_enriched(make_article("u1", "Headline", body))
    return evolve(article, {"language": "en", **tags})


def test_decimal_commas_and_points_are_one_number() -> None:
    assert canonical_number("5,9") == canonical_number("5.9") == "5.9"
    assert canonical_number("٤١") == "41"


def test_years_are_not_evidence_of_an_event() -> None:
    assert numbers_of("In 2023 the quake killed 41 people").values == {"41"}


def test_number_words_count_as_their_digits_in_every_language() -> None:
    for text, number in [
        ("three dead and seventeen hurt", "17"),
        ("six morts", "6"),
        ("وفاة تسعة مواطنين", "9"),
    ]:
        assert number in numbers_of(text, normalize_text(text).split()).values


def test_the_dateline_date_is_left_out() -> None:
    text = "ANKARA, March 11 (Reuters) - A quake killed 3 people."
    assert numbers_of(text, skip="ANKARA, March 11 (Reuters) -").values == {"3"}
    assert "11" in numbers_of(text).values


def test_a_number_keeps_the_words_around_it_as_its_slot() -> None:
    assert ("magnitude", "struck", "5.2") in numbers_of("a magnitude 5.2 struck").slots


def test_content_words_leave_out_function_words_short_words_and_the_arabic_article() -> None:
    words = content_words(["the", "earthquake", "struck", "malatya", "and", "the", "town"], "en")
    assert words == {"earthquake", "struck", "malatya"}
    assert "موصل" in content_words(normalize_text("حريق في الموصل").split(), "ar")


def test_the_signature_holds_tags_dateline_topic_time_and_numbers() -> None:
    place = EntityTag(id="geonames:304922", type="place")
    person = EntityTag(id="candidate:ali yerlikaya", type="person")
    article = evolve(
        tagged("ANKARA (Reuters) - The quake killed 3 and injured 41.", place=[place]),
        {
            "person": [person],
            "dateline": Dateline(place="ANKARA", raw="ANKARA (Reuters) -"),
            "subject": [Subject(code="medtop:03000000")],
            "firstcreated": datetime(2025, 3, 11, 4, 52, tzinfo=UTC),
        },
    )
    signature = event_signature(article)
    assert signature.places == {"geonames:304922"}
    assert signature.people == {"candidate:ali yerlikaya"}
    assert signature.dateline == "ankara" and signature.topic == "medtop:03000000"
    assert signature.numbers == {"3", "41"}
    assert signature.time == datetime(2025, 3, 11, 4, 52, tzinfo=UTC).timestamp()
    assert "l:geonames:304922" in signature.features() and "n:41" in signature.features()


def test_a_signature_survives_its_json() -> None:
    signature = event_signature(tagged("A convoy of 40 buses left Raqqa on Saturday."))
    assert EventSignature.from_json(signature.to_json()) == signature
