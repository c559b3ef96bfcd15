"""What a batch changes in storage, worked out from what it brings and what the
store holds, before anything is written. Pure: the same inputs give the same
plan, whatever order the batch's messages came in (docs/ARCHITECTURE.md,
Storage).

* Every content of every uri is kept, canonical or alias, as a version row:
  no decision discards text.
* Version numbers follow the source's order (`workers.dedup.order`), so a late
  older version renumbers the later ones instead of becoming current.
* A uri's role (canonical article, or alias of one) is the one of the latest
  dedup decision (highest `role_seq`) seen for it; older decisions arriving late
  change nothing. An article that becomes an alias takes its aliases with it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from workers.dedup.order import dedup_key, version_numbers, version_order
from workers.models import DuplicateNotice, EnrichedArticle

ContentId = tuple[str, str]
"""(uri, content_hash)"""


@dataclass(frozen=True)
class Claim:
    """A dedup decision about one uri's role."""

    uri: str
    canonical: str | None
    """The canonical uri when the decision made `uri` an alias."""
    seq: int
    similarity: float | None = None
    method: str | None = None


@dataclass(frozen=True)
class HeldVersion:
    content_hash: str
    order: str
    version: int
    enrichment_hash: str


@dataclass(frozen=True)
class HeldRole:
    """The role a uri has in the store: a row of `articles` or of `aliases`."""

    seq: int
    canonical: str | None
    content_hash: str = ""
    """Of the current version, for an article row."""
    version: int = 0
    enrichment_hash: str = ""
    key: str = ""


@dataclass(frozen=True)
class Held:
    versions: dict[str, list[HeldVersion]]
    roles: dict[str, HeldRole]


@dataclass(frozen=True)
class Incoming:
    """The batch's messages, reduced: the last message of each content, and each
    uri's latest claim."""

    contents: dict[ContentId, EnrichedArticle]
    claims: dict[str, Claim]

    @property
    def uris(self) -> set[str]:
        """Every uri the batch may change, and every canonical it names."""
        named = {c.canonical for c in self.claims.values() if c.canonical is not None}
        return {uri for uri, _ in self.contents} | set(self.claims) | named

    @property
    def content_uris(self) -> set[str]:
        return {uri for uri, _ in self.contents}


def _claim(claims: dict[str, Claim], claim: Claim) -> None:
    held = claims.get(claim.uri)
    if held is None or claim.seq >= held.seq:
        claims[claim.uri] = claim


def incoming(articles: Iterable[EnrichedArticle], notices: Iterable[DuplicateNotice]) -> Incoming:
    contents: dict[ContentId, EnrichedArticle] = {}
    claims: dict[str, Claim] = {}
    for article in articles:
        contents[(article.uri, article.content_hash)] = article
        seq = article.role_seq or 0
        _claim(claims, Claim(article.uri, None, seq))
        for taken in article.takes_over:
            if taken.uri != article.uri:
                _claim(claims, Claim(taken.uri, article.uri, seq, taken.similarity, taken.method))
    for notice in notices:
        copy = notice.article
        contents[(copy.uri, copy.content_hash)] = copy
        if copy.uri != notice.duplicate_of:
            claim = Claim(
                copy.uri, notice.duplicate_of, copy.role_seq or 0, notice.similarity, notice.method
            )
            _claim(claims, claim)
    return Incoming(contents, claims)


@dataclass(frozen=True)
class NewVersion:
    article: EnrichedArticle
    number: int
    order: str


@dataclass(frozen=True)
class MakeCanonical:
    uri: str
    seq: int
    key: str
    content_hash: str
    """The current version: its row gives the article row's payload."""
    number: int
    replaces_row: bool
    was_alias: bool


@dataclass(frozen=True)
class MakeAlias:
    uri: str
    canonical: str
    seq: int
    similarity: float
    method: str
    key: str
    had_article_row: bool


@dataclass
class Plan:
    new_versions: list[NewVersion] = field(default_factory=list)
    renumbered: list[tuple[str, str, int]] = field(default_factory=list)
    """(uri, content_hash, number) of held versions whose number changes."""
    refreshed: list[EnrichedArticle] = field(default_factory=list)
    """Held contents enriched again differently: their payload is replaced."""
    canonicals: list[MakeCanonical] = field(default_factory=list)
    aliases: list[MakeAlias] = field(default_factory=list)
    rekeyed: list[tuple[str, str]] = field(default_factory=list)
    """(uri, dedup key) of aliases whose own text, arriving after the decision that
    made them aliases, gives them their dedup key (or an earlier one)."""
    numbers: dict[ContentId, int] = field(default_factory=dict)
    """The stored number of every content the batch brought."""


