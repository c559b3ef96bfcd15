"""Every fault scenario of tests/faults/harness.py on the full corpus (about 4,000
wire items: originals, exact and near copies, updates, resends, invalid items)
with real outages: what was lost, duplicated or decided wrongly, and how long the
pipeline took to recover.

    .venv/bin/python -m bench.bench_faults [--originals 3400 ...] [--outage 30] [--only NAME]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from devstack.stack import up
from tests.faults.corpus import CorpusSpec, generate
from tests.faults.harness import SCENARIOS, Options, recent_epoch, run_scenario
from tests.faults.report import Report
from workers.settings import Settings

console = Console()
DEFAULTS = CorpusSpec()


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--originals", type=int, default=DEFAULTS.originals)
    parser.add_argument("--exact", type=int, default=DEFAULTS.exact_copies)
    parser.add_argument("--near", type=int, default=DEFAULTS.near_copies)
    parser.add_argument("--updates", type=int, default=DEFAULTS.updates)
    parser.add_argument("--resends", type=int, default=DEFAULTS.resends)
    parser.add_argument("--invalid", type=int, default=DEFAULTS.invalid)
    parser.add_argument("--seed", type=int, default=DEFAULTS.seed)
    parser.add_argument(
        "--scale", type=float, default=1.0, help="multiply every count (0.125: the tests' corpus)"
    )
    parser.add_argument("--outage", type=float, default=30.0, help="seconds a server stays down")
    parser.add_argument(
        "--fault-at", type=float, default=0.3, help="share of its input the faulted stage has done"
    )
    parser.add_argument("--drain-timeout", type=float, default=900.0)
    parser.add_argument(
        "--stall", type=float, default=120.0, help="give up when nothing moves for this long"
    )
    parser.add_argument(
        "--only",
        action="append",
        choices=[s.name for s in SCENARIOS],
        help="run only this scenario (repeatable)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the logs and stores")
    parser.add_argument(
        "--workers-from",
        type=Path,
        help="run the worker processes from another checkout's `workers` package (its root)",
    )
    return parser.parse_args()


def worker_env(checkout: Path | None) -> dict[str, str]:
    """PYTHONSAFEPATH keeps `python -m` from putting the current directory (this
    checkout) ahead of PYTHONPATH."""
    if checkout is None:
        return {}
    return {"PYTHONPATH": str(checkout.resolve()), "PYTHONSAFEPATH": "1"}


def cell(value: int) -> str:
    return f"[bold red]{value}[/]" if value else "0"


def seconds(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def table(reports: list[Report], title: str) -> Table:
    result = Table(title=title)
    result.add_column("fault")
    for column in (
        "produced",
        "stored",
        "lost",
        "duplicated",
        "wrong canonicals",
        "wrong current",
        "valid dead-lettered",
        "recover s",
        "failover s",
        "wall s",
    ):
        result.add_column(column, justify="right")
    for r in reports:
        result.add_row(
            r.scenario + ("" if r.drained else " [red](not drained)[/]"),
            str(r.produced),
            f"{r.stored}/{r.expected_uris}",
            cell(r.lost),
            cell(r.duplicated),
            cell(r.wrong_canonicals),
            cell(r.wrong_current_versions),
            cell(r.valid_dead_lettered),
            seconds(r.seconds_to_recover),
            seconds(r.failover_seconds),
            f"{r.wall_seconds:.1f}",
        )
    return result


def main() -> None:
    args = arguments()
    spec = CorpusSpec(
        originals=args.originals,
        exact_copies=args.exact,
        near_copies=args.near,
        updates=args.updates,
        resends=args.resends,
        invalid=args.invalid,
        seed=args.seed,
        epoch=recent_epoch(),
    ).scaled(args.scale)
    options = Options(
        outage_seconds=args.outage,
        fault_at=args.fault_at,
        drain_timeout=args.drain_timeout,
        stall_seconds=args.stall,
        worker_env=worker_env(args.workers_from),
        portable_env=args.workers_from is not None,
    )
    chosen = [s for s in SCENARIOS if not args.only or s.name in args.only]
    base = Settings()
    up(base, services=("kafka", "redis", "postgres"))
    corpus = generate(spec)
    root = Path(tempfile.mkdtemp(prefix="bench-faults-"))
    reports: list[Report] = []
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
        ) as progress:
            overall = progress.add_task("scenarios", total=len(chosen))
            for scenario in chosen:
                task = progress.add_task(scenario.name, total=None)
                report = run_scenario(
                    scenario,
                    corpus,
                    base,
                    root / scenario.name,
                    options,
                    on_progress=reporter(progress, task, scenario.name),
                )
                progress.remove_task(task)
                progress.advance(overall)
                progress.console.print(report.render(), markup=False, highlight=False)
                reports.append(report)
    finally:
        if args.keep:
            console.print(f"logs and stores kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    title = (
        f"faults: {len(corpus.items)} items ({spec.originals} originals, {spec.exact_copies} "
        f"exact and {spec.near_copies} near copies, {spec.updates} updates, {spec.resends} "
        f"resends, {spec.invalid} invalid), outages of {args.outage:g}s"
    )
    console.print(table(reports, title))


def reporter(progress: Progress, task: TaskID, name: str) -> Callable[[str, int, int], None]:
    last = [0.0]

    def update(phase: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < 0.2 and not phase.startswith("fault"):
            return
        last[0] = now
        progress.update(task, description=f"{name}: {phase}", completed=done, total=total or None)

    return update


if __name__ == "__main__":
    main()
