"""Evaluating cases: `{"id", "kind", "input"}` objects in, one output object per id out.

This is the contract of `jamsos rules eval` (shared/golden/README.md): a case that cannot be
evaluated maps to {"error": {"code", "message"}} and the other cases are still evaluated.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from jamsos.rules import contributions, identifiers, jht, jkk, jkm, jkp, jp
from jamsos.rules.errors import RuleError
from jamsos.rules.inputs import Inputs

Evaluator = Callable[[Inputs], dict[str, object]]

KINDS: dict[str, Evaluator] = {}
for _module in (identifiers, contributions, jht, jp, jkm, jkk, jkp):
    for _kind, _evaluator in _module.EVAL_KINDS.items():
        if _kind in KINDS:
            raise RuntimeError(f"two modules evaluate the kind {_kind}")
        KINDS[_kind] = _evaluator


def evaluate_case(case: object) -> dict[str, object]:
    """The output of one case, or {"error": ...}; never an exception."""
    try:
        if not isinstance(case, Mapping):
            raise RuleError("invalid_case", en="A case must be a JSON object.", id="Kasus harus objek JSON.")
        kind = case.get("kind")
        evaluator = KINDS.get(kind) if isinstance(kind, str) else None
        if evaluator is None:
            raise RuleError(
                "unknown_kind",
                en=f"Unknown kind {kind!r}; known kinds: {', '.join(sorted(KINDS))}.",
                id=f"Jenis {kind!r} tidak dikenal; jenis yang ada: {', '.join(sorted(KINDS))}.",
            )
        return evaluator(Inputs(case.get("input")))
    except RuleError as error:
        return {"error": error.to_json()}
    except Exception as error:  # a defect must not stop the other cases; tests assert none occur
        return {
            "error": {
                "code": "internal_error",
                "message": f"The rules engine failed on this case ({type(error).__name__}).",
                "message_id": f"Mesin aturan gagal pada kasus ini ({type(error).__name__}).",
            }
        }


def evaluate_cases(cases: list[object]) -> dict[str, dict[str, object]]:
    """Maps each case's id to its output, in file order."""
    outputs: dict[str, dict[str, object]] = {}
    for index, case in enumerate(cases):
        case_id = case.get("id") if isinstance(case, Mapping) else None
        key = case_id if isinstance(case_id, str) else f"#{index}"
        outputs[key] = evaluate_case(case)
    return outputs
