"""Storage under messages in any order (both backends): versions in the source's
order, roles in decision order, aliases that keep their own text, splits, and
what the dedup state is rebuilt from."""

from __future__ import annotations

import itertools
from datetime import timedelta
from typing import Any

import pytest

from tests.integration.storage_fixtures import T0, article, pg_schema, storage_services, store
from workers.dedup.minhash import decode_signature, encode_signature
from workers.models import DuplicateNotice, EnrichedArticle
from workers.storage.postgres import PostgresStore
from workers.storage.sql import SplitError
from workers.storage.sqlite import SqliteStore

pytestmark = pytest.mark.integration

__all__ = ["pg_schema", "storage_services", "store"]

Store = SqliteStore | PostgresStore


def alias(copy: EnrichedArticle, of: str, similarity: float = 1.0) -> DuplicateNotice:
    method = "exact" if similarity == 1.0 else "near"
    return DuplicateNotice(article=copy, duplicate_of=of, similarity=similarity, method=method)


def state(store: Store) -> dict[str, Any]:
    """Everything a reader sees: each uri's role, current text and version history."""
    with store._reader() as cur:
        cur.execute("SELECT uri, version, content_hash FROM articles ORDER BY uri")
        articles = [tuple(r) for r in cur.fetchall()]
        cur.execute("SELECT alias_uri, canonical_uri FROM aliases ORDER BY alias_uri")
        aliases = [tuple(r) for r in cur.fetchall()]
        cur.execute("SELECT uri, content_hash, version FROM article_versions ORDER BY uri, version")
        versions = [tuple(r) for r in cur.fetchall()]
    return {"articles": articles, "aliases": aliases, "versions": versions}


def timed(uri: str, body: str, minutes: int, version: int = 1, **extra: Any) -> EnrichedArticle:
    return article(
        uri, body, version=version, versioncreated=T0 + timedelta(minutes=minutes), **extra
    )


# --- versions -------------------------------------------------------------------


@pytest.mark.parametrize("numbered", [True, False], ids=["source numbers", "source times"])
def test_versions_newest_first_or_oldest_first_end_the_same(store: Store, numbered: bool) -> None:
    versions = [
        timed("story", f"text {n}", minutes=10 * n, version=n + 1 if numbered else 1)
        for n in range(3)
    ]
    for v in reversed(versions):
        store.write_batch([v], [])
    newest_first = state(store)
    current = store.get("story")
    assert current is not None and current.body_text == "text 2" and current.version == 3
    assert [n for n, _ in store.version_history("story")] == [1, 2, 3]
    with store._transaction() as cur:
        for table in (
            "articles",
            "article_versions",
            "article_entities",
            "article_subjects",
            "article_lineage",
        ):
            cur.execute(f"DELETE FROM {table}")
    for v in versions:
        store.write_batch([v], [])
    assert state(store) == newest_first


def test_a_late_older_version_is_kept_but_never_current(store: Store) -> None:
    new = timed("story", "corrected text", minutes=5)
    old = timed("story", "first text", minutes=0)
    store.write_batch([new], [])
    late = store.write_batch([old], [])
    assert late.changed == tuple(late.changed) and all(
        a.body_text != "first text" for a in late.changed
    )
    current = store.get("story")
    assert current is not None and (current.body_text, current.version) == ("corrected text", 2)
    assert store.counts().versions == 2


# --- aliases keep their text ----------------------------------------------------------


def test_an_alias_keeps_its_own_text(store: Store) -> None:
    canonical = article("orig", "the story", role_seq=1)
    copy = article("copy", "the story, copied", role_seq=2)
    store.write_batch([canonical], [alias(copy, "orig", 0.9)])
    found = store.get("copy")
    own = store.get("copy", own=True)
    assert found is not None and found.uri == "orig"
    assert own is not None and own.uri == "copy" and own.body_text == "the story, copied"
    assert store.get("orig", own=True) == store.get("orig")


