"""The batch engine of the enrichment: the steps (`workers/enrich/steps/`) over a
batch's articles a group at a time, each article's text analysed ahead on a thread
of the compiled core, the dedup state deciding one group while the next goes
through the steps, and the process's garbage collector tuned for it
(docs/ARCHITECTURE.md, The stage runtime)."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import Any, Protocol, TypeVar

from workers.dedup.decision import Decision, Outcome
from workers.dedup.minhash import Fingerprint, encode_signature, fingerprint
from workers.dedup.order import dedup_key
from workers.dedup.state import DedupRequest, DedupState, Submitted
from workers.enrich.resources import Resources
from workers.enrich.steps import Step, default_steps
from workers.errors import TransientError
from workers.models import (
    ENRICHED_SCHEMA,
    Article,
    DuplicateNotice,
    EnrichedArticle,
    Takeover,
    assemble,
    evolve,
)
from workers.settings import Settings
from workers.stories.linking import story_request
from workers.stories.state import StoryState
from workers.text.analysis import AnalysesAhead, Analysis
from workers.text.language import detect_language

GROUP_SIZE = 100
"""Articles taken through the steps together. While a group goes through the steps,
the texts of the groups after it are analysed in order on a thread of the compiled
core and the dedup state decides the previous group."""
EDGE_GROUP = 16
"""The batch's first and last groups are cut to this size: the first one's analysis
and the last one's decision are waited for with nothing to compute meanwhile."""


def groups(count: int) -> list[range]:
    """Index ranges of the groups of a batch of `count` articles."""
    if count <= EDGE_GROUP:
        return [range(count)] if count else []
    bounds = [0, *range(EDGE_GROUP, count, GROUP_SIZE), count]
    if count - bounds[-2] > EDGE_GROUP:
        bounds.insert(-1, count - EDGE_GROUP)
    return [range(a, b) for a, b in pairwise(bounds)]


T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class EnrichResult:
    article: EnrichedArticle
    """Goes to `articles.enriched` unless `notice` is set."""
    outcome: Outcome
    notice: DuplicateNotice | None = None
    """Set for duplicates and near duplicates: goes to `articles.duplicates`."""


@dataclass(frozen=True)
class EnrichFailure:
    """One article a step could not enrich; the rest of its batch went on."""

    article_uri: str
    error_type: str
    reason: str
    index: int


YOUNG_COLLECTION_THRESHOLD = 20_000
"""Allocations between two collections of the youngest generation (Python's default
is 700): an enriched article allocates a few hundred objects, almost none of them
in reference cycles."""


def prepare_process() -> None:
    """Load the language model now rather than on the first article, then leave the
    long-lived objects (the `Resources` built before, the model) out of the cyclic
    garbage collector's full passes (`gc.freeze`), which would otherwise walk them
    all again and again, and collect young objects less often. Call once, when a
    worker process starts, after building its `Resources`."""
    detect_language("warm up the language model")
    gc.collect()
    gc.freeze()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, *gc.get_threshold()[1:])


@cache
def _added_field_defaults() -> tuple[dict[str, Any], tuple[str, ...]]:
    """Defaults of the fields enrichment adds, and which of them are lists."""
    defaults = {
        name: field.get_default(call_default_factory=True)
        for name, field in EnrichedArticle.model_fields.items()
        if name not in Article.model_fields
    }
    return defaults, tuple(name for name, value in defaults.items() if isinstance(value, list))


def to_enriched(article: Article) -> EnrichedArticle:
    """The article as an `EnrichedArticle` with nothing added yet, without re-validation."""
    defaults, lists = _added_field_defaults()
    fields = {**defaults, **{name: [] for name in lists}, **article.__dict__}
    fields["schema_"] = ENRICHED_SCHEMA
    return assemble(EnrichedArticle, fields)


def _failure(article: Article, index: int, exc: Exception) -> EnrichFailure:
    error_type = str(getattr(exc, "error_type", "") or type(exc).__name__)
    return EnrichFailure(article.uri, error_type, f"{type(exc).__name__}: {exc}", index)


