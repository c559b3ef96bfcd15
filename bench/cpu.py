"""CPU seconds of whole processes, read from `/proc`: a process and every process
below it (PostgreSQL's backends are children of its postmaster), user and system
time together; a child that ended counts in its parent once waited for."""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from pathlib import Path

TICKS = os.sysconf("SC_CLK_TCK")


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds) of `pid`, or None when it is gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = text.rsplit(")", 1)[1].split()
    # utime, stime, and those of its children that ended and were waited for
    return int(fields[1]), sum(int(f) for f in fields[11:15]) / TICKS


def _processes() -> Iterator[tuple[int, int, float]]:
    for entry in os.scandir("/proc"):
        if entry.name.isdigit() and (found := _stat(int(entry.name))) is not None:
            yield int(entry.name), *found


def tree_seconds(roots: Mapping[str, int]) -> dict[str, float]:
    """CPU seconds so far of each named process and its descendants."""
    table = {pid: (parent, seconds) for pid, parent, seconds in _processes()}
    children: dict[int, list[int]] = {}
    for pid, (parent, _) in table.items():
        children.setdefault(parent, []).append(pid)
    totals: dict[str, float] = {}
    for name, root in roots.items():
        total, stack = 0.0, [root]
        while stack:
            pid = stack.pop()
            if pid in table:
                total += table[pid][1]
                stack.extend(children.get(pid, ()))
        totals[name] = total
    return totals


def used(before: Mapping[str, float], after: Mapping[str, float]) -> dict[str, float]:
    return {name: after[name] - before.get(name, 0.0) for name in after}
