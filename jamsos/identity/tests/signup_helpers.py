"""Helpers shared by the tests of Daftar (activation and BPU registration), in the domain apps
and the portal: read the codes and links the flows send, and post to the pages as a browser
would, with the messages actually sent."""

import re
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

from django.conf import settings
from django.core import mail
from django.test import Client

from jamsos.notifications.models import RecordedSms

CODE_RE = re.compile(r"\b(\d{6})\b")
BPU_LINK_RE = re.compile(r"https?://[^/\s]+(/daftar/bpu/aktifkan/\S+/)")


def english(client: Client) -> Client:
    """The client with English chosen: the assertions read the msgids."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def sms_code(to: str) -> str:
    """The code in the latest SMS to the number `to`."""
    sms = RecordedSms.objects.filter(to=to).order_by("-id").first()
    assert sms is not None, f"no SMS to {to}"
    match = CODE_RE.search(sms.body)
    assert match, sms.body
    return match.group(1)


def email_code() -> str:
    """The code in the latest email."""
    match = CODE_RE.search(str(mail.outbox[-1].body))
    assert match, mail.outbox[-1].body
    return match.group(1)


def other_code(code: str) -> str:
    """A code of the right form that is not `code`."""
    return f"{(int(code) + 1) % 10**6:06d}"


def bpu_activation_path(body: str | None = None) -> str:
    """The path of the activation link in an approved BPU worker's email (by default the latest)."""
    text = str(mail.outbox[-1].body) if body is None else body
    match = BPU_LINK_RE.search(text)
    assert match, text
    return match.group(1)


def sender(capture: Callable[..., AbstractContextManager[Any]]) -> Callable[..., Any]:
    """`send(client, url, data)`: POSTs data (GETs, without data) with the messages sent, as they
    are on commit. `capture` is pytest-django's django_capture_on_commit_callbacks."""

    def send(client: Client, url: str, data: dict[str, Any] | None = None) -> Any:
        with capture(execute=True):
            return client.post(url, data or {}) if data is not None else client.get(url)

    return send
