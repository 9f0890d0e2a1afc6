"""Benchmarks run by `make bench` / `python -m bench [NAME]`: the registry and the shared helpers.

Each benchmark is a module with a `run()` returning measurements (dicts shaped as in
shared/performance.md). Add one by writing the module and one line in BENCHMARKS; modules
are imported only when their benchmark runs, so a missing optional dependency of one does
not stop the others.
"""

import json
import os
import platform
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS_DIR = Path(__file__).resolve().parent / "results"

Measurement = dict[str, Any]

# name -> "module:function"
BENCHMARKS: dict[str, str] = {
    "demo_data": "bench.demo_data:run",
    "login": "bench.login:run",
    "rules": "bench.rules:run",
}


def machine() -> str:
    """One line describing the machine, so figures from different machines are not compared."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        pages, page_size = os.sysconf("SC_PHYS_PAGES"), os.sysconf("SC_PAGE_SIZE")
        memory = f", {pages * page_size / 2**30:.0f} GB RAM"
    except (ValueError, OSError, AttributeError):
        pass
    system = f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    return f"{platform.node()}: {os.cpu_count()} CPUs ({cpu}){memory}, {system}"


def save(measurement: Measurement) -> Path:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    path = RESULTS_DIR / f"{measurement['name']}.json"
    path.write_text(json.dumps(measurement, indent=2, ensure_ascii=False) + "\n")
    return path


def load_all() -> list[Measurement]:
    if not RESULTS_DIR.exists():
        return []
    return [json.loads(path.read_text()) for path in sorted(RESULTS_DIR.glob("*.json"))]


def _number(value: Any, unit: str = "") -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, float):
        text = f"{value:.3g}" if abs(value) < 10 else f"{value:,.1f}"
    else:
        text = f"{value:,}" if isinstance(value, int) else str(value)
    return f"{text} {unit}".strip()


def table(measurements: list[Measurement]) -> str:
    """A plain-text table: value against its floor, the ratio, the target and the extras."""
    shown = {
        "name",
        "unit",
        "value",
        "floor_name",
        "floor",
        "ratio",
        "target_ratio",
        "target",
        "runs",
        "machine",
    }
    rows = [("name", "value", "floor", "ratio", "target", "runs", "other")]
    for m in measurements:
        unit = m.get("unit", "")
        target = (
            f"<= {m['target_ratio']} x"
            if "target_ratio" in m
            else _number(m.get("target"), unit)
            if "target" in m
            else ""
        )
        floor = f"{_number(m.get('floor'), unit)} ({m['floor_name']})" if m.get("floor_name") else ""
        other = ", ".join(f"{key}={_number(value)}" for key, value in m.items() if key not in shown)
        ratio = f"{m['ratio']:.2f} x" if isinstance(m.get("ratio"), int | float) else ""
        rows.append(
            (m["name"], _number(m.get("value"), unit), floor, ratio, target, _number(m.get("runs")), other)
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip() for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    machines = sorted({m.get("machine", "") for m in measurements} - {""})
    return "\n".join(lines + [f"machine: {name}" for name in machines])
