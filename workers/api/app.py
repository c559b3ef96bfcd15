"""The read API: articles as ninjs 3.x through the Redis read-through cache,
search with cursor pagination, stories, health and metrics. Read-only: it never
writes to the store."""

from __future__ import annotations

import secrets
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Path, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from pydantic import BaseModel, Field, ValidationError

from workers import metrics
from workers.api import cursor
from workers.api.health import Health, HealthReport
from workers.export.ninjs import to_ninjs
from workers.settings import Settings
from workers.storage.base import ArticleStore, SearchHit, Story
from workers.storage.search import MAX_OFFSET, SearchQuery

Json = dict[str, Any]
CANONICAL_HEADER = "X-Newswire-Canonical-Uri"


class SearchPage(BaseModel):
    hits: list[SearchHit]
    next_cursor: str | None = Field(
        default=None, description="Pass as `cursor` for the next page; absent on the last one."
    )


class VersionOut(BaseModel):
    version: int
    content_hash: str
    versioncreated: datetime | None
    stored_at: datetime


class DuplicateOut(BaseModel):
    uri: str
    similarity: float
    method: str
    since: datetime


class StoryArticleOut(BaseModel):
    article: Json = Field(description="The current version, as ninjs 3.x.")
    versions: list[VersionOut]
    duplicates: list[DuplicateOut]


class StoryOut(BaseModel):
    story_id: str
    articles: list[StoryArticleOut]


def story_out(story: Story) -> StoryOut:
    return StoryOut(
        story_id=story.story_id,
        articles=[
            StoryArticleOut(
                article=to_ninjs(item.article),
                versions=[VersionOut(**v.__dict__) for v in item.versions],
                duplicates=[DuplicateOut(**d.__dict__) for d in item.duplicates],
            )
            for item in story.articles
        ],
    )


BEARER = HTTPBearer(auto_error=False)


def token_check(settings: Settings) -> Callable[..., None]:
    """Every request but `/health` and `/metrics` carries the bearer token, when one is set."""
    expected = settings.api.token

    def check(credentials: HTTPAuthorizationCredentials | None = Depends(BEARER)) -> None:  # noqa: B008
        if expected is None:
            return
        given = credentials.credentials if credentials is not None else ""
        if not secrets.compare_digest(given.encode(), expected.get_secret_value().encode()):
            raise HTTPException(
                401, "a bearer token is required", headers={"WWW-Authenticate": "Bearer"}
            )

    return check


def articles_router(store: ArticleStore) -> APIRouter:
    router = APIRouter(tags=["articles"])

    @router.get(
        "/articles/{uri:path}",
        summary="An article as ninjs 3.x",
        responses={404: {"description": "No article or alias has this uri."}},
    )
    def article(
        uri: Annotated[str, Path(min_length=1, max_length=2048)],
        response: Response,
        own: Annotated[
            bool, Query(description="An alias's own text rather than its canonical article.")
        ] = False,
    ) -> Json:
        """The current version. An alias answers with its canonical article and
        names it in the `X-Newswire-Canonical-Uri` header (and `Content-Location`)."""
        found = store.get(uri, own=own)
        if found is None:
            raise HTTPException(404, f"no article {uri!r}")
        if found.uri != uri:
            response.headers[CANONICAL_HEADER] = found.uri
            response.headers["Content-Location"] = f"/articles/{found.uri}"
        return to_ninjs(found)

    @router.get("/search", summary="Ranked full-text search with snippets")
    def search(
        q: Annotated[str, Query(max_length=1000, description="Words, in any language.")] = "",
        lang: Annotated[str | None, Query(pattern=r"^[a-z]{2,3}$")] = None,
        since: datetime | None = None,
        until: datetime | None = None,
        entity: Annotated[str | None, Query(max_length=512)] = None,
        topic: Annotated[str | None, Query(max_length=512)] = None,
        source: Annotated[str | None, Query(max_length=512)] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 20,
        cursor_: Annotated[str | None, Query(alias="cursor", max_length=512)] = None,
    ) -> SearchPage:
        query = SearchQuery(
            text=q, lang=lang, since=since, until=until, entity=entity, topic=topic,
            source=source, limit=limit,
        )  # fmt: skip
        if cursor_ is not None:
            try:
                offset = cursor.decode(query, cursor_)
            except cursor.BadCursor as exc:
                raise HTTPException(422, f"cursor: {exc}") from exc
            query = query.model_copy(update={"offset": offset})
        hits = store.search(query) if query.offset < MAX_OFFSET else []
        following = query.offset + len(hits)
        more = len(hits) == query.limit and following < MAX_OFFSET
        return SearchPage(hits=hits, next_cursor=cursor.encode(query, following) if more else None)

    @router.get(
        "/stories/{story_id:path}",
        summary="A story's articles, their versions and duplicates, oldest first",
        responses={404: {"description": "No stored article has this story id."}},
    )
    def story(story_id: Annotated[str, Path(min_length=1, max_length=2048)]) -> StoryOut:
        found = store.story(story_id)
        if not found.articles:
            raise HTTPException(404, f"no story {story_id!r}")
        return story_out(found)

    return router


def service_router(health: Health) -> APIRouter:
    router = APIRouter(tags=["service"])

    @router.get("/health", summary="Whether the store, Redis and Kafka answer")
    def healthy() -> JSONResponse:
        report: HealthReport = health.check()
        return JSONResponse(report.model_dump(), status_code=200 if report.ok else 503)

    @router.get("/metrics", summary="Prometheus metrics", include_in_schema=False)
    def prometheus() -> Response:
        return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    return router


def route_of(request: Request) -> str:
    """The route's template (never the uri asked for), for metric labels."""
    found = request.scope.get("route")
    return getattr(found, "path", "unmatched")


def create_api(
    settings: Settings,
    store: ArticleStore,
    health: Health,
    extra: Sequence[APIRouter] = (),
) -> FastAPI:
    app = FastAPI(
        title="newswire",
        summary="Stored wire articles: ninjs, search, stories.",
        version="1",
    )
    app.include_router(service_router(health))
    guarded = [Depends(token_check(settings))]
    app.include_router(articles_router(store), dependencies=guarded)
    for router in extra:
        app.include_router(router, dependencies=guarded)

    @app.middleware("http")
    async def count(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        started = time.perf_counter()
        response = await call_next(request)
        route = route_of(request)
        metrics.API_REQUESTS.labels(route, str(response.status_code)).inc()
        metrics.API_SECONDS.labels(route).observe(time.perf_counter() - started)
        return response

    @app.exception_handler(ValidationError)
    async def invalid(request: Request, exc: ValidationError) -> JSONResponse:
        return JSONResponse({"detail": exc.errors(include_url=False)}, status_code=422)

    return app
