"""Reads of the ledger: recomputing balances from entries, for `jamsos ledger verify`."""

from dataclasses import dataclass

from django.db.models import Sum

from jamsos.ledger.models import Account, Entry


@dataclass(frozen=True)
class BalanceDifference:
    account_id: int
    cached: int
    from_entries: int


@dataclass(frozen=True)
class UnbalancedPosting:
    posting_id: int
    total: int


def balance_differences() -> list[BalanceDifference]:
    """Every account whose cached balance differs from the sum of its entries."""
    sums = dict(Entry.objects.values("account").annotate(total=Sum("amount")).values_list("account", "total"))
    return [
        BalanceDifference(account_id, cached, sums.get(account_id, 0))
        for account_id, cached in Account.objects.values_list("pk", "balance").order_by("pk")
        if cached != sums.get(account_id, 0)
    ]


def unbalanced_postings() -> list[UnbalancedPosting]:
    """Every posting whose entries do not sum to zero (the database refuses them on PostgreSQL)."""
    rows = (
        Entry.objects.values("posting")
        .annotate(total=Sum("amount"))
        .exclude(total=0)
        .order_by("posting")
        .values_list("posting", "total")
    )
    return [UnbalancedPosting(posting_id, total) for posting_id, total in rows]
