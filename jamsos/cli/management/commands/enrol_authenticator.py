"""`jamsos enrol-authenticator USERNAME`: gives an officer an authenticator app (TOTP).

Officers cannot sign in with an SMS code, so a new officer needs this before their first
sign-in. The secret is printed once, here, and stored only encrypted: hand it to the officer
in person (or let them scan the otpauth:// address as a QR code) and do not keep a copy.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jamsos.identity.authenticators import EnrolmentRefusedError, enrol_totp
from jamsos.identity.models import User


class Command(BaseCommand):
    help = (
        "Gives an officer a new authenticator app (TOTP) and prints its otpauth:// address and "
        "secret once. Refused if the officer already has one, unless --replace."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", help="the officer's username")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="remove the officer's current authenticator app first (it stops working)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        username: str = options["username"]
        user = User.objects.filter(username__iexact=username).first()
        if user is None:
            raise CommandError(f"No user named {username!r}: nothing was changed.")
        try:
            enrolment = enrol_totp(user, replace=options["replace"])
        except EnrolmentRefusedError as refusal:
            raise CommandError(f"{refusal} Nothing was changed.") from refusal
        write = self.stdout.write
        if enrolment.replaced:
            write(f"The previous authenticator app of {user.username} was removed.")
        write(self.style.SUCCESS(f"Authenticator app enrolled for {user.username}."))
        write("Shown this once only; give it to the officer in person and keep no copy:")
        write(f"  otpauth address (scan as a QR code): {enrolment.uri}")
        write(f"  secret (to type into the app instead): {enrolment.secret}")
        write("The officer was notified. They sign in with their password, then the app's 6-digit code.")
