"""The story rule and matching on signatures, with the in-memory state."""

from __future__ import annotations

from dataclasses import replace

from workers.stories.match import MatchRules, conflicts, contradicts, evidence, same_event
from workers.stories.memory_state import MemoryStoryState
from workers.stories.signature import EventSignature
from workers.stories.state import LinkRequest, Snapshot, place

HOUR = 3600.0
RULES = MatchRules(window_seconds=48 * HOUR, threshold=7.0)


def sig(
    uri: str,
    *,
    hours: float = 0.0,
    people: tuple[str, ...] = (),
    places: tuple[str, ...] = ("geonames:98182",),
    organisations: tuple[str, ...] = (),
    words: tuple[str, ...] = (),
    numbers: tuple[str, ...] = (),
    slots: tuple[tuple[str, str, str], ...] = (),
) -> EventSignature:
    return EventSignature(
        uri=uri,
        time=1_700_000_000 + hours * HOUR,
        people=frozenset(people),
        organisations=frozenset(organisations),
        places=frozenset(places),
        dateline="baghdad",
        topic="medtop:16000000",
        words=frozenset(words),
        numbers=frozenset(numbers),
        slots=frozenset(slots),
    )


BOMB = sig(
    "reuters-bomb",
    people=("candidate:mohammed shia al-sudani",),
    words=("market", "sadr", "explosion", "police", "vegetable", "wounded"),
    numbers=("9", "24"),
)
BOMB_ELSEWHERE = sig(
    "ap-bomb",
    hours=2,
    people=("candidate:mohammed shia al-sudani",),
    words=("market", "sadr", "blast", "wounded", "shoppers", "vegetable"),
    numbers=("9", "24", "3"),
)
PROTEST = sig(
    "afp-protest",
    hours=20,
    words=("graduates", "protest", "tahrir", "square", "unemployment", "police"),
    numbers=("16",),
)


def test_two_reports_sharing_people_numbers_and_words_are_one_event() -> None:
    assert same_event(BOMB_ELSEWHERE, BOMB, RULES, lambda f: 1.0) is not None


def test_another_event_in_the_same_place_is_not() -> None:
    assert same_event(PROTEST, BOMB, RULES, lambda f: 1.0) is None


def test_outside_the_window_nothing_matches() -> None:
    late = replace(BOMB_ELSEWHERE, time=BOMB.time + 49 * HOUR)
    assert same_event(late, BOMB, RULES, lambda f: 1.0) is None


def test_features_held_by_many_stories_weigh_little() -> None:
    rare = evidence(BOMB_ELSEWHERE, BOMB, lambda f: 1.0).score
    common = evidence(BOMB_ELSEWHERE, BOMB, lambda f: 1 / 50).score
    assert common < rare / 5
    assert same_event(BOMB_ELSEWHERE, BOMB, RULES, lambda f: 1 / 50) is None


def test_place_and_template_words_alone_are_not_specific_evidence() -> None:
    a = sig("a", words=("closed", "index", "points", "shares", "traded", "market"))
    b = sig("b", hours=24, words=("closed", "index", "points", "shares", "traded", "market"))
    found = evidence(b, a)
    assert not found.specific
    assert same_event(b, a, MatchRules(48 * HOUR, threshold=0.0), lambda f: 1.0) is None


MONDAY = sig(
    "close-monday",
    organisations=("Q130879", "Q1490"),
    words=("nikkei", "closed", "topix", "components", "exporters"),
    numbers=("225", "37.644.26", "171", "49", "145.70"),
    slots=(
        ("closed", "at", "1.2"),
        ("at", "its", "37.644.26"),
        ("components", "rose", "171"),
        ("rose", "fell", "49"),
        ("bought", "yen", "145.70"),
        ("s", "components", "225"),
    ),
)
TUESDAY = sig(
    "close-tuesday",
    hours=24,
    organisations=("Q130879", "Q1490"),
    words=("nikkei", "closed", "topix", "components", "chips"),
    numbers=("225", "37.342.50", "58", "163", "144.35", "145.70"),
    slots=(
        ("closed", "at", "0.8"),
        ("at", "the", "37.342.50"),
        ("components", "rose", "58"),
        ("rose", "fell", "163"),
        ("bought", "yen", "144.35"),
        ("s", "components", "225"),
        ("from", "in", "145.70"),
    ),
)


