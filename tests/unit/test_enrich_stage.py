"""The enrichment stage in process: its handler (`workers/stages/enrich.py`) over
the chain every stage runs, with the dedup rules' in-memory state and an
in-memory Kafka producer, on the messages a worker would read from
`articles.raw`."""

from __future__ import annotations

import orjson

from tests.dedup_support import make_article
from tests.stage_support import Sent, run_chain
from workers import codec
from workers.dedup.memory_state import MemoryDedupState
from workers.enrich.engine import Enricher
from workers.enrich.resources import Resources
from workers.models import DeadLetter, DuplicateNotice, EnrichedArticle
from workers.runtime.batch import Record
from workers.settings import Settings
from workers.stages.enrich import EnrichHandler

BODY = (
    "BEIRUT, Oct 14 (Reuters) - Lebanon's central bank said on Tuesday it would keep "
    "its exchange rate unchanged after talks with the International Monetary Fund in "
    "Beirut, as the government of Prime Minister Nawaf Salam prepared its budget."
)


class Restore:
    """Restores the in-memory state as the rebuild from storage would."""

    def __init__(self, state: MemoryDedupState) -> None:
        self.state = state
        self.calls = 0

    async def __call__(self) -> None:
        self.calls += 1
        self.state.begin_epoch()


def stage(resources: Resources) -> tuple[EnrichHandler, Restore]:
    settings = Settings()
    state = MemoryDedupState(settings.dedup)
    restore = Restore(state)
    return EnrichHandler(Enricher(settings, resources, state, restore)), restore


def raw(uri: str, offset: int, body: str = BODY) -> Record:
    article = make_article(uri, "Lebanon keeps its exchange rate", body)
    return Record("articles.raw", 0, offset, uri.encode(), codec.encode(article))


def test_an_original_is_enriched_and_its_copy_routed_to_duplicates_in_one_batch(
    resources: Resources,
) -> None:
    handler, restore = stage(resources)
    sender = Sent()
    released = run_chain(handler, [raw("urn:a", 0), raw("urn:b", 1)], sender)
    assert released == ["urn:a", "urn:b"]
    assert restore.calls == 1, "a state without its epoch is restored before deciding"
    by_topic = {output.topic: output for output in sender.acknowledged}
    assert set(by_topic) == {"enriched", "duplicates"}
    enriched = codec.decode(by_topic["enriched"].value, EnrichedArticle)
    assert enriched.uri == "urn:a"
    assert enriched.language == "en"
    assert {"Beirut", "Lebanon"} <= {tag.names.get("en") for tag in enriched.place}
    assert "International Monetary Fund" in {tag.names.get("en") for tag in enriched.organisation}
    assert enriched.lineage[-1].stage == "enrich"
    notice = codec.decode(by_topic["duplicates"].value, DuplicateNotice)
    assert (notice.article.uri, notice.duplicate_of) == ("urn:b", "urn:a")


def test_a_message_that_breaks_its_schema_is_dead_lettered_and_the_batch_flows(
    resources: Resources,
) -> None:
    handler, _ = stage(resources)
    sender = Sent()
    broken = orjson.dumps({"schema": "newswire.article/1", "uri": "urn:bad"})
    records = [Record("articles.raw", 0, 0, b"urn:bad", broken), raw("urn:a", 1)]
    released = run_chain(handler, records, sender)
    assert released == ["urn:bad", "urn:a"]
    topics = [output.topic for output in sender.acknowledged]
    assert sorted(topics) == ["dlq", "enriched"]
    letter = codec.decode(
        next(o for o in sender.acknowledged if o.topic == "dlq").value, DeadLetter
    )
    assert (letter.stage, letter.error_type) == ("enrich", "schema")
    assert (letter.original_topic, letter.original_offset) == ("articles.raw", 0)


def test_a_redelivered_batch_decides_the_same_and_sends_the_same_messages(
    resources: Resources,
) -> None:
    handler, _ = stage(resources)
    first, again = Sent(), Sent()
    run_chain(handler, [raw("urn:a", 0), raw("urn:b", 1)], first)
    run_chain(handler, [raw("urn:a", 0), raw("urn:b", 1)], again)
    assert [o.topic for o in again.acknowledged] == [o.topic for o in first.acknowledged]
    decided = [
        codec.decode(o.value, EnrichedArticle) for o in again.acknowledged if o.topic == "enriched"
    ]
    assert [article.uri for article in decided] == ["urn:a"]


def test_two_agencies_reports_of_one_event_share_a_story_when_linking_is_on(
    resources: Resources,
) -> None:
    from tests.eval.stories.corpus import ARTICLES
    from workers.stories.linking import match_rules
    from workers.stories.memory_state import MemoryStoryState

    settings = Settings()
    state = MemoryDedupState(settings.dedup)
    stories = MemoryStoryState(match_rules(settings.stories))
    handler = EnrichHandler(Enricher(settings, resources, state, Restore(state), stories=stories))
    reports = [ARTICLES["en_malatya_quake_reuters"], ARTICLES["en_malatya_quake_ap"]]
    records = [
        Record("articles.raw", 0, offset, a.uri.encode(), codec.encode(a))
        for offset, a in enumerate(reports)
    ]
    sender = Sent()
    run_chain(handler, records, sender)
    enriched = [codec.decode(o.value, EnrichedArticle) for o in sender.acknowledged]
    assert [a.uri for a in enriched] == ["en_malatya_quake_reuters", "en_malatya_quake_ap"]
    assert enriched[0].story_id == enriched[1].story_id == "en_malatya_quake_reuters"


def test_a_run_called_again_after_the_state_lost_its_epoch_decides_every_group_again(
    resources: Resources,
) -> None:
    """Decisions made under an epoch since lost were never sent, so the rebuild from
    storage cannot know them: kept, a later copy would find no canonical."""
    import asyncio

    from workers.enrich.engine import EnrichResult

    settings = Settings()
    state = MemoryDedupState(settings.dedup)
    enricher = Enricher(settings, resources, state, Restore(state))
    headline = "Lebanon keeps its exchange rate"

    async def scenario() -> EnrichResult:
        run = enricher.begin([make_article("urn:a", headline, BODY)])
        await run.results()
        state.lose()  # Redis came back empty before the run's results were sent
        await run.results()  # the stage calls the run again after its failure
        (copy,) = await enricher.process_batch([make_article("urn:b", headline, BODY)])
        assert isinstance(copy, EnrichResult)
        return copy

    copy = asyncio.run(scenario())
    assert copy.notice is not None and copy.notice.duplicate_of == "urn:a"
