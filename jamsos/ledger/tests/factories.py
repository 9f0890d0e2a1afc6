"""A small chart of accounts for the ledger tests, typical postings on it, and a snapshot of the
whole ledger so a test can assert that a refused operation changed nothing."""

from dataclasses import dataclass
from datetime import date
from typing import Any

from jamsos.employers.models import Employer
from jamsos.employers.tests.factories import EmployerFactory
from jamsos.ledger.actions import Line, get_employer_account, get_member_account, get_scheme_account
from jamsos.ledger.models import Account, AccountKind, Entry, Posting, Programme
from jamsos.members.models import Member
from jamsos.members.tests.factories import MemberFactory

MONTH = date(2026, 10, 1)

# One worker's contributions for a month on a wage of Rp 5.000.000 (JHT 5.7 %, JP 3 %, JKK 0.24 %).
JHT = 285_000
JP = 150_000
JKK = 12_000
BILL = JHT + JP + JKK


@dataclass(frozen=True)
class Books:
    member: Member
    employer: Employer
    bank: Account
    jkk_fund: Account
    jht: Account
    jp: Account
    receivable: Account
    credit: Account


def make_books(member: Member | None = None, employer: Employer | None = None) -> Books:
    member = member or MemberFactory.create()
    employer = employer or EmployerFactory.create()
    return Books(
        member=member,
        employer=employer,
        bank=get_scheme_account(AccountKind.BANK),
        jkk_fund=get_scheme_account(AccountKind.PROGRAMME_FUND, Programme.JKK),
        jht=get_member_account(member.pk, Programme.JHT),
        jp=get_member_account(member.pk, Programme.JP),
        receivable=get_employer_account(employer.pk, AccountKind.EMPLOYER_RECEIVABLE),
        credit=get_employer_account(employer.pk, AccountKind.EMPLOYER_CREDIT),
    )


def bill_lines(
    books: Books, *, jht: int = JHT, jp: int = JP, jkk: int = JKK, month: date = MONTH
) -> list[Line]:
    """An employer billed for one worker's month: the receivable grows, the worker's savings and
    the JKK fund are credited."""
    return [
        Line(books.receivable, jht + jp + jkk),
        Line(books.jht, -jht, Programme.JHT, month),
        Line(books.jp, -jp, Programme.JP, month),
        Line(books.jkk_fund, -jkk, Programme.JKK, month),
    ]


def payment_lines(books: Books, amount: int = BILL) -> list[Line]:
    """The employer pays: money in the bank, the receivable shrinks."""
    return [Line(books.bank, amount), Line(books.receivable, -amount)]


def balances(*accounts: Account) -> list[int]:
    """The accounts' cached balances as the database holds them now."""
    stored = dict(Account.objects.filter(pk__in=[a.pk for a in accounts]).values_list("pk", "balance"))
    return [stored[a.pk] for a in accounts]


def ledger_state() -> dict[str, Any]:
    """Every posting, entry and balance: equal before and after an operation that changed nothing."""
    return {
        "postings": list(Posting.objects.order_by("pk").values_list("pk", "source_key", "reverses_id")),
        "entries": list(
            Entry.objects.order_by("pk").values_list(
                "pk", "posting_id", "account_id", "amount", "programme", "contribution_month"
            )
        ),
        "balances": dict(Account.objects.values_list("pk", "balance")),
    }
