"""The dedup rules as a table of cases (docs/ARCHITECTURE.md, Deduplication):
the in-memory specification (`workers/dedup/memory_state.py`, unit tests) and
the Redis script (integration tests) must both decide every one of them.

A text's similarity to another is the share of its 256 signature values they
agree on (`tests/dedup_table.Text`): RAQQA_NEAR agrees with RAQQA on 216 of them."""

from __future__ import annotations

from itertools import permutations

from tests.dedup_table import (
    Arrive,
    Case,
    Lose,
    Lost,
    Req,
    Restore,
    Roles,
    Split,
    Text,
    Wait,
    decide,
    duplicate,
    near,
    ok,
    related,
    took,
    version,
)

RAQQA = Text("raqqa")
RAQQA_NEAR = RAQQA.but("near", 216)
NEAR = 216 / 256
RAQQA_UPDATE = RAQQA.but("update", 236)
UPDATE = 236 / 256
RAQQA_RELATED = RAQQA.but("related", 156)
RELATED = 156 / 256
BUDGET = Text("budget")

REDELIVERY = (
    Case(
        "a redelivered canonical is answered with its role and nothing changes",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u2", RAQQA), duplicate("u1", 2))),
        ),
    ),
    Case(
        "a redelivered duplicate keeps its canonical and its decision",
        (
            decide((Req("u1", RAQQA), ok("u1", 1)), (Req("u2", RAQQA), duplicate("u1", 2))),
            decide((Req("u2", RAQQA), duplicate("u1", 2)), (Req("u1", RAQQA), ok("u1", 1))),
        ),
    ),
)

VERSIONS = (
    Case(
        "changed content of a canonical is a new version in the same role",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u1", RAQQA_UPDATE), version("u1", 1))),
            decide((Req("u1", BUDGET), version("u1", 1))),
            decide((Req("u1", RAQQA), ok("u1", 1)), (Req("u1", BUDGET), ok("u1", 1))),
        ),
    ),
    Case(
        "changed content with the same normalized text is a new version",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u1", RAQQA, content="reworded"), version("u1", 1))),
        ),
    ),
    Case(
        "a new version of a canonical is compared with nothing, even a copy of another",
        (
            decide((Req("u1", RAQQA), ok("u1", 1)), (Req("u2", BUDGET), ok("u2", 2))),
            decide((Req("u2", RAQQA), version("u2", 2))),
            decide((Req("u3", RAQQA), duplicate("u1", 3))),
        ),
    ),
    Case(
        "a new version of an alias that still copies its canonical keeps its decision",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u2", RAQQA_NEAR, at=5), near("u1", 2, NEAR))),
            decide((Req("u2", RAQQA_UPDATE, at=5), near("u1", 2, UPDATE))),
        ),
    ),
    Case(
        "a new version of an alias that copies nothing makes it canonical in a new decision",
        (
            decide((Req("u1", RAQQA), ok("u1", 1)), (Req("u2", RAQQA), duplicate("u1", 2))),
            decide((Req("u2", BUDGET), version("u2", 3))),
            decide((Req("u3", BUDGET, at=5), duplicate("u2", 4))),
        ),
    ),
    Case(
        "a new version of an alias that copies another canonical moves it there",
        (
            decide((Req("u1", RAQQA), ok("u1", 1)), (Req("u2", BUDGET), ok("u2", 2))),
            decide((Req("u3", RAQQA, at=5), duplicate("u1", 3))),
            decide((Req("u3", BUDGET, at=5), duplicate("u2", 4))),
        ),
    ),
    Case(
        "a new version of an alias related to another story is canonical in that story",
        (
            decide((Req("u1", RAQQA), ok("u1", 1)), (Req("u2", BUDGET), ok("u2", 2))),
            decide((Req("u3", RAQQA, at=5), duplicate("u1", 3))),
            decide((Req("u3", BUDGET.but("related", 156), at=5), version("u2", 4))),
        ),
    ),
)

