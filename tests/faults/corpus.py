"""A synthetic ninjs 3 wire stream and the state the pipeline must end in.

The stream holds originals (distinct stories in Arabic, English and French),
exact and near copies of some of them under other uris, updates (later versions
under an original's uri), resends (an item again, byte for byte) and invalid
items. The ground truth follows the pipeline's rules, never the arrival order:

* an original and its copies form a duplicate group whose canonical is the
  member created first (`firstCreated`, then `versionCreated`, then the smaller
  uri); every other member is an alias of it;
* the versions of a uri are ordered as the source orders them (ninjs `version`,
  else `versionCreated`); the last is current, and the stored version numbers
  are v_i = max(source_i, v_{i-1} + 1);
* an invalid item is dead-lettered under its key (the document's link, which
  the producer uses as the dead letter's key).

Originals that get updates get no copies, so that a group never mixes
"same uri, other content" with "other uri, same content". Everything is drawn
from one `random.Random(seed)`: a spec always gives the same corpus."""

from __future__ import annotations

import itertools
import json
import random
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, Literal

from workers.parsers.article_builder import content_hash

REPO = Path(__file__).resolve().parents[2]
WORD_SOURCES = (REPO / "seeds", REPO / "tests" / "eval" / "dedup" / "articles")
LANGUAGES = ("ar", "en", "fr")
FEED_ID = "faults"
NINJS_STANDARD = {
    "name": "ninjs",
    "version": "3.1",
    "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#",
}
DATELINES = {
    "ar": ("عواصم - (وكالات):", "دمشق (رويترز) -", "بيروت (أ ف ب) -"),
    "en": ("BEIRUT, Oct 14 (Reuters) -", "LONDON, Oct 16 (Reuters) -", "CAIRO (AP) -"),
    "fr": ("BEYROUTH, 14 oct (AFP) -", "PARIS, 16 oct (AFP) -", "GAZA (AFP) -"),
}
UPDATE_PREFIX = {"ar": "تحديث", "en": "UPDATE", "fr": "MISE A JOUR"}
_ARABIC_WORD = re.compile(r"[\u0621-\u064A]+")
_LATIN_WORD = re.compile(r"[^\W\d_\u0600-\u06FF]+")

Kind = Literal["original", "exact", "near", "update", "resend", "invalid"]
InvalidKind = Literal[
    "bad_utf8", "broken_json", "no_body", "no_headline", "not_an_object", "uri_too_long"
]
INVALID_KINDS: tuple[InvalidKind, ...] = (
    "bad_utf8",
    "broken_json",
    "no_body",
    "no_headline",
    "not_an_object",
    "uri_too_long",
)
ChainStyle = Literal["sequential", "gaps", "unnumbered"]


@dataclass(frozen=True)
class CorpusSpec:
    originals: int = 3400
    exact_copies: int = 200
    near_copies: int = 200
    updates: int = 100
    resends: int = 50
    invalid: int = 20
    seed: int = 7
    epoch: datetime = datetime(2017, 10, 14, 6, tzinfo=UTC)
    """Originals are created within the 12 hours after it (copies up to an hour around them)."""
    near_share: float = 0.01
    """Share of a near copy's body words replaced: 1 % keeps the Jaccard of 2-word
    shingles near 0.96, far from the 0.8 line whatever the MinHash estimate's noise."""

    @property
    def total(self) -> int:
        return (
            self.originals
            + self.exact_copies
            + self.near_copies
            + self.updates
            + self.resends
            + self.invalid
        )

    @property
    def updated_originals(self) -> int:
        """Chains of two updates take a fifth of the updates (at most half the chains)."""
        doubles = self.updates // 5
        return self.updates - doubles

    def scaled(self, factor: float) -> CorpusSpec:
        """The same mix, every count multiplied by `factor` (at least one of each kind)."""

        def part(n: int) -> int:
            return max(1, round(n * factor)) if n else 0

        return replace(
            self,
            originals=part(self.originals),
            exact_copies=part(self.exact_copies),
            near_copies=part(self.near_copies),
            updates=part(self.updates),
            resends=part(self.resends),
            invalid=part(self.invalid),
        )

    def check(self) -> None:
        copyable = self.originals - self.updated_originals
        if min(self.originals, self.exact_copies, self.near_copies, self.updates) < 0:
            raise ValueError("corpus counts must not be negative")
        if max(self.exact_copies, self.near_copies) > copyable:
            raise ValueError(
                f"{self.originals} originals leave {copyable} without updates to copy; "
                f"{self.exact_copies} exact and {self.near_copies} near copies need more"
            )


