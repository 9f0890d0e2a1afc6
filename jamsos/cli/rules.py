"""`jamsos rules eval FILE`: evaluates a JSON array of cases and prints one JSON object.

Runs without Django: the rules engine is pure, and this must work on any checkout.
"""

import json
import sys

from jamsos.rules.evaluate import evaluate_cases

USAGE = "usage: jamsos rules eval FILE"


def main(args: list[str]) -> int:
    if len(args) != 2 or args[0] != "eval":
        print(USAGE, file=sys.stderr)
        return 2
    path = args[1]
    try:
        with open(path, encoding="utf-8") as handle:
            cases = json.load(handle)
    except OSError as error:
        print(f"jamsos rules eval: cannot read {path}: {error.strerror}", file=sys.stderr)
        return 1
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        print(f"jamsos rules eval: {path} is not JSON: {error}", file=sys.stderr)
        return 1
    if not isinstance(cases, list):
        print(f"jamsos rules eval: {path} must hold a JSON array of cases", file=sys.stderr)
        return 1
    json.dump(evaluate_cases(cases), sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0
