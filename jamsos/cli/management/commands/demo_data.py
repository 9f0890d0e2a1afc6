"""`jamsos demo-data`: loads realistic, reproducible demo members, employers and reference rows."""

import time
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from jamsos.cli import demodata
from jamsos.members.models import Member


def _count(value: int) -> str:
    return f"{value:,}".replace(",", ".")  # Indonesian thousands separator, as on the pages


class Command(BaseCommand):
    help = (
        "Loads demo data: regions with minimum wages, branch offices, employers and members with "
        "employment histories of 1 to 30 years, plus three demo logins (member, employer staff, "
        "officer). Never in production."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--members", type=int, default=200, help="member rows (KPJ numbers) to create; default 200"
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="the same seed gives the same rows; default 1"
        )
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing (but say so) when the database already has members",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="delete every member, employment and employer first (reference rows are kept and updated)",
        )
        parser.add_argument(
            "--chunk-size",
            type=int,
            default=demodata.CHUNK_SIZE,
            help=f"members generated and written per batch; default {demodata.CHUNK_SIZE}",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        members: int = options["members"]
        seed: int = options["seed"]
        chunk_size: int = options["chunk_size"]
        if members < 1:
            raise CommandError(f"--members must be at least 1 (got {members}).")
        if chunk_size < 1:
            raise CommandError(f"--chunk-size must be at least 1 (got {chunk_size}).")
        # The demo publishes an officer password: it must never reach a production database.
        if settings.JAMSOS_ENV == "production":
            raise CommandError("Demo data is never loaded with JAMSOS_ENV=production; use JAMSOS_ENV=demo.")

        existing = Member.objects.count()
        if existing and not options["reset"]:
            if options["if_empty"]:
                self.stdout.write(
                    f"The database already has {_count(existing)} members: demo data not loaded."
                )
                # `make demo` runs this every time: the published logins must work even on a
                # database filled before they existed, or after a tester removed a factor.
                try:
                    logins = demodata.ensure_demo_logins()
                except DatabaseError as error:
                    raise CommandError(f"Demo logins not checked, nothing was changed: {error}") from error
                self._report_logins(logins, [])
                return
            raise CommandError(
                f"The database already has {_count(existing)} members. Use --reset to replace them with "
                "demo data, or --if-empty to leave them."
            )

        self.stdout.write(f"Loading demo data: {_count(members)} members, seed {seed}…")
        started = time.perf_counter()

        def progress(done: int, total: int) -> None:
            elapsed = time.perf_counter() - started
            self.stdout.write(f"  members {_count(done):>11} of {_count(total)}  ({elapsed:.1f} s)")

        try:
            summary = demodata.load_demo_data(
                members=members, seed=seed, reset=options["reset"], chunk_size=chunk_size, progress=progress
            )
        except DatabaseError as error:
            raise CommandError(f"Demo data not loaded, nothing was changed: {error}") from error
        self._report(summary)

    def _report(self, summary: demodata.LoadSummary) -> None:
        write = self.stdout.write
        reference = summary.reference
        assert reference is not None
        statuses = summary.statuses
        write(self.style.SUCCESS(f"Demo data loaded in {summary.seconds:.1f} s:"))
        if summary.deleted_members:
            write(f"  --reset deleted {_count(summary.deleted_members)} members and their employers first")
        write(
            f"  reference (upserted): {reference.regions} regions, "
            f"{_count(reference.minimum_wages)} minimum wages, {reference.branches} branch offices"
        )
        write(f"  employers: {_count(summary.employers)}")
        write(
            f"  members: {_count(summary.members)} (PU {_count(summary.wage_earners)}, "
            f"BPU {_count(summary.self_employed)}; active {_count(statuses['active'])}, "
            f"inactive {_count(statuses['inactive'])}, deceased {_count(statuses['deceased'])})"
        )
        write(
            f"  persons: {_count(summary.persons)}, of whom {_count(summary.persons_with_several_kpj)} "
            "hold several KPJ numbers on one NIK"
        )
        write(f"  employment periods: {_count(summary.periods)}, wages: {_count(summary.wages)}")
        self._report_logins(summary.logins, summary.sample_kpj)

    def _report_logins(self, logins: list[demodata.DemoLogin], samples: list[tuple[str, str]]) -> None:
        write = self.stdout.write
        site = settings.SITE_URL.rstrip("/")
        password = demodata.DEMO_PASSWORD
        write(self.style.MIGRATE_HEADING("Demo logins"))
        write(f"  sign in at {site}/masuk/ with the password below, then the code from {site}/dev/outbox")
        write("  (the demo's outbox: the SMS codes, the emails and the officer's authenticator code)")
        address = urlsplit(site)
        if (address.hostname or "").replace(".", "").isdigit():
            # WebAuthn takes the host name as the relying party's id, and an IP address is
            # never a valid one: browsers refuse to create or use a passkey there.
            port = f":{address.port}" if address.port else ""
            write(
                f"  to try passkeys, open http://localhost{port}/ instead "
                "(no browser allows them on an IP address)"
            )
        for login in logins:
            secret = (
                f"password {password}"
                if login.password_unchanged
                else "(its password was changed since and is left alone)"
            )
            if login.role == "member":
                covers = (
                    f", one login for {login.kpj_count} KPJ numbers on one NIK" if login.kpj_count > 1 else ""
                )
                write(f"  member: KPJ {login.login}  {secret}  (then the SMS code{covers})")
            elif login.role == "employer":
                npp = f"; employer NPP {login.npp}, to be linked with the employer pages" if login.npp else ""
                write(f"  employer staff: user {login.login}  {secret}  (then the SMS code{npp})")
            else:
                admin_url = f"{site}/{settings.ADMIN_URL.lstrip('/')}"
                write(
                    f"  officer: user {login.login}  {secret}  (then the authenticator code shown at "
                    f"/dev/outbox; admin {admin_url})"
                )
        # Sample KPJ numbers without an online account: for trying activation (Daftar).
        linked = set(
            Member.objects.filter(kpj__in=[kpj for kpj, _ in samples], user__isnull=False).values_list(
                "kpj", flat=True
            )
        )
        for kpj, description in samples:
            if kpj in linked:
                continue
            write(f"  member KPJ {kpj}  ({description}; no online account yet)")
        write("  mother's maiden name of every demo member: the rule in docs/demo-data.md")
