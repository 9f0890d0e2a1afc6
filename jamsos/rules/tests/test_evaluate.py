"""The `jamsos rules eval` contract (shared/golden/README.md) and the golden cases."""

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jamsos.rules import jht
from jamsos.rules.evaluate import KINDS, evaluate_case, evaluate_cases
from jamsos.rules.tests.helpers import GOLDEN, matches

JAMSOS = Path(sys.executable).parent / "jamsos"


def as_json(value: object) -> Any:
    """The value as a JSON reader would see it (and proof that it is JSON-serialisable)."""
    return json.loads(json.dumps(value))


def golden_cases() -> list[dict[str, object]]:
    if not GOLDEN.exists():
        pytest.fail(f"{GOLDEN} is missing: the shared folder must sit beside the project")
    cases: list[dict[str, object]] = json.loads(GOLDEN.read_text())
    return cases


def test_every_golden_case_is_reproduced():
    cases = golden_cases()
    outputs = evaluate_cases(list(cases))
    failures = [
        f"{case['id']}: expected {case['expected']}, got {outputs[str(case['id'])]}"
        for case in cases
        if not matches(case["expected"], outputs[str(case["id"])])
    ]
    assert not failures, "\n".join(failures)
    assert len(outputs) == len(cases)


def test_every_output_carries_its_explanation_in_both_languages():
    for case in golden_cases():
        output = evaluate_case(case)
        if case["kind"] == "nik":
            continue  # identifiers are checked, not computed
        steps = output.get("explanation")
        assert isinstance(steps, list), case["id"]
        assert steps, case["id"]
        for step in steps:
            assert step["formula"]["id"], (case["id"], step)
            assert step["formula"]["en"], (case["id"], step)
            assert step["formula"]["id"] != step["formula"]["en"], (case["id"], step)


def test_a_case_that_cannot_be_evaluated_maps_to_an_error_and_the_others_still_run():
    outputs = as_json(
        evaluate_cases(
            [
                {"id": "unknown", "kind": "no_such_kind", "input": {}},
                {"id": "not-an-object", "kind": "nik", "input": "3201014507950001"},
                {"id": "missing", "kind": "nik", "input": {}},
                {"id": "letters", "kind": "nik", "input": {"nik": "32010145079500AB"}},
                {"id": "fine", "kind": "nik", "input": {"nik": "3201014507950001"}},
                "not a case",
            ]
        )
    )
    assert outputs["unknown"]["error"]["code"] == "unknown_kind"
    assert outputs["not-an-object"]["error"]["code"] == "invalid_input"
    assert outputs["missing"]["error"]["code"] == "missing_input"
    assert outputs["letters"] == {
        "valid": False,
        "error": {
            "code": "nik_not_digits",
            "message": "A NIK has digits only.",
            "message_id": "NIK hanya berisi angka.",
        },
    }
    assert outputs["fine"]["valid"] is True
    assert outputs["#5"]["error"]["code"] == "invalid_case"


# Well-formed and boundary values reach past the type checks into the rules themselves.
EDGE_TEXTS = [
    "2025-01", "2025-08", "2015-06", "2025-13", "9999-12", "1966-07-10", "2025-02-30", "9999-12-31",
    "2.5", "5.5", "1e-30", "1e999", "-1", "low", "very_high", "textile", "transport", "daily",
    "piece_rate", "termination", "resignation", "death", "partial_disability", "temporary_incapacity",
    "total_disability", "SD", "SMA", "S1", "housing", "retirement", *jht.REASONS,
]  # fmt: skip
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**16), 10**16)
    | st.floats(allow_nan=False)
    | st.sampled_from(EDGE_TEXTS)
    | st.text(max_size=10),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(
            st.sampled_from(["month", "amount", "wage", "level", "spouse", "children", "parent", "2024"]),
            children,
            max_size=3,
        )
    ),
    max_leaves=8,
)
# The field names every kind reads, so the fuzzer reaches past "missing input".
FIELD_NAMES = st.sampled_from(
    [
        "month",
        "wage",
        "risk_class",
        "min_wage",
        "industry",
        "active_workers",
        "programs",
        "declared_income",
        "segment",
        "year",
        "retirement_month",
        "contribution_months",
        "average_indexed_monthly_wage",
        "death_date",
        "children",
        "accident_date",
        "outcome",
        "disability_percent",
        "function_loss_percent",
        "months_unable_to_work",
        "separation_date",
        "separation",
        "contribution_months_last_24",
        "consecutive_months_before_separation",
        "contribution",
        "months_late",
        "nik",
        "balance",
        "body_part",
        "claim_date",
        "transport_costs",
        "aid_costs",
        "claims_so_far",
        "contribution_months_total",
        "wage_basis",
        "wages",
        "min_wage_exempt",
        "due_date",
        "paid_on",
        "rate",
        "start_month",
        "end_month",
        "birth_date",
        "target_age",
        "opening_balance",
        "monthly_wage",
        "wage_growth",
        "contributions",
        "assumed_rate",
        "rates",
        "reason",
        "as_of",
        "contract_retirement_age",
        "membership_start",
        "still_working",
        "partial_withdrawals",
        "leaving_permanently",
        "disability_date",
        "amount",
        "payment_date",
        "purpose",
        "wage_history",
        "assumed_inflation",
        "lump_sum_amount",
        "development_rate",
        "monthly_benefit",
        "first_year",
        "disability_month",
        "membership_months",
        "death_month",
        "survivors",
        "pension_in_payment",
    ]
)


@pytest.mark.parametrize("kind", sorted(KINDS))
@settings(max_examples=80, deadline=None)
@given(data=st.dictionaries(FIELD_NAMES, JSON_VALUES, max_size=8))
def test_no_input_makes_any_kind_fail_with_an_exception(kind, data):
    output = as_json(evaluate_case({"id": "fuzz", "kind": kind, "input": data}))
    assert output.get("error", {}).get("code") != "internal_error", output


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - the project's own command
        [str(JAMSOS), "rules", *args], capture_output=True, text=True, timeout=60, check=False
    )


def test_the_command_prints_one_json_object_mapping_each_id(tmp_path):
    path = tmp_path / "cases.json"
    path.write_text(json.dumps([{"id": "a", "kind": "nik", "input": {"nik": "3174052304880003"}}]))
    result = run_cli("eval", str(path))
    assert result.returncode == 0, result.stderr
    output = json.loads(result.stdout)
    assert list(output) == ["a"]
    assert output["a"]["birth_date"] == "1988-04-23"


@pytest.mark.parametrize(
    ("content", "message"),
    [(None, "cannot read"), ("{not json", "is not JSON"), ('{"id": "a"}', "must hold a JSON array")],
)
def test_the_command_fails_with_one_line_when_it_cannot_read_the_file(tmp_path, content, message):
    path = tmp_path / "cases.json"
    if content is not None:
        path.write_text(content)
    result = run_cli("eval", str(path))
    assert result.returncode == 1
    assert result.stdout == ""
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