def _versions(
    uri: str,
    held: list[HeldVersion],
    brought: list[EnrichedArticle],
    enrichment_hash: dict[ContentId, str],
    plan: Plan,
) -> tuple[str, int, bool]:
    """Plan the version rows of one uri; its current content hash and number, and
    whether that current content is new to the store or enriched again."""
    known = {v.content_hash: v for v in held}
    new = [a for a in brought if a.content_hash not in known]
    hashes = [v.content_hash for v in held] + [a.content_hash for a in new]
    orders = [v.order for v in held] + [version_order(a) for a in new]
    numbers = version_numbers(orders)
    number_of = dict(zip(hashes, numbers, strict=True))
    for version in held:
        if number_of[version.content_hash] != version.version:
            plan.renumbered.append((uri, version.content_hash, number_of[version.content_hash]))
    for article, order in zip(new, orders[len(held) :], strict=True):
        plan.new_versions.append(NewVersion(article, number_of[article.content_hash], order))
    changed = {a.content_hash for a in new}
    for article in brought:
        plan.numbers[(uri, article.content_hash)] = number_of[article.content_hash]
        before = known.get(article.content_hash)
        if (
            before is not None
            and before.enrichment_hash != enrichment_hash[(uri, article.content_hash)]
        ):
            plan.refreshed.append(article)
            changed.add(article.content_hash)
    current = max(range(len(orders)), key=orders.__getitem__)
    return hashes[current], numbers[current], hashes[current] in changed


def make_plan(batch: Incoming, held: Held, enrichment_hash: dict[ContentId, str]) -> Plan:
    """`enrichment_hash` gives each content's hash of what enrichment found."""
    plan = Plan()
    by_uri: dict[str, list[EnrichedArticle]] = {}
    for (uri, _), article in batch.contents.items():
        by_uri.setdefault(uri, []).append(article)
    current: dict[str, tuple[str, int, bool]] = {}
    for uri, brought in by_uri.items():
        current[uri] = _versions(uri, held.versions.get(uri, []), brought, enrichment_hash, plan)
    aliases_now = _aliases_after(batch, held)
    for uri in sorted(batch.uris):
        _role(uri, batch, held, current.get(uri), by_uri.get(uri, []), aliases_now, plan)
    return plan


def _aliases_after(batch: Incoming, held: Held) -> dict[str, str]:
    """Each uri that is an alias once the batch is applied, and its canonical."""
    aliases = {uri: r.canonical for uri, r in held.roles.items() if r.canonical is not None}
    for uri, claim in batch.claims.items():
        role = held.roles.get(uri)
        if role is None or claim.seq >= role.seq:
            if claim.canonical is None:
                aliases.pop(uri, None)
            else:
                aliases[uri] = claim.canonical
    return aliases


def resolve(uri: str, aliases: dict[str, str], hops: int = 5) -> str:
    """The canonical uri an alias leads to (itself for a canonical)."""
    for _ in range(hops):
        target = aliases.get(uri)
        if target is None or target == uri:
            return uri
        uri = target
    return uri


def _key(uri: str, brought: Sequence[EnrichedArticle], role: HeldRole | None) -> str:
    keys = [dedup_key(a) for a in brought]
    if role is not None and role.key:
        keys.append(role.key)
    return min(keys) if keys else ""


def _role(
    uri: str,
    batch: Incoming,
    held: Held,
    current: tuple[str, int, bool] | None,
    brought: Sequence[EnrichedArticle],
    aliases_now: dict[str, str],
    plan: Plan,
) -> None:
    role = held.roles.get(uri)
    claim = batch.claims.get(uri)
    applies = claim is not None and (role is None or claim.seq >= role.seq)
    key = _key(uri, brought, role)
    if applies and claim is not None and claim.canonical is not None:
        canonical = resolve(claim.canonical, aliases_now)
        unchanged = (
            role is not None
            and role.canonical == canonical
            and role.seq == claim.seq
            and role.key == key
        )
        if not unchanged:
            plan.aliases.append(
                MakeAlias(
                    uri,
                    canonical,
                    claim.seq,
                    claim.similarity if claim.similarity is not None else 1.0,
                    claim.method or "near",
                    key,
                    had_article_row=role is not None and role.canonical is None,
                )
            )
        return
    if role is not None and role.canonical is not None and not applies:
        if key != role.key:
            plan.rekeyed.append((uri, key))
        return
    canonical_now = (applies and claim is not None) or (role is not None and role.canonical is None)
    if not canonical_now or current is None:
        return
    content_hash, number, content_changed = current
    seq = claim.seq if applies and claim is not None else (role.seq if role else 0)
    row_is_current = (
        role is not None
        and role.canonical is None
        and role.content_hash == content_hash
        and role.version == number
        and role.seq == seq
        and role.key == key
        and not content_changed
    )
    if not row_is_current:
        plan.canonicals.append(
            MakeCanonical(
                uri,
                seq,
                key,
                content_hash,
                number,
                replaces_row=role is not None and role.canonical is None,
                was_alias=role is not None and role.canonical is not None,
            )
        )
