"""The demo's published accounts and their current authenticator codes (shown at /dev/outbox).

`jamsos demo-data` creates these accounts with a published password, never in production. So
that the demo can be walked through without a phone app, /dev/outbox shows the current TOTP code
of these accounts, and only of these: an officer enrolled with `jamsos enrol-authenticator`
keeps a secret nobody else sees, even in a demo database. Both interfaces (the command and the
page) read the usernames from here, since neither may import the other.
"""

import time
from dataclasses import dataclass

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt

DEMO_MEMBER_USERNAME = "anggota-demo"
DEMO_EMPLOYER_USERNAME = "pemberi-kerja-demo"
DEMO_OFFICER_USERNAME = "petugas"
DEMO_USERNAMES = (DEMO_MEMBER_USERNAME, DEMO_EMPLOYER_USERNAME, DEMO_OFFICER_USERNAME)


@dataclass(frozen=True)
class DemoTotpCode:
    username: str
    code: str
    seconds_left: int


def current_totp_codes() -> list[DemoTotpCode]:
    """The code each demo account's authenticator app would show now, by username."""
    # allauth checks codes against time.time(), not our clock: the code shown must be the one
    # it accepts, including under a test that moves time.
    now = int(time.time())
    period = app_settings.TOTP_PERIOD
    counter, elapsed = divmod(now, period)
    authenticators = (
        Authenticator.objects.filter(type=Authenticator.Type.TOTP, user__username__in=DEMO_USERNAMES)
        .select_related("user")
        .order_by("user__username", "pk")
    )
    return [
        DemoTotpCode(
            username=authenticator.user.username,
            code=format_hotp_value(hotp_value(decrypt(authenticator.data["secret"]), counter)),
            seconds_left=period - elapsed,
        )
        for authenticator in authenticators
    ]