def apply_decision(article: EnrichedArticle, fp: Fingerprint, decision: Decision) -> EnrichResult:
    enriched = evolve(
        article,
        {
            "normalized_hash": fp.normalized_hash,
            "signature": encode_signature(fp.signature),
            "story_id": decision.story_id,
            "duplicate_of": decision.duplicate_of,
            "similarity": decision.similarity,
            "role_seq": decision.role_seq,
            "takes_over": [
                Takeover(uri=t.uri, similarity=t.similarity, method=t.method)
                for t in decision.takes_over
            ],
        },
    )
    notice = None
    if decision.is_duplicate and decision.duplicate_of is not None and decision.method is not None:
        notice = DuplicateNotice(
            article=enriched,
            duplicate_of=decision.duplicate_of,
            similarity=decision.similarity if decision.similarity is not None else 1.0,
            method=decision.method,
        )
    return EnrichResult(enriched, decision.outcome, notice)


def with_story(result: EnrichResult, story_id: str) -> EnrichResult:
    article = evolve(result.article, {"story_id": story_id})
    notice = (
        None if result.notice is None else result.notice.model_copy(update={"article": article})
    )
    return dataclasses.replace(result, article=article, notice=notice)


class StateRestore(Protocol):
    """What the enrichment does when its dedup state answers that it is gone."""

    async def __call__(self) -> None:
        """Return once the state is complete again; raise `TransientError` to be
        called again later (another worker is restoring it, a dependency is down)."""
        ...


class Enricher:
    """Enriches batches of articles; safe to run in any number of processes at once."""

    def __init__(
        self,
        settings: Settings,
        resources: Resources,
        state: DedupState,
        restore: StateRestore,
        steps: Sequence[Step] | None = None,
        stories: StoryState | None = None,
    ) -> None:
        """`resources`: what the steps read, built once when the process started;
        `stories`: where articles are placed in stories across agencies
        (docs/ARCHITECTURE.md, Stories); without it, the story is dedup's."""
        self._settings = settings
        self._resources = resources
        self._steps: tuple[Step, ...] = tuple(default_steps() if steps is None else steps)
        self._state = state
        self._stories = stories
        self._restore = restore
        finds = any(step.finds_entities for step in self._steps)
        weighs = any(step.weighs_topics for step in self._steps)
        self._finder = resources.gazetteer.finder if finds else None
        self._matcher = resources.lexicon.matcher if weighs else None

    def begin(self, articles: Sequence[Article]) -> EnrichmentRun:
        return EnrichmentRun(self, articles)

    async def process_batch(
        self, articles: Sequence[Article]
    ) -> list[EnrichResult | EnrichFailure]:
        """One result per article, in order (`begin(articles).results()`)."""
        return await self.begin(articles).results()

    def _analyse_ahead(self, articles: Sequence[Article]) -> AnalysesAhead:
        """Start analysing the texts that the tagging steps and the fingerprint of the
        articles read, in order; the gazetteer and topic matches are made on the same
        thread when a step declares it reads them."""
        texts = [(article.headline, article.body_text) for article in articles]
        return AnalysesAhead(texts, self._finder, self._matcher)

    def _enrich_group(
        self,
        articles: Sequence[Article],
        indexes: range,
        analyses: Sequence[Analysis],
        results: list[EnrichResult | EnrichFailure | None],
    ) -> list[Pending]:
        """The pure part for some articles of a batch: each step over all of them before
        the next step, so that one step's tables and models stay in the CPU caches (about
        a third faster than article by article on 5 KB articles). `analyses`: those of
        the articles at `indexes`, in order. An article a step fails on gets its
        `EnrichFailure` in `results` and leaves the group."""
        first = indexes.start
        resources = self._resources
        dedup = self._settings.dedup

        def each(items: list[tuple[int, T]], work: Callable[[int, T], U]) -> list[tuple[int, U]]:
            done: list[tuple[int, U]] = []
            for index, item in items:
                try:
                    done.append((index, work(index, item)))
                except TransientError:
                    raise
                except Exception as exc:
                    results[index] = _failure(articles[index], index, exc)
            return done

        def step_over(step: Step) -> Callable[[int, EnrichedArticle], EnrichedArticle]:
            run = step.run
            return lambda index, article: run(article, analyses[index - first], resources)

        def fingerprinted(
            index: int, article: EnrichedArticle
        ) -> tuple[EnrichedArticle, Fingerprint, Analysis]:
            analysis = analyses[index - first]
            made = fingerprint(article.headline, article.body_text, dedup, analysis)
            return article, made, analysis

        group = each([(i, articles[i]) for i in indexes], lambda _, article: to_enriched(article))
        for step in self._steps:
            group = each(group, step_over(step))
        return [(i, e, fp, analysis) for i, (e, fp, analysis) in each(group, fingerprinted)]

    async def _submit(self, pending: list[Pending]) -> Submitted:
        return await self._state.submit(
            [DedupRequest(e.uri, e.content_hash, dedup_key(e), fp) for _, e, fp, _ in pending]
        )

    async def _ensure_state(self) -> str | None:
        """The state's epoch, restoring the state first when it has none (unless
        another worker restored it meanwhile)."""
        epoch = await self._state.epoch()
        if epoch is None:
            await self._restore()
            epoch = await self._state.epoch()
        return epoch


