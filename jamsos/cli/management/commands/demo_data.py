"""`jamsos demo-data`: loads realistic, reproducible demo members, employers and reference rows."""

import time
from typing import Any

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
        "employment histories of 1 to 30 years, plus the demo officer login. Never in production."
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
        admin_url = f"{settings.SITE_URL.rstrip('/')}/{settings.ADMIN_URL.lstrip('/')}"
        officer = (
            f"user {demodata.DEMO_OFFICER_USERNAME}, password {demodata.DEMO_OFFICER_PASSWORD}"
            if summary.officer_created
            else f"user {demodata.DEMO_OFFICER_USERNAME} (it existed already; its password was left alone)"
        )
        write(self.style.MIGRATE_HEADING("Demo logins"))
        write(f"  officer admin: {admin_url}  {officer}")
        for kpj, description in summary.sample_kpj:
            write(f"  member KPJ {kpj}  ({description})")
        write("  mother's maiden name of every demo member: the rule in docs/demo-data.md")
