"""Postings at the same moment and postings cut short (issue 5, "Reliability is tested on
PostgreSQL"). The threaded tests need PostgreSQL's row locks and run only there (CI sets
DATABASE_URL to PostgreSQL); each thread has its own connection and closes it."""

import threading
from collections.abc import Callable
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection
from django.db.models.query import QuerySet

from jamsos.ledger.actions import Line, do_post, do_reverse
from jamsos.ledger.errors import SourceConflictError
from jamsos.ledger.models import Account, Entry, Posting
from jamsos.ledger.queries import balance_differences, unbalanced_postings
from jamsos.ledger.tests.factories import (
    BILL,
    JHT,
    JKK,
    JP,
    balances,
    bill_lines,
    ledger_state,
    make_books,
    payment_lines,
)
from jamsos.members.tests.factories import MemberFactory

ON_POSTGRESQL = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: SQLite ignores SELECT ... FOR UPDATE and serialises every writer",
)


def run_together(count: int, work: Callable[[int], Any]) -> list[Any]:
    """Runs work(0..count-1) in threads released at once; each result, or the exception raised."""
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count

    def thread(index: int) -> None:
        try:
            barrier.wait(timeout=30)
            results[index] = work(index)
        except Exception as error:  # handed to the test to assert on
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=thread, args=(index,)) for index in range(count)]
    for started in threads:
        started.start()
    for started in threads:
        started.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a posting hung (deadlock or lock never released)"
    return results


def verify() -> str:
    out = StringIO()
    call_command("ledger", "verify", stdout=out)
    return out.getvalue()


@ON_POSTGRESQL
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("threads", [2, 8])
def test_the_same_source_posted_from_many_threads_at_once_posts_once(threads):
    books = make_books()

    for attempt in range(5):

        def post(_: int, key: str = f"payment:BANK-{attempt}") -> Posting:
            return do_post(key, payment_lines(books), description="Callback")

        results = run_together(threads, post)

        assert [type(r) for r in results] == [Posting] * threads, results
        assert len({posting.pk for posting in results}) == 1
    assert Posting.objects.count() == 5
    assert Entry.objects.count() == 10
    assert balances(books.bank, books.receivable) == [5 * BILL, -5 * BILL]
    verify()


@ON_POSTGRESQL
@pytest.mark.django_db(transaction=True)
def test_the_same_source_with_different_lines_at_once_posts_the_first_only():
    books = make_books()

    results = run_together(
        6, lambda i: do_post("payment:BANK-9", payment_lines(books, 1_000 + i % 2), description="Callback")
    )

    posted = [r for r in results if isinstance(r, Posting)]
    refused = [r for r in results if isinstance(r, SourceConflictError)]
    assert len(posted) + len(refused) == 6, results
    stored = Posting.objects.get()
    amount = stored.entries.get(account=books.bank).amount
    # Every thread that sent the winner's amount got the winner's posting; the others were refused.
    assert [p.pk for p in posted] == [stored.pk] * len(posted)
    assert len(posted) == 3
    assert len(refused) == 3
    assert amount in (1_000, 1_001)
    assert balances(books.bank, books.receivable) == [amount, -amount]
    verify()


@ON_POSTGRESQL
@pytest.mark.django_db(transaction=True)
def test_many_sources_posted_at_once_on_the_same_accounts_keep_every_balance_right():
    members = MemberFactory.create_batch(2)
    books = make_books(member=members[0])
    other = make_books(member=members[1], employer=books.employer)
    threads, per_thread = 8, 6

    def work(index: int) -> list[int]:
        pks = []
        for n in range(per_thread):
            mine = books if (index + n) % 2 else other
            lines = bill_lines(mine) if n % 3 else payment_lines(mine)
            # Odd threads list the lines backwards: the lock order must not depend on it.
            lines = lines[::-1] if index % 2 else lines
            pks.append(do_post(f"source:{index}:{n}", lines, description="Concurrent").pk)
        return pks

    results = run_together(threads, work)

    assert all(isinstance(r, list) for r in results), results
    assert Posting.objects.count() == threads * per_thread
    bills = threads * per_thread * 2 // 3
    payments = threads * per_thread // 3
    assert balances(books.bank, books.receivable, books.jkk_fund) == [
        payments * BILL,
        (bills - payments) * BILL,
        -bills * JKK,
    ]
    own_bills = sum(1 for i in range(threads) for n in range(per_thread) if n % 3 and (i + n) % 2)
    assert balances(books.jht, other.jht, books.jp, other.jp) == [
        -own_bills * JHT,
        -(bills - own_bills) * JHT,
        -own_bills * JP,
        -(bills - own_bills) * JP,
    ]
    assert balance_differences() == []
    assert unbalanced_postings() == []
    assert verify().startswith("ledger verify: every balance equals the sum of its entries")


@ON_POSTGRESQL
@pytest.mark.django_db(transaction=True)
def test_two_reversals_of_one_posting_at_once_post_one():
    books = make_books()
    bill = do_post("bill:1", bill_lines(books), description="October bill")

    for attempt in range(5):

        def reverse(index: int, attempt: int = attempt) -> Posting:
            return do_reverse(bill, source_key=f"reverse:{attempt}:{index}", description="Reverse")

        results = run_together(2, reverse)
        # The first round reverses it once; later rounds find it reversed.
        expected = ["AlreadyReversedError", "Posting"] if attempt == 0 else ["AlreadyReversedError"] * 2
        assert sorted(type(r).__name__ for r in results) == expected, results

    assert Posting.objects.filter(reverses=bill).count() == 1
    assert balances(books.receivable, books.jht, books.jp, books.jkk_fund) == [0, 0, 0, 0]
    verify()


def _fail_on_second_balance_update(monkeypatch):
    """Makes the second cached-balance update of a posting raise, after the entries are written."""
    real_update = QuerySet.update
    seen: dict[str, Any] = {"updates": 0, "entries_written": None}

    def update(self: QuerySet[Any], **kwargs: Any) -> int:
        if self.model is Account:
            seen["updates"] += 1
            if seen["updates"] == 2:
                seen["entries_written"] = Entry.objects.count()
                raise RuntimeError("power cut")
        return real_update(self, **kwargs)

    monkeypatch.setattr(QuerySet, "update", update)
    return seen


@pytest.mark.django_db(transaction=True)
def test_a_posting_interrupted_midway_leaves_nothing(monkeypatch):
    books = make_books()
    do_post("payment:0", payment_lines(books, 1_000), description="Earlier")
    before = ledger_state()
    seen = _fail_on_second_balance_update(monkeypatch)

    with pytest.raises(RuntimeError, match="power cut"):
        do_post("bill:1", bill_lines(books), description="October bill")

    # It was cut after its entries and one balance were written; none of it stayed.
    assert seen["entries_written"] == 2 + 4
    assert ledger_state() == before
    monkeypatch.undo()
    do_post("bill:1", bill_lines(books), description="October bill, again")
    assert balances(books.receivable, books.jht) == [BILL - 1_000, -JHT]
    verify()


@pytest.mark.django_db(transaction=True)
def test_a_posting_with_a_failing_line_leaves_nothing():
    books = make_books()
    do_post("payment:0", payment_lines(books, 1_000), description="Earlier")
    before = ledger_state()
    gone = Account(pk=books.credit.pk + 1_000)  # never saved: the foreign key fails at commit

    with pytest.raises(IntegrityError):
        do_post("bill:1", [*bill_lines(books)[:-1], Line(gone, -JKK)], description="Bad line")

    assert ledger_state() == before
    assert not Account.objects.filter(pk=gone.pk).exists()
    verify()
