"""What a batch writes, worked out from the batch and what the store holds."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

from workers.dedup.order import dedup_key, version_order
from workers.models import DuplicateNotice, EnrichedArticle, Source, Takeover
from workers.storage.plan import (
    Held,
    HeldRole,
    HeldVersion,
    MakeAlias,
    incoming,
    make_plan,
    resolve,
)

T0 = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)


def make(
    uri: str,
    body: str = "text",
    *,
    version: int = 1,
    seq: int = 1,
    minutes: int = 0,
    takes_over: tuple[str, ...] = (),
) -> EnrichedArticle:
    return EnrichedArticle(
        uri=uri,
        version=version,
        headline="h",
        body_text=body,
        versioncreated=T0 + timedelta(minutes=minutes),
        fetched_at=T0,
        source=Source(feed_id="f", format="ninjs", parser="p"),
        content_hash=hashlib.sha256(body.encode()).hexdigest(),
        role_seq=seq,
        takes_over=[Takeover(uri=u, similarity=0.9, method="near") for u in takes_over],
    )


def notice(article: EnrichedArticle, of: str) -> DuplicateNotice:
    return DuplicateNotice(article=article, duplicate_of=of, similarity=0.9, method="near")


def hashes(*articles: EnrichedArticle) -> dict[tuple[str, str], str]:
    return {(a.uri, a.content_hash): "e" for a in articles}


def held_version(article: EnrichedArticle, number: int) -> HeldVersion:
    return HeldVersion(article.content_hash, version_order(article), number, "e")


NOTHING = Held({}, {})


def test_a_new_article_is_version_one_and_canonical() -> None:
    a = make("a")
    plan = make_plan(incoming([a], []), NOTHING, hashes(a))
    assert [(v.article.uri, v.number) for v in plan.new_versions] == [("a", 1)]
    assert [(c.uri, c.number, c.replaces_row) for c in plan.canonicals] == [("a", 1, False)]
    assert plan.aliases == []


def test_a_redelivery_changes_nothing() -> None:
    a = make("a")
    held = Held(
        {"a": [held_version(a, 1)]},
        {"a": HeldRole(1, None, a.content_hash, 1, "e", key=dedup_key(a))},
    )
    plan = make_plan(incoming([a], []), held, hashes(a))
    assert plan.new_versions == [] and plan.canonicals == [] and plan.renumbered == []


def test_a_late_older_version_goes_into_the_history_only() -> None:
    new = make("a", "new text", minutes=10)
    old = make("a", "old text", minutes=0)
    held = Held(
        {"a": [held_version(new, 1)]},
        {"a": HeldRole(1, None, new.content_hash, 1, "e", key=dedup_key(new))},
    )
    plan = make_plan(incoming([old], []), held, hashes(old))
    assert [(v.article.content_hash, v.number) for v in plan.new_versions] == [
        (old.content_hash, 1)
    ]
    assert plan.renumbered == [("a", new.content_hash, 2)]
    (row,) = plan.canonicals
    assert (row.content_hash, row.number) == (new.content_hash, 2), "the newer stays current"


def test_an_older_decision_arriving_late_does_not_change_the_role() -> None:
    copy = make("b", "copy", seq=3)
    held = Held({}, {"b": HeldRole(7, "x")})
    plan = make_plan(incoming([copy], []), held, hashes(copy))
    assert plan.canonicals == [] and plan.aliases == []
    assert [v.article.uri for v in plan.new_versions] == ["b"], "its text is kept all the same"


def test_a_takeover_makes_the_later_canonical_an_alias() -> None:
    earlier = make("x", seq=9, takes_over=("m",))
    held = Held({}, {"m": HeldRole(4, None, "h", 1, "e")})
    plan = make_plan(incoming([earlier], []), held, hashes(earlier))
    assert [c.uri for c in plan.canonicals] == ["x"]
    assert plan.aliases == [MakeAlias("m", "x", 9, 0.9, "near", "", had_article_row=True)]


def test_a_duplicate_of_a_taken_over_article_points_at_the_new_canonical() -> None:
    copy = make("a", "copy", seq=5)
    held = Held({}, {"m": HeldRole(9, "x")})
    plan = make_plan(incoming([], [notice(copy, "m")]), held, hashes(copy))
    (alias,) = plan.aliases
    assert (alias.uri, alias.canonical) == ("a", "x")
    assert [v.article.uri for v in plan.new_versions] == ["a"], "an alias keeps its own text"


def test_resolve_follows_aliases_to_their_canonical() -> None:
    assert resolve("a", {"a": "b", "b": "c"}) == "c"
    assert resolve("c", {"a": "b"}) == "c"
    assert resolve("a", {"a": "a"}) == "a"


def test_an_alias_made_by_a_takeover_gets_its_dedup_key_when_its_own_text_arrives() -> None:
    own = make("m", "its own text", seq=4)
    held = Held({}, {"m": HeldRole(9, "x")})
    plan = make_plan(incoming([own], []), held, hashes(own))
    assert plan.aliases == [] and plan.canonicals == []
    assert plan.rekeyed == [("m", dedup_key(own))]
