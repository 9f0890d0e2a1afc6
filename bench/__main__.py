"""`python -m bench [NAME ...]`: runs the named benchmarks (all when none), saves each result, prints all."""

import argparse
import importlib
import sys
from collections.abc import Callable
from typing import cast

from bench import BENCHMARKS, Measurement, load_all, save, table


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument(
        "names", nargs="*", metavar="NAME", help=f"benchmarks to run: {', '.join(BENCHMARKS)}"
    )
    names = parser.parse_args(argv).names or list(BENCHMARKS)
    unknown = [name for name in names if name not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    for name in names:
        module_name, function_name = BENCHMARKS[name].split(":")
        run = cast(
            Callable[[], list[Measurement]], getattr(importlib.import_module(module_name), function_name)
        )
        print(f"== {name}", flush=True)
        for measurement in run():
            print(f"   wrote {save(measurement)}", flush=True)
    print()
    print(table(load_all()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
