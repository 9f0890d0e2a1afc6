"""The demo_data benchmark: `jamsos demo-data` on PostgreSQL, timed against a plain COPY of its rows.

BENCH_DATABASE_URL names the database (dropped, recreated and migrated first), BENCH_MEMBERS
the members (default 100,000), BENCH_RUNS the repetitions (default 1; medians are kept).
The command runs as its own process, as operators run it, so Python and Django start-up
count; wall time and that process's peak RSS are measured. The floor is the cheapest way to
put the same rows in the same tables: each generated table is copied out to memory, then
COPYed into an empty twin with the same indexes, check and foreign-key constraints, in one
transaction, commit included (the command's deferred foreign-key checks run at its commit too).
"""

import io
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict

from bench import ROOT, Measurement, machine

DEFAULT_URL = "postgres://postgres:postgres@127.0.0.1:5432/jamsos_bench"
# Parents before children, so the twins' foreign keys find their rows.
TABLES = (
    "reference_region",
    "reference_minimumwage",
    "reference_branch",
    "employers_employer",
    "members_member",
    "members_employmentperiod",
    "members_employmentwage",
)
TWIN_PREFIX = "floor_"


def _executable(name: str) -> str:
    # The virtualenv's own scripts: `make bench` runs .venv/bin/python -m bench.
    path = Path(sys.executable).with_name(name)
    return str(path) if path.exists() else name


def recreate_database(url: str) -> None:
    name = conninfo_to_dict(url).get("dbname") or "jamsos_bench"
    with psycopg.connect(url, dbname="postgres", autocommit=True) as admin:
        admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(str(name))))
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(str(name))))


def timed_process(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Runs `command`; returns its wall time in seconds and its own peak RSS in MB.

    os.wait4 reports the resources of that one child, where RUSAGE_CHILDREN would mix in
    the migrate process run before it.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, cwd=ROOT)
    _pid, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with exit code {process.returncode}")
    return elapsed, usage.ru_maxrss / 1024  # kilobytes on Linux


def copy_floor(url: str) -> tuple[float, int]:
    """Seconds to COPY the generated rows into empty twins of their tables; and the row count."""
    with psycopg.connect(url) as conn:
        dumps: dict[str, bytes] = {}
        rows = 0
        for table in TABLES:
            buffer = io.BytesIO()
            with conn.cursor() as cursor:
                with cursor.copy(sql.SQL("COPY {} TO STDOUT").format(sql.Identifier(table))) as copy:
                    for block in copy:
                        buffer.write(block)
                rows += cursor.execute(
                    sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
                ).fetchone()[0]  # type: ignore[index]
            dumps[table] = buffer.getvalue()
            _create_twin(conn, table)
        conn.commit()

        started = time.perf_counter()
        with conn.cursor() as cursor:
            for table in TABLES:
                target = sql.Identifier(TWIN_PREFIX + table)
                with cursor.copy(sql.SQL("COPY {} FROM STDIN").format(target)) as copy:
                    data = dumps[table]
                    for offset in range(0, len(data), 1 << 20):
                        copy.write(data[offset : offset + (1 << 20)])
        conn.commit()
        elapsed = time.perf_counter() - started

        # The twins go, so the benchmark database is left as the command made it.
        for table in reversed(TABLES):
            conn.execute(sql.SQL("DROP TABLE {}").format(sql.Identifier(TWIN_PREFIX + table)))
        conn.commit()
    return elapsed, rows


def _create_twin(conn: psycopg.Connection[Any], table: str) -> None:
    twin = TWIN_PREFIX + table
    conn.execute(
        sql.SQL("CREATE TABLE {} (LIKE {} INCLUDING ALL)").format(sql.Identifier(twin), sql.Identifier(table))
    )
    foreign_keys = conn.execute(
        "SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = %s::regclass AND contype = 'f'",
        [table],
    ).fetchall()
    for (definition,) in foreign_keys:
        # Point a key at the twin of its table when the twin exists (parents come first).
        definition = re.sub(
            r"REFERENCES (\w+)\(",
            lambda match: f"REFERENCES {TWIN_PREFIX + match[1] if match[1] in TABLES else match[1]}(",
            definition,
        )
        conn.execute(sql.SQL("ALTER TABLE {} ADD " + definition).format(sql.Identifier(twin)))


def _server_version(url: str) -> str:
    with psycopg.connect(url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
    return f"PostgreSQL {row[0] if row else '?'}"


def run() -> list[Measurement]:
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    members = int(os.environ.get("BENCH_MEMBERS", "100000"))
    runs = int(os.environ.get("BENCH_RUNS", "1"))
    env = {**os.environ, "DATABASE_URL": url, "JAMSOS_ENV": "test"}
    walls, peaks, floors = [], [], []
    rows = 0
    for number in range(1, runs + 1):
        print(f"   run {number} of {runs}: recreating and migrating the database", flush=True)
        recreate_database(url)
        subprocess.run(
            [_executable("python"), "manage.py", "migrate", "--noinput", "-v0"], env=env, cwd=ROOT, check=True
        )
        command = [_executable("jamsos"), "demo-data", "--members", str(members), "--seed", "1"]
        wall, peak = timed_process(command, env)
        floor, rows = copy_floor(url)
        print(
            f"   run {number}: {wall:.1f} s, peak RSS {peak:.0f} MB; COPY floor {floor:.1f} s ({rows:,} rows)"
        )
        walls.append(wall)
        peaks.append(peak)
        floors.append(floor)
    value, floor = statistics.median(walls), statistics.median(floors)
    return [
        {
            "name": "demo_data",
            "unit": "s",
            "value": round(value, 2),
            "floor_name": "plain COPY of the same rows",
            "floor": round(floor, 2),
            # The median of each run's own ratio: both sides of a run share the machine's mood.
            "ratio": round(statistics.median(w / f for w, f in zip(walls, floors, strict=True)), 2),
            "target": 300,  # "minutes, not hours": a few minutes for 100,000 members
            "runs": runs,
            "machine": f"{machine()}, {_server_version(url)}",
            "peak_rss_mb": round(max(peaks), 1),
            "members": members,
            "rows": rows,
        }
    ]
