"""The words of the dedup table (`tests/dedup_cases.py`) and how one case is
played against a `DedupState`: the in-memory specification in the unit tests,
the Redis script in the integration tests (docs/ARCHITECTURE.md, Deduplication)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Protocol

import pytest

from workers.dedup.decision import Decision, Method, Takeover
from workers.dedup.minhash import Fingerprint
from workers.dedup.state import DedupRequest, DedupState, StateLost
from workers.settings import DedupSettings

SETTINGS = DedupSettings()
WEEK = SETTINGS.window_seconds


@dataclass(frozen=True)
class Text:
    """A normalized text as the state sees it: a hash and a MinHash signature.

    Value i of the signature comes from the family that `parts` gives position i
    (`(family, start, stop)`), else from `family`; families share no value. So the
    similarity of two texts is exactly the share of positions where their families
    agree, and two texts are band candidates when they agree on a whole band (the
    bands are the first `bands * band_rows` positions)."""

    family: str
    parts: tuple[tuple[str, int, int], ...] = ()

    def but(self, family: str, start: int, stop: int = SETTINGS.num_perm) -> Text:
        """This text with positions `[start, stop)` from `family`."""
        return Text(self.family, (*self.parts, (family, start, stop)))

    def family_at(self, position: int) -> str:
        found = self.family
        for family, start, stop in self.parts:
            if start <= position < stop:
                found = family
        return found

    @property
    def fingerprint(self) -> Fingerprint:
        return _fingerprint(self)


@cache
def _fingerprint(text: Text) -> Fingerprint:
    families = [text.family_at(i) for i in range(SETTINGS.num_perm)]
    signature = b"".join(
        hashlib.sha256(f"{family}:{i}".encode()).digest()[:4] for i, family in enumerate(families)
    )
    normalized = hashlib.sha256(",".join(families).encode()).hexdigest()
    return Fingerprint(normalized, signature)


@dataclass(frozen=True)
class Req:
    """An article as the state is asked about it: `at` minutes after a fixed time
    makes its dedup key (ties go to the smaller uri); its content is its text's
    unless `content` names another."""

    uri: str
    text: Text
    at: int = 0
    content: str | None = None

    def request(self) -> DedupRequest:
        fingerprint = self.text.fingerprint
        content = self.content or fingerprint.normalized_hash
        return DedupRequest(self.uri, content, f"{self.at:06d}|{self.uri}", fingerprint)


@dataclass(frozen=True)
class Decide:
    """One submission: its requests in order, each with the decision expected."""

    pairs: tuple[tuple[Req, Decision], ...]


@dataclass(frozen=True)
class Arrive:
    """One submission whose decisions only the `Roles` after it judge."""

    requests: tuple[Req, ...]


@dataclass(frozen=True)
class Roles:
    """Each uri's canonical once every decision so far is applied in decision
    order, as storage applies them (a canonical maps to itself)."""

    expected: dict[str, str]


@dataclass(frozen=True)
class Wait:
    seconds: float


@dataclass(frozen=True)
class Lose:
    """The state comes back empty, without its epoch."""


@dataclass(frozen=True)
class Lost:
    """Without an epoch nothing is decided or split: the state is lost."""

    request: Req


@dataclass(frozen=True)
class Restore:
    """The state is complete again (rebuilt from a storage that holds nothing)."""


@dataclass(frozen=True)
class Split:
    """An operator splits `uri` off; the split takes role order `role_seq`."""

    uri: str
    role_seq: int


Step = Decide | Arrive | Roles | Wait | Lose | Lost | Restore | Split


@dataclass(frozen=True)
class Case:
    name: str
    steps: tuple[Step, ...]
    window_seconds: int = WEEK

    @property
    def settings(self) -> DedupSettings:
        return SETTINGS.model_copy(update={"window_seconds": self.window_seconds})

    @property
    def waits(self) -> bool:
        return any(isinstance(step, Wait) for step in self.steps)


def decide(*pairs: tuple[Req, Decision]) -> Decide:
    return Decide(pairs)


def ok(story: str, seq: int, *takes: Takeover) -> Decision:
    return Decision("ok", story, seq, takes_over=takes)


def version(story: str, seq: int, *takes: Takeover) -> Decision:
    return Decision("new_version", story, seq, takes_over=takes)


def related(story: str, seq: int, similarity: float) -> Decision:
    return Decision("related", story, seq, similarity=similarity)


def duplicate(of: str, seq: int, story: str | None = None) -> Decision:
    return Decision("duplicate", story or of, seq, of, 1.0, "exact")


def near(of: str, seq: int, similarity: float, story: str | None = None) -> Decision:
    return Decision("near_duplicate", story or of, seq, of, similarity, "near")


def took(uri: str, similarity: float = 1.0, method: Method = "exact") -> Takeover:
    return Takeover(uri, similarity, method)


class Harness(Protocol):
    """A state to play cases against, and what a case does around it."""

    @property
    def state(self) -> DedupState: ...

    async def restore(self) -> None: ...

    async def lose(self) -> None: ...

    async def wait(self, seconds: float) -> None: ...


def applied_roles(claims: Iterable[tuple[str, int, str | None, Iterable[str]]]) -> dict[str, str]:
    """Each uri's canonical from `(uri, role_seq, canonical or None, taken over)`
    claims, each role applied only when its decision is at least as recent as the
    one held (a canonical maps to itself)."""
    latest: dict[str, tuple[int, str]] = {}

    def claim(uri: str, seq: int, canonical: str) -> None:
        if uri not in latest or seq >= latest[uri][0]:
            latest[uri] = (seq, canonical)

    for uri, seq, canonical, taken in claims:
        claim(uri, seq, canonical or uri)
        for alias in taken:
            claim(alias, seq, uri)
    roles = {uri: canonical for uri, (_, canonical) in latest.items()}
    for uri in roles:
        for _ in range(5):
            target = roles.get(roles[uri], roles[uri])
            if target == roles[uri]:
                break
            roles[uri] = target
    return roles


async def play(case: Case, harness: Harness) -> None:
    """Every step of `case` against a fresh state, asserting what it expects."""
    state = harness.state
    await harness.restore()
    decided: list[tuple[str, Decision]] = []
    for number, step in enumerate(case.steps, start=1):
        where = f"{case.name}, step {number}"
        match step:
            case Decide(pairs):
                got = await _decisions(state, [req for req, _ in pairs])
                expected = [decision for _, decision in pairs]
                assert got == expected, f"{where}: decided {got}, expected {expected}"
                decided += [
                    (req.uri, decision) for (req, _), decision in zip(pairs, got, strict=True)
                ]
            case Arrive(requests):
                got = await _decisions(state, requests)
                decided += [
                    (req.uri, decision) for req, decision in zip(requests, got, strict=True)
                ]
            case Roles(expected):
                claims = [
                    (uri, d.role_seq, d.duplicate_of, [t.uri for t in d.takes_over])
                    for uri, d in decided
                ]
                assert applied_roles(claims) == expected, where
            case Wait(seconds):
                await harness.wait(seconds)
            case Lose():
                await harness.lose()
            case Lost(req):
                assert await state.epoch() is None, where
                submitted = await state.submit([req.request()])
                with pytest.raises(StateLost):
                    await submitted.decisions()
                with pytest.raises(StateLost):
                    await state.reserve_role()
            case Restore():
                await harness.restore()
                assert await state.epoch() is not None, where
            case Split(uri, role_seq):
                assert await state.reserve_role() == role_seq, where
                await state.split(uri, role_seq)


async def _decisions(state: DedupState, requests: Sequence[Req]) -> list[Decision]:
    submitted = await state.submit([req.request() for req in requests])
    got = await submitted.decisions()
    return got
