"""`jamsos ledger verify`: recomputes every balance from the ledger's entries and reports differences."""

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from jamsos.ledger import queries


class Command(BaseCommand):
    help = "Ledger maintenance. verify: recompute every account balance from its entries."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "action", choices=["verify"], help="verify: compare cached balances with the entries"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        differences = queries.balance_differences()
        unbalanced = queries.unbalanced_postings()
        for difference in differences:
            self.stdout.write(
                f"account {difference.account_id}: cached balance {difference.cached}, "
                f"entries sum to {difference.from_entries}"
            )
        for posting in unbalanced:
            self.stdout.write(f"posting {posting.posting_id}: entries sum to {posting.total}, not 0")
        if differences or unbalanced:
            raise CommandError(
                f"ledger verify: {len(differences)} account(s) differ from their entries, "
                f"{len(unbalanced)} posting(s) unbalanced"
            )
        self.stdout.write(
            "ledger verify: every balance equals the sum of its entries; every posting balances"
        )
