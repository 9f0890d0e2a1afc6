"""Sending a notice by email or SMS: rendered in the recipient's language, sent after commit.

Messages are handed to a background task only once the transaction that caused them has
committed, so a refused change never sends a notice, and the request never waits on a mail
server or an SMS operator (jamsos.notifications.tasks).
"""

from typing import Any

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from jamsos.notifications.tasks import deliver_email, deliver_sms


def render(template: str, context: dict[str, Any], language: str | None = None) -> str:
    with translation.override(language or translation.get_language() or settings.LANGUAGE_CODE):
        return render_to_string(template, {**context, "SITE_URL": settings.SITE_URL}).strip()


def send_email(to: str, subject_template: str, body_template: str, context: dict[str, Any]) -> None:
    """Sends a plain-text email once the current transaction commits."""
    subject = " ".join(render(subject_template, context).split())
    body = render(body_template, context)
    transaction.on_commit(lambda: deliver_email.enqueue(to, subject, body))


def send_sms(to: str, template: str, context: dict[str, Any]) -> None:
    """Sends an SMS once the current transaction commits."""
    body = render(template, context)
    transaction.on_commit(lambda: deliver_sms.enqueue(to, body))