COPIES = (
    Case(
        "a copy of a canonical's text is an exact duplicate, of an alias's text too",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u2", RAQQA_NEAR, at=5), near("u1", 2, NEAR))),
            decide((Req("u3", RAQQA_NEAR, at=5), duplicate("u1", 3))),
            decide((Req("u4", RAQQA, at=5), duplicate("u1", 4))),
        ),
    ),
    Case(
        "of copies with the same times the uri first in code point order is canonical",
        (
            decide((Req("a", RAQQA), ok("a", 1))),
            decide((Req("B", RAQQA), ok("a", 2, took("a")))),
        ),
    ),
    Case(
        "copies in one submission are decided in order",
        (
            decide(
                (Req("late", RAQQA, at=10), ok("late", 1)),
                (Req("first", RAQQA, at=0), ok("late", 2, took("late"))),
                (Req("copy", RAQQA, at=5), duplicate("first", 3, story="late")),
            ),
        ),
    ),
)

STORIES = (
    Case(
        "a text between the thresholds is related: canonical in the other's story",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u4", RAQQA_RELATED), related("u1", 2, RELATED))),
            decide((Req("u5", BUDGET), ok("u5", 3))),
            decide((Req("u4", RAQQA_RELATED), ok("u1", 2))),
        ),
    ),
    Case(
        "stories are transitive through related articles",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u2", RAQQA_RELATED), related("u1", 2, RELATED))),
            decide(
                (Req("u3", RAQQA.but("c", 0, 60).but("related", 156)), related("u1", 3, 196 / 256))
            ),
        ),
    ),
    Case(
        "the most similar related article gives the story",
        (
            decide((Req("p", Text("p")), ok("p", 1))),
            decide((Req("q", Text("p").but("q", 0, 140)), ok("q", 2))),
            decide((Req("y", Text("p").but("q", 0, 63)), related("p", 3, 193 / 256))),
        ),
    ),
    Case(
        "of related articles equally similar, the smaller uri gives the story",
        (
            decide((Req("b-raqqa", RAQQA), ok("b-raqqa", 1))),
            decide((Req("a-budget", BUDGET), ok("a-budget", 2))),
            decide(
                (
                    Req("x", RAQQA.but("budget", 63, 126).but("budget", 191)),
                    related("a-budget", 3, 0.5),
                )
            ),
        ),
    ),
    Case(
        "a band key points to the last canonical indexed under it",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            decide((Req("u2", RAQQA_RELATED), related("u1", 2, RELATED))),
            decide((Req("u3", RAQQA.but("u3", 200)), related("u1", 3, 156 / 256))),
        ),
    ),
)

TAKEOVERS = (
    Case(
        "an earlier copy decided later takes over the canonical and its aliases",
        (
            decide((Req("late", RAQQA, at=10), ok("late", 1))),
            decide((Req("near", RAQQA_NEAR, at=20), near("late", 2, NEAR))),
            decide(
                (Req("first", RAQQA, at=0), ok("late", 3, took("late"), took("near", NEAR, "near")))
            ),
            decide(
                (Req("late", RAQQA, at=10), duplicate("first", 3, story="late")),
                (Req("near", RAQQA_NEAR, at=20), near("first", 3, NEAR, story="late")),
                (
                    Req("first", RAQQA, at=0),
                    ok("late", 3, took("late"), took("near", NEAR, "near")),
                ),
                (
                    Req("first", RAQQA_UPDATE, at=0),
                    version("late", 3, took("late"), took("near", NEAR, "near")),
                ),
            ),
            decide((Req("copy", RAQQA, at=30), duplicate("first", 4, story="late"))),
        ),
    ),
    Case(
        "an earlier near copy takes over with its similarity",
        (
            decide((Req("late", RAQQA, at=10), ok("late", 1))),
            decide((Req("first", RAQQA_NEAR, at=0), ok("late", 2, took("late", NEAR, "near")))),
        ),
    ),
    Case(
        "an earlier copy of two canonicals takes both over",
        (
            decide((Req("a", RAQQA, at=10), ok("a", 1))),
            decide(
                (Req("c", RAQQA.but("c", 0, 51).but("c", 205), at=20), related("a", 2, 154 / 256))
            ),
            decide(
                (
                    Req("x", RAQQA.but("c", 205), at=0),
                    ok("a", 3, took("a", 205 / 256, "near"), took("c", 205 / 256, "near")),
                )
            ),
        ),
    ),
)

