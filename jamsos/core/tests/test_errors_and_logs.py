"""Server errors are generic to the user, and personal data stays out of the logs."""

import logging

import pytest
from django.test import Client, override_settings

from jamsos.core.logging import RedactingFormatter, redact


@override_settings(ROOT_URLCONF="jamsos.core.tests.urls_failing", DEBUG=False)
def test_a_server_error_shows_no_traceback_and_no_personal_data(caplog):
    response = Client(raise_request_exception=False).get("/boom")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Traceback" not in body
    assert "RuntimeError" not in body
    assert "3276011705900001" not in body


@override_settings(ROOT_URLCONF="jamsos.core.tests.urls_failing", DEBUG=False)
def test_the_logged_server_error_masks_the_nik(caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        Client(raise_request_exception=False).get("/boom")
    records = [record for record in caplog.records if record.name == "django.request"]
    assert records, "the failure was not logged"
    formatted = RedactingFormatter("%(message)s").format(records[0])
    assert "Traceback" in formatted  # the operator still gets the stack
    assert "3276********0001" in formatted
    assert "3276011705900001" not in formatted


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NIK 3276011705900001 refused", "NIK 3276********0001 refused"),
        ("typed 3276 0117 0590 0001", "typed 3276********0001"),
        ("(nik)=(3276011705900001)", "(nik)=(3276********0001)"),
        ("KPJ 20000000001 and amount 5000000", "KPJ 20000000001 and amount 5000000"),
        ("a 17-digit 32760117059000012 is left", "a 17-digit 32760117059000012 is left"),
    ],
)
def test_redaction_masks_sixteen_digit_numbers_only(text, expected):
    assert redact(text) == expected


def test_every_configured_log_handler_redacts():
    handlers = [*logging.getLogger().handlers, *logging.getLogger("django.request").handlers]
    configured = [handler for handler in handlers if handler.get_name() == "console"]
    assert configured
    assert all(isinstance(handler.formatter, RedactingFormatter) for handler in configured)