Pending = tuple[int, EnrichedArticle, Fingerprint, Analysis]
"""An article's position in its batch, the article enriched, its fingerprint and the
analysis of its text (which story linking reads too), waiting for its decision."""


class EnrichmentRun:
    """The enrichment of one batch. Groups are decided by the dedup state in order,
    one at a time, each while the next group goes through the steps. When it fails the
    run raises `TransientError`; called again, it goes on from the first group not
    yet decided, without running the steps of any group twice, unless the state lost
    its epoch meanwhile: the decisions made under it were lost with it (a rebuild
    from storage cannot know them, since they were never sent), so every group is
    decided again."""

    def __init__(self, enricher: Enricher, articles: Sequence[Article]) -> None:
        self._enricher = enricher
        self._articles = articles
        self._groups = groups(len(articles))
        self._results: list[EnrichResult | EnrichFailure | None] = [None] * len(articles)
        self._prepared: dict[int, list[Pending]] = {}
        self._decided: set[int] = set()
        self._epoch: str | None = None
        """The state's epoch when the groups of `_decided` were decided."""
        self._ahead: AnalysesAhead | None = None

    async def results(self) -> list[EnrichResult | EnrichFailure]:
        """One result per article, in order. A step failing on an article gives an
        `EnrichFailure` for it alone; the dedup state failing raises `TransientError`."""
        if not self._articles:
            return []
        epoch = await self._enricher._ensure_state()
        if epoch != self._epoch:
            self._decided.clear()
            self._epoch = epoch
        if self._ahead is None:
            self._ahead = self._enricher._analyse_ahead(self._articles)
        in_flight: tuple[int, Submitted] | None = None
        try:
            for index, indexes in enumerate(self._groups):
                if index in self._decided:
                    continue
                if index not in self._prepared:
                    analyses = self._ahead.take(len(indexes))
                    self._prepared[index] = self._enricher._enrich_group(
                        self._articles, indexes, analyses, self._results
                    )
                if in_flight is not None:
                    done, in_flight = in_flight, None
                    await self._apply(*done)
                in_flight = (index, await self._enricher._submit(self._prepared[index]))
            if in_flight is not None:
                done, in_flight = in_flight, None
                await self._apply(*done)
        finally:
            if in_flight is not None:
                await in_flight[1].abandon()
        return [r for r in self._results if r is not None]

    async def _apply(self, index: int, submitted: Submitted) -> None:
        pending = self._prepared[index]
        decisions = await submitted.decisions()
        decided = [
            apply_decision(enriched, fp, decision)
            for (_, enriched, fp, _), decision in zip(pending, decisions, strict=True)
        ]
        linker = self._enricher._stories
        if linker is not None:
            stories = await linker.link(
                [
                    story_request(r.article, d, analysis)
                    for r, d, (_, _, _, analysis) in zip(decided, decisions, pending, strict=True)
                ]
            )
            decided = [with_story(r, story) for r, story in zip(decided, stories, strict=True)]
        for (position, _, _, _), result in zip(pending, decided, strict=True):
            self._results[position] = result
        self._decided.add(index)
