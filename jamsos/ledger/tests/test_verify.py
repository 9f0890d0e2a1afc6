"""`jamsos ledger verify`: every cached balance recomputed from the entries."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from jamsos.ledger.actions import do_post, do_reverse
from jamsos.ledger.queries import (
    BalanceDifference,
    UnbalancedPosting,
    balance_differences,
    unbalanced_postings,
)
from jamsos.ledger.tests.factories import BILL, JHT, bill_lines, make_books, payment_lines

pytestmark = pytest.mark.django_db

CLEAN = "ledger verify: every balance equals the sum of its entries; every posting balances\n"


def verify():
    out = StringIO()
    call_command("ledger", "verify", stdout=out)
    return out.getvalue()


@pytest.fixture
def books():
    books = make_books()
    bill = do_post("bill:1", bill_lines(books), description="October bill")
    do_post("payment:1", payment_lines(books), description="Payment")
    do_reverse(bill, source_key="reverse:bill:1", description="Billed twice")
    do_post("bill:2", bill_lines(books), description="October bill, once")
    return books


def test_verify_passes_on_an_empty_ledger():
    assert verify() == CLEAN


def test_verify_passes_on_a_clean_ledger(books):
    assert verify() == CLEAN


def test_verify_names_a_tampered_balance_and_both_figures(books):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE ledger_account SET balance = %s WHERE id = %s", [-JHT * 2, books.jht.pk])
    out = StringIO()

    with pytest.raises(CommandError) as caught:
        call_command("ledger", "verify", stdout=out)

    assert out.getvalue() == f"account {books.jht.pk}: cached balance {-JHT * 2}, entries sum to {-JHT}\n"
    assert (
        str(caught.value) == "ledger verify: 1 account(s) differ from their entries, 0 posting(s) unbalanced"
    )
    assert balance_differences() == [BalanceDifference(books.jht.pk, -JHT * 2, -JHT)]


def test_verify_names_a_balance_set_on_an_account_without_entries(books):
    with connection.cursor() as cursor:
        cursor.execute("UPDATE ledger_account SET balance = 5 WHERE id = %s", [books.credit.pk])

    with pytest.raises(CommandError):
        verify()

    assert balance_differences() == [BalanceDifference(books.credit.pk, 5, 0)]


@pytest.mark.django_db(transaction=True)
def test_verify_names_an_unbalanced_posting(books):
    # An entry added later to a committed posting: the database checks a posting's balance when
    # the posting is created (PostgreSQL) or not at all (SQLite), so only `verify` sees this.
    posting = do_post("payment:2", payment_lines(books, 1_000), description="Payment")
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO ledger_entry (posting_id, account_id, amount, programme) VALUES (%s, %s, 7, '')",
            [posting.pk, books.bank.pk],
        )
    out = StringIO()

    with pytest.raises(CommandError) as caught:
        call_command("ledger", "verify", stdout=out)

    assert out.getvalue() == (
        f"account {books.bank.pk}: cached balance {BILL + 1_000}, entries sum to {BILL + 1_007}\n"
        f"posting {posting.pk}: entries sum to 7, not 0\n"
    )
    assert (
        str(caught.value) == "ledger verify: 1 account(s) differ from their entries, 1 posting(s) unbalanced"
    )
    assert unbalanced_postings() == [UnbalancedPosting(posting.pk, 7)]
