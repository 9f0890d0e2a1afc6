"""Every write to the ledger: posting a balanced set of lines, and reversing a posting.

A posting runs in one transaction: its source key is claimed (unique), the accounts it touches
are locked in id order (so two postings never wait on each other in a cycle), the entries are
inserted and each account's cached balance moves by the sum of its lines. The same source key
posted again returns the first posting when the lines are the same, and is refused when they
differ (security.md LED-03). Nothing here ever updates or deletes an entry.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F

from jamsos.identity.models import User
from jamsos.ledger.errors import (
    AlreadyReversedError,
    EmptyPostingError,
    InvalidMonthError,
    SourceConflictError,
    UnbalancedPostingError,
)
from jamsos.ledger.models import Account, AccountKind, Entry, Posting, Programme


@dataclass(frozen=True)
class Line:
    account: Account
    amount: int  # rupiah, debit positive
    programme: str = ""
    contribution_month: date | None = None

    def key(self) -> tuple[int, int, str, date | None]:
        return (self.account.pk, self.amount, self.programme, self.contribution_month)


def get_scheme_account(kind: AccountKind, programme: str = "") -> Account:
    account, _ = Account.objects.get_or_create(kind=kind, programme=programme, member=None, employer=None)
    return account


def get_member_account(member_id: int, programme: Programme) -> Account:
    account, _ = Account.objects.get_or_create(
        kind=AccountKind.MEMBER_SAVINGS, programme=programme, member_id=member_id, employer=None
    )
    return account


def get_employer_account(employer_id: int, kind: AccountKind) -> Account:
    account, _ = Account.objects.get_or_create(kind=kind, programme="", member=None, employer_id=employer_id)
    return account


def _check(lines: Sequence[Line]) -> None:
    if not lines:
        raise EmptyPostingError
    if sum(line.amount for line in lines) != 0:
        raise UnbalancedPostingError
    for line in lines:
        if line.amount == 0:
            raise UnbalancedPostingError
        if line.contribution_month is not None and line.contribution_month.day != 1:
            raise InvalidMonthError


def _same_lines(posting: Posting, lines: Iterable[Line]) -> bool:
    stored = sorted(
        (entry.account_id, entry.amount, entry.programme, entry.contribution_month)
        for entry in posting.entries.all()
    )
    return stored == sorted(line.key() for line in lines)


def _replay(existing: Posting, lines: Sequence[Line], reverses: Posting | None) -> Posting:
    """The first posting of a source, when asked again for the same lines reversing the same posting."""
    if existing.reverses_id != (reverses.pk if reverses is not None else None):
        raise SourceConflictError
    if not _same_lines(existing, lines):
        raise SourceConflictError
    return existing


def do_post(
    source_key: str,
    lines: Sequence[Line],
    *,
    description: str,
    actor: User | None = None,
    reverses: Posting | None = None,
) -> Posting:
    """Posts the lines once for this source; posting the same source again changes nothing."""
    _check(lines)
    existing = Posting.objects.filter(source_key=source_key).first()
    if existing is not None:
        return _replay(existing, lines, reverses)
    try:
        with transaction.atomic():
            posting = Posting.objects.create(
                source_key=source_key, description=description, actor=actor, reverses=reverses
            )
            totals: dict[int, int] = defaultdict(int)
            for line in lines:
                totals[line.account.pk] += line.amount
            # Lock in a fixed order: two postings over the same accounts queue, never deadlock.
            list(
                Account.objects.select_for_update().filter(pk__in=sorted(totals)).order_by("pk").values("pk")
            )
            Entry.objects.bulk_create(
                Entry(
                    posting=posting,
                    account_id=line.account.pk,
                    amount=line.amount,
                    programme=line.programme,
                    contribution_month=line.contribution_month,
                )
                for line in lines
            )
            for account_id, total in totals.items():
                if total:
                    Account.objects.filter(pk=account_id).update(balance=F("balance") + total)
    except IntegrityError:
        # Another request claimed the same source key first: answer as it did.
        existing = Posting.objects.filter(source_key=source_key).first()
        if existing is not None:
            return _replay(existing, lines, reverses)
        # Or another reversal of the same posting, under another key, got there first.
        if reverses is not None and Posting.objects.filter(reverses=reverses).exists():
            raise AlreadyReversedError from None
        raise
    return posting


def do_reverse(posting: Posting, *, source_key: str, description: str, actor: User | None = None) -> Posting:
    """Posts the mirror image of a posting; a posting is reversed at most once."""
    if Posting.objects.filter(reverses=posting).exclude(source_key=source_key).exists():
        raise AlreadyReversedError
    lines = [
        Line(
            account=entry.account,
            amount=-entry.amount,
            programme=entry.programme,
            contribution_month=entry.contribution_month,
        )
        for entry in posting.entries.select_related("account")
    ]
    return do_post(source_key, lines, description=description, actor=actor, reverses=posting)
