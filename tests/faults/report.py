"""A scenario's report: the final state compared with the corpus' ground truth."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.faults.corpus import Expected
from tests.faults.observe import StoredState
from workers.models import DeadLetter


@dataclass
class Report:
    scenario: str
    produced: int = 0
    """Items sent to the raw topic: the corpus (valid and invalid) and the raw bad messages."""
    publish_failed: int = 0
    expected_uris: int = 0
    stored: int = 0
    """Distinct expected uris found in `articles` or `aliases`."""
    lost: int = 0
    duplicated: int = 0
    wrong_canonicals: int = 0
    wrong_current_versions: int = 0
    valid_dead_lettered: int = 0
    invalid_missing: int = 0
    """Keys of invalid items (and raw bad messages) with no dead letter."""
    unexpected: int = 0
    """Stored uris that are no valid item's."""
    seconds_to_recover: float | None = None
    failover_seconds: float | None = None
    fault_mid_stream: bool = True
    drained: bool = False
    worker_restarts: int = 0
    """Unplanned worker exits (each restarted when supervising)."""
    wall_seconds: float = 0.0
    examples: list[str] = field(default_factory=list)
    """What went wrong, a few of each kind."""
    notes: list[str] = field(default_factory=list)
    """How the measurements came about."""
    log_dir: Path | None = None

    @property
    def clean(self) -> bool:
        return not (
            self.lost
            or self.duplicated
            or self.wrong_canonicals
            or self.wrong_current_versions
            or self.valid_dead_lettered
            or self.invalid_missing
            or self.unexpected
        )

    def render(self) -> str:
        def seconds(value: float | None) -> str:
            return "-" if value is None else f"{value:.1f}s"

        lines = [
            f"[{self.scenario}] produced={self.produced} stored={self.stored}/"
            f"{self.expected_uris} lost={self.lost} duplicated={self.duplicated} "
            f"wrong_canonicals={self.wrong_canonicals} "
            f"wrong_current_versions={self.wrong_current_versions} "
            f"valid_dead_lettered={self.valid_dead_lettered} "
            f"invalid_missing={self.invalid_missing} unexpected={self.unexpected} "
            f"recover={seconds(self.seconds_to_recover)} "
            f"failover={seconds(self.failover_seconds)} drained={self.drained} "
            f"mid_stream={self.fault_mid_stream} restarts={self.worker_restarts} "
            f"publish_failed={self.publish_failed} wall={self.wall_seconds:.1f}s",
            *(f"    {example}" for example in self.examples[:15]),
            *(f"    note: {note}" for note in self.notes),
        ]
        if self.log_dir is not None:
            lines.append(f"    logs: {self.log_dir}")
        return "\n".join(lines)


def compare(
    expected: Expected,
    state: StoredState,
    letters: Sequence[DeadLetter],
    invalid_keys: frozenset[str],
    report: Report,
) -> None:
    """Fill the counts of `report` from the final state; examples of each kind of miss."""
    examples = report.examples
    expected_uris = set(expected.canonical_of)
    in_articles, in_aliases = set(state.articles), set(state.aliases)
    stored = (in_articles | in_aliases) & expected_uris
    report.expected_uris = len(expected_uris)
    report.stored = len(stored)
    lost = sorted(expected_uris - stored)
    report.lost = len(lost)
    examples += [f"lost: {uri}" for uri in lost[:3]]
    both = sorted(in_articles & in_aliases)
    report.duplicated = len(both) + len(state.repeated_versions)
    examples += [f"in articles and aliases: {uri}" for uri in both[:3]]
    examples += [f"version stored twice: {u} {h[:12]}" for u, h in state.repeated_versions[:3]]
    unexpected = sorted((in_articles | in_aliases) - expected_uris)
    report.unexpected = len(unexpected)
    examples += [f"not a valid item's uri: {uri[:80]}" for uri in unexpected[:3]]

    wrong_canonical: list[str] = []
    wrong_current: list[str] = []
    for uri in sorted(stored):
        canonical = expected.canonical_of[uri]
        if canonical == uri:
            if uri not in in_articles:
                wrong_canonical.append(
                    f"{uri} should be canonical, is alias of {state.aliases[uri]}"
                )
                continue
            chash, version = expected.current[uri]
            got_hash, got_version = state.articles[uri]
            if (got_hash, got_version) != (chash, version):
                same = "same content" if got_hash == chash else "other content"
                wrong_current.append(
                    f"{uri} current v{got_version} ({same}), expected v{version} {chash[:12]}"
                )
        elif state.aliases.get(uri) != canonical:
            where = f"alias of {state.aliases[uri]}" if uri in in_aliases else "canonical"
            wrong_canonical.append(f"{uri} is {where}, expected alias of {canonical}")
    report.wrong_canonicals = len(wrong_canonical)
    report.wrong_current_versions = len(wrong_current)
    examples += [f"wrong canonical: {line}" for line in wrong_canonical[:4]]
    examples += [f"wrong current: {line}" for line in wrong_current[:4]]

    lettered = {letter.key for letter in letters}
    valid = [letter for letter in letters if letter.key not in invalid_keys]
    report.valid_dead_lettered = len(valid)
    examples += [
        f"dead-lettered valid item: {v.key} ({v.stage}/{v.error_type}: {v.reason[:100]})"
        for v in valid[:4]
    ]
    missing = sorted(invalid_keys - lettered)
    report.invalid_missing = len(missing)
    examples += [f"invalid item not dead-lettered: {key}" for key in missing[:3]]
