"""The labelled articles of this directory and their story pairs."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

from workers.models import Article, Source
from workers.parsers.article_builder import content_hash

HERE = Path(__file__).parent

Kind = Literal["same event", "same place", "templated"]
KINDS: tuple[Kind, ...] = ("same event", "same place", "templated")


@dataclass(frozen=True)
class Pair:
    kind: Kind
    a: str
    b: str

    @property
    def must_share(self) -> bool:
        return self.kind == "same event"


def load_article(path: Path) -> Article:
    head, body = path.read_text("utf-8").split("\n\n", 1)
    fields = dict(line.split(": ", 1) for line in head.splitlines())
    headline = fields["Headline"].strip()
    created = datetime.fromisoformat(fields["Firstcreated"].strip())
    return Article(
        uri=path.stem,
        headline=headline,
        body_text=body.strip(),
        language=fields["Language"].strip(),
        declared_language=fields["Language"].strip(),
        firstcreated=created,
        versioncreated=created,
        source=Source(feed_id="eval", format="agency_text", parser="eval"),
        fetched_at=created,
        content_hash=content_hash(headline, body.strip()),
    )


def load_articles(folder: Path) -> dict[str, Article]:
    return {p.stem: load_article(p) for p in sorted(folder.glob("*.txt"))}


def load_pairs(labels: Path) -> list[Pair]:
    return [
        Pair(p["kind"], p["a"], p["b"]) for p in tomllib.loads(labels.read_text("utf-8"))["pair"]
    ]


ARTICLES = load_articles(HERE / "articles")
PAIRS = load_pairs(HERE / "labels.toml")
