"""An email backend for the demo that keeps messages in the database for `/dev/outbox`."""

from collections.abc import Sequence

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage


class RecordingEmailBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        from jamsos.notifications.models import RecordedEmail

        for message in email_messages:
            RecordedEmail.objects.create(
                to=", ".join(message.to), subject=str(message.subject), body=str(message.body)
            )
        return len(email_messages)