ARRIVALS = [
    Req("b-original", RAQQA, at=0),
    Req("a-copy", RAQQA, at=5),
    Req("c-near", RAQQA_NEAR, at=3),
    Req("d-other", BUDGET, at=1),
]
ORDERS = tuple(
    Case(
        f"the earliest copy is canonical whatever the arrival order {''.join(map(str, order))}",
        (
            *(Arrive((ARRIVALS[i],)) for i in order),
            Roles(
                {
                    "b-original": "b-original",
                    "a-copy": "b-original",
                    "c-near": "b-original",
                    "d-other": "d-other",
                }
            ),
        ),
    )
    for order in permutations(range(len(ARRIVALS)))
)

SPLITS = (
    Case(
        "a split alias is canonical in a new decision and never an alias again",
        (
            decide((Req("orig", RAQQA, at=10), ok("orig", 1))),
            decide((Req("near", RAQQA_NEAR, at=20), near("orig", 2, NEAR))),
            Split("near", 3),
            decide((Req("near", RAQQA_NEAR, at=20), ok("orig", 3))),
            decide((Req("x", RAQQA_NEAR, at=0), ok("orig", 4))),
            decide((Req("near", RAQQA_NEAR, at=20), ok("orig", 3))),
            decide((Req("y", RAQQA_NEAR, at=30), duplicate("near", 5, story="orig"))),
        ),
    ),
)

WINDOW = (
    Case(
        "a copy after the window is canonical, and an earlier one then takes it over",
        (
            decide((Req("u1", RAQQA), ok("u1", 1)), (Req("u2", RAQQA), duplicate("u1", 2))),
            Wait(2.5),
            decide((Req("u3", RAQQA), ok("u3", 3))),
            decide(
                (Req("u1", RAQQA), ok("u3", 4, took("u3"))),
                (Req("u2", RAQQA), duplicate("u1", 5, story="u3")),
            ),
        ),
        window_seconds=2,
    ),
    Case(
        "a uri stays known a window after its last use",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            Wait(3),
            decide((Req("u1", RAQQA), ok("u1", 1))),
            Wait(3),
            decide((Req("u1", RAQQA), ok("u1", 1))),
        ),
        window_seconds=4,
    ),
    Case(
        "a copy of an alias whose canonical left the window is compared with the window only",
        (
            decide((Req("c", RAQQA, at=0), ok("c", 1))),
            decide((Req("a", RAQQA_NEAR, at=10), near("c", 2, NEAR))),
            Wait(2.5),
            decide((Req("a", RAQQA.but("near2", 216), at=10), near("c", 2, NEAR))),
            Wait(2.5),
            decide((Req("x", RAQQA.but("near2", 216), at=20), ok("x", 3))),
        ),
        window_seconds=4,
    ),
)

LOST = (
    Case(
        "a state that came back empty decides nothing until it is complete again",
        (
            decide((Req("u1", RAQQA), ok("u1", 1))),
            Lose(),
            Lost(Req("u2", RAQQA)),
            Restore(),
            decide((Req("u2", RAQQA), ok("u2", 1))),
        ),
    ),
)

CASES = (
    *REDELIVERY,
    *VERSIONS,
    *COPIES,
    *STORIES,
    *TAKEOVERS,
    *ORDERS,
    *SPLITS,
    *WINDOW,
    *LOST,
)
