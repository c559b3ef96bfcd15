"""The dedup rules in plain Python: the specification of what the Redis script
decides (docs/ARCHITECTURE.md, Deduplication).

Both pass one table of cases (`tests/dedup_cases.py`); a rule change starts
here, then the script follows. The state is what the script keeps, with the
same lifetimes, read from an injectable clock (the script reads Redis's):

* per uri (`UriState`): its known contents, its role (canonical, or alias
  `of` another uri with the similarity and method that made it one), the
  order of the decision that gave it that role, its story, its dedup key and
  the signature of its latest text; it lives a window after its last use;
* the aliases of each canonical, a window after the last one joined;
* the uri owning each exact normalized text, a window after it took it;
* the band keys of canonical texts, in hashes of time buckets
  (`workers.dedup.lookup`), each living a window after its bucket's end.

For each request, in order, one of these happens:

1. Its content is known: a redelivery or a replay. Nothing changes; the answer
   is the uri's current role.
2. It is a known canonical with new content: a new version. Its new text is
   indexed beside the old one and nothing is compared.
3. Otherwise (a new uri, or new content of an alias) it is compared with the
   canonicals of the window: the owner of its exact text, else the owners its
   bands find (the last canonical indexed under each band key of a bucket)
   whose text's MinHash similarity reaches the near threshold, each resolved
   to its canonical; the best under the near threshold, down to the related
   one, gives its story. A canonical that left the window is no match, even
   when an alias of it is still there. Of the matches and itself the smallest
   dedup key wins: a match makes it that match's alias; itself makes it
   canonical, taking over every match (but one split off) with its aliases.

Every change of a uri's role takes the next value of one counter; an answer for
a canonical lists the uris that became its aliases in the decision that gave it
its role, on every redelivery too."""

from __future__ import annotations

import math
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from workers.dedup.decision import Decision, Method, Outcome, Takeover
from workers.dedup.lookup import (
    MAX_CANDIDATES,
    bucket_expires_at,
    bucket_of,
    lookback_buckets,
)
from workers.dedup.minhash import band_fields, band_layout, estimated_jaccard
from workers.dedup.state import DedupRequest, StateLost
from workers.settings import DedupSettings

Clock = Callable[[], float]
T = TypeVar("T")

DEPENDENCY = "dedup state"


@dataclass(slots=True)
class UriState:
    contents: set[str]
    role_seq: int
    story: str
    key: str
    signature: bytes | None = None
    of: str | None = None
    """The canonical uri, for an alias."""
    similarity: float | None = None
    method: Method | None = None
    split: bool = False
    """Split off by an operator: never made an alias again."""
    expires_at: float = math.inf


@dataclass(slots=True)
class Expiring(Generic[T]):
    value: T
    expires_at: float


@dataclass(slots=True)
class Matches:
    """What a text's comparison found: canonical uri -> similarity."""

    near: dict[str, float] = field(default_factory=dict)
    method: Method = "near"
    related: str | None = None
    related_similarity: float | None = None


class Decided:
    """Decisions made when submitted (or the state's loss), read later."""

    def __init__(self, decisions: list[Decision] | None) -> None:
        self._decisions = decisions

    async def decisions(self) -> list[Decision]:
        if self._decisions is None:
            raise StateLost("dedup state: no epoch, rebuild it first", DEPENDENCY)
        return self._decisions

    async def abandon(self) -> None:
        """Nothing to give back."""


