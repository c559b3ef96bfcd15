"""The in-memory dedup state, the specification of the rules, decides every
case of the table (`tests/dedup_cases.py`); time is a clock the cases move."""

from __future__ import annotations

import pytest

from tests.dedup_cases import CASES
from tests.dedup_table import Case, play
from workers.dedup.memory_state import MemoryDedupState


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.25

    def __call__(self) -> float:
        return self.now


class InMemory:
    def __init__(self, case: Case) -> None:
        self._clock = Clock()
        self.state = MemoryDedupState(case.settings, self._clock)

    async def restore(self) -> None:
        self.state.begin_epoch()

    async def lose(self) -> None:
        self.state.lose()

    async def wait(self, seconds: float) -> None:
        self._clock.now += seconds


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
async def test_the_in_memory_state_decides_every_case_of_the_table(case: Case) -> None:
    await play(case, InMemory(case))
