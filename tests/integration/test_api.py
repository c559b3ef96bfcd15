"""`newswire serve` over a real store, the real Redis cache and real HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import httpx
import orjson
import pytest
from jsonschema import Draft202012Validator, FormatChecker
from prometheus_client import REGISTRY
from pydantic import SecretStr

from tests.integration.api_support import get, serving
from tests.integration.storage_fixtures import T0, article
from workers.models import DuplicateNotice, EnrichedArticle
from workers.settings import ApiSettings, Settings
from workers.storage.factory import open_store
from workers.storage.search import MAX_OFFSET

pytestmark = pytest.mark.integration

NINJS = Draft202012Validator(
    orjson.loads((Path(__file__).parents[1] / "data" / "ninjs-schema_3.1.json").read_bytes()),
    format_checker=FormatChecker(),
)
STORY = "story-raqqa"
URI = "urn:test:raqqa-"


def in_story(item: EnrichedArticle, minutes: int) -> EnrichedArticle:
    return item.model_copy(
        update={"story_id": STORY, "firstcreated": T0 + timedelta(minutes=minutes)}
    )


def notice(uri: str, of: str, body: str) -> DuplicateNotice:
    copy = article(uri, body, role_seq=5).model_copy(update={"story_id": STORY})
    return DuplicateNotice(article=copy, duplicate_of=of, similarity=0.9, method="near")


@pytest.fixture
def api(settings: Settings) -> Iterator[str]:
    store = open_store(settings)
    originals = [
        in_story(article(f"{URI}{n:02d}", f"Convoy number {n} leaves Raqqa", role_seq=n + 1), n)
        for n in range(25)
    ]
    update = article(f"{URI}00", "Convoy number 0 leaves Raqqa at dawn", version=2, role_seq=1)
    store.write_batch(
        [*originals, in_story(update, 0)],
        [notice("urn:test:copy-00", f"{URI}00", "Convoy number 0 leaves Raqqa, copied")],
    )
    with serving(settings, store) as base:
        yield base
    store.close()


def test_an_article_is_valid_ninjs_and_an_alias_names_its_canonical(api: str) -> None:
    own = get(f"{api}/articles/{URI}00")
    assert own.status_code == 200
    NINJS.validate(own.json())
    assert own.json()["version"] == "2" and "at dawn" in own.json()["bodies"][0]["value"]
    assert "x-newswire-canonical-uri" not in own.headers
    alias = get(f"{api}/articles/urn:test:copy-00")
    assert alias.status_code == 200 and alias.json()["uri"] == f"{URI}00"
    assert alias.headers["x-newswire-canonical-uri"] == f"{URI}00"
    text = get(f"{api}/articles/urn:test:copy-00", own="true")
    assert (
        text.json()["uri"] == "urn:test:copy-00" and "copied" in text.json()["bodies"][0]["value"]
    )
    missing = get(f"{api}/articles/nowhere")
    assert missing.status_code == 404 and "nowhere" in missing.json()["detail"]


def test_search_pages_with_cursors_until_the_last(api: str) -> None:
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params: dict[str, object] = {"q": "Raqqa", "limit": 10}
        if cursor:
            params["cursor"] = cursor
        page = get(f"{api}/search", **params)
        assert page.status_code == 200, page.text
        body = page.json()
        seen += [hit["uri"] for hit in body["hits"]]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert pages == 3 and len(seen) == len(set(seen)) == 25
    assert all(
        "«Raqqa»" in hit["snippet"] for hit in get(f"{api}/search", q="Raqqa").json()["hits"]
    )


def test_bad_parameters_answer_422_naming_the_field(api: str) -> None:
    too_many = get(f"{api}/search", limit=1000)
    assert too_many.status_code == 422 and too_many.json()["detail"][0]["loc"] == ["query", "limit"]
    assert get(f"{api}/search", since="yesterday").status_code == 422
    other = get(f"{api}/search", q="Convoy").json()["next_cursor"]
    wrong = get(f"{api}/search", q="Raqqa", cursor=other)
    assert wrong.status_code == 422 and "another query" in wrong.json()["detail"]
    assert MAX_OFFSET > 25


def test_a_story_lists_its_articles_versions_and_duplicates_in_time_order(api: str) -> None:
    story = get(f"{api}/stories/{STORY}")
    assert story.status_code == 200
    articles = story.json()["articles"]
    assert [a["article"]["uri"] for a in articles][:3] == [f"{URI}00", f"{URI}01", f"{URI}02"]
    first = articles[0]
    assert [v["version"] for v in first["versions"]] == [1, 2]
    assert [d["uri"] for d in first["duplicates"]] == ["urn:test:copy-00"]
    assert get(f"{api}/stories/no-such-story").status_code == 404


def test_health_and_metrics_count_cache_hits_and_requests(api: str) -> None:
    health = get(f"{api}/health")
    assert health.status_code == 200 and health.json()["ok"] is True
    before = (
        REGISTRY.get_sample_value(
            "newswire_cache_requests_total", {"cache": "article", "result": "hit"}
        )
        or 0.0
    )
    get(f"{api}/articles/{URI}03")
    get(f"{api}/articles/{URI}03")
    text = get(f"{api}/metrics").text
    assert 'newswire_api_requests_total{route="/articles/{uri:path}",status="200"}' in text
    after = REGISTRY.get_sample_value(
        "newswire_cache_requests_total", {"cache": "article", "result": "hit"}
    )
    assert after is not None and after >= before + 1, "the second read came from Redis"


def test_health_names_what_is_down(settings: Settings) -> None:
    down = settings.model_copy(update={"redis_url": SecretStr("redis://127.0.0.1:1/0")})
    with serving(down) as base:
        health = get(f"{base}/health")
    assert health.status_code == 503
    checks = health.json()["checks"]
    assert checks["redis"]["ok"] is False and checks["store"]["ok"] is True


def test_a_token_is_asked_when_one_is_set(settings: Settings) -> None:
    guarded = settings.model_copy(update={"api": ApiSettings(token=SecretStr("s3cret"))})
    with serving(guarded) as base:
        assert get(f"{base}/search").status_code == 401
        ok = httpx.get(f"{base}/search", headers={"Authorization": "Bearer s3cret"}, timeout=10)
        assert ok.status_code == 200
        assert get(f"{base}/health").status_code == 200, "health needs no token"