def test_a_template_slot_holding_the_same_number_is_no_conflict() -> None:
    assert conflicts([("of", "components", "225")], [("of", "components", "225")]) == 0
    assert conflicts([("of", "rose", "171")], [("of", "rose", "58")]) == 1


def test_templated_reports_with_other_numbers_in_the_same_slots_never_merge() -> None:
    assert evidence(TUESDAY, MONDAY).conflicts >= 2
    assert same_event(TUESDAY, MONDAY, MatchRules(48 * HOUR, threshold=0.0), lambda f: 1.0) is None
    assert contradicts(TUESDAY, [MONDAY])


async def test_memory_state_links_the_same_event_and_starts_a_story_otherwise() -> None:
    state = MemoryStoryState(RULES)
    placed = await state.link(
        [LinkRequest(BOMB), LinkRequest(PROTEST), LinkRequest(BOMB_ELSEWHERE)]
    )
    assert placed == ["reuters-bomb", "afp-protest", "reuters-bomb"]


async def test_a_placed_uri_keeps_its_story_when_it_comes_again() -> None:
    state = MemoryStoryState(RULES)
    await state.link([LinkRequest(BOMB), LinkRequest(BOMB_ELSEWHERE)])
    lonely = replace(BOMB_ELSEWHERE, people=frozenset(), numbers=frozenset(), words=frozenset())
    assert await state.link([LinkRequest(lonely)]) == ["reuters-bomb"]


async def test_a_copy_follows_the_story_of_the_article_dedup_put_it_with() -> None:
    state = MemoryStoryState(RULES)
    await state.link([LinkRequest(BOMB), LinkRequest(BOMB_ELSEWHERE)])
    copy = LinkRequest(sig("copy-of-ap"), anchor="ap-bomb", indexed=False)
    assert await state.link([copy]) == ["reuters-bomb"]


def test_a_related_text_keeps_dedups_story_unless_its_numbers_contradict_it() -> None:
    story = {"close-monday": [MONDAY]}
    related = LinkRequest(TUESDAY, anchor="close-monday", related=True)
    assert place(related, Snapshot(anchored="close-monday", stories=story), RULES) == (
        "close-tuesday"
    )
    agreeing = LinkRequest(BOMB_ELSEWHERE, anchor="reuters-bomb", related=True)
    snapshot = Snapshot(anchored="reuters-bomb", stories={"reuters-bomb": [BOMB]})
    assert place(agreeing, snapshot, RULES) == "reuters-bomb"


def test_ties_go_to_the_smallest_story_id() -> None:
    snapshot = Snapshot(stories={"b-story": [BOMB], "a-story": [BOMB]})
    assert place(LinkRequest(BOMB_ELSEWHERE), snapshot, RULES) == "a-story"


async def test_a_uri_placed_earlier_in_its_batch_keeps_that_story() -> None:
    lonely = replace(BOMB_ELSEWHERE, people=frozenset(), numbers=frozenset(), words=frozenset())
    placed = await MemoryStoryState(RULES).link(
        [LinkRequest(BOMB), LinkRequest(BOMB_ELSEWHERE), LinkRequest(lonely)]
    )
    assert placed == ["reuters-bomb", "reuters-bomb", "reuters-bomb"]


async def test_a_copy_follows_the_story_its_anchor_joined_earlier_in_its_batch() -> None:
    copy = LinkRequest(sig("copy-of-ap"), anchor="ap-bomb", indexed=False)
    placed = await MemoryStoryState(RULES).link(
        [LinkRequest(BOMB), LinkRequest(BOMB_ELSEWHERE), copy]
    )
    assert placed == ["reuters-bomb", "reuters-bomb", "reuters-bomb"]


async def test_a_duplicate_is_placed_but_not_recorded_as_a_member() -> None:
    state = MemoryStoryState(RULES)
    await state.link([LinkRequest(BOMB), LinkRequest(BOMB_ELSEWHERE, indexed=False)])
    lonely = replace(BOMB_ELSEWHERE, people=frozenset(), numbers=frozenset(), words=frozenset())
    assert await state.link([LinkRequest(lonely)]) == ["ap-bomb"]