@dataclass(frozen=True)
class Story:
    """The text of one version."""

    language: str
    headline: str
    dateline: str
    paragraphs: tuple[tuple[str, ...], ...]
    """Words of each paragraph; a word that ends a sentence carries its full stop."""

    @property
    def body(self) -> str:
        texts = [" ".join(words) for words in self.paragraphs]
        texts[0] = f"{self.dateline} {texts[0]}"
        return "\n\n".join(texts)

    @property
    def content_hash(self) -> str:
        return content_hash(self.headline, self.body)


@dataclass(frozen=True)
class WireItem:
    key: str
    """The document's link; the producer dead-letters a bad document under it."""
    data: bytes
    kind: Kind
    uri: str | None = None
    group: str | None = None
    """The uri of the original whose duplicate group (or version chain) this is in."""
    source_version: int | None = None
    """The ninjs `version` sent; None when absent (the parser then reads 1)."""
    firstcreated: datetime | None = None
    versioncreated: datetime | None = None
    language: str | None = None
    headline: str | None = None
    body: str | None = None
    content_hash: str | None = None
    invalid_kind: InvalidKind | None = None

    @property
    def valid(self) -> bool:
        return self.kind != "invalid"

    @property
    def version(self) -> int:
        """The version number the parser reads."""
        return self.source_version or 1

    @property
    def version_order(self) -> tuple[int, datetime]:
        """Where this item stands among the versions of its uri, as the source orders them."""
        assert self.versioncreated is not None
        return (self.version, self.versioncreated)

    @property
    def creation_order(self) -> tuple[datetime, datetime, str]:
        """Where this item stands in its duplicate group: the smallest is canonical."""
        assert self.firstcreated and self.versioncreated and self.uri
        return (self.firstcreated, self.versioncreated, self.uri)


@dataclass(frozen=True)
class Expected:
    canonical_of: Mapping[str, str]
    """Every valid uri to its group's canonical uri (a canonical maps to itself)."""
    current: Mapping[str, tuple[str, int]]
    """Every valid uri to the content hash and stored version number of its current version."""
    invalid_keys: frozenset[str]

    @property
    def canonicals(self) -> frozenset[str]:
        return frozenset(uri for uri, canonical in self.canonical_of.items() if uri == canonical)

    @property
    def aliases(self) -> dict[str, str]:
        return {uri: c for uri, c in self.canonical_of.items() if uri != c}


@dataclass(frozen=True)
class Corpus:
    spec: CorpusSpec
    items: tuple[WireItem, ...]
    """In production order."""
    expected: Expected

    @property
    def valid_items(self) -> list[WireItem]:
        return [item for item in self.items if item.valid]

    @property
    def invalid_items(self) -> list[WireItem]:
        return [item for item in self.items if not item.valid]

    def newest_first(self) -> Corpus:
        """The same items, those of each uri with several versions moved so that the
        versions come newest first (within the places that uri's items held)."""
        items = list(self.items)
        places: dict[str, list[int]] = defaultdict(list)
        for index, item in enumerate(items):
            if item.valid and item.uri is not None:
                places[item.uri].append(index)
        for indexes in places.values():
            members = [items[i] for i in indexes]
            if len({m.content_hash for m in members}) < 2:
                continue
            ordered = sorted(members, key=lambda m: m.version_order, reverse=True)
            for index, member in zip(indexes, ordered, strict=True):
                items[index] = member
        return replace(self, items=tuple(items))


def stored_versions(source_versions: Sequence[int]) -> list[int]:
    """The version numbers stored for versions given in source order:
    v_i = max(source_i, v_{i-1} + 1), v_0 = 0."""
    numbers: list[int] = []
    previous = 0
    for source in source_versions:
        previous = max(source, previous + 1)
        numbers.append(previous)
    return numbers


def canonical_member(members: Iterable[WireItem]) -> str:
    """The uri of the member created first (ties: earlier version, then smaller uri)."""
    uri = min(members, key=lambda m: m.creation_order).uri
    assert uri is not None
    return uri


