"""Outgoing messages (issue item 10): email through Django's backends, including one real SMTP
conversation; SMS through the recording gateway; nothing leaves when the transaction fails."""

import socket
from collections.abc import Iterator
from email import message_from_bytes
from email.message import Message
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from jamsos.identity.models import User
from jamsos.notifications import sms
from jamsos.notifications.backends import RecordingEmailBackend
from jamsos.notifications.models import RecordedEmail, RecordedSms
from jamsos.notifications.send import send_email, send_sms

NOTICE = ("identity/notices/notice_subject.txt", "identity/notices/notice.txt")
CONTEXT = {"event": "Password changed", "time": None, "device": "", "name": "Siti"}


class Inbox:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], Message]] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802
        self.received.append(
            (envelope.mail_from, list(envelope.rcpt_tos), message_from_bytes(envelope.content))
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def smtp_server() -> Iterator[Inbox]:
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=port,
            EMAIL_USE_TLS=False,
            EMAIL_USE_SSL=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
            EMAIL_TIMEOUT=5,
        ):
            yield inbox
    finally:
        controller.stop()


@pytest.mark.django_db
def test_a_reset_email_travels_over_real_smtp(client, smtp_server, django_capture_on_commit_callbacks):
    user = User.objects.create_user(username="siti", password="kopi-tubruk-pagi", nik="3173015705900001")
    EmailAddress.objects.create(user=user, email="siti@contoh.id", primary=True, verified=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/lupa-kata-sandi/", {"email": "siti@contoh.id"})

    assert response.status_code == 302
    assert len(smtp_server.received) == 1
    mail_from, recipients, message = smtp_server.received[0]
    assert recipients == ["siti@contoh.id"]
    assert mail_from == "no-reply@jamsos.example.id"
    assert message["To"] == "siti@contoh.id"
    body = message.get_payload(decode=True).decode()
    assert f"{settings.SITE_URL}/lupa-kata-sandi/" in body
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_recording_gateway_records_each_sms(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        send_sms("+6281234567890", "identity/sms/login_code.txt", {"code": "123456"})

    [recorded] = RecordedSms.objects.all()
    assert recorded.to == "+6281234567890"
    assert recorded.body == (
        "jamsos: your sign-in code is 123456. It is valid for 5 minutes. "
        "Never give it to anyone, including our staff."
    )


def test_the_gateway_is_the_one_the_settings_name():
    assert settings.SMS_GATEWAY == "jamsos.notifications.sms.RecordingSmsGateway"
    assert isinstance(sms.get_gateway(), sms.RecordingSmsGateway)


@pytest.mark.django_db
def test_the_recording_email_backend_keeps_the_message():
    sent = RecordingEmailBackend().send_messages(
        [mail.EmailMessage("Subjek", "Isi pesan", to=["a@contoh.id"])]
    )

    assert sent == 1
    assert list(RecordedEmail.objects.values_list("to", "subject", "body")) == [
        ("a@contoh.id", "Subjek", "Isi pesan")
    ]


class RefusedError(Exception):
    pass


def refused_change() -> None:
    with transaction.atomic():
        send_email("siti@contoh.id", *NOTICE, CONTEXT)
        send_sms("+6281234567890", "identity/notices/notice_sms.txt", CONTEXT)
        raise RefusedError


@pytest.mark.django_db(transaction=True)
def test_nothing_is_sent_when_the_transaction_rolls_back():
    with pytest.raises(RefusedError):
        refused_change()

    assert mail.outbox == []
    assert RecordedSms.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_messages_leave_when_the_transaction_commits():
    with transaction.atomic():
        send_email("siti@contoh.id", *NOTICE, CONTEXT)
        send_sms("+6281234567890", "identity/notices/notice_sms.txt", CONTEXT)
        # Not before the commit: a failure later in the transaction must be able to stop them.
        assert mail.outbox == []
        assert RecordedSms.objects.count() == 0

    assert [m.to for m in mail.outbox] == [["siti@contoh.id"]]
    assert list(RecordedSms.objects.values_list("to", flat=True)) == ["+6281234567890"]


@pytest.mark.django_db
def test_messages_are_written_in_the_language_of_the_moment(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), translation.override("en"):
        send_email("siti@contoh.id", *NOTICE, CONTEXT)

    [message] = mail.outbox
    assert message.subject == "jamsos security notice: Password changed"
    assert "If it was not you, reset your password now at" in message.body
    assert f"{settings.SITE_URL}/lupa-kata-sandi/" in message.body


DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db(transaction=True)
def test_with_the_database_backend_messages_wait_for_the_worker():
    # Production's path: the request only stores the task; `db_worker` delivers it.
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    with override_settings(TASKS=DATABASE_TASKS):
        with transaction.atomic():
            send_email(
                "budi@example.id",
                "identity/notices/notice_subject.txt",
                "identity/notices/notice.txt",
                {
                    "event": "Password changed",
                    "time": None,
                    "device": "",
                    "name": "Budi",
                },
            )
            send_sms("+6281234567890", "identity/sms/login_code.txt", {"code": "123456"})
        assert DBTaskResult.objects.count() == 2
        assert mail.outbox == []
        assert not RecordedSms.objects.exists()

        call_command("db_worker", batch=True, interval=0, verbosity=0)

    assert [message.to for message in mail.outbox] == [["budi@example.id"]]
    assert list(RecordedSms.objects.values_list("to", flat=True)) == ["+6281234567890"]
    assert set(DBTaskResult.objects.values_list("status", flat=True)) == {"SUCCESSFUL"}