class MemoryDedupState:
    """The specification of the dedup rules (see the module's docstring); a
    `DedupState` for one process."""

    def __init__(self, settings: DedupSettings, clock: Clock = time.time) -> None:
        self._settings = settings
        self._layout = band_layout(settings.num_perm, settings.bands, settings.band_rows)
        self._clock = clock
        self._now = clock()
        self.lose()

    def lose(self) -> None:
        """Forget everything, the epoch too: a Redis that came back empty."""
        self._epoch: str | None = None
        self._seq = 0
        self._uris: dict[str, UriState] = {}
        self._aliases: dict[str, Expiring[set[str]]] = {}
        self._texts: dict[str, Expiring[str]] = {}
        self._buckets: dict[int, Expiring[dict[bytes, str]]] = {}

    def begin_epoch(self) -> None:
        """The state is complete: as a rebuild from storage leaves it."""
        self._epoch = uuid.uuid4().hex

    async def epoch(self) -> str | None:
        return self._epoch

    async def submit(self, requests: Sequence[DedupRequest]) -> Decided:
        if self._epoch is None:
            return Decided(None)
        self._now = self._clock()
        return Decided([self._decide(request) for request in requests])

    async def reserve_role(self) -> int:
        self._require_epoch()
        return self._next_seq()

    async def split(self, uri: str, role_seq: int) -> None:
        self._require_epoch()
        self._now = self._clock()
        state = self._uri(uri)
        if state is None:
            return
        if state.of is not None:
            self._alias_set(state.of).discard(uri)
        state.of = state.similarity = state.method = None
        state.role_seq = role_seq
        state.split = True
        state.expires_at = self._now + self._window

    # The rules.

    def _decide(self, request: DedupRequest) -> Decision:
        uri = request.uri
        state = self._uri(uri)
        if state is not None and request.content_hash in state.contents:
            decision = self._answer(uri, state, "ok" if state.of is None else _alias(state))
        elif state is not None and state.of is None:
            self._index(uri, request)
            decision = self._answer(uri, state, "new_version")
        else:
            decision = self._compare(uri, state, request)
        state = self._uri(uri)
        assert state is not None
        if request.content_hash not in state.contents:
            state.contents.add(request.content_hash)
            state.key = min(state.key, request.key) if state.key else request.key
            state.signature = request.fingerprint.signature
        state.expires_at = self._now + self._window
        return decision

    def _compare(self, uri: str, state: UriState | None, request: DedupRequest) -> Decision:
        """A new uri, or new content of an alias: compared with the window."""
        key = request.key
        if state is not None and state.key and state.key < key:
            key = state.key
        matches = self._exact_match(uri, request.fingerprint.normalized_hash)
        if not matches.near:
            matches = self._near_matches(uri, request.fingerprint.signature)
        earliest = self._earliest(matches.near)
        if earliest is not None and self._key_of(earliest) < key:
            return self._become_alias(uri, state, request, earliest, matches)
        seq = self._next_seq()
        if earliest is not None:
            story = self._story_of(earliest)
        elif matches.related is not None:
            story = self._story_of(matches.related)
        else:
            story = uri
        known = state is not None
        if state is None:
            state = self._uris[uri] = UriState(set(), seq, story, key)
        elif state.of is not None:
            self._alias_set(state.of).discard(uri)
            state.of = state.similarity = state.method = None
        state.role_seq, state.story = seq, story
        for canonical, similarity in matches.near.items():
            if not self._uris[canonical].split:
                self._take_over(canonical, uri, similarity, matches.method, seq, story)
        self._index(uri, request)
        if known:
            return self._answer(uri, state, "new_version")
        if matches.related is not None and earliest is None:
            return self._answer(uri, state, "related", matches.related_similarity)
        return self._answer(uri, state, "ok")

    def _become_alias(
        self,
        uri: str,
        state: UriState | None,
        request: DedupRequest,
        canonical: str,
        matches: Matches,
    ) -> Decision:
        previous = state.of if state is not None else None
        story = self._story_of(canonical)
        if state is None:
            state = self._uris[uri] = UriState(set(), self._next_seq(), story, request.key)
        elif previous != canonical:
            state.role_seq = self._next_seq()
            if previous is not None:
                self._alias_set(previous).discard(uri)
        state.of, state.story = canonical, story
        state.similarity, state.method = matches.near[canonical], matches.method
        self._join(canonical, uri)
        normalized = request.fingerprint.normalized_hash
        if self._live(self._texts, normalized) is None:
            self._texts[normalized] = Expiring(uri, self._now + self._window)
        return self._answer(uri, state, _alias(state))

    def _exact_match(self, uri: str, normalized_hash: str) -> Matches:
        owner = self._live(self._texts, normalized_hash)
        if owner is None or owner == uri:
            return Matches()
        owner_state = self._uri(owner)
        if owner_state is None:
            return Matches()
        canonical = owner_state.of or owner
        if canonical == uri or not self._in_window(canonical, owner):
            return Matches()
        return Matches({canonical: 1.0}, "exact")

    def _near_matches(self, uri: str, signature: bytes) -> Matches:
        """Canonicals whose text this one nearly repeats, and the best related one.
        Candidates sharing more bands are compared first, at most `MAX_CANDIDATES`."""
        fields = band_fields(signature, self._layout)
        hits: dict[str, int] = {}
        for bands in self._lookup_buckets():
            for band in fields:
                owner = bands.get(band)
                if owner is not None and owner != uri:
                    hits[owner] = hits.get(owner, 0) + 1
        candidates = sorted(hits, key=lambda owner: (-hits[owner], owner))
        found = Matches()
        # the related canonical of highest similarity, of smallest uri among equals
        closest: tuple[float, str] | None = None
        for owner in candidates[:MAX_CANDIDATES]:
            owner_state = self._uri(owner)
            if owner_state is None or owner_state.signature is None:
                continue
            canonical = owner_state.of or owner
            if canonical == uri or not self._in_window(canonical, owner):
                continue
            similarity = estimated_jaccard(signature, owner_state.signature)
            if similarity >= self._settings.near_threshold:
                found.near[canonical] = max(similarity, found.near.get(canonical, similarity))
            elif similarity >= self._settings.related_threshold:
                rank = (-similarity, canonical)
                closest = rank if closest is None else min(closest, rank)
        if closest is not None:
            found.related, found.related_similarity = closest[1], -closest[0]
        return found

    def _in_window(self, canonical: str, owner: str) -> bool:
        """An alias can outlive its canonical: then that canonical is no match."""
        return canonical == owner or self._uri(canonical) is not None

    def _earliest(self, canonicals: Iterable[str]) -> str | None:
        ranked = sorted(canonicals, key=lambda canonical: (self._key_of(canonical), canonical))
        return ranked[0] if ranked else None

    def _take_over(
        self, canonical: str, to: str, similarity: float, method: Method, seq: int, story: str
    ) -> None:
        """`canonical` and its aliases become aliases of `to` in decision `seq`."""
        taken = self._uris[canonical]
        taken.of, taken.similarity, taken.method = to, similarity, method
        taken.role_seq, taken.story = seq, story
        self._join(to, canonical)
        for alias in sorted(self._alias_set(canonical)):
            follower = self._uri(alias)
            if follower is not None:
                follower.of, follower.role_seq, follower.story = to, seq, story
                self._join(to, alias)
        self._aliases.pop(canonical, None)

    def _answer(
        self, uri: str, state: UriState, outcome: Outcome, related: float | None = None
    ) -> Decision:
        if state.of is not None:
            return Decision(
                outcome, state.story, state.role_seq, state.of, state.similarity, state.method
            )
        return Decision(
            outcome,
            state.story,
            state.role_seq,
            similarity=related,
            takes_over=self._taken_over(uri, state.role_seq),
        )

    def _taken_over(self, uri: str, seq: int) -> tuple[Takeover, ...]:
        """The aliases of `uri` that became so in the decision `seq` made it canonical."""
        taken = []
        for alias in sorted(self._alias_set(uri)):
            state = self._uri(alias)
            if state is not None and state.role_seq == seq:
                assert state.similarity is not None and state.method is not None
                taken.append(Takeover(alias, state.similarity, state.method))
        return tuple(taken)

    # The state's keys and their lifetimes.

    @property
    def _window(self) -> int:
        return self._settings.window_seconds

    def _next_seq(self) -> int:
        self._seq += 1
        return self._seq

    def _require_epoch(self) -> None:
        if self._epoch is None:
            raise StateLost("dedup state: no epoch, rebuild it first", DEPENDENCY)

    def _uri(self, uri: str) -> UriState | None:
        state = self._uris.get(uri)
        if state is not None and state.expires_at <= self._now:
            del self._uris[uri]
            return None
        return state

    def _key_of(self, uri: str) -> str:
        state = self._uri(uri)
        return state.key if state is not None and state.key else uri

    def _story_of(self, uri: str) -> str:
        state = self._uri(uri)
        return state.story if state is not None else uri

    def _live(self, index: dict[str, Expiring[T]], key: str) -> T | None:
        entry = index.get(key)
        if entry is not None and entry.expires_at <= self._now:
            del index[key]
            return None
        return entry.value if entry is not None else None

    def _alias_set(self, canonical: str) -> set[str]:
        aliases = self._live(self._aliases, canonical)
        return aliases if aliases is not None else set()

    def _join(self, canonical: str, alias: str) -> None:
        aliases = self._alias_set(canonical)
        aliases.add(alias)
        self._aliases[canonical] = Expiring(aliases, self._now + self._window)

    def _index(self, uri: str, request: DedupRequest) -> None:
        """A canonical's text and bands point to it."""
        normalized = request.fingerprint.normalized_hash
        owner = self._live(self._texts, normalized)
        if owner is None or owner == uri or self._uri(owner) is None:
            self._texts[normalized] = Expiring(uri, self._now + self._window)
        bucket = bucket_of(self._now, self._settings)
        entry = self._buckets.get(bucket)
        if entry is None or entry.expires_at <= self._now:
            entry = self._buckets[bucket] = Expiring({}, 0.0)
        for band in band_fields(request.fingerprint.signature, self._layout):
            entry.value[band] = uri
        entry.expires_at = bucket_expires_at(bucket, self._settings)

    def _lookup_buckets(self) -> list[dict[bytes, str]]:
        """The band hashes of the window: the current bucket and the earlier ones."""
        current = bucket_of(self._now, self._settings)
        found = []
        for bucket in range(current - lookback_buckets(self._settings), current + 1):
            entry = self._buckets.get(bucket)
            if entry is not None and entry.expires_at > self._now:
                found.append(entry.value)
        return found


def _alias(state: UriState) -> Outcome:
    return "duplicate" if state.method == "exact" else "near_duplicate"
