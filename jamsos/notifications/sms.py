"""The SMS interface: one gateway protocol, chosen by the SMS_GATEWAY setting.

No SMS operator can be reached from here, so the only implementation shipped records each
message in the database (`RecordedSms`), where `/dev/outbox` shows it in the demo and tests
read it. An operator's gateway implements `SmsGateway.send` and is named in SMS_GATEWAY.
"""

from functools import cache
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string


class SmsGateway(Protocol):
    def send(self, to: str, body: str) -> None:
        """Hands one message to the operator; raises on a refusal the caller should see."""


class RecordingSmsGateway:
    """Keeps every message in the database instead of sending it."""

    def send(self, to: str, body: str) -> None:
        from jamsos.notifications.models import RecordedSms

        RecordedSms.objects.create(to=to, body=body)


@cache
def _gateway_class(path: str) -> type[SmsGateway]:
    cls: type[SmsGateway] = import_string(path)
    return cls


def get_gateway() -> SmsGateway:
    return _gateway_class(settings.SMS_GATEWAY)()
