"""The feed list (`seeds/feeds.toml`): one `[feeds.<id>]` table per feed.

    [defaults]
    interval_seconds = 300

    [feeds.reuters-world]
    url = "https://wire.example.com/world.xml"   # or path = "000_story.txt"
    format = "rss"                                 # or auto
    interval_seconds = 60
    provider = "Reuters"
    language = "en"                                # hint when items do not say
    auth_header = "Authorization"                  # sent with the value of ...
    auth_env = "REUTERS_TOKEN"                     # ... this environment variable
    auth_prefix = "Bearer "

Relative paths are read from the directory of the feed list. Secrets never sit
in the file: only the name of the environment variable that holds them."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from workers.errors import NewswireError
from workers.parsers.registry import AUTO, formats


class FeedConfigError(NewswireError):
    error_type = "config"


class FeedConfig(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
    url: str | None = None
    path: Path | None = None
    format: str = AUTO
    interval_seconds: float = Field(default=300.0, gt=0)
    provider: str | None = None
    language: str | None = None
    auth_header: str | None = None
    auth_env: str | None = None
    auth_prefix: str = ""
    timeout_seconds: float | None = Field(default=None, gt=0)
    max_bytes: int | None = Field(default=None, gt=0)
    enabled: bool = True

    @model_validator(mode="after")
    def _check(self) -> FeedConfig:
        if (self.url is None) == (self.path is None):
            raise ValueError("give exactly one of url or path")
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise ValueError(f"url must be http:// or https://, not {self.url!r}")
        if self.format != AUTO and self.format not in formats():
            raise ValueError(
                f"unknown format {self.format!r}; valid: {', '.join([AUTO, *formats()])}"
            )
        if (self.auth_header is None) != (self.auth_env is None):
            raise ValueError("auth_header and auth_env go together")
        return self

    @property
    def location(self) -> str:
        return self.url if self.url is not None else str(self.path)

    def auth_headers(self, environ: Mapping[str, str]) -> dict[str, str]:
        """The auth header, its value read from the environment at call time."""
        if self.auth_header is None or self.auth_env is None:
            return {}
        value = environ.get(self.auth_env)
        if not value:
            raise FeedConfigError(
                f"feed {self.id!r} needs the environment variable {self.auth_env} "
                f"(the value of its {self.auth_header} header); set it or remove auth_env"
            )
        return {self.auth_header: f"{self.auth_prefix}{value}"}


def parse_feeds(document: Mapping[str, Any], base_dir: Path, source: str) -> list[FeedConfig]:
    defaults = dict(document.get("defaults") or {})
    tables = document.get("feeds") or {}
    if not isinstance(tables, dict):
        raise FeedConfigError(f"{source}: write each feed as a [feeds.<id>] table")
    feeds = []
    for feed_id, table in tables.items():
        if not isinstance(table, dict):
            raise FeedConfigError(f"{source}: [feeds.{feed_id}] must be a table")
        try:
            feed = FeedConfig(id=feed_id, **{**defaults, **table})
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'feed'}: {e['msg']}" for e in exc.errors()
            )
            raise FeedConfigError(f"{source}: [feeds.{feed_id}] {problems}") from exc
        if feed.path is not None and not feed.path.is_absolute():
            feed = feed.model_copy(update={"path": base_dir / feed.path})
        feeds.append(feed)
    return feeds


def load_feeds(path: Path) -> list[FeedConfig]:
    """Every enabled feed of the list at `path`, checked; errors name the file and feed."""
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FeedConfigError(
            f"no feed list at {path}: create it (see seeds/feeds.toml) or set NEWSWIRE_FEEDS_FILE"
        ) from None
    except tomllib.TOMLDecodeError as exc:
        raise FeedConfigError(f"{path} is not valid TOML: {exc}") from exc
    return [f for f in parse_feeds(document, path.parent, str(path)) if f.enabled]