def version_history(items: Iterable[WireItem]) -> list[tuple[WireItem, int]]:
    """The distinct versions of one uri in source order, each with its stored number."""
    distinct: dict[str, WireItem] = {}
    for item in items:
        assert item.content_hash is not None
        distinct.setdefault(item.content_hash, item)
    ordered = sorted(distinct.values(), key=lambda m: m.version_order)
    return list(zip(ordered, stored_versions([m.version for m in ordered]), strict=True))


def expected_state(items: Iterable[WireItem]) -> Expected:
    by_uri: dict[str, list[WireItem]] = defaultdict(list)
    invalid: set[str] = set()
    for item in items:
        if not item.valid:
            invalid.add(item.key)
            continue
        assert item.uri is not None
        by_uri[item.uri].append(item)
    groups: dict[str, list[WireItem]] = defaultdict(list)
    current: dict[str, tuple[str, int]] = {}
    for uri, versions in by_uri.items():
        history = version_history(versions)
        first, _ = history[0]
        assert first.group is not None
        groups[first.group].append(first)
        last, number = history[-1]
        assert last.content_hash is not None
        current[uri] = (last.content_hash, number)
    canonical_of: dict[str, str] = {}
    for members in groups.values():
        canonical = canonical_member(members)
        for member in members:
            assert member.uri is not None
            canonical_of[member.uri] = canonical
    return Expected(canonical_of, current, frozenset(invalid))


def late_canonical_groups(corpus: Corpus) -> int:
    """Duplicate groups in which another member is produced before the canonical."""
    first_seen: dict[str, int] = {}
    for index, item in enumerate(corpus.items):
        if item.valid and item.uri is not None:
            first_seen.setdefault(item.uri, index)
    members: dict[str, list[str]] = defaultdict(list)
    for uri, canonical in corpus.expected.canonical_of.items():
        members[canonical].append(uri)
    return sum(
        1
        for canonical, uris in members.items()
        if len(uris) > 1 and min(first_seen[u] for u in uris) < first_seen[canonical]
    )


def superseded_late(corpus: Corpus) -> int:
    """Uris of which a newer version is produced before an older one."""
    seen: dict[str, list[WireItem]] = defaultdict(list)
    for item in corpus.items:
        if item.valid and item.uri is not None:
            seen[item.uri].append(item)
    late = 0
    for items in seen.values():
        orders = [i.version_order for i in items]
        if any(b < a for a, b in itertools.pairwise(orders)):
            late += 1
    return late


@cache
def vocabulary(sources: tuple[Path, ...] = WORD_SOURCES) -> dict[str, tuple[str, ...]]:
    """The words of the seed stories (and the dedup evaluation stories) by language:
    Arabic by script, English and French by the language in the file's name."""
    words: dict[str, set[str]] = {language: set() for language in LANGUAGES}
    for directory in sources:
        for path in sorted(directory.glob("*.txt")):
            try:
                text = path.read_text("utf-8")
            except UnicodeDecodeError:
                continue
            named = next((t for t in path.stem.split("_") if t in LANGUAGES), None)
            for word in re.findall(r"\w+", text):
                if len(word) <= 2:
                    continue
                if _ARABIC_WORD.fullmatch(word):
                    words["ar"].add(word)
                elif named in ("en", "fr") and _LATIN_WORD.fullmatch(word):
                    words[named].add(word)
    return {language: tuple(sorted(found)) for language, found in words.items()}


def _sentence(rng: random.Random, words: Sequence[str]) -> list[str]:
    sentence = [rng.choice(words) for _ in range(rng.randint(18, 30))]
    sentence[-1] += "."
    return sentence


def _paragraph(rng: random.Random, words: Sequence[str]) -> tuple[str, ...]:
    return tuple(w for _ in range(rng.randint(1, 3)) for w in _sentence(rng, words))


def new_story(rng: random.Random, language: str, words: Sequence[str]) -> Story:
    """A story of 2-3 KB of words drawn at random: two of them share almost no shingle."""
    target = rng.randint(2000, 3000)
    paragraphs: list[tuple[str, ...]] = []
    size = 0
    while size < target:
        paragraphs.append(_paragraph(rng, words))
        size += len(" ".join(paragraphs[-1]).encode()) + 2
    headline = " ".join(rng.choice(words) for _ in range(rng.randint(6, 11)))
    return Story(language, headline, rng.choice(DATELINES[language]), tuple(paragraphs))