def test_a_takeover_makes_the_later_article_an_alias_and_its_aliases_follow(store: Store) -> None:
    later = article("later", "the story", role_seq=1)
    copy = article("copy", "the story again", role_seq=2)
    store.write_batch([later], [alias(copy, "later")])
    earlier = article("earlier", "the story", role_seq=3, takes_over=("later",))
    result = store.write_batch([earlier], [])
    assert result.demoted == ("later",)
    assert state(store)["aliases"] == [("copy", "earlier"), ("later", "earlier")]
    assert [a[0] for a in state(store)["articles"]] == ["earlier"]
    own = store.get("later", own=True)
    assert own is not None and own.body_text == "the story", "no decision discards text"
    # The demoted article's own decision, older, arriving again changes nothing.
    store.write_batch([later], [alias(copy, "later")])
    assert state(store)["aliases"] == [("copy", "earlier"), ("later", "earlier")]


MESSAGES: list[tuple[str, Any]] = [
    ("later", article("later", "the story", role_seq=1)),
    ("copy", alias(article("copy", "the story again", role_seq=2), "later")),
    ("earlier", article("earlier", "the story", role_seq=3, takes_over=("later",))),
    ("update", article("earlier", "the story, updated", version=2, role_seq=3)),
    ("near", alias(article("near", "the story, near", role_seq=4), "earlier", 0.9)),
]


@pytest.mark.parametrize("order", list(itertools.permutations(range(len(MESSAGES)))))
def test_storage_ends_the_same_whatever_order_messages_arrive_in(
    store: Store, order: tuple[int, ...]
) -> None:
    for index in order:
        message = MESSAGES[index][1]
        if isinstance(message, DuplicateNotice):
            store.write_batch([], [message])
        else:
            store.write_batch([message], [])
    final = state(store)
    assert [a[0] for a in final["articles"]] == ["earlier"]
    assert final["aliases"] == [("copy", "earlier"), ("later", "earlier"), ("near", "earlier")]
    assert len(final["versions"]) == 5
    current = store.get("near")
    assert current is not None and current.uri == "earlier" and current.version == 2


# --- split ----------------------------------------------------------------------------


def test_an_alias_split_off_becomes_an_article_of_its_own(store: Store) -> None:
    store.write_batch(
        [article("orig", "the story", role_seq=1)],
        [alias(article("copy", "not really the same story", role_seq=2), "orig", 0.81)],
    )
    split = store.split("copy", 9)
    assert (split.uri, split.body_text) == ("copy", "not really the same story")
    found = store.get("copy")
    assert found is not None and found.uri == "copy"
    assert store.counts().aliases == 0 and store.counts().articles == 2
    # The decision that made it an alias, redelivered, no longer applies.
    store.write_batch([], [alias(article("copy", "not really the same story", role_seq=2), "orig")])
    assert store.counts().aliases == 0
    with pytest.raises(SplitError):
        store.split("copy", 10)
    with pytest.raises(SplitError):
        store.split("nowhere", 11)


# --- the dedup window -----------------------------------------------------------------


def test_the_dedup_window_has_what_the_state_is_rebuilt_from(store: Store) -> None:
    signature = bytes(range(64))
    orig = article("orig", "the story", role_seq=5).model_copy(
        update={"signature": encode_signature(signature), "normalized_hash": "n1", "story_id": "s1"}
    )
    copy = article("copy", "the story again", role_seq=6).model_copy(
        update={"signature": encode_signature(signature[::-1]), "normalized_hash": "n2"}
    )
    v2 = timed("orig", "the story v2", minutes=90, version=2, role_seq=5)
    store.write_batch([orig, v2.model_copy(update={"story_id": "s1"})], [])
    store.write_batch([], [alias(copy, "orig", 0.9)])
    found = {i.uri: i for i in store.dedup_window(T0 - timedelta(days=3650))}
    assert set(found) == {"orig", "copy"}
    o, c = found["orig"], found["copy"]
    assert (o.canonical, o.role_seq, o.story_id, len(o.content_hashes)) == (None, 5, "s1", 2)
    assert (c.canonical, c.role_seq, c.story_id, c.method) == ("orig", 6, "s1", "near")
    assert c.signature == signature[::-1] and c.normalized_hash == "n2"
    assert decode_signature(encode_signature(signature)) == signature
    assert o.key.endswith("|orig") and c.key.endswith("|copy")
    assert list(store.dedup_window(T0 + timedelta(days=36500))) == []
