"""`/dashboard` of `newswire serve`: the page and its assets (built from `web/`
into `web/dist/` by `make setup`: `npm ci && npm run build`), its layout, and
the live panels' data from Prometheus or the workers' `/metrics`."""

from __future__ import annotations

import asyncio
import mimetypes
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse
from pydantic import BaseModel

from workers.dashboard.panels import (
    RATE_WINDOW_SECONDS,
    REFRESH_SECONDS,
    ROWS,
    SPAN_SECONDS,
    Panel,
)
from workers.dashboard.prometheus import PrometheusSource
from workers.dashboard.readings import Reading
from workers.dashboard.sampler import ScrapeSource
from workers.settings import Settings
from workers.topology import topology

WEB_DIST = Path(str(resources.files("workers.dashboard").joinpath("web")))
"""The built page, package data: `workers/dashboard/web` links to `web/dist/`."""
PAGE = "dashboard.html"


class Source(Protocol):
    kind: str

    @property
    def detail(self) -> str: ...

    def read(self, now: float) -> Reading: ...

    async def run(self) -> None: ...


def source_for(settings: Settings) -> Source:
    """Prometheus's HTTP API when `NEWSWIRE_API__PROMETHEUS_URL` is set, else the
    processes' `/metrics` where the topology places them."""
    if settings.api.prometheus_url:
        return PrometheusSource(settings.api.prometheus_url)
    flow = topology(settings)
    return ScrapeSource(flow.metrics_targets(), {stage.group: stage.name for stage in flow.workers})


class StateOut(BaseModel):
    value: float
    text: str
    ok: bool


class ColumnOut(BaseModel):
    title: str
    unit: str
    failing_above: float | None


class PanelOut(BaseModel):
    key: str
    title: str
    description: str
    unit: str
    view: str
    states: list[StateOut]
    columns: list[ColumnOut]
    """A table's value columns, one per query."""
    by: str


class RowOut(BaseModel):
    title: str
    panels: list[PanelOut]


class Layout(BaseModel):
    source: str
    detail: str
    refresh_seconds: float
    span_seconds: float
    rate_window_seconds: float
    rows: list[RowOut]


def panel_out(panel: Panel) -> PanelOut:
    return PanelOut(
        key=panel.key,
        title=panel.title,
        description=panel.description,
        unit=panel.unit,
        view=panel.view or "",
        states=[StateOut(value=s.value, text=s.text, ok=s.ok) for s in panel.states],
        columns=[
            ColumnOut(title=q.column, unit=q.unit or panel.unit, failing_above=q.failing_above)
            for q in panel.queries
        ],
        by=panel.by,
    )


def layout(source: Source) -> Layout:
    rows = [
        RowOut(title=row.title, panels=[panel_out(p) for p in row.panels if p.view]) for row in ROWS
    ]
    return Layout(
        source=source.kind,
        detail=source.detail,
        refresh_seconds=REFRESH_SECONDS,
        span_seconds=SPAN_SECONDS,
        rate_window_seconds=RATE_WINDOW_SECONDS,
        rows=[row for row in rows if row.panels],
    )


def asset(name: str, dist: Path = WEB_DIST) -> FileResponse:
    """A built file of `web/dist/`, by its plain name only."""
    path = dist / name
    if "/" in name or "\\" in name or name.startswith(".") or not path.is_file():
        if not (dist / PAGE).is_file():
            raise HTTPException(
                503,
                f"the dashboard is not built: run `make setup` (npm ci and build in {dist.parent})",
            )
        raise HTTPException(404, f"no dashboard asset {name!r}")
    media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(path, media_type=media_type, headers={"Cache-Control": "no-cache"})


def dashboard_router(settings: Settings, dist: Path = WEB_DIST) -> APIRouter:
    source = source_for(settings)

    @asynccontextmanager
    async def collecting(app: Any) -> AsyncIterator[None]:
        task = asyncio.create_task(source.run())
        try:
            yield
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    router = APIRouter(tags=["dashboard"], lifespan=collecting)

    @router.get("/dashboard", include_in_schema=False)
    def page() -> FileResponse:
        return asset(PAGE, dist)

    @router.get("/dashboard/assets/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        return asset(name, dist)

    @router.get("/dashboard/layout", summary="The live dashboard's rows and panels")
    def panels() -> Layout:
        return layout(source)

    @router.get("/dashboard/data", summary="The live panels' series, on one time axis")
    def data() -> Reading:
        return source.read(time.time())

    return router
