"""The database keeps the ledger append-only, and on PostgreSQL every posting balanced at commit
(migration 0002)."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.db.models.deletion import ProtectedError

from jamsos.ledger.actions import do_post
from jamsos.ledger.models import Account, Entry, Posting
from jamsos.ledger.tests.factories import BILL, bill_lines, ledger_state, make_books, payment_lines

NOT_ON_SQLITE = (
    "SQLite has no DELETE trigger: Django's test flush empties tables with DELETE (migration 0002)"
)
DEFERRED = "SQLite has no deferred triggers: there an unbalanced posting is found by `ledger verify` only"


@pytest.fixture
def posted():
    books = make_books()
    bill = do_post("bill:1", bill_lines(books), description="October bill")
    return books, bill


def _refused(sql, params=()):
    """Runs the statement in a savepoint and expects the ledger's trigger to refuse it."""
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic(), connection.cursor() as c:
        c.execute(sql, params)


@pytest.mark.django_db
def test_a_raw_update_of_an_entry_amount_is_refused(posted):
    _books, bill = posted
    before = ledger_state()

    _refused("UPDATE ledger_entry SET amount = amount + 1 WHERE posting_id = %s", [bill.pk])
    _refused("UPDATE ledger_entry SET amount = 1")

    assert ledger_state() == before


@pytest.mark.django_db
def test_an_update_of_an_entry_through_the_orm_is_refused(posted):
    books, bill = posted
    entry = bill.entries.get(account=books.receivable)
    before = ledger_state()

    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        Entry.objects.filter(pk=entry.pk).update(account=books.bank)
    entry.amount = 1
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        entry.save()

    assert ledger_state() == before
    assert Entry.objects.get(pk=entry.pk).amount == BILL


@pytest.mark.django_db
def test_an_update_of_a_posting_is_refused(posted):
    _books, bill = posted
    before = ledger_state()

    _refused("UPDATE ledger_posting SET source_key = 'bill:forged' WHERE id = %s", [bill.pk])
    with pytest.raises(IntegrityError, match="append-only"), transaction.atomic():
        Posting.objects.filter(pk=bill.pk).update(description="Changed")

    assert ledger_state() == before
    assert Posting.objects.get(pk=bill.pk).description == "October bill"


@pytest.mark.django_db
def test_a_posting_with_entries_cannot_be_deleted_through_the_orm(posted):
    _books, bill = posted
    before = ledger_state()

    with pytest.raises(ProtectedError), transaction.atomic():
        bill.delete()

    assert ledger_state() == before


@pytest.mark.django_db
def test_an_account_balance_may_be_updated(posted):
    # Only entries and postings are append-only; the cached balance is what `ledger verify` checks.
    books, _bill = posted
    with connection.cursor() as cursor:
        cursor.execute("UPDATE ledger_account SET balance = 1 WHERE id = %s", [books.receivable.pk])

    assert Account.objects.get(pk=books.receivable.pk).balance == 1


@pytest.mark.skipif(connection.vendor != "postgresql", reason=NOT_ON_SQLITE)
@pytest.mark.django_db
def test_a_raw_delete_of_an_entry_is_refused_on_postgresql(posted):
    _books, bill = posted
    before = ledger_state()

    _refused("DELETE FROM ledger_entry WHERE posting_id = %s", [bill.pk])
    _refused("DELETE FROM ledger_entry")

    assert ledger_state() == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason=NOT_ON_SQLITE)
@pytest.mark.django_db
def test_a_raw_delete_of_a_posting_is_refused_on_postgresql(posted):
    books, _bill = posted
    # The foreign key from its entries would stop it only at commit; the trigger refuses at once.
    payment = do_post("payment:1", payment_lines(books), description="Payment")
    before = ledger_state()

    _refused("DELETE FROM ledger_posting WHERE id = %s", [payment.pk])

    assert ledger_state() == before


def _insert_posting(cursor, source_key, amounts, account):
    cursor.execute(
        "INSERT INTO ledger_posting (source_key, description, posted_at)"
        " VALUES (%s, 'raw', now()) RETURNING id",
        [source_key],
    )
    posting_id = cursor.fetchone()[0]
    for amount in amounts:
        cursor.execute(
            "INSERT INTO ledger_entry (posting_id, account_id, amount, programme) VALUES (%s, %s, %s, '')",
            [posting_id, account.pk, amount],
        )
    return posting_id


@pytest.mark.skipif(connection.vendor != "postgresql", reason=DEFERRED)
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    "amounts", [pytest.param([1_000, -999], id="unbalanced"), pytest.param([], id="no-entries")]
)
def test_an_unbalanced_posting_written_with_raw_sql_is_refused_at_commit(amounts):
    books = make_books()
    do_post("payment:1", payment_lines(books), description="Payment")
    before = ledger_state()

    with (  # noqa: PT012
        pytest.raises(IntegrityError, match="unbalanced"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        _insert_posting(cursor, "raw:1", amounts, books.bank)
        # Inside the transaction the rows are there: the check waits for the commit.
        assert Posting.objects.filter(source_key="raw:1").exists()

    assert ledger_state() == before


@pytest.mark.skipif(connection.vendor != "postgresql", reason=DEFERRED)
@pytest.mark.django_db(transaction=True)
def test_a_balanced_posting_written_with_raw_sql_commits():
    # The check is deferred: the posting row comes before its entries and still commits.
    books = make_books()
    with transaction.atomic(), connection.cursor() as cursor:
        _insert_posting(cursor, "raw:2", [1_000, -1_000], books.bank)

    assert sorted(Entry.objects.filter(posting__source_key="raw:2").values_list("amount", flat=True)) == [
        -1_000,
        1_000,
    ]
