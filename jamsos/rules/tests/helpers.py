"""What the rules tests share: the golden file, its matching rule, and running one case."""

import json
from pathlib import Path
from typing import Any

from jamsos.rules.evaluate import evaluate_case

GOLDEN = Path(__file__).resolve().parents[3].parent / "shared" / "golden" / "cases.json"


def golden_cases(*kinds: str) -> list[dict[str, object]]:
    """The golden cases of `kinds` (all when none), in file order; none when the file is missing
    (a test that counts them says why)."""
    if not GOLDEN.exists():
        return []
    cases: list[dict[str, object]] = json.loads(GOLDEN.read_text())
    return [case for case in cases if not kinds or case["kind"] in kinds]


def matches(expected: object, actual: object) -> bool:
    """The golden matching rule (shared/golden/README.md): expected keys present and equal."""
    if isinstance(expected, dict):
        return isinstance(actual, dict) and all(
            key in actual and matches(value, actual[key]) for key, value in expected.items()
        )
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(matches(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if isinstance(expected, bool) or isinstance(actual, bool):
        return expected is actual
    return expected == actual


def run(kind: str, **fields: object) -> dict[str, Any]:
    """The output of one case of `kind` with `fields` as its input."""
    return evaluate_case({"id": "t", "kind": kind, "input": fields})


def error_of(output: dict[str, Any]) -> dict[str, str]:
    """The error object of a case output (fails the test when the case did not error)."""
    error = output.get("error")
    assert isinstance(error, dict), output
    return error


def error_code(kind: str, **fields: object) -> str:
    """The error code of one case (fails the test when the case did not error)."""
    return error_of(run(kind, **fields))["code"]