def near_copy(rng: random.Random, story: Story, words: Sequence[str], share: float) -> Story:
    """`story` with a share of its body words (at least two) replaced by other words."""
    places = [(p, i) for p, paragraph in enumerate(story.paragraphs) for i in range(len(paragraph))]
    paragraphs = [list(paragraph) for paragraph in story.paragraphs]
    for p, i in rng.sample(places, max(2, round(len(places) * share))):
        old = paragraphs[p][i]
        stop = "." if old.endswith(".") else ""
        new = old.rstrip(".")
        while new.lower() == old.rstrip(".").lower():
            new = rng.choice(words)
        paragraphs[p][i] = new + stop
    return replace(story, paragraphs=tuple(tuple(p) for p in paragraphs))


def updated_story(
    rng: random.Random, story: Story, base_headline: str, words: Sequence[str], number: int
) -> Story:
    """The next version: a paragraph added (odd updates) or rewritten (even ones)."""
    paragraphs = list(story.paragraphs)
    if number % 2:
        paragraphs.append(_paragraph(rng, words))
    else:
        paragraphs[len(paragraphs) // 2] = _paragraph(rng, words)
    headline = f"{UPDATE_PREFIX[story.language]} {number} - {base_headline}"
    return replace(story, headline=headline, paragraphs=tuple(paragraphs))


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def ninjs_document(
    uri: str,
    story: Story,
    version: int | None,
    firstcreated: datetime,
    versioncreated: datetime,
) -> dict[str, Any]:
    doc: dict[str, Any] = {"uri": uri, "standard": NINJS_STANDARD, "type": "text"}
    if version is not None:
        doc["version"] = str(version)
    doc |= {
        "firstCreated": _iso(firstcreated),
        "versionCreated": _iso(versioncreated),
        "pubStatus": "usable",
        "language": story.language,
        "headlines": [{"role": "main", "contentType": "text/plain", "value": story.headline}],
        "bodies": [{"role": "main", "contentType": "text/plain", "value": story.body}],
    }
    return doc


def _encode(doc: object) -> bytes:
    return json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode()


def wire_item(
    key: str,
    kind: Kind,
    uri: str,
    group: str,
    story: Story,
    version: int | None,
    firstcreated: datetime,
    versioncreated: datetime,
) -> WireItem:
    doc = ninjs_document(uri, story, version, firstcreated, versioncreated)
    return WireItem(
        key=key,
        data=_encode(doc),
        kind=kind,
        uri=uri,
        group=group,
        source_version=version,
        firstcreated=firstcreated,
        versioncreated=versioncreated,
        language=story.language,
        headline=story.headline,
        body=story.body,
        content_hash=story.content_hash,
    )


def invalid_item(index: int, kind: InvalidKind, story: Story, moment: datetime) -> WireItem:
    """A document the producer must dead-letter, and nothing else, under its key."""
    uri = f"urn:newswire:{FEED_ID}:invalid:{index}"
    doc = ninjs_document(uri, story, 1, moment, moment)
    data: bytes
    if kind == "bad_utf8":
        marker = "\u2603SNOWMAN\u2603"
        doc["bodies"][0]["value"] = f"{story.body[:200]}{marker}{story.body[200:]}"
        data = _encode(doc).replace(marker.encode(), b"\xff\xfe\xc3(")
    elif kind == "broken_json":
        encoded = _encode(doc)
        data = encoded[: len(encoded) // 2]
    elif kind == "no_body":
        del doc["bodies"]
        data = _encode(doc)
    elif kind == "no_headline":
        del doc["headlines"]
        data = _encode(doc)
    elif kind == "not_an_object":
        data = _encode([story.headline])
    else:
        doc["uri"] = f"urn:newswire:{FEED_ID}:" + "x" * 2100
        data = _encode(doc)
    return WireItem(key=f"invalid-{index:03d}-{kind}", data=data, kind="invalid", invalid_kind=kind)


class _Clock:
    """Distinct creation seconds: no two uris share a `firstCreated`."""

    def __init__(self, rng: random.Random, epoch: datetime) -> None:
        self.rng = rng
        self.epoch = epoch
        self.used: set[int] = set()

    def spread(self, count: int, span: int) -> list[int]:
        chosen = self.rng.sample(range(max(span, 4 * count)), count)
        self.used.update(chosen)
        return chosen

    def near(self, second: int, before: bool) -> int:
        step = -1 if before else 1
        candidate = second + step * self.rng.randint(60, 3600)
        while candidate in self.used:
            candidate += step
        self.used.add(candidate)
        return candidate

    def at(self, second: int) -> datetime:
        return self.epoch + timedelta(seconds=second)


def _chain_style(index: int) -> ChainStyle:
    return ("unnumbered", "gaps", "sequential", "sequential", "sequential")[index % 5]


def _chain_versions(style: ChainStyle, length: int) -> list[int | None]:
    if style == "unnumbered":
        return [None] * length
    if style == "gaps":
        return [1, *range(3, length + 2)]
    return list(range(1, length + 1))


class _Builder:
    """The corpus' items in creation order, all drawn from one random generator."""

    def __init__(self, spec: CorpusSpec) -> None:
        self.spec = spec
        self.rng = random.Random(spec.seed)
        self.words = vocabulary()
        self.clock = _Clock(self.rng, spec.epoch)
        self.items: list[WireItem] = []
        self._uris: set[str] = set()

    def key(self) -> str:
        return f"{FEED_ID}-{self.spec.seed}-{len(self.items):05d}"

    def uri(self, language: str) -> str:
        while True:
            uri = f"urn:newswire:{FEED_ID}:{language}:{self.rng.getrandbits(48):012x}"
            if uri not in self._uris:
                self._uris.add(uri)
                return uri

    def add(self, kind: Kind, uri: str, group: str, story: Story, version: int | None,
            first: datetime, created: datetime) -> None:  # fmt: skip
        self.items.append(wire_item(self.key(), kind, uri, group, story, version, first, created))

    def chain(
        self, uri: str, story: Story, moment: datetime, style: ChainStyle, updates: int
    ) -> None:
        """An original and its updates, each `versionCreated` later than the last."""
        versions = _chain_versions(style, updates + 1)
        self.add("original", uri, uri, story, versions[0], moment, moment)
        current, created = story, moment
        for number, version in enumerate(versions[1:], start=1):
            created += timedelta(seconds=self.rng.randint(300, 3600))
            words = self.words[story.language]
            current = updated_story(self.rng, current, story.headline, words, number)
            self.add("update", uri, uri, current, version, moment, created)

    def copy(self, kind: Kind, group: str, story: Story, second: int, before: bool) -> None:
        if kind == "near":
            story = near_copy(self.rng, story, self.words[story.language], self.spec.near_share)
        moment = self.clock.at(self.clock.near(second, before))
        self.add(kind, self.uri(story.language), group, story, 1, moment, moment)


def generate(spec: CorpusSpec) -> Corpus:
    spec.check()
    b = _Builder(spec)
    rng = b.rng
    seconds = b.clock.spread(spec.originals, 12 * 3600)
    languages = [LANGUAGES[i % 3] for i in range(spec.originals)]
    stories = [new_story(rng, language, b.words[language]) for language in languages]
    uris = [b.uri(language) for language in languages]
    updated = rng.sample(range(spec.originals), spec.updated_originals)
    chain_of = {original: position for position, original in enumerate(updated)}
    doubles = spec.updates - spec.updated_originals

    for i, story in enumerate(stories):
        moment = b.clock.at(seconds[i])
        if i in chain_of:
            position = chain_of[i]
            updates = 2 if position < doubles else 1
            b.chain(uris[i], story, moment, _chain_style(position), updates)
        else:
            version = None if i % 7 == 3 else 1
            b.add("original", uris[i], uris[i], story, version, moment, moment)

    copyable = [i for i in range(spec.originals) if i not in chain_of]
    copies: list[tuple[Kind, int]] = [("exact", i) for i in rng.sample(copyable, spec.exact_copies)]
    copies += [("near", i) for i in rng.sample(copyable, spec.near_copies)]
    for n, (kind, i) in enumerate(copies):
        b.copy(kind, uris[i], stories[i], seconds[i], before=n % 2 == 0)

    for _ in range(spec.resends):
        b.items.append(replace(rng.choice(b.items), kind="resend"))

    for n in range(spec.invalid):
        language = LANGUAGES[n % 3]
        story = new_story(rng, language, b.words[language])
        b.items.append(invalid_item(n, INVALID_KINDS[n % len(INVALID_KINDS)], story, spec.epoch))

    items = b.items
    rng.shuffle(items)
    return Corpus(spec, tuple(items), expected_state(items))
