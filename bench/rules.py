"""The rules benchmark: workers' monthly contributions per second on one core (target 50,000).

Two measurements, each the median over BENCH_RUNS runs (default 7) with the 5th percentile
of throughput (the 95th percentile of time) alongside:

* `rules`: one employer-month bill of BENCH_WORKERS workers (default 100,000) with varied
  wages and a minimum-wage floor, through `pu_contributions` (parameters looked up once);
* `rules_mixed`: the same number of workers, each with its own month (2016-2026), risk class
  and wage, one `pu_contribution` call each (the per-month cache does the lookups).

The process is pinned to one CPU where the OS allows it. Explanations are lazy, so neither
measurement builds them; `explanations_per_s` reports the cost of building a sample of them.
"""

import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import date

from bench import Measurement, machine
from jamsos.rules.contributions import RISK_CLASSES, pu_contribution, pu_contributions

TARGET = 50_000
MIN_WAGE = 5_396_761  # DKI Jakarta UMP 2025


def _pin_to_one_core() -> str:
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned"
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return f"pinned to CPU {cpu}"


def _rate(count: int, run: Callable[[], None]) -> float:
    started = time.perf_counter()
    run()
    return count / (time.perf_counter() - started)


def _summary(rates: list[float]) -> tuple[int, int]:
    ordered = sorted(rates)
    p5 = ordered[max(0, round(0.05 * (len(ordered) - 1)))]
    return round(statistics.median(rates)), round(p5)


def run() -> list[Measurement]:
    workers = int(os.environ.get("BENCH_WORKERS", "100000"))
    runs = int(os.environ.get("BENCH_RUNS", "7"))
    pinned = _pin_to_one_core()
    # A fixed seed so every run bills the same workers; not a secret, so not a CSPRNG.
    rng = random.Random(20250615)  # noqa: S311
    wages = [rng.randrange(1_000_000, 40_000_000) for _ in range(workers)]
    months = [date(year, month, 1) for year in range(2016, 2027) for month in range(1, 13)]
    mixed = [(rng.choice(months), rng.choice(RISK_CLASSES), wage) for wage in wages]
    month = date(2025, 6, 1)

    def bill() -> None:
        pu_contributions(month, "medium", wages, min_wage=MIN_WAGE)

    def bill_mixed() -> None:
        for contribution_month, risk_class, wage in mixed:
            pu_contribution(contribution_month, wage, risk_class)

    def explain() -> None:
        for result in pu_contributions(month, "medium", wages[:1000], min_wage=MIN_WAGE):
            result.to_json()

    bill()  # warm the caches (parameters, holidays) before timing
    bill_mixed()
    batch_rates = [_rate(workers, bill) for _ in range(runs)]
    mixed_rates = [_rate(workers, bill_mixed) for _ in range(runs)]
    explain_rate = statistics.median(_rate(1000, explain) for _ in range(runs))
    host = f"{machine()}, {pinned}"
    batch_median, batch_p5 = _summary(batch_rates)
    mixed_median, mixed_p5 = _summary(mixed_rates)
    return [
        {
            "name": "rules",
            "unit": "workers/s",
            "value": batch_median,
            "target": TARGET,
            "runs": runs,
            "machine": host,
            "p5_workers_per_s": batch_p5,
            "workers": workers,
            "bill": "one employer-month, risk class medium, min-wage floor",
            "explanations_per_s": round(explain_rate),
        },
        {
            "name": "rules_mixed",
            "unit": "workers/s",
            "value": mixed_median,
            "target": TARGET,
            "runs": runs,
            "machine": host,
            "p5_workers_per_s": mixed_p5,
            "workers": workers,
            "bill": "a month (2016-2026), risk class and wage per worker, one call each",
        },
    ]
